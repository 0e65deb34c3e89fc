package caseflow

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/haochaping/haochaping"
)

// Every type that holds personal data, or a trail's salt, renders masked under fmt whatever
// the verb, so that a %v, %+v, %#v or a mistaken %d in a log line shows no name, phone, ID
// number or salt in full: Case (also as a value), Entry, Complaint and Report. Their String
// is the one-line rendering; %q quotes it.

// formatMasked writes text for any verb, quoted for %q.
func formatMasked(f fmt.State, verb rune, text string) {
	if verb == 'q' {
		text = strconv.Quote(text)
	}
	io.WriteString(f, text)
}

// Format renders the case as String does, whatever the verb.
func (c Case) Format(f fmt.State, verb rune) { formatMasked(f, verb, c.String()) }

// String shows the entry in one line: its sequence number, event, states, time and actor,
// not its content.
func (e *Entry) String() string {
	return fmt.Sprintf("#%d %s %s→%s %s %s(%s)", e.Seq, e.Event, e.From, e.To,
		e.Time.In(haochaping.Location()).Format(time.DateTime), e.Actor.Name, e.Actor.Role)
}

// Format renders the entry as String does, whatever the verb.
func (e Entry) Format(f fmt.State, verb rune) { formatMasked(f, verb, e.String()) }

// Format renders the complaint as String does (the complainant masked), whatever the verb.
func (c Complaint) Format(f fmt.State, verb rune) { formatMasked(f, verb, c.String()) }

// String shows the report in one line with the phone masked.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "调查整改报告 调查人 %s 调查对象 %s", r.Investigator, r.Subject)
	if r.SubjectPhone != "" {
		fmt.Fprintf(&b, " 电话 %s", haochaping.MaskPhone(r.SubjectPhone))
	}
	fmt.Fprintf(&b, " %s", r.Finding.Label())
	return b.String()
}

// Format renders the report as String does, whatever the verb.
func (r Report) Format(f fmt.State, verb rune) { formatMasked(f, verb, r.String()) }

// String shows the intake in one line: the case, its kind, and the review or complaint
// masked.
func (in Intake) String() string {
	s := fmt.Sprintf("立案 %s %s", in.Case, in.Kind.Label())
	switch {
	case in.Review != nil:
		s += " " + in.Review.String()
	case in.Complaint != nil:
		s += " " + in.Complaint.String()
	}
	return s
}

// Format renders the intake as String does, whatever the verb: its salt and its cache of
// commitments never show.
func (in Intake) Format(f fmt.State, verb rune) { formatMasked(f, verb, in.String()) }

// Only the JSON of the storage codec keeps personal data: StoredCase and StoredEntry render
// masked otherwise, as Case and Entry do.

// Format renders the case as [Case.String] does, whatever the verb.
func (s StoredCase) Format(f fmt.State, verb rune) { Case(s).Format(f, verb) }

// LogValue logs the case as [Case.LogValue] does.
func (s StoredCase) LogValue() slog.Value { c := Case(s); return c.LogValue() }

// Format renders the entry as [Entry.String] does, whatever the verb.
func (s StoredEntry) Format(f fmt.State, verb rune) { Entry(s).Format(f, verb) }

// LogValue logs the entry's sequence number, event, states and time.
func (s StoredEntry) LogValue() slog.Value { e := Entry(s); return e.LogValue() }

// LogValue logs the entry's sequence number, event, states, time and actor, not its content.
func (e *Entry) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("seq", e.Seq), slog.String("event", string(e.Event)),
		slog.String("from", string(e.From)), slog.String("to", string(e.To)), slog.Time("time", e.Time),
		slog.Any("actor", e.Actor))
}
