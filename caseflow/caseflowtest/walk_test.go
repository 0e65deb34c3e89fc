package caseflowtest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/deadline"
)

// workflows are the two workflows whose every state the kit must reach.
var workflows = []*caseflow.Workflow{caseflow.SystemPushed(), caseflow.OnSite()}

// As a vendor's test would: every state of both workflows in three lines each. A state added
// to a workflow fails here until the kit reaches it.
func TestToReachesEveryState(t *testing.T) {
	for _, wf := range workflows {
		for _, s := range wf.States() {
			t.Run(string(wf.Kind())+"/"+string(s.State), func(t *testing.T) {
				t.Parallel()
				svc := caseflowtest.NewService()
				c := caseflowtest.To(t, svc, wf.Kind(), s.State)
				assert.Equal(t, s.State, c.State)
				assert.Equal(t, s.Label, c.StateLabel())
				onTime(t, svc, c)
			})
		}
	}
}

// The walk takes the variants a test needs often as well: a review with no number to call
// (第六条: investigated instead) and a complaint at a township centre (第四条（二）: its own
// leader in charge coordinates).
func TestWalkVariants(t *testing.T) {
	variants := []struct {
		name string
		wf   *caseflow.Workflow
		open func(svc *caseflow.Service) (*caseflow.Case, bool, error)
	}{
		{"anonymous review", caseflow.SystemPushed(), func(svc *caseflow.Service) (*caseflow.Case, bool, error) {
			return svc.Receive(t.Context(), caseflowtest.AnonymousReview())
		}},
		{"review without a phone", caseflow.SystemPushed(), func(svc *caseflow.Service) (*caseflow.Case, bool, error) {
			r := caseflowtest.Review()
			r.Reviewer.Phone = ""
			return svc.Receive(t.Context(), r)
		}},
		{"township complaint", caseflow.OnSite(), func(svc *caseflow.Service) (*caseflow.Case, bool, error) {
			return svc.Complain(t.Context(), caseflowtest.TownshipLeader(), caseflowtest.TownshipComplaint())
		}},
	}
	for _, v := range variants {
		for _, s := range v.wf.States() {
			t.Run(v.name+"/"+string(s.State), func(t *testing.T) {
				svc := caseflowtest.NewService()
				c, _, err := v.open(svc)
				require.NoError(t, err)
				c, err = caseflowtest.Walk(t.Context(), svc, c.ID, s.State)
				require.NoError(t, err)
				assert.Equal(t, s.State, c.State)
				onTime(t, svc, c)
			})
		}
	}
}

func TestWalkGoesOnFromWhereTheCaseStands(t *testing.T) {
	svc := caseflowtest.NewService()
	c := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateRectifying)
	c, err := caseflowtest.Walk(t.Context(), svc, c.ID, caseflow.StateArchived)
	require.NoError(t, err)
	whole := caseflowtest.To(t, caseflowtest.NewService(), caseflow.KindSystemPushed, caseflow.StateArchived)
	assert.Equal(t, events(whole), events(c), "the same path in two walks as in one")

	c, err = caseflowtest.Walk(t.Context(), svc, c.ID, caseflow.StateArchived)
	require.NoError(t, err, "a case in the state asked for stays")
	assert.Len(t, c.Trail, len(whole.Trail))
}

func TestWalkWithdrawsFromAnyOpenState(t *testing.T) {
	svc := caseflowtest.NewService()
	c := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateAppealPending)
	c, err := caseflowtest.Walk(t.Context(), svc, c.ID, caseflow.StateWithdrawn)
	require.NoError(t, err)
	assert.Equal(t, caseflow.StateWithdrawn, c.State)
}

func TestWalkSaysWhenThereIsNoRoute(t *testing.T) {
	svc := caseflowtest.NewService()
	for _, tc := range []struct {
		name string
		from caseflow.State
		kind caseflow.Kind
		to   caseflow.State
	}{
		{"a state of the other workflow", caseflow.StateReceived, caseflow.KindOnSiteComplaint, caseflow.StateAnnulled},
		{"back up the workflow", caseflow.StateReported, caseflow.KindSystemPushed, caseflow.StateRegistered},
		{"from a closed case", caseflow.StateArchived, caseflow.KindSystemPushed, caseflow.StateWithdrawn},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := caseflowtest.To(t, svc, tc.kind, tc.from)
			_, err := caseflowtest.Walk(t.Context(), svc, c.ID, tc.to)
			assert.ErrorContains(t, err, "no route from "+string(tc.from)+" to "+string(tc.to))
		})
	}
}

// 第八条: the kit calls the reviewer as many times as the service's policy asks before it
// proposes closing the case.
func TestWalkClosesAfterThePolicysAttempts(t *testing.T) {
	svc := caseflowtest.NewService()
	svc.Policy = caseflow.DefaultPolicy()
	svc.Policy.ClosureAttempts = 5
	c := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateClosureApproved)
	n := 0
	for _, e := range c.Trail {
		if e.Event == caseflow.EventContactAttempt {
			n++
		}
	}
	assert.Equal(t, 5, n)
	assert.Equal(t, caseflow.ClosureUnreachable, c.Closure.Reason)
}

// A service that is not the kit's keeps its own time: the walk takes every step at it.
func TestWalkOnAnotherService(t *testing.T) {
	svc := caseflow.NewService(caseflow.NewMemoryStore())
	fixed := caseflowtest.Start()
	svc.Now = func() time.Time { return fixed }
	c, _, err := svc.Receive(t.Context(), caseflowtest.Review())
	require.NoError(t, err)
	c, err = caseflowtest.Walk(t.Context(), svc, c.ID, caseflow.StateArchived)
	require.NoError(t, err)
	for _, e := range c.Trail {
		assert.Equal(t, fixed, e.Time.In(haochaping.Location()), "%s", e.Event)
	}
}

// onTime checks that every duty c closed was done on time and that none still open is
// overdue at the clock's time.
func onTime(t *testing.T, svc *caseflow.Service, c *caseflow.Case) {
	t.Helper()
	for _, d := range c.Duties {
		if !d.Open() && !d.Cancelled {
			assert.True(t, d.OnTime, "duty %s done late", d.Kind)
		}
	}
	open, err := svc.Duties(c)
	require.NoError(t, err)
	for _, d := range open {
		assert.NotEqual(t, deadline.Overdue, d.Status.Standing, "duty %s overdue", d.Duty.Kind)
	}
}

// events returns the events of c's trail.
func events(c *caseflow.Case) []caseflow.Event {
	evs := make([]caseflow.Event, len(c.Trail))
	for i, e := range c.Trail {
		evs[i] = e.Event
	}
	return evs
}
