package caseflow_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// 第七条 and Annex 3: the report reaches the city within 2 working days of the window's report
// (第七条) and within 4 working days of receipt (Annex 3), so it falls due at the earlier.
func TestCityReportEarlierOfTwoLimits_第七条_附件3(t *testing.T) {
	t.Run("第七条 wins: the window reports the day after receipt", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30)) // Tuesday: Annex 3 says Monday 30th
		id := toRectifying(f)
		c := f.step(id, at(2026, 11, 25, 10, 0), head, report) // 第七条: Friday 27th
		d := c.Duty(caseflow.DutyCityReport)
		assert.Equal(t, due(2026, 11, 27), d.Deadline.Due)
		assert.Equal(t, "cityReportFromReport", d.Limit)
		assert.Equal(t, c.Trail[len(c.Trail)-1].Seq, d.RetimedBy, "the report re-timed the duty")
		assert.False(t, d.Cancelled)
		c = f.step(id, at(2026, 11, 26, 10, 0), clerk, verification)
		lr := c.Duty(caseflow.DutyLeaderReview)
		assert.Equal(t, due(2026, 11, 27), lr.Deadline.Due, "第七条: the leader reviews before the report goes to the city")
	})
	t.Run("附件3 wins: the window reports late", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		id := toRectifying(f)
		c := f.step(id, at(2026, 11, 27, 10, 0), head, report) // 第七条 would say Tuesday 1st
		d := c.Duty(caseflow.DutyCityReport)
		assert.Equal(t, due(2026, 11, 30), d.Deadline.Due, "Annex 3: 4 working days from receipt")
		assert.Equal(t, "cityReport", d.Limit)
		assert.Zero(t, d.RetimedBy)
	})
	t.Run("the two limits fall at the same instant: the first stands", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		id := toRectifying(f)
		c := f.step(id, at(2026, 11, 26, 16, 0), head, report) // both say Monday 30th, 24:00
		d := c.Duty(caseflow.DutyCityReport)
		assert.Equal(t, due(2026, 11, 30), d.Deadline.Due)
		assert.Equal(t, "cityReport", d.Limit, "not re-timed at a tie")
		assert.Zero(t, d.RetimedBy)
	})
	t.Run("both limits are policy fields", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		p := caseflow.DefaultPolicy()
		p.CityReportFromReport = deadline.Workdays(5)
		f.svc.Policy = p
		id := toRectifying(f)
		c := f.step(id, at(2026, 11, 25, 10, 0), head, report)
		assert.Equal(t, due(2026, 11, 30), c.Duty(caseflow.DutyCityReport).Deadline.Due)
	})
}

// closeToAfterReview takes a case to the leader's review of its first report.
func closeToAfterReview(f *fixture) string {
	id := toRectifying(f)
	f.step(id, at(2026, 11, 25, 16, 0), head, report)
	f.step(id, at(2026, 11, 26, 10, 0), clerk, verification)
	f.step(id, at(2026, 11, 26, 11, 0), boss, review1)
	return id
}

// 第八条 makes the window answer for the reviewer's satisfaction and says nothing of a reviewer
// who cannot be brought to it; each closing reason has its threshold in the Policy, and the
// leader in charge decides.
func TestClosingWithoutASatisfiedReviewer_第八条(t *testing.T) {
	attempt := func(r caseflow.ContactResult) caseflow.ContactAttempt {
		return caseflow.ContactAttempt{Channel: "电话", Result: r}
	}
	approve := caseflow.ClosureDecision{Approved: true, Opinion: "同意结案"}
	t.Run("无法联系: three attempts, the leader approves, the city report, the archive", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		id := closeToAfterReview(f)
		proposal := caseflow.ClosureProposal{Reason: caseflow.ClosureUnreachable, Explanation: "三次致电均无人接听"}
		f.step(id, at(2026, 11, 26, 14, 0), clerk, attempt(caseflow.ContactNoAnswer))
		f.step(id, at(2026, 11, 26, 16, 0), clerk, attempt(caseflow.ContactWrongNumber))
		r := f.refused(id, clerk, proposal, caseflow.ErrWrongState)
		assert.Contains(t, r.Detail, "2 attempts")
		assert.Equal(t, "第八条", r.Rule)
		f.refused(id, boss, approve, caseflow.ErrWrongState) // nothing proposed yet
		f.step(id, at(2026, 11, 27, 9, 0), clerk, attempt(caseflow.ContactNoAnswer))
		f.refused(id, head, proposal, caseflow.ErrWrongRole)
		c := f.step(id, at(2026, 11, 27, 9, 30), clerk, proposal)
		assert.Equal(t, caseflow.StateLeaderReviewed, c.State, "a proposal changes no state")
		f.refused(id, clerk, proposal, caseflow.ErrWrongState) // one proposal at a time
		f.refused(id, clerk, approve, caseflow.ErrWrongRole)   // the leader decides
		c = f.step(id, at(2026, 11, 27, 10, 0), boss, approve)
		assert.Equal(t, caseflow.StateClosureApproved, c.State)
		assert.Equal(t, "经批准不以评价人满意结案，待报市督查科", c.StateLabel())
		c = f.step(id, at(2026, 11, 27, 11, 0), clerk, caseflow.CitySubmission{})
		assert.True(t, c.Duty(caseflow.DutyCityReport).OnTime, "Annex 3: the city report as for any other case")
		c = f.step(id, at(2026, 11, 27, 15, 0), clerk, caseflow.Archive{})
		assert.Equal(t, caseflow.StateArchived, c.State)
		assert.True(t, c.ClosedUnsatisfied(), "statistics tell the case apart")
		assert.Equal(t, caseflow.ClosureUnreachable, c.Closure.Reason)
		assert.Equal(t, "无法联系", c.Closure.Reason.Label())
		require.NoError(t, verify(c.Trail))
	})
	t.Run("拒绝回访: one refusal; the leader refuses, the office follows up again", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		id := closeToAfterReview(f)
		proposal := caseflow.ClosureProposal{Reason: caseflow.ClosureRefused, Explanation: "评价人表示不愿再接受回访"}
		f.refused(id, clerk, proposal, caseflow.ErrWrongState)
		f.step(id, at(2026, 11, 26, 14, 0), clerk, attempt(caseflow.ContactRefused))
		f.step(id, at(2026, 11, 26, 14, 30), clerk, proposal)
		c := f.step(id, at(2026, 11, 26, 15, 0), boss, caseflow.ClosureDecision{Opinion: "再联系一次"})
		assert.Equal(t, caseflow.StateLeaderReviewed, c.State)
		assert.False(t, c.ClosedUnsatisfied())
		c = f.step(id, at(2026, 11, 26, 16, 0), clerk, satisfied)
		assert.Equal(t, caseflow.StateSatisfied, c.State)
		assert.False(t, c.ClosedUnsatisfied())
	})
	t.Run("无联系方式: an anonymous review is investigated, then closed", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		r := review("r-anon", at(2026, 11, 24, 9, 20))
		r.Anonymous, r.Reviewer = true, haochaping.Reviewer{}
		c, _, err := f.svc.Receive(ctx, r)
		require.NoError(t, err)
		assert.False(t, c.Callable())
		assert.Nil(t, c.Duty(caseflow.DutyFollowUp), "第六条: nobody to call back")
		inv := c.Duty(caseflow.DutyInvestigate)
		require.NotNil(t, inv)
		assert.Equal(t, due(2026, 11, 24), inv.Deadline.Due, "第六条: investigated the day it is received")
		id := c.ID
		f.step(id, at(2026, 11, 24, 10, 0), clerk, registration)
		reached := justified
		reached.Contact = caseflow.ContactReached
		ref := f.refused(id, clerk, reached, caseflow.ErrMissing) // a follow-up claiming to have reached nobody's number
		assert.Equal(t, "followUp.contact", ref.Field)
		investigated := caseflow.FollowUp{Outcome: "调阅评价器视频与办件材料：窗口未一次性告知", Materials: []string{"评价器视频"},
			Verdict: caseflow.VerdictJustified}
		c = f.step(id, at(2026, 11, 24, 11, 0), clerk, investigated)
		assert.Equal(t, caseflow.ContactNoNumber, c.FollowUp.Contact, "recorded as the office's own investigation")
		assert.True(t, c.Duty(caseflow.DutyInvestigate).OnTime)
		f.step(id, at(2026, 11, 24, 11, 30), clerk, caseflow.Transfer{})
		f.step(id, at(2026, 11, 24, 15, 0), staff, meeting)
		f.step(id, at(2026, 11, 25, 16, 0), head, report)
		f.step(id, at(2026, 11, 26, 10, 0), clerk, verification)
		f.step(id, at(2026, 11, 26, 11, 0), boss, review1)
		f.step(id, at(2026, 11, 26, 11, 30), clerk, caseflow.ClosureProposal{Reason: caseflow.ClosureNoContact, Explanation: "匿名评价，无法回访"})
		c = f.step(id, at(2026, 11, 26, 12, 0), boss, approve)
		assert.Equal(t, caseflow.StateClosureApproved, c.State)
	})
	t.Run("无联系方式 is refused for a reviewer with a number", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		id := closeToAfterReview(f)
		r := f.refused(id, clerk, caseflow.ClosureProposal{Reason: caseflow.ClosureNoContact, Explanation: "无"}, caseflow.ErrWrongState)
		assert.Contains(t, r.Detail, "gave a number")
	})
	t.Run("多次整改仍不满意 after the policy's rounds", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		id := closeToAfterReview(f)
		proposal := caseflow.ClosureProposal{Reason: caseflow.ClosureUnsatisfied, Explanation: "两轮整改后评价人仍不满意"}
		unsatisfied := caseflow.ResultFollowUp{Outcome: "仍不满意"}
		f.step(id, at(2026, 11, 26, 15, 0), clerk, unsatisfied)
		f.step(id, at(2026, 11, 27, 10, 0), clerk, caseflow.CitySubmission{})
		f.step(id, at(2026, 11, 27, 16, 0), head, report)
		f.step(id, at(2026, 11, 30, 10, 0), clerk, verification)
		f.step(id, at(2026, 11, 30, 11, 0), boss, review1)
		r := f.refused(id, clerk, proposal, caseflow.ErrWrongState)
		assert.Contains(t, r.Detail, "1 rounds")
		f.step(id, at(2026, 11, 30, 15, 0), clerk, unsatisfied)
		f.step(id, at(2026, 12, 1, 16, 0), head, report)
		f.step(id, at(2026, 12, 2, 10, 0), clerk, verification)
		f.step(id, at(2026, 12, 2, 11, 0), boss, review1)
		f.step(id, at(2026, 12, 2, 15, 0), clerk, proposal)
		c := f.step(id, at(2026, 12, 2, 16, 0), boss, approve)
		assert.Equal(t, caseflow.StateClosureApproved, c.State, "the final report goes to the city, as after a satisfied reviewer")
		assert.Equal(t, 2, c.Rounds())
	})
	t.Run("not while the window's own rectification runs", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		id := toRectifying(f)
		ext := report
		ext.Extension = &caseflow.Extension{Reason: "设备采购", Until: date(2026, 12, 11)}
		f.step(id, at(2026, 11, 25, 16, 0), head, ext)
		f.step(id, at(2026, 11, 26, 10, 0), clerk, verification)
		f.step(id, at(2026, 11, 26, 11, 0), boss, review1)
		f.step(id, at(2026, 11, 26, 14, 0), clerk, caseflow.CitySubmission{})
		f.step(id, at(2026, 11, 26, 15, 0), clerk, caseflow.ContactAttempt{Channel: "电话", Result: caseflow.ContactRefused})
		r := f.refused(id, clerk, caseflow.ClosureProposal{Reason: caseflow.ClosureRefused, Explanation: "拒绝"}, caseflow.ErrWrongState)
		assert.Contains(t, r.Detail, "整改完毕")
	})
	t.Run("附件2: an on-site complainant who cannot be reached", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		c, _, err := f.svc.Complain(ctx, clerk, caseflow.Complaint{Complainant: haochaping.Reviewer{Name: "李雷", Phone: "13912345678"},
			Time: at(2026, 11, 24, 9, 20), Content: "窗口人员玩手机", Center: center})
		require.NoError(t, err)
		id := c.ID
		f.step(id, at(2026, 11, 24, 9, 40), clerk, caseflow.Registration{})
		f.step(id, at(2026, 11, 24, 9, 50), clerk, caseflow.Assignment{ResponsibleWindow: taxWindow})
		f.step(id, at(2026, 11, 24, 10, 0), clerk, caseflow.Transfer{})
		f.step(id, at(2026, 11, 25, 16, 0), staff, report)
		f.step(id, at(2026, 11, 25, 17, 0), clerk, caseflow.LeaderReport{Summary: "已整改"})
		for i := range 3 {
			f.step(id, at(2026, 11, 26, 9+i, 0), clerk, attempt(caseflow.ContactNoAnswer))
		}
		f.step(id, at(2026, 11, 26, 14, 0), clerk, caseflow.ClosureProposal{Reason: caseflow.ClosureUnreachable, Explanation: "三次未接"})
		c = f.step(id, at(2026, 11, 26, 15, 0), boss, approve)
		assert.Equal(t, "经批准不以投诉人满意结案，待备案", c.StateLabel())
		c = f.step(id, at(2026, 11, 26, 16, 0), clerk, caseflow.Archive{})
		assert.Equal(t, caseflow.StateArchived, c.State)
		assert.True(t, c.ClosedUnsatisfied())
	})
}

// 第十条: a bad review may have several causes, each deducted as the article says; the window
// proposes the finding and the office confirms or amends it at its verification (第七条 核实).
func TestFindingWithSeveralCauses_第十条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	proposed := report
	proposed.Finding = caseflow.Finding{Causes: []caseflow.Cause{
		{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: "李四"},
		{Dimension: haochaping.DimensionEnvironment},
	}}
	c := f.step(id, at(2026, 11, 25, 16, 0), head, proposed)
	assert.Equal(t, caseflow.AccountablePersonAndWindow, c.Finding.Accountable())
	assert.Equal(t, "属实：服务态度（责任人 李四）；服务环境", c.Finding.Label())

	amended := caseflow.Finding{Causes: []caseflow.Cause{
		{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: "李四"},
		{Dimension: haochaping.DimensionOther, Description: "叫号系统故障未及时报修"},
	}}
	f.refused(id, clerk, caseflow.OfficeVerification{Result: "核实", Finding: &amended}, caseflow.ErrMissing) // no reason given
	bad := caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionEnvironment, ResponsiblePerson: "李四"}}}
	r := f.refused(id, clerk, caseflow.OfficeVerification{Result: "核实", Finding: &bad, Amendment: "改"}, caseflow.ErrMissing)
	assert.Equal(t, "officeVerification.finding.causes[0].responsiblePerson", r.Field)
	c = f.step(id, at(2026, 11, 26, 10, 0), clerk, caseflow.OfficeVerification{Result: "核实", Finding: &amended,
		Amendment: "环境问题系叫号系统故障，归入其他"})
	assert.Equal(t, amended.Causes, c.Finding.Causes, "the office's finding stands")
	assert.Equal(t, caseflow.AccountablePersonAndWindow, c.Finding.Accountable(), "其他 naming nobody is the window's")
	assert.Equal(t, proposed.Finding.Causes, c.Report.Finding.Causes, "the window's proposal stays on its report")
	v, ok := c.LastEntry(caseflow.EventOfficeVerify).Step.(caseflow.OfficeVerification)
	require.True(t, ok)
	assert.Equal(t, "环境问题系叫号系统故障，归入其他", v.Amendment, "the amendment is in the trail")
	amended.Causes[0].ResponsiblePerson = "changed"
	c, err := f.svc.Get(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, "李四", c.Finding.Causes[0].ResponsiblePerson, "the case keeps its own copy")

	onlyStaff := caseflow.Finding{Verdict: caseflow.VerdictJustified, Causes: []caseflow.Cause{
		{Dimension: haochaping.DimensionOther, Description: "私自收取费用", ResponsiblePerson: "王某"}}}
	assert.Equal(t, caseflow.AccountablePerson, onlyStaff.Accountable(), "其他 naming a person is the person's")
}

// 第五条: registration reports to the leader in charge of 好差评 and to the head of the
// responsible window, both, as roles. 第六条: the follow-up records why the reviewer was
// dissatisfied, unless nobody was reached, and lists the evidence collected.
func TestRequiredContent_第五条_第六条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	for name, roles := range map[string][]caseflow.Role{
		"no one":               nil,
		"the leader only":      {caseflow.RoleLeader},
		"the window head only": {caseflow.RoleWindowHead},
		"an unknown role":      {caseflow.RoleLeader, caseflow.RoleWindowHead, "boss"},
	} {
		reg := registration
		reg.ReportedTo = roles
		r := f.refused(id, clerk, reg, caseflow.ErrMissing)
		assert.Equal(t, "registration.reportedTo", r.Field, name)
		assert.Equal(t, "第五条", r.Rule, name)
	}
	f.step(id, at(2026, 11, 24, 10, 0), clerk, registration)
	noReason := justified
	noReason.Reason = ""
	r := f.refused(id, clerk, noReason, caseflow.ErrMissing)
	assert.Equal(t, "followUp.reason", r.Field)
	assert.Equal(t, "第六条", r.Rule)
	noMaterials := justified
	noMaterials.Materials = nil
	r = f.refused(id, clerk, noMaterials, caseflow.ErrMissing)
	assert.Equal(t, "followUp.materials", r.Field)
	unreached := noReason
	unreached.Contact = caseflow.ContactNoAnswer
	unreached.Outcome = "三次致电未接通，经调阅视频核实"
	c := f.step(id, at(2026, 11, 24, 11, 0), clerk, unreached)
	assert.Equal(t, caseflow.ContactNoAnswer, c.FollowUp.Contact, "a follow-up that reached nobody needs no reason")
	assert.True(t, c.Duty(caseflow.DutyFollowUp).OnTime)
}

// Offices make mistakes: a case transferred to the wrong window goes on to the right one, the
// first window's duties cancelled and the new one's started; a case opened in error is
// withdrawn with the leader's approval and never deleted.
func TestMistakesOfficesMake(t *testing.T) {
	social := &haochaping.Window{ID: "w-social", Name: "社保窗口", Kind: haochaping.BusinessWindow, Center: "center"}
	t.Run("re-transfer", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		id := toRectifying(f)
		f.refused(id, clerk, caseflow.Retransfer{ResponsibleWindow: taxWindow, Reason: "x"}, caseflow.ErrMissing) // the same window
		f.refused(id, head, caseflow.Retransfer{ResponsibleWindow: social, Reason: "x"}, caseflow.ErrWrongRole)
		c := f.step(id, at(2026, 11, 25, 9, 0), clerk, caseflow.Retransfer{ResponsibleWindow: social, Reason: "事项属社保窗口"})
		assert.Equal(t, caseflow.StateTransferred, c.State, "the new window holds its own analysis meeting")
		assert.Equal(t, "w-social", c.ResponsibleWindow.ID)
		var cancelled, open []string
		for _, d := range c.Duties {
			switch {
			case d.Cancelled:
				cancelled = append(cancelled, string(d.Kind)+"@"+d.Org)
			case d.Open():
				open = append(open, string(d.Kind)+"@"+d.Org)
			}
		}
		assert.Equal(t, []string{"report@w-tax"}, cancelled, "the first window's duty, cancelled and recorded")
		assert.Equal(t, []string{"city_report@", "meeting@w-social", "report@w-social"}, open)
		assert.Equal(t, due(2026, 11, 27), c.Duty(caseflow.DutyReport).Deadline.Due, "第五条: 2 working days from the re-transfer")
		f.refused(id, head, meeting, caseflow.ErrWrongOrg) // the first window may no longer act
	})
	t.Run("withdrawal of a duplicate", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		first := f.receive("r1").ID
		id := f.receive("r1-again").ID
		f.step(id, at(2026, 11, 24, 9, 40), clerk, registration)
		req := caseflow.WithdrawalRequest{Reason: caseflow.WithdrawalDuplicate, Detail: "同一评价以另一编号重复推送"}
		r := f.refused(id, clerk, req, caseflow.ErrMissing)
		assert.Equal(t, "withdrawalRequest.duplicateOf", r.Field)
		req.DuplicateOf = first
		f.refused(id, staff, req, caseflow.ErrWrongRole)
		f.step(id, at(2026, 11, 24, 9, 50), clerk, req)
		f.refused(id, clerk, caseflow.WithdrawalDecision{Approved: true, Opinion: "同意"}, caseflow.ErrWrongRole)
		c := f.step(id, at(2026, 11, 24, 10, 0), boss, caseflow.WithdrawalDecision{Approved: true, Opinion: "同意撤销"})
		assert.Equal(t, caseflow.StateWithdrawn, c.State)
		assert.True(t, c.Closed())
		assert.Empty(t, c.OpenDuties(), "a withdrawn case owes nothing")
		assert.Equal(t, first, c.Withdrawal.DuplicateOf)
		got, err := f.svc.Get(ctx, id)
		require.NoError(t, err, "never deleted")
		require.NoError(t, verify(got.Trail))
		open, _, err := f.svc.Store.List(ctx, caseflow.Filter{Open: true}, caseflow.Page{})
		require.NoError(t, err)
		assert.Len(t, open, 1, "a withdrawn case is not open")
		f.refused(id, clerk, caseflow.Urge{Message: "x"}, caseflow.ErrWrongState)
	})
	t.Run("a refused withdrawal goes on", func(t *testing.T) {
		f := newFixture(t, at(2026, 11, 24, 9, 30))
		id := f.receive("r1").ID
		f.step(id, at(2026, 11, 24, 9, 50), clerk, caseflow.WithdrawalRequest{Reason: caseflow.WithdrawalTest, Detail: "疑为测试数据"})
		c := f.step(id, at(2026, 11, 24, 10, 0), boss, caseflow.WithdrawalDecision{Opinion: "系真实评价，继续办理"})
		assert.Equal(t, caseflow.StateReceived, c.State)
		f.step(id, at(2026, 11, 24, 10, 30), clerk, registration)
	})
}

// 第九条 ends at 提出申诉复核; the city's decision and the office's own decline are the
// library's modelling of what follows. A window that never sends its appeal materials lets
// the duty fall overdue, and the office may then move the case to rectification.
func TestAppealMaterialsNeverSent_第九条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	f.step(id, at(2026, 11, 24, 10, 0), clerk, registration)
	f.step(id, at(2026, 11, 24, 11, 0), clerk, mistaken)
	c := f.step(id, at(2026, 11, 24, 11, 30), clerk, caseflow.Transfer{})
	dueAt := c.Duty(caseflow.DutyAppealMaterials).Deadline.Due
	abandon := caseflow.AppealAbandon{Reason: "窗口逾期未报申诉撤销材料"}
	f.clock.Set(dueAt.Add(-time.Second))
	f.refused(id, clerk, abandon, caseflow.ErrWrongState)
	f.clock.Set(dueAt) // the instant it falls due: overdue
	c, err := f.svc.Take(ctx, id, caseflow.Action{Actor: clerk, Step: abandon})
	require.NoError(t, err)
	assert.Equal(t, caseflow.StateTransferred, c.State)
	assert.True(t, c.Duty(caseflow.DutyAppealMaterials).Cancelled)
	assert.Equal(t, caseflow.VerdictJustified, c.Finding.Verdict)
	assert.True(t, c.Duty(caseflow.DutyCityReport).Open(), "Annex 3: the city report from receipt")
}

// 第十二条: a county that changes its rules changes no deadline of a case already open; Retime
// moves them, recorded in the trail; Rebuild gives the recorded deadlines whatever today's
// policy is.
func TestRulesInForceWhenTheCaseOpened_第十二条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	before, err := f.svc.Get(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, "rongan", before.Rules.Policy)
	assert.Equal(t, caseflow.DefaultPolicy().Digest(), before.Rules.PolicyDigest)
	assert.Equal(t, deadline.China().Digest(), before.Rules.Calendar)
	reportDue := dueOf(t, before, caseflow.DutyReport)

	p := caseflow.DefaultPolicy()
	p.Version, p.Report = "2027", deadline.Workdays(3)
	f.svc.Policy = p
	c := f.step(id, at(2026, 11, 24, 16, 0), clerk, caseflow.Urge{Message: "请按时报送"})
	assert.Equal(t, reportDue, dueOf(t, c, caseflow.DutyReport), "an open case keeps its deadlines")
	rebuilt, err := f.svc.Rebuild(c.Trail)
	require.NoError(t, err)
	assert.Equal(t, reportDue, dueOf(t, rebuilt, caseflow.DutyReport), "Rebuild reuses the recorded deadlines")

	f.refused(id, clerk, caseflow.Retime{}, caseflow.ErrMissing)
	c = f.step(id, at(2026, 11, 24, 17, 0), clerk, caseflow.Retime{Reason: "县政管办修订时限（2027版）"})
	assert.Equal(t, due(2026, 11, 27), dueOf(t, c, caseflow.DutyReport), "3 working days from the transfer")
	assert.Equal(t, "2027", c.Rules.PolicyVersion)
	e := c.Trail[len(c.Trail)-1]
	require.Len(t, e.Timings, 1, "only the duty whose deadline moved")
	assert.Equal(t, caseflow.DutyReport, e.Timings[0].Duty)
	assert.Equal(t, caseflow.StateRectifying, c.State)

	f.svc.Policy = caseflow.DefaultPolicy() // today's policy differs again
	rebuilt, err = f.svc.Rebuild(c.Trail)
	require.NoError(t, err)
	assert.Equal(t, due(2026, 11, 27), dueOf(t, rebuilt, caseflow.DutyReport))
	assert.Equal(t, c.Rules, rebuilt.Rules)

	again := f.step(id, at(2026, 11, 24, 17, 30), clerk, caseflow.Retime{Reason: "恢复原时限"})
	assert.Equal(t, reportDue, dueOf(t, again, caseflow.DutyReport))
}

// A policy file names what the county changes; the rest stays as the measures set it.
func TestPolicyFromJSON(t *testing.T) {
	var p caseflow.Policy
	require.NoError(t, json.Unmarshal([]byte(`{"name":"sanjiang","version":"2027","report":"workdays:3"}`), &p))
	want := caseflow.DefaultPolicy()
	want.Name, want.Version, want.Report = "sanjiang", "2027", deadline.Workdays(3)
	assert.Equal(t, want, p)
	for name, bad := range map[string]string{
		"unknown field":         `{"reprot":"workdays:3"}`,
		"untimed measured duty": `{"followUp":"none"}`,
		"bad rule":              `{"report":"soon"}`,
		"zero threshold":        `{"closureAttempts":0}`,
		"two values":            `{} {}`,
		"not an object":         `[]`,
	} {
		var q caseflow.Policy
		err := json.Unmarshal([]byte(bad), &q)
		assert.Error(t, err, name)
		assert.Equal(t, caseflow.Policy{}, q, "%s: nothing decoded on error", name)
	}
	b, err := json.Marshal(caseflow.DefaultPolicy())
	require.NoError(t, err)
	var back caseflow.Policy
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, caseflow.DefaultPolicy(), back)
	assert.Equal(t, caseflow.DefaultPolicy().Digest(), back.Digest())
	assert.NotEqual(t, caseflow.DefaultPolicy().Digest(), want.Digest())
}

func FuzzPolicyUnmarshalJSON(f *testing.F) {
	f.Add([]byte(`{"report":"workdays:3"}`))
	f.Add([]byte(`{"followUp":"none","closureRounds":-1}`))
	f.Add([]byte(`{"maxExtension":251}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var p caseflow.Policy
		if err := json.Unmarshal(b, &p); err != nil {
			return
		}
		require.NoError(t, p.Validate(), "a decoded policy is valid")
		out, err := json.Marshal(p)
		require.NoError(t, err)
		var back caseflow.Policy
		require.NoError(t, json.Unmarshal(out, &back))
		require.Equal(t, p, back)
	})
}

// Regression (mutation testing): a duty done at the very instant it falls due was never
// tested. At its due time a duty is overdue (deadline.Calendar.Status), so a step taken then
// is late; a microsecond earlier, the finest time a case keeps, it is on time.
func TestDutyDoneAtTheInstantItFallsDue(t *testing.T) {
	for _, tc := range []struct {
		name   string
		offset time.Duration
		onTime bool
	}{{"a microsecond before", -time.Microsecond, true}, {"at the instant", 0, false}} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, at(2026, 11, 24, 9, 30))
			c := f.receive("r1")
			dueAt := c.Duty(caseflow.DutyRegister).Deadline.Due
			require.Equal(t, due(2026, 11, 24), dueAt)
			st, err := f.svc.Calendar.Status(c.Duty(caseflow.DutyRegister).Deadline, dueAt.Add(tc.offset))
			require.NoError(t, err)
			assert.Equal(t, tc.onTime, st.Standing != deadline.Overdue, "the standing agrees")
			c = f.step(c.ID, dueAt.Add(tc.offset), clerk, registration)
			assert.Equal(t, tc.onTime, c.Duty(caseflow.DutyRegister).OnTime)
		})
	}
}

// The article a duty shows is the one whose limit times it.
func TestDutyRuleFollowsItsLimit_第七条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	c, err := f.svc.Get(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, "附件3", c.Duty(caseflow.DutyCityReport).Rule())
	c = f.step(id, at(2026, 11, 25, 10, 0), head, report)
	assert.Equal(t, "第七条", c.Duty(caseflow.DutyCityReport).Rule())
	assert.Equal(t, "第五条", c.Duty(caseflow.DutyReport).Rule())
}

// A step may share its instant with the step before it, never precede it.
func TestStepTimeOrderAtTheInstant(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	c := f.receive("r1")
	last := c.Trail[len(c.Trail)-1].Time
	f.clock.Set(last.Add(-time.Microsecond))
	_, err := f.svc.Take(ctx, c.ID, caseflow.Action{Actor: clerk, Step: registration})
	require.ErrorIs(t, err, caseflow.ErrTimeOrder)
	f.step(c.ID, last, clerk, registration)
}
