package deadline

import (
	"fmt"
	"time"

	"github.com/6tail/lunar-go/calendar"
)

// Provisional returns a provisional arrangement for a year whose State Council notice is not
// out yet, computed from the holiday law (全国年节及纪念日放假办法, as amended by 国务院令第795号
// in 2024, in force from 2025): 元旦 1 day; 春节 4 days from 除夕; 清明节 1 day on the
// Qingming solar term; 劳动节 2 days (1–2 May); 端午节 1 day (lunar 5/5); 中秋节 1 day
// (lunar 8/15); 国庆节 3 days (1–3 October). Lunar dates and the solar term are computed
// with github.com/6tail/lunar-go.
//
// A statutory day that falls on a Saturday or Sunday, or on another holiday's day, is made
// up on the next weekday not already off (第六条 of the law: 适逢星期六、星期日，应当在工作日
// 补假). There are no adjusted working days: those only a notice sets. The arrangement is
// marked Provisional, so that every answer depending on it wraps ErrProvisional.
//
// Years from 2025 to 2200 are supported, the years the amended law governs.
func Provisional(year int) (Arrangement, error) {
	if year < 2025 || year > 2200 {
		return Arrangement{}, fmt.Errorf("deadline: provisional year %d: want 2025 to 2200, the years of the 2024 holiday law", year)
	}
	lunarDate := func(month, day int) Date {
		s := calendar.NewLunarFromYmd(year, month, day).GetSolar()
		return ymd(s.GetYear(), time.Month(s.GetMonth()), s.GetDay())
	}
	springFestival := lunarDate(1, 1)
	qm := calendar.NewLunarFromYmd(year, 1, 1).GetJieQiTable()["清明"]
	statutory := []struct {
		name  string
		first Date
		days  int
	}{
		{"元旦", ymd(year, time.January, 1), 1},
		{"春节", springFestival.AddDays(-1), 4}, // 除夕 to 初三
		{"清明节", ymd(qm.GetYear(), time.Month(qm.GetMonth()), qm.GetDay()), 1},
		{"劳动节", ymd(year, time.May, 1), 2},
		{"端午节", lunarDate(5, 5), 1},
		{"中秋节", lunarDate(8, 15), 1},
		{"国庆节", ymd(year, time.October, 1), 3},
	}
	off := map[Date]bool{}
	a := Arrangement{Year: year, Notice: "provisional", Provisional: true}
	for _, s := range statutory {
		h := Holiday{Name: s.name}
		var missed int
		for k := 0; k < s.days; k++ {
			d := s.first.AddDays(k)
			if off[d] || weekend(d) {
				missed++
			}
			if !off[d] {
				off[d] = true
				h.Off = append(h.Off, d)
			}
		}
		for d := s.first.AddDays(s.days); missed > 0; d = d.AddDays(1) {
			if !off[d] && !weekend(d) {
				off[d] = true
				h.Off = append(h.Off, d)
				missed--
			}
		}
		a.Holidays = append(a.Holidays, h)
	}
	return a, a.Validate()
}

func weekend(d Date) bool { return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday }
