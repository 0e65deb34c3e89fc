package haochaping

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Crosswalk maps the options of one list, as the rating platforms push them, to the
// options of the county's own list of bad-review options: the national evaluation option
// list (测评内容) to Annex 1 by default ([NationalToAnnex1]). Every bad option of the
// source list (1★ and 2★) maps to one or more options of the target list, to 其他 with the
// reason, or to both; good options map to nothing. A Crosswalk is immutable and safe for
// concurrent use.
//
// What a crosswalk derives is the reviewer's complaint, not a finding: it pre-fills the
// cause the window proposes, but performance deductions follow the finding after the
// investigation (第十条: "经查属…").
type Crosswalk struct {
	id, source string
	from, to   *OptionList
	entries    []CrosswalkEntry
	byCode     map[string]int
}

// CrosswalkEntry is what a crosswalk says of one option of its source list.
type CrosswalkEntry struct {
	From  Option   // the option as pushed
	To    []Option // the options of the target list it means; empty when it means only 其他
	Other bool     // it means 其他: a complaint the target list does not name
	Note  string   // why: required with Other, and where the mapping is a judgment call
}

// orDefault returns x, or [NationalToAnnex1] when x is nil.
func (x *Crosswalk) orDefault() *Crosswalk {
	if x == nil {
		return nationalToAnnex1
	}
	return x
}

// ID returns the crosswalk's identifier, recorded in each [Classification] it derives.
func (x *Crosswalk) ID() string { return x.id }

// Source names the document or decision the crosswalk comes from.
func (x *Crosswalk) Source() string { return x.source }

// From returns the list the crosswalk reads: the codes as pushed.
func (x *Crosswalk) From() *OptionList { return x.from }

// To returns the county's list the crosswalk maps to.
func (x *Crosswalk) To() *OptionList { return x.to }

// Entries returns a copy of the entries, in the order of the crosswalk's text.
func (x *Crosswalk) Entries() []CrosswalkEntry {
	out := make([]CrosswalkEntry, len(x.entries))
	for i, e := range x.entries {
		e.To = slices.Clone(e.To)
		out[i] = e
	}
	return out
}

// Entry returns what the crosswalk says of the source list's option code. It returns a
// *FieldError wrapping ErrUnknownCode for a code the crosswalk does not map: a code of
// neither list, or a good option, which means nothing to Annex 1.
func (x *Crosswalk) Entry(code string) (CrosswalkEntry, error) {
	i, ok := x.byCode[code]
	if !ok {
		return CrosswalkEntry{}, &FieldError{Field: "option", Value: excerpt(code), Err: ErrUnknownCode,
			Detail: "crosswalk " + x.id + " does not map it"}
	}
	e := x.entries[i]
	e.To = slices.Clone(e.To)
	return e, nil
}

// Means returns the options of the target list that o, an option of either list, means:
// an option of the source list what its entry says, one of the target list itself, and
// nothing for a good option or an option of neither list.
func (x *Crosswalk) Means(o Option) []Option {
	switch {
	case o.List == x.from.id && x.from.Contains(o) && x.has(o.Code):
		return slices.Clone(x.entries[x.byCode[o.Code]].To)
	case o.List == x.to.id && x.to.Contains(o):
		return []Option{o}
	}
	return nil
}

// Lookup returns the option with the given code from the source list, or else from the
// target list: a push may carry either kind of code. It returns a *FieldError wrapping
// ErrUnknownCode when neither list has the code.
func (x *Crosswalk) Lookup(code string) (Option, error) {
	if o, err := x.from.Lookup(code); err == nil {
		return o, nil
	}
	if o, err := x.to.Lookup(code); err == nil {
		return o, nil
	}
	return Option{}, &FieldError{Field: "option", Value: excerpt(code), Err: ErrUnknownCode,
		Detail: fmt.Sprintf("not in option list %s or %s", x.from.id, x.to.id)}
}

// Classification is the county's reading of the options a review was pushed with: the
// reviewer's complaint in Annex 1's terms, derived by a [Crosswalk]. It is not a finding:
// the window proposes the cause after investigating, and performance appraisal follows
// that (第十条).
type Classification struct {
	// Crosswalk is the identifier of the crosswalk that derived it.
	Crosswalk string `json:"crosswalk"`
	// Options are the target list's options the pushed options mean, each once, in the
	// target list's order.
	Options []Option `json:"options,omitempty"`
	// Other are the pushed options that mean 其他: a complaint the target list does not
	// name; their labels say what it was.
	Other []Option `json:"other,omitempty"`
	// Conflicts are the pushed options that disagree with the review's level: an option
	// offered with another star level (a 5★ option in a 2★ rating), or a bad-review option
	// in a rating that is not bad. The level decides whether a rating is bad, never the
	// options: a conflicting rating is kept, and shown with its conflict.
	Conflicts []Option `json:"conflicts,omitempty"`
	// Unknown are the option codes pushed that no list holds (a code added to the
	// national list since, or a mistyped one), as pushed, with control characters escaped
	// and cut at 64 bytes. They do not refuse the record: the level decides.
	Unknown []string `json:"unknown,omitempty"`
	// Unread counts the option codes beyond Limits.Options, which were not read.
	Unread int `json:"unread,omitempty"`
}

// IsZero reports whether c holds nothing: the review was not classified and carried no
// option code that could not be read.
func (c Classification) IsZero() bool {
	return c.Crosswalk == "" && len(c.Options) == 0 && len(c.Other) == 0 && len(c.Conflicts) == 0 &&
		len(c.Unknown) == 0 && c.Unread == 0
}

// Dimensions returns the dimensions the complaint touches, in Annex 1's order:
// those of Options, and 其他 when Other is not empty.
func (c Classification) Dimensions() []Dimension {
	var dims []Dimension
	for _, d := range Dimensions() {
		if d == DimensionOther && len(c.Other) > 0 || slices.ContainsFunc(c.Options, func(o Option) bool { return o.Dimension == d }) {
			dims = append(dims, d)
		}
	}
	return dims
}

// Label returns the classification in Chinese, grouped by dimension, e.g.
// "服务质量：2.2 服务指南看不懂、有错误、无样本、少清单；服务效率：3.5 未在承诺时限内办结", or ""
// when no option means anything in the target list.
func (c Classification) Label() string {
	var parts []string
	for _, d := range c.Dimensions() {
		var items []string
		for _, o := range c.Options {
			if o.Dimension == d {
				items = append(items, oneLine(o.String()))
			}
		}
		if d == DimensionOther {
			for _, o := range c.Other {
				items = append(items, oneLine(o.String()))
			}
		}
		parts = append(parts, d.Label()+"："+strings.Join(items, "、"))
	}
	return strings.Join(parts, "；")
}

// Classify derives the classification of a review rated level with the options opts.
// Each option of the source list means what its entry says; each option of the target
// list means itself. Options whose star level differs from level, and bad-review options
// of a bad-only list in a rating that is not bad, are listed as conflicts. It returns a
// *FieldError wrapping ErrUnknownCode for an option of neither list, or one that differs
// from its list's option of the same code.
func (x *Crosswalk) Classify(level Level, opts []Option) (Classification, error) {
	c := Classification{Crosswalk: x.id}
	var p problems
	for i, o := range opts {
		switch {
		case o.List == x.from.id && x.from.Contains(o):
			if o.Level != 0 && o.Level != level {
				c.Conflicts = append(c.Conflicts, o)
			}
			j, ok := x.byCode[o.Code]
			if !ok {
				continue // a good option: nothing to classify
			}
			e := x.entries[j]
			for _, t := range e.To {
				c.Options = appendNew(c.Options, t)
			}
			if e.Other {
				c.Other = appendNew(c.Other, o)
			}
		case o.List == x.to.id && x.to.Contains(o):
			if (o.Level != 0 && o.Level != level) || (o.Level == 0 && x.to.badOnly && !level.IsBad()) {
				c.Conflicts = append(c.Conflicts, o)
			}
			c.Options = appendNew(c.Options, o)
		default:
			p.add(fmt.Sprintf("options[%d]", i), excerpt(o.List+":"+o.Code+" "+o.Label), ErrUnknownCode,
				"not an option of list %s or %s", x.from.id, x.to.id)
		}
	}
	if err := p.err(0); err != nil {
		return Classification{}, err
	}
	slices.SortStableFunc(c.Options, func(a, b Option) int { return x.to.byCode[a.Code] - x.to.byCode[b.Code] })
	return c, nil
}

// appendNew appends o unless opts holds it already.
func appendNew(opts []Option, o Option) []Option {
	if slices.Contains(opts, o) {
		return opts
	}
	return append(opts, o)
}

//go:embed data/national-options.txt
var nationalData []byte

//go:embed data/crosswalk-national-rongan-2021.txt
var crosswalkData []byte

var (
	national         = mustParseOptionList(nationalData)
	nationalToAnnex1 = mustParseCrosswalk(crosswalkData, national, annex1)
)

func mustParseCrosswalk(data []byte, from, to *OptionList) *Crosswalk {
	x, err := ParseCrosswalk(data, from, to)
	if err != nil {
		panic("haochaping: embedded crosswalk: " + err.Error())
	}
	return x
}

// NationalOptions returns the national evaluation option list (测评内容, push field
// evalDetail), list "national": the options the rating platforms offer with each star
// level, those in use and those retired that old records still carry. Its file's header
// names the public sources it was read from.
func NationalOptions() *OptionList { return national }

// NationalToAnnex1 returns the default crosswalk, "national-rongan-2021": the national
// option list to Annex 1 of the Rong'an measures. A county with its own list loads its own
// crosswalk with [ParseCrosswalk].
func NationalToAnnex1() *Crosswalk { return nationalToAnnex1 }

// ParseCrosswalk reads a crosswalk from the list from to the list to, from its text form,
// UTF-8, one entry a line:
//
//	# a comment
//	@crosswalk	national-rongan-2021     (required: the crosswalk's identifier)
//	@source	…                            (required: the document or decision it follows)
//	@from	national                     (required: from's identifier, as a check)
//	@to	rongan-2021-annex1               (required: to's identifier, as a check)
//	209	3.5                              (a code of from, the codes of to it means)
//	115	1.3,3.4	态度与效率两方面            (then an optional note)
//	601	other,4.5	叫号机故障附件1未列        (other: 其他, with the reason as the note)
//
// Targets are separated by commas; "other" (or 其他) means 其他 and needs a note giving the
// reason. Every bad option of from (its level 不满意 or 非常不满意, or no level at all)
// must be mapped, and only those: a good option means nothing to Annex 1. Data over 1 MiB is
// refused unread. Every problem is reported at once, each naming its line.
func ParseCrosswalk(data []byte, from, to *OptionList) (*Crosswalk, error) {
	if from == nil || to == nil {
		return nil, errors.New("haochaping: crosswalk: both option lists are required")
	}
	x := &Crosswalk{from: from, to: to, byCode: map[string]int{}}
	var fromID, toID string
	t := tabbed{kind: "crosswalk"}
	t.read(data, map[string]*string{"@crosswalk": &x.id, "@source": &x.source, "@from": &fromID, "@to": &toID}, func(n int, fields []string) {
		e, err := x.parseEntry(fields)
		switch {
		case err != nil:
			t.bad(n, "%s", unprefixed(err))
		case x.has(e.From.Code):
			t.bad(n, "code %q appears twice", excerpt(e.From.Code))
		default:
			x.byCode[e.From.Code] = len(x.entries)
			x.entries = append(x.entries, e)
		}
	})
	errs := t.errs
	if x.id == "" || x.source == "" || fromID == "" || toID == "" {
		errs = append(errs, errors.New("haochaping: crosswalk: @crosswalk, @source, @from and @to are required"))
	}
	if fromID != "" && fromID != from.id || toID != "" && toID != to.id {
		errs = append(errs, fmt.Errorf("haochaping: crosswalk: written from %s to %s, given lists %s and %s",
			excerpt(fromID), excerpt(toID), from.id, to.id))
	}
	var missing []string
	for _, o := range from.options {
		if (o.Level == 0 || o.Level.IsBad()) && !x.has(o.Code) {
			missing = append(missing, o.Code)
		}
	}
	if len(missing) > 0 {
		errs = append(errs, fmt.Errorf("haochaping: crosswalk: bad options of %s not mapped: %s", from.id, strings.Join(missing, ", ")))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return x, nil
}

func (x *Crosswalk) has(code string) bool { _, ok := x.byCode[code]; return ok }

// parseEntry reads one entry line: a code of from, its targets, an optional note.
func (x *Crosswalk) parseEntry(fields []string) (CrosswalkEntry, error) {
	if len(fields) < 2 || len(fields) > 3 {
		return CrosswalkEntry{}, fmt.Errorf("want a code, its targets and an optional note separated by tabs, got %d fields", len(fields))
	}
	from, err := x.from.Lookup(strings.TrimSpace(fields[0]))
	if err != nil {
		return CrosswalkEntry{}, fmt.Errorf("code %q is not in list %s", excerpt(fields[0]), x.from.id)
	}
	if from.Level != 0 && !from.Level.IsBad() {
		return CrosswalkEntry{}, fmt.Errorf("code %s is a %s option: only bad options are classified", from.Code, from.Level.Label())
	}
	e := CrosswalkEntry{From: from}
	if len(fields) == 3 {
		e.Note = strings.TrimSpace(fields[2])
		if HasControl(e.Note) {
			return CrosswalkEntry{}, errors.New("a control or format character in the note")
		}
	}
	for t := range strings.SplitSeq(fields[1], ",") {
		switch t = strings.TrimSpace(t); t {
		case "other", "其他":
			e.Other = true
		default:
			o, err := x.to.Lookup(t)
			if err != nil {
				return CrosswalkEntry{}, fmt.Errorf("target %q is not in list %s", excerpt(t), x.to.id)
			}
			if slices.Contains(e.To, o) {
				return CrosswalkEntry{}, fmt.Errorf("target %s appears twice", o.Code)
			}
			e.To = append(e.To, o)
		}
	}
	if e.Other && e.Note == "" {
		return CrosswalkEntry{}, errors.New("a code that means 其他 needs the reason as its note")
	}
	return e, nil
}
