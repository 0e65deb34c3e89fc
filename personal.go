package haochaping

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"
)

// Gender is a reviewer's gender (性别), as Annex 4 records it.
type Gender uint8

// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	Male   Gender = iota + 1 // 男
	Female                   // 女
)

var genders = enum[Gender]{
	kind:   "gender",
	labels: []string{"", "男", "女"},
	text:   []string{"", "male", "female"},
}

// Label returns the Chinese label, "男" or "女"; the zero Gender (not recorded) is "".
func (g Gender) Label() string {
	if g == 0 {
		return ""
	}
	return genders.label(g)
}

// String returns the stable text code, "male" or "female"; the zero Gender is "".
func (g Gender) String() string {
	if g == 0 {
		return ""
	}
	return genders.String(g)
}

// MarshalText encodes g as "male" or "female".
func (g Gender) MarshalText() ([]byte, error) { return genders.marshal(g) }

// UnmarshalText decodes "male", "female", "男" or "女".
func (g *Gender) UnmarshalText(b []byte) error { return genders.unmarshal(b, g) }

// UnmarshalJSON decodes a JSON string as UnmarshalText does, and refuses JSON numbers.
func (g *Gender) UnmarshalJSON(b []byte) error { return genders.unmarshalJSON(b, g) }

// PartyKind says whether the reviewer is a natural person or a legal person
// (push field userProp: 1 个人, 2 法人).
type PartyKind uint8

// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	NaturalPerson PartyKind = iota + 1 // 个人
	LegalPerson                        // 法人
)

var partyKinds = enum[PartyKind]{
	kind:   "party kind",
	labels: []string{"", "个人", "法人"},
	text:   []string{"", "natural_person", "legal_person"},
}

// Label returns the Chinese label, "个人" or "法人"; the zero value (not recorded) is "".
func (k PartyKind) Label() string {
	if k == 0 {
		return ""
	}
	return partyKinds.label(k)
}

// String returns the stable text code, "natural_person" or "legal_person"; the zero value
// is "".
func (k PartyKind) String() string {
	if k == 0 {
		return ""
	}
	return partyKinds.String(k)
}

// MarshalText encodes k as "natural_person" or "legal_person".
func (k PartyKind) MarshalText() ([]byte, error) { return partyKinds.marshal(k) }

// UnmarshalText decodes a text code written by [PartyKind.MarshalText] or a Chinese label.
func (k *PartyKind) UnmarshalText(b []byte) error { return partyKinds.unmarshal(b, k) }

// UnmarshalJSON decodes a JSON string as UnmarshalText does, and refuses JSON numbers.
func (k *PartyKind) UnmarshalJSON(b []byte) error { return partyKinds.unmarshalJSON(b, k) }

// Reviewer is the person who gave a review (评价人). Name, Phone and IDNumber are personal
// information (个人信息保护法): String, GoString, Format, LogValue and the JSON encoding show
// them masked, with control characters escaped; [StoredReviewer] is the storage codec that
// keeps them in full. Read the fields themselves only where the caller has the right to
// see them in full.
type Reviewer struct {
	Name     string    `json:"name,omitempty" personal:"true"`
	Gender   Gender    `json:"gender,omitempty"`
	Phone    string    `json:"phone,omitempty" personal:"true"`
	IDNumber string    `json:"idNumber,omitempty" personal:"true"` // 公民身份号码, GB 11643-1999
	Kind     PartyKind `json:"kind,omitempty"`
}

// String shows the reviewer with personal data masked, e.g. "张* 男 138****5678 450224********1234".
func (r Reviewer) String() string {
	parts := make([]string, 0, 4)
	for _, s := range []string{MaskName(r.Name), r.Gender.Label(), MaskPhone(r.Phone), MaskIDNumber(r.IDNumber)} {
		if s != "" {
			parts = append(parts, oneLine(s))
		}
	}
	if len(parts) == 0 {
		return "匿名"
	}
	return strings.Join(parts, " ")
}

// GoString masks personal data in %#v too.
func (r Reviewer) GoString() string {
	return fmt.Sprintf("haochaping.Reviewer{Name:%q, Gender:%d, Phone:%q, IDNumber:%q, Kind:%d}",
		MaskName(r.Name), r.Gender, MaskPhone(r.Phone), MaskIDNumber(r.IDNumber), r.Kind)
}

// Format masks personal data whatever the verb: %#v prints GoString, %q the quoted String,
// every other verb the String.
func (r Reviewer) Format(f fmt.State, verb rune) { formatMasked(f, verb, r.String(), r.GoString()) }

// formatMasked writes a masked rendering for fmt: goString for %#v, text otherwise.
func formatMasked(f fmt.State, verb rune, text, goString string) {
	switch {
	case verb == 'v' && f.Flag('#'):
		io.WriteString(f, goString)
	case verb == 'q':
		io.WriteString(f, strconv.Quote(text))
	default:
		io.WriteString(f, text)
	}
}

// LogValue masks personal data in structured logs.
func (r Reviewer) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("name", oneLine(MaskName(r.Name))),
		slog.String("gender", r.Gender.String()),
		slog.String("phone", oneLine(MaskPhone(r.Phone))),
		slog.String("idNumber", oneLine(MaskIDNumber(r.IDNumber))),
	)
}

var _ slog.LogValuer = Reviewer{}

// mask keeps the first keep and last tail characters of s and stars the rest. A value of
// another length than the standard one (size) keeps at most half of itself, fewer from the
// longer end first, so that a misplaced or short value never shows most of its digits.
func mask(s string, keep, tail, size int) string {
	r := []rune(s)
	if len(r) != size {
		for keep+tail > len(r)/2 {
			if keep > tail {
				keep--
			} else {
				tail--
			}
		}
	}
	return string(r[:keep]) + strings.Repeat("*", len(r)-keep-tail) + string(r[len(r)-tail:])
}

// MaskIDNumber masks an ID number, keeping the 6-digit region code and the last 4 of its
// 18 characters: "450224199001011234" becomes "450224********1234". A value of another
// length shows at most half of itself: "13812345678" becomes "138******78".
func MaskIDNumber(id string) string { return mask(id, 6, 4, 18) }

// MaskPhone masks a phone number, keeping the first 3 and the last 4 of a mobile number's
// 11 digits: "13812345678" becomes "138****5678". A value of another length shows at most
// half of itself: "0772-8123456" becomes "077******456".
func MaskPhone(phone string) string { return mask(phone, 3, 4, 11) }

// MaskName masks a name, keeping its first character (the surname): "张三丰" becomes "张**".
// A one-character name is starred whole.
func MaskName(name string) string { return mask(name, 1, 0, -1) }

// idWeights are the weights of GB 11643-1999 (ISO 7064 MOD 11-2) for the 17 digits.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheck maps the weighted sum mod 11 to the check character.
const idCheck = "10X98765432"

// CheckIDNumber reports what is wrong with a citizen ID number (公民身份号码) under
// GB 11643-1999, or nil: 18 characters, 17 digits and a check character (a digit or an
// uppercase X) computed with ISO 7064 MOD 11-2, and a birth date that exists and is not
// after now. The error wraps ErrMalformed and masks the number.
func CheckIDNumber(id string, now time.Time) error {
	fail := func(detail string, args ...any) error {
		return &FieldError{Field: "idNumber", Value: MaskIDNumber(id), Err: ErrMalformed,
			Detail: fmt.Sprintf(detail, args...)}
	}
	if n := len([]rune(id)); n != 18 {
		return fail("want 18 characters, got %d", n)
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := id[i]
		if c < '0' || c > '9' {
			return fail("character %d is not a digit 0-9", i+1)
		}
		sum += int(c-'0') * idWeights[i]
	}
	if id[0] == '0' {
		return fail("region code cannot start with 0")
	}
	birth, err := time.Parse("20060102", id[6:14])
	if err != nil || birth.Year() < 1900 || birth.After(now) {
		return fail("the birth date (characters 7 to 14) is not a date between 1900 and today")
	}
	if id[17] > 0x7f {
		return fail("character 18 is not a digit or X")
	}
	if want := idCheck[sum%11]; id[17] != want {
		return fail("check character is %q, want %q", id[17], want)
	}
	return nil
}

// CheckPhone reports what is wrong with a phone number, or nil. It accepts a mainland
// mobile number (11 digits starting 13 to 19, optionally after +86 or 86) and a fixed-line
// number with its area code (0 and 2 or 3 digits, an optional hyphen, 7 or 8 digits).
func CheckPhone(phone string) error {
	p := phone
	if strings.HasPrefix(p, "+86") {
		p = p[3:]
	} else if len(p) == 13 && strings.HasPrefix(p, "86") {
		p = p[2:]
	}
	if isDigits(p) && len(p) == 11 && p[0] == '1' && p[1] >= '3' {
		return nil
	}
	if area, number, ok := strings.Cut(phone, "-"); ok {
		if isDigits(area) && area[0] == '0' && (len(area) == 3 || len(area) == 4) &&
			isDigits(number) && (len(number) == 7 || len(number) == 8) {
			return nil
		}
	} else if isDigits(phone) && phone[0] == '0' && len(phone) >= 10 && len(phone) <= 12 {
		return nil
	}
	return &FieldError{Field: "phone", Value: MaskPhone(phone), Err: ErrMalformed,
		Detail: "want a mainland mobile number (1[3-9] and 9 digits) or an area code and fixed-line number"}
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// creditChars are the 31 characters of GB 32100-2015, in the order of their values.
const creditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditWeights are the weights of GB 32100-2015 for the first 17 characters.
var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CheckCreditCode reports what is wrong with a unified social credit code (统一社会信用代码)
// of a legal person under GB 32100-2015, or nil: 18 characters of its 31-character set,
// the last a check character computed mod 31. The error wraps ErrMalformed and masks the
// code as [MaskIDNumber] does: a natural person's ID number may be given in its place.
func CheckCreditCode(code string) error {
	fail := func(detail string, args ...any) error {
		return &FieldError{Field: "creditCode", Value: oneLine(MaskIDNumber(code)), Err: ErrMalformed,
			Detail: fmt.Sprintf(detail, args...)}
	}
	if len(code) != 18 {
		return fail("want 18 characters, got %d", len([]rune(code)))
	}
	sum := 0
	for i := 0; i < 18; i++ {
		v := strings.IndexByte(creditChars, code[i])
		if v < 0 {
			return fail("character %d is not in the code's character set", i+1)
		}
		if i < 17 {
			sum += v * creditWeights[i]
		}
	}
	if want := creditChars[(31-sum%31)%31]; code[17] != want {
		return fail("check character is %q, want %q", code[17], want)
	}
	return nil
}
