package haochaping

import (
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Option is one checkable bad-review option (差评选项), such as Annex 1's 1.(1) 不一次性告知.
// An option always carries the identifier of the list it comes from: codes of different
// lists are never compared.
type Option struct {
	List string `json:"list"` // identifier of the option list, e.g. "rongan-2021-annex1"
	Code string `json:"code"` // stable code within the list, e.g. "1.1"
	// Dimension is the dimension the option belongs to; zero for an option of a list that
	// does not sort its options by dimension, or names two at once, as the national list's
	// 115 服务态度差效率低 does: its [Crosswalk] says what it means in Annex 1.
	Dimension Dimension `json:"dimension,omitempty"`
	Label     string    `json:"label"` // the Chinese text shown to reviewers
	// Level is the satisfaction level the option is offered with, as the national list
	// ties each option to one star level; zero for a list whose options are not tied to
	// one level, as Annex 1's options go with both bad levels.
	Level Level `json:"level,omitempty"`
	// Retired is true for an option the list no longer offers but old records still carry.
	Retired bool `json:"retired,omitempty"`
}

// String returns the code and label, e.g. "1.1 不一次性告知".
func (o Option) String() string { return o.Code + " " + o.Label }

// OptionList is a list of bad-review options with its source: Annex 1 of the Rong'an
// measures by default ([Annex1]), or a county's or the national list loaded with
// [ParseOptionList]. An OptionList is immutable and safe for concurrent use.
type OptionList struct {
	id, source, version string
	badOnly             bool
	options             []Option
	byCode              map[string]int
}

// ID returns the list's identifier, carried by each of its options.
func (l *OptionList) ID() string { return l.id }

// Source names the document the list comes from.
func (l *OptionList) Source() string { return l.source }

// Version names the revision of the list, as its @version line gives it; empty when the
// list has none.
func (l *OptionList) Version() string { return l.version }

// BadOnly reports whether the list's options may only be chosen with a bad level
// (不满意 or 非常不满意), as with Annex 1, which lists 差评选项 only.
func (l *OptionList) BadOnly() bool { return l.badOnly }

// Options returns a copy of the options in list order.
func (l *OptionList) Options() []Option { return append([]Option(nil), l.options...) }

// Lookup returns the option with the given code. It returns a *FieldError wrapping
// ErrUnknownCode when the list has no such code.
func (l *OptionList) Lookup(code string) (Option, error) {
	i, ok := l.byCode[code]
	if !ok {
		return Option{}, &FieldError{Field: "option", Value: code, Err: ErrUnknownCode,
			Detail: "not in option list " + l.id}
	}
	return l.options[i], nil
}

// Contains reports whether o is an option of this list, exactly as the list has it.
func (l *OptionList) Contains(o Option) bool {
	i, ok := l.byCode[o.Code]
	return ok && o.List == l.id && l.options[i] == o
}

//go:embed data/annex1-rongan-2021.txt
var annex1Data []byte

var annex1 = mustParseOptionList(annex1Data)

func mustParseOptionList(data []byte) *OptionList {
	l, err := ParseOptionList(data)
	if err != nil {
		panic("haochaping: embedded option list: " + err.Error())
	}
	return l
}

// Annex1 returns the 21 checkable options of Annex 1 of the Rong'an measures
// (政务服务"一次一评，一事一评"差评评价内容), list "rongan-2021-annex1".
//
// 第二条 and 附件1: the bad-review content is rated in five dimensions; 其他 is free text.
func Annex1() *OptionList { return annex1 }

// Options returns the options of Annex 1 in the order of the annex.
func Options() []Option { return annex1.Options() }

// LookupOption returns the Annex 1 option with the given code, "1.1" to "4.5".
func LookupOption(code string) (Option, error) { return annex1.Lookup(code) }

// ParseOptionList reads an option list from its text form, UTF-8, one entry a line:
//
//	# a comment
//	@list	rongan-2021-annex1        (required: the list's identifier)
//	@source	融安县…附件1               (required: the document it comes from)
//	@version	2021                  (optional: the list's revision)
//	@bad-only                         (optional: options only go with a bad level)
//	1.1	attitude	不一次性告知          (code, dimension, label, separated by tabs)
//	209	-	未在承诺时间内办结	stars=2	(then optional attributes)
//
// Dimensions are written as text codes (attitude, quality, efficiency, environment, other)
// or Chinese labels, or "-" for an option that has no one dimension. The attributes after
// the label are stars=N, the star level (1 非常不满意 … 5 非常满意, the push interface's
// level code) the option is offered with, and retired, for an option no longer offered.
// Data over 1 MiB is refused unread. Every problem is reported at once, each naming its
// line.
func ParseOptionList(data []byte) (*OptionList, error) {
	l := &OptionList{byCode: map[string]int{}}
	t := tabbed{kind: "option list"}
	t.read(data, map[string]*string{"@list": &l.id, "@source": &l.source, "@version": &l.version}, func(n int, fields []string) {
		if fields[0] == "@bad-only" {
			l.badOnly = true
			return
		}
		if len(fields) < 3 {
			t.bad(n, "want code, dimension and label separated by tabs, got %d fields", len(fields))
			return
		}
		o, err := parseOption(fields)
		if err != nil {
			t.bad(n, "%s", unprefixed(err))
			return
		}
		if _, dup := l.byCode[o.Code]; dup {
			t.bad(n, "code %q appears twice", excerpt(o.Code))
			return
		}
		l.byCode[o.Code] = len(l.options)
		l.options = append(l.options, o)
	})
	errs := t.errs
	if l.id == "" || l.source == "" {
		errs = append(errs, errors.New("haochaping: option list: @list and @source are required"))
	}
	if len(l.options) == 0 {
		errs = append(errs, errors.New("haochaping: option list: no options"))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for i := range l.options {
		l.options[i].List = l.id
	}
	return l, nil
}

// parseOption reads the fields of one option line: code, dimension, label, attributes.
func parseOption(fields []string) (Option, error) {
	o := Option{Code: strings.TrimSpace(fields[0]), Label: strings.TrimSpace(fields[2])}
	if o.Code == "" || o.Label == "" {
		return Option{}, errors.New("empty code or label")
	}
	if HasControl(o.Code) || HasControl(o.Label) {
		return Option{}, errors.New("a control or format character in a code or a label")
	}
	if dim := strings.TrimSpace(fields[1]); dim != "-" {
		d, err := dimensions.parse(dim)
		if err != nil {
			return Option{}, err
		}
		o.Dimension = d
	}
	for _, attr := range fields[3:] {
		switch attr = strings.TrimSpace(attr); {
		case attr == "retired":
			o.Retired = true
		case strings.HasPrefix(attr, "stars="):
			n, err := strconv.Atoi(strings.TrimPrefix(attr, "stars="))
			if err != nil || n < 1 || n > 5 {
				return Option{}, fmt.Errorf("stars=%s: want 1 to 5", excerpt(strings.TrimPrefix(attr, "stars=")))
			}
			o.Level, _ = InterfaceCodes.Level(n)
		default:
			return Option{}, fmt.Errorf("attribute %q: want stars=N or retired", excerpt(attr))
		}
	}
	return o, nil
}
