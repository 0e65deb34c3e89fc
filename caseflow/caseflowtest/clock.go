package caseflowtest

import (
	"errors"
	"sync"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// Start returns the moment a kit clock starts at: Monday 16 November 2026, 09:00 Beijing time,
// a working day of the embedded calendar with no holiday near.
func Start() time.Time { return time.Date(2026, 11, 16, 9, 0, 0, 0, haochaping.Location()) }

// Clock is a clock the test moves: a service given its Now reads the time the test set.
// The zero Clock reads [Start]. A Clock is safe for concurrent use.
type Clock struct {
	mu sync.Mutex
	t  time.Time // the zero time reads Start
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now()
}

// now returns the clock's time; the caller holds mu.
func (c *Clock) now() time.Time {
	if c.t.IsZero() {
		return Start()
	}
	return c.t
}

// Set sets the clock to t; the zero time sets it back to Start.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// Advance moves the clock on by d and returns the new time.
func (c *Clock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.now().Add(d)
	return c.t
}

// NextWorkday moves the clock to the time of day at (9*time.Hour for 09:00) on the first
// working day after the clock's date on cal (nil means [caseflow.DefaultCalendar]), and
// returns the new time. It panics when cal does not cover that day: a test moved its clock
// out of the calendar's years.
func (c *Clock) NextWorkday(cal *deadline.Calendar, at time.Duration) time.Time {
	if cal == nil {
		cal = caseflow.DefaultCalendar()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	day, err := cal.AddWorkdays(c.now(), 1)
	if err != nil && !errors.Is(err, deadline.ErrProvisional) {
		panic("caseflowtest: Clock.NextWorkday: " + err.Error())
	}
	c.t = day.Add(at)
	return c.t
}
