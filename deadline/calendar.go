package deadline

import (
	"errors"
	"fmt"
	"sort"
	"time"
)

// ErrNotCovered is wrapped by every error about a date in a year the calendar has no
// arrangement for. The calendar never guesses such a year from the days of the week.
var ErrNotCovered = errors.New("deadline: year not covered by the calendar")

// ErrProvisional is wrapped by the error returned, together with a valid answer, when the
// answer depends on a provisional year: one computed from the holiday law before the State
// Council's notice was out. Recompute when the notice arrives.
var ErrProvisional = errors.New("deadline: answer depends on a provisional arrangement")

// NotCoveredError names the year a date falls in and the years the calendar covers.
type NotCoveredError struct {
	Year        int
	First, Last int
}

func (e *NotCoveredError) Error() string {
	return fmt.Sprintf("deadline: year %d not covered by the calendar (it knows %d to %d): add the State Council's notice with With, or a provisional year with Provisional",
		e.Year, e.First, e.Last)
}

// Is makes errors.Is(err, ErrNotCovered) true.
func (e *NotCoveredError) Is(target error) bool { return target == ErrNotCovered }

// ProvisionalError names the provisional year an answer depends on.
type ProvisionalError struct{ Year int }

func (e *ProvisionalError) Error() string {
	return fmt.Sprintf("deadline: answer depends on %d, a provisional arrangement computed from the holiday law: recompute when the State Council's notice is out", e.Year)
}

// Is makes errors.Is(err, ErrProvisional) true.
func (e *ProvisionalError) Is(target error) bool { return target == ErrProvisional }

// Calendar is a working-day calendar: the arrangements of a run of years, the office hours,
// and the rules for the end of a day and for being at risk. A Calendar is immutable and
// safe for concurrent use; the With… methods return a changed copy.
//
// Every method reads the calendar date of a time in the calendar's location, whatever the
// time's own location.
type Calendar struct {
	loc         *time.Location
	fixed       bool  // loc has one UTC offset over the whole covered span
	offset      int64 // that offset, in seconds east of UTC
	first, last int   // covered years
	base        int   // days() of 1 January of first
	work        []bool
	cum         []int32 // cum[i]: working days among days [0, i)
	nth         []int32 // nth[k]: index of the (k+1)-th working day
	years       map[int]Arrangement
	prov        []bool // per year from first: the arrangement is provisional
	anyProv     bool
	hours       OfficeHours
	dayEnd      DayEnd
	risk        Risk
	counting    Counting
}

// New builds a calendar in loc from arrangements of consecutive years, with the default
// office hours ([DefaultOfficeHours]), days ending at midnight and [DefaultRisk]. It
// returns an error naming the problem for an invalid arrangement, a year given twice or a
// gap between years.
func New(loc *time.Location, arrangements ...Arrangement) (*Calendar, error) {
	if loc == nil {
		return nil, errors.New("deadline: New needs a location")
	}
	c := &Calendar{loc: loc, hours: DefaultOfficeHours(), dayEnd: Midnight, risk: DefaultRisk()}
	return c.build(arrangements)
}

// build returns a copy of c's settings with tables built for the arrangements.
func (c *Calendar) build(arrangements []Arrangement) (*Calendar, error) {
	if len(arrangements) == 0 {
		return nil, errors.New("deadline: a calendar needs at least one year's arrangement")
	}
	years := map[int]Arrangement{}
	var errs []error
	for _, a := range arrangements {
		if _, dup := years[a.Year]; dup {
			errs = append(errs, fmt.Errorf("deadline: year %d given twice", a.Year))
		}
		if err := a.Validate(); err != nil {
			errs = append(errs, err)
		}
		years[a.Year] = a.clone()
	}
	order := make([]int, 0, len(years))
	for y := range years {
		order = append(order, y)
	}
	sort.Ints(order)
	for i := 1; i < len(order); i++ {
		if order[i] != order[i-1]+1 {
			errs = append(errs, fmt.Errorf("deadline: years %d to %d are missing", order[i-1]+1, order[i]-1))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	n := &Calendar{loc: c.loc, hours: c.hours, dayEnd: c.dayEnd, risk: c.risk, counting: c.counting, years: years,
		first: order[0], last: order[len(order)-1]}
	n.base = ymd(n.first, time.January, 1).days()
	days := ymd(n.last, time.December, 31).days() - n.base + 1
	n.work = make([]bool, days)
	for i := range n.work {
		wd := fromDays(n.base + i).Weekday()
		n.work[i] = wd != time.Saturday && wd != time.Sunday
	}
	// Later notices go last, so that a date named by two notices takes the later one.
	n.prov = make([]bool, len(order))
	for k, y := range order {
		a := years[y]
		if a.Provisional {
			n.prov[k], n.anyProv = true, true
		}
		for _, h := range a.Holidays {
			n.set(h.Off, false)
			n.set(h.Work, true)
		}
	}
	n.cum = make([]int32, days+1)
	for i, w := range n.work {
		n.cum[i+1] = n.cum[i]
		if w {
			n.cum[i+1]++
			n.nth = append(n.nth, int32(i))
		}
	}
	n.fixed, n.offset = fixedOffset(n.loc, n.first, n.last)
	return n, nil
}

func (c *Calendar) set(dates []Date, work bool) {
	for _, d := range dates {
		if i := d.days() - c.base; i >= 0 && i < len(c.work) {
			c.work[i] = work
		}
	}
}

// fixedOffset reports whether loc keeps one UTC offset at every midnight from first to last
// (Asia/Shanghai has since 1992), and that offset: day numbers then come from Unix time.
func fixedOffset(loc *time.Location, first, last int) (bool, int64) {
	_, off := time.Date(first, time.January, 1, 0, 0, 0, 0, loc).Zone()
	for t := time.Date(first, time.January, 1, 0, 0, 0, 0, time.UTC); t.Year() <= last+1; t = t.AddDate(0, 0, 1) {
		if _, o := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc).Zone(); o != off {
			return false, 0
		}
	}
	return true, int64(off)
}

// Location returns the calendar's location.
func (c *Calendar) Location() *time.Location { return c.loc }

// Covered returns the first and last year the calendar knows.
func (c *Calendar) Covered() (first, last int) { return c.first, c.last }

// Arrangement returns a copy of the arrangement of a covered year.
func (c *Calendar) Arrangement(year int) (Arrangement, bool) {
	a, ok := c.years[year]
	return a.clone(), ok
}

// With returns a calendar with the given years added or replaced: a new year's notice
// without a new release of this library. The result must still be a run of consecutive
// years. c is unchanged.
func (c *Calendar) With(arrangements ...Arrangement) (*Calendar, error) {
	merged := make([]Arrangement, 0, len(c.years)+len(arrangements))
	replaced := map[int]bool{}
	for _, a := range arrangements {
		replaced[a.Year] = true
	}
	for y, a := range c.years {
		if !replaced[y] {
			merged = append(merged, a)
		}
	}
	return c.build(append(merged, arrangements...))
}

// day returns the index of t's calendar date in the tables, which may be out of range.
func (c *Calendar) day(t time.Time) int {
	if c.fixed {
		return floorDiv64(t.Unix()+c.offset, 86400) - c.base
	}
	y, m, d := t.In(c.loc).Date()
	return Date{y, m, d}.days() - c.base
}

func floorDiv64(a, b int64) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return int(q)
}

// check returns an error for a day index outside the tables.
func (c *Calendar) check(i int) error {
	if i < 0 || i >= len(c.work) {
		return &NotCoveredError{Year: fromDays(c.base + i).Year, First: c.first, Last: c.last}
	}
	return nil
}

// provisional returns a ProvisionalError for the first provisional year among days i to j:
// a new one each time, as the caller may change it.
func (c *Calendar) provisional(i, j int) error {
	if !c.anyProv {
		return nil
	}
	if j < i {
		i, j = j, i
	}
	for y := fromDays(c.base + i).Year; y <= fromDays(c.base+j).Year; y++ {
		if c.prov[y-c.first] {
			return &ProvisionalError{Year: y}
		}
	}
	return nil
}

// midnight returns 00:00 of the day with index i, in the calendar's location.
func (c *Calendar) midnight(i int) time.Time {
	if c.fixed {
		return time.Unix(int64(c.base+i)*86400-c.offset, 0).In(c.loc)
	}
	return fromDays(c.base + i).In(c.loc)
}

// IsWorkday reports whether t's calendar date is a working day. It returns an error
// wrapping ErrNotCovered for a date outside the covered years, and the answer with an
// error wrapping ErrProvisional for a date in a provisional year.
func (c *Calendar) IsWorkday(t time.Time) (bool, error) {
	i := c.day(t)
	if err := c.check(i); err != nil {
		return false, err
	}
	return c.work[i], c.provisional(i, i)
}

// AddWorkdays returns 00:00 of the n-th working day after t's calendar date; t's own date
// never counts, as a period counted in days starts the next day (民法典 第二百零一条). For
// n < 0 it counts backwards: the |n|-th working day before t's date. For n = 0 it returns
// 00:00 of t's date. Errors are as for IsWorkday; a result beyond the covered years wraps
// ErrNotCovered naming the year it would fall in.
func (c *Calendar) AddWorkdays(t time.Time, n int) (time.Time, error) {
	i := c.day(t)
	if err := c.check(i); err != nil {
		return time.Time{}, err
	}
	if n > len(c.nth) || n < -len(c.nth) { // no covered day that far; also keeps k from overflowing
		year := c.last + 1
		if n < 0 {
			year = c.first - 1
		}
		return time.Time{}, &NotCoveredError{Year: year, First: c.first, Last: c.last}
	}
	var k int // 1-based rank of the target among all working days
	switch {
	case n > 0:
		k = int(c.cum[i+1]) + n
	case n < 0:
		k = int(c.cum[i]) + n + 1
	default:
		return c.midnight(i), c.provisional(i, i)
	}
	if k < 1 {
		return time.Time{}, &NotCoveredError{Year: c.first - 1, First: c.first, Last: c.last}
	}
	if k > len(c.nth) {
		return time.Time{}, &NotCoveredError{Year: c.last + 1, First: c.first, Last: c.last}
	}
	j := int(c.nth[k-1])
	return c.midnight(j), c.provisional(i, j)
}

// WorkdaysBetween returns the number of working days d with from's date < d ≤ to's date,
// negative when to is before from. Errors are as for IsWorkday.
func (c *Calendar) WorkdaysBetween(from, to time.Time) (int, error) {
	i, j := c.day(from), c.day(to)
	if err := c.check(i); err != nil {
		return 0, err
	}
	if err := c.check(j); err != nil {
		return 0, err
	}
	return int(c.cum[j+1]) - int(c.cum[i+1]), c.provisional(i, j)
}

// joinErrors joins the problems a validation found into one error that names the package,
// or returns nil when there are none.
func joinErrors(errs []error) error {
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("deadline: %w", err)
	}
	return nil
}
