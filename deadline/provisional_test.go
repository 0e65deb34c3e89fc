package deadline_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/deadline"
)

// The holiday law as amended in 2024 governs 2025 and 2026: every day it makes a statutory
// day off, or a make-up day for one on a weekend, the published notices made off too.
func TestProvisionalAgreesWithPublishedYears(t *testing.T) {
	c := deadline.China()
	for _, year := range []int{2025, 2026} {
		p, err := deadline.Provisional(year)
		require.NoError(t, err)
		assert.True(t, p.Provisional)
		require.Len(t, p.Holidays, 7)
		days := 0
		for _, h := range p.Holidays {
			assert.Empty(t, h.Work, "no adjusted working days without a notice")
			for _, day := range h.Off {
				ok, err := c.IsWorkday(day.In(cst))
				require.NoError(t, err)
				assert.False(t, ok, "%d %s %s is off in the notice", year, h.Name, day)
				if wd := day.Weekday(); wd != time.Saturday && wd != time.Sunday {
					days++
				}
			}
		}
		assert.Equal(t, 13, days, "13 statutory days, each on a weekday or made up on one")
	}
}

func TestProvisionalLunarDates(t *testing.T) {
	p, err := deadline.Provisional(2026)
	require.NoError(t, err)
	first := map[string]deadline.Date{}
	for _, h := range p.Holidays {
		first[h.Name] = h.Off[0]
	}
	assert.Equal(t, date(2026, 2, 16), first["春节"], "除夕")
	assert.Equal(t, date(2026, 4, 5), first["清明节"])
	assert.Equal(t, date(2026, 6, 19), first["端午节"])
	assert.Equal(t, date(2026, 9, 25), first["中秋节"])

	// 2028: 国庆 1 October is a Sunday; 中秋 3 October falls inside 国庆.
	p, err = deadline.Provisional(2028)
	require.NoError(t, err)
	byName := map[string]deadline.Holiday{}
	for _, h := range p.Holidays {
		byName[h.Name] = h
	}
	assert.Equal(t, []deadline.Date{date(2028, 10, 3)}, byName["中秋节"].Off)
	assert.Equal(t, []deadline.Date{date(2028, 10, 1), date(2028, 10, 2), date(2028, 10, 4), date(2028, 10, 5)},
		byName["国庆节"].Off, "Sunday 1 October and 3 October, taken by 中秋, made up on 4 and 5 October")

	_, err = deadline.Provisional(2024)
	assert.ErrorContains(t, err, "want 2025 to 2200")
}

func TestProvisionalAnswersSaySo(t *testing.T) {
	p, err := deadline.Provisional(2027)
	require.NoError(t, err)
	c, err := deadline.China().With(p)
	require.NoError(t, err)

	ok, err := c.IsWorkday(d(2027, 2, 8))
	assert.False(t, ok)
	require.ErrorIs(t, err, deadline.ErrProvisional)
	var pe *deadline.ProvisionalError
	require.True(t, errors.As(err, &pe))
	assert.Equal(t, 2027, pe.Year)
	assert.Contains(t, err.Error(), "recompute when the State Council's notice is out")

	ok, err = c.IsWorkday(d(2026, 12, 1))
	assert.True(t, ok)
	assert.NoError(t, err, "an official year stays official")

	got, err := c.AddWorkdays(d(2026, 12, 30), 2)
	assert.Equal(t, d(2027, 1, 4), got)
	assert.ErrorIs(t, err, deadline.ErrProvisional, "the answer crosses into 2027")
	n, err := c.WorkdaysBetween(d(2026, 12, 30), d(2027, 1, 4))
	assert.Equal(t, 2, n)
	assert.ErrorIs(t, err, deadline.ErrProvisional)
	_, err = c.AddWorkdays(d(2027, 1, 4), 0)
	assert.ErrorIs(t, err, deadline.ErrProvisional)

	dl, err := c.Track(at(2026, 12, 31, 10, 0), deadline.Workdays(2))
	require.NoError(t, err)
	assert.True(t, dl.Provisional)
	assert.Equal(t, d(2027, 1, 6), dl.Due)
	s, err := c.Status(dl, at(2027, 1, 5, 11, 0))
	require.NoError(t, err)
	assert.Equal(t, deadline.AtRisk, s.Standing)
	s, err = c.Status(dl, at(2027, 1, 7, 10, 0))
	require.NoError(t, err)
	assert.Equal(t, 2, s.DaysOverdue, "6 and 7 January")

	dl, err = c.Track(at(2026, 12, 1, 10, 0), deadline.SameDay())
	require.NoError(t, err)
	assert.False(t, dl.Provisional)
	_, err = c.Due(at(2027, 3, 1, 10, 0), deadline.SameDay())
	assert.ErrorIs(t, err, deadline.ErrProvisional)
}
