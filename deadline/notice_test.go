package deadline_test

import (
	"fmt"
	"os"
	"path/filepath"
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
		t.Run(fmt.Sprint(year), func(t *testing.T) {
			got := fromNotices(t, year)
			want, ok := china.Arrangement(year)
			require.True(t, ok)
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
