package caseflow

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/haochaping/haochaping/deadline"
)

// DutyStatus is an open duty of a case and where it stands: who owes it for which
// organisation, by when, and whether it is on time, at risk or overdue (with the working days
// overdue).
type DutyStatus struct {
	// Case is the summary of the duty's case: no personal data, so that a worklist may be
	// sent on as it is. The duties of one case in a worklist share it; it is the
	// worklist's own, not the store's.
	Case *CaseSummary `json:"case"`
	Duty *Duty        `json:"duty"`
	// Status is the duty's standing; its Standing is 0 for an untimed duty.
	Status deadline.Status `json:"status"`
}

// Duties returns the open duties of c and where they stand now, in the order they started.
// Untimed duties have a zero Status.
func (s *Service) Duties(c *Case) ([]DutyStatus, error) {
	g, err := s.engine()
	if err != nil {
		return nil, err
	}
	now := s.now()
	sum := c.Summary()
	var out []DutyStatus
	for _, d := range c.Duties[c.firstOpen():] {
		ds := DutyStatus{Case: &sum, Duty: d}
		if d.Timed {
			if ds.Status, err = g.cal.Status(d.Deadline, now); err != nil {
				return nil, err
			}
		}
		out = append(out, ds)
	}
	return out, nil
}

// AtRisk lists the open duties, of the cases f selects, that are at risk (即将超期) or
// overdue (超期) now, soonest due first (then in the store's order): the office's daily
// worklist. Given standings, it lists only the duties standing so: deadline.Overdue for the
// overdue alone, deadline.AtRisk for those at risk and not yet overdue. Each entry carries
// its case's summary, not the case.
func (s *Service) AtRisk(ctx context.Context, f Filter, standings ...deadline.Standing) ([]DutyStatus, error) {
	keep := func(OpenDuty, deadline.Status) bool { return true }
	switch {
	case len(standings) == 1 && standings[0] == deadline.Overdue:
		f.OverdueAt = s.now() // the store reads only the overdue
	case len(standings) > 0:
		keep = func(_ OpenDuty, st deadline.Status) bool { return slices.Contains(standings, st.Standing) }
	}
	ds, _, err := s.worklist(ctx, f, keep)
	return ds, err
}

// AtRiskFirst lists the first n duties of the worklist [Service.AtRisk] lists, the n soonest
// due: a worklist's first page. When the store is a [DueScanner] (as the SQL store is) it
// reads only those duties, from its index on due times; other stores are scanned whole. n
// below 1 lists none.
func (s *Service) AtRiskFirst(ctx context.Context, f Filter, n int, standings ...deadline.Standing) ([]DutyStatus, error) {
	if n < 1 {
		return nil, nil
	}
	ds, ok := s.Store.(DueScanner)
	if !ok {
		all, err := s.AtRisk(ctx, f, standings...)
		return all[:min(n, len(all))], err
	}
	g, err := s.engine()
	if err != nil {
		return nil, err
	}
	now := s.now()
	f.AtRiskAt = now
	if len(standings) == 1 && standings[0] == deadline.Overdue {
		f.OverdueAt = now
	}
	out := make([]DutyStatus, 0, min(n, 1024))
	var last *CaseSummary
	err = ds.ScanDutiesByDue(ctx, f, func(od OpenDuty) error {
		st, err := g.cal.Status(deadline.Deadline{Due: od.Due, Warn: od.Warn, Provisional: od.Provisional}, now)
		if err != nil || len(standings) > 0 && !slices.Contains(standings, st.Standing) {
			return err
		}
		if od.Case != last || len(out) == 0 {
			last = od.Case
			sum := *od.Case // the worklist's own copy
			od.Case = &sum
		} else {
			od.Case = out[len(out)-1].Case
		}
		out = append(out, DutyStatus{Case: od.Case, Duty: od.Duty, Status: st})
		if len(out) == n {
			return errEnough
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, err
	}
	return out, nil
}

// errEnough stops a scan that found what it wanted.
var errEnough = errors.New("caseflow: enough duties")

// DueScanner is a [Store] that also scans open duties soonest due first, so that
// [Service.AtRiskFirst] reads only the first page of a worklist. ScanDutiesByDue calls fn
// for the duties [Store.ScanDuties] would, by due time, then in ScanDuties' order; it stops
// at and returns fn's first error.
type DueScanner interface {
	ScanDutiesByDue(ctx context.Context, f Filter, fn func(OpenDuty) error) error
}

// Sweep lists the open duties, of the cases f selects, that fell at risk or overdue since
// the previous sweep, soonest due first, and returns the time to pass as since to the next:
// run it on a timer and send the reminders (a window head's duty at risk, the office's
// overdue) without listing a duty twice for the same change. A duty that fell at risk and
// then overdue between two sweeps is listed once, overdue; one entered since the previous
// sweep already at risk or overdue (started by a step dated back, or given an earlier
// deadline) is listed too ([Duty.Entered]). The zero since lists every duty at risk or
// overdue now.
func (s *Service) Sweep(ctx context.Context, f Filter, since time.Time) (news []DutyStatus, until time.Time, err error) {
	news, until, err = s.worklist(ctx, f, func(od OpenDuty, st deadline.Status) bool {
		if od.Duty.Entered.After(since) {
			return true
		}
		if st.Standing == deadline.Overdue {
			return od.Due.After(since)
		}
		return od.Warn.After(since)
	})
	if err == nil && len(news) > 0 {
		s.logger().InfoContext(ctx, "caseflow: sweep found duties newly at risk or overdue",
			slog.Int("duties", len(news)), slog.Time("since", since), slog.Time("until", until))
	}
	return news, until, err
}

// worklist lists the open duties at risk or overdue now, of the cases f selects, that keep
// keeps, soonest due first, and returns now.
func (s *Service) worklist(ctx context.Context, f Filter, keep func(OpenDuty, deadline.Status) bool) ([]DutyStatus, time.Time, error) {
	g, err := s.engine()
	if err != nil {
		return nil, time.Time{}, err
	}
	now := s.now()
	f.AtRiskAt = now
	// The worklist copies each case's summary once: a store scans a case's duties one after
	// another, so a summary like the last one is the same case's. The copies go in chunks,
	// which never move, so the duties can point at them from the start.
	type found struct {
		sum  *CaseSummary
		duty *Duty
		st   deadline.Status
	}
	var fs []found
	var keys []dueKey
	var sums summaries
	var last *CaseSummary
	err = s.Store.ScanDuties(ctx, f, func(od OpenDuty) error {
		st, err := g.cal.Status(deadline.Deadline{Due: od.Due, Warn: od.Warn, Provisional: od.Provisional}, now)
		if err != nil || !keep(od, st) {
			return err
		}
		if od.Case != last || len(fs) == 0 {
			last = od.Case
			sums.add(*od.Case)
		}
		keys = append(grow(keys), dueKey{od.Due.UnixNano(), len(fs)})
		fs = append(grow(fs), found{sums.last(), od.Duty, st})
		return nil
	})
	if err != nil {
		return nil, time.Time{}, err
	}
	ds := make([]DutyStatus, 0, len(fs))
	sortByDue(keys, func(i int) { ds = append(ds, DutyStatus{Case: fs[i].sum, Duty: fs[i].duty, Status: fs[i].st}) })
	return ds, now.In(g.cal.Location()), nil
}

// dueKey sorts the duty at index i by its due time.
type dueKey struct {
	due int64
	i   int
}

// parallelAbove is the number of duties each CPU sorts at least.
const parallelAbove = 8192

// summaries holds copies of case summaries in chunks of summaryChunk, which never move.
type summaries struct{ chunks [][]CaseSummary }

const summaryChunk = 1024

func (s *summaries) add(v CaseSummary) {
	if n := len(s.chunks); n == 0 || len(s.chunks[n-1]) == summaryChunk {
		s.chunks = append(s.chunks, make([]CaseSummary, 0, summaryChunk))
	}
	c := &s.chunks[len(s.chunks)-1]
	*c = append(*c, v)
}

// last returns the summary added last.
func (s *summaries) last() *CaseSummary {
	c := s.chunks[len(s.chunks)-1]
	return &c[len(c)-1]
}

// sortByDue calls emit with the index of each key, soonest due first, then in their order.
// A long list is sorted in one part per CPU side by side, and the parts merged.
func sortByDue(keys []dueKey, emit func(i int)) {
	n := min(runtime.GOMAXPROCS(0), len(keys)/parallelAbove+1)
	parts := make([][]dueKey, n)
	size := (len(keys) + n - 1) / n
	var wg sync.WaitGroup
	for i := range parts {
		parts[i] = keys[min(i*size, len(keys)):min((i+1)*size, len(keys))]
		wg.Add(1)
		go func(p []dueKey) {
			defer wg.Done()
			slices.SortFunc(p, func(a, b dueKey) int {
				if a.due != b.due {
					return cmp.Compare(a.due, b.due)
				}
				return a.i - b.i
			})
		}(parts[i])
	}
	wg.Wait()
	// Merge, taking from the earlier part among equal due times: the parts are in order.
	next := make([]int, n)
	for range keys {
		best := -1
		for i, p := range parts {
			if next[i] < len(p) && (best < 0 || p[next[i]].due < parts[best][next[best]].due) {
				best = i
			}
		}
		emit(parts[best][next[best]].i)
		next[best]++
	}
}
