package caseflow_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// events returns the events of c's trail.
func events(c *caseflow.Case) []caseflow.Event {
	evs := make([]caseflow.Event, len(c.Trail))
	for i, e := range c.Trail {
		evs[i] = e.Event
	}
	return evs
}

// toRectifying takes a pushed case from intake to the window's meeting on Tuesday 2026-11-24.
func toRectifying(f *fixture) string { return toRectifyingAt(f, at(2026, 11, 24, 10, 0)) }

// toRectifyingAt takes a pushed case from intake to the window's meeting, registering it at t
// and taking the next steps within the same day.
func toRectifyingAt(f *fixture, t time.Time) string {
	id := f.receive("r1").ID
	f.step(id, t, clerk, registration)
	f.step(id, t.Add(time.Hour), clerk, justified)
	f.step(id, t.Add(90*time.Minute), clerk, caseflow.Transfer{})
	f.step(id, t.Add(5*time.Hour), staff, meeting)
	return id
}

func TestSystemPushedRectification(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30)) // a Tuesday
	id := toRectifying(f)
	f.step(id, at(2026, 11, 25, 16, 0), head, report)
	f.step(id, at(2026, 11, 26, 10, 0), clerk, verification)
	f.step(id, at(2026, 11, 26, 11, 0), boss, review1)
	f.step(id, at(2026, 11, 26, 15, 0), clerk, satisfied)
	f.step(id, at(2026, 11, 27, 9, 0), clerk, caseflow.CitySubmission{Reference: "融政监管报〔2026〕12号"})
	c := f.step(id, at(2026, 11, 27, 10, 0), clerk, caseflow.Archive{})

	assert.Equal(t, caseflow.StateArchived, c.State)
	assert.Equal(t, "已备案", c.StateLabel())
	assert.True(t, c.Closed())
	assert.Equal(t, []caseflow.Event{"receive", "register", "callback", "transfer", "meeting", "report", "verify",
		"leader_review", "recall", "submit_city", "archive"}, events(c))
	require.NoError(t, verify(c.Trail))
	assert.Empty(t, c.OpenDuties())
	assert.Zero(t, c.WarnAt)
	for _, d := range c.Duties {
		assert.True(t, d.OnTime, "duty %s", d.Kind)
		assert.False(t, d.Cancelled, "duty %s", d.Kind)
	}
	assert.Equal(t, caseflow.Finding{Verdict: caseflow.VerdictJustified, Causes: []caseflow.Cause{{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: "李四"}}}, c.Finding)
	assert.Equal(t, caseflow.AccountablePerson, c.Finding.Accountable())
	assert.Equal(t, at(2026, 11, 24, 11, 30), c.TransferredAt())
	assert.Equal(t, at(2026, 11, 27, 9, 0), c.SubmittedAt())
	assert.Equal(t, at(2026, 11, 27, 10, 0), c.ArchivedAt())
	signOff := c.LastEntry(caseflow.EventRegister) // Annex 4: 签收人, 签收时间
	assert.Equal(t, "王五", signOff.Actor.Name)
	assert.Equal(t, at(2026, 11, 24, 10, 0), signOff.Time)
	assert.Nil(t, c.LastEntry(caseflow.EventAppealMaterials))
	assert.Equal(t, verification, c.LastEntry(caseflow.EventOfficeVerify).Step, "records no form reads stay in the trail")
	assert.Equal(t, caseflow.DisclosureActive, c.Report.Disclosure)
	assert.Equal(t, "同意，报市督查科", c.LeaderOpinion)
	assert.True(t, c.ResultFollowUp.Satisfied)
	assert.Equal(t, taxWindow, c.ResponsibleWindow)
	assert.Equal(t, "center", c.Center())
}

func TestSystemPushedExtendedRectification(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	ext := report
	ext.Extension = &caseflow.Extension{Reason: "需更换评价设备，设备采购需时", Until: date(2026, 12, 11)}
	c := f.step(id, at(2026, 11, 25, 16, 0), head, ext)
	assert.Equal(t, caseflow.StateReported, c.State)
	rect := c.Duty(caseflow.DutyRectify)
	require.NotNil(t, rect)
	assert.Equal(t, at(2026, 12, 12, 0, 0), rect.Deadline.Due, "第五条: the window's own deadline, 24:00 of the date it gave")
	assert.Equal(t, caseflow.RoleWindowHead, rect.Owner)
	assert.Equal(t, "w-tax", rect.Org)

	f.step(id, at(2026, 11, 26, 10, 0), clerk, verification)
	f.step(id, at(2026, 11, 26, 11, 0), boss, review1)
	// 第八条: the second callback comes after rectification is complete.
	r := f.refused(id, clerk, satisfied, caseflow.ErrWrongState)
	assert.Contains(t, r.Error(), "整改完毕")
	// Annex 3: the report still reaches the city within 4 working days.
	c = f.step(id, at(2026, 11, 27, 9, 0), clerk, caseflow.CitySubmission{})
	assert.Equal(t, caseflow.StateExtended, c.State)
	assert.True(t, c.Duty(caseflow.DutyCityReport).OnTime)
	c = f.step(id, at(2026, 12, 10, 17, 0), head, caseflow.Rectification{Done: []string{"新评价设备已安装"}})
	assert.Equal(t, caseflow.StateRectified, c.State)
	assert.True(t, c.Duty(caseflow.DutyRectify).OnTime)
	f.step(id, at(2026, 12, 11, 9, 0), clerk, satisfied)
	c = f.step(id, at(2026, 12, 11, 10, 0), clerk, caseflow.Archive{})
	assert.Equal(t, caseflow.StateArchived, c.State)
	assert.Empty(t, c.OpenDuties())
}

func TestSystemPushedUnsatisfiedRecallSendsCaseBack(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	f.step(id, at(2026, 11, 25, 16, 0), head, report)
	f.step(id, at(2026, 11, 26, 10, 0), clerk, verification)
	f.step(id, at(2026, 11, 26, 11, 0), boss, review1)
	c := f.step(id, at(2026, 11, 26, 15, 0), clerk, caseflow.ResultFollowUp{Outcome: "评价人仍不满意", Satisfied: false})
	assert.Equal(t, caseflow.StateRectifying, c.State)
	assert.Equal(t, 1, c.Rounds())
	d := c.Duty(caseflow.DutyReport)
	require.True(t, d.Open())
	assert.Equal(t, at(2026, 11, 26, 15, 0), d.Deadline.Start, "第八条: another round, its report timed from the recall")
	assert.Equal(t, at(2026, 12, 1, 0, 0), d.Deadline.Due)
	f.step(id, at(2026, 11, 27, 16, 0), head, report)
	f.step(id, at(2026, 11, 27, 16, 30), clerk, verification)
	f.step(id, at(2026, 11, 27, 17, 0), boss, review1)
	f.step(id, at(2026, 11, 27, 17, 10), clerk, satisfied)
	c = f.step(id, at(2026, 11, 27, 17, 20), clerk, caseflow.CitySubmission{})
	assert.True(t, c.Duty(caseflow.DutyCityReport).OnTime, "4 working days from Tuesday's receipt end at 24:00 on Monday")
	c = f.step(id, at(2026, 11, 27, 17, 25), clerk, caseflow.Archive{})
	assert.Equal(t, caseflow.StateArchived, c.State)
}

// toAppealPending takes a mistaken review to the city's appeal review.
func toAppealPending(f *fixture) string {
	id := f.receive("r1").ID
	f.step(id, at(2026, 11, 24, 10, 0), clerk, registration)
	c := f.step(id, at(2026, 11, 24, 11, 0), clerk, mistaken)
	if c.Duty(caseflow.DutyAppealMaterials) != nil {
		f.t.Fatal("the appeal materials are owed once the case reaches the window")
	}
	c = f.step(id, at(2026, 11, 24, 11, 30), clerk, caseflow.Transfer{})
	d := c.Duty(caseflow.DutyAppealMaterials)
	if d.Owner != caseflow.RoleOrgLeader || d.Org != "tax-bureau" || !d.Deadline.Start.Equal(c.ReceivedAt) {
		f.t.Fatalf("第九条: the window's leader in charge owes the appeal materials from receipt, not %s %s %s", d.Owner, d.Org, d.Deadline.Start)
	}
	f.step(id, at(2026, 11, 25, 9, 0), taxLeader, materials)
	f.step(id, at(2026, 11, 25, 10, 0), clerk, caseflow.AppealConfirmation{Application: "经核实属误评，申请撤销"})
	f.step(id, at(2026, 11, 25, 11, 0), boss, caseflow.ApplicationReview{Opinion: "同意申诉"})
	f.step(id, at(2026, 11, 25, 15, 0), clerk, caseflow.AppealSubmission{Reference: "融政监管申〔2026〕3号"})
	return id
}

func TestSystemPushedAppealUpheld(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toAppealPending(f)
	c, err := f.svc.Get(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, caseflow.StateAppealPending, c.State)
	assert.Empty(t, c.OpenDuties(), "the city decides in its own time")
	for _, k := range []caseflow.DutyKind{caseflow.DutyAppealMaterials, caseflow.DutyAppealApplication, caseflow.DutyAppealToCity} {
		assert.True(t, c.Duty(k).OnTime, "第九条 duty %s", k)
	}
	c = f.step(id, at(2026, 11, 27, 10, 0), cityClerk, caseflow.CityDecision{Upheld: true, Reference: "柳政管督〔2026〕8号"})
	assert.Equal(t, caseflow.StateAnnulled, c.State)
	assert.Equal(t, caseflow.Finding{Verdict: caseflow.VerdictMistaken}, c.Finding)
	assert.Equal(t, caseflow.AccountableNone, c.Finding.Accountable(), "第十条: an annulled review costs no points")
	c = f.step(id, at(2026, 11, 27, 11, 0), clerk, caseflow.Archive{})
	assert.Equal(t, caseflow.StateArchived, c.State)
	assert.Equal(t, "经核实属误评，申请撤销", c.Appeal.Application)
	assert.Equal(t, "同意申诉", c.Appeal.Opinion)
	assert.Equal(t, "融政监管申〔2026〕3号", c.Appeal.Reference)
	assert.Equal(t, at(2026, 11, 25, 15, 0), c.Appeal.SubmittedAt)
	assert.Nil(t, c.Duty(caseflow.DutyCityReport), "no rectification report is owed for an annulled review")
}

func TestSystemPushedAppealRejectedRestartsDeadlines(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toAppealPending(f)
	decided := at(2026, 12, 2, 10, 0)
	c := f.step(id, decided, clerk, caseflow.CityDecision{Upheld: false, Reference: "柳政管督〔2026〕9号", Reason: "不属误评"})
	assert.Equal(t, caseflow.StateTransferred, c.State)
	assert.Equal(t, caseflow.VerdictJustified, c.Finding.Verdict)
	assert.Equal(t, caseflow.AccountableUndetermined, c.Finding.Accountable(), "the cause is for the report to find")
	for kind, due := range map[caseflow.DutyKind]deadline.Date{
		caseflow.DutyMeeting:    date(2026, 12, 2), // 第五条: 当日, from the decision
		caseflow.DutyReport:     date(2026, 12, 4), // 第五条: 2 working days from the decision
		caseflow.DutyCityReport: date(2026, 12, 8), // Annex 3: 4 working days, restarted
	} {
		d := c.Duty(kind)
		require.NotNil(t, d, "duty %s", kind)
		assert.Equal(t, decided, d.Deadline.Start, "duty %s", kind)
		assert.Equal(t, due.AddDays(1).In(haochaping.Location()), d.Deadline.Due, "duty %s", kind)
	}
	f.step(id, at(2026, 12, 2, 15, 0), staff, meeting)
	f.step(id, at(2026, 12, 3, 16, 0), head, report)
	f.step(id, at(2026, 12, 4, 10, 0), clerk, verification)
	f.step(id, at(2026, 12, 4, 11, 0), boss, review1)
	f.step(id, at(2026, 12, 4, 15, 0), clerk, satisfied)
	f.step(id, at(2026, 12, 7, 9, 0), clerk, caseflow.CitySubmission{})
	c = f.step(id, at(2026, 12, 7, 10, 0), clerk, caseflow.Archive{})
	assert.Equal(t, caseflow.StateArchived, c.State)
	assert.Empty(t, c.OpenDuties())
}

func TestSystemPushedAppealDeclinedByOffice(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	f.step(id, at(2026, 11, 24, 10, 0), clerk, registration)
	f.step(id, at(2026, 11, 24, 11, 0), clerk, mistaken)
	f.step(id, at(2026, 11, 24, 11, 30), clerk, caseflow.Transfer{})
	f.step(id, at(2026, 11, 25, 9, 0), taxLeader, materials)
	c := f.step(id, at(2026, 11, 25, 10, 0), clerk, caseflow.AppealDecline{Reason: "监控显示确有推诿"})
	assert.Equal(t, caseflow.StateTransferred, c.State)
	for _, k := range []caseflow.DutyKind{caseflow.DutyAppealToCity, caseflow.DutyAppealApplication} {
		d := c.Duty(k)
		assert.True(t, d.Cancelled, "duty %s: the appeal no longer goes to the city", k)
		assert.False(t, d.OnTime)
	}
	city := c.Duty(caseflow.DutyCityReport)
	assert.Equal(t, c.ReceivedAt, city.Deadline.Start, "Annex 3: 4 working days from receipt; only the city's rejection restarts it")
	assert.Equal(t, "监控显示确有推诿", c.Appeal.Declined)
	assert.True(t, c.Duty(caseflow.DutyMeeting).Open())
}

func TestUrgeKeepsStateAndIsAudited(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	c := f.step(id, at(2026, 11, 25, 9, 0), clerk, caseflow.Urge{Message: "请于明日报送调查整改报告"})
	assert.Equal(t, caseflow.StateRectifying, c.State)
	last := c.Trail[len(c.Trail)-1]
	assert.Equal(t, caseflow.EventUrge, last.Event)
	assert.Equal(t, caseflow.StateRectifying, last.From)
	assert.Equal(t, caseflow.StateRectifying, last.To)
	require.NoError(t, verify(c.Trail))
}

func TestOnSiteComplaintAtCenter(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	cp := caseflow.Complaint{ID: "cp-1", Complainant: haochaping.Reviewer{Name: "李雷", Phone: "13912345678"},
		Time: at(2026, 11, 24, 9, 20), Content: "窗口人员玩手机", Center: center, ServiceItem: "社保卡补办"}
	c, created, err := f.svc.Complain(ctx, clerk, cp)
	require.NoError(t, err)
	require.True(t, created)
	id := c.ID
	assert.Equal(t, caseflow.KindOnSiteComplaint, c.Kind)
	assert.Equal(t, "现场投诉，待登记受理", c.StateLabel())
	f.step(id, at(2026, 11, 24, 9, 40), clerk, caseflow.Registration{Content: "投诉窗口人员工作时间玩手机"})
	f.step(id, at(2026, 11, 24, 9, 50), clerk, caseflow.Assignment{ResponsibleWindow: taxWindow, Basis: "投诉所指窗口"})
	c = f.step(id, at(2026, 11, 24, 10, 0), clerk, caseflow.Transfer{})
	fb := c.Duty(caseflow.DutyFeedback)
	assert.Equal(t, at(2026, 11, 27, 0, 0), fb.Deadline.Due, "第四条（一）: feedback within 2 working days")
	assert.Equal(t, caseflow.RoleWindowHead, fb.Owner)
	report := report
	report.Finding = caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionEnvironment}}}
	f.step(id, at(2026, 11, 25, 16, 0), staff, report)
	f.step(id, at(2026, 11, 25, 17, 0), clerk, caseflow.LeaderReport{Summary: "已整改"})
	c = f.step(id, at(2026, 11, 26, 9, 0), clerk, caseflow.ResultFollowUp{Outcome: "投诉人满意", Satisfied: true})
	assert.Equal(t, "已回访投诉人，待备案", c.StateLabel())
	c = f.step(id, at(2026, 11, 26, 10, 0), clerk, caseflow.Archive{})
	assert.Equal(t, caseflow.StateArchived, c.State)
	assert.Equal(t, []caseflow.Event{"receive", "register", "assign", "transfer", "report", "report_leader", "recall", "archive"}, events(c))
	assert.Equal(t, caseflow.AccountableWindow, c.Finding.Accountable(), "第十条: the environment is the window's")
	assert.True(t, c.Duty(caseflow.DutyFeedback).OnTime)
	assert.True(t, c.Duty(caseflow.DutyAccept).OnTime, "an untimed duty is always on time")
	assert.False(t, c.Duty(caseflow.DutyAccept).Timed)
}

func TestOnSiteComplaintAtTownshipCentreLedByItsLeader(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	townLeader := caseflow.Actor{ID: "u-dj-1", Name: "陈二", Role: caseflow.RoleOrgLeader, Org: "dajiang"}
	townWindow := &haochaping.Window{ID: "w-dj-1", Name: "大将镇综合窗口", Kind: haochaping.SubCenterWindow, Center: "dajiang"}
	cp := caseflow.Complaint{Time: at(2026, 11, 24, 9, 20), Content: "排队时间长", Center: township}
	_, _, err := f.svc.Complain(ctx, clerk, cp)
	require.ErrorIs(t, err, caseflow.ErrWrongRole, "第四条（二）: the township's leader coordinates")
	c, created, err := f.svc.Complain(ctx, townLeader, cp)
	require.NoError(t, err)
	require.True(t, created)
	id := c.ID
	assert.Equal(t, caseflow.RoleOrgLeader, c.Duty(caseflow.DutyAccept).Owner)
	assert.Equal(t, "dajiang", c.Duty(caseflow.DutyAccept).Org)
	assert.Equal(t, "dajiang", c.Center())
	f.refused(id, clerk, caseflow.Registration{}, caseflow.ErrWrongRole)
	f.step(id, at(2026, 11, 24, 9, 40), townLeader, caseflow.Registration{})
	f.step(id, at(2026, 11, 24, 9, 50), townLeader, caseflow.Assignment{ResponsibleWindow: townWindow})
	c = f.step(id, at(2026, 11, 24, 10, 0), townLeader, caseflow.Inspection{Findings: "现场查看，取号机故障"})
	fb := c.Duty(caseflow.DutyFeedback)
	assert.Equal(t, caseflow.RoleOrgLeader, fb.Owner, "第四条（二）: the report goes out signed by the unit's leader")
	assert.Equal(t, "dajiang", fb.Org)
	assert.Equal(t, at(2026, 11, 24, 10, 0), c.TransferredAt(), "an inspection on the spot counts as the transfer")
	townHead := caseflow.Actor{ID: "u-dj-h", Name: "刘三", Role: caseflow.RoleWindowHead, Org: "w-dj-1"}
	report := report
	report.Finding = caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionEfficiency, ResponsiblePerson: "刘三"}}}
	f.refused(id, townHead, report, caseflow.ErrWrongRole)
	f.step(id, at(2026, 11, 25, 16, 0), townLeader, report)
	f.step(id, at(2026, 11, 25, 17, 0), clerk, caseflow.LeaderReport{Summary: "已修复取号机"})
	c = f.step(id, at(2026, 11, 26, 9, 0), clerk, caseflow.ResultFollowUp{Outcome: "投诉人仍不满意", Satisfied: false})
	assert.Equal(t, caseflow.StateHandling, c.State, "an unsatisfied complainant sends the case back")
	assert.True(t, c.Duty(caseflow.DutyFeedback).Open())
	f.step(id, at(2026, 11, 27, 9, 0), townLeader, report)
	f.step(id, at(2026, 11, 27, 10, 0), clerk, caseflow.LeaderReport{Summary: "再次整改"})
	f.step(id, at(2026, 11, 27, 11, 0), clerk, caseflow.ResultFollowUp{Outcome: "满意", Satisfied: true})
	c = f.step(id, at(2026, 11, 27, 12, 0), clerk, caseflow.Archive{})
	assert.Equal(t, caseflow.StateArchived, c.State)
}
