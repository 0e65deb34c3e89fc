package haochaping

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// PushFormat says how to read a pushed evaluation record: the field names of its layout,
// which of them arrive encrypted, and the code systems of its values. The level and channel
// code systems are chosen explicitly: the same number means different things in each.
// Start from a preset ([NationalPush], [ZhejiangPush], [ShandongPush], [ListPagePush]) or
// declare a layout in JSON with [ParsePushFormat].
type PushFormat struct {
	// Name names the layout in errors, e.g. "national".
	Name string
	// Fields names the push fields of each review field; the zero Fields means the
	// national interface's, as [NationalPush] has them.
	Fields Fields
	// Encrypted names the push fields that arrive encrypted. Each is decrypted with
	// Decrypter; without one it is left unread, and the review lists it in
	// [Review.Encrypted]: a review whose phone arrived encrypted has no callable number.
	Encrypted []string
	// Decrypter decrypts the Encrypted fields; nil leaves them unread.
	Decrypter Decrypter
	// Defaults gives, by the JSON name of a [Fields] field, the value a record lacking that
	// field is read with, written as a record would hold it (a pf code for "channel").
	// Without a default, a layout that lacks a rating number reads a first rating, and
	// one that lacks another required field (matter number, level, channel, time) is
	// refused, naming the layout.
	Defaults map[string]string
	// Levels is the code system of the level fields; national and provincial pushes use
	// InterfaceCodes.
	Levels LevelCodes
	// Channels is the variant of the pf codes.
	Channels PFVariant
	// Options is the list the option codes come from; nil means the lists of Crosswalk
	// (the national list and Annex 1 by default).
	Options *OptionList
	// Crosswalk classifies the options in the county's list ([Review.Classification]);
	// nil means [NationalToAnnex1]. Options of a list the crosswalk does not read are
	// kept unclassified.
	Crosswalk *Crosswalk
	// Location is the zone of the rating time; nil means Asia/Shanghai.
	Location *time.Location
	// Limits bound the record's size, its texts, its option codes and the problems an
	// error lists; the zero value means [DefaultLimits].
	Limits Limits
}

// pushTimeLayouts are the layouts of a rating time: the interfaces' yyyy-MM-dd HH:mm:ss and
// its variants, GB/T 39046's YYYYMMDDThhmmss, and RFC 3339 with its offset. A time of 13 digits is read as
// milliseconds since 1970, as list pages serve it.
var pushTimeLayouts = []string{"2006-01-02 15:04:05", "20060102T150405", "2006-01-02T15:04:05",
	"2006/01/02 15:04:05", "20060102150405", "2006-01-02 15:04", time.RFC3339}

// DecodePushed reads one evaluation record pushed by the rating system, a JSON object
// with the field names of f's layout (see [NationalPush] for the national interface's).
//
// Numbers may come as JSON numbers or numeric strings. Fields the layout does not name are
// ignored. The review ID is built from the matter number as [NormalizeID] gives it, the
// rating's number and its time, as in "450224-2026-000123#1#20261120T101500": the same push
// arriving twice has the same ID, also when one copy writes the matter number with
// full-width characters or spaces around it, and two on-site ratings of one matter at
// different visits do not. MatterNumber keeps the number as pushed, for display. With
// Zhejiang's pf codes, pf 7 marks a default rating.
//
// Where a review field has several push names (satisfaction, levelCode and evalNum for
// the level), the record may hold any of them; those it holds must agree, an empty one
// counting as absent. A layout's default stands in for a field the record lacks.
//
// Option codes may be separated by commas, semicolons, 、 (half or full width) or spaces,
// or come as a JSON array. They are looked up in f.Options, or else in the lists of
// f.Crosswalk (the national list, then Annex 1), and classified in Annex 1's terms by
// f.Crosswalk ([Review.Classification]). The level alone decides whether a rating is bad
// (第二条), and no problem with the options refuses a record: options that disagree with
// the level are kept and listed as conflicts, codes no list holds are kept as unknown,
// codes beyond Limits.Options are counted as unread, a code given twice is read once. Good
// ratings decode as bad ones do.
//
// Encrypted fields are decrypted with f.Decrypter; a field there is no Decrypter for, or
// that it cannot decrypt, is left unread and listed in [Review.Encrypted], without
// refusing the record (a review without its phone has no callable number). The
// Decrypter's errors are not kept, nor shown.
//
// Hostile input is refused cheaply, within f.Limits: a record over Limits.Push bytes
// before it is parsed (field "record", [ErrTooLarge]); a text over Limits.Text runes,
// without showing it. A key given twice in one object, at the top or nested, is refused
// naming the key ([ErrDuplicateKey]): which of its values holds would be unclear. A control
// or format character (below U+0020, U+007F, categories Cc, Cf, Zl, Zp) in a matter number
// or a code is refused as [ErrMalformed]; free text keeps such characters, and every
// rendering of a [Review] escapes them. Errors show at most a short, masked, escaped
// excerpt of a pushed value.
//
// DecodePushed is safe for concurrent use with one PushFormat, if its Decrypter is.
//
// Every problem is reported at once (up to Limits.Problems of them, the rest summed up),
// each as a *FieldError naming the push field, or the review field and the layout where
// the layout lacks a required one. The review is not validated: call [Validator.Validate]
// next.
func DecodePushed(data []byte, f PushFormat) (Review, error) {
	lim := f.Limits.WithDefaults()
	if len(data) > lim.Push {
		return Review{}, &FieldError{Field: "record", Err: ErrTooLarge,
			Detail: fmt.Sprintf("%d bytes; the limit is %d (Limits.Push)", len(data), lim.Push)}
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return Review{}, &FieldError{Field: "record", Err: ErrMalformed, Detail: "pushed record: not a JSON object: " + err.Error()}
	}
	if raw == nil {
		return Review{}, &FieldError{Field: "record", Err: ErrMalformed, Detail: "pushed record: not a JSON object: null"}
	}
	if dup := checkDuplicateKeys(data); len(dup) > 0 {
		return Review{}, dup.err(lim.Problems)
	}
	d := pushDecoder{raw: raw, lim: lim, f: &f, fields: f.Fields, encryptedFields: f.Encrypted}
	if d.fields.isZero() {
		d.fields = nationalFields()
		if f.Encrypted == nil {
			d.encryptedFields = NationalPush().Encrypted
		}
	}
	if d.f.Name == "" {
		d.f.Name = "custom"
	}
	return d.review()
}

// review reads the review from the record.
func (d *pushDecoder) review() (Review, error) {
	fs := &d.fields
	var r Review
	r.MatterNumber = d.code("matterNumber", fs.MatterNumber, true)
	r.ServiceItemCode = d.code("serviceItemCode", fs.ServiceItemCode, false)
	r.ServiceItem = d.text("serviceItem", fs.ServiceItem, false)
	r.Department = d.text("department", fs.Department, false)
	r.DepartmentCode = d.code("departmentCode", fs.DepartmentCode, false)
	r.Staff = d.text("staff", fs.Staff, false)
	r.FreeText = d.text("freeText", fs.FreeText, false)
	r.AreaCode = d.code("areaCode", fs.AreaCode, false)
	r.DataSource = d.code("dataSource", fs.DataSource, false)
	r.Reviewer.Name = d.text("reviewerName", fs.ReviewerName, false)
	r.Reviewer.Phone = strings.TrimSpace(d.text("reviewerPhone", fs.ReviewerPhone, false))
	r.Reviewer.IDNumber = strings.TrimSpace(d.text("reviewerIDNumber", fs.ReviewerIDNumber, false))
	r.Anonymous = strings.TrimSpace(r.Reviewer.Name) == ""

	rating := d.ratingNumber()
	r.FollowUp = rating == 2
	if n, field, ok := d.number("serviceNumber", fs.ServiceNumber, false); ok {
		if n < 0 || n > 99 {
			d.p.add(field, excerpt(strconv.Itoa(n)), ErrMalformed, "want 1 to 99 (服务次数), or 0 for none")
		}
		r.ServiceNumber = n
	}
	r.Level = d.level(fs.Level)
	if n, field, ok := d.number("channel", fs.Channel, true); ok {
		if c, err := d.f.Channels.Channel(n); err != nil {
			d.p = append(d.p, rename(err, field))
		} else {
			r.Channel = c
			r.Default = c == ChannelSystemDefault
		}
	}
	if n, _, ok := d.number("reviewerKind", fs.ReviewerKind, false); ok && (n == 1 || n == 2) {
		r.Reviewer.Kind = PartyKind(n) // platforms send 3 to 9 for other kinds of applicant, 0 for none: left unset
	}
	r.Time = d.time(fs.Time)
	if !r.Time.IsZero() && rating > 0 {
		r.ID = NormalizeID(r.MatterNumber) + "#" + strconv.Itoa(rating) + "#" + r.Time.Format("20060102T150405")
	}
	var unknown []string
	var unread int
	r.Options, unknown, unread = d.options(fs.Options)
	r.Encrypted = d.encrypted
	if err := d.p.err(d.lim.Problems); err != nil {
		return Review{}, err
	}
	if len(r.Options) > 0 {
		d.classify(&r)
	}
	r.Classification.Unknown, r.Classification.Unread = unknown, unread
	return r, nil
}

// ratingNumber reads the rating's number: 1 for a first rating, 2 for a follow-up; 1 when
// the layout has no field for it and no default; 0 when it could not be read.
func (d *pushDecoder) ratingNumber() int {
	names := d.fields.RatingNumber
	if len(names) == 0 {
		if strings.TrimSpace(d.f.Defaults["ratingNumber"]) == "" {
			return 1 // the layout lacks it: a first rating
		}
	}
	n, field, ok := d.number("ratingNumber", names, true)
	if !ok {
		return 0
	}
	if n != 1 && n != 2 {
		d.p.add(field, excerpt(strconv.Itoa(n)), ErrUnknownCode, "want 1 (first rating) or 2 (follow-up)")
		return 0
	}
	return n
}

// classify derives the review's classification with the format's crosswalk, unless its
// options come from a list the crosswalk does not read.
func (d *pushDecoder) classify(r *Review) {
	x := d.f.Crosswalk.orDefault()
	if d.f.Options != nil && d.f.Options != x.from && d.f.Options != x.to {
		return
	}
	r.Classification, _ = x.Classify(r.Level, r.Options) // the options were looked up in its lists
}

// pushDecoder reads the fields of one pushed record, collecting problems.
type pushDecoder struct {
	raw             map[string]json.RawMessage
	lim             Limits
	f               *PushFormat
	fields          Fields
	encryptedFields []string // the push fields that arrive encrypted
	encrypted       []string // encrypted fields left unread
	p               problems
}

// code returns a text field holding an identifier or a code, refusing control characters.
func (d *pushDecoder) code(name string, fields []string, required bool) string {
	s, field := d.value(name, fields, required)
	if HasControl(s) {
		d.p.add(field, excerpt(s), ErrMalformed, "a control or format character has no place in an identifier or a code")
		return ""
	}
	return s
}

// text returns a text field.
func (d *pushDecoder) text(name string, fields []string, required bool) string {
	s, _ := d.value(name, fields, required)
	return s
}

// value returns the text of the review field name from the push fields that hold it, and
// the push field it came from. Where the record holds more than one of them, they must
// agree. Where it holds none, the layout's default stands in; without one, a required
// field is refused: named by its push field, or by its review field and the layout when
// the layout lacks it.
func (d *pushDecoder) value(name string, fields []string, required bool) (string, string) {
	var s, from string
	for _, field := range fields {
		v, ok := d.str(field)
		switch {
		case !ok || strings.TrimSpace(v) == "" && from != "":
		case from == "" || strings.TrimSpace(s) == "":
			s, from = v, field
		case !strings.EqualFold(strings.TrimSpace(v), strings.TrimSpace(s)):
			d.p.add(field, "", ErrInconsistent, "%s and %s differ", from, field)
		}
	}
	if strings.TrimSpace(s) == "" {
		if def := d.f.Defaults[name]; strings.TrimSpace(def) != "" {
			return d.limit("defaults."+name, def), "defaults." + name
		}
	}
	switch {
	case !required || strings.TrimSpace(s) != "":
	case len(fields) == 0:
		d.p.add(name, "", ErrRequired, "layout %q has no field for it: name one in Fields or give Defaults[%q]", d.f.Name, name)
	case from != "":
		d.p.add(from, excerpt(s), ErrRequired, "")
	default:
		d.p.add(fields[0], "", ErrRequired, "%s", d.absent(fields))
	}
	switch {
	case from != "":
		return s, from
	case len(fields) > 0:
		return s, fields[0]
	}
	return s, name
}

// absent says why a required field is missing: it may have arrived encrypted, and it may
// have more names than the one an error names.
func (d *pushDecoder) absent(fields []string) string {
	if slices.Contains(d.encrypted, fields[0]) {
		return "it arrived encrypted and could not be decrypted"
	}
	if len(fields) > 1 {
		return "give one of " + strings.Join(fields, ", ")
	}
	return ""
}

// str returns a string field, accepting a JSON string or number, decrypted when the field
// arrives encrypted, within Limits.Text; null, and an encrypted field without a
// decrypter, count as absent.
func (d *pushDecoder) str(field string) (string, bool) {
	v, ok := d.raw[field]
	if !ok || bytes.Equal(v, []byte("null")) {
		return "", false
	}
	var s string
	if slices.Contains(d.fields.Options, field) && v[0] != '"' && (v[0] < '0' || v[0] > '9') && v[0] != '-' {
		return codeArray(v), true // option codes as an array, or a value of another kind: flagged, not refused
	}
	if err := json.Unmarshal(v, &s); err != nil {
		var n json.Number
		if err := json.Unmarshal(v, &n); err != nil {
			// The value is named by its JSON kind only: it may hold a reviewer's personal data.
			d.p.add(field, "<"+jsonKind(v)+">", ErrMalformed, "want a string")
			return "", false
		}
		s = n.String()
	}
	if slices.Contains(d.encryptedFields, field) && strings.TrimSpace(s) != "" {
		plain, ok := d.decrypt(field, s)
		if !ok {
			d.encrypted = append(d.encrypted, field)
			return "", false
		}
		s = plain
	}
	if slices.Contains(d.fields.Options, field) {
		return s, true // bounded by Limits.Push; options reads at most Limits.Options codes of it
	}
	return d.limit(field, s), true
}

// codeArray returns the option codes of a JSON array, strings or numbers, as one string
// separated by commas. A value of another kind, as an array's element or in place of the
// array, stands as its kind in brackets ("<object>"), a code no list holds.
func codeArray(v json.RawMessage) string {
	var elems []json.RawMessage
	if v[0] != '[' || json.Unmarshal(v, &elems) != nil {
		return "<" + jsonKind(v) + ">"
	}
	codes := make([]string, 0, len(elems))
	for _, e := range elems {
		var n json.Number
		code := ""
		switch {
		case json.Unmarshal(e, &n) == nil:
			code = n.String()
		case json.Unmarshal(e, &code) == nil:
		default:
			code = "<" + jsonKind(e) + ">"
		}
		codes = append(codes, code)
	}
	return strings.Join(codes, ",")
}

// decrypt returns the plain text of an encrypted field, or false when there is no
// Decrypter, the cipher text is over 4 × Limits.Text bytes, the Decrypter fails or panics,
// or the plain text is over Limits.Text runes. The Decrypter's error is not kept: it may
// hold the plain text.
func (d *pushDecoder) decrypt(field, cipher string) (plain string, ok bool) {
	if d.f.Decrypter == nil || len(cipher) > 4*d.lim.Text {
		return "", false
	}
	defer func() {
		if recover() != nil {
			plain, ok = "", false
		}
	}()
	plain, err := d.f.Decrypter.Decrypt(field, cipher)
	if err != nil || utf8.RuneCountInString(plain) > d.lim.Text {
		return "", false
	}
	return plain, true
}

// limit returns s when it has at most Limits.Text runes, and refuses it without showing it
// otherwise.
func (d *pushDecoder) limit(field, s string) string {
	if n := utf8.RuneCountInString(s); n > d.lim.Text {
		d.p.add(field, "", ErrTooLarge, "%d characters; the limit is %d (Limits.Text)", n, d.lim.Text)
		return ""
	}
	return s
}

// jsonKind names the kind of a JSON value: object, array, boolean or value.
func jsonKind(v json.RawMessage) string {
	if len(v) == 0 {
		return "value"
	}
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

// number returns an integer field, accepting a JSON number or a numeric string, and the
// push field it came from.
func (d *pushDecoder) number(name string, fields []string, required bool) (int, string, bool) {
	s, field := d.value(name, fields, required)
	if s == "" {
		return 0, field, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		d.p.add(field, excerpt(s), ErrMalformed, "want a whole number")
		return 0, field, false
	}
	return n, field, true
}

// rename returns err naming field, for an error of a code system that names the push
// interface's field.
func rename(err error, field string) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		c := *fe
		c.Field = field
		return &c
	}
	return err
}

// level reads the level from the level fields, which must agree, or else from the default.
func (d *pushDecoder) level(fields []string) Level {
	var level Level
	var from string
	before := len(d.p)
	for _, field := range fields {
		s, ok := d.str(field)
		if !ok || strings.TrimSpace(s) == "" {
			continue
		}
		l, ok := d.levelOf(field, s)
		switch {
		case !ok:
		case level != 0 && l != level:
			d.p.add(field, excerpt(s), ErrInconsistent, "%s says %s, %s says %s", from, level, field, l)
		case level == 0:
			level, from = l, field
		}
	}
	if level != 0 || len(d.p) != before {
		return level
	}
	if s, field := d.value("level", fields, true); s != "" { // the default, or the error saying it is missing
		level, _ = d.levelOf(field, s)
	}
	return level
}

// levelOf reads a level code of the format's code system.
func (d *pushDecoder) levelOf(field, s string) (Level, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		d.p.add(field, excerpt(s), ErrMalformed, "want a whole number")
		return 0, false
	}
	l, err := d.f.Levels.Level(n)
	if err != nil {
		d.p.add(field, excerpt(s), ErrUnknownCode, "%s", unprefixed(err))
		return 0, false
	}
	return l, true
}

// time reads the rating time in the format's zone.
func (d *pushDecoder) time(fields []string) time.Time {
	s, field := d.value("time", fields, true)
	if s == "" {
		return time.Time{}
	}
	loc := d.f.Location
	if loc == nil {
		loc = Location()
	}
	if len(s) == 13 && isDigits(s) {
		ms, _ := strconv.ParseInt(s, 10, 64)
		return time.UnixMilli(ms).In(loc)
	}
	for _, layout := range pushTimeLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t
		}
	}
	d.p.add(field, excerpt(s), ErrMalformed, "want yyyy-MM-dd HH:mm:ss, YYYYMMDDThhmmss or milliseconds since 1970")
	return time.Time{}
}

// maxUnknownCode bounds the bytes kept of an option code no list holds.
const maxUnknownCode = 64

// isOptionSeparator reports whether r separates option codes: a comma, a semicolon or 、,
// half or full width, or white space.
func isOptionSeparator(r rune) bool {
	return strings.ContainsRune(",，;；、", r) || unicode.IsSpace(r)
}

// options reads the option codes, given as a string of codes separated as
// isOptionSeparator says, or as a JSON array. Problems with them never refuse the record:
// the level alone decides whether a rating is bad (第二条), and a bad review is never
// dropped. A code given twice is read once; a code no list holds is kept as pushed in
// unknown (control characters escaped, cut at 64 bytes); codes beyond Limits.Options are
// counted in unread and not looked up, so that a huge list costs little more than a short
// one.
func (d *pushDecoder) options(fields []string) (opts []Option, unknown []string, unread int) {
	s, _ := d.value("options", fields, false)
	lookup := d.f.Crosswalk.orDefault().Lookup
	if d.f.Options != nil {
		lookup = d.f.Options.Lookup
	}
	n := 0
	for code := range strings.FieldsFuncSeq(s, isOptionSeparator) {
		if n++; n > d.lim.Options {
			unread++
			continue
		}
		o, err := lookup(code)
		switch {
		case err == nil && !slices.Contains(opts, o):
			opts = append(opts, o)
		case err != nil:
			if len(code) > maxUnknownCode {
				code = code[:cutAt(code, maxUnknownCode)]
			}
			if code = oneLine(code); !slices.Contains(unknown, code) {
				unknown = append(unknown, code)
			}
		}
	}
	return opts, unknown, unread
}
