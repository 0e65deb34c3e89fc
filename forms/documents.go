package forms

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// ForCase returns every document that applies to the case now, in a fixed order: the
// registration form, the investigation report once the window has reported, the callback
// record once the office has called, the appeal application once the case has an appeal,
// the closing approval once the office proposed to close, and the summary for the archive.
// It returns an error for a nil case.
func ForCase(c *caseflow.Case, o Options) ([]*Document, error) {
	if c == nil {
		return nil, errNoCase
	}
	builders := []func(*caseflow.Case, Options) (*Document, error){Registration}
	if c.Report != nil {
		builders = append(builders, InvestigationReport)
	}
	if len(callbackEntries(c)) > 0 {
		builders = append(builders, Callbacks)
	}
	if c.Appeal != nil {
		builders = append(builders, AppealApplication)
	}
	if c.Closure != nil {
		builders = append(builders, ClosingApproval)
	}
	builders = append(builders, Summary)
	docs := make([]*Document, 0, len(builders))
	for _, b := range builders {
		d, err := b(c, o)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// errNoCase is the error of a builder given a nil case.
var errNoCase = errors.New("forms: no case")

// What the builders share: times in Chinese, personal data masked, blanks to write on.

// blank is what running text shows for a value not yet known, to be written in by hand.
const blank = "________"

// orBlank returns s, or blank when s is empty.
func orBlank(s string) string {
	if strings.TrimSpace(s) == "" {
		return blank
	}
	return s
}

// location returns the zone the options' calendar formats times in.
func location(o Options) *time.Location {
	if o.Calendar != nil {
		return o.Calendar.Location()
	}
	return deadline.China().Location()
}

// formatTime writes t as a form records it, in the calendar's zone: "2026年11月16日 9:30";
// "" for the zero time, so that the field stays blank.
func formatTime(o Options, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(location(o))
	return fmt.Sprintf("%d年%d月%d日 %d:%02d", t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute())
}

// formatDay writes the day of t: "2026年11月16日"; "" for the zero time.
func formatDay(o Options, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(location(o))
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// formatDate writes a calendar date: "2026年11月30日"; "" for the zero date.
func formatDate(d deadline.Date) string {
	if d == (deadline.Date{}) {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

// masker shows the personal data of a case's reviewer or complainant, and of the person
// investigated, in full or masked: names as [haochaping.MaskName] masks them, phones as
// [haochaping.MaskPhone], ID numbers as [haochaping.MaskIDNumber]; free text has the
// person's known values masked wherever they occur and digit runs masked as
// [haochaping.MaskText] does.
type masker struct {
	full bool
	// known are the personal values of the case, each with its masked form.
	known []string
}

// newMasker returns the masker of case c: full shows everything.
func newMasker(c *caseflow.Case, full bool) masker {
	m := masker{full: full}
	if full || c == nil {
		return m
	}
	var ps []haochaping.Reviewer
	if c.Review != nil {
		ps = append(ps, c.Review.Reviewer)
	}
	if c.Complaint != nil {
		ps = append(ps, c.Complaint.Complainant)
	}
	for _, p := range ps {
		m.add(p.Name, haochaping.MaskName(p.Name))
		m.add(p.Phone, haochaping.MaskPhone(p.Phone))
		m.add(p.IDNumber, haochaping.MaskIDNumber(p.IDNumber))
	}
	if c.Report != nil {
		m.add(c.Report.SubjectPhone, haochaping.MaskPhone(c.Report.SubjectPhone))
	}
	return m
}

// add records value and its masked form; a value of one character is too short to find
// in free text.
func (m *masker) add(value, masked string) {
	if utf8.RuneCountInString(strings.TrimSpace(value)) > 1 {
		m.known = append(m.known, value, masked)
	}
}

func (m masker) name(s string) string {
	if m.full {
		return s
	}
	return haochaping.MaskName(s)
}

func (m masker) phone(s string) string {
	if m.full {
		return s
	}
	return haochaping.MaskPhone(s)
}

func (m masker) idNumber(s string) string {
	if m.full {
		return s
	}
	return haochaping.MaskIDNumber(s)
}

// text masks free text written by the reviewer, the complainant or a clerk.
func (m masker) text(s string) string {
	if m.full || s == "" {
		return s
	}
	if len(m.known) > 0 {
		s = strings.NewReplacer(m.known...).Replace(s)
	}
	return haochaping.MaskText(s)
}

// TextMasker returns the function the documents mask free text of case c with, for a portal
// that shows such text beside them (a trail's notes, the reviewer's words): the personal
// values the case knows (the reviewer's or complainant's name, phone and ID number, the
// investigated person's phone) masked wherever they occur, then digit runs as
// [haochaping.MaskText] masks them.
func TextMasker(c *caseflow.Case) func(string) string { return newMasker(c, false).text }

// texts masks each of ss.
func (m masker) texts(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = m.text(s)
	}
	return out
}

// numbered numbers items as the measures do: "1、…", "2、…".
func numbered(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = fmt.Sprintf("%d、%s", i+1, s)
	}
	return out
}

// person is the reviewer of a pushed case or the complainant of an on-site one, with the
// time they rated or complained; ok is false for a case with neither.
func person(c *caseflow.Case) (p haochaping.Reviewer, at time.Time, anonymous, ok bool) {
	switch {
	case c.Review != nil:
		return c.Review.Reviewer, c.Review.Time, c.Review.Anonymous, true
	case c.Complaint != nil:
		return c.Complaint.Complainant, c.Complaint.Time, false, true
	}
	return haochaping.Reviewer{}, time.Time{}, false, false
}

// personName is the reviewer's or complainant's name as a form shows it: masked unless
// full, "匿名" for an anonymous review.
func personName(c *caseflow.Case, m masker) string {
	p, _, anonymous, _ := person(c)
	if anonymous {
		return "匿名"
	}
	return m.name(p.Name)
}

// matter returns the matter number (办理编号) and service item (办理事项) of the case.
func matter(c *caseflow.Case) (number, item string) {
	switch {
	case c.Review != nil:
		return c.Review.MatterNumber, c.Review.ServiceItem
	case c.Complaint != nil:
		return c.Complaint.MatterNumber, c.Complaint.ServiceItem
	}
	return "", ""
}

// windowName names the responsible window, or the window rated or complained of while
// none is responsible yet; "" when none is known.
func windowName(c *caseflow.Case) string {
	switch {
	case c.ResponsibleWindow != nil && c.ResponsibleWindow.Name != "":
		return c.ResponsibleWindow.Name
	case c.ResponsibleWindow != nil:
		return c.ResponsibleWindow.ID
	case c.Review != nil:
		return c.Review.Window
	case c.Complaint != nil:
		return c.Complaint.Window
	}
	return ""
}

// actorName shows who took a step: the role and the name, "县政管办 王敏".
func actorName(a caseflow.Actor) string {
	if a.Name == "" {
		return a.Role.Label()
	}
	return a.Role.Label() + " " + a.Name
}

// stepLabel is the Chinese label of the step an entry records, as its workflow names it.
func stepLabel(c *caseflow.Case, e *caseflow.Entry) string {
	if w := c.Workflow(); w != nil {
		if d, ok := w.Step(e.Event, e.From); ok && d.Label != "" {
			return d.Label
		}
	}
	return string(e.Event)
}

// Table helpers.

// label is a label cell spanning span grid columns, its lines one per paragraph.
func label(span int, lines ...string) Cell { return Cell{Lines: lines, Span: span, Label: true} }

// value is a value cell spanning span grid columns; empty lines leave it blank.
func value(span int, lines ...string) Cell {
	var ls []string
	for _, l := range lines {
		if l != "" {
			ls = append(ls, l)
		}
	}
	return Cell{Lines: ls, Span: span}
}

// row is a row of cells.
func row(cells ...Cell) Row { return Row{Cells: cells} }

// fieldTable is a table of two columns, a label and its value, one row per field.
func fieldTable(rows ...Row) *Table {
	return &Table{Widths: []int{labelWidth, gridWidth - labelWidth}, Rows: rows}
}

// field is a row of a fieldTable.
func field(name string, lines ...string) Row { return row(label(1, name), value(1, lines...)) }

// gridWidth is the text width of [DefaultStyle] in twips, 8845 (A4 less GB/T 9704's
// margins of 26 mm and 28 mm), which the builders' tables fill.
const gridWidth = A4Width - 1474 - 1587

// labelWidth is the width of the label column of a fieldTable: seven characters of 四号.
const labelWidth = 2200

// levelOf returns the Chinese label of the rating level of c's review, or "" for an on-site
// complaint, which has none.
func levelOf(c *caseflow.Case) string {
	if c.Review == nil {
		return ""
	}
	return c.Review.Level.Label()
}
