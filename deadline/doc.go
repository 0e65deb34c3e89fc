// Package deadline is mainland China's working-day calendar and the deadline rules of the
// bad-review measures (融安县政务服务中心差评办件处理办法（试行）).
//
// Every duty in the measures has a deadline: the same day (当日: registration, follow-up and
// transfer, 第五条 and 第六条), within 1 working day (appeal materials, 第九条), within 2
// working days (the rectification report, 第四条 and 第五条), within 4 working days of
// receipt (the report to the city, Annex 3). China's working days are not Monday to
// Friday: each year the State Council's notice (国务院办公厅关于XXXX年部分节假日安排的通知)
// sets the statutory holidays and the weekend days worked instead (调休上班).
//
// [China] returns the calendar of every published year from 2004, built from the notices
// and cross-checked against independent public data sets (data/china.txt). It never guesses:
// a date in a year it does not know returns an error wrapping [ErrNotCovered]. A new year's
// notice is added without a new release with [Calendar.With], from the notice's own text
// ([ParseNotice]), the JSON of the public data set holiday-cn ([ParseHolidayCN]) or this
// package's text format ([ParseArrangements]).
// A year whose notice is not out yet can be opted in as [Provisional], computed from the
// holiday law; every answer that depends on it wraps [ErrProvisional], so a case can mark its
// deadline provisional and recompute it when the notice arrives.
//
// # Adding a year the day its notice is published
//
// The State Council's annual notice (国务院办公厅关于XXXX年部分节假日安排的通知) is read as
// published on www.gov.cn by [ParseNotice]: paste its text into a file, parse it, and add
// the year with [Calendar.With]. Notices that amend a year after its notice (调休放假的
// 通知, 关于调整…假期安排的通知, 关于延长…假期的通知) are applied with [Arrangement.Amend].
//
//	n, err := deadline.ParseNotice(text)   // refuses a line it cannot read, naming it
//	a, err := n.Arrangement()
//	cal, err := deadline.China().With(a)
//
// The command examples/notice prints a notice's holidays in Chinese, for a person to check
// against the notice before the year is used.
//
// Periods are counted as the civil code counts them (民法典 第二百零一条 to 第二百零三条):
// the day a duty starts never counts, and the last day ends at 24:00, or, if a county
// chooses, when its office closes ([CloseOfOffice]).
//
//	cal := deadline.China()
//	due, err := cal.Due(receivedAt, deadline.Workdays(2)) // 第五条: report within 2 working days
//	dl, err := cal.Track(receivedAt, deadline.SameDay())  // 第六条: call back the same day
//	st, err := cal.Status(dl, now)                        // 正常 / 即将超期 / 超期
//
// [Calendar.IsWorkday], [Calendar.AddWorkdays] and [Calendar.WorkdaysBetween] answer in
// constant time from per-day tables, with no allocation. Vendors already on
// github.com/rickar/cal get the same working days through [Calendar.BusinessCalendar].
//
// A Calendar is immutable and safe for concurrent use; its With… methods return copies with
// other years, office hours ([OfficeHours], 08:00–12:00 and 14:30–17:30 by default, with an
// optional summer schedule), end of day ([DayEnd]) or risk threshold ([Risk]).
package deadline
