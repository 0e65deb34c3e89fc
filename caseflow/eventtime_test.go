package caseflow_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// take takes a step dated when and entered at the fixture's time.
func (f *fixture) takeAt(id string, when time.Time, actor caseflow.Actor, s caseflow.Step) (*caseflow.Case, error) {
	return f.svc.Take(ctx, id, caseflow.Action{Actor: actor, Step: s, At: when})
}

// 第六条: a callback made at 10:00 and entered at 15:00 is recorded at 10:00, entered at 15:00,
// and fulfils the same-day callback on time.
func TestBackdatedCallbackRecordsBothTimes_第六条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	f.step(id, at(2026, 11, 24, 9, 40), clerk, registration)
	f.clock.Set(at(2026, 11, 24, 15, 0))
	c, err := f.takeAt(id, at(2026, 11, 24, 10, 0), clerk, justified)
	require.NoError(t, err)
	e := c.Trail[len(c.Trail)-1]
	assert.True(t, e.Time.Equal(at(2026, 11, 24, 10, 0)), "dated when it happened")
	assert.True(t, e.Recorded.Equal(at(2026, 11, 24, 15, 0)), "and when it was entered")
	assert.False(t, e.Late)
	d := c.Duty(caseflow.DutyFollowUp)
	assert.True(t, d.OnTime && !d.EnteredLate, "done and entered the same day")
	// The transfer and meeting due the same day count from the callback's own time.
	assert.True(t, c.Duty(caseflow.DutyTransfer).Deadline.Start.Equal(at(2026, 11, 24, 9, 30)), "from receipt")
	rebuilt, err := f.svc.Rebuild(c.Trail)
	require.NoError(t, err, "a backdated trail rebuilds")
	assert.Equal(t, c.State, rebuilt.State)
}

// 第六条: an entry made after its duty's due time is late even when dated on time.
func TestEntryAfterDueTimeIsLateThoughDatedOnTime_第六条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	f.step(id, at(2026, 11, 24, 9, 40), clerk, registration)
	f.clock.Set(at(2026, 11, 25, 9, 0)) // the next morning
	c, err := f.takeAt(id, at(2026, 11, 24, 16, 0), clerk, justified)
	require.NoError(t, err)
	e := c.Trail[len(c.Trail)-1]
	assert.True(t, e.Late, "entered after the callback fell due")
	d := c.Duty(caseflow.DutyFollowUp)
	assert.False(t, d.OnTime, "not on time")
	assert.True(t, d.EnteredLate, "because it was entered late, not done late")
}

// 第六条 (收到差评件当日): deadlines count from the office's receipt, not from the rating. A review
// rated on Monday afternoon, queued by the portal at 09:30 on Tuesday and opened at 11:00, is
// due the same day as Tuesday's receipt.
func TestDeadlinesCountFromReceiptNotRating_第六条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 11, 0))
	c, created, err := f.svc.ReceiveAt(ctx, review("r1", at(2026, 11, 23, 16, 0)), at(2026, 11, 24, 9, 30))
	require.NoError(t, err)
	require.True(t, created)
	assert.True(t, c.ReceivedAt.Equal(at(2026, 11, 24, 9, 30)))
	assert.True(t, c.Trail[0].Recorded.Equal(at(2026, 11, 24, 11, 0)))
	reg := c.Duty(caseflow.DutyRegister)
	assert.True(t, reg.Deadline.Due.Equal(at(2026, 11, 25, 0, 0)), "due at the end of Tuesday, got %s", reg.Deadline.Due)
}

func TestEventTimeRefusals(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	f.step(id, at(2026, 11, 24, 9, 40), clerk, registration)
	f.clock.Set(at(2026, 11, 24, 15, 0))
	for _, tc := range []struct {
		name  string
		when  time.Time
		want  error
		field string
	}{
		{"dated after now", at(2026, 11, 24, 15, 2), haochaping.ErrFuture, "at"},
		{"dated before the last step", at(2026, 11, 24, 9, 35), caseflow.ErrTimeOrder, "at"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := f.svc.Get(ctx, id)
			_, err := f.takeAt(id, tc.when, clerk, justified)
			require.ErrorIs(t, err, tc.want)
			var r *caseflow.RefusalError
			require.ErrorAs(t, err, &r)
			assert.Equal(t, tc.field, r.Field)
			assert.Contains(t, caseflow.Message(err), "办理时间", "the clerk reads which time is wrong")
			after, _ := f.svc.Get(ctx, id)
			assert.Equal(t, before, after, "a refused step changes nothing")
		})
	}
	t.Run("a minute's clock skew is allowed", func(t *testing.T) {
		_, err := f.takeAt(id, at(2026, 11, 24, 15, 0).Add(50*time.Second), clerk, justified)
		require.NoError(t, err)
	})
}

// Policy.MaxBackdateHours bounds how far back a clerk may date a step: 72 hours by default.
func TestBackdatingBoundedByPolicy(t *testing.T) {
	f := newFixture(t, at(2026, 11, 20, 9, 30)) // a Friday
	id := f.receive("r1").ID
	f.step(id, at(2026, 11, 20, 9, 40), clerk, registration)
	f.clock.Set(at(2026, 11, 23, 10, 0)) // Monday
	_, err := f.takeAt(id, at(2026, 11, 20, 9, 50), clerk, justified)
	require.ErrorIs(t, err, caseflow.ErrBackdated, "72 hours and 10 minutes back")
	var r *caseflow.RefusalError
	require.ErrorAs(t, err, &r)
	assert.Equal(t, "at", r.Field)
	assert.Equal(t, "“办理时间”早于规定可补录的期限（72小时），不能补录，请联系管理员。", caseflow.Message(err))

	c, err := f.takeAt(id, at(2026, 11, 20, 16, 0), clerk, justified)
	require.NoError(t, err, "Friday afternoon from Monday morning")
	assert.True(t, c.Trail[len(c.Trail)-1].Late, "the callback was due on Friday")

	var p caseflow.Policy
	require.NoError(t, json.Unmarshal([]byte(`{"maxBackdateHours": 4}`), &p))
	g := newFixture(t, at(2026, 11, 24, 9, 30))
	g.svc.Policy = p
	id = g.receive("r2").ID
	g.clock.Set(at(2026, 11, 24, 15, 0))
	_, err = g.takeAt(id, at(2026, 11, 24, 10, 30), clerk, registration)
	require.ErrorIs(t, err, caseflow.ErrBackdated, "4 hours and a half under a 4-hour policy")
	_, err = g.takeAt(id, at(2026, 11, 24, 11, 30), clerk, registration)
	require.NoError(t, err)

	for _, bad := range []string{`{"maxBackdateHours": -1}`, `{"maxBackdateHours": 721}`} {
		assert.ErrorContains(t, json.Unmarshal([]byte(bad), &p), "maxBackdateHours", bad)
	}
}

// A receipt cannot come before the rating or complaint it receives, nor after now.
func TestReceiptTimeRefusals(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 11, 0))
	r := review("r1", at(2026, 11, 24, 10, 0))
	_, _, err := f.svc.ReceiveAt(ctx, r, at(2026, 11, 24, 9, 0))
	require.ErrorIs(t, err, caseflow.ErrTimeOrder)
	var ref *caseflow.RefusalError
	require.ErrorAs(t, err, &ref)
	assert.Equal(t, "receivedAt", ref.Field)
	assert.Equal(t, "“收到时间”早于评价或投诉的时间，请按实际收到时间重新填写。", caseflow.Message(err))
	_, _, err = f.svc.ReceiveAt(ctx, r, at(2026, 11, 24, 11, 5))
	require.ErrorIs(t, err, haochaping.ErrFuture)
	_, _, err = f.svc.ReceiveAt(ctx, r, at(2026, 11, 20, 9, 0))
	require.ErrorIs(t, err, caseflow.ErrBackdated)
	assert.Contains(t, caseflow.Message(err), "收到时间")

	cp := caseflow.Complaint{Content: "窗口人员态度生硬", Center: center, Time: at(2026, 11, 24, 10, 0),
		Complainant: haochaping.Reviewer{Name: "张三", Phone: "13812345678"}}
	_, _, err = f.svc.ComplainAt(ctx, clerk, cp, at(2026, 11, 24, 9, 0))
	require.ErrorIs(t, err, caseflow.ErrTimeOrder)
	c, _, err := f.svc.ComplainAt(ctx, clerk, cp, at(2026, 11, 24, 10, 5))
	require.NoError(t, err)
	assert.True(t, c.ReceivedAt.Equal(at(2026, 11, 24, 10, 5)))
}

// Every time the service returns is in the calendar's zone, whatever zone it was given in.
func TestTimesComeBackInCalendarZone(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30).UTC())
	r := review("r1", at(2026, 11, 24, 9, 20).UTC())
	c, _, err := f.svc.Receive(ctx, r)
	require.NoError(t, err)
	f.clock.Set(at(2026, 11, 24, 10, 0).UTC())
	c, err = f.svc.Take(ctx, c.ID, caseflow.Action{Actor: clerk, Step: registration, At: at(2026, 11, 24, 9, 50).UTC()})
	require.NoError(t, err)
	loc := f.svc.Calendar.Location()
	for name, tm := range map[string]time.Time{"receivedAt": c.ReceivedAt, "review.time": c.Review.Time,
		"entry.time": c.Trail[1].Time, "entry.recorded": c.Trail[1].Recorded, "due": c.Duties[len(c.Duties)-1].Deadline.Due,
		"warnAt": c.WarnAt} {
		assert.Equal(t, loc, tm.Location(), name)
	}
}
