package deadline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/deadline"
)

// amendments are the notices that amended a year after its annual notice (data/china.txt).
var amendments = map[int]string{2015: "2015-amend.txt", 2019: "2019-amend.txt", 2020: "2020-amend.txt"}

// readNotice parses a notice under testdata/notices.
func readNotice(t *testing.T, name string) deadline.Notice {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "notices", name))
	require.NoError(t, err)
	n, err := deadline.ParseNotice(b)
	require.NoError(t, err, name)
	return n
}

// fromNotices returns a year's arrangement as its notices set it.
func fromNotices(t *testing.T, year int) deadline.Arrangement {
	t.Helper()
	n := readNotice(t, fmt.Sprintf("%d.txt", year))
	require.Equal(t, deadline.NoticeAnnual, n.Kind)
	require.Equal(t, year, n.Year)
	a, err := n.Arrangement()
	require.NoError(t, err)
	if f, ok := amendments[year]; ok {
		a, err = a.Amend(readNotice(t, f))
		require.NoError(t, err)
	}
	return a
}

// The decisive test: every year's notices, read as published, give the embedded calendar,
// holiday by holiday, and, as one calendar, day by day (the last days of a December are
// set by the next year's notice).
func TestNoticesReproduceTheEmbeddedCalendar(t *testing.T) {
	china := deadline.China()
	first, last := china.Covered()
	var years []deadline.Arrangement
	for year := first; year <= last; year++ {
		want, ok := china.Arrangement(year)
		require.True(t, ok)
		_, err := os.Stat(filepath.Join("testdata", "notices", fmt.Sprintf("%d.txt", year)))
		require.NoError(t, err, "every year of the embedded calendar has its notice's text")
		t.Run(fmt.Sprint(year), func(t *testing.T) {
			got := fromNotices(t, year)
			require.Equal(t, want.Holidays, got.Holidays)
			require.Regexp(t, "^"+want.Notice, got.Notice)
			years = append(years, got)
		})
	}
	require.Len(t, years, last-first+1)
	cal, err := deadline.New(china.Location(), years...)
	require.NoError(t, err)
	for d := time.Date(first, 1, 1, 12, 0, 0, 0, china.Location()); d.Year() <= last; d = d.AddDate(0, 0, 1) {
		w1, err1 := china.IsWorkday(d)
		w2, err2 := cal.IsWorkday(d)
		require.NoError(t, err1)
		require.NoError(t, err2)
		require.Equal(t, w1, w2, "%s", d.Format(time.DateOnly))
	}
}

// Punctuation copied from reprints is often ASCII (":" for "：", "(" for "（"); it reads alike.
func TestNoticeReadsASCIIPunctuationAlike(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "notices", "2009.txt"))
	require.NoError(t, err)
	full, err := deadline.ParseNotice(b)
	require.NoError(t, err)
	ascii := []byte(foldASCII(string(b)))
	require.NotEqual(t, b, ascii)
	half, err := deadline.ParseNotice(ascii)
	require.NoError(t, err)
	require.Equal(t, full, half)
}

func foldASCII(s string) string {
	out := []rune(s)
	for i, r := range out {
		switch r {
		case '：':
			out[i] = ':'
		case '，':
			out[i] = ','
		case '（':
			out[i] = '('
		case '）':
			out[i] = ')'
		}
	}
	return string(out)
}

// Each refusal names the line it cannot read.
func TestParseNoticeRefusesNamingTheLine(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "notices", "2026.txt"))
	require.NoError(t, err)
	notice := strings.Split(string(b), "\n")
	with := func(line int, text string) string {
		l := slices.Clone(notice)
		l[line-1] = text
		return strings.Join(l, "\n")
	}
	for _, tc := range []struct{ name, text, want string }{
		{"empty text", "", "notice line 1: empty text"},
		{"not a notice", "关于开展差评整改的通知\n一、元旦：1月1日放假。", "notice line 1: want the title"},
		{"another notice of the State Council", "国务院关于印发某规划的通知\n", "notice line 1: not a holiday notice"},
		{"garbled paragraph", with(8, "二、春节：2月15日（周日）至23日放嘉，共9天。"), "notice line 8: cannot tell whether 2月15日 is a day off or a working day"},
		{"weekday does not match", with(7, "一、元旦：1月1日（周五）至3日（周六）放假调休，共3天。1月4日（周日）上班。"), "notice line 7: 1月1日 is a Thursday, not 周五"},
		{"date of another year", with(11, "五、端午节：2025年6月19日至21日放假，共3天。"), "notice line 11: 2025年6月19日 is not in 2026"},
		{"count does not match", with(9, "三、清明节：4月4日（周六）至6日（周一）放假，共4天。"), "notice line 9: 4 days, but the paragraph names 3 days off"},
		{"working day in the week", with(10, "四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月8日（周五）上班。"), "notice line 10: 5月8日 is a Friday"},
		{"no such date", with(12, "六、中秋节：9月31日放假。"), "notice line 12: 9月31日 is not a date"},
		{"paragraph without a name", with(12, "六、9月25日至27日放假，共3天。"), "notice line 12: a numbered paragraph without a holiday name"},
		{"day without a month", with(12, "六、中秋节：25日放假。"), "notice line 12: 25日 without a month"},
		{"not UTF-8", "国务院办公厅关于2026年部分节假日安排的通知\n\xff\xfe", "notice line 2: not UTF-8"},
		{"a holiday announced but not arranged", with(8, ""), "notice line 6: no paragraph arranges 春节"},
		{"a day two holidays name", with(11, "五、端午节：5月1日（周五）至3日（周日）放假，共3天。"), "notice line 11: 5月1日 is also named by 劳动节 (line 10)"},
		{"a holiday arranged twice", with(9, "三、春节：4月4日（周六）至6日（周一）放假，共3天。"), "notice line 9: 春节 is arranged twice (first on line 8)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := deadline.ParseNotice([]byte(tc.text))
			require.Error(t, err)
			require.Contains(t, err.Error(), "deadline: "+tc.want)
			var ne *deadline.NoticeError
			require.ErrorAs(t, err, &ne)
		})
	}
	_, err = deadline.ParseNotice(make([]byte, deadline.MaxNoticeSize+1))
	require.ErrorContains(t, err, "at most")
}

// An amending notice applies only to its year and to a holiday the year has.
func TestAmendRefusesAnotherYearOrHoliday(t *testing.T) {
	a, ok := deadline.China().Arrangement(2021)
	require.True(t, ok)
	_, err := a.Amend(readNotice(t, "2020-amend.txt"))
	require.ErrorContains(t, err, "amends 2020, not 2021")

	annual := readNotice(t, "2020.txt")
	_, err = a.Amend(annual)
	require.ErrorContains(t, err, "amends 2020, not 2021")
	b, err := annual.Arrangement()
	require.NoError(t, err)
	_, err = b.Amend(annual)
	require.ErrorContains(t, err, "annual notice")
	_, err = readNotice(t, "2019-amend.txt").Arrangement()
	require.ErrorContains(t, err, "Arrangement.Amend")
}

// The embedded years already include their amending notices: applying one again changes
// nothing.
func TestAmendTwiceChangesNothing(t *testing.T) {
	for year, f := range amendments {
		a, ok := deadline.China().Arrangement(year)
		require.True(t, ok)
		b, err := a.Amend(readNotice(t, f))
		require.NoError(t, err, f)
		require.Equal(t, a.Holidays, b.Holidays, f)
	}
}

func FuzzParseNotice(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "notices", "*.txt"))
	require.NoError(f, err)
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		n, err := deadline.ParseNotice(text)
		if err != nil {
			return
		}
		if n.Kind == deadline.NoticeAnnual {
			if a, err := n.Arrangement(); err == nil {
				_, err = deadline.New(time.UTC, a)
				require.NoError(t, err)
			}
		}
	})
}

// The 2004 notice, as reprinted, writes its ranges with a long dash (1月22日———28日).
func TestNoticeReadsARangeWithALongDash(t *testing.T) {
	n, err := deadline.ParseNotice([]byte("国务院办公厅关于2004年部分节假日安排的通知\n现将2004年“五一”放假调休日期具体安排通知如下：\n三、“五一”：5月1日———7日放假，共7天。5月8日、9日上班。\n"))
	require.NoError(t, err)
	require.Len(t, n.Holidays, 1)
	require.Equal(t, "2004-05-01", n.Holidays[0].Off[0].String())
	require.Len(t, n.Holidays[0].Off, 7)
}
