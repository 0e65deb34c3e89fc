package caseflow

import (
	"context"
	"fmt"
	"math"
	"sync"
)

// MemoryStore is a [Store] in memory, safe for concurrent use: for tests, examples and
// single-process portals. Get and GetByKey hand out copies ([Case.Clone]) the caller may
// change; Create and Update keep the case they are given, which the caller must not change
// afterwards; List returns the stored cases themselves, to read.
type MemoryStore struct {
	mu    sync.RWMutex
	cases []*Case        // in creation order
	warn  []int64        // cases[i].WarnAt in Unix nanoseconds, or noWarn: an index for AtRiskAt
	byID  map[string]int // index into cases
	byKey map[string]int
}

var _ Store = (*MemoryStore)(nil)

// NewMemoryStore returns an empty store.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{byID: map[string]int{}, byKey: map[string]int{}}
}

// Create stores a new case; see [Store.Create].
func (s *MemoryStore) Create(ctx context.Context, c *Case) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.Version != 0 {
		return fmt.Errorf("caseflow: create case %s: version %d: a new case has version 0", c.ID, c.Version)
	}
	key := c.Key()
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.byID[c.ID]; ok {
		return fmt.Errorf("caseflow: create case %s: %w", c.ID, ErrDuplicate)
	}
	if _, ok := s.byKey[key]; ok && key != "" {
		return fmt.Errorf("caseflow: create case %s for %s: %w", c.ID, key, ErrDuplicate)
	}
	c.Version = 1
	s.byID[c.ID] = len(s.cases)
	if key != "" {
		s.byKey[key] = len(s.cases)
	}
	s.cases = append(s.cases, c)
	s.warn = append(s.warn, warnKey(c))
	return nil
}

// Get returns a copy of the case; see [Store.Get].
func (s *MemoryStore) Get(ctx context.Context, id string) (*Case, error) {
	return s.get(ctx, s.byID, id)
}

// GetByKey returns a copy of the case opened on key; see [Store.GetByKey].
func (s *MemoryStore) GetByKey(ctx context.Context, key string) (*Case, error) {
	return s.get(ctx, s.byKey, key)
}

func (s *MemoryStore) get(ctx context.Context, index map[string]int, k string) (*Case, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	i, ok := index[k]
	if !ok {
		return nil, fmt.Errorf("caseflow: case %s: %w", k, ErrNotFound)
	}
	return s.cases[i].Clone(), nil
}

// Update stores c if nobody changed it since it was read; see [Store.Update].
func (s *MemoryStore) Update(ctx context.Context, c *Case) error {
	if err := ctx.Err(); err != nil {
		return err
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
	if err := extends(old.Trail, c); err != nil {
		return fmt.Errorf("caseflow: update case %s: %w", c.ID, err)
	}
	c.Version++
	s.cases[i], s.warn[i] = c, warnKey(c)
	return nil
}

// extends checks that c's trail keeps every stored entry (the same entries, as the copies Get
// hands out share them), adds at least one that chains on from them, and leaves c in the
// state its last entry entered: a case changes only by its steps. Hashes of new entries are
// the engine's to compute and Verify's to check.
func extends(old []*Entry, c *Case) error {
	trail := c.Trail
	switch {
	case len(trail) < len(old):
		return &TamperError{len(trail) + 1, "the update drops stored entries"}
	case len(trail) == len(old):
		return &TamperError{len(trail), "the update adds no step"}
	case trail[len(trail)-1] != nil && trail[len(trail)-1].To != c.State:
		return &TamperError{len(trail), "the case is not in the state its last step entered"}
	}
	for i, e := range old {
		if trail[i] != e && (trail[i] == nil || trail[i].Hash != e.Hash || !sameEntry(trail[i], e)) {
			return &TamperError{i + 1, "the update rewrites a stored entry"}
		}
	}
	for i := len(old); i < len(trail); i++ {
		e := trail[i]
		if e == nil || e.Seq != i+1 || i > 0 && e.Prev != trail[i-1].Hash {
			return &TamperError{i + 1, "a new entry does not chain on from the stored trail"}
		}
	}
	return nil
}

// sameEntry reports whether two entries with the same hash also hash alike, for an entry
// that is not the stored one itself (a case decoded from storage, say).
func sameEntry(a, b *Entry) bool {
	d, err := a.digest()
	return err == nil && d == b.Hash
}

// List returns the cases f matches, in creation order; see [Store.List]. The cases are the
// stored ones, not copies: read them, do not change them.
func (s *MemoryStore) List(ctx context.Context, f Filter) ([]*Case, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []*Case
	atRisk := f.AtRiskAt.UnixNano()
	for i, c := range s.cases {
		// The index rules out cases not yet at risk without reading them.
		if !f.AtRiskAt.IsZero() && s.warn[i] > atRisk {
			continue
		}
		if f.Match(c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// noWarn is the index key of a case with no timed duty open.
const noWarn = math.MaxInt64

func warnKey(c *Case) int64 {
	if c.WarnAt.IsZero() {
		return noWarn
	}
	return c.WarnAt.UnixNano()
}
