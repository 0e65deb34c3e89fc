package caseflow_test

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

func TestOnCommitSeesEachCommittedStepOnce(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	var mu sync.Mutex
	var seen []string
	f.svc.OnCommit = func(_ context.Context, c caseflow.Committed) {
		mu.Lock()
		defer mu.Unlock()
		assert.Equal(t, c.Case.Trail[len(c.Case.Trail)-1], c.Entry, "the entry is the case's last")
		seen = append(seen, string(c.Entry.Event))
	}
	c := f.receive("r1")
	_, created, err := f.svc.Receive(ctx, review("r1", at(2026, 11, 24, 9, 20)))
	require.NoError(t, err)
	require.False(t, created)
	f.refused(c.ID, staff, registration, caseflow.ErrWrongRole)
	f.step(c.ID, at(2026, 11, 24, 9, 40), clerk, registration)
	assert.Equal(t, []string{"receive", "register"}, seen, "no call for a duplicate intake or a refused step")

	// Steps racing on one case: each committed step is seen once, however often retaken.
	seen = nil
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := f.svc.Take(ctx, c.ID, caseflow.Action{Actor: clerk, Step: caseflow.Urge{Message: "请办理"}})
			assert.NoError(t, err, "urge %d", i)
		}()
	}
	wg.Wait()
	assert.Len(t, seen, 16)
}

func TestOnCommitPanicIsLoggedAndTheStepStays(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	var log bytes.Buffer
	f.svc.Logger = slog.New(slog.NewJSONHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	f.svc.OnCommit = func(context.Context, caseflow.Committed) { panic("SMS gateway down") }
	c := f.receive("r1")
	c = f.step(c.ID, at(2026, 11, 24, 9, 40), clerk, registration)
	assert.Equal(t, caseflow.StateRegistered, c.State)
	assert.Contains(t, log.String(), "OnCommit panicked")
	assert.Contains(t, log.String(), `"event":"register"`)
	assert.Contains(t, log.String(), "caseflow: step committed")
	assert.NotContains(t, log.String(), "13812345678", "no personal data in the log")
	assert.NotContains(t, log.String(), "张三丰")
}

// A sweep on a timer reports each duty once when it falls at risk and once when it falls
// overdue (第五条: registration the day of receipt).
func TestSweepReportsDutiesNewlyAtRiskOrOverdue(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	c := f.receive("r1")
	standings := func(ds []caseflow.DutyStatus) map[caseflow.DutyKind]deadline.Standing {
		m := map[caseflow.DutyKind]deadline.Standing{}
		for _, d := range ds {
			assert.Equal(t, c.ID, d.Case.ID)
			m[d.Duty.Kind] = d.Status.Standing
		}
		return m
	}
	f.clock.Set(at(2026, 11, 24, 12, 0))
	news, since, err := f.svc.Sweep(ctx, caseflow.Filter{}, at(2026, 11, 24, 9, 30))
	require.NoError(t, err)
	assert.Empty(t, news, "nothing at risk at noon")
	assert.Equal(t, f.svc.Calendar.Location(), since.Location())

	f.clock.Set(at(2026, 11, 24, 16, 30)) // at risk from 16:07
	news, since, err = f.svc.Sweep(ctx, caseflow.Filter{}, since)
	require.NoError(t, err)
	assert.Equal(t, map[caseflow.DutyKind]deadline.Standing{caseflow.DutyRegister: deadline.AtRisk,
		caseflow.DutyFollowUp: deadline.AtRisk, caseflow.DutyTransfer: deadline.AtRisk}, standings(news))

	f.clock.Set(at(2026, 11, 24, 17, 0))
	news, since, err = f.svc.Sweep(ctx, caseflow.Filter{}, since)
	require.NoError(t, err)
	assert.Empty(t, news, "still at risk: nothing new")

	f.clock.Set(at(2026, 11, 25, 9, 0)) // overdue from 24:00
	news, since, err = f.svc.Sweep(ctx, caseflow.Filter{}, since)
	require.NoError(t, err)
	assert.Equal(t, map[caseflow.DutyKind]deadline.Standing{caseflow.DutyRegister: deadline.Overdue,
		caseflow.DutyFollowUp: deadline.Overdue, caseflow.DutyTransfer: deadline.Overdue}, standings(news))
	news, _, err = f.svc.Sweep(ctx, caseflow.Filter{}, since)
	require.NoError(t, err)
	assert.Empty(t, news, "overdue already reported")

	all, _, err := f.svc.Sweep(ctx, caseflow.Filter{}, at(2026, 11, 24, 12, 0).Add(0))
	require.NoError(t, err)
	assert.Len(t, all, 3, "a duty at risk and overdue since is listed once, overdue")
}
