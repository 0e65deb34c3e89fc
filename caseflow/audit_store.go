package caseflow

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// AuditReport is what [Service.Audit] found of one stored case.
type AuditReport struct {
	ID string
	// Verification is what the trail's check against the stored head found; see [Verify].
	Verification Verification
	// Err is the *TamperError (wrapping ErrTampered) of a trail that does not verify or
	// reach its head, or the error of a trail that does not replay; nil when it does.
	Err error
	// Differences names, in order, each field of the stored case whose content differs from
	// the case rebuilt from its trail (the JSON names: "state", "finding", "review"…). The
	// values are not given: they may hold personal data.
	Differences []string
}

// OK reports whether the case passed: its trail verifies to its head and rebuilds to the
// stored case.
func (r *AuditReport) OK() bool { return r.Err == nil && len(r.Differences) == 0 }

// String sums the report up in one line.
func (r *AuditReport) String() string {
	switch {
	case r.Err != nil:
		return fmt.Sprintf("case %s: %s", r.ID, unprefixed(r.Err))
	case len(r.Differences) > 0:
		return fmt.Sprintf("case %s: fields differ from its trail: %v", r.ID, r.Differences)
	}
	keyed := "keyed"
	if !r.Verification.Keyed {
		keyed = fmt.Sprintf("%d of %d entries unkeyed", r.Verification.Unkeyed, r.Verification.Entries)
	}
	return fmt.Sprintf("case %s: %d entries verified to head %s (%s)", r.ID, r.Verification.Entries, r.Verification.Head, keyed)
}

// Audit checks the stored case id for a nightly integrity check: its trail against the head
// the store keeps, under the service's keys ([VerifyHead]); then it rebuilds the case from the
// trail ([Service.Rebuild]) and compares every field with the stored case. Problems found are
// in the report; the error is the store's (ErrNotFound, say).
func (s *Service) Audit(ctx context.Context, id string) (*AuditReport, error) {
	c, err := s.Store.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	head, err := s.Store.Head(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.audit(c, head), nil
}

// AuditAll audits every case f selects, in the order the store lists them, and calls fn with
// each report; it stops at and returns fn's first error, or the store's.
func (s *Service) AuditAll(ctx context.Context, f Filter, fn func(*AuditReport) error) error {
	cases, _, err := s.Store.List(ctx, f, Page{})
	if err != nil {
		return err
	}
	for _, c := range cases {
		head, err := s.Store.Head(ctx, c.ID)
		if err != nil {
			return err
		}
		if err := fn(s.audit(c, head)); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) audit(c *Case, head Head) *AuditReport {
	r := &AuditReport{ID: c.ID}
	if r.Verification, r.Err = VerifyHead(c.Trail, s.Keys, head); r.Err != nil {
		return r
	}
	rebuilt, err := s.Rebuild(c.Trail)
	if err != nil {
		r.Err = err
		return r
	}
	rebuilt.Version = c.Version
	r.Differences, r.Err = differences(c, rebuilt)
	return r
}

// differences names the top-level fields whose encodings differ between two cases.
func differences(a, b *Case) ([]string, error) {
	fa, err := fields(a)
	if err != nil {
		return nil, err
	}
	fb, err := fields(b)
	if err != nil {
		return nil, err
	}
	var diff []string
	for _, k := range slices.Sorted(maps.Keys(fa)) {
		if !bytes.Equal(fa[k], fb[k]) {
			diff = append(diff, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(fb)) {
		if _, ok := fa[k]; !ok {
			diff = append(diff, k)
		}
	}
	return diff, nil
}

// fields returns the encoding of each field of c but its trail.
func fields(c *Case) (map[string]json.RawMessage, error) {
	cc := *c
	cc.Trail = nil
	b, err := encodeStored(&cc)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, errors.Join(fmt.Errorf("caseflow: audit of case %s", c.ID), err)
	}
	delete(m, "trail")
	return m, nil
}
