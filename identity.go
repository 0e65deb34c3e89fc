package haochaping

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// NormalizeID returns the form of an identifier (a review ID, a matter number) that keys
// compare: NFKC-normalised, so that full-width digits, letters and hyphens read as their
// ASCII forms, and trimmed of Unicode spaces. " 450224－2026－000123 " and
// "450224-2026-000123" have the same key. Inner spaces and case are kept: rating systems
// do not agree on them, and a key must not join two matters.
func NormalizeID(s string) string { return strings.TrimSpace(norm.NFKC.String(s)) }

// Key returns the key cases are opened on idempotently: the review's ID as [NormalizeID]
// gives it, so that one review pushed twice, once with full-width characters or spaces
// around its matter number, opens one case.
func (r Review) Key() string { return NormalizeID(r.ID) }
