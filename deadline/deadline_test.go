package deadline_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/deadline"
)

// 第五条: the window reports within 2 working days; tracked across the National Day holiday.
func TestDeadlineStatus_第五条(t *testing.T) {
	c := deadline.China()
	dl, err := c.Track(at(2026, 9, 30, 10, 0), deadline.Workdays(2))
	require.NoError(t, err)
	assert.Equal(t, d(2026, 10, 10), dl.Due)
	assert.False(t, dl.Provisional)
	// Working time: 30 Sep 10:00–12:00 and 14:30–17:30 (5h), 8 and 9 October (7h each): 19h.
	// At risk with a quarter (4h45m) left: the afternoon of 9 October (3h) and the last
	// 1h45m of its morning, so from 10:15.
	assert.Equal(t, at(2026, 10, 9, 10, 15), dl.Warn)

	cases := []struct {
		now       time.Time
		state     deadline.Standing
		remaining time.Duration
		overdue   int
	}{
		{at(2026, 9, 30, 10, 0), deadline.OnTime, 19 * time.Hour, 0},
		{at(2026, 10, 3, 10, 0), deadline.OnTime, 14 * time.Hour, 0}, // the holiday does not count
		{at(2026, 10, 9, 10, 14), deadline.OnTime, 4*time.Hour + 46*time.Minute, 0},
		{at(2026, 10, 9, 10, 15), deadline.AtRisk, 4*time.Hour + 45*time.Minute, 0},
		{at(2026, 10, 9, 23, 59), deadline.AtRisk, 0, 0},
		{d(2026, 10, 10), deadline.Overdue, 0, 1}, // Saturday 10 October is worked
		{at(2026, 10, 11, 12, 0), deadline.Overdue, 0, 1},
		{at(2026, 10, 12, 9, 0), deadline.Overdue, 0, 2},
	}
	for _, tc := range cases {
		s, err := c.Status(dl, tc.now)
		require.NoError(t, err)
		assert.Equal(t, tc.state, s.Standing, tc.now)
		assert.Equal(t, tc.remaining, s.Remaining, tc.now)
		assert.Equal(t, tc.overdue, s.DaysOverdue, tc.now)
	}
	assert.Equal(t, "即将超期", deadline.AtRisk.Label())
	assert.Equal(t, "超期", deadline.Overdue.Label())
	assert.Equal(t, "正常", deadline.OnTime.Label())
	assert.Equal(t, "at_risk", deadline.AtRisk.String())
	assert.Equal(t, "Standing(0)", deadline.Standing(0).String())
}

func TestDeadlineOverdueAtCloseOfOffice(t *testing.T) {
	c, err := deadline.China().WithDayEnd(deadline.CloseOfOffice)
	require.NoError(t, err)
	dl, err := c.Track(at(2026, 11, 23, 9, 0), deadline.Workdays(1))
	require.NoError(t, err)
	assert.Equal(t, at(2026, 11, 24, 17, 30), dl.Due)
	s, err := c.Status(dl, at(2026, 11, 24, 18, 0))
	require.NoError(t, err)
	assert.Equal(t, deadline.Status{Standing: deadline.Overdue}, s, "overdue, on the day it fell due")
	s, err = c.Status(dl, at(2026, 11, 25, 9, 0))
	require.NoError(t, err)
	assert.Equal(t, 1, s.DaysOverdue)
}

// Warnings must never fall at night or on a non-working day.
func TestWarningsFallInOfficeHours(t *testing.T) {
	for _, risk := range []deadline.Risk{deadline.DefaultRisk(), {Share: 0.9}, {Remaining: 20 * time.Hour}, {}} {
		c, err := deadline.China().WithRisk(risk)
		require.NoError(t, err)
		for start := at(2026, 1, 5, 0, 0); start.Before(d(2026, 12, 20)); start = start.Add(97 * time.Minute) {
			for _, r := range []deadline.Rule{deadline.SameDay(), deadline.Workdays(1), deadline.Workdays(2), deadline.Workdays(4)} {
				dl, err := c.Track(start, r)
				require.NoError(t, err)
				ok, err := c.IsWorkday(dl.Warn)
				require.NoError(t, err)
				clock := time.Duration(dl.Warn.Hour())*time.Hour + time.Duration(dl.Warn.Minute())*time.Minute
				inSession := (clock >= 8*time.Hour && clock <= 12*time.Hour) || (clock >= 14*time.Hour+30*time.Minute && clock <= 17*time.Hour+30*time.Minute)
				require.True(t, ok && inSession, "%s %s: warning at %s", start, r, dl.Warn)
				require.False(t, dl.Warn.After(dl.Due))
				require.False(t, dl.Warn.Before(start), "%s %s: warning %s before the start", start, r, dl.Warn)
			}
		}
	}
}

func TestCalendarStatusOfDecodedDeadline(t *testing.T) {
	c := deadline.China()
	dl, err := c.Track(at(2026, 9, 30, 10, 0), deadline.Workdays(2))
	require.NoError(t, err)
	b, err := json.Marshal(dl)
	require.NoError(t, err)
	var decoded deadline.Deadline
	require.NoError(t, json.Unmarshal(b, &decoded))
	assert.True(t, dl.Due.Equal(decoded.Due) && dl.Warn.Equal(decoded.Warn) && dl.Rule == decoded.Rule,
		"a Deadline is plain data: nothing is lost in JSON")
	for now, want := range map[time.Time]deadline.Standing{
		at(2026, 9, 30, 11, 0): deadline.OnTime, at(2026, 10, 9, 16, 0): deadline.AtRisk, at(2026, 10, 12, 9, 0): deadline.Overdue,
	} {
		got, err := c.Status(decoded, now)
		require.NoError(t, err)
		assert.Equal(t, want, got.Standing, "at %s", now)
	}
}

func TestDeadlineStatusBeyondCoverage(t *testing.T) {
	c := deadline.China()
	dl, err := c.Track(at(2026, 12, 28, 9, 0), deadline.Workdays(2))
	require.NoError(t, err)
	_, err = c.Status(dl, at(2027, 1, 5, 9, 0))
	assert.ErrorIs(t, err, deadline.ErrNotCovered)
	_, err = c.Status(dl, at(2003, 1, 5, 9, 0))
	assert.ErrorIs(t, err, deadline.ErrNotCovered)
}

// Regression: a duty due at 24:00 on 31 December of the last covered year has all its
// working time inside the covered years.
func TestTrackDueAtTheEndOfCoverage(t *testing.T) {
	c := deadline.China()
	for _, tc := range []struct {
		start time.Time
		rule  deadline.Rule
	}{{at(2026, 12, 31, 9, 0), deadline.SameDay()}, {at(2026, 12, 29, 9, 0), deadline.Workdays(2)}} {
		dl, err := c.Track(tc.start, tc.rule)
		require.NoError(t, err, "%s %s", tc.start, tc.rule)
		assert.Equal(t, d(2027, 1, 1), dl.Due)
		s, err := c.Status(dl, at(2026, 12, 31, 16, 0))
		require.NoError(t, err)
		assert.Equal(t, deadline.AtRisk, s.Standing)
		assert.Equal(t, 90*time.Minute, s.Remaining)
	}
}

func TestStatusSaysProvisional(t *testing.T) {
	p, err := deadline.Provisional(2027)
	require.NoError(t, err)
	c, err := deadline.China().With(p)
	require.NoError(t, err)
	dl, err := c.Track(at(2027, 3, 1, 9, 0), deadline.Workdays(2))
	require.NoError(t, err)
	for _, now := range []time.Time{at(2027, 3, 2, 9, 0), at(2027, 3, 9, 9, 0)} {
		s, err := c.Status(dl, now)
		require.NoError(t, err)
		assert.True(t, s.Provisional, now)
	}
	c = deadline.China()
	dl, err = c.Track(at(2026, 3, 2, 9, 0), deadline.Workdays(2))
	require.NoError(t, err)
	s, err := c.Status(dl, at(2026, 3, 3, 9, 0))
	require.NoError(t, err)
	assert.False(t, s.Provisional)
}

func TestStandingText(t *testing.T) {
	for _, st := range []deadline.Standing{deadline.OnTime, deadline.AtRisk, deadline.Overdue} {
		b, err := st.MarshalText()
		require.NoError(t, err)
		var back deadline.Standing
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, st, back)
	}
	_, err := deadline.Standing(0).MarshalText()
	assert.Error(t, err)
	var st deadline.Standing
	assert.ErrorContains(t, st.UnmarshalText([]byte("late")), "want on_time")
	b, err := json.Marshal(deadline.Status{Standing: deadline.Overdue, DaysOverdue: 2})
	require.NoError(t, err)
	assert.JSONEq(t, `{"standing":"overdue","daysOverdue":2}`, string(b))
}
