package deadline

import (
	"errors"
	"fmt"
	"time"
)

// Deadline tracks one duty: when it started, the rule that times it, when it falls due and
// when it becomes at risk. Create it with [Calendar.Track].
type Deadline struct {
	Start time.Time `json:"start"`
	Rule  Rule      `json:"rule"`
	Due   time.Time `json:"due"`
	// Warn is when the duty becomes at risk (即将超期): always inside office hours on a
	// working day, never at night or on a day off.
	Warn time.Time `json:"warn"`
	// Provisional is true when Due depends on a provisional year: recompute it when the
	// year's notice is out.
	Provisional bool `json:"provisional,omitempty"`
}

// Track starts a deadline for a duty that started at start under rule r. An answer that
// depends on a provisional year is returned with Provisional set and no error; other
// errors are as for [Calendar.Due].
func (c *Calendar) Track(start time.Time, r Rule) (Deadline, error) {
	d := Deadline{Start: start, Rule: r}
	var err error
	d.Due, err = c.Due(start, r)
	if d.Provisional = errors.Is(err, ErrProvisional); err != nil && !d.Provisional {
		return Deadline{}, err
	}
	total, err := c.WorkingTime(start, d.Due)
	if err != nil && !errors.Is(err, ErrProvisional) {
		return Deadline{}, err
	}
	// To the minute: a warning time people read, free of the float's nanoseconds.
	threshold := time.Duration(float64(total) * c.risk.Share).Round(time.Minute)
	if threshold < c.risk.Remaining {
		threshold = c.risk.Remaining
	}
	if threshold > total {
		threshold = total
	}
	d.Warn = c.rewind(d.Due, threshold)
	return d, nil
}

// Standing is where a duty stands: on time, at risk or overdue.
type Standing uint8

// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	OnTime  Standing = iota + 1 // 正常
	AtRisk                      // 即将超期
	Overdue                     // 超期
)

// Label returns the Chinese label: 正常, 即将超期 or 超期.
func (s Standing) Label() string {
	switch s {
	case OnTime:
		return "正常"
	case AtRisk:
		return "即将超期"
	case Overdue:
		return "超期"
	}
	return s.String()
}

// String returns the stable text code: "on_time", "at_risk" or "overdue".
func (s Standing) String() string {
	if b, err := s.MarshalText(); err == nil {
		return string(b)
	}
	return fmt.Sprintf("Standing(%d)", uint8(s))
}

// MarshalText encodes s as "on_time", "at_risk" or "overdue".
func (s Standing) MarshalText() ([]byte, error) {
	switch s {
	case OnTime:
		return []byte("on_time"), nil
	case AtRisk:
		return []byte("at_risk"), nil
	case Overdue:
		return []byte("overdue"), nil
	}
	return nil, fmt.Errorf("deadline: standing %d: want OnTime, AtRisk or Overdue", uint8(s))
}

// UnmarshalText decodes "on_time", "at_risk" or "overdue".
func (s *Standing) UnmarshalText(b []byte) error {
	for _, v := range []Standing{OnTime, AtRisk, Overdue} {
		if t, _ := v.MarshalText(); string(t) == string(b) {
			*s = v
			return nil
		}
	}
	return fmt.Errorf("deadline: standing %q: want on_time, at_risk or overdue", b)
}

// Status is a duty's standing at a given moment.
type Status struct {
	Standing Standing `json:"standing,omitempty"`
	// Remaining is the working time left before the duty falls due; 0 once overdue.
	Remaining time.Duration `json:"remaining,omitempty"`
	// DaysOverdue counts the working days after the day the duty fell due, up to and
	// including the current day: 1 on the first working day after a duty due at 24:00.
	DaysOverdue int `json:"daysOverdue,omitempty"`
	// Provisional is true when the answer depends on a provisional year.
	Provisional bool `json:"provisional,omitempty"`
}

// Status returns where d stands at now by this calendar, reading its stored Due and Warn, so
// that a Deadline decoded from storage works as well as one just tracked. A Deadline is plain
// data and carries no calendar: ask the calendar the case is timed on. An answer that depends on a provisional year
// has Provisional set and no error; other errors are as for [Calendar.WorkingTime].
func (c *Calendar) Status(d Deadline, now time.Time) (Status, error) {
	if !now.Before(d.Due) {
		n, err := c.WorkdaysBetween(d.Due.Add(-time.Nanosecond), now)
		prov := errors.Is(err, ErrProvisional)
		if err != nil && !prov {
			return Status{}, err
		}
		return Status{Standing: Overdue, DaysOverdue: n, Provisional: prov || d.Provisional}, nil
	}
	left, err := c.WorkingTime(now, d.Due)
	prov := errors.Is(err, ErrProvisional)
	if err != nil && !prov {
		return Status{}, err
	}
	s := Status{Standing: OnTime, Remaining: left, Provisional: prov || d.Provisional}
	if !now.Before(d.Warn) {
		s.Standing = AtRisk
	}
	return s, nil
}
