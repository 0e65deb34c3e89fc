package caseflowtest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/haochaping/haochaping/caseflow"
)

// To opens a new case of kind and takes it to state through valid steps, and returns it as
// stored; it fails the test if it cannot. A pushed case opens with a [Review], an on-site
// complaint with a [Complaint] at the County centre opened by the [Clerk], both made ten
// minutes before the clock reads; the case then goes on as [Walk] takes it. The path taken is
// the case's trail.
func To(t testing.TB, svc *caseflow.Service, kind caseflow.Kind, state caseflow.State) *caseflow.Case {
	t.Helper()
	ctx := t.Context()
	var (
		c   *caseflow.Case
		err error
	)
	switch kind {
	case caseflow.KindSystemPushed:
		r := Review()
		r.Time = now(svc).Add(-10 * time.Minute)
		c, _, err = svc.Receive(ctx, r)
	case caseflow.KindOnSiteComplaint:
		cp := Complaint()
		cp.Time = now(svc).Add(-10 * time.Minute)
		c, _, err = svc.Complain(ctx, Clerk(), cp)
	default:
		err = fmt.Errorf("unknown kind %q", kind)
	}
	if err == nil {
		c, err = Walk(ctx, svc, c.ID, state)
	}
	if err != nil {
		t.Fatalf("caseflowtest.To(%s, %s): %v", kind, state, err)
	}
	return c
}

// Walk takes the stored case id on from where it stands to state through valid steps, and
// returns it as stored. Each step has the content its article requires and is taken by the
// kit's actor of the first role the workflow allows, acting for the window or organisation
// the case is with (so that a [TownshipComplaint] goes on under the [TownshipLeader]). A case
// goes through the rectification (the reviewer satisfied, or the leader approving closure
// without it after the policy's ClosureAttempts calls reached nobody), the extended
// rectification, or the appeal upheld, whichever passes state. A case with no number to call
// is investigated instead of called (第六条) and closed as having none (无联系方式). Any open
// case is withdrawn with the leader's approval.
//
// On a service from [NewService] the clock moves on before each step: half an hour for the
// steps due the same day, to 09:00 of the next working day for the window's report, the
// appeal materials and the end of an extended rectification, so that every duty is done on
// time when the walk starts in office hours. On another service the steps are taken at the
// service's own time.
//
// Walk returns an error when no route from the case's state passes state, and the refusal of
// a step (a *caseflow.RefusalError) when the case cannot go on as the kit takes it, under a
// policy stricter than the default for instance.
func Walk(ctx context.Context, svc *caseflow.Service, id string, state caseflow.State) (*caseflow.Case, error) {
	c, err := svc.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	p := svc.Policy
	if p == (caseflow.Policy{}) {
		p = caseflow.DefaultPolicy()
	}
	legs, err := route(c, p, state)
	if err != nil {
		return nil, err
	}
	clk := ClockOf(svc)
	for _, l := range legs {
		if clk != nil && l.nextDay {
			clk.NextWorkday(svc.Calendar, 9*time.Hour)
		} else if clk != nil {
			clk.Advance(30 * time.Minute)
		}
		s := l.step(c, now(svc))
		if s == nil {
			continue
		}
		a, err := actor(c, s.Event())
		if err != nil {
			return nil, err
		}
		if c, err = svc.Take(ctx, id, caseflow.Action{Actor: a, Step: s}); err != nil {
			return nil, fmt.Errorf("caseflowtest: case %s: step %s by %s: %w", id, s.Event(), a, err)
		}
	}
	return c, nil
}

// route returns the legs from c's state to state under policy p: none when c is there, the
// withdrawal for StateWithdrawn, or else the legs of the first route that passes c's state
// and then state.
func route(c *caseflow.Case, p caseflow.Policy, state caseflow.State) ([]leg, error) {
	switch {
	case c.State == state:
		return nil, nil
	case state == caseflow.StateWithdrawn && !c.Closed():
		return withdrawal(), nil
	}
	wf := c.Workflow()
	for _, legs := range routes(c.Kind, p) {
		at := -1 // the index of the leg the case stands before
		s := caseflow.StateReceived
		for i, l := range legs {
			if s == c.State && at < 0 {
				at = i
			}
			if step := l.step(c, time.Time{}); step != nil {
				def, ok := wf.Step(step.Event(), s)
				if !ok {
					break
				}
				if def.To != "" {
					s = def.To
				}
			}
			if at >= 0 && s == state {
				return legs[at : i+1], nil
			}
		}
	}
	return nil, fmt.Errorf("caseflowtest: case %s: no route from %s to %s in %s", c.ID, c.State, state, wf.Name())
}

// actor returns the kit's actor who takes event on c in its state: of the first role the
// workflow allows, acting for the case's window or organisation.
func actor(c *caseflow.Case, event caseflow.Event) (caseflow.Actor, error) {
	def, ok := c.Workflow().Step(event, c.State)
	if !ok {
		return caseflow.Actor{}, fmt.Errorf("caseflowtest: case %s: no step %s from %s", c.ID, event, c.State)
	}
	roles := def.Roles
	if def.OwnLeaderRoles != nil && c.Complaint != nil && c.Complaint.Center.Kind.LedByOwnLeader() {
		roles = def.OwnLeaderRoles
	}
	switch roles[0] {
	case caseflow.RoleLeader:
		return Leader(), nil
	case caseflow.RoleCityInspection:
		return CityInspector(), nil
	case caseflow.RoleWindowStaff:
		return forOrg(WindowStaff(), c.ResponsibleWindow.ID), nil
	case caseflow.RoleWindowHead:
		return forOrg(WindowHead(), c.ResponsibleWindow.ID), nil
	case caseflow.RoleOrgLeader:
		if c.Complaint != nil {
			return forOrg(TownshipLeader(), c.Complaint.Center.ID), nil
		}
		return forOrg(DepartmentLeader(), c.ResponsibleWindow.Parent()), nil
	}
	return Clerk(), nil
}

// forOrg returns actor a acting for org: a itself when it acts for org already.
func forOrg(a caseflow.Actor, org string) caseflow.Actor {
	if a.Org != org {
		a.ID, a.Org = a.ID+"@"+org, org
	}
	return a
}

// now returns the service's time.
func now(svc *caseflow.Service) time.Time {
	if svc.Now == nil {
		return time.Now()
	}
	return svc.Now()
}
