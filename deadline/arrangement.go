package deadline

import (
	"fmt"
	"time"
)

// Arrangement is one year's holiday arrangement (节假日安排): the statutory holidays and the
// adjusted working days (调休上班) of the State Council's annual notice (国务院办公厅关于XXXX年
// 部分节假日安排的通知), or a provisional arrangement computed from the holiday law.
//
// Every day it does not name is an ordinary day: Monday to Friday working, Saturday and
// Sunday off. A notice may name the last days of December of the year before (a 元旦
// holiday that begins on 30 December, a Saturday 29 December worked): such dates belong
// to the arrangement that names them.
type Arrangement struct {
	Year int
	// Notice names the source: the notice's document number, e.g. 国办发明电〔2025〕7号,
	// or the addresses of the papers of a holiday-cn file.
	Notice string
	// Provisional marks an arrangement computed from the holiday law before the year's
	// notice was published; answers that depend on it say so (ErrProvisional).
	Provisional bool
	Holidays    []Holiday
}

// Holiday is one holiday of an arrangement.
type Holiday struct {
	Name string // as the notice writes it: 元旦, 春节, 中秋节、国庆节 …
	Off  []Date // days off, including the weekend days the holiday is joined to
	Work []Date // adjusted working days: Saturdays and Sundays made working days
}

// clone returns a deep copy of a, so that a calendar shares no slices with its callers.
func (a Arrangement) clone() Arrangement {
	hs := make([]Holiday, len(a.Holidays))
	for i, h := range a.Holidays {
		hs[i] = Holiday{Name: h.Name, Off: append([]Date(nil), h.Off...), Work: append([]Date(nil), h.Work...)}
	}
	a.Holidays = hs
	return a
}

// earliestCrossYear is the first day of the previous December a notice may name.
const earliestCrossYear = 25

// Validate reports every problem with a, each naming the date: no holidays at all, a working
// day that is not a Saturday or Sunday, a date outside the arrangement's year (other than the last days of
// the previous December, from the 25th), and a date named twice.
func (a Arrangement) Validate() error { return joinErrors(a.problems()) }

// problems lists what Validate reports, for the parsers to join with their own.
func (a Arrangement) problems() []error {
	var errs []error
	if a.Year < 1950 || a.Year > 2200 {
		return []error{fmt.Errorf("arrangement year %d: want a year between 1950 and 2200", a.Year)}
	}
	if len(a.Holidays) == 0 {
		// holiday-cn publishes an empty file for a year whose notice is not out yet.
		errs = append(errs, fmt.Errorf("arrangement %d: no holidays; is the year's notice out yet?", a.Year))
	}
	first := ymd(a.Year-1, time.December, earliestCrossYear)
	last := ymd(a.Year, time.December, 31)
	seen := map[Date]string{}
	check := func(h Holiday, d Date, kind string) {
		where := fmt.Sprintf("arrangement %d, %s, %s day %s", a.Year, h.Name, kind, d)
		switch {
		case d.Before(first) || last.Before(d):
			errs = append(errs, fmt.Errorf("%s: outside the year %d", where, a.Year))
		case kind == "working" && d.Weekday() != time.Saturday && d.Weekday() != time.Sunday:
			errs = append(errs, fmt.Errorf("%s: an adjusted working day must be a Saturday or Sunday, not a %s", where, d.Weekday()))
		}
		if prev, dup := seen[d]; dup {
			errs = append(errs, fmt.Errorf("%s: named twice (also %s)", where, prev))
		}
		seen[d] = h.Name + " " + kind
	}
	for _, h := range a.Holidays {
		if h.Name == "" {
			errs = append(errs, fmt.Errorf("arrangement %d: a holiday without a name", a.Year))
		}
		for _, part := range []struct {
			kind string
			days []Date
		}{{"off", h.Off}, {"working", h.Work}} {
			for _, d := range part.days {
				if _, err := parseDate(d.String()); err != nil {
					errs = append(errs, fmt.Errorf("arrangement %d, %s: %d-%d-%d is not a date", a.Year, h.Name, d.Year, d.Month, d.Day))
					continue
				}
				check(h, d, part.kind)
			}
		}
	}
	return errs
}
