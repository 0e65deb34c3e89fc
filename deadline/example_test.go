package deadline_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/deadline"
)

func ExampleChina() {
	cal := deadline.China()
	first, last := cal.Covered()
	fmt.Println(first, last)
	nationalDay := time.Date(2026, 10, 1, 9, 0, 0, 0, haochaping.Location())
	ok, err := cal.IsWorkday(nationalDay)
	fmt.Println(ok, err)
	// Output:
	// 2004 2026
	// false <nil>
}

func ExampleCalendar_Due() {
	cal := deadline.China()
	received := time.Date(2026, 9, 30, 10, 0, 0, 0, haochaping.Location())
	for _, r := range []deadline.Rule{deadline.SameDay(), deadline.Workdays(1), deadline.Workdays(2), deadline.Workdays(4)} {
		due, err := cal.Due(received, r)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %s\n", r.Label(), due.Format("2006-01-02 15:04"))
	}
	// Output:
	// 当日: 2026-10-01 00:00
	// 1个工作日内: 2026-10-09 00:00
	// 2个工作日内: 2026-10-10 00:00
	// 4个工作日内: 2026-10-13 00:00
}

func ExampleCalendar_Track() {
	cal := deadline.China()
	// A bad review pushed on a Friday evening: the callback is due the next working day.
	pushed := time.Date(2026, 11, 20, 19, 0, 0, 0, haochaping.Location())
	dl, err := cal.Track(pushed, deadline.SameDay())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("due: ", dl.Due.Format("2006-01-02 15:04"))
	fmt.Println("warn:", dl.Warn.Format("2006-01-02 15:04"))
	for _, now := range []time.Time{
		time.Date(2026, 11, 23, 9, 0, 0, 0, haochaping.Location()),
		time.Date(2026, 11, 23, 16, 45, 0, 0, haochaping.Location()),
		time.Date(2026, 11, 25, 9, 0, 0, 0, haochaping.Location()),
	} {
		st, _ := cal.Status(dl, now)
		fmt.Println(now.Format("01-02 15:04"), st.Standing.Label(), st.Remaining, st.DaysOverdue)
	}
	// Output:
	// due:  2026-11-24 00:00
	// warn: 2026-11-23 15:45
	// 11-23 09:00 正常 6h0m0s 0
	// 11-23 16:45 即将超期 45m0s 0
	// 11-25 09:00 超期 0s 2
}

func ExampleCalendar_AddWorkdays() {
	cal := deadline.China()
	// Sunday 20 September 2026 is an adjusted working day (调休上班).
	sat := time.Date(2026, 9, 19, 10, 0, 0, 0, haochaping.Location())
	next, _ := cal.AddWorkdays(sat, 1)
	fmt.Println(next.Format("2006-01-02 Mon"))
	// Output: 2026-09-20 Sun
}

func ExampleCalendar_WorkdaysBetween() {
	cal := deadline.China()
	loc := haochaping.Location()
	n, _ := cal.WorkdaysBetween(time.Date(2026, 9, 30, 0, 0, 0, 0, loc), time.Date(2026, 10, 12, 0, 0, 0, 0, loc))
	fmt.Println(n)
	// Output: 4
}

func ExampleCalendar_With() {
	notice := []byte(`{"year": 2027, "papers": [], "days": [
		{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}`)
	a, err := deadline.ParseHolidayCN(notice)
	if err != nil {
		fmt.Println(err)
		return
	}
	cal, err := deadline.China().With(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, last := cal.Covered()
	fmt.Println(last)
	// Output: 2027
}

func ExampleProvisional() {
	p, err := deadline.Provisional(2027)
	if err != nil {
		fmt.Println(err)
		return
	}
	cal, _ := deadline.China().With(p)
	_, err = cal.IsWorkday(time.Date(2027, 2, 8, 9, 0, 0, 0, haochaping.Location()))
	fmt.Println(errors.Is(err, deadline.ErrProvisional))
	dl, _ := cal.Track(time.Date(2026, 12, 31, 10, 0, 0, 0, haochaping.Location()), deadline.Workdays(2))
	fmt.Println(dl.Due.Format("2006-01-02"), dl.Provisional)
	// Output:
	// true
	// 2027-01-06 true
}

func ExampleParseArrangements() {
	as, err := deadline.ParseArrangements([]byte("year 2027 国办发明电〔2026〕X号\n元旦 off 2027-01-01..2027-01-03\n春节 off 2027-02-05..2027-02-12 work 2027-02-14\n"))
	fmt.Println(len(as), len(as[0].Holidays[1].Off), err)
	_, err = deadline.ParseArrangements([]byte("year 2027 x\n春节 off 2027-02-05 work 2027-02-15\n"))
	fmt.Println(err)
	// Output:
	// 1 8 <nil>
	// deadline: arrangements: arrangement 2027, 春节, working day 2027-02-15: an adjusted working day must be a Saturday or Sunday, not a Monday
}

func ExampleCalendar_IsWorkday_notCovered() {
	_, err := deadline.China().IsWorkday(time.Date(2031, 5, 6, 9, 0, 0, 0, haochaping.Location()))
	fmt.Println(errors.Is(err, deadline.ErrNotCovered))
	fmt.Println(err)
	// Output:
	// true
	// deadline: year 2031 not covered by the calendar (it knows 2004 to 2026): add the State Council's notice with With, or a provisional year with Provisional
}

func ExampleCalendar_BusinessCalendar() {
	b := deadline.China().BusinessCalendar()
	day := time.Date(2026, 10, 10, 9, 0, 0, 0, haochaping.Location()) // a Saturday worked
	fmt.Println(b.IsWorkday(day))
	// Output: true
}

func ExampleCalendar_WithDayEnd() {
	cal, err := deadline.China().WithDayEnd(deadline.CloseOfOffice)
	if err != nil {
		fmt.Println(err)
		return
	}
	due, _ := cal.Due(time.Date(2026, 9, 30, 10, 0, 0, 0, haochaping.Location()), deadline.Workdays(2))
	fmt.Println(due.Format("2006-01-02 15:04"))
	// Output: 2026-10-09 17:30
}

// A clerk reads a due time on the day it falls, whatever instant ends that day.
func ExampleCalendar_FormatDue() {
	cal := deadline.China()
	friday := time.Date(2026, 11, 20, 10, 0, 0, 0, cal.Location())
	due, _ := cal.Due(friday, deadline.Workdays(2))
	fmt.Println(due.Format("2006-01-02 15:04 Mon"))
	fmt.Println(cal.FormatDue(due, friday))
	today, _ := cal.Due(friday, deadline.SameDay())
	fmt.Println(cal.FormatDue(today, friday))
	// Output:
	// 2026-11-25 00:00 Wed
	// 11月24日（周二）24时前
	// 当日24时前
}
