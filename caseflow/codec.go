package caseflow

import (
	"encoding/json"
	"time"

	"github.com/haochaping/haochaping"
)

// A case keeps the review and the complainant in full: its trail is hashed over their
// JSON and rebuilt from it. haochaping's default JSON masks personal data, so the types
// holding them encode through haochaping's storage codec, field for field in the order of
// earlier releases, so that the hashes of stored trails stay valid.

// MarshalJSON encodes the intake with the review and the complainant in full.
func (in Intake) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Case      string                   `json:"case"`
		Kind      Kind                     `json:"kind"`
		Review    *haochaping.StoredReview `json:"review,omitempty"`
		Complaint *Complaint               `json:"complaint,omitempty"`
		Rules     *Rules                   `json:"rules,omitempty"`
	}{in.Case, in.Kind, (*haochaping.StoredReview)(in.Review), in.Complaint, in.Rules})
}

// MarshalJSON encodes the complaint with the complainant in full.
func (c Complaint) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID           string                    `json:"id,omitempty"`
		Complainant  haochaping.StoredReviewer `json:"complainant"`
		Time         time.Time                 `json:"time"`
		Content      string                    `json:"content"`
		Center       haochaping.Org            `json:"center"`
		Window       string                    `json:"window,omitempty"`
		MatterNumber string                    `json:"matterNumber,omitempty"`
		ServiceItem  string                    `json:"serviceItem,omitempty"`
	}{c.ID, haochaping.StoredReviewer(c.Complainant), c.Time, c.Content, c.Center, c.Window, c.MatterNumber, c.ServiceItem})
}

// MarshalJSON encodes the case with its review in full; the review comes last.
func (c Case) MarshalJSON() ([]byte, error) {
	type plain Case
	return json.Marshal(struct {
		*plain
		Review *haochaping.StoredReview `json:"review,omitempty"`
	}{(*plain)(&c), (*haochaping.StoredReview)(c.Review)})
}
