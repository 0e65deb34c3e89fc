package deadline_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/deadline"
)

// Not in the measures: the day a duty starts does not count (民法典 第二百零一条) unless the
// county chooses otherwise.
func TestCountingStartDay_not_in_the_measures(t *testing.T) {
	c := deadline.China()
	monday := at(2026, 11, 23, 10, 0)
	due, err := c.Due(monday, deadline.Workdays(2))
	require.NoError(t, err)
	assert.Equal(t, d(2026, 11, 26), due, "default: Tuesday and Wednesday, due at Wednesday 24:00")
	counted := c.WithCounting(deadline.Counting{StartDayCounts: true})
	due, err = counted.Due(monday, deadline.Workdays(2))
	require.NoError(t, err)
	assert.Equal(t, d(2026, 11, 25), due, "the start day counts: Monday and Tuesday")
	due, err = counted.Due(monday, deadline.Workdays(1))
	require.NoError(t, err)
	assert.Equal(t, d(2026, 11, 24), due, "1 working day counting Monday: Monday 24:00")
	due, err = counted.Due(at(2026, 11, 22, 10, 0), deadline.Workdays(1))
	require.NoError(t, err)
	assert.Equal(t, d(2026, 11, 24), due, "a Sunday never counts")
	due, err = counted.Due(at(2026, 11, 23, 17, 30), deadline.Workdays(1))
	require.NoError(t, err)
	assert.Equal(t, d(2026, 11, 25), due, "a start at the instant the office closes does not count the day")
	assert.NotEqual(t, c.Digest(), counted.Digest())
	assert.Equal(t, deadline.Counting{StartDayCounts: true}, counted.Counting())
}

// Not in the measures: 当日 for a duty that starts after the office closed means the end of
// the next working day, unless the county chooses otherwise.
func TestCountingAfterHours_not_in_the_measures(t *testing.T) {
	c := deadline.China()
	for _, tc := range []struct {
		name  string
		start string
		want  string
	}{
		{"a minute before closing: today", "2026-11-23 17:29", "2026-11-24 00:00"},
		{"at the instant the office closes: the next working day", "2026-11-23 17:30", "2026-11-25 00:00"},
		{"at night: the next working day", "2026-11-23 21:00", "2026-11-25 00:00"},
	} {
		due, err := c.Due(parse(t, tc.start), deadline.SameDay())
		require.NoError(t, err, tc.name)
		assert.Equal(t, parse(t, tc.want), due, tc.name)
	}
	late := c.WithCounting(deadline.Counting{AfterHoursCount: true})
	due, err := late.Due(parse(t, "2026-11-23 21:00"), deadline.SameDay())
	require.NoError(t, err)
	assert.Equal(t, parse(t, "2026-11-24 00:00"), due, "after hours counts: 当日 is tonight")
	due, err = late.Due(parse(t, "2026-11-22 21:00"), deadline.SameDay())
	require.NoError(t, err)
	assert.Equal(t, parse(t, "2026-11-24 00:00"), due, "a Sunday still never counts")
}

func TestDigestTellsCalendarsApart(t *testing.T) {
	c := deadline.China()
	assert.Equal(t, c.Digest(), deadline.China().Digest(), "the same calendar, the same digest")
	assert.Len(t, c.Digest(), 64)
	midnight, err := c.WithDayEnd(deadline.CloseOfOffice)
	require.NoError(t, err)
	risk, err := c.WithRisk(deadline.Risk{Share: 0.5})
	require.NoError(t, err)
	p, err := deadline.Provisional(2027)
	require.NoError(t, err)
	longer, err := c.With(p)
	require.NoError(t, err)
	seen := map[string]bool{c.Digest(): true}
	for _, o := range []*deadline.Calendar{midnight, risk, longer, c.WithCounting(deadline.Counting{AfterHoursCount: true})} {
		assert.False(t, seen[o.Digest()], "a changed calendar has another digest")
		seen[o.Digest()] = true
	}
}

// parse reads "2006-01-02 15:04" in Beijing time.
func parse(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
	require.NoError(t, err)
	return v
}

// Regression (mutation testing): the first and last days of an office-hours season that
// wraps past New Year were never tested. A winter schedule from 1 December to the end of
// February closes at 17:00; other days close at 17:30.
func TestSeasonWrappingNewYearBoundaries(t *testing.T) {
	h := deadline.DefaultOfficeHours()
	h.Summer = &deadline.Season{From: deadline.MonthDay{Month: time.December, Day: 1}, To: deadline.MonthDay{Month: time.February, Day: 28},
		Sessions: []deadline.Session{{Start: 9 * time.Hour, End: 17 * time.Hour}}}
	c, err := deadline.China().WithOfficeHours(h)
	require.NoError(t, err)
	c, err = c.WithDayEnd(deadline.CloseOfOffice)
	require.NoError(t, err)
	for start, want := range map[string]string{
		"2026-11-30 09:00": "2026-11-30 17:30", // the day before the season
		"2026-12-01 09:00": "2026-12-01 17:00", // its first day
		"2026-12-31 09:00": "2026-12-31 17:00", // across New Year
		"2026-02-27 09:00": "2026-02-27 17:00", // its last working day of February 2026
		"2026-03-02 09:00": "2026-03-02 17:30", // after it
	} {
		due, err := c.Due(parse(t, start), deadline.SameDay())
		require.NoError(t, err, start)
		assert.Equal(t, parse(t, want), due, start)
	}
	// 28 February itself: a Saturday in 2026; in 2025 a Friday, inside the season.
	due, err := c.Due(parse(t, "2025-02-28 09:00"), deadline.SameDay())
	require.NoError(t, err)
	assert.Equal(t, parse(t, "2025-02-28 17:00"), due, "the season's last day")
	due, err = c.Due(parse(t, "2025-03-03 09:00"), deadline.SameDay())
	require.NoError(t, err)
	assert.Equal(t, parse(t, "2025-03-03 17:30"), due)
}
