package deadline

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// NoticeKind says what a notice does to its year.
type NoticeKind int

const (
	// NoticeAnnual is the annual notice, 国务院办公厅关于XXXX年部分节假日安排的通知: the
	// whole year's holidays.
	NoticeAnnual NoticeKind = iota
	// NoticeAdds adds a holiday to a year, as 国发明电〔2015〕1号 added the 70th anniversary
	// of the victory in the War of Resistance (调休放假的通知).
	NoticeAdds
	// NoticeReplaces rearranges one holiday of a year, as 国办发明电〔2019〕3号 did Labour
	// Day 2019 (关于调整2019年劳动节假期安排的通知).
	NoticeReplaces
	// NoticeExtends extends one holiday, as 国办发明电〔2020〕1号 extended the Spring
	// Festival 2020 to 2 February (关于延长2020年春节假期的通知).
	NoticeExtends
)

// Notice is one notice of the State Council or its General Office setting holidays, read
// from its text by [ParseNotice].
type Notice struct {
	Year   int
	Title  string // on one line, as the notice gives it
	Number string // the document number, e.g. 国办发明电〔2025〕7号; "" if the text has none
	Kind   NoticeKind
	// Holidays are, for an annual notice, the year's holidays in the notice's order; for
	// NoticeAdds and NoticeReplaces, the one holiday added or rearranged. Each holiday's
	// days off are one block including the weekend days joined to it, as in data/china.txt.
	Holidays []Holiday
	// Extended and Until are, for NoticeExtends, the holiday extended and its new last day off.
	Extended string
	Until    Date
}

// NoticeError is a line of a notice that [ParseNotice] cannot read.
type NoticeError struct {
	Line    int    // 1-based
	Excerpt string // the start of the line, at most a few words
	Problem string
}

func (e *NoticeError) Error() string {
	return fmt.Sprintf("deadline: notice line %d: %s (%q)", e.Line, e.Problem, e.Excerpt)
}

// MaxNoticeSize bounds the text ParseNotice reads; a notice is about 2 KB.
const MaxNoticeSize = 64 << 10

// ParseNotice reads the plain text of a holiday notice as published on www.gov.cn (or
// reprinted by Xinhua): the title (国务院办公厅关于2026年部分节假日安排的通知, on one line or
// several), the document number if present, and the numbered paragraphs, each a holiday
// with its days off and the weekend days worked:
//
//	一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
//
// It reads the wordings of every notice since 2004: 星期X or 周X, ranges 1月22日至28日 and
// 2月6日—12日, the 其中… sentences of 2004–2009 that name the statutory days and the
// weekend days moved (公休日调至…), the names “五一” and “十一”, and the notices that amend a
// year (see [NoticeKind] and [Arrangement.Amend]). Full-width and ASCII punctuation are
// read alike. Dates without a year are in the notice's year, except that a December date
// in the 元旦 paragraph is in the year before.
//
// The text must be UTF-8 and at most [MaxNoticeSize] bytes. A line it cannot read, a
// weekday that does not match its date, a date outside the notice's year (other than the
// last days of the previous December), a day count that does not match the days named, or
// an adjusted working day that is not a Saturday or Sunday is refused with a
// [*NoticeError] naming the line; every such problem is reported at once.
func ParseNotice(text []byte) (Notice, error) {
	if len(text) > MaxNoticeSize {
		return Notice{}, fmt.Errorf("deadline: notice of %d bytes: a notice is at most %d", len(text), MaxNoticeSize)
	}
	p := &noticeParser{}
	for i, l := range strings.Split(string(text), "\n") {
		if !utf8.ValidString(l) {
			return Notice{}, &NoticeError{Line: i + 1, Problem: "not UTF-8 text"}
		}
		p.lines = append(p.lines, foldWidth(l))
	}
	n, err := p.parse()
	if err != nil {
		return Notice{}, err
	}
	return n, nil
}

// Arrangement returns the arrangement of an annual notice, named after its document
// number (or its title, without one), validated. It returns an error for an amending
// notice: apply that to the year's arrangement with [Arrangement.Amend].
func (n Notice) Arrangement() (Arrangement, error) {
	if n.Kind != NoticeAnnual {
		return Arrangement{}, fmt.Errorf("deadline: %s amends %d: apply it with Arrangement.Amend", n.name(), n.Year)
	}
	a := Arrangement{Year: n.Year, Notice: n.name(), Holidays: n.Holidays}.clone()
	if err := a.Validate(); err != nil {
		return Arrangement{}, fmt.Errorf("deadline: %s: %w", n.name(), err)
	}
	return a, nil
}

func (n Notice) name() string {
	if n.Number != "" {
		return n.Number
	}
	return n.Title
}

// Amend returns a copy of a amended by the notice n, of a's year: its holiday added
// (NoticeAdds) or put in place of the holiday of that name (NoticeReplaces), or, for
// NoticeExtends, the days from the day after the extended holiday's last day off to n.Until
// added as a holiday named after it with 延长, and taken out of any holiday's working days.
// This is how data/china.txt records 2015, 2019 and 2020. Holidays stay in date order; the
// notice's number is appended to a.Notice. A notice a already reflects (the embedded years
// do) changes nothing. It returns an error for an annual notice, a
// notice of another year, a holiday a does not have, and an amended arrangement that does
// not validate.
func (a Arrangement) Amend(n Notice) (Arrangement, error) {
	if n.Year != a.Year {
		return Arrangement{}, fmt.Errorf("deadline: %s amends %d, not %d", n.name(), n.Year, a.Year)
	}
	if (n.Kind == NoticeAdds || n.Kind == NoticeReplaces) && (len(n.Holidays) != 1 || len(n.Holidays[0].Off) == 0) {
		return Arrangement{}, fmt.Errorf("deadline: %s: an amending notice has one holiday with its days off", n.name())
	}
	b := a.clone()
	find := func(name string) int {
		return slices.IndexFunc(b.Holidays, func(h Holiday) bool { return h.Name == name })
	}
	switch n.Kind {
	case NoticeAdds:
		if i := find(n.Holidays[0].Name); i >= 0 {
			if !reflect.DeepEqual(b.Holidays[i], n.Holidays[0]) {
				return Arrangement{}, fmt.Errorf("deadline: %s adds %s, which %d has with other days", n.name(), n.Holidays[0].Name, a.Year)
			}
			break // already applied, as in the embedded calendar
		}
		b.Holidays = insertByDate(b.Holidays, n.Holidays[0].clone())
	case NoticeReplaces:
		i := find(n.Holidays[0].Name)
		if i < 0 {
			return Arrangement{}, fmt.Errorf("deadline: %s rearranges %s, which %d does not have", n.name(), n.Holidays[0].Name, a.Year)
		}
		b.Holidays[i] = n.Holidays[0].clone()
	case NoticeExtends:
		if i := find(n.Extended + "延长"); i >= 0 {
			if got := b.Holidays[i].Off; got[len(got)-1] != n.Until {
				return Arrangement{}, fmt.Errorf("deadline: %s extends %s to %s, but %d has it extended to %s", n.name(), n.Extended, n.Until, a.Year, got[len(got)-1])
			}
			break // already applied, as in the embedded calendar
		}
		i := find(n.Extended)
		if i < 0 || len(b.Holidays[i].Off) == 0 {
			return Arrangement{}, fmt.Errorf("deadline: %s extends %s, which %d does not have", n.name(), n.Extended, a.Year)
		}
		last := slices.MaxFunc(b.Holidays[i].Off, compareDates)
		if !last.Before(n.Until) {
			return Arrangement{}, fmt.Errorf("deadline: %s extends %s to %s, not after its last day off %s", n.name(), n.Extended, n.Until, last)
		}
		// data/china.txt: “春节延长 off 2020-01-31..2020-02-02”, and Saturday 1 February,
		// worked under the annual notice, is no longer listed as a working day.
		ext := Holiday{Name: n.Extended + "延长", Off: dateRange(last.AddDays(1), n.Until)}
		for j := range b.Holidays {
			b.Holidays[j].Work = slices.DeleteFunc(b.Holidays[j].Work, func(d Date) bool { return slices.Contains(ext.Off, d) })
		}
		b.Holidays = insertByDate(b.Holidays, ext)
	default:
		return Arrangement{}, fmt.Errorf("deadline: %s is an annual notice, not an amending one", n.name())
	}
	if !strings.Contains(a.Notice, n.name()) {
		b.Notice = strings.TrimSpace(a.Notice + " " + n.name())
	}
	if err := b.Validate(); err != nil {
		return Arrangement{}, fmt.Errorf("deadline: %s: %w", n.name(), err)
	}
	return b, nil
}

func (h Holiday) clone() Holiday {
	return Holiday{Name: h.Name, Off: slices.Clone(h.Off), Work: slices.Clone(h.Work)}
}

// insertByDate inserts h before the first holiday whose days off start after h's.
func insertByDate(hs []Holiday, h Holiday) []Holiday {
	i := slices.IndexFunc(hs, func(o Holiday) bool { return len(o.Off) > 0 && h.Off[0].Before(o.Off[0]) })
	if i < 0 {
		i = len(hs)
	}
	return slices.Insert(hs, i, h)
}

func compareDates(a, b Date) int { return a.days() - b.days() }

// dateRange returns the days from a to b inclusive.
func dateRange(a, b Date) []Date {
	var ds []Date
	for d := a; !b.Before(d); d = d.AddDays(1) {
		ds = append(ds, d)
	}
	return ds
}

// foldWidth folds the full-width punctuation and digits of the notices to ASCII and trims
// the indentation, so that text copied from gov.cn and from reprints reads alike.
func foldWidth(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + r - '０'
		case r == '：':
			return ':'
		case r == '，':
			return ','
		case r == '；':
			return ';'
		case r == '（':
			return '('
		case r == '）':
			return ')'
		case r == '\u3000' || r == '\u00a0' || r == '\t' || r == '\r':
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// excerpt returns the start of a line for an error message.
func excerpt(s string) string {
	const max = 16
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

// weekdayName maps the last character of 星期X and 周X to the day.
var weekdayName = map[rune]time.Weekday{
	'一': time.Monday, '二': time.Tuesday, '三': time.Wednesday, '四': time.Thursday,
	'五': time.Friday, '六': time.Saturday, '日': time.Sunday, '天': time.Sunday,
}
