package caseflowtest_test

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/deadline"
)

// at returns a time in Beijing time.
func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, haochaping.Location())
}

func TestStartIsAWorkingMorning(t *testing.T) {
	start := caseflowtest.Start()
	assert.Equal(t, at(2026, 11, 16, 9, 0), start)
	assert.Equal(t, time.Monday, start.Weekday())
	work, err := caseflow.DefaultCalendar().IsWorkday(start)
	assert.NoError(t, err, "the official calendar covers the start")
	assert.True(t, work)
}

func TestClock(t *testing.T) {
	var clk caseflowtest.Clock
	assert.Equal(t, caseflowtest.Start(), clk.Now(), "the zero clock reads Start")
	assert.Equal(t, at(2026, 11, 16, 9, 30), clk.Advance(30*time.Minute))
	assert.Equal(t, at(2026, 11, 16, 9, 30), clk.Now())
	clk.Set(at(2026, 11, 20, 16, 0)) // a Friday
	assert.Equal(t, at(2026, 11, 23, 9, 0), clk.NextWorkday(nil, 9*time.Hour), "over the weekend")
	clk.Set(at(2026, 9, 30, 17, 0))
	assert.Equal(t, at(2026, 10, 8, 8, 30), clk.NextWorkday(deadline.China(), 8*time.Hour+30*time.Minute),
		"over the National Day holiday (国庆节 10-01..10-07)")
	clk.Set(time.Time{})
	assert.Equal(t, caseflowtest.Start(), clk.Now(), "the zero time sets it back to Start")
}

func TestClockNextWorkdayOutsideTheCalendarPanics(t *testing.T) {
	var clk caseflowtest.Clock
	clk.Set(at(2040, 1, 1, 9, 0))
	assert.Panics(t, func() { clk.NextWorkday(deadline.China(), 9*time.Hour) })
	assert.Equal(t, at(2040, 1, 1, 9, 0), clk.Now(), "the clock stays")
}

func TestClockIsSafeForConcurrentUse(t *testing.T) {
	var clk caseflowtest.Clock
	var wg sync.WaitGroup
	for range 64 {
		wg.Go(func() {
			clk.Advance(time.Minute)
			_ = clk.Now()
		})
	}
	wg.Wait()
	assert.Equal(t, caseflowtest.Start().Add(64*time.Minute), clk.Now())
}
