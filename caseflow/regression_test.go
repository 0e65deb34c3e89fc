package caseflow_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// Regression: a reviewer still unsatisfied after the leader's review blocked the report to
// the city, whose limit (Annex 3: 4 working days from receipt) does not wait.
func TestCityReportDoesNotWaitForASatisfiedReviewer(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	f.step(id, at(2026, 11, 26, 16, 0), head, report) // 第七条 and Annex 3 agree: Monday 24:00
	f.step(id, at(2026, 11, 27, 10, 0), clerk, verification)
	f.step(id, at(2026, 11, 27, 11, 0), boss, review1)
	f.step(id, at(2026, 11, 27, 15, 0), clerk, caseflow.ResultFollowUp{Outcome: "仍不满意"})
	f.step(id, at(2026, 11, 30, 8, 30), head, report)
	f.step(id, at(2026, 11, 30, 9, 0), clerk, verification)
	f.step(id, at(2026, 11, 30, 9, 30), boss, review1)
	c := f.step(id, at(2026, 11, 30, 10, 0), clerk, caseflow.CitySubmission{})
	assert.Equal(t, caseflow.StateExtended, c.State)
	assert.True(t, c.Duty(caseflow.DutyCityReport).OnTime, "Monday is the 4th working day")
	c = f.step(id, at(2026, 11, 30, 15, 0), clerk, satisfied)
	assert.Equal(t, caseflow.StateSubmittedToCity, c.State)
	c = f.step(id, at(2026, 11, 30, 16, 0), clerk, caseflow.Archive{})
	assert.Equal(t, caseflow.StateArchived, c.State)
}

// Regression: the office's callback alone made a mistaken review cost nobody anything; only
// the city's decision annuls it (第九条).
func TestMistakenCallbackLeavesTheFindingOpen(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	f.step(id, at(2026, 11, 24, 10, 0), clerk, registration)
	c := f.step(id, at(2026, 11, 24, 11, 0), clerk, mistaken)
	assert.Equal(t, caseflow.AccountableUndetermined, c.Finding.Accountable())
	assert.Equal(t, caseflow.VerdictMistaken, c.FollowUp.Verdict)
}

// Regression: the leader's reviews were owed by nobody, so the leader's worklist was empty.
func TestLeaderOwesTheReviews(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	f.step(id, at(2026, 11, 25, 16, 0), head, report)
	c := f.step(id, at(2026, 11, 26, 10, 0), clerk, verification)
	d := c.Duty(caseflow.DutyLeaderReview)
	require.NotNil(t, d)
	assert.True(t, d.Open())
	assert.Equal(t, caseflow.RoleLeader, d.Owner)
	assert.Equal(t, c.Duty(caseflow.DutyCityReport).Deadline, d.Deadline,
		"第七条 sets the leader no limit of their own: the review is due with the city report it precedes")
	assert.Equal(t, "bound:cityReport", d.Limit)
	c = f.step(id, at(2026, 11, 26, 11, 0), boss, review1)
	assert.True(t, c.Duty(caseflow.DutyLeaderReview).OnTime)

	g := newFixture(t, at(2026, 11, 24, 9, 30))
	id = toAppealPending(g)
	c, err := g.svc.Get(ctx, id)
	require.NoError(t, err)
	d = c.Duty(caseflow.DutyApplicationReview)
	assert.Equal(t, caseflow.RoleLeader, d.Owner)
	assert.Equal(t, due(2026, 11, 25), d.Deadline.Due, "第九条: reviewed the day the application is written")
	assert.True(t, d.OnTime)
}

// Regression: every on-site complaint ended in a deduction, found founded or not (第十条:
// 经查属…).
func TestOnSiteReportMayFindTheComplaintUntrue(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	c, _, err := f.svc.Complain(ctx, clerk, caseflow.Complaint{Time: at(2026, 11, 24, 9, 0), Content: "说窗口乱收费", Center: center})
	require.NoError(t, err)
	id := c.ID
	f.step(id, at(2026, 11, 24, 9, 40), clerk, caseflow.Registration{})
	f.step(id, at(2026, 11, 24, 9, 50), clerk, caseflow.Assignment{ResponsibleWindow: taxWindow})
	f.step(id, at(2026, 11, 24, 10, 0), clerk, caseflow.Transfer{})
	untrue := report
	untrue.Finding = caseflow.Finding{Verdict: caseflow.VerdictUntrue}
	c = f.step(id, at(2026, 11, 25, 10, 0), head, untrue)
	assert.Equal(t, caseflow.AccountableNone, c.Finding.Accountable())

	g := newFixture(t, at(2026, 11, 24, 9, 30))
	pushed := toRectifying(g)
	r := g.refused(pushed, head, untrue, caseflow.ErrMissing)
	assert.Equal(t, "report.finding.verdict", r.Field, "a pushed review is annulled only on appeal")
}

// Regression: a window without its centre, or a department window without its department, left
// the appeal with no leader in charge who could act.
func TestWindowsNameTheirCenterAndDepartment(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	for field, w := range map[string]*haochaping.Window{
		"registration.responsibleWindow.center":     {ID: "w", Kind: haochaping.BusinessWindow},
		"registration.responsibleWindow.department": {ID: "w", Kind: haochaping.DepartmentWindow, Center: "center"},
	} {
		r := f.refused(id, clerk, caseflow.Registration{ResponsibleWindow: w, ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}, caseflow.ErrMissing)
		assert.Equal(t, field, r.Field)
	}
}

// Regression: a pointer step panicked, and a typed nil one too.
func TestPointerSteps(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	var none *caseflow.Report
	_, err := f.svc.Take(ctx, id, caseflow.Action{Actor: head, Step: none})
	assert.ErrorIs(t, err, caseflow.ErrMissing)
	ext := report
	ext.Extension = &caseflow.Extension{Reason: "采购", Until: date(2026, 12, 11)}
	f.clock.Set(at(2026, 11, 25, 16, 0))
	c, err := f.svc.Take(ctx, id, caseflow.Action{Actor: head, Step: &ext})
	require.NoError(t, err)
	assert.IsType(t, caseflow.Report{}, c.Trail[len(c.Trail)-1].Step)
	assert.NotNil(t, c.Duty(caseflow.DutyRectify))
}

// Regression: the case kept the caller's slices and window, so a caller reusing its buffers
// rewrote the stored case and broke its trail.
func TestCallerMayReuseWhatItPassed(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	w := *taxWindow
	reg := caseflow.Registration{ResponsibleWindow: &w, ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}
	ev := []caseflow.Evidence{caseflow.NewEvidence("a.jpg", "", []byte("a"))}
	f.clock.Set(at(2026, 11, 24, 10, 0))
	_, err := f.svc.Take(ctx, id, caseflow.Action{Actor: clerk, Step: reg, Evidence: ev})
	require.NoError(t, err)
	w.ID, reg.ReportedTo[0], ev[0].Name = "w-social", caseflow.RoleOffice, "b.jpg"
	c, err := f.svc.Get(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, "w-tax", c.ResponsibleWindow.ID)
	assert.Equal(t, caseflow.RoleLeader, c.Registration.ReportedTo[0])
	assert.Equal(t, "a.jpg", c.Trail[1].Evidence[0].Name)
	require.NoError(t, verify(c.Trail))
}

// Regression: an extension to a day off fell due before the date the window gave, and one
// beyond the calendar was a bare error naming no field.
func TestExtensionDeadlines(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	f.clock.Set(at(2026, 11, 25, 16, 0))
	for until, detail := range map[deadline.Date]string{
		date(2026, 12, 13): "working day",
		date(2027, 3, 1):   "calendar",
	} {
		ext := report
		ext.Extension = &caseflow.Extension{Reason: "采购", Until: until}
		r := f.refused(id, head, ext, caseflow.ErrMissing)
		assert.Equal(t, "report.extension.until", r.Field)
		assert.Contains(t, r.Detail, detail)
	}
}

// Regression: on-site refusals cited the articles of the pushed workflow.
func TestOnSiteRefusalsCiteArticleFour(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	c, _, err := f.svc.Complain(ctx, clerk, caseflow.Complaint{Time: at(2026, 11, 24, 9, 0), Content: "态度差", Center: center})
	require.NoError(t, err)
	id := c.ID
	f.step(id, at(2026, 11, 24, 9, 40), clerk, caseflow.Registration{})
	r := f.refused(id, clerk, caseflow.Assignment{ResponsibleWindow: &haochaping.Window{ID: "w", Kind: haochaping.BusinessWindow}}, caseflow.ErrMissing)
	assert.Equal(t, "附件2", r.Rule)
	f.step(id, at(2026, 11, 24, 9, 50), clerk, caseflow.Assignment{ResponsibleWindow: taxWindow})
	f.step(id, at(2026, 11, 24, 10, 0), clerk, caseflow.Transfer{})
	r = f.refused(id, head, caseflow.Report{Investigator: "孙八"}, caseflow.ErrMissing)
	assert.Equal(t, "第四条", r.Rule)
	f.step(id, at(2026, 11, 25, 10, 0), head, report)
	f.step(id, at(2026, 11, 25, 11, 0), clerk, caseflow.LeaderReport{Summary: "已整改", Opinion: "同意备案"})
	r = f.refused(id, clerk, caseflow.ResultFollowUp{Satisfied: true}, caseflow.ErrMissing)
	assert.Equal(t, "附件2", r.Rule)
	c, err = f.svc.Get(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, "同意备案", c.LeaderOpinion, "Annex 4's 分管领导意见 of an on-site case")
}

// Regression (issue 8): a future-dated complaint was refused with ErrMissing; one sentinel per
// condition, so it wraps haochaping.ErrFuture and not ErrMissing.
func TestFutureComplaintIsErrFuture(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	_, _, err := f.svc.Complain(ctx, clerk, caseflow.Complaint{Time: at(2026, 11, 24, 9, 32), Content: "态度差", Center: center})
	require.ErrorIs(t, err, haochaping.ErrFuture)
	assert.NotErrorIs(t, err, caseflow.ErrMissing)
	var r *caseflow.RefusalError
	require.ErrorAs(t, err, &r)
	assert.Equal(t, "complaint.time", r.Field)
	_, _, err = f.svc.Complain(ctx, clerk, caseflow.Complaint{Time: at(2026, 11, 24, 9, 31), Content: "态度差", Center: center})
	assert.NoError(t, err, "a minute of clock skew is allowed")
}

// Regression: a complaint dated next month, or with a malformed phone, was accepted.
func TestComplaintsAreValidated(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	cp := caseflow.Complaint{Time: at(2026, 12, 24, 9, 0), Content: "态度差", Center: center}
	_, _, err := f.svc.Complain(ctx, clerk, cp)
	assert.ErrorIs(t, err, haochaping.ErrFuture)
	assert.ErrorContains(t, err, "complaint.time")
	cp.Time = at(2026, 11, 24, 9, 0)
	cp.Complainant = haochaping.Reviewer{Phone: "12345", IDNumber: "123"}
	_, _, err = f.svc.Complain(ctx, clerk, cp)
	var fe *haochaping.FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorContains(t, err, "reviewer.phone")
	assert.ErrorContains(t, err, "reviewer.idNumber")
	assert.NotContains(t, err.Error(), "12345")
}

// Regression: Filter.Unit missed the cases of a department's window; it is now two fields,
// one meaning each.
func TestFilterByDepartment(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	toRectifying(f)
	for name, fl := range map[string]caseflow.Filter{
		"centre": {Center: "center"}, "department": {Department: "tax-bureau"}, "window": {Window: "w-tax"},
		"centre and department": {Center: "center", Department: "tax-bureau"},
	} {
		cs, _, err := f.svc.Store.List(ctx, fl, caseflow.Page{})
		require.NoError(t, err)
		assert.Len(t, cs, 1, name)
	}
	for name, fl := range map[string]caseflow.Filter{
		"a department is not a centre": {Center: "tax-bureau"}, "a centre is not a department": {Department: "center"},
	} {
		cs, _, err := f.svc.Store.List(ctx, fl, caseflow.Page{})
		require.NoError(t, err)
		assert.Empty(t, cs, name)
	}
}

// Regression: times with nanoseconds, or handed back in another zone, broke the hash chain
// of a store that keeps microseconds (PostgreSQL) or UTC.
func TestHashChainSurvivesStoredTimes(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30).Add(123456789))
	c := f.receive("r1")
	f.step(c.ID, at(2026, 11, 24, 10, 0).Add(987654321), clerk, registration)
	c, err := f.svc.Get(ctx, c.ID)
	require.NoError(t, err)
	for _, e := range c.Trail {
		assert.Zero(t, e.Time.Nanosecond()%1000, "kept to the microsecond")
	}
	stored, err := json.Marshal((*caseflow.StoredCase)(c))
	require.NoError(t, err)
	assert.NotContains(t, string(stored), "+08:00", "the storage codec writes times in UTC")
	back := roundTrip(t, c.Trail)
	for _, e := range back {
		assert.Equal(t, haochaping.Location(), e.Time.Location(), "read back in the zone cases are shown in")
		if in, ok := e.Step.(caseflow.Intake); ok {
			assert.Equal(t, haochaping.Location(), in.Review.Time.Location(), "the review's time too")
		}
		e.Time = e.Time.UTC() // a store that hands times back in UTC
	}
	require.NoError(t, verify(back))
}

// Regression: a test of the cancelled-context trap never reached the state machine, because
// the memory store refuses a cancelled context first. Here the store ignores cancellation,
// so the state machine gets the cancelled request, and must not be left stuck.
func TestCancelledRequestReachesTheStateMachine(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	f.svc.Store = deaf{f.svc.Store}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	// A step that changes the state: looplab/fsm sets up a transition only for those.
	f.clock.Set(at(2026, 11, 24, 10, 0))
	_, err := f.svc.Take(cancelled, id, caseflow.Action{Actor: clerk, Step: registration})
	require.NoError(t, err, "the state machine does not see the request's context")
	f.step(id, at(2026, 11, 24, 11, 0), clerk, justified)
}

// deaf is a store that ignores the cancellation of its context.
type deaf struct{ caseflow.Store }

func (d deaf) Get(_ context.Context, id string) (*caseflow.Case, error) {
	return d.Store.Get(context.Background(), id)
}

func (d deaf) Update(_ context.Context, c *caseflow.Case) error {
	return d.Store.Update(context.Background(), c)
}

// Regression: after an unsatisfied second callback the reviewed report could not go to the
// city until the window's new round was done, though the city's limit runs from receipt.
func TestCityReportDuringASecondRound(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	r := f.refused(id, clerk, caseflow.CitySubmission{}, caseflow.ErrWrongState)
	assert.Contains(t, r.Detail, "报告已审阅", "no reviewed report yet")
	f.step(id, at(2026, 11, 25, 16, 0), head, report)
	f.step(id, at(2026, 11, 26, 10, 0), clerk, verification)
	f.step(id, at(2026, 11, 26, 11, 0), boss, review1)
	f.step(id, at(2026, 11, 26, 15, 0), clerk, caseflow.ResultFollowUp{Outcome: "仍不满意"})
	c := f.step(id, at(2026, 11, 27, 10, 0), clerk, caseflow.CitySubmission{})
	assert.Equal(t, caseflow.StateRectifying, c.State, "the window's new round goes on")
	assert.True(t, c.Duty(caseflow.DutyCityReport).OnTime)
	f.step(id, at(2026, 11, 30, 16, 0), head, report)
	f.step(id, at(2026, 12, 1, 10, 0), clerk, verification)
	f.step(id, at(2026, 12, 1, 11, 0), boss, review1)
	f.step(id, at(2026, 12, 1, 15, 0), clerk, satisfied)
	f.step(id, at(2026, 12, 1, 16, 0), clerk, caseflow.CitySubmission{Reference: "整改结果续报"})
	c = f.step(id, at(2026, 12, 1, 17, 0), clerk, caseflow.Archive{})
	assert.Equal(t, caseflow.StateArchived, c.State)
}

// Regression: a review pushed again after the option list changed no longer validated, and
// came back as an error instead of the case already open.
func TestDuplicateThatNoLongerValidatesFindsItsCase(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	c := f.receive("r1")
	list, err := haochaping.ParseOptionList([]byte("@list\tcounty-2027\n@source\t某县2027年差评选项\n9.1\tattitude\t态度差\n"))
	require.NoError(t, err)
	f.svc.Options = list
	again, created, err := f.svc.Receive(ctx, review("r1", at(2026, 11, 24, 9, 20)))
	require.NoError(t, err)
	assert.False(t, created)
	assert.Equal(t, c.ID, again.ID)
}

// Regression: a Service made without NewService did not retry a conflicting step.
func TestZeroRetriesMeansTheDefault(t *testing.T) {
	now := at(2026, 11, 24, 9, 30)
	svc := &caseflow.Service{Store: caseflow.NewMemoryStore(), Now: func() time.Time { return now }}
	c, _, err := svc.Receive(ctx, review("r1", now.Add(-time.Minute)))
	require.NoError(t, err)
	errs := make(chan error, 16)
	for i := 0; i < 16; i++ {
		go func() {
			_, err := svc.Take(ctx, c.ID, caseflow.Action{Actor: clerk, Step: caseflow.Urge{Message: "请办理"}})
			errs <- err
		}()
	}
	for i := 0; i < 16; i++ {
		assert.NoError(t, <-errs)
	}
}

// Regression: a worklist encoded as JSON carried each case whole, the reviewer's data with it.
func TestWorklistJSONCarriesNoPersonalData(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	f.receive("r1")
	f.clock.Set(at(2026, 11, 25, 9, 0))
	ds, err := f.svc.AtRisk(ctx, caseflow.Filter{})
	require.NoError(t, err)
	b, err := json.Marshal(ds)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "13812345678")
	assert.NotContains(t, string(b), "张三丰")
	assert.Contains(t, string(b), `"state":"received"`)
	assert.Contains(t, string(b), `"standing":"overdue"`)
}

// Regression: at a township centre only the county office could urge; the centre's leader in
// charge coordinates there (第四条（二）).
func TestUrgeAtATownshipCentre(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	townLeader := caseflow.Actor{ID: "u-dj-1", Name: "陈二", Role: caseflow.RoleOrgLeader, Org: "dajiang"}
	c, _, err := f.svc.Complain(ctx, townLeader, caseflow.Complaint{Time: at(2026, 11, 24, 9, 0), Content: "排队久", Center: township})
	require.NoError(t, err)
	f.step(c.ID, at(2026, 11, 24, 10, 0), townLeader, caseflow.Urge{Message: "请尽快登记"})
	f.step(c.ID, at(2026, 11, 24, 10, 5), clerk, caseflow.Urge{Message: "县政管办督促"})
	r := f.refused(c.ID, townLeader, caseflow.Urge{}, caseflow.ErrMissing)
	assert.Equal(t, "第四条", r.Rule)
}
