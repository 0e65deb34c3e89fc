package caseflow

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/deadline"
)

// A case with more open timed duties than the index holds inline is scanned from the case.
func TestScanDutiesBeyondTheInlineIndex(t *testing.T) {
	cal := deadline.China()
	start := time.Date(2026, 11, 24, 9, 0, 0, 0, cal.Location())
	c := &Case{ID: "c1", Kind: KindSystemPushed, State: StateReceived}
	var want []DutyKind
	for i, k := range []DutyKind{DutyRegister, DutyFollowUp, DutyTransfer, DutyMeeting, DutyReport, DutyCityReport} {
		dl, err := cal.Track(start, deadline.Workdays(i+1))
		require.NoError(t, err)
		c.Duties = append(c.Duties, &Duty{Kind: k, Timed: true, Deadline: dl, StartedBy: 1})
		want = append(want, k)
	}
	c.Duties = append(c.Duties, &Duty{Kind: DutyLeaderReview, StartedBy: 1}) // untimed: not scanned
	// The store keeps only a case its trail proves: an intake entry recording this case.
	e := &Entry{Seq: 1, Time: start, Actor: systemActor, Event: EventReceive, To: c.State, Step: Intake{Case: c.ID, Kind: c.Kind}}
	var err error
	e.CaseDigest, err = c.Digest()
	require.NoError(t, err)
	e.Hash, err = e.digest(nil, nil, nil)
	require.NoError(t, err)
	c.Trail = []*Entry{e}
	s := NewMemoryStore()
	require.NoError(t, s.Create(context.Background(), c))
	require.EqualValues(t, -1, s.open[0].n, "the index overflows")
	var got []DutyKind
	require.NoError(t, s.ScanDuties(context.Background(), Filter{}, func(od OpenDuty) error {
		got = append(got, od.Duty.Kind)
		assert.Equal(t, od.Duty.Deadline.Due, od.Due)
		return nil
	}))
	assert.Equal(t, want, got)
	got = nil
	require.NoError(t, s.ScanDuties(context.Background(), Filter{AtRiskAt: c.Duties[1].Deadline.Warn}, func(od OpenDuty) error {
		got = append(got, od.Duty.Kind)
		return nil
	}))
	assert.Equal(t, want[:2], got)
}
