package deadline_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/deadline"
	"github.com/haochaping/haochaping/internal/mutate"
)

// withProvisional returns the official calendar with 2027 provisional: a calendar a portal
// builds once and shares, as caseflow.DefaultCalendar is.
func withProvisional(t *testing.T) *deadline.Calendar {
	t.Helper()
	a, err := deadline.Provisional(2027)
	require.NoError(t, err)
	c, err := deadline.China().With(a)
	require.NoError(t, err)
	return c
}

// probes are times the shared-values test asks the calendars about: covered, provisional and
// not covered.
var probes = []time.Time{at(2026, 4, 30, 10, 0), at(2026, 9, 30, 16, 0), at(2026, 12, 31, 10, 0),
	at(2027, 2, 5, 10, 0), at(2027, 9, 30, 16, 0), at(2040, 1, 2, 10, 0)}

// calendarValues returns everything c hands its callers: its arrangements, office hours,
// counting rules, location, a rickar/cal calendar, and the answers and errors of every method
// at the probes.
func calendarValues(c *deadline.Calendar) []any {
	vs := []any{c, c.OfficeHours(), c.Counting(), c.Location(), c.BusinessCalendar()}
	first, last := c.Covered()
	for y := first - 1; y <= last+1; y++ {
		a, _ := c.Arrangement(y)
		vs = append(vs, a)
	}
	for _, p := range probes {
		_, err1 := c.IsWorkday(p)
		t2, err2 := c.AddWorkdays(p, 2)
		_, err3 := c.WorkdaysBetween(p, p.AddDate(0, 0, 10))
		dl, err4 := c.Track(p, deadline.Workdays(2))
		st, err5 := c.Status(dl, p.Add(time.Hour))
		_, err6 := c.WorkingTime(p, p.AddDate(0, 0, 3))
		vs = append(vs, t2, dl, st, err1, err2, err3, err4, err5, err6)
	}
	return vs
}

// calendarBehaviour returns what c answers at the probes, as text.
func calendarBehaviour(c *deadline.Calendar) string {
	first, last := c.Covered()
	s := fmt.Sprintln(c.Digest(), first, last, c.Location(), c.OfficeHours(), c.Counting())
	for y := first; y <= last; y++ {
		a, _ := c.Arrangement(y)
		s += fmt.Sprintln(a)
	}
	for _, p := range probes {
		s += fmt.Sprintln(c.IsWorkday(p))
		s += fmt.Sprintln(c.AddWorkdays(p, 2))
		s += fmt.Sprintln(c.WorkdaysBetween(p, p.AddDate(0, 0, 10)))
		dl, err := c.Track(p, deadline.Workdays(2))
		s += fmt.Sprintln(dl, err)
		s += fmt.Sprintln(c.Status(dl, p.Add(time.Hour)))
		s += fmt.Sprintln(c.WorkingTime(p, p.AddDate(0, 0, 3)))
		b := c.BusinessCalendar()
		s += fmt.Sprintln(b.Name, b.IsWorkday(p), b.WorkdaysInRange(p, p.AddDate(0, 0, 10)))
	}
	return s
}

// Regression: a calendar with a provisional year handed every caller the same
// *ProvisionalError, so that one caller changing it changed what the calendar told all the
// others. STYLE.md rule 3: the test changes everything a caller can reach through the shared
// calendars and what their methods return, and finds them answering as before.
func TestSharedValuesAreReadOnly(t *testing.T) {
	cals := map[string]*deadline.Calendar{"China": deadline.China(), "with 2027 provisional": withProvisional(t)}
	defaults := func() string {
		return fmt.Sprintln(deadline.DefaultOfficeHours(), deadline.DefaultRisk(), deadline.SameDay(), deadline.Workdays(2))
	}
	before := map[string]string{"defaults": defaults()}
	for name, c := range cals {
		before[name] = calendarBehaviour(c)
	}
	mutate.All(deadline.DefaultOfficeHours(), deadline.DefaultRisk())
	for _, c := range cals {
		mutate.All(calendarValues(c)...)
	}
	require.Equal(t, before["defaults"], defaults())
	for name, c := range cals {
		require.Equal(t, before[name], calendarBehaviour(c), name)
	}
}
