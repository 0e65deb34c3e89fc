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
	// Case is the case as the store listed it: read it, do not change it.
	Case *Case
	Duty *Duty
	// Status is the duty's standing; its State is 0 for an untimed duty.
	Status deadline.Status
}

// Duties returns the open duties of c and where they stand now, in the order they started.
// Untimed duties have a zero Status.
func (s *Service) Duties(c *Case) ([]DutyStatus, error) {
	g, err := s.engine()
	if err != nil {
		return nil, err
	}
	var p part
	err = p.add(g.cal, c, s.now(), false)
	return p.ds, err
}

// part is a run of duty statuses, with the sort keys of the timed ones.
type part struct {
	ds   []DutyStatus
	keys []dueKey
}

// dueKey sorts the duty at index i of a part by its due time.
type dueKey struct {
	due int64
	i   int
}

// add appends the open duties of c standing at now; with atRisk only those at risk or overdue.
func (p *part) add(cal *deadline.Calendar, c *Case, now time.Time, atRisk bool) error {
	for _, d := range c.Duties[c.firstOpen():] {
		if atRisk && (!d.Timed || d.Deadline.Warn.After(now)) {
			continue
		}
		ds := DutyStatus{Case: c, Duty: d}
		if d.Timed {
			st, err := cal.Status(d.Deadline, now)
			if err != nil {
				return err
			}
			ds.Status = st
			p.keys = append(p.keys, dueKey{d.Deadline.Due.UnixNano(), len(p.ds)})
		}
		p.ds = append(p.ds, ds)
	}
	return nil
}

// AtRisk lists the open duties, of the cases f selects, that are at risk (即将超期) or
// overdue (超期) now, soonest due first (then in the store's order): the office's daily
// worklist.
func (s *Service) AtRisk(ctx context.Context, f Filter) ([]DutyStatus, error) {
	g, err := s.engine()
	if err != nil {
		return nil, err
	}
	now := s.now()
	f.AtRiskAt = now
	cases, err := s.Store.List(ctx, f)
	if err != nil {
		return nil, err
	}
	return worklist(g.cal, cases, now)
}

// parallelAbove is the number of cases each CPU takes at least.
const parallelAbove = 4096

// worklist returns the at-risk and overdue duties of cases at now, soonest due first, then in
// the cases' order. A long list is cut into one part per CPU, each read and sorted side by
// side (the work is mostly reading duties scattered in memory), and the parts are merged.
func worklist(cal *deadline.Calendar, cases []*Case, now time.Time) ([]DutyStatus, error) {
	n := min(runtime.GOMAXPROCS(0), len(cases)/parallelAbove+1)
	parts := make([]part, n)
	errs := make([]error, n)
	size := (len(cases) + n - 1) / n
	var wg sync.WaitGroup
	for i := range parts {
		wg.Add(1)
		go func(p *part, cs []*Case, err *error) {
			defer wg.Done()
			// A case at risk has one to three such duties: room for three saves copying.
			p.ds, p.keys = make([]DutyStatus, 0, 3*len(cs)), make([]dueKey, 0, 3*len(cs))
			for _, c := range cs {
				if *err = p.add(cal, c, now, true); *err != nil {
					return
				}
			}
			slices.SortFunc(p.keys, func(a, b dueKey) int {
				if a.due != b.due {
					return cmp.Compare(a.due, b.due)
				}
				return a.i - b.i
			})
		}(&parts[i], cases[min(i*size, len(cases)):min((i+1)*size, len(cases))], &errs[i])
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return merge(parts), nil
}

// merge merges sorted parts, taking from the earlier part among equal due times.
func merge(parts []part) []DutyStatus {
	total := 0
	for _, p := range parts {
		total += len(p.keys)
	}
	out := make([]DutyStatus, 0, total)
	next := make([]int, len(parts))
	for len(out) < total {
		best := -1
		for i, p := range parts {
			if next[i] < len(p.keys) && (best < 0 || p.keys[next[i]].due < parts[best].keys[next[best]].due) {
				best = i
			}
		}
		p := parts[best]
		out = append(out, p.ds[p.keys[next[best]].i])
		next[best]++
	}
	return out
}
