package caseflow

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/haochaping/haochaping"
)

// Two JSON encodings. The default one, of json.Marshal(case) and of a logger's JSON
// handler, masks personal data: the reviewer's or complainant's name, phone and ID number,
// the free text and the complaint's content (through [haochaping.MaskText]), and the phone in
// a report; it is for people, logs and a portal's API. The storage encoding of [StoredCase]
// and [StoredEntry] keeps every value in full, and the trail's per-case salt: it is for
// stores. Both decode through the same decoders, which refuse a masked value where a full
// one belongs (haochaping.ErrMasked), so a masked copy is never stored back. Hashes do not
// depend on either: they are over the values themselves (canon.go).

// StoredCase is the storage codec of a [Case]: its JSON keeps personal data in full, and
// its trail entries as [StoredEntry] encodes them. Convert to encode or decode:
//
//	b, err := json.Marshal((*caseflow.StoredCase)(c))
//	err = json.Unmarshal(b, (*caseflow.StoredCase)(c))
type StoredCase Case

// casePlain is Case without methods, for encoding/json to encode field by field.
type casePlain Case

// MarshalJSON encodes the case in full, its times in UTC.
func (s StoredCase) MarshalJSON() ([]byte, error) {
	trail := make([]*StoredEntry, len(s.Trail))
	for i, e := range s.Trail {
		trail[i] = (*StoredEntry)(e)
	}
	s.Trail = nil
	s = StoredCase(*deepCopy((*Case)(&s))) // in UTC: a copy, for the case is shared
	setZone((*Case)(&s), time.UTC)
	return json.Marshal(struct {
		*casePlain
		Review    *haochaping.StoredReview `json:"review,omitempty"`
		Complaint *storedComplaint         `json:"complaint,omitempty"`
		Report    *storedReport            `json:"report,omitempty"`
		Trail     []*StoredEntry           `json:"trail"`
	}{(*casePlain)(&s), (*haochaping.StoredReview)(s.Review), (*storedComplaint)(s.Complaint), (*storedReport)(s.Report), trail})
}

// A note on zones: the storage codec writes every time in UTC and reads it back in
// haochaping.Location() (Asia/Shanghai), the zone the service shows cases in.

// UnmarshalJSON decodes a case in full, its trail with its salt, and refuses masked values.
// Its times are in haochaping.Location().
func (s *StoredCase) UnmarshalJSON(b []byte) error {
	var v struct {
		*casePlain
		Trail []*StoredEntry `json:"trail"`
	}
	v.casePlain = new(casePlain)
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	c := (*Case)(v.casePlain)
	setZone(c, haochaping.Location())
	c.Trail = make([]*Entry, len(v.Trail))
	for i, e := range v.Trail {
		c.Trail[i] = (*Entry)(e)
	}
	*s = StoredCase(*c)
	return nil
}

// StoredEntry is the storage codec of a trail [Entry]: its JSON keeps the step's personal
// data in full, and the salt of the intake beside the step (the default encoding leaves it
// out: with it, the commitments to erased data could be guessed).
type StoredEntry Entry

// entryPlain is Entry without methods.
type entryPlain Entry

// MarshalJSON encodes the entry in full, its times in UTC.
func (s StoredEntry) MarshalJSON() ([]byte, error) {
	s = StoredEntry(*deepCopy((*Entry)(&s))) // in UTC: a copy, for the entry is shared
	setZone((*Entry)(&s), time.UTC)
	var step any = s.Step
	var salt []byte
	switch st := s.Step.(type) {
	case Intake:
		step = storedIntake{(*intakePlain)(&st), (*haochaping.StoredReview)(st.Review), (*storedComplaint)(st.Complaint)}
		salt = st.Salt
	case Report:
		step = storedReport(st)
	}
	return json.Marshal(struct {
		*entryPlain
		Step any    `json:"step"`
		Salt []byte `json:"salt,omitempty"` // the intake's
	}{(*entryPlain)(&s), step, salt})
}

// UnmarshalJSON decodes an entry as [Entry.UnmarshalJSON] does, with its salt, its times in
// haochaping.Location().
func (s *StoredEntry) UnmarshalJSON(b []byte) error {
	var e Entry
	if err := json.Unmarshal(b, &e); err != nil {
		return err
	}
	setZone(&e, haochaping.Location())
	var salt struct {
		Salt []byte `json:"salt"`
	}
	if err := json.Unmarshal(b, &salt); err != nil {
		return err
	}
	if in, ok := e.Step.(Intake); ok {
		in.Salt = salt.Salt
		e.Step = in
	} else if salt.Salt != nil {
		return fmt.Errorf("caseflow: entry %d: a salt belongs to the intake only", e.Seq)
	}
	*s = StoredEntry(e)
	return nil
}

type intakePlain Intake

// storedIntake encodes an intake with its review and complaint in full.
type storedIntake struct {
	*intakePlain
	Review    *haochaping.StoredReview `json:"review,omitempty"`
	Complaint *storedComplaint         `json:"complaint,omitempty"`
}

type complaintPlain Complaint

// storedComplaint encodes a complaint in full.
type storedComplaint Complaint

func (s storedComplaint) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		*complaintPlain
		Complainant haochaping.StoredReviewer `json:"complainant"`
	}{(*complaintPlain)(&s), haochaping.StoredReviewer(s.Complainant)})
}

// MarshalJSON encodes the complaint masked: the complainant as [haochaping.Reviewer]
// encodes one, the content through [haochaping.MaskText]. Store a complaint through
// [StoredCase].
func (c Complaint) MarshalJSON() ([]byte, error) {
	c.Content = haochaping.MaskText(c.Content)
	return json.Marshal((*complaintPlain)(&c))
}

// UnmarshalJSON decodes a complaint in full, and refuses a masked complainant or content
// (haochaping.ErrMasked).
func (c *Complaint) UnmarshalJSON(b []byte) error {
	var v complaintPlain
	if err := decodeStrict(b, &v); err != nil {
		return err
	}
	if haochaping.LooksMasked(v.Content) {
		return &haochaping.FieldError{Field: "complaint.content", Err: haochaping.ErrMasked,
			Detail: "the content looks masked (digits next to **); decode the storage form"}
	}
	*c = Complaint(v)
	return nil
}

type reportPlain Report

// storedReport encodes a report in full.
type storedReport Report

func (s storedReport) MarshalJSON() ([]byte, error) { return json.Marshal((*reportPlain)(&s)) }

// MarshalJSON encodes the report with the phone masked. Store a report through [StoredCase].
func (r Report) MarshalJSON() ([]byte, error) {
	r.SubjectPhone = haochaping.MaskPhone(r.SubjectPhone)
	return json.Marshal((*reportPlain)(&r))
}

// UnmarshalJSON decodes a report in full, and refuses a masked phone (haochaping.ErrMasked).
func (r *Report) UnmarshalJSON(b []byte) error {
	var v reportPlain
	if err := decodeStrict(b, &v); err != nil {
		return err
	}
	if strings.Contains(v.SubjectPhone, "*") {
		return &haochaping.FieldError{Field: "report.subjectPhone", Err: haochaping.ErrMasked,
			Detail: "a masked phone cannot be stored back; decode the storage form"}
	}
	*r = Report(v)
	return nil
}

// decodeStrict decodes b into v, refusing fields v does not have: content of another type is
// refused, not half-read.
func decodeStrict(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	return d.Decode(v)
}

// encodeStored returns the storage encoding of c.
func encodeStored(c *Case) ([]byte, error) {
	b, err := json.Marshal((*StoredCase)(c))
	if err != nil {
		return nil, fmt.Errorf("caseflow: encoding case %s: %w", c.ID, err)
	}
	return b, nil
}
