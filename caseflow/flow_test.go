package caseflow_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

func TestSystemPushedRectification(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30)) // a Tuesday
	c := f.receive("r1")
	assert.Equal(t, caseflow.Received, c.State)
	id := c.ID
	f.step(id, at(2026, 11, 24, 10, 0), clerk, registration)
	f.step(id, at(2026, 11, 24, 11, 0), clerk, justified)
	f.step(id, at(2026, 11, 24, 11, 30), clerk, caseflow.Transfer{})
	f.step(id, at(2026, 11, 24, 15, 0), staff, meeting)
	f.step(id, at(2026, 11, 25, 16, 0), head, report)
	f.step(id, at(2026, 11, 26, 10, 0), clerk, verification)
	f.step(id, at(2026, 11, 26, 11, 0), boss, review1)
	f.step(id, at(2026, 11, 26, 15, 0), clerk, satisfied)
	f.step(id, at(2026, 11, 27, 9, 0), clerk, caseflow.CitySubmission{Reference: "融政监管报〔2026〕12号"})
	c = f.step(id, at(2026, 11, 27, 10, 0), clerk, caseflow.Archive{})
	assert.Equal(t, caseflow.Archived, c.State)
	assert.Equal(t, "已备案", c.StateLabel())
	assert.Len(t, c.Trail, 11)
	require.NoError(t, caseflow.Verify(c.Trail))
	assert.Empty(t, c.OpenDuties())
	for _, d := range c.Duties {
		assert.True(t, d.OnTime, "duty %s", d.Kind)
	}
	assert.Equal(t, caseflow.Finding{Verdict: caseflow.Justified, Cause: haochaping.Attitude, ResponsiblePerson: "李四"}, c.Finding)
	assert.Equal(t, caseflow.AccountablePerson, c.Finding.Accountable())
	assert.Equal(t, at(2026, 11, 24, 11, 30), c.TransferredAt())
}
