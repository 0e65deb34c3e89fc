package deadline

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Rule is how the measures time a duty: the same day (当日) or within n working days
// (n个工作日内). The zero Rule sets no limit: it is not Valid, Due refuses it, and it encodes
// as "none", so that a configuration can leave a duty untimed.
type Rule struct {
	sameDay bool
	n       int
}

// SameDay is the rule 当日: the duty is due at the end of the day it starts, if that is a
// working day and the start comes before the afternoon closes; otherwise at the end of the
// next working day. A bad review pushed on Saturday, or at 21:00, is handled the next
// working day.
//
// 第五条, 第六条, 第九条 and Annex 3 time registration, follow-up, transfer and the appeal
// review application 当日.
func SameDay() Rule { return Rule{sameDay: true} }

// Workdays is the rule n个工作日内: the duty is due at the end of the n-th working day after
// the day it starts. n must be at least 1.
//
// 第四条 and 第五条: the rectification report within 2 working days; 第九条: appeal
// materials within 1 working day; Annex 3: the report to the city within 4 working days.
func Workdays(n int) Rule { return Rule{n: n} }

// Valid reports whether r is SameDay() or Workdays(n) with n from 1 to 250 (a duty of more
// than a working year is not a deadline).
func (r Rule) Valid() bool { return r.sameDay || r.n >= 1 && r.n <= maxWorkdays }

// String returns the rule's stable text code, as MarshalText writes it: "same_day",
// "workdays:2", or "none" for the zero Rule.
func (r Rule) String() string {
	b, err := r.MarshalText()
	if err != nil {
		return "Rule(invalid)"
	}
	return string(b)
}

// Label returns the rule as the measures write it: "当日" or "2个工作日内"; "不限时" for the
// zero Rule.
func (r Rule) Label() string {
	switch {
	case r == Rule{}:
		return "不限时"
	case r.sameDay:
		return "当日"
	case r.n >= 1:
		return strconv.Itoa(r.n) + "个工作日内"
	}
	return "Rule(invalid)"
}

// MarshalText encodes r as "same_day", "workdays:n", or "none" for the zero Rule.
func (r Rule) MarshalText() ([]byte, error) {
	switch {
	case r == Rule{}:
		return []byte("none"), nil
	case r.sameDay:
		return []byte("same_day"), nil
	case r.Valid():
		return []byte("workdays:" + strconv.Itoa(r.n)), nil
	}
	return nil, errors.New("deadline: invalid rule")
}

// UnmarshalText decodes "same_day", "workdays:n" with n ≥ 1, or "none" (the zero Rule).
func (r *Rule) UnmarshalText(b []byte) error {
	s := string(b)
	switch s {
	case "same_day":
		*r = SameDay()
		return nil
	case "none":
		*r = Rule{}
		return nil
	}
	if v, ok := strings.CutPrefix(s, "workdays:"); ok {
		if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= maxWorkdays {
			*r = Workdays(n)
			return nil
		}
	}
	return fmt.Errorf("deadline: rule %q: want same_day, none or workdays:n with n from 1 to %d", s, maxWorkdays)
}

// maxWorkdays bounds a rule: a duty of more than a working year is not a deadline.
const maxWorkdays = 250

// Due returns the moment a duty that started at start falls due under r. It returns an
// error for an invalid rule, and errors as [Calendar.AddWorkdays] does: ErrNotCovered, or
// the answer with ErrProvisional.
func (c *Calendar) Due(start time.Time, r Rule) (time.Time, error) {
	if !r.Valid() {
		return time.Time{}, fmt.Errorf("deadline: rule %s: want SameDay() or Workdays(n) with n from 1 to %d", r, maxWorkdays)
	}
	n := r.n
	i := c.day(start)
	if err := c.check(i); err != nil {
		return time.Time{}, err
	}
	// The day a duty starts counts (for 当日, and for n个工作日 when the county chooses
	// StartDayCounts) only if it is a working day and, unless the county chose AfterHoursCount,
	// the duty started before the office closed.
	startCounts := c.work[i] && (c.counting.AfterHoursCount || start.Before(c.midnight(i).Add(c.closes(i))))
	switch {
	case r.sameDay && startCounts:
		return c.endOf(i), c.provisional(i, i)
	case r.sameDay:
		n = 1
	case startCounts && c.counting.StartDayCounts:
		if n--; n == 0 {
			return c.endOf(i), c.provisional(i, i)
		}
	}
	day, err := c.AddWorkdays(start, n)
	if day.IsZero() {
		return time.Time{}, err
	}
	return c.endOf(c.day(day)), err
}

// endOf returns the moment the day with index i ends, as the calendar's DayEnd says.
func (c *Calendar) endOf(i int) time.Time {
	if c.dayEnd == CloseOfOffice {
		return c.midnight(i).Add(c.closes(i))
	}
	return c.midnight(i + 1)
}

// closes returns when the last session of day i ends, from its midnight.
func (c *Calendar) closes(i int) time.Duration {
	ss := c.hours.on(fromDays(c.base + i))
	return ss[len(ss)-1].End
}
