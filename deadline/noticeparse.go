package deadline

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// noticeParser reads the text of a notice; see ParseNotice for the wordings it knows.
type noticeParser struct {
	lines []string // width-folded and trimmed
	n     Notice
	errs  []error
}

// part is a piece of a paragraph on one line.
type part struct {
	line int // 0-based
	text string
}

// paragraph is a numbered paragraph of an annual notice (一、元旦：…) with the lines that
// continue it, or a paragraph of the body of an amending notice.
type paragraph struct {
	line  int
	name  string
	parts []part
}

// draft is a holiday being read.
type draft struct {
	Holiday
	until Date // NoticeExtends: the new last day off
	line  int  // its first line
}

func (p *noticeParser) bad(line int, format string, args ...any) {
	p.errs = append(p.errs, &NoticeError{Line: line + 1, Excerpt: excerpt(p.lines[line]), Problem: fmt.Sprintf(format, args...)})
}

func (p *noticeParser) parse() (Notice, error) {
	i, ok := p.header()
	if !ok {
		return Notice{}, errors.Join(p.errs...)
	}
	paras := p.paragraphs(i)
	var drafts []*draft
	switch p.n.Kind {
	case NoticeAnnual:
		for _, para := range paras {
			if para.name == "" {
				p.bad(para.line, "a numbered paragraph without a holiday name before the colon")
				continue
			}
			drafts = append(drafts, p.holiday(para))
		}
		if len(paras) == 0 {
			p.bad(i-1, "no numbered paragraph (一、元旦：…) follows")
		} else {
			p.checkNames(i, paras)
		}
	default:
		// An amending notice has one holiday, named by its title, in its whole body.
		body := paragraph{line: i - 1, name: p.n.Extended}
		if p.n.Kind != NoticeExtends {
			body.name = p.n.Holidays[0].Name
		}
		for _, para := range paras {
			body.parts = append(body.parts, para.parts...)
		}
		drafts = append(drafts, p.holiday(body))
	}
	if len(p.errs) > 0 {
		return Notice{}, errors.Join(p.errs...)
	}
	p.joinWeekends(drafts)
	if p.n.Kind == NoticeAnnual {
		p.checkOverlaps(drafts)
	}
	switch p.n.Kind {
	case NoticeExtends:
		d := drafts[0]
		if d.until == (Date{}) {
			p.bad(d.line, "an extension without its new last day off (延长…假期至X月X日)")
		}
		p.n.Until = d.until
	default:
		p.n.Holidays = nil
		for _, d := range drafts {
			if len(d.Off) == 0 {
				p.bad(d.line, "%s: no day off", d.Name)
			}
			p.n.Holidays = append(p.n.Holidays, d.Holiday)
		}
	}
	if len(p.errs) > 0 {
		return Notice{}, errors.Join(p.errs...)
	}
	return p.n, nil
}

// header reads the title and the document number, and returns the index of the next line.
func (p *noticeParser) header() (int, bool) {
	i := 0
	for i < len(p.lines) && p.lines[i] == "" {
		i++
	}
	if i == len(p.lines) {
		return 0, p.fail(0, "empty text: want a notice, starting with its title")
	}
	if !strings.HasPrefix(p.lines[i], "国务院") {
		return 0, p.fail(i, "want the title, 国务院办公厅关于…的通知")
	}
	first := i
	var title strings.Builder
	for ; i < len(p.lines) && i-first < 4; i++ {
		title.WriteString(strings.ReplaceAll(p.lines[i], " ", ""))
		if strings.HasSuffix(title.String(), "通知") {
			break
		}
	}
	if i == len(p.lines) || i-first == 4 {
		return 0, p.fail(first, "a title that does not end in 通知 within 4 lines")
	}
	p.n.Title = title.String()
	i++
	for i < len(p.lines) && p.lines[i] == "" {
		i++
	}
	if i < len(p.lines) {
		if l := strings.ReplaceAll(p.lines[i], " ", ""); strings.HasSuffix(l, "号") && strings.ContainsAny(l, "〔[") && utf8.RuneCountInString(l) <= 20 {
			p.n.Number = l
			i++
		}
	}
	if !p.kind(first) {
		return 0, false
	}
	return i, true
}

func (p *noticeParser) fail(line int, problem string) bool {
	if line >= len(p.lines) {
		line = len(p.lines) - 1
	}
	p.bad(line, "%s", problem)
	return false
}

// kind reads from the title what the notice does and to which year.
func (p *noticeParser) kind(line int) bool {
	t := p.n.Title
	year, rest, ok := titleYear(t)
	between := func(s, from, to string) string {
		_, after, _ := strings.Cut(s, from)
		before, _, _ := strings.Cut(after, to)
		return before
	}
	switch {
	case ok && strings.Contains(t, "部分节假日安排"):
		p.n.Kind = NoticeAnnual
	case ok && strings.Contains(t, "延长"):
		// 国务院办公厅关于延长2020年春节假期的通知
		p.n.Kind, p.n.Extended = NoticeExtends, between(rest, "", "假期")
	case ok && strings.Contains(t, "调整"):
		// 国务院办公厅关于调整2019年劳动节假期安排的通知
		p.n.Kind = NoticeReplaces
		p.n.Holidays = []Holiday{{Name: between(rest, "", "假期")}}
	case strings.Contains(t, "放假的通知"):
		// 国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知:
		// the title names the day but not the year, which the body's first full date gives.
		p.n.Kind = NoticeAdds
		name := strings.TrimSuffix(between(t, "关于", "放假的通知"), "调休")
		p.n.Holidays = []Holiday{{Name: name}}
		year, ok = p.bodyYear(line)
	default:
		return p.fail(line, "not a holiday notice: want 关于XXXX年部分节假日安排的通知, or a notice that extends, adjusts or adds a holiday")
	}
	if !ok || year < 1950 || year > 2200 {
		return p.fail(line, "no year between 1950 and 2200 in the title")
	}
	if name := p.n.Extended + nameOf(p.n.Holidays); name == "" || utf8.RuneCountInString(name) > 40 {
		if p.n.Kind != NoticeAnnual {
			return p.fail(line, "the title names no holiday")
		}
	}
	p.n.Year = year
	return true
}

func nameOf(hs []Holiday) string {
	if len(hs) == 0 {
		return ""
	}
	return hs[0].Name
}

// titleYear finds the first YYYY年 in s and returns the year and the text after it.
func titleYear(s string) (int, string, bool) {
	for i := 0; i+4 < len(s); i++ {
		if y, err := strconv.Atoi(s[i : i+4]); err == nil && s[i] != '+' && s[i] != '-' && strings.HasPrefix(s[i+4:], "年") {
			return y, s[i+4+len("年"):], true
		}
	}
	return 0, "", false
}

// bodyYear returns the year of the first date with a year after line.
func (p *noticeParser) bodyYear(line int) (int, bool) {
	for _, l := range p.lines[line:] {
		for s := l; ; {
			y, rest, ok := titleYear(s)
			if !ok {
				break
			}
			if r, _ := utf8.DecodeRuneInString(rest); r >= '0' && r <= '9' {
				return y, true
			}
			s = rest
		}
	}
	return 0, false
}

// paragraphs returns the paragraphs from line i to the signature. An annual notice's
// holidays are its numbered paragraphs; a line starting with a date continues the one
// before (some reprints break 一、元旦： from its dates). An amending notice's body is
// every paragraph.
func (p *noticeParser) paragraphs(i int) []paragraph {
	var paras []paragraph
	var cur *paragraph
	for ; i < len(p.lines); i++ {
		l := p.lines[i]
		body, numbered := cutNumber(l)
		switch {
		case l == "":
			cur = nil
		case l == "国务院办公厅" || l == "国务院" || isSignatureDate(l):
			return paras // the signature: the text ends here
		case numbered && p.n.Kind != NoticeAnnual:
			paras = append(paras, paragraph{line: i, parts: []part{{i, body}}})
			cur = nil
		case numbered:
			name, rest := holidayName(body)
			paras = append(paras, paragraph{line: i, name: name, parts: []part{{i, rest}}})
			cur = &paras[len(paras)-1]
		case cur != nil && l[0] >= '0' && l[0] <= '9':
			cur.parts = append(cur.parts, part{i, l})
		case p.n.Kind != NoticeAnnual:
			paras = append(paras, paragraph{line: i, parts: []part{{i, l}}})
			cur = nil
		default:
			cur = nil // the addressees, the preamble, the closing paragraph
		}
	}
	return paras
}

// cutNumber cuts the paragraph number 一、 (or 1、) from a line.
func cutNumber(l string) (body string, ok bool) {
	head, body, ok := strings.Cut(l, "、")
	if !ok || head == "" || utf8.RuneCountInString(head) > 3 {
		return l, false
	}
	for _, r := range head {
		if !strings.ContainsRune("一二三四五六七八九十0123456789", r) {
			return l, false
		}
	}
	return body, true
}

// holidayAlias returns a holiday's name as data/china.txt writes it, its quotes trimmed.
func holidayAlias(name string) string {
	name = strings.Trim(strings.TrimSpace(name), "“”\"'「」")
	switch {
	case name == "五一" || strings.Contains(name, "劳动节"):
		return "劳动节"
	case name == "十一":
		return "国庆节"
	}
	return name
}

// isSignatureDate reports whether a line is only a date, the date under the signature
// (2025年11月4日, 二〇一一年十二月五日).
func isSignatureDate(l string) bool {
	return strings.HasSuffix(l, "日") && strings.Contains(l, "年") && strings.Contains(l, "月") &&
		strings.Trim(l, "0123456789〇○零一二三四五六七八九十年月日") == ""
}

// everyYear are the holidays every annual notice since 2004 arranges.
var everyYear = []string{"元旦", "春节", "劳动节", "国庆节"}

// checkNames refuses an annual notice whose paragraphs arrange a holiday twice, or leave out
// one its preamble announces (现将2026年元旦、春节…和国庆节放假调休日期的具体安排通知如下) or,
// without a preamble, one every annual notice arranges: a notice with a paragraph lost in
// copying would otherwise make the holiday's days working days.
func (p *noticeParser) checkNames(from int, paras []paragraph) {
	seen := map[string]int{}
	for _, para := range paras {
		for _, n := range strings.FieldsFunc(para.name, isNameSeparator) {
			n = holidayAlias(n)
			if first, twice := seen[n]; twice {
				p.bad(para.line, "%s is arranged twice (first on line %d)", n, first+1)
			}
			seen[n] = para.line
		}
	}
	want, line := everyYear, paras[len(paras)-1].line
	for i := from; i < paras[0].line; i++ {
		_, after, ok := strings.Cut(p.lines[i], "现将")
		_, list, dated := strings.Cut(after, "年")
		list, _, announced := strings.Cut(list, "放假")
		if ok && dated && announced {
			want, line = nil, i
			for _, n := range strings.FieldsFunc(list, isNameSeparator) {
				want = append(want, holidayAlias(n))
			}
		}
	}
	for _, n := range want {
		if _, ok := seen[n]; !ok {
			p.bad(line, "no paragraph arranges %s", n)
		}
	}
}

// checkOverlaps refuses a day two paragraphs name: off in both, or off in one and worked
// in the other.
func (p *noticeParser) checkOverlaps(drafts []*draft) {
	named := map[Date]*draft{}
	for _, d := range drafts {
		for _, day := range slices.Concat(d.Off, d.Work) {
			if other, twice := named[day]; twice && other != d {
				p.bad(d.line, "%s is also named by %s (line %d)", cn(day), other.Name, other.line+1)
				continue
			}
			named[day] = d
		}
	}
}

func isNameSeparator(r rune) bool { return strings.ContainsRune("、和及", r) }

// holidayName cuts the holiday's name from a numbered paragraph: the text before the
// colon (元旦：), or before the first date where the colon is missing. The 2004–2007
// notices write Labour Day and National Day “五一” and “十一”, the 2008 one “五一”国际劳动节;
// data/china.txt writes them 劳动节 and 国庆节.
func holidayName(s string) (name, rest string) {
	name, rest, ok := strings.Cut(s, ":")
	if !ok {
		i := strings.IndexAny(s, "0123456789")
		if i < 0 {
			return "", s
		}
		name, rest = s[:i], s[i:]
	}
	name = holidayAlias(name)
	if utf8.RuneCountInString(name) > 40 {
		return "", s
	}
	return name, rest
}
