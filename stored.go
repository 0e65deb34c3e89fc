package haochaping

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"time"
)

// StoredReviewer is the storage codec of a [Reviewer]: its JSON encoding keeps the name,
// phone and ID number in full, under the same field names as the masked encoding, for
// storage and exchange between trusted systems. Convert to encode:
//
//	b, err := json.Marshal(haochaping.StoredReviewer(rv))
//
// Decoding refuses a masked value, as [Reviewer.UnmarshalJSON] does, so that a masked
// copy can never be stored back.
type StoredReviewer Reviewer

// MarshalJSON encodes the reviewer in full.
func (s StoredReviewer) MarshalJSON() ([]byte, error) { return json.Marshal(reviewerFields(s)) }

// UnmarshalJSON decodes a reviewer in full and refuses masked values ([ErrMasked]).
func (s *StoredReviewer) UnmarshalJSON(b []byte) error { return (*Reviewer)(s).UnmarshalJSON(b) }

// StoredReview is the storage codec of a [Review]: its JSON encoding keeps every field in
// full, the reviewer's personal data and the free text included, with the same field
// names, in the same order, as the encoding of earlier releases, so that stored reviews
// and the hashes over them stay as they were. Convert to encode:
//
//	b, err := json.Marshal((*haochaping.StoredReview)(&r))
//
// Decoding refuses a masked copy, as [Review.UnmarshalJSON] does, so that a masked copy
// can never be stored back.
type StoredReview Review

// storedReview is the encoding of a StoredReview: Review's fields in Review's order, the
// reviewer encoded in full. TestStoredReviewMirrorsReview keeps the two alike.
type storedReview struct {
	ID              string         `json:"id"`
	MatterNumber    string         `json:"matterNumber"`
	ServiceNumber   int            `json:"serviceNumber,omitempty"`
	ServiceItem     string         `json:"serviceItem,omitempty"`
	ServiceItemCode string         `json:"serviceItemCode,omitempty"`
	Level           Level          `json:"level"`
	Options         []Option       `json:"options,omitempty"`
	Classification  Classification `json:"classification,omitzero"`
	FreeText        string         `json:"freeText,omitempty" personal:"true"`
	Channel         Channel        `json:"channel"`
	Time            time.Time      `json:"time"`
	Window          string         `json:"window,omitempty"`
	Department      string         `json:"department,omitempty"`
	DepartmentCode  string         `json:"departmentCode,omitempty"`
	Staff           string         `json:"staff,omitempty"`
	AreaCode        string         `json:"areaCode,omitempty"`
	DataSource      string         `json:"dataSource,omitempty"`
	Reviewer        StoredReviewer `json:"reviewer"`
	Encrypted       []string       `json:"encrypted,omitempty"`
	Anonymous       bool           `json:"anonymous,omitempty"`
	FollowUp        bool           `json:"followUp,omitempty"`
	Default         bool           `json:"default,omitempty"`
}

// MarshalJSON encodes the review in full.
func (s StoredReview) MarshalJSON() ([]byte, error) {
	return json.Marshal(storedReview{ID: s.ID, MatterNumber: s.MatterNumber, ServiceNumber: s.ServiceNumber,
		ServiceItem: s.ServiceItem, ServiceItemCode: s.ServiceItemCode, Level: s.Level, Options: s.Options,
		Classification: s.Classification, FreeText: s.FreeText, Channel: s.Channel, Time: s.Time, Window: s.Window,
		Department: s.Department, DepartmentCode: s.DepartmentCode, Staff: s.Staff, AreaCode: s.AreaCode,
		DataSource: s.DataSource, Reviewer: StoredReviewer(s.Reviewer), Encrypted: s.Encrypted,
		Anonymous: s.Anonymous, FollowUp: s.FollowUp, Default: s.Default})
}

// UnmarshalJSON decodes a review in full and refuses a masked copy ([ErrMasked]).
func (s *StoredReview) UnmarshalJSON(b []byte) error { return (*Review)(s).UnmarshalJSON(b) }

// Only the JSON of the storage codec keeps personal data: its other renderings mask it as
// those of Review and Reviewer do, so that a store logging a row it could not write leaks
// nothing.

// Format renders the reviewer masked, as [Reviewer.Format] does.
func (s StoredReviewer) Format(f fmt.State, verb rune) { Reviewer(s).Format(f, verb) }

// LogValue logs the reviewer masked, as [Reviewer.LogValue] does.
func (s StoredReviewer) LogValue() slog.Value { return Reviewer(s).LogValue() }

// Format renders the review masked, as [Review.Format] does.
func (s StoredReview) Format(f fmt.State, verb rune) { Review(s).Format(f, verb) }

// LogValue logs the review masked, as [Review.LogValue] does.
func (s StoredReview) LogValue() slog.Value { return Review(s).LogValue() }
