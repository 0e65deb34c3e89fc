package haochaping

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
)

// reviewerFields is Reviewer without its methods, for encoding/json to encode and decode
// field by field.
type reviewerFields Reviewer

// MarshalJSON encodes the reviewer masked, as String does: {"name":"张**","gender":"male",
// "phone":"138****5678","idNumber":"450224********1234","kind":"natural_person"}, control
// characters escaped. To store a reviewer in full, encode a [StoredReviewer].
func (r Reviewer) MarshalJSON() ([]byte, error) {
	return json.Marshal(reviewerFields{Name: oneLine(MaskName(r.Name)), Gender: r.Gender,
		Phone: oneLine(MaskPhone(r.Phone)), IDNumber: oneLine(MaskIDNumber(r.IDNumber)), Kind: r.Kind})
}

// UnmarshalJSON decodes a reviewer in full, as [StoredReviewer] encodes it. It refuses a
// masked name, phone or ID number (one holding '*'): a masked copy must never be stored
// back in place of the data. The error is a *FieldError on "reviewer.name",
// "reviewer.phone" or "reviewer.idNumber" wrapping [ErrMasked]; r is left unchanged.
func (r *Reviewer) UnmarshalJSON(b []byte) error {
	f := reviewerFields(*r)
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	var p problems
	for _, field := range []struct{ name, value string }{
		{"reviewer.name", f.Name}, {"reviewer.phone", f.Phone}, {"reviewer.idNumber", f.IDNumber},
	} {
		if strings.Contains(field.value, "*") {
			p.add(field.name, "", ErrMasked, "a masked value cannot be stored back; decode the storage form")
		}
	}
	if err := p.err(0); err != nil {
		return err
	}
	*r = Reviewer(f)
	return nil
}

// reviewFields is Review without its methods, for encoding/json to encode and decode
// field by field; its Reviewer field keeps Reviewer's masked encoding.
type reviewFields Review

// MarshalJSON encodes the review with the stable text codes of its enumerations, its
// reviewer masked as [Reviewer.MarshalJSON] does, its free text masked as [MaskText] does
// and control characters escaped in every text: the form for logs, messages and people.
// To store a review in full, encode a [StoredReview].
func (r Review) MarshalJSON() ([]byte, error) {
	m := reviewFields(r)
	for _, s := range []*string{&m.ID, &m.MatterNumber, &m.ServiceItem, &m.ServiceItemCode, &m.Window,
		&m.Department, &m.DepartmentCode, &m.Staff, &m.AreaCode, &m.DataSource, &m.Classification.Crosswalk} {
		*s = oneLine(*s)
	}
	m.FreeText = oneLine(MaskText(r.FreeText))
	c := &m.Classification
	for _, opts := range []*[]Option{&m.Options, &c.Options, &c.Other, &c.Conflicts} {
		*opts = oneLineOptions(*opts)
	}
	if slices.ContainsFunc(m.Encrypted, HasControl) {
		m.Encrypted = make([]string, len(r.Encrypted))
		for i, f := range r.Encrypted {
			m.Encrypted[i] = oneLine(f)
		}
	}
	return json.Marshal(m)
}

// oneLineOptions returns the options with control characters escaped in their texts: opts
// itself when there are none.
func oneLineOptions(opts []Option) []Option {
	if !slices.ContainsFunc(opts, func(o Option) bool { return HasControl(o.List + o.Code + o.Label) }) {
		return opts
	}
	out := make([]Option, len(opts))
	for i, o := range opts {
		o.List, o.Code, o.Label = oneLine(o.List), oneLine(o.Code), oneLine(o.Label)
		out[i] = o
	}
	return out
}

// UnmarshalJSON decodes a review in full, as [StoredReview] encodes it. It refuses a
// masked copy, so that one is never stored back in place of the data: a masked reviewer
// (see [Reviewer.UnmarshalJSON]) and a free text that looks masked by [MaskText], that is,
// one with a digit right before or after a run of two or more '*' ("138****5678"); the
// error is a *FieldError wrapping [ErrMasked], and r is left unchanged.
func (r *Review) UnmarshalJSON(b []byte) error {
	f := reviewFields(*r)
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	if LooksMasked(f.FreeText) {
		return &FieldError{Field: "freeText", Err: ErrMasked,
			Detail: "the free text looks masked (digits next to **); a masked value cannot be stored back; decode the storage form"}
	}
	*r = Review(f)
	return nil
}

// maskedDigits matches what MaskText leaves of a digit run: digits next to two stars or more.
var maskedDigits = regexp.MustCompile(`[0-9][*]{2,}|[*]{2,}[0-9]`)

// LooksMasked reports whether free text looks masked by [MaskText]: a digit right before or
// after a run of two or more '*' ("138****5678"). Decoders refuse such text where the full
// text belongs, so that a masked copy is never stored back in place of the data.
func LooksMasked(s string) bool { return maskedDigits.MatchString(s) }
