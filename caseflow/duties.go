package caseflow

import (
	"cmp"
	"context"
	"errors"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/haochaping/haochaping/deadline"
)

// DutyStatus is an open duty of a case and where it stands: who owes it for which window or
// unit, by when, and whether it is on time, at risk or overdue (with the working days
// overdue).
type DutyStatus struct {
	Case  string // the case ID
	State State  // the case's state
	Duty  *Duty
	// Status is the duty's standing; its State is 0 for an untimed duty.
	Status deadline.Status
}

// Duties returns the open duties of c and where they stand now, in the order they started.
// Untimed duties have a zero Status.
func (s *Service) Duties(c *Case) ([]DutyStatus, error) {
	return s.appendDuties(nil, c, s.now(), false)
}

// appendDuties appends the open duties of c standing at now; with atRisk only those at risk
// or overdue.
func (s *Service) appendDuties(out []DutyStatus, c *Case, now time.Time, atRisk bool) ([]DutyStatus, error) {
	for _, d := range c.Duties[c.firstOpen():] {
		if atRisk && (!d.Timed || d.Deadline.Warn.After(now)) {
			continue
		}
		ds := DutyStatus{Case: c.ID, State: c.State, Duty: d}
		if d.Timed {
			g, err := s.engine()
			if err != nil {
				return out, err
			}
			st, err := g.cal.Status(d.Deadline, now)
			if err != nil {
				return out, err
			}
			ds.Status = st
		}
		out = append(out, ds)
	}
	return out, nil
}

// AtRisk lists the open duties, of the cases f selects, that are at risk (即将超期) or
// overdue (超期) now, soonest due first (then in the store's order): the office's daily worklist.
func (s *Service) AtRisk(ctx context.Context, f Filter) ([]DutyStatus, error) {
	now := s.now()
	f.AtRiskAt = now
	cases, err := s.Store.List(ctx, f)
	if err != nil {
		return nil, err
	}
	out, err := s.atRisk(cases, now)
	if err != nil {
		return nil, err
	}
	return sortByDue(out), nil
}

// atRisk returns the at-risk and overdue duties of cases at now, in the cases' order. A
// long list is cut into one part per CPU: the work is reading duties scattered in memory,
// which CPUs do side by side.
func (s *Service) atRisk(cases []*Case, now time.Time) ([]DutyStatus, error) {
	parts := min(runtime.GOMAXPROCS(0), len(cases)/parallelAbove+1)
	results := make([][]DutyStatus, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	size := (len(cases) + parts - 1) / parts
	for p := 0; p < parts; p++ {
		part := cases[min(p*size, len(cases)):min((p+1)*size, len(cases))]
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			out := make([]DutyStatus, 0, 2*len(part)) // a case at risk has one or two such duties, seldom more
			for _, c := range part {
				if out, errs[p] = s.appendDuties(out, c, now, true); errs[p] != nil {
					return
				}
			}
			results[p] = out
		}(p)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if parts == 1 {
		return results[0], nil
	}
	var out []DutyStatus
	for _, r := range results {
		out = append(out, r...)
	}
	return out, nil
}

// parallelAbove is the number of cases each CPU takes at least.
const parallelAbove = 4096

// sortByDue sorts duties by due time, keeping the listing order among equal ones. It sorts
// small keys rather than the statuses themselves: a worklist can hold many thousands.
func sortByDue(ds []DutyStatus) []DutyStatus {
	keys := make([]dueKey, len(ds))
	for i := range ds {
		keys[i] = dueKey{ds[i].Duty.Deadline.Due.UnixNano(), i}
	}
	slices.SortFunc(keys, func(a, b dueKey) int {
		if a.due != b.due {
			return cmp.Compare(a.due, b.due)
		}
		return a.i - b.i
	})
	out := make([]DutyStatus, len(ds))
	for i, k := range keys {
		out[i] = ds[k.i]
	}
	return out
}

type dueKey struct {
	due int64
	i   int
}
