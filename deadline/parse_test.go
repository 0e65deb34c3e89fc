package deadline_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/deadline"
)

// A year in the JSON format of holiday-cn, written here by hand.
const holidayCN2027 = `{
  "year": 2027,
  "papers": ["a notice"],
  "days": [
    {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
    {"name": "元旦", "date": "2027-01-02", "isOffDay": true},
    {"name": "元旦", "date": "2027-01-03", "isOffDay": true},
    {"name": "春节", "date": "2027-01-31", "isOffDay": false},
    {"name": "春节", "date": "2027-02-06", "isOffDay": true},
    {"name": "春节", "date": "2027-02-05", "isOffDay": true},
    {"name": "春节", "date": "2027-02-08", "isOffDay": true}
  ]
}`

func TestParseHolidayCN(t *testing.T) {
	a, err := deadline.ParseHolidayCN([]byte(holidayCN2027))
	require.NoError(t, err)
	assert.Equal(t, 2027, a.Year)
	assert.Equal(t, "a notice", a.Notice)
	require.Len(t, a.Holidays, 2)
	assert.Equal(t, deadline.Holiday{Name: "春节",
		Off:  []deadline.Date{date(2027, 2, 5), date(2027, 2, 6), date(2027, 2, 8)},
		Work: []deadline.Date{date(2027, 1, 31)}}, a.Holidays[1], "sorted")

	c, err := deadline.China().With(a)
	require.NoError(t, err)
	_, last := c.Covered()
	assert.Equal(t, 2027, last)
	ok, err := c.IsWorkday(d(2027, 1, 31))
	require.NoError(t, err)
	assert.True(t, ok, "Sunday 31 January 2027 worked")
	_, last = deadline.China().Covered()
	assert.Equal(t, 2026, last, "China() is unchanged")
}

// Bad data gets an error naming the date.
func TestParseHolidayCNBadData(t *testing.T) {
	cases := map[string]struct{ json, want string }{
		"make-up day on a weekday": {`{"year":2026,"days":[{"name":"春节","date":"2026-02-16","isOffDay":false}]}`,
			"春节, working day 2026-02-16: an adjusted working day must be a Saturday or Sunday, not a Monday"},
		"date outside the year": {`{"year":2026,"days":[{"name":"国庆节","date":"2027-10-01","isOffDay":true}]}`,
			"国庆节, off day 2027-10-01: outside the year 2026"},
		"too early in the year before": {`{"year":2026,"days":[{"name":"元旦","date":"2025-12-20","isOffDay":true}]}`,
			"2025-12-20: outside the year 2026"},
		"duplicate": {`{"year":2026,"days":[{"name":"元旦","date":"2026-01-01","isOffDay":true},{"name":"元旦","date":"2026-01-01","isOffDay":true}]}`,
			"2026-01-01: named twice"},
		"off and work": {`{"year":2026,"days":[{"name":"a","date":"2026-01-03","isOffDay":true},{"name":"b","date":"2026-01-03","isOffDay":false}]}`,
			"b, working day 2026-01-03: named twice (also a off)"},
		"empty year":   {`{"year":2027,"papers":[],"days":[]}`, "no holidays; is the year's notice out yet?"},
		"no year":      {`{"days":[]}`, `field "year" is missing`},
		"bad date":     {`{"year":2026,"days":[{"name":"a","date":"2026-02-30","isOffDay":true}]}`, `date "2026-02-30"`},
		"missing flag": {`{"year":2026,"days":[{"name":"a","date":"2026-02-03"}]}`, "days[0] needs name, date and isOffDay"},
		"not JSON":     {`{"year":`, "holiday-cn: unexpected end"},
		"odd year":     {`{"year":99999,"days":[{"name":"a","date":"2026-02-03","isOffDay":true}]}`, "want a year between 1950 and 2200"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := deadline.ParseHolidayCN([]byte(tc.json))
			assert.ErrorContains(t, err, tc.want)
		})
	}
}

func TestParseArrangements(t *testing.T) {
	as, err := deadline.ParseArrangements([]byte("# x\nyear 2027 国办发明电〔2026〕1号\n元旦 off 2027-01-01..2027-01-03\n春节 off 2027-02-05..2027-02-13 work 2027-01-31 2027-02-14\n"))
	require.NoError(t, err)
	require.Len(t, as, 1)
	assert.Equal(t, "国办发明电〔2026〕1号", as[0].Notice)
	assert.Len(t, as[0].Holidays[1].Off, 9)
	assert.Equal(t, []deadline.Date{date(2027, 1, 31), date(2027, 2, 14)}, as[0].Holidays[1].Work)

	as, err = deadline.ParseArrangements([]byte("year 2027 provisional\n元旦 off 2027-01-01\n"))
	require.NoError(t, err)
	assert.True(t, as[0].Provisional)
}

func TestParseArrangementsErrorsNameTheLine(t *testing.T) {
	cases := map[string]struct{ text, want string }{
		"holiday first":  {"元旦 off 2027-01-01\n", "line 1: a holiday before the first year line"},
		"year line":      {"year 2027\n", "line 1: want: year YYYY <notice>"},
		"year number":    {"year MMXXVII x\n", `line 1: year "MMXXVII" is not a number`},
		"no off":         {"year 2027 x\n元旦 2027-01-01\n", "line 2: want: <name> off"},
		"bad date":       {"year 2027 x\n元旦 off 2027-13-01\n", `line 2: date "2027-13-01"`},
		"bad range end":  {"year 2027 x\n元旦 off 2027-01-01..2027-01-32\n", `line 2: date "2027-01-32"`},
		"reversed range": {"year 2027 x\n元旦 off 2027-01-03..2027-01-01\n", "line 2: range 2027-01-03..2027-01-01"},
		"long range":     {"year 2027 x\n元旦 off 2027-01-01..2027-03-01\n", "at most 31 days"},
		"bad work word":  {"year 2027 x\n元旦 off 2027-01-01 worked 2027-01-02\n", "want: work <dates>"},
		"work no dates":  {"year 2027 x\n元旦 off 2027-01-01 work\n", "want: work <dates>"},
		"bad work date":  {"year 2027 x\n元旦 off 2027-01-01 work 2027-1-2\n", `date "2027-1-2"`},
		"weekday work":   {"year 2027 x\n元旦 off 2027-01-01 work 2027-01-04\n", "working day 2027-01-04: an adjusted working day must be a Saturday or Sunday, not a Monday"},
		"empty":          {"# nothing\n", "no year line"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := deadline.ParseArrangements([]byte(tc.text))
			assert.ErrorContains(t, err, tc.want)
		})
	}
}

func TestWithChecksYears(t *testing.T) {
	a, err := deadline.ParseArrangements([]byte("year 2028 x\n元旦 off 2028-01-01\n"))
	require.NoError(t, err)
	_, err = deadline.China().With(a...)
	assert.ErrorContains(t, err, "years 2027 to 2027 are missing")
	_, err = deadline.China().With(a[0], a[0])
	assert.ErrorContains(t, err, "year 2028 given twice")
	_, err = deadline.New(nil, a...)
	assert.ErrorContains(t, err, "needs a location")
	_, err = deadline.New(time.UTC)
	assert.ErrorContains(t, err, "at least one year")

	// Replacing a year: a county that knows better can correct one.
	fix, err := deadline.ParseArrangements([]byte("year 2026 corrected\n元旦 off 2026-01-01..2026-01-03\n"))
	require.NoError(t, err)
	c, err := deadline.China().With(fix...)
	require.NoError(t, err)
	ok, err := c.IsWorkday(d(2026, 10, 1))
	require.NoError(t, err)
	assert.True(t, ok, "the replaced 2026 has no 国庆")
	got, _ := c.Arrangement(2026)
	assert.Equal(t, "corrected", got.Notice)
}

// A calendar in a zone with daylight saving time uses the slow path and gives the same days.
func TestCalendarInAZoneWithDST(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no zone database")
	}
	a, _ := deadline.China().Arrangement(2026)
	c, err := deadline.New(ny, a)
	require.NoError(t, err)
	ok, err := c.IsWorkday(time.Date(2026, 10, 1, 23, 0, 0, 0, ny))
	require.NoError(t, err)
	assert.False(t, ok)
	got, err := c.AddWorkdays(time.Date(2026, 9, 30, 9, 0, 0, 0, ny), 1)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 10, 8, 0, 0, 0, 0, ny), got)
}

func TestDate(t *testing.T) {
	assert.Equal(t, time.Thursday, date(1970, 1, 1).Weekday())
	assert.Equal(t, time.Wednesday, date(1969, 12, 31).Weekday())
	for day := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() < 2201; day = day.AddDate(0, 0, 13) {
		dt := deadline.DateOf(day, time.UTC)
		require.Equal(t, day.Weekday(), dt.Weekday(), dt)
		require.Equal(t, day.AddDate(0, 0, 400).Format(time.DateOnly), dt.AddDays(400).String())
		require.Equal(t, day, dt.In(time.UTC))
	}
	_, err := deadline.ParseDate("2026/01/01")
	assert.ErrorContains(t, err, "want YYYY-MM-DD")
}

func FuzzParseHolidayCN(f *testing.F) {
	f.Add([]byte(holidayCN2027))
	f.Add([]byte(`{"year":2026,"days":[{"name":"a","date":"2026-02-16","isOffDay":false}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := deadline.ParseHolidayCN(data)
		if err != nil {
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("parsed an invalid arrangement: %v", err)
		}
		if _, err := deadline.New(time.UTC, a); err != nil {
			t.Fatalf("a valid arrangement does not build a calendar: %v", err)
		}
	})
}

func FuzzParseArrangements(f *testing.F) {
	f.Add([]byte("year 2027 x\n元旦 off 2027-01-01..2027-01-03 work 2027-01-09\n"))
	f.Add([]byte("year 2027 provisional\n春节 off 2027-02-05..2027-02-13 work 2027-01-31 2027-02-14\nyear 2028 y\n元旦 off 2028-01-01\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		as, err := deadline.ParseArrangements(data)
		if err != nil {
			return
		}
		for _, a := range as {
			if err := a.Validate(); err != nil {
				t.Fatalf("parsed an invalid arrangement: %v", err)
			}
		}
		_, _ = deadline.New(time.UTC, as...) // may fail for a gap or a repeated year, must not panic
	})
}

// The calendar keeps its own copy of the arrangements: changing the caller's slices, or the
// copy Arrangement returns, changes nothing.
func TestCalendarSharesNoSlices(t *testing.T) {
	as, err := deadline.ParseArrangements([]byte("year 2027 x\n元旦 off 2027-01-01..2027-01-03\n"))
	require.NoError(t, err)
	c, err := deadline.New(cst, as...)
	require.NoError(t, err)
	as[0].Holidays[0].Off[0] = date(2027, 3, 1)
	got, _ := c.Arrangement(2027)
	assert.Equal(t, date(2027, 1, 1), got.Holidays[0].Off[0])
	got.Holidays[0].Off[0] = date(2027, 3, 1)
	again, _ := c.Arrangement(2027)
	assert.Equal(t, date(2027, 1, 1), again.Holidays[0].Off[0])
	c2, err := c.With()
	require.NoError(t, err)
	ok, err := c2.IsWorkday(d(2027, 3, 1))
	require.NoError(t, err)
	assert.True(t, ok)
}

func FuzzRuleUnmarshalText(f *testing.F) {
	for _, s := range []string{"same_day", "workdays:2", "workdays:250", "workdays:-1", "workdays:99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var r deadline.Rule
		if r.UnmarshalText([]byte(s)) != nil {
			return
		}
		b, err := r.MarshalText()
		if err != nil || !r.Valid() {
			t.Fatalf("%q decoded to an invalid rule %v: %v", s, r, err)
		}
		if _, err := deadline.China().Due(d(2010, 3, 2), r); err != nil {
			t.Fatalf("%q (%s): %v", s, b, err)
		}
	})
}
