package deadline

import (
	"errors"
	"fmt"
	"time"
)

// Session is one session of office hours, as offsets from midnight: 08:00–12:00 is
// Session{8 * time.Hour, 12 * time.Hour}.
type Session struct {
	Start, End time.Duration
}

// String formats s as "08:00–12:00".
func (s Session) String() string { return clock(s.Start) + "–" + clock(s.End) }

func clock(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

// MonthDay is a day of the year, such as 1 May.
type MonthDay struct {
	Month time.Month
	Day   int
}

func (m MonthDay) key() int { return int(m.Month)*100 + m.Day }

// Season is a part of the year with its own office hours, such as a summer schedule
// (夏季作息时间). From and To are inclusive and may wrap around the new year.
type Season struct {
	From, To MonthDay
	Sessions []Session
}

func (s Season) contains(d Date) bool {
	k, from, to := MonthDay{d.Month, d.Day}.key(), s.From.key(), s.To.key()
	if from <= to {
		return from <= k && k <= to
	}
	return k >= from || k <= to // wraps around the new year
}

// OfficeHours are the sessions in which a service centre works on a working day. Working
// time, warnings and (where chosen) the end of a day follow them.
type OfficeHours struct {
	Sessions []Session
	Summer   *Season // optional: a summer schedule replacing Sessions for part of the year
}

// DefaultOfficeHours returns 08:00–12:00 and 14:30–17:30, with no summer schedule. Not in the
// measures: these are the hours Guangxi's county service halls commonly keep; a county sets
// its own with [Calendar.WithOfficeHours].
func DefaultOfficeHours() OfficeHours {
	return OfficeHours{Sessions: []Session{{8 * time.Hour, 12 * time.Hour}, {14*time.Hour + 30*time.Minute, 17*time.Hour + 30*time.Minute}}}
}

// Validate reports what is wrong with h: no sessions, a session that ends before it
// starts or outside the day, sessions out of order or overlapping, a season with bad days.
func (h OfficeHours) Validate() error {
	errs := []error{validSessions("office hours", h.Sessions)}
	if s := h.Summer; s != nil {
		errs = append(errs, validSessions("summer office hours", s.Sessions))
		for _, m := range []MonthDay{s.From, s.To} {
			if _, err := parseDate(ymd(2000, m.Month, m.Day).String()); err != nil { // 2000 is a leap year
				errs = append(errs, fmt.Errorf("summer season: %d-%d is not a day of the year", m.Month, m.Day))
			}
		}
	}
	return joinErrors(errs)
}

func validSessions(what string, ss []Session) error {
	if len(ss) == 0 {
		return fmt.Errorf("%s: no sessions", what)
	}
	var errs []error
	for i, s := range ss {
		switch {
		case s.Start < 0 || s.End > 24*time.Hour || s.End <= s.Start:
			errs = append(errs, fmt.Errorf("%s: session %d %s: want 00:00 ≤ start < end ≤ 24:00", what, i+1, s))
		case i > 0 && s.Start < ss[i-1].End:
			errs = append(errs, fmt.Errorf("%s: session %d %s starts before session %d ends", what, i+1, s, i))
		}
	}
	return errors.Join(errs...)
}

// on returns the sessions of date d.
func (h OfficeHours) on(d Date) []Session {
	if h.Summer != nil && h.Summer.contains(d) {
		return h.Summer.Sessions
	}
	return h.Sessions
}

// DayEnd says when a day's duties fall due.
type DayEnd uint8

const (
	// Midnight: a duty due on a day is due at 24:00 local time, the end of the calendar
	// day (the default; 民法典 第二百零三条: the last day of a period ends at 24:00).
	Midnight DayEnd = iota
	// CloseOfOffice: a duty due on a day is due when that day's last session closes.
	CloseOfOffice
)

// Risk says when a duty is at risk (即将超期): when less working time is left than Share of
// the duty's whole working time, or less than Remaining, whichever comes first.
type Risk struct {
	Share     float64       // 0 to 1
	Remaining time.Duration // 0 for none
}

// DefaultRisk returns the default rule for being at risk: less than a quarter of the duty's
// working time, or less than one working hour, is left. Not in the measures, which know only
// due and overdue (超期); the default warns early enough for a same-day duty to be done
// before the office closes.
func DefaultRisk() Risk { return Risk{Share: 0.25, Remaining: time.Hour} }

// clone returns a deep copy of h, so that a calendar shares no slices with its callers.
func (h OfficeHours) clone() OfficeHours {
	h.Sessions = append([]Session(nil), h.Sessions...)
	if h.Summer != nil {
		s := *h.Summer
		s.Sessions = append([]Session(nil), s.Sessions...)
		h.Summer = &s
	}
	return h
}

// OfficeHours returns a copy of the calendar's office hours.
func (c *Calendar) OfficeHours() OfficeHours { return c.hours.clone() }

// WithOfficeHours returns a calendar with a copy of other office hours; it returns an error
// for invalid ones.
func (c *Calendar) WithOfficeHours(h OfficeHours) (*Calendar, error) {
	if err := h.Validate(); err != nil {
		return nil, err
	}
	n := *c
	n.hours = h.clone()
	return &n, nil
}

// WithDayEnd returns a calendar whose days end as e says; it returns an error for a DayEnd
// other than Midnight and CloseOfOffice.
func (c *Calendar) WithDayEnd(e DayEnd) (*Calendar, error) {
	if e != Midnight && e != CloseOfOffice {
		return nil, fmt.Errorf("deadline: day end %d: want Midnight or CloseOfOffice", e)
	}
	n := *c
	n.dayEnd = e
	return &n, nil
}

// WithRisk returns a calendar with another rule for being at risk; it returns an error for
// a share outside 0 to 1 or a negative amount.
func (c *Calendar) WithRisk(r Risk) (*Calendar, error) {
	if !(r.Share >= 0 && r.Share <= 1) || r.Remaining < 0 { // NaN fails both
		return nil, fmt.Errorf("deadline: risk share %v must lie in 0..1 and remaining %v must not be negative", r.Share, r.Remaining)
	}
	n := *c
	n.risk = r
	return &n, nil
}

// Counting holds two rules for counting a duty's days that the measures do not state; each
// default is the law's or the offices' practice, and a county may choose otherwise with
// [Calendar.WithCounting].
type Counting struct {
	// StartDayCounts counts the day a duty starts as the first of its n working days (a report
	// due "within 2 working days" of a Monday-morning transfer falls due on Tuesday). Not in
	// the measures. The default, false, follows 民法典 第二百零一条: 按照年、月、日计算期间的，
	// 开始的当日不计入 — the start day never counts, so the same report falls due on Wednesday.
	StartDayCounts bool
	// AfterHoursCount lets a duty that starts after the office has closed for the day (or on a
	// day off, which never counts) count that day: a bad review pushed at 21:00 would be due
	// 当日 at 24:00 that night. Not in the measures. The default, false, treats such a duty as
	// starting the next working day, because nobody is at the office to handle it the same
	// day: 当日 then means by the end of the next working day.
	AfterHoursCount bool
}

// Counting returns the calendar's counting rules.
func (c *Calendar) Counting() Counting { return c.counting }

// WithCounting returns a calendar that counts days as k says.
func (c *Calendar) WithCounting(k Counting) *Calendar {
	n := *c
	n.counting = k
	return &n
}
