package deadline_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/deadline"
)

var cst = haochaping.Location()

// d returns 00:00 of a date in Beijing time.
func d(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, cst) }

// at returns a moment in Beijing time.
func at(y int, m time.Month, day, hour, min int) time.Time {
	return time.Date(y, m, day, hour, min, 0, 0, cst)
}

// published pins every published year by calendar year: the number of working days and the
// weekend days that were working days (调休上班). The figures come from the public data sets
// holiday-cn (2007–2026) and python-holidays (2004–2006), not from data/china.txt, so the
// test checks the embedded data against an independent source.
var published = []struct {
	year, workdays int
	weekendWork    string
}{
	{2004, 252, "01-17 01-18 05-08 05-09 10-09 10-10"},
	{2005, 251, "02-05 02-06 04-30 05-08 10-08 10-09 12-31"},
	{2006, 251, "01-28 02-05 04-29 04-30 09-30 10-08 12-30 12-31"},
	{2007, 249, "02-17 02-25 04-28 04-29 09-29 09-30 12-29"},
	{2008, 251, "02-02 02-03 05-04 09-27 09-28"},
	{2009, 250, "01-04 01-24 02-01 05-31 09-27 10-10"},
	{2010, 250, "02-20 02-21 06-12 06-13 09-19 09-25 09-26 10-09"},
	{2011, 250, "01-30 02-12 04-02 10-08 10-09 12-31"},
	{2012, 249, "01-21 01-29 03-31 04-01 04-28 09-29"},
	{2013, 250, "01-05 01-06 02-16 02-17 04-07 04-27 04-28 06-08 06-09 09-22 09-29 10-12"},
	{2014, 250, "01-26 02-08 05-04 09-28 10-11"},
	{2015, 249, "01-04 02-15 02-28 09-06 10-10"},
	{2016, 250, "02-06 02-14 06-12 09-18 10-08 10-09"},
	{2017, 249, "01-22 02-04 04-01 05-27 09-30"},
	{2018, 250, "02-11 02-24 04-08 04-28 09-29 09-30 12-29"},
	{2019, 250, "02-02 02-03 04-28 05-05 09-29 10-12"},
	{2020, 249, "01-19 04-26 05-09 06-28 09-27 10-10"},
	{2021, 250, "02-07 02-20 04-25 05-08 09-18 09-26 10-09"},
	{2022, 249, "01-29 01-30 04-02 04-24 05-07 10-08 10-09"},
	{2023, 249, "01-28 01-29 04-23 05-06 06-25 10-07 10-08"},
	{2024, 251, "02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12"},
	{2025, 248, "01-26 02-08 04-27 09-28 10-11"},
	{2026, 248, "01-04 02-14 02-28 05-09 09-20 10-10"},
}

func TestChinaPinsEveryPublishedYear(t *testing.T) {
	c := deadline.China()
	first, last := c.Covered()
	assert.Equal(t, 2004, first)
	assert.Equal(t, 2026, last)
	require.Len(t, published, last-first+1)
	for _, y := range published {
		t.Run(time.Date(y.year, 1, 1, 0, 0, 0, 0, cst).Format("2006"), func(t *testing.T) {
			var count int
			var weekendWork []string
			for day := d(y.year, 1, 1); day.Year() == y.year; day = day.AddDate(0, 0, 1) {
				ok, err := c.IsWorkday(day)
				require.NoError(t, err)
				if ok {
					count++
					if day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
						weekendWork = append(weekendWork, day.Format("01-02"))
					}
				}
			}
			assert.Equal(t, y.workdays, count, "working days in %d", y.year)
			assert.Equal(t, y.weekendWork, strings.Join(weekendWork, " "), "adjusted working days in %d", y.year)
			n, err := c.WorkdaysBetween(d(y.year-1, 12, 31), d(y.year, 12, 31))
			if y.year == first {
				require.ErrorIs(t, err, deadline.ErrNotCovered)
			} else {
				require.NoError(t, err)
				assert.Equal(t, y.workdays, n)
			}
			a, ok := c.Arrangement(y.year)
			require.True(t, ok)
			assert.NotEmpty(t, a.Notice)
			assert.False(t, a.Provisional)
		})
	}
}

// Where the public data sets disagree, the notice decides; each such date is pinned here.
func TestNoticeDecidesDisagreements(t *testing.T) {
	c := deadline.China()
	cases := []struct {
		day  time.Time
		work bool
		why  string
	}{
		{d(2005, 12, 31), true, "2006 notice: 12月31日（星期六）上班; chinese-calendar has it off"},
		{d(2013, 4, 7), true, "2013 notice: 清明 4月7日（星期日）上班; 6tail's data lacks it"},
		{d(2013, 10, 12), true, "2013 notice: 国庆 10月12日（星期六）上班; 6tail's data lacks it"},
		{d(2020, 1, 31), false, "国办发明电〔2020〕1号 extended 春节 to 2 February; chinese-holidays-go lacks it"},
		{d(2020, 2, 1), false, "the extension made the original working Saturday a day off"},
		{d(2020, 2, 3), true, "2月3日起正常上班"},
		{d(2019, 5, 3), false, "国办发明电〔2019〕3号 changed 劳动节 to 1–4 May"},
		{d(2019, 5, 5), true, "国办发明电〔2019〕3号: 5月5日（星期日）上班"},
		{d(2015, 9, 3), false, "国发明电〔2015〕1号: 70th anniversary day"},
		{d(2015, 9, 6), true, "国发明电〔2015〕1号: 9月6日（星期日）上班"},
		{d(2007, 12, 29), true, "2008 notice, a cross-year working Saturday"},
		{d(2022, 12, 31), false, "2023 notice, a cross-year day off"},
	}
	for _, tc := range cases {
		ok, err := c.IsWorkday(tc.day)
		require.NoError(t, err)
		assert.Equal(t, tc.work, ok, "%s: %s", tc.day.Format(time.DateOnly), tc.why)
	}
}

func TestNotCoveredNamesTheYear(t *testing.T) {
	c := deadline.China()
	_, err := c.IsWorkday(d(2027, 3, 1))
	require.ErrorIs(t, err, deadline.ErrNotCovered)
	var nc *deadline.NotCoveredError
	require.True(t, errors.As(err, &nc))
	assert.Equal(t, deadline.NotCoveredError{Year: 2027, First: 2004, Last: 2026}, *nc)
	assert.Contains(t, err.Error(), "year 2027 not covered")

	_, err = c.IsWorkday(d(2003, 12, 31))
	assert.ErrorContains(t, err, "year 2003")
	_, err = c.AddWorkdays(d(2026, 12, 30), 5)
	assert.ErrorContains(t, err, "year 2027", "a result beyond the last year")
	_, err = c.AddWorkdays(d(2004, 1, 5), -5)
	assert.ErrorContains(t, err, "year 2003", "a result before the first year")
	_, err = c.WorkdaysBetween(d(2026, 1, 1), d(2027, 1, 1))
	assert.ErrorIs(t, err, deadline.ErrNotCovered)
	_, err = c.WorkdaysBetween(d(2003, 1, 1), d(2026, 1, 1))
	assert.ErrorIs(t, err, deadline.ErrNotCovered)
	_, err = c.Due(d(2027, 1, 4), deadline.SameDay())
	assert.ErrorIs(t, err, deadline.ErrNotCovered)
	_, err = c.Due(d(2026, 12, 31), deadline.Workdays(2))
	assert.ErrorIs(t, err, deadline.ErrNotCovered)
	_, err = c.Track(d(2026, 12, 31), deadline.Workdays(2))
	assert.ErrorIs(t, err, deadline.ErrNotCovered)
	_, err = c.WorkingTime(d(2026, 12, 31), d(2027, 1, 2))
	assert.ErrorIs(t, err, deadline.ErrNotCovered)
	_, err = c.WorkingTime(d(2003, 12, 31), d(2004, 1, 2))
	assert.ErrorIs(t, err, deadline.ErrNotCovered)
}

func TestAddWorkdays(t *testing.T) {
	c := deadline.China()
	cases := []struct {
		from time.Time
		n    int
		want time.Time
	}{
		{at(2026, 9, 30, 10, 0), 1, d(2026, 10, 8)},  // 国庆 1–7 October
		{at(2026, 9, 30, 10, 0), 3, d(2026, 10, 10)}, // Saturday 10 October is worked
		{at(2026, 9, 30, 10, 0), 4, d(2026, 10, 12)},
		{d(2026, 9, 19), 1, d(2026, 9, 20)}, // Sunday 20 September is worked
		{d(2026, 11, 20), 1, d(2026, 11, 23)},
		{d(2026, 11, 21), 1, d(2026, 11, 23)}, // from a Saturday
		{d(2026, 10, 8), -1, d(2026, 9, 30)},
		{d(2026, 10, 3), -1, d(2026, 9, 30)}, // backwards from a holiday
		{d(2026, 10, 12), -2, d(2026, 10, 9)},
		{at(2026, 10, 3, 15, 0), 0, d(2026, 10, 3)},
		{d(2025, 12, 31), 1, d(2026, 1, 4)}, // across the year: 元旦 1–3 January, Sunday 4 January worked
	}
	for _, tc := range cases {
		got, err := c.AddWorkdays(tc.from, tc.n)
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, "%s %+d", tc.from, tc.n)
		assert.Equal(t, cst, got.Location())
	}
}

func TestDatesAreReadInTheCalendarsZone(t *testing.T) {
	c := deadline.China()
	// 2026-09-30 17:00 UTC is 1 October 01:00 in Beijing: a holiday.
	ok, err := c.IsWorkday(time.Date(2026, 9, 30, 17, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.False(t, ok)
	got, err := c.AddWorkdays(time.Date(2026, 9, 30, 15, 59, 0, 0, time.UTC), 1)
	require.NoError(t, err)
	assert.Equal(t, d(2026, 10, 8), got)
}

func TestWorkdaysBetween(t *testing.T) {
	c := deadline.China()
	n, err := c.WorkdaysBetween(d(2026, 9, 30), at(2026, 10, 12, 9, 0))
	require.NoError(t, err)
	assert.Equal(t, 4, n, "8, 9, 10 (Saturday worked) and 12 October")
	n, err = c.WorkdaysBetween(d(2026, 10, 12), d(2026, 9, 30))
	require.NoError(t, err)
	assert.Equal(t, -4, n)
	n, err = c.WorkdaysBetween(d(2026, 10, 2), d(2026, 10, 2))
	require.NoError(t, err)
	assert.Zero(t, n)
}

// AddWorkdays and WorkdaysBetween agree with each other on every day of every year.
func TestAddWorkdaysInvertsWorkdaysBetween(t *testing.T) {
	c := deadline.China()
	for day := d(2004, 1, 10); day.Year() < 2026; day = day.AddDate(0, 0, 1) {
		for _, n := range []int{1, 2, 4, -1, -3} {
			got, err := c.AddWorkdays(day, n)
			require.NoError(t, err)
			if n > 0 {
				k, err := c.WorkdaysBetween(day, got)
				require.NoError(t, err)
				require.Equal(t, n, k, "%s %+d", day, n)
			} else {
				// working days strictly between the target and day
				k, err := c.WorkdaysBetween(got, day.AddDate(0, 0, -1))
				require.NoError(t, err)
				require.Equal(t, -n-1, k, "%s %+d", day, n)
			}
			ok, _ := c.IsWorkday(got)
			require.True(t, ok)
		}
	}
}

// A Calendar is immutable and safe for concurrent use (run with -race).
func TestCalendarConcurrentUse(t *testing.T) {
	c := deadline.China()
	done := make(chan struct{})
	for g := 0; g < 8; g++ {
		go func(g int) {
			defer func() { done <- struct{}{} }()
			for i := 0; i < 2000; i++ {
				day := d(2010, 1, 1).AddDate(0, 0, (g*2000+i)%5000)
				if _, err := c.AddWorkdays(day, 1+i%30); err != nil {
					t.Error(err)
					return
				}
				if _, err := c.Track(day, deadline.Workdays(2)); err != nil {
					t.Error(err)
					return
				}
			}
			closing, err := c.WithDayEnd(deadline.CloseOfOffice)
			if err != nil {
				t.Error(err)
				return
			}
			if _, err := closing.Due(d(2026, 3, 2), deadline.SameDay()); err != nil {
				t.Error(err)
			}
		}(g)
	}
	for g := 0; g < 8; g++ {
		<-done
	}
}

// Regression: a huge n reports the year past the calendar instead of overflowing.
func TestAddWorkdaysHugeN(t *testing.T) {
	c := deadline.China()
	_, err := c.AddWorkdays(d(2026, 3, 2), math.MaxInt)
	assert.ErrorContains(t, err, "year 2027")
	_, err = c.AddWorkdays(d(2026, 3, 2), math.MinInt)
	assert.ErrorContains(t, err, "year 2003")
}

// date is the test shorthand for a calendar date.
func date(y int, m time.Month, day int) deadline.Date {
	return deadline.Date{Year: y, Month: m, Day: day}
}
