package caseflow

import (
	"context"
	"slices"
	"time"
)

// Store keeps cases. Implementations must be safe for concurrent use and pass the
// conformance suite in package caseflow/storetest.
//
// Create and Update take the case they are given: the caller must not change it afterwards.
// Get and GetByKey return cases the caller may change and pass to Update; List returns cases
// to read.
//
// Versions give optimistic concurrency: Create stores a case at version 1; Update stores c
// only if the stored version still equals c.Version, then increments both. A stale Update
// fails with ErrConflict and writes nothing, so no step is ever lost: read the case again
// and retake the step.
type Store interface {
	// Create stores a new case, whose Version must be 0, if [CheckCreate] accepts it under
	// the store's keys, and sets its Version to 1. It returns an error wrapping ErrTampered
	// for a case its trail does not prove, or ErrDuplicate if a case with the same ID or,
	// when c.Key() is not empty, the same key exists.
	Create(ctx context.Context, c *Case) error
	// Get returns the case with the given ID, or an error wrapping ErrNotFound. The case and
	// its lists are the caller's to change; the duties and entries they point to are not.
	Get(ctx context.Context, id string) (*Case, error)
	// GetByKey returns the case opened on an intake key (see [Case.Key]), or an error
	// wrapping ErrNotFound.
	GetByKey(ctx context.Context, key string) (*Case, error)
	// Update stores c if the stored version equals c.Version and [CheckUpdate] accepts c
	// against the stored head under the store's keys (new entries chained onto the head and
	// hashed as recorded, the case the one its last entry records); it stores the new entries
	// after the stored ones, never replacing a stored entry, moves the head, and increments
	// c.Version. It returns an error wrapping ErrNotFound, ErrConflict (stale version) or
	// ErrTampered (refused by CheckUpdate), and leaves c.Version unchanged on error.
	Update(ctx context.Context, c *Case) error
	// Head returns the head of the case's trail (its last entry's sequence number and hash)
	// as the store keeps it, apart from the trail, or an error wrapping ErrNotFound. Check a
	// trail read back against it with [VerifyHead] to detect entries cut off the end.
	Head(ctx context.Context, id string) (Head, error)
	// List returns one page of the cases f matches, in the order they were created, for
	// reading: they may be shared with the store and must not be changed. A page holds at
	// most p.Limit cases (all when 0), those after the cursor p.After; next is the cursor of
	// the following page, empty after the last. It returns an error wrapping ErrBadCursor for
	// a cursor it did not give.
	List(ctx context.Context, f Filter, p Page) (cases []*Case, next string, err error)
	// ScanDuties calls fn for each open timed duty of the cases f matches, in the order the
	// cases were created and their duties started; when f.AtRiskAt is set, only for the
	// duties at risk or overdue then (warning time at or before it), and when f.OverdueAt is
	// set, only for those overdue then (due time at or before it). It stops at and returns
	// fn's first error. fn must not call the store.
	ScanDuties(ctx context.Context, f Filter, fn func(OpenDuty) error) error
}

// Page asks for one page of a listing: at most Limit cases (all when 0) after the cursor
// After, which is the next cursor of the previous page (empty for the first). Cursors are
// the store's own: pass them back unchanged.
type Page struct {
	After string
	Limit int
}

// OpenDuty is an open timed duty of a case as a store scans it for a worklist: the case's
// summary, which a store may read from its columns and may share between the duties of a
// case (read it, do not change it), and the duty. Due, Warn and Provisional are the duty's
// deadline's, which a store may keep beside it (in an index or table columns) so that a
// worklist need not read every duty.
type OpenDuty struct {
	Case        *CaseSummary
	Duty        *Duty
	Due, Warn   time.Time
	Provisional bool
}

// Filter selects cases; its zero value selects all. Fields set together must all match.
type Filter struct {
	Kind   Kind
	States []State
	// Open selects cases not yet archived.
	Open bool
	// Center selects the cases of a service centre ([Case.Center]); Department the cases
	// whose responsible window belongs to that stationed department; Window the cases whose
	// responsible window ([Case.ResponsibleWindow]) is the window with that ID. Each is an
	// organisation's ID ([haochaping.Org]).
	Center     string
	Department string
	Window     string
	// ReceivedFrom and ReceivedTo select cases received in [ReceivedFrom, ReceivedTo); a
	// zero bound is open.
	ReceivedFrom, ReceivedTo time.Time
	// AtRiskAt selects cases with an open timed duty at risk or overdue at that moment:
	// its warning time is at or before it.
	AtRiskAt time.Time
	// OverdueAt selects cases with an open timed duty overdue at that moment.
	OverdueAt time.Time
}

// timeOnly reports whether f selects by AtRiskAt, OverdueAt and Open alone, which an index
// of open duties answers without reading cases (a case with an open duty is open).
func (f *Filter) timeOnly() bool {
	return f.Kind == "" && len(f.States) == 0 && f.Center == "" && f.Department == "" && f.Window == "" &&
		f.ReceivedFrom.IsZero() && f.ReceivedTo.IsZero()
}

// Match reports whether f selects c. Stores may use it, or translate f into their own query.
func (f *Filter) Match(c *Case) bool {
	switch {
	case f.Kind != "" && c.Kind != f.Kind,
		len(f.States) > 0 && !slices.Contains(f.States, c.State),
		f.Open && c.Closed(),
		f.Center != "" && c.Center() != f.Center,
		f.Department != "" && (c.ResponsibleWindow == nil || c.ResponsibleWindow.Department != f.Department),
		f.Window != "" && (c.ResponsibleWindow == nil || c.ResponsibleWindow.ID != f.Window),
		!f.ReceivedFrom.IsZero() && c.ReceivedAt.Before(f.ReceivedFrom),
		!f.ReceivedTo.IsZero() && !c.ReceivedAt.Before(f.ReceivedTo):
		return false
	}
	if !f.AtRiskAt.IsZero() && (c.WarnAt.IsZero() || c.WarnAt.After(f.AtRiskAt)) {
		return false
	}
	// A duty is at risk before it is overdue, so WarnAt rules most cases out cheaply.
	if !f.OverdueAt.IsZero() {
		if c.WarnAt.IsZero() || c.WarnAt.After(f.OverdueAt) {
			return false
		}
		if d, ok := c.Due(); !ok || d.After(f.OverdueAt) {
			return false
		}
	}
	return true
}
