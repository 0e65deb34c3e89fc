package deadline_test

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/deadline"
)

// The worked examples of the measures. Days end at 24:00 by default: a duty due on
// 9 October is due at 00:00 on 10 October.
func TestDueWorkedExamples(t *testing.T) {
	c := deadline.China()
	cases := []struct {
		name  string
		start time.Time
		rule  deadline.Rule
		want  time.Time
	}{
		// A bad review received on 2026-09-30, the day before the National Day holiday.
		{"第五条 registered 当日, before the holiday", at(2026, 9, 30, 10, 0), deadline.SameDay(), d(2026, 10, 1)},
		{"第五条 report within 2 working days across 国庆", at(2026, 9, 30, 10, 0), deadline.Workdays(2), d(2026, 10, 10)},
		{"第九条 appeal materials within 1 working day across 国庆", at(2026, 9, 30, 10, 0), deadline.Workdays(1), d(2026, 10, 9)},
		{"附件3 report to the city within 4 working days, Saturday 10 October worked", at(2026, 9, 30, 10, 0), deadline.Workdays(4), d(2026, 10, 13)},
		{"第六条 callback 当日, received after the afternoon closed", at(2026, 9, 30, 17, 45), deadline.SameDay(), d(2026, 10, 9)},
		// One received on a Friday evening.
		{"第五条 当日 on a Friday evening is Monday", at(2026, 11, 20, 19, 0), deadline.SameDay(), d(2026, 11, 24)},
		{"第五条 2 working days from a Friday evening", at(2026, 11, 20, 19, 0), deadline.Workdays(2), d(2026, 11, 25)},
		{"第五条 当日 on Saturday is Monday", at(2026, 11, 21, 9, 0), deadline.SameDay(), d(2026, 11, 24)},
		{"第五条 当日 at 21:00 is the next working day", at(2026, 11, 24, 21, 0), deadline.SameDay(), d(2026, 11, 26)},
		{"第五条 当日 before the office opens is that day", at(2026, 11, 24, 7, 0), deadline.SameDay(), d(2026, 11, 25)},
		// One on a Sunday that is an adjusted working day.
		{"第五条 当日 on Sunday 20 September, a working day", at(2026, 9, 20, 10, 0), deadline.SameDay(), d(2026, 9, 21)},
		{"第五条 2 working days from Sunday 20 September", at(2026, 9, 20, 10, 0), deadline.Workdays(2), d(2026, 9, 23)},
		{"第四条 2 working days from Saturday 14 February, before 春节", at(2026, 2, 14, 16, 0), deadline.Workdays(2), d(2026, 2, 26)},
		{"第九条 appeal 1 working day from Sunday 4 January", at(2026, 1, 4, 11, 0), deadline.Workdays(1), d(2026, 1, 6)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.Due(tc.start, tc.rule)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestDueAtCloseOfOffice(t *testing.T) {
	c, err := deadline.China().WithDayEnd(deadline.CloseOfOffice)
	require.NoError(t, err)
	got, err := c.Due(at(2026, 9, 30, 10, 0), deadline.Workdays(2))
	require.NoError(t, err)
	assert.Equal(t, at(2026, 10, 9, 17, 30), got)
	got, err = c.Due(at(2026, 9, 30, 10, 0), deadline.SameDay())
	require.NoError(t, err)
	assert.Equal(t, at(2026, 9, 30, 17, 30), got)
	got, err = c.Due(at(2026, 9, 30, 17, 30), deadline.SameDay())
	require.NoError(t, err)
	assert.Equal(t, at(2026, 10, 8, 17, 30), got, "at 17:30 the afternoon has closed")
}

func TestSummerOfficeHours(t *testing.T) {
	summer := deadline.DefaultOfficeHours()
	summer.Summer = &deadline.Season{
		From:     deadline.MonthDay{Month: time.May, Day: 1},
		To:       deadline.MonthDay{Month: time.September, Day: 30},
		Sessions: []deadline.Session{{Start: 8 * time.Hour, End: 12 * time.Hour}, {Start: 15 * time.Hour, End: 18 * time.Hour}},
	}
	c, err := deadline.China().WithOfficeHours(summer)
	require.NoError(t, err)
	c, err = c.WithDayEnd(deadline.CloseOfOffice)
	require.NoError(t, err)
	got, err := c.Due(at(2026, 9, 29, 17, 45), deadline.SameDay())
	require.NoError(t, err)
	assert.Equal(t, at(2026, 9, 29, 18, 0), got, "summer: the afternoon closes at 18:00")
	got, err = c.Due(at(2026, 11, 24, 17, 45), deadline.SameDay())
	require.NoError(t, err)
	assert.Equal(t, at(2026, 11, 25, 17, 30), got, "winter: closed at 17:30")
	wt, err := c.WorkingTime(d(2026, 9, 29), d(2026, 9, 30))
	require.NoError(t, err)
	assert.Equal(t, 7*time.Hour, wt)

	wrap := deadline.DefaultOfficeHours()
	wrap.Summer = &deadline.Season{From: deadline.MonthDay{Month: time.November, Day: 1}, To: deadline.MonthDay{Month: time.February, Day: 28},
		Sessions: []deadline.Session{{Start: 9 * time.Hour, End: 16 * time.Hour}}}
	c, err = deadline.China().WithOfficeHours(wrap)
	require.NoError(t, err)
	for _, tc := range []struct {
		day  time.Time
		want time.Duration
	}{{d(2026, 1, 5), 7 * time.Hour}, {d(2026, 11, 2), 7 * time.Hour}, {d(2026, 3, 2), 7 * time.Hour}} {
		wt, err := c.WorkingTime(tc.day, tc.day.AddDate(0, 0, 1))
		require.NoError(t, err)
		assert.Equal(t, tc.want, wt, tc.day)
	}
	wt, err = c.WorkingTime(at(2026, 3, 2, 12, 0), at(2026, 3, 2, 15, 0))
	require.NoError(t, err)
	assert.Equal(t, 30*time.Minute, wt, "outside the season: the default sessions")
}

func TestOfficeHoursValidate(t *testing.T) {
	bad := []deadline.OfficeHours{
		{},
		{Sessions: []deadline.Session{{Start: 12 * time.Hour, End: 8 * time.Hour}}},
		{Sessions: []deadline.Session{{Start: 8 * time.Hour, End: 25 * time.Hour}}},
		{Sessions: []deadline.Session{{Start: 8 * time.Hour, End: 12 * time.Hour}, {Start: 11 * time.Hour, End: 13 * time.Hour}}},
		{Sessions: deadline.DefaultOfficeHours().Sessions, Summer: &deadline.Season{From: deadline.MonthDay{Month: 2, Day: 30}, To: deadline.MonthDay{Month: 9, Day: 30},
			Sessions: deadline.DefaultOfficeHours().Sessions}},
		{Sessions: deadline.DefaultOfficeHours().Sessions, Summer: &deadline.Season{From: deadline.MonthDay{Month: 5, Day: 1}, To: deadline.MonthDay{Month: 9, Day: 30}}},
	}
	for i, h := range bad {
		_, err := deadline.China().WithOfficeHours(h)
		assert.Error(t, err, "case %d", i)
	}
	_, err := deadline.China().WithOfficeHours(bad[3])
	assert.ErrorContains(t, err, "session 2 11:00–13:00 starts before session 1 ends")
	assert.Equal(t, "08:00–12:00", deadline.DefaultOfficeHours().Sessions[0].String())
}

func TestRules(t *testing.T) {
	assert.Equal(t, "当日", deadline.SameDay().Label())
	assert.Equal(t, "2个工作日内", deadline.Workdays(2).Label())
	assert.Equal(t, "不限时", deadline.Rule{}.Label())
	assert.Equal(t, "Rule(invalid)", deadline.Workdays(-1).Label())
	assert.Equal(t, "workdays:2", deadline.Workdays(2).String())
	assert.Equal(t, "Rule(invalid)", deadline.Workdays(-1).String())
	assert.False(t, deadline.Workdays(0).Valid())
	for _, r := range []deadline.Rule{deadline.SameDay(), deadline.Workdays(1), deadline.Workdays(4), {}} {
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back deadline.Rule
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, r, back)
	}
	b, err := json.Marshal(deadline.Rule{})
	require.NoError(t, err)
	assert.Equal(t, `"none"`, string(b), "the zero Rule sets no limit")
	_, err = json.Marshal(deadline.Workdays(-1))
	assert.Error(t, err)
	for _, s := range []string{`"workdays:0"`, `"workdays:x"`, `"today"`, `"workdays:251"`} {
		var r deadline.Rule
		assert.ErrorContains(t, json.Unmarshal([]byte(s), &r), "want same_day, none or workdays:n", s)
	}
	assert.True(t, deadline.Workdays(250).Valid())
	assert.False(t, deadline.Workdays(251).Valid(), "more than a working year is not a deadline")
	_, err = deadline.Workdays(251).MarshalText()
	assert.Error(t, err)
	for _, r := range []deadline.Rule{{}, deadline.Workdays(-1), deadline.Workdays(251)} {
		_, err := deadline.China().Due(at(2026, 3, 2, 9, 0), r)
		assert.ErrorContains(t, err, "want SameDay() or Workdays(n)")
	}
}

func TestRiskValidate(t *testing.T) {
	for _, r := range []deadline.Risk{{Share: -0.1}, {Share: 1.5}, {Remaining: -time.Minute}} {
		_, err := deadline.China().WithRisk(r)
		assert.Error(t, err)
	}
}

// Regression: the calendar keeps its own copy of the office hours.
func TestOfficeHoursAreCopied(t *testing.T) {
	h := deadline.DefaultOfficeHours()
	h.Summer = &deadline.Season{From: deadline.MonthDay{Month: time.May, Day: 1}, To: deadline.MonthDay{Month: time.September, Day: 30},
		Sessions: []deadline.Session{{Start: 8 * time.Hour, End: 12 * time.Hour}, {Start: 15 * time.Hour, End: 18 * time.Hour}}}
	c, err := deadline.China().WithOfficeHours(h)
	require.NoError(t, err)
	c, err = c.WithDayEnd(deadline.CloseOfOffice)
	require.NoError(t, err)
	h.Summer.Sessions = nil
	h.Sessions[0].Start = 20 * time.Hour
	got := c.OfficeHours()
	got.Sessions[0].Start = 20 * time.Hour
	got.Summer.Sessions[1].End = 23 * time.Hour
	due, err := c.Due(at(2026, 7, 1, 9, 0), deadline.SameDay())
	require.NoError(t, err)
	assert.Equal(t, at(2026, 7, 1, 18, 0), due)
	assert.NoError(t, c.OfficeHours().Validate())
}

func TestSettingsRefuseBadValues(t *testing.T) {
	_, err := deadline.China().WithDayEnd(deadline.DayEnd(9))
	assert.ErrorContains(t, err, "want Midnight or CloseOfOffice")
	_, err = deadline.China().WithRisk(deadline.Risk{Share: math.NaN()})
	assert.Error(t, err)
}
