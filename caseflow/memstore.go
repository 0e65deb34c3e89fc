package caseflow

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/haochaping/haochaping"
)

// MemoryStore is a [Store] in memory, safe for concurrent use: for tests, examples and
// single-process portals. Get and GetByKey hand out copies ([Case.Clone]) the caller may
// change; Create and Update keep the case they are given, which the caller must not change
// afterwards; List returns the stored cases themselves, to read.
//
// It checks every case it is given with [CheckCreate] and [CheckUpdate] under its keys, and
// keeps each case's head apart from its trail.
type MemoryStore struct {
	keys  *Keyring
	mu    sync.RWMutex
	cases []*Case // in creation order
	heads []Head  // heads[i] is the head of cases[i], kept apart from its trail
	// out[i] is the working copy of cases[i] last handed to the service (see working): the
	// one Update may take as the engine hashed it. Another copy handed out since, or any
	// other case, is checked in full.
	out   []atomic.Pointer[Case]
	open  []openSlot     // open[i] indexes the open timed duties of cases[i]
	byID  map[string]int // index into cases
	byKey map[intakeKey]int
}

// intakeKey is a case's key (see [Case.Key]) without the string that joins its parts.
type intakeKey struct {
	review bool
	id     string
}

// keyOf returns c's intake key; ok is false for a case without one.
func keyOf(c *Case) (k intakeKey, ok bool) {
	switch {
	case c.Review != nil:
		return intakeKey{true, c.Review.Key()}, true
	case c.Complaint != nil && haochaping.NormalizeID(c.Complaint.ID) != "":
		return intakeKey{false, haochaping.NormalizeID(c.Complaint.ID)}, true
	}
	return k, false
}

// parseKey reads a key written by Case.Key.
func parseKey(s string) (k intakeKey, ok bool) {
	if id, ok := strings.CutPrefix(s, "review:"); ok {
		return intakeKey{true, id}, true
	}
	if id, ok := strings.CutPrefix(s, "complaint:"); ok && id != "" {
		return intakeKey{false, id}, true
	}
	return k, false
}

var (
	_ Store      = (*MemoryStore)(nil)
	_ DueScanner = (*MemoryStore)(nil)
)

// NewMemoryStore returns an empty store for trails chained without a key (plain SHA-256).
func NewMemoryStore() *MemoryStore { return NewMemoryStoreWithKeys(nil) }

// NewMemoryStoreWithKeys returns an empty store for trails chained under keys: the service's
// [Service.Keys].
func NewMemoryStoreWithKeys(keys *Keyring) *MemoryStore {
	return &MemoryStore{keys: keys, byID: map[string]int{}, byKey: map[intakeKey]int{}}
}

// Create stores a new case; see [Store.Create].
func (s *MemoryStore) Create(ctx context.Context, c *Case) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if c == nil {
		return fmt.Errorf("caseflow: create: no case: %w", ErrTampered)
	}
	if c.Version != 0 {
		return fmt.Errorf("caseflow: create case %s: version %d: a new case has version 0", c.ID, c.Version)
	}
	if err := CheckCreate(c, s.keys); err != nil {
		return fmt.Errorf("caseflow: create case %s: %w", c.ID, err)
	}
	key, keyed := keyOf(c)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.byID[c.ID]; ok {
		return fmt.Errorf("caseflow: create case %s: %w", c.ID, ErrDuplicate)
	}
	if _, ok := s.byKey[key]; ok && keyed {
		return fmt.Errorf("caseflow: create case %s for %s: %w", c.ID, c.Key(), ErrDuplicate)
	}
	c.Version = 1
	s.byID[c.ID] = len(s.cases)
	if keyed {
		s.byKey[key] = len(s.cases)
	}
	s.cases = append(grow(s.cases), c)
	s.heads = append(grow(s.heads), HeadOf(c.Trail))
	s.out = append(grow(s.out), atomic.Pointer[Case]{})
	s.open = append(grow(s.open), slotOf(c))
	return nil
}

// Head returns the head of the case's trail as the store keeps it; see [Store.Head].
func (s *MemoryStore) Head(ctx context.Context, id string) (Head, error) {
	if err := ctx.Err(); err != nil {
		return Head{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	i, ok := s.byID[id]
	if !ok {
		return Head{}, fmt.Errorf("caseflow: case %s: %w", id, ErrNotFound)
	}
	return s.heads[i], nil
}

// Get returns a copy of the case; see [Store.Get].
func (s *MemoryStore) Get(ctx context.Context, id string) (*Case, error) {
	return s.at(ctx, id, func(i int) *Case { return s.cases[i].Clone() })
}

// at returns what fn makes of case id, read under the read lock.
func (s *MemoryStore) at(ctx context.Context, id string, fn func(i int) *Case) (*Case, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	i, ok := s.byID[id]
	if !ok {
		return nil, fmt.Errorf("caseflow: case %s: %w", id, ErrNotFound)
	}
	return fn(i), nil
}

// working returns the case for the service to take a step on (see [Case.working]): the
// memory store's part of [stepStore]. The copy is marked as the store's own, so that Update
// takes the engine's hashes of it as computed.
func (s *MemoryStore) working(ctx context.Context, id string) (*Case, error) {
	return s.at(ctx, id, func(i int) *Case {
		c := s.cases[i].working()
		s.out[i].Store(c)
		return c
	})
}

// GetByKey returns a copy of the case opened on key; see [Store.GetByKey].
func (s *MemoryStore) GetByKey(ctx context.Context, key string) (*Case, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, ok := parseKey(key)
	i, found := s.byKey[k]
	if !ok || !found {
		return nil, fmt.Errorf("caseflow: case for %q: %w", key, ErrNotFound)
	}
	return s.cases[i].Clone(), nil
}

// Update stores c if nobody changed it since it was read; see [Store.Update].
func (s *MemoryStore) Update(ctx context.Context, c *Case) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if c == nil {
		return fmt.Errorf("caseflow: update: no case: %w", ErrTampered)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.byID[c.ID]
	if !ok {
		return fmt.Errorf("caseflow: update case %s: %w", c.ID, ErrNotFound)
	}
	old := s.cases[i]
	if old.Version != c.Version {
		return fmt.Errorf("caseflow: update case %s at version %d, stored version %d: %w", c.ID, c.Version, old.Version, ErrConflict)
	}
	head := s.heads[i]
	// The store's own working copy went from it to the engine and back, reached by no
	// caller: the engine hashed it, so the checks of structure suffice. Any other case is
	// checked in full.
	own := s.out[i].Swap(nil) == c
	if err := checkUpdate(head, c, s.keys, !own); err != nil {
		return fmt.Errorf("caseflow: update case %s: %w", c.ID, err)
	}
	if err := keeps(old.Trail, c.Trail, s.keys); err != nil {
		return fmt.Errorf("caseflow: update case %s: %w", c.ID, err)
	}
	c.Version++
	s.cases[i], s.heads[i], s.open[i] = c, HeadOf(c.Trail), slotOf(c)
	return nil
}

// keeps checks that trail starts with the stored entries: the same ones (the service's working
// copies share them), or entries that hash alike under keys: a copy (from Get, or decoded from
// storage), or an entry whose personal data an [Erasure] replaced with the commitments it
// hashed. CheckUpdate has checked the trail is at least as long.
func keeps(stored, trail []*Entry, keys *Keyring) error {
	for i, e := range stored {
		if trail[i] == e {
			continue
		}
		if trail[i] == nil || trail[i].Hash != e.Hash {
			return &TamperError{i + 1, "the update rewrites a stored entry"}
		}
		if d, err := trail[i].digest(keys, saltOf(trail), nil); err != nil || d != e.Hash {
			return &TamperError{i + 1, "the update rewrites a stored entry"}
		}
	}
	return nil
}

// List returns a page of the cases f matches, in creation order; see [Store.List]. The
// cases are the stored ones, not copies: read them, do not change them. Its cursor is the
// last case's ID.
func (s *MemoryStore) List(ctx context.Context, f Filter, p Page) ([]*Case, string, error) {
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	from := 0
	if p.After != "" {
		i, ok := s.byID[p.After]
		if !ok {
			return nil, "", fmt.Errorf("caseflow: list after %q: %w", p.After, ErrBadCursor)
		}
		from = i + 1
	}
	var out []*Case
	atRisk := f.AtRiskAt.UnixNano()
	for i := from; i < len(s.cases); i++ {
		c := s.cases[i]
		// The index rules out cases not yet at risk without reading them.
		if !f.AtRiskAt.IsZero() && s.open[i].warn > atRisk || !f.Match(c) {
			continue
		}
		if p.Limit > 0 && len(out) == p.Limit {
			return out, out[len(out)-1].ID, nil
		}
		out = append(out, c)
	}
	return out, "", nil
}

// grow doubles a full list: append grows long lists by only a quarter, which costs a store
// of many cases five times their size in copies.
func grow[E any](s []E) []E {
	if len(s) < cap(s) {
		return s
	}
	return slices.Grow(s, max(len(s), 64))
}

// ScanDuties calls fn for the open timed duties of the cases f selects, at risk at
// f.AtRiskAt and overdue at f.OverdueAt when they are set; see [Store.ScanDuties]. It reads
// the store's index of open duties and the cases' summaries kept beside it, not the cases,
// so that a worklist over many cases is quick; the OpenDuty times are in UTC. fn runs under
// the store's read lock, which holds off writers: keep it short.
func (s *MemoryStore) ScanDuties(ctx context.Context, f Filter, fn func(OpenDuty) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	warnBy, dueBy := int64(math.MaxInt64), int64(math.MaxInt64)
	if !f.AtRiskAt.IsZero() {
		warnBy = f.AtRiskAt.UnixNano()
	}
	if !f.OverdueAt.IsZero() { // an overdue duty is at risk: the index rules out the rest
		dueBy = f.OverdueAt.UnixNano()
		warnBy = min(warnBy, dueBy)
	}
	f.AtRiskAt, f.OverdueAt = time.Time{}, time.Time{} // checked here, duty by duty
	all := f.timeOnly()
	for i := range s.open {
		slot := &s.open[i]
		if slot.warn > warnBy || !all && !f.Match(s.cases[i]) {
			continue
		}
		if slot.n < 0 { // more open duties than the slot holds: read the case
			for _, d := range s.cases[i].Duties[s.cases[i].firstOpen():] {
				if d.Timed && d.Deadline.Warn.UnixNano() <= warnBy && d.Deadline.Due.UnixNano() <= dueBy {
					if err := fn(OpenDuty{slot.sum, d, d.Deadline.Due, d.Deadline.Warn, d.Deadline.Provisional}); err != nil {
						return err
					}
				}
			}
			continue
		}
		for j, r := range slot.refs[:slot.n] {
			if r.warn <= warnBy && r.due <= dueBy {
				if err := fn(OpenDuty{slot.sum, r.d, time.Unix(0, r.due).UTC(), time.Unix(0, r.warn).UTC(), slot.prov&(1<<j) != 0}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// openSlot indexes the open timed duties of a case: the earliest warning time, and the
// duties themselves inline with their times, so that a scan reads one array and no case.
type openSlot struct {
	warn int64 // the earliest warning time in Unix nanoseconds; noWarn when none is open
	n    int8  // how many of refs are used; -1 when the case has more open duties than fit
	prov uint8 // bit j set: refs[j] is due on a provisional year
	refs [3]openRef
	sum  *CaseSummary // the case's, for the worklist; never changed, so scans may keep it
}

type openRef struct {
	warn, due int64
	d         *Duty
}

// noWarn is the warning time of a case with no timed duty open.
const noWarn = math.MaxInt64

func slotOf(c *Case) openSlot {
	slot := openSlot{warn: noWarn}
	for _, d := range c.Duties[c.firstOpen():] {
		if !d.Timed {
			continue
		}
		r := openRef{d.Deadline.Warn.UnixNano(), d.Deadline.Due.UnixNano(), d}
		slot.warn = min(slot.warn, r.warn)
		if slot.n >= 0 && int(slot.n) < len(slot.refs) {
			if d.Deadline.Provisional {
				slot.prov |= 1 << slot.n
			}
			slot.refs[slot.n] = r
			slot.n++
		} else {
			slot.n = -1
		}
	}
	if slot.warn != noWarn { // only a case with a timed duty open is ever scanned
		sum := c.Summary()
		slot.sum = &sum
	}
	return slot
}

// ScanDutiesByDue calls fn for the duties ScanDuties would, soonest due first, then in
// ScanDuties' order; see [DueScanner]. The memory store has no index on due times: it scans
// every duty, sorts them, and calls fn outside its lock.
func (s *MemoryStore) ScanDutiesByDue(ctx context.Context, f Filter, fn func(OpenDuty) error) error {
	var all []OpenDuty
	if err := s.ScanDuties(ctx, f, func(od OpenDuty) error { all = append(grow(all), od); return nil }); err != nil {
		return err
	}
	slices.SortStableFunc(all, func(a, b OpenDuty) int { return a.Due.Compare(b.Due) })
	for _, od := range all {
		if err := fn(od); err != nil {
			return err
		}
	}
	return nil
}
