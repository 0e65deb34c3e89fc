package haochaping

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// PushFormat says how to read the codes of a pushed evaluation record. The level and channel
// code systems are chosen explicitly: the same number means different things in each.
type PushFormat struct {
	// Levels is the code system of the fields satisfaction, levelCode and evalNum;
	// national and provincial pushes use InterfaceCodes.
	Levels LevelCodes
	// Channels is the variant of the pf codes.
	Channels PFVariant
	// Options is the list the evalDetail codes come from; nil means Annex1.
	Options *OptionList
	// Location is the zone of assessTime; nil means Asia/Shanghai.
	Location *time.Location
	// Limits bound the record's size, its texts, its option codes and the problems an
	// error lists; the zero value means [DefaultLimits].
	Limits Limits
}

// CommonPush returns the format of national and most provincial pushes: interface level
// codes (1 = 非常不满意 … 5 = 非常满意), common pf codes, Annex 1 options, Beijing time.
func CommonPush() PushFormat { return PushFormat{Levels: InterfaceCodes, Channels: PFCommon} }

// pushTimeLayouts are the layouts of assessTime: the interfaces' yyyy-MM-dd HH:mm:ss and
// GB/T 39046's YYYYMMDDThhmmss.
var pushTimeLayouts = []string{"2006-01-02 15:04:05", "20060102T150405"}

// DecodePushed reads one evaluation record pushed by the rating system, a JSON object with
// the interface's field names:
//
//	projectNo          办件编号 (required)         → MatterNumber
//	assessNumber       1 first, 2 follow-up (required) → FollowUp
//	satisfaction, levelCode, evalNum  level code (at least one; all given must agree)
//	pf                 channel code (required)      → Channel
//	assessTime         yyyy-MM-dd HH:mm:ss or YYYYMMDDThhmmss (required) → Time
//	evalDetail         option codes, comma separated → Options
//	writingEvaluation  文字评价                     → FreeText
//	taskCode, taskName 事项编码, 事项名称            → ServiceItemCode, ServiceItem
//	proDepart, proDepartCode, proManager            → Department, DepartmentCode, Staff
//	userName           评价人; empty means anonymous → Reviewer.Name, Anonymous
//	userProp           1 个人, 2 法人               → Reviewer.Kind
//	areaCode           行政区划                      → AreaCode
//
// Numbers may come as JSON numbers or numeric strings. Other fields are ignored. The review
// ID is built from the matter number as [NormalizeID] gives it, the rating's number and its
// time, as in "450224-2026-000123#1#20261120T101500": the same push arriving twice has the
// same ID, also when one copy writes the matter number with full-width characters or
// spaces around it, and two on-site ratings of one matter at different visits do not.
// MatterNumber keeps the number as pushed, for display. Reviewers' phones and ID numbers
// travel encrypted and are not read here: set them after decryption. With Zhejiang's pf
// codes, pf 7 marks a default rating.
//
// Hostile input is refused cheaply, within f.Limits: a record over Limits.Push bytes
// before it is parsed (field "record", [ErrTooLarge]); a text over Limits.Text runes,
// without showing it; evalDetail after Limits.Options codes, without reading the rest. A
// key given twice in one object, at the top or nested, is refused naming the key
// ([ErrDuplicateKey]): which of its values holds would be unclear. A control or format
// character (below U+0020, U+007F, categories Cc, Cf, Zl, Zp) in projectNo, taskCode,
// proDepartCode, areaCode or an option code is refused as [ErrMalformed]; free text keeps
// such characters, and every rendering of a [Review] escapes them. Errors show at most a
// short, masked, escaped excerpt of a pushed value.
//
// Every problem is reported at once (up to Limits.Problems of them, the rest summed up),
// each as a *FieldError naming the push field. The review is not validated: call
// [Validator.Validate] next.
func DecodePushed(data []byte, f PushFormat) (Review, error) {
	lim := f.Limits.WithDefaults()
	if len(data) > lim.Push {
		return Review{}, &FieldError{Field: "record", Err: ErrTooLarge,
			Detail: fmt.Sprintf("%d bytes; the limit is %d (Limits.Push)", len(data), lim.Push)}
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return Review{}, fmt.Errorf("haochaping: pushed record: not a JSON object: %w", err)
	}
	if raw == nil {
		return Review{}, fmt.Errorf("haochaping: pushed record: not a JSON object: null")
	}
	if dup := checkDuplicateKeys(data); len(dup) > 0 {
		return Review{}, dup.err(lim.Problems)
	}
	d := pushDecoder{raw: raw, lim: lim}
	var r Review
	r.MatterNumber = d.code("projectNo", true)
	r.ServiceItemCode = d.code("taskCode", false)
	r.ServiceItem = d.text("taskName", false)
	r.Department = d.text("proDepart", false)
	r.DepartmentCode = d.code("proDepartCode", false)
	r.Staff = d.text("proManager", false)
	r.FreeText = d.text("writingEvaluation", false)
	r.AreaCode = d.code("areaCode", false)
	r.Reviewer.Name = d.text("userName", false)
	r.Anonymous = strings.TrimSpace(r.Reviewer.Name) == ""

	assessNumber, ok := d.number("assessNumber", true)
	if ok && assessNumber != 1 && assessNumber != 2 {
		d.p.add("assessNumber", excerpt(strconv.Itoa(assessNumber)), ErrUnknownCode, "want 1 (first rating) or 2 (follow-up)")
	}
	r.FollowUp = assessNumber == 2
	r.Level = d.level(f.Levels)
	if n, ok := d.number("pf", true); ok {
		if c, err := f.Channels.Channel(n); err != nil {
			d.p = append(d.p, err)
		} else {
			r.Channel = c
			r.Default = c == ChannelSystemDefault
		}
	}
	if n, ok := d.number("userProp", false); ok {
		if n == 1 || n == 2 {
			r.Reviewer.Kind = PartyKind(n)
		} else {
			d.p.add("userProp", excerpt(strconv.Itoa(n)), ErrUnknownCode, "want 1 (个人) or 2 (法人)")
		}
	}
	r.Time = d.time("assessTime", f.Location)
	if !r.Time.IsZero() && assessNumber > 0 {
		r.ID = NormalizeID(r.MatterNumber) + "#" + strconv.Itoa(assessNumber) + "#" + r.Time.Format("20060102T150405")
	}
	r.Options = d.options("evalDetail", f.Options)
	if err := d.p.err(lim.Problems); err != nil {
		return Review{}, err
	}
	return r, nil
}

// pushDecoder reads the fields of one pushed record, collecting problems.
type pushDecoder struct {
	raw map[string]json.RawMessage
	lim Limits
	p   problems
}

// code returns a text field holding an identifier or a code, refusing control characters.
func (d *pushDecoder) code(field string, required bool) string {
	s := d.text(field, required)
	if HasControl(s) {
		d.p.add(field, excerpt(s), ErrMalformed, "a control or format character has no place in an identifier or a code")
		return ""
	}
	return s
}

// text returns a text field of at most Limits.Text runes; a longer one is refused without
// showing it.
func (d *pushDecoder) text(field string, required bool) string {
	s := d.str(field, required)
	if n := utf8.RuneCountInString(s); n > d.lim.Text {
		d.p.add(field, "", ErrTooLarge, "%d characters; the limit is %d (Limits.Text)", n, d.lim.Text)
		return ""
	}
	return s
}

// str returns a string field, accepting a JSON string or number; null counts as absent.
func (d *pushDecoder) str(field string, required bool) string {
	v, ok := d.raw[field]
	if !ok || bytes.Equal(v, []byte("null")) {
		if required {
			d.p.add(field, "", ErrRequired, "")
		}
		return ""
	}
	var s string
	if err := json.Unmarshal(v, &s); err == nil {
		if required && strings.TrimSpace(s) == "" {
			d.p.add(field, excerpt(s), ErrRequired, "")
		}
		return s
	}
	var n json.Number
	if err := json.Unmarshal(v, &n); err == nil {
		return n.String()
	}
	// The value is named by its JSON kind only: it may hold a reviewer's personal data.
	d.p.add(field, "<"+jsonKind(v)+">", ErrMalformed, "want a string")
	return ""
}

// jsonKind names the kind of a JSON value: object, array, boolean or value.
func jsonKind(v json.RawMessage) string {
	switch v[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "boolean"
	}
	return "value"
}

// number returns an integer field, accepting a JSON number or a numeric string.
func (d *pushDecoder) number(field string, required bool) (int, bool) {
	s := d.text(field, required)
	if s == "" {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		d.p.add(field, excerpt(s), ErrMalformed, "want a whole number")
		return 0, false
	}
	return n, true
}

// level reads the level from satisfaction, levelCode and evalNum, which must agree.
func (d *pushDecoder) level(codes LevelCodes) Level {
	var level Level
	var from string
	before := len(d.p)
	for _, field := range []string{"satisfaction", "levelCode", "evalNum"} {
		n, ok := d.number(field, false)
		if !ok {
			continue
		}
		l, err := codes.Level(n)
		switch {
		case err != nil:
			d.p.add(field, excerpt(strconv.Itoa(n)), ErrUnknownCode, "%s", unprefixed(err))
		case level != 0 && l != level:
			d.p.add(field, excerpt(strconv.Itoa(n)), ErrInconsistent, "%s says %s, %s says %s", from, level, field, l)
		case level == 0:
			level, from = l, field
		}
	}
	if level == 0 && len(d.p) == before {
		d.p.add("satisfaction", "", ErrRequired, "one of satisfaction, levelCode or evalNum")
	}
	return level
}

// time reads a time field in the given zone.
func (d *pushDecoder) time(field string, loc *time.Location) time.Time {
	s := d.text(field, true)
	if s == "" {
		return time.Time{}
	}
	if loc == nil {
		loc = Location()
	}
	for _, layout := range pushTimeLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t
		}
	}
	d.p.add(field, excerpt(s), ErrMalformed, "want yyyy-MM-dd HH:mm:ss or YYYYMMDDThhmmss")
	return time.Time{}
}

// options reads comma-separated option codes of the list, at most Limits.Options of them:
// it stops at the first code beyond, so that a huge list costs no more than a short one.
func (d *pushDecoder) options(field string, list *OptionList) []Option {
	s := strings.TrimSpace(d.str(field, false))
	if s == "" {
		return nil
	}
	if list == nil {
		list = Annex1()
	}
	var opts []Option
	n := 0
	for code := range strings.SplitSeq(s, ",") {
		if n++; n > d.lim.Options {
			d.p.add(field, "", ErrTooLarge, "more than %d option codes (Limits.Options)", d.lim.Options)
			break
		}
		code = strings.TrimSpace(code)
		if HasControl(code) {
			d.p.add(field, excerpt(code), ErrMalformed, "a control or format character has no place in an option code")
			continue
		}
		o, err := list.Lookup(code)
		if err != nil {
			d.p.add(field, excerpt(code), ErrUnknownCode, "not an option of list %s", list.ID())
			continue
		}
		opts = append(opts, o)
	}
	return opts
}
