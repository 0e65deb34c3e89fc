package deadline

import (
	"errors"
	"time"

	"github.com/rickar/cal/v2"
)

// BusinessCalendar returns a github.com/rickar/cal/v2 business calendar giving the same
// working days as c, through its WorkdayFunc hook, for vendors that already use rickar/cal.
// Its work hours run from the first session's start to the last session's end.
//
// rickar/cal counts day by day and has no way to report an error: outside c's covered
// years its WorkdayFunc falls back to Monday to Friday, which a notice may contradict.
// Prefer c's own methods, which return ErrNotCovered there, and pass times in c's location.
func (c *Calendar) BusinessCalendar() *cal.BusinessCalendar {
	b := cal.NewBusinessCalendar()
	b.Name = "China"
	b.Description = "mainland China working days: State Council holiday arrangements"
	b.WorkdayFunc = func(date time.Time) bool {
		ok, err := c.IsWorkday(date)
		if errors.Is(err, ErrNotCovered) {
			wd := date.In(c.loc).Weekday()
			return wd != time.Saturday && wd != time.Sunday
		}
		return ok
	}
	ss := c.hours.Sessions
	b.SetWorkHours(ss[0].Start, ss[len(ss)-1].End)
	return b
}
