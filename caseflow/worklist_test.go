package caseflow_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// The office's worklist asks for the at-risk and the overdue apart: a case received on
// Monday and left untouched is overdue on Tuesday (第五条: 当日); one received on Tuesday
// morning is at risk by Tuesday afternoon.
func TestAtRiskListsAtRiskAndOverdueApart(t *testing.T) {
	f := newFixture(t, at(2026, 11, 23, 9, 30))
	old := f.receive("r-old")
	f.clock.Set(at(2026, 11, 24, 9, 30))
	fresh := f.receive("r-fresh")
	f.step(fresh.ID, at(2026, 11, 24, 9, 40), clerk, registration)
	f.clock.Set(at(2026, 11, 24, 16, 30)) // the same-day duties are at risk from 16:07
	ids := func(ds []caseflow.DutyStatus) map[string][]deadline.Standing {
		m := map[string][]deadline.Standing{}
		for _, d := range ds {
			m[d.Case.ID] = append(m[d.Case.ID], d.Status.Standing)
		}
		return m
	}
	both, err := f.svc.AtRisk(ctx, caseflow.Filter{})
	require.NoError(t, err)
	overdue, err := f.svc.AtRisk(ctx, caseflow.Filter{}, deadline.Overdue)
	require.NoError(t, err)
	atRisk, err := f.svc.AtRisk(ctx, caseflow.Filter{}, deadline.AtRisk)
	require.NoError(t, err)
	assert.Equal(t, map[string][]deadline.Standing{old.ID: {deadline.Overdue, deadline.Overdue, deadline.Overdue}}, ids(overdue))
	assert.Equal(t, map[string][]deadline.Standing{fresh.ID: {deadline.AtRisk, deadline.AtRisk}}, ids(atRisk))
	assert.Len(t, both, len(overdue)+len(atRisk), "both when no standing is given")
	for _, d := range atRisk {
		assert.Equal(t, caseflow.StateRegistered, d.Case.State)
		assert.Equal(t, "w-tax", d.Case.Window, "the summary names the window")
		assert.Equal(t, "tax-bureau", d.Case.Department)
		assert.Equal(t, "已登记，待回访核实", d.Case.StateLabel())
		assert.False(t, d.Case.Due.IsZero())
	}
}
