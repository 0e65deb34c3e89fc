package caseflow

import (
	"context"
	"sort"
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
func (s *Service) Duties(c *Case) ([]DutyStatus, error) {
	return s.appendDuties(nil, c, s.Now(), false)
}

// appendDuties appends the open duties of c standing at now; with atRisk only those at risk
// or overdue.
func (s *Service) appendDuties(out []DutyStatus, c *Case, now time.Time, atRisk bool) ([]DutyStatus, error) {
	for _, d := range c.Duties {
		if !d.Open() || atRisk && (!d.Timed || d.Deadline.Warn.After(now)) {
			continue
		}
		ds := DutyStatus{Case: c.ID, State: c.State, Duty: d}
		if d.Timed {
			st, err := s.Calendar.Status(d.Deadline, now)
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
// overdue (超期) now, soonest due first: the office's daily worklist.
func (s *Service) AtRisk(ctx context.Context, f Filter) ([]DutyStatus, error) {
	now := s.Now()
	f.AtRiskAt = now
	cases, err := s.Store.List(ctx, f)
	if err != nil {
		return nil, err
	}
	var out []DutyStatus
	for _, c := range cases {
		if out, err = s.appendDuties(out, c, now, true); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Duty.Deadline.Due.Before(out[j].Duty.Deadline.Due) })
	return out, nil
}
