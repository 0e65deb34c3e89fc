package deadline

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// clause is a piece of a sentence between commas, semicolons, colons and full stops (outside
// brackets), with the dates it names and its words.
type clause struct {
	line    int
	words   string
	dates   []Date
	shifted int // dates[shifted:] follow 调至: the days the weekend days are moved to
}

// dateContext resolves the dates of one paragraph.
type dateContext struct {
	year    int
	newYear bool // the 元旦 paragraph, whose December dates are in the year before
	first   Date // the paragraph's first date
	prev    Date // the last date read, for 31日 after 2006年12月30日
}

// holiday reads the clauses of a paragraph into a holiday.
func (p *noticeParser) holiday(para paragraph) *draft {
	d := &draft{Holiday: Holiday{Name: para.name}, line: para.line}
	ctx := &dateContext{year: p.n.Year, newYear: strings.Contains(para.name, "元旦")}
	var pending []Date // dates whose clause has no verb take the next clause's
	var pendingLine int
	for _, pt := range para.parts {
		for _, c := range p.clauses(pt, ctx) {
			if len(pending) > 0 {
				c.dates, c.shifted, c.line = append(pending, c.dates...), c.shifted+len(pending), pendingLine
				pending = nil
			}
			switch {
			case len(c.dates) == 0:
			case strings.Contains(c.words, "起") && strings.Contains(c.words, "上班"):
				// 国办发明电〔2020〕1号: “2月3日（星期一）起正常上班” ends the holiday; it adds
				// no working day.
			case strings.Contains(c.words, "上班"):
				for _, w := range c.dates {
					if wd := w.Weekday(); wd != time.Saturday && wd != time.Sunday {
						p.bad(c.line, "%s is a %s: a working day the notice adds must be a Saturday or Sunday", cn(w), wd)
					}
				}
				d.Work = appendNew(d.Work, c.dates...)
			case strings.Contains(c.words, "延长"):
				// 国办发明电〔2020〕1号: “延长2020年春节假期至2月2日”.
				d.until = c.dates[len(c.dates)-1]
			case strings.Contains(c.words, "调至"):
				// 2004–2009: “将X、Y两个公休日调至A、B”: A and B become days off; X and Y are
				// named again as working days (上班) in a clause of their own.
				d.Off = appendNew(d.Off, c.dates[c.shifted:]...)
			case isOffWord(c.words):
				d.Off = appendNew(d.Off, c.dates...)
			case strings.Contains(c.words, "鼓励"):
				// 国办发明电〔2023〕7号 encourages, but does not grant, a day off on 除夕.
			default:
				pending, pendingLine = c.dates, c.line
				continue
			}
			if n, ok := dayCount(c.words); ok && n != len(d.Off) {
				p.bad(c.line, "%d days, but the paragraph names %d days off", n, len(d.Off))
			}
		}
	}
	if len(pending) > 0 {
		p.bad(pendingLine, "cannot tell whether %s is a day off or a working day", cn(pending[0]))
	}
	for _, w := range d.Work {
		if slices.Contains(d.Off, w) {
			p.bad(para.line, "%s is both a day off and a working day", cn(w))
		}
	}
	slices.SortFunc(d.Off, compareDates)
	slices.SortFunc(d.Work, compareDates)
	return d
}

// isOffWord reports whether a clause grants its dates off: 放假 and 放假调休 (every notice),
// 补休 and 连休 (2014–2019), 公休 and 放假公休 (2004–2012), 为法定(节)假日 (2004–2009).
func isOffWord(s string) bool {
	for _, w := range []string{"放假", "调休", "补休", "连休", "公休", "假日"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// dayCount reads 共N天 or 放假N天.
func dayCount(s string) (int, bool) {
	for _, w := range []string{"共", "放假"} {
		i := strings.Index(s, w)
		if i < 0 {
			continue
		}
		rest := s[i+len(w):]
		n, j := 0, 0
		for j < len(rest) && j < 3 && rest[j] >= '0' && rest[j] <= '9' {
			n, j = n*10+int(rest[j]-'0'), j+1
		}
		if j == 0 {
			if r := []rune(rest); len(r) > 0 && strings.ContainsRune("一二三四五六七八九十", r[0]) {
				n, j = strings.IndexRune("一二三四五六七八九十", r[0])/len("一")+1, len(string(r[0]))
			}
		}
		if j > 0 && strings.HasPrefix(rest[j:], "天") {
			return n, true
		}
	}
	return 0, false
}

func appendNew(ds []Date, add ...Date) []Date {
	for _, d := range add {
		if !slices.Contains(ds, d) {
			ds = append(ds, d)
		}
	}
	return ds
}

// cn writes a date as the notices do, 2月3日.
func cn(d Date) string { return fmt.Sprintf("%d月%d日", d.Month, d.Day) }

// joinWeekends adds to each holiday's days off the Saturdays and Sundays joined to them and
// not made working days, which data/china.txt counts in the holiday's block: “4月5日放假，
// 4月7日（星期一）补休” (2014) is 5 to 7 April, “9月27日放假” (2015, a Sunday) is 26 and
// 27 September, “1月1日放假，与周末连休” (2018) starts on 30 December 2017.
func (p *noticeParser) joinWeekends(ds []*draft) {
	taken := map[Date]bool{}
	for _, d := range ds {
		for _, x := range append(slices.Clone(d.Off), d.Work...) {
			taken[x] = true
		}
	}
	rest := func(x Date) bool {
		wd := x.Weekday()
		return (wd == time.Saturday || wd == time.Sunday) && !taken[x]
	}
	for _, d := range ds {
		if len(d.Off) == 0 {
			continue
		}
		first, last := d.Off[0], d.Off[len(d.Off)-1]
		for x := first.AddDays(-1); rest(x); x = x.AddDays(-1) {
			first = x
		}
		for x := last.AddDays(1); rest(x); x = x.AddDays(1) {
			last = x
		}
		var off []Date
		for _, x := range dateRange(first, last) {
			if slices.Contains(d.Off, x) || rest(x) {
				off = append(off, x)
			}
		}
		d.Off = off
	}
}

// clauses cuts a part of a paragraph into clauses and reads their dates.
func (p *noticeParser) clauses(pt part, ctx *dateContext) []clause {
	var out []clause
	r := []rune(pt.text)
	c := clause{line: pt.line}
	var words []rune
	flush := func() {
		c.words = string(words)
		out = append(out, c)
		c, words = clause{line: pt.line}, nil
	}
	for i := 0; i < len(r); {
		switch {
		case r[i] == '(':
			i = skipBracket(r, i)
		case strings.ContainsRune("。,;:", r[i]):
			flush()
			i++
		case r[i] >= '0' && r[i] <= '9':
			ds, j, ok := p.dates(r, i, ctx, pt.line)
			if !ok {
				words = append(words, r[i:j]...)
			} else if strings.Contains(string(words), "调至") {
				c.dates = append(c.dates, ds...)
			} else {
				c.dates = append(c.dates, ds...)
				c.shifted = len(c.dates)
			}
			i = j
		default:
			if r[i] == '其' && i+1 < len(r) && r[i+1] == '中' && ctx.first != (Date{}) {
				// “其中18日、19日、20日” (2007), “其中，29日、30日、31日” (2006): day numbers
				// after 其中 are in the holiday's first month.
				ctx.prev = ctx.first
			}
			words = append(words, r[i])
			i++
		}
	}
	flush()
	return out
}

// skipBracket returns the index after the bracket opened at r[i].
func skipBracket(r []rune, i int) int {
	for j := i + 1; j < len(r); j++ {
		if r[j] == ')' {
			return j + 1
		}
	}
	return len(r)
}

// dates reads a date or a range of dates at r[i], with the bracket after each date; ok is
// false, and j the end of the number, for a number that is not a date (共3天).
func (p *noticeParser) dates(r []rune, i int, ctx *dateContext, line int) (ds []Date, j int, ok bool) {
	from, j, ok := p.date(r, i, ctx, line)
	if !ok {
		return nil, j, false
	}
	j = p.checkWeekday(r, j, from, line)
	ctx.prev = from
	if ctx.first == (Date{}) {
		ctx.first = from
	}
	// A range: 1月22日至28日, 2月6日—12日, 2007年12月30日-2008年1月1日, and 1月22日———28日 as
	// the 2004 notice is reprinted (a dash of any length).
	sep := j
	for sep < len(r) && strings.ContainsRune("—–-", r[sep]) {
		sep++
	}
	if sep == j && j < len(r) && strings.ContainsRune("至~～到", r[j]) {
		sep++
	}
	if sep > j && sep < len(r) && r[sep] >= '0' && r[sep] <= '9' {
		to, k, ok := p.date(r, sep, ctx, line)
		if ok {
			k = p.checkWeekday(r, k, to, line)
			ctx.prev = to
			if to.Before(from) || to.days()-from.days() >= maxRange {
				p.bad(line, "%s to %s: want a range of at most %d days", cn(from), cn(to), maxRange)
				return nil, k, true
			}
			return dateRange(from, to), k, true
		}
		j = k
	}
	return []Date{from}, j, true
}

// date reads 2026年1月1日, 1月1日 or 1日 at r[i].
func (p *noticeParser) date(r []rune, i int, ctx *dateContext, line int) (Date, int, bool) {
	var n [3]int
	var unit [3]rune
	k, j := 0, i
	for k < 3 {
		v, e := number(r, j)
		if e == j || e == len(r) || !strings.ContainsRune("年月日", r[e]) {
			if k == 0 {
				return Date{}, max(e, i+1), false
			}
			break
		}
		n[k], unit[k], j = v, r[e], e+1
		k++
		if r[e] == '日' {
			break
		}
	}
	// the units must be 年月日, 月日 or 日
	got := string(unit[:k])
	y, m, day := ctx.year, 0, 0
	switch got {
	case "年月日":
		y, m, day = n[0], n[1], n[2]
		if y != ctx.year && !(y == ctx.year-1 && m == 12 && day >= earliestCrossYear) {
			p.bad(line, "%d年%d月%d日 is not in %d: a notice names only its year and the last days of the December before", y, m, day, ctx.year)
			return Date{}, j, false
		}
	case "月日":
		m, day = n[0], n[1]
		// “12月31日（星期六）上班” in the 元旦 paragraph of 国办发明电〔2005〕35号 is 31
		// December 2005.
		if m == 12 && ctx.newYear {
			y = ctx.year - 1
		}
	case "日":
		if ctx.prev == (Date{}) {
			p.bad(line, "%d日 without a month", n[0])
			return Date{}, j, false
		}
		y, m, day = ctx.prev.Year, int(ctx.prev.Month), n[0]
	default:
		if k > 0 && unit[0] == '年' {
			return Date{}, j, false // 2015年是…, 70周年: a year, not a date
		}
		p.bad(line, "%s: want a date X月X日", string(r[i:j]))
		return Date{}, j, false
	}
	d := Date{y, time.Month(m), day}
	if m < 1 || m > 12 || day < 1 || day > 31 || DateOf(d.In(time.UTC), time.UTC) != d {
		p.bad(line, "%d月%d日 is not a date", m, day)
		return Date{}, j, false
	}
	if d.Before(ymd(ctx.year-1, time.December, earliestCrossYear)) {
		p.bad(line, "%s is not in %d", d, ctx.year)
		return Date{}, j, false
	}
	return d, j, true
}

// number reads up to 4 digits at r[i] and returns the value and the index after them.
func number(r []rune, i int) (int, int) {
	v, j := 0, i
	for j < len(r) && j-i < 4 && r[j] >= '0' && r[j] <= '9' {
		v, j = v*10+int(r[j]-'0'), j+1
	}
	return v, j
}

// checkWeekday reads the bracket after a date, if any, and checks the weekday it names
// (（星期六）, （周日）, （农历除夕、周二）).
func (p *noticeParser) checkWeekday(r []rune, j int, d Date, line int) int {
	if j >= len(r) || r[j] != '(' {
		return j
	}
	end := skipBracket(r, j)
	in := []rune(string(r[j:end]))
	for k := 0; k+1 < len(in); k++ {
		var day rune
		switch {
		case in[k] == '周':
			day = in[k+1]
		case in[k] == '星' && k+2 < len(in) && in[k+1] == '期':
			day = in[k+2]
		default:
			continue
		}
		if wd, ok := weekdayName[day]; ok && wd != d.Weekday() {
			p.bad(line, "%s is a %s, not %s", cn(d), d.Weekday(), string(in[k:min(k+3, len(in))]))
		}
		break
	}
	return end
}
