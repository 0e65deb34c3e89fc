package caseflow_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// due returns 24:00 of the given date, the end of a day under the default calendar.
func due(y int, m time.Month, d int) time.Time {
	return date(y, m, d).AddDays(1).In(haochaping.Location())
}

// dueOf returns the due time of the latest duty of kind k.
func dueOf(t *testing.T, c *caseflow.Case, k caseflow.DutyKind) time.Time {
	t.Helper()
	d := c.Duty(k)
	require.NotNil(t, d, "no duty %s", k)
	require.True(t, d.Timed, "duty %s untimed", k)
	return d.Deadline.Due
}

func TestDeadlinesOfAPushedCase(t *testing.T) {
	for _, tc := range []struct {
		name                            string
		received                        time.Time
		sameDay, report, city, material time.Time
	}{
		{"第五条 第六条 a Tuesday morning: same day, 2 and 4 working days", at(2026, 11, 24, 9, 30),
			due(2026, 11, 24), due(2026, 11, 26), due(2026, 11, 30), due(2026, 11, 25)},
		{"当日 after office hours means the next working day", at(2026, 11, 27, 18, 30),
			due(2026, 11, 30), due(2026, 12, 2), due(2026, 12, 3), due(2026, 11, 30)},
		{"国庆: received 30 September, the 4th working day is Monday 12 October", at(2026, 9, 30, 10, 0),
			due(2026, 9, 30), due(2026, 10, 9), due(2026, 10, 12), due(2026, 10, 8)},
		{"春节: Saturday 14 February is worked before the holiday", at(2026, 2, 13, 10, 0),
			due(2026, 2, 13), due(2026, 2, 24), due(2026, 2, 26), due(2026, 2, 14)},
		{"received on a Sunday that is an adjusted working day", at(2026, 9, 20, 10, 0),
			due(2026, 9, 20), due(2026, 9, 22), due(2026, 9, 24), due(2026, 9, 21)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, tc.received)
			c := f.receive("r1")
			for _, k := range []caseflow.DutyKind{caseflow.DutyRegister, caseflow.DutyFollowUp, caseflow.DutyTransfer} {
				assert.Equal(t, tc.sameDay, dueOf(t, c, k), "duty %s", k)
				assert.Equal(t, caseflow.RoleOffice, c.Duty(k).Owner)
			}
			// Same day: register, call back and transfer on the day of receipt (its working
			// day); the window's 2 working days run from the transfer.
			day := tc.sameDay.Add(-14 * time.Hour)
			f.step(c.ID, day, clerk, registration)
			c = f.step(c.ID, day.Add(time.Minute), clerk, justified)
			assert.Equal(t, tc.city, dueOf(t, c, caseflow.DutyCityReport), "Annex 3: 4 working days from receipt")
			c = f.step(c.ID, day.Add(2*time.Minute), clerk, caseflow.Transfer{})
			assert.Equal(t, tc.sameDay, dueOf(t, c, caseflow.DutyMeeting), "第五条: the meeting the day of the transfer")
			assert.Equal(t, tc.report, dueOf(t, c, caseflow.DutyReport), "第五条: 2 working days")
			assert.Equal(t, "w-tax", c.Duty(caseflow.DutyReport).Org)

			g := newFixture(t, tc.received)
			m := g.receive("r2")
			g.step(m.ID, day, clerk, registration)
			g.step(m.ID, day.Add(time.Minute), clerk, mistaken)
			m = g.step(m.ID, day.Add(2*time.Minute), clerk, caseflow.Transfer{})
			assert.Equal(t, tc.material, dueOf(t, m, caseflow.DutyAppealMaterials), "第九条: 1 working day from receipt")
			assert.Equal(t, tc.material, dueOf(t, m, caseflow.DutyAppealToCity), "Annex 3: 1 working day from receipt")
		})
	}
}

func TestDeadlinesStartedByTheWindowAndTheAppeal(t *testing.T) {
	f := newFixture(t, at(2026, 9, 29, 9, 30)) // Tuesday before National Day
	id := toRectifyingAt(f, at(2026, 9, 29, 10, 0))
	c := f.step(id, at(2026, 9, 30, 16, 0), head, report)
	assert.Equal(t, due(2026, 10, 9), dueOf(t, c, caseflow.DutyOfficeReport), "第七条: 2 working days from the window's report, across the holiday")
	assert.Equal(t, at(2026, 9, 30, 16, 0), c.Duty(caseflow.DutyOfficeReport).Deadline.Start)

	g := newFixture(t, at(2026, 9, 29, 9, 30))
	m := g.receive("r2").ID
	g.step(m, at(2026, 9, 29, 10, 0), clerk, registration)
	g.step(m, at(2026, 9, 29, 10, 5), clerk, mistaken)
	g.step(m, at(2026, 9, 29, 10, 10), clerk, caseflow.Transfer{})
	c = g.step(m, at(2026, 9, 30, 17, 50), taxLeader, materials)
	assert.Equal(t, due(2026, 10, 8), dueOf(t, c, caseflow.DutyAppealApplication), "第九条 当日: materials arriving after hours are handled the next working day")
}

func TestDutiesRecordWhetherOnTime(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	// Registered the next day: late by the 第五条 same-day rule.
	c := f.step(id, at(2026, 11, 25, 9, 0), clerk, registration)
	reg := c.Duty(caseflow.DutyRegister)
	assert.False(t, reg.OnTime)
	assert.Equal(t, at(2026, 11, 25, 9, 0), c.ClosedAt(reg))
	assert.Equal(t, len(c.Trail), reg.ClosedBy)
	assert.Zero(t, c.ClosedAt(c.Duty(caseflow.DutyFollowUp)), "an open duty has no closing time")
	// Called back a day late as well.
	c = f.step(id, at(2026, 11, 25, 0, 0).Add(10*time.Hour), clerk, justified)
	assert.False(t, c.Duty(caseflow.DutyFollowUp).OnTime)
}

func TestDutyStatusesOnTimeAtRiskOverdue(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f) // report due 24:00 Thursday 26 November
	c, err := f.svc.Get(ctx, id)
	require.NoError(t, err)
	status := func(now time.Time) deadline.Status {
		f.clock.Set(now)
		ds, err := f.svc.Duties(c)
		require.NoError(t, err)
		for _, d := range ds {
			if d.Duty.Kind == caseflow.DutyReport {
				assert.Equal(t, id, d.Case.ID)
				assert.Equal(t, caseflow.StateRectifying, d.Case.State)
				return d.Status
			}
		}
		t.Fatal("no report duty")
		return deadline.Status{}
	}
	assert.Equal(t, deadline.OnTime, status(at(2026, 11, 25, 9, 0)).Standing)
	assert.Equal(t, deadline.AtRisk, status(at(2026, 11, 26, 16, 0)).Standing)
	over := status(at(2026, 11, 30, 9, 0))
	assert.Equal(t, deadline.Overdue, over.Standing)
	assert.Equal(t, 2, over.DaysOverdue, "Friday and Monday")
}

func TestAtRiskListsTheOfficesWorklist(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	stalled := toRectifying(f) // report due Thursday 24:00, city report Monday 24:00
	f.clock.Set(at(2026, 11, 26, 9, 0))
	fresh := f.receive("r2").ID // same-day duties due Thursday 24:00
	f.clock.Set(at(2026, 11, 26, 9, 5))
	_, _, err := f.svc.Complain(ctx, clerk, caseflow.Complaint{Time: at(2026, 11, 26, 9, 0), Content: "态度差", Center: center})
	require.NoError(t, err)

	f.clock.Set(at(2026, 11, 26, 17, 0))
	ds, err := f.svc.AtRisk(ctx, caseflow.Filter{})
	require.NoError(t, err)
	var got []string
	for _, d := range ds {
		got = append(got, d.Case.ID+" "+string(d.Duty.Kind)+" "+d.Status.Standing.Label())
	}
	assert.Equal(t, []string{
		stalled + " report 即将超期",
		fresh + " register 即将超期", fresh + " callback 即将超期", fresh + " transfer 即将超期",
	}, got, "soonest due first; the on-site complaint's untimed duty is not listed")

	f.clock.Set(at(2026, 11, 30, 10, 0))
	ds, err = f.svc.AtRisk(ctx, caseflow.Filter{Window: "w-tax"})
	require.NoError(t, err)
	require.Len(t, ds, 2)
	assert.Equal(t, caseflow.DutyReport, ds[0].Duty.Kind)
	assert.Equal(t, deadline.Overdue, ds[0].Status.Standing)
	assert.Equal(t, 2, ds[0].Status.DaysOverdue)
	assert.Equal(t, caseflow.DutyCityReport, ds[1].Duty.Kind)
	assert.Equal(t, deadline.AtRisk, ds[1].Status.Standing)
}

func TestPolicyOfAnotherCounty(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	p := caseflow.DefaultPolicy()
	p.Name, p.Version = "another-county", "2027-1"
	p.Report = deadline.Workdays(3)
	p.FollowUp = deadline.Workdays(1)
	require.NoError(t, p.Validate())
	f.svc.Policy = p
	id := toRectifying(f)
	c, err := f.svc.Get(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, due(2026, 11, 27), dueOf(t, c, caseflow.DutyReport))
	assert.Equal(t, "another-county", c.Rules.Policy, "第十二条: the case records the rules it runs under")
	assert.Equal(t, p.Digest(), c.Rules.PolicyDigest)

	p.Report = deadline.Workdays(-1)
	assert.ErrorContains(t, p.Validate(), "report")
	p = caseflow.DefaultPolicy()
	p.FollowUp = deadline.Rule{}
	assert.ErrorContains(t, p.Validate(), "followUp: the measures time this duty (第六条)", "第六条 times the follow-up")
}

func TestDefaultPolicyCitesTheMeasures(t *testing.T) {
	p := caseflow.DefaultPolicy()
	require.NoError(t, p.Validate())
	for k, want := range map[caseflow.DutyKind]string{
		caseflow.DutyRegister: "第五条", caseflow.DutyFollowUp: "第六条", caseflow.DutyReport: "第五条",
		caseflow.DutyOfficeReport: "第七条", caseflow.DutyCityReport: "附件3", caseflow.DutyAppealMaterials: "第九条",
		caseflow.DutyAppealApplication: "第九条", caseflow.DutyFeedback: "第四条",
	} {
		assert.Equal(t, want, k.Rule(), "duty %s", k)
		assert.NotContains(t, k.Label(), "DutyKind", "duty %s has a label", k)
	}
	assert.Equal(t, deadline.SameDay(), p.Register)
	assert.Equal(t, deadline.Workdays(2), p.Report)
	assert.Equal(t, deadline.Workdays(4), p.CityReport)
	assert.Equal(t, deadline.Workdays(1), p.AppealMaterials)
	assert.Equal(t, deadline.Workdays(1), p.AppealToCity)
	assert.Equal(t, deadline.SameDay(), p.AppealApplication)
	assert.Equal(t, deadline.SameDay(), p.ApplicationReview)
	assert.Equal(t, deadline.Rule{}, p.LeaderReview)
	assert.Equal(t, deadline.Workdays(2), p.Feedback)
	assert.Equal(t, deadline.Rule{}, p.Accept, "Annex 2 sets no limit for acceptance")
}

func TestDefaultCalendarKeepsCasesOpeningAfterItsLastNotice(t *testing.T) {
	f := newFixture(t, at(2027, 1, 5, 9, 30))
	f.svc.Calendar = caseflow.DefaultCalendar()
	c := f.receive("r1")
	assert.True(t, c.Duty(caseflow.DutyRegister).Deadline.Provisional, "2027 is provisional until its notice is embedded")

	g := newFixture(t, at(2027, 1, 5, 9, 30)) // deadline.China() alone does not cover 2027
	_, _, err := g.svc.Receive(ctx, review("r1", at(2027, 1, 5, 9, 20)))
	assert.ErrorIs(t, err, deadline.ErrNotCovered)
}

func TestPolicyJSONRoundTrip(t *testing.T) {
	p := caseflow.DefaultPolicy()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"report":"workdays:2"`)
	assert.Contains(t, string(b), `"accept":"none"`)
	var back caseflow.Policy
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p, back)
}

// The worklist of a long list is made in parts side by side; it comes out the same as one
// made in order: soonest due first, then in the store's order.
func TestAtRiskOverManyCases(t *testing.T) {
	f := newFixture(t, at(2026, 11, 2, 9, 0))
	n := 0
	f.svc.NewID = func(caseflow.Kind, time.Time) string { n++; return fmt.Sprintf("c%05d", n) }
	for i := 0; i < 9000; i++ {
		now := at(2026, 11, 2, 8, 0).Add(time.Duration(i) * 3 * time.Minute)
		f.clock.Set(now)
		_, _, err := f.svc.Receive(ctx, review(fmt.Sprint("r", i), now.Add(-time.Minute)))
		require.NoError(t, err)
	}
	f.clock.Set(at(2026, 11, 30, 9, 0))
	ds, err := f.svc.AtRisk(ctx, caseflow.Filter{Open: true})
	require.NoError(t, err)
	require.Len(t, ds, 9000*3, "three same-day duties a case, all overdue")
	for i := 1; i < len(ds); i++ {
		a, b := ds[i-1], ds[i]
		if !a.Duty.Deadline.Due.Equal(b.Duty.Deadline.Due) {
			require.True(t, a.Duty.Deadline.Due.Before(b.Duty.Deadline.Due), "at %d", i)
			continue
		}
		require.True(t, a.Case.ID < b.Case.ID || a.Case == b.Case && a.Duty.StartedBy <= b.Duty.StartedBy && a.Duty.Kind != b.Duty.Kind, "at %d: %s %s then %s %s", i, a.Case.ID, a.Duty.Kind, b.Case.ID, b.Duty.Kind)
	}
}
