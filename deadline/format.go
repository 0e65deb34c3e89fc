package deadline

import (
	"fmt"
	"time"
)

// weekdays are the days of the week as a clerk writes them.
var weekdays = [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// FormatDue writes a due time as a clerk reads it on a worklist, in the calendar's zone:
// "11月20日（周五）24时前" for a duty due at the end of a day (the default, [Midnight]: the
// instant is 00:00 of the next day, which a clerk would misread as the next day's),
// "11月20日（周五）17:30 前" for one due at another time ([CloseOfOffice]), "当日24时前" or
// "当日17:30 前" when that day is now's, and the year before the month when it is not
// now's year ("2027年1月4日（周一）24时前"). The zero now writes the day without "当日" and
// without its year, as a record of a closed duty reads.
func (c *Calendar) FormatDue(due, now time.Time) string {
	due = due.In(c.loc)
	day, clock := due, due.Format("15:04")+" 前"
	if due.Hour() == 0 && due.Minute() == 0 && due.Second() == 0 && due.Nanosecond() == 0 {
		day, clock = due.AddDate(0, 0, -1), "24时前"
	}
	if now.IsZero() {
		return formatDay(day, day) + clock
	}
	if now = now.In(c.loc); DateOf(day, c.loc) == DateOf(now, c.loc) {
		return "当日" + clock
	}
	return formatDay(day, now) + clock
}

// FormatTime writes a moment as a clerk reads it in a case's record, in the calendar's zone:
// "2026年11月20日（周五）10:16".
func (c *Calendar) FormatTime(t time.Time) string {
	t = t.In(c.loc)
	return fmt.Sprintf("%d年%d月%d日（%s）%s", t.Year(), int(t.Month()), t.Day(), weekdays[t.Weekday()], t.Format("15:04"))
}

// formatDay writes day as "11月20日（周五）", with its year when it is not now's.
func formatDay(day, now time.Time) string {
	s := fmt.Sprintf("%d月%d日（%s）", int(day.Month()), day.Day(), weekdays[day.Weekday()])
	if day.Year() != now.Year() {
		s = fmt.Sprintf("%d年", day.Year()) + s
	}
	return s
}
