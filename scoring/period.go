package scoring

import (
	"fmt"
	"time"

	"github.com/haochaping/haochaping"
)

// Period is a reporting period (统计周期): the times from From, included, to To, excluded.
// [Month] gives the calendar month a monthly bulletin (月度通报) covers, in China Standard
// Time ([haochaping.Location]).
type Period struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Month returns the calendar month of year, from its first midnight to the next month's, in
// [haochaping.Location].
func Month(year int, month time.Month) Period {
	from := time.Date(year, month, 1, 0, 0, 0, 0, haochaping.Location())
	return Period{From: from, To: from.AddDate(0, 1, 0)}
}

// MonthOf returns the calendar month t falls in, in [haochaping.Location].
func MonthOf(t time.Time) Period {
	t = t.In(haochaping.Location())
	return Month(t.Year(), t.Month())
}

// Months returns n consecutive months ending with last, oldest first: the months a trend
// covers.
func Months(last Period, n int) []Period {
	ps := make([]Period, n)
	for i := n - 1; i >= 0; i-- {
		ps[i] = last
		last = last.Previous()
	}
	return ps
}

// Contains reports whether t falls in the period.
func (p Period) Contains(t time.Time) bool { return !t.Before(p.From) && t.Before(p.To) }

// IsMonth reports whether the period is one calendar month in [haochaping.Location].
func (p Period) IsMonth() bool { return p.Valid() && MonthOf(p.From) == p.In() }

// In returns the period with both times in [haochaping.Location], so that periods compare
// with ==.
func (p Period) In() Period {
	loc := haochaping.Location()
	return Period{From: p.From.In(loc), To: p.To.In(loc)}
}

// Previous returns the period of the same length just before p: the previous month for a
// month, so that a month-over-month change (环比) compares like with like.
func (p Period) Previous() Period {
	if p.IsMonth() {
		prev := p.From.In(haochaping.Location()).AddDate(0, -1, 0)
		return Month(prev.Year(), prev.Month())
	}
	return Period{From: p.From.Add(-p.To.Sub(p.From)), To: p.From}.In()
}

// Valid reports whether the period has both bounds and From is before To.
func (p Period) Valid() bool { return !p.From.IsZero() && !p.To.IsZero() && p.From.Before(p.To) }

// Label returns the period in Chinese: "2026年11月" for a month, else its first and last days,
// "2026年11月1日至2026年11月15日".
func (p Period) Label() string {
	loc := haochaping.Location()
	if p.IsMonth() {
		f := p.From.In(loc)
		return fmt.Sprintf("%d年%d月", f.Year(), f.Month())
	}
	f, t := p.From.In(loc), p.To.In(loc).Add(-time.Nanosecond)
	return fmt.Sprintf("%d年%d月%d日至%d年%d月%d日", f.Year(), f.Month(), f.Day(), t.Year(), t.Month(), t.Day())
}

// Key returns a short stable key of the period, "2026-11" for a month and
// "2026-11-01..2026-11-15" otherwise: the label of a period in a spreadsheet's or a chart's
// axis and in JSON.
func (p Period) Key() string {
	loc := haochaping.Location()
	if p.IsMonth() {
		return p.From.In(loc).Format("2006-01")
	}
	return p.From.In(loc).Format("2006-01-02") + ".." + p.To.In(loc).Add(-time.Nanosecond).Format("2006-01-02")
}

// String returns Key.
func (p Period) String() string { return p.Key() }
