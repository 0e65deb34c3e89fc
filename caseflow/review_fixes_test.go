package caseflow_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// Regression: a proposal to close stayed pending while the case moved on, so the leader could
// approve a stale "unreachable" after the reviewer had been reached and a new round begun.
func TestClosureProposalLapsesWhenTheCaseMovesOn_第八条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := closeToAfterReview(f)
	for i := range 3 {
		f.step(id, at(2026, 11, 26, 13+i, 0), clerk, caseflow.ContactAttempt{Channel: "电话", Result: caseflow.ContactNoAnswer})
	}
	f.step(id, at(2026, 11, 26, 16, 30), clerk, caseflow.ClosureProposal{Reason: caseflow.ClosureUnreachable, Explanation: "三次未接"})
	c := f.step(id, at(2026, 11, 27, 9, 0), clerk, caseflow.ResultFollowUp{Outcome: "评价人回电，仍不满意"})
	assert.True(t, c.Closure.Lapsed, "the reviewer was reached: the proposal no longer stands")
	f.step(id, at(2026, 11, 27, 10, 0), clerk, caseflow.CitySubmission{})
	f.step(id, at(2026, 11, 27, 16, 0), head, report)
	f.step(id, at(2026, 11, 30, 10, 0), clerk, verification)
	f.step(id, at(2026, 11, 30, 11, 0), boss, review1)
	f.refused(id, boss, caseflow.ClosureDecision{Approved: true, Opinion: "同意"}, caseflow.ErrWrongState)
	f.step(id, at(2026, 11, 30, 15, 0), clerk, caseflow.ContactAttempt{Channel: "电话", Result: caseflow.ContactRefused})
	c = f.step(id, at(2026, 11, 30, 15, 30), clerk, caseflow.ClosureProposal{Reason: caseflow.ClosureRefused, Explanation: "拒绝再回访"})
	assert.False(t, c.Closure.Lapsed, "a new proposal may be made")
}

// Regression: Retime bound the leader's review to the city report's old deadline, and timed the
// city report under one of its two limits only.
func TestRetimeKeepsTheCityReportsTwoLimits_第七条_第十二条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	f.step(id, at(2026, 11, 25, 10, 0), head, report) // 第七条: Friday 27th beats Annex 3's Monday 30th
	c := f.step(id, at(2026, 11, 25, 11, 0), clerk, verification)
	require.Equal(t, due(2026, 11, 27), c.Duty(caseflow.DutyLeaderReview).Deadline.Due)

	p := caseflow.DefaultPolicy()
	p.Version, p.CityReportFromReport = "2027", deadline.Workdays(5) // 第七条's limit now later than Annex 3's
	f.svc.Policy = p
	c = f.step(id, at(2026, 11, 25, 12, 0), clerk, caseflow.Retime{Reason: "修订"})
	cr := c.Duty(caseflow.DutyCityReport)
	assert.Equal(t, due(2026, 11, 30), cr.Deadline.Due, "the earlier of the two: Annex 3's 4 working days from receipt")
	assert.Equal(t, "cityReport", cr.Limit)
	assert.Equal(t, cr.Deadline.Due, c.Duty(caseflow.DutyLeaderReview).Deadline.Due, "the leader's review moves with the city report")

	p.Version, p.CityReport = "2028", deadline.Workdays(6)
	f.svc.Policy = p
	c = f.step(id, at(2026, 11, 25, 13, 0), clerk, caseflow.Retime{Reason: "再修订"})
	assert.Equal(t, due(2026, 12, 2), c.Duty(caseflow.DutyCityReport).Deadline.Due, "6 working days from receipt")
	assert.Equal(t, due(2026, 12, 2), c.Duty(caseflow.DutyLeaderReview).Deadline.Due)
	rebuilt, err := f.svc.Rebuild(c.Trail)
	require.NoError(t, err)
	assert.Equal(t, due(2026, 12, 2), rebuilt.Duty(caseflow.DutyLeaderReview).Deadline.Due)
}

// 第十二条: once the service's rules differ from a case's, the case takes no step that times a
// duty or reads the policy until a Retime moves it, explicitly; RetimeOpen does it for every
// open case.
func TestStepsWaitForARetimeWhenTheRulesChange_第十二条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	a := f.receive("r1").ID
	b := f.receive("r2").ID
	f.step(b, at(2026, 11, 24, 9, 35), clerk, caseflow.WithdrawalRequest{Reason: caseflow.WithdrawalTest, Detail: "测试"})
	f.step(b, at(2026, 11, 24, 9, 36), boss, caseflow.WithdrawalDecision{Approved: true, Opinion: "同意"})
	p := caseflow.DefaultPolicy()
	p.Version, p.Report = "2027", deadline.Workdays(3)
	f.svc.Policy = p
	r := f.refused(a, clerk, registration, caseflow.ErrRulesChanged)
	assert.Equal(t, "第十二条", r.Rule)
	f.step(a, at(2026, 11, 24, 9, 40), clerk, caseflow.Urge{Message: "请登记"}) // no duty timed, no policy read
	n, err := f.svc.RetimeOpen(ctx, clerk, "县政管办修订时限")
	require.NoError(t, err)
	assert.Equal(t, 1, n, "the open case only")
	f.step(a, at(2026, 11, 24, 10, 0), clerk, registration)
	c, err := f.svc.Get(ctx, a)
	require.NoError(t, err)
	assert.Equal(t, "2027", c.Rules.PolicyVersion)
	n, err = f.svc.RetimeOpen(ctx, clerk, "again")
	require.NoError(t, err)
	assert.Zero(t, n, "nothing left to move")
}

// Regression: every case shared one record of the rules, so a caller changing a copy from the
// store changed every case and broke their trails.
func TestCasesKeepTheirOwnRules(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	a, b := f.receive("r1"), f.receive("r2")
	cp, err := f.svc.Get(ctx, a.ID)
	require.NoError(t, err)
	cp.Rules.PolicyVersion = "changed"
	in := cp.Trail[0].Step.(caseflow.Intake)
	assert.NotSame(t, in.Rules, b.Trail[0].Step.(caseflow.Intake).Rules)
	got, err := f.svc.Get(ctx, b.ID)
	require.NoError(t, err)
	assert.Equal(t, caseflow.DefaultPolicy().Version, got.Rules.PolicyVersion)
	require.NoError(t, verify(got.Trail))
	stored, err := f.svc.Get(ctx, a.ID)
	require.NoError(t, err)
	require.NoError(t, verify(stored.Trail))
}

// Regression: Validate let a limit of more than a working year through, which then failed at
// the step that started the duty; a policy file naming its own rules kept Rong'an's version.
func TestPolicyRefusesWhatWouldFailLater(t *testing.T) {
	p := caseflow.DefaultPolicy()
	p.Report = deadline.Workdays(300)
	assert.ErrorContains(t, p.Validate(), "report")
	var q caseflow.Policy
	assert.ErrorContains(t, q.UnmarshalJSON([]byte(`{"name":"sanjiang"}`)), "give its own version")
}
