package storetest

import (
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// fixture holds the cases of the List test, in the order they are created, which is neither
// the order of their IDs nor that of their receipt.
type fixture struct {
	// late: a review received on Wednesday afternoon and registered.
	late *caseflow.Case
	// early: a review received on Tuesday morning, not yet registered.
	early *caseflow.Case
	// onsite: a complaint at the centre on Tuesday, not yet registered: no timed duty.
	onsite *caseflow.Case
	// township: a complaint at a township centre on Wednesday, inspected on the spot: the
	// window owes its feedback within 2 working days.
	township *caseflow.Case
	// done: a review received on Tuesday morning, rectified and archived on Friday.
	done *caseflow.Case
}

func (h *harness) listFixture() fixture {
	h.t.Helper()
	var fx fixture

	h.set(at(2026, 11, 25, 14, 0))
	fx.late = h.receive("r-late")
	fx.late = h.take(fx.late.ID, at(2026, 11, 25, 14, 10), clerk, registration)

	h.set(at(2026, 11, 24, 9, 30))
	fx.early = h.receive("r-early")

	h.set(at(2026, 11, 24, 11, 0))
	fx.onsite = h.complain(clerk, complaint("cp-center", center, h.clock()))

	h.set(at(2026, 11, 25, 9, 0))
	id := h.complain(townLeader, complaint("cp-dajiang", township, h.clock())).ID
	h.take(id, at(2026, 11, 25, 9, 10), townLeader, caseflow.Registration{Content: "窗口人员态度生硬"})
	h.take(id, at(2026, 11, 25, 9, 20), townLeader, caseflow.Assignment{ResponsibleWindow: townWindow, Basis: "投诉人指认"})
	fx.township = h.take(id, at(2026, 11, 25, 9, 40), townLeader, caseflow.Inspection{Findings: "调取监控，属实"})

	h.set(at(2026, 11, 24, 9, 30))
	id = h.receive("r-done").ID
	for _, s := range []struct {
		at    time.Time
		actor caseflow.Actor
		step  caseflow.Step
	}{
		{at(2026, 11, 24, 10, 0), clerk, registration},
		{at(2026, 11, 24, 11, 0), clerk, caseflow.FollowUp{Outcome: "评价人反映窗口人员态度生硬", Materials: []string{"评价器视频", "通话录音"}, Reason: "态度生硬", Verdict: caseflow.VerdictJustified}},
		{at(2026, 11, 24, 11, 30), clerk, caseflow.Transfer{}},
		{at(2026, 11, 24, 15, 0), staff, caseflow.Meeting{ResponsiblePerson: "李四", Measures: []string{"开展服务礼仪培训"}}},
		{at(2026, 11, 25, 16, 0), head, caseflow.Report{
			Investigator: "孙八", Subject: "李四", Investigation: []string{"调取监控，属实"},
			Measures: []string{"开展服务礼仪培训"},
			Finding:  caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: "李四"}}},
		}},
		{at(2026, 11, 26, 10, 0), clerk, caseflow.OfficeVerification{Result: "整改已落实"}},
		{at(2026, 11, 26, 11, 0), boss, caseflow.LeaderReview{Opinion: "同意，报市督查科"}},
		{at(2026, 11, 26, 15, 0), clerk, caseflow.ResultFollowUp{Outcome: "评价人对整改结果满意", Satisfied: true}},
		{at(2026, 11, 27, 9, 0), clerk, caseflow.CitySubmission{Reference: "融政监管报〔2026〕12号"}},
		{at(2026, 11, 27, 10, 0), clerk, caseflow.Archive{}},
	} {
		fx.done = h.take(id, s.at, s.actor, s.step)
	}
	require.Equal(h.t, caseflow.StateArchived, fx.done.State)
	return fx
}

// earlyDue returns the first due time of the list fixture's duties.
func earlyDue(fx fixture) time.Time {
	d, _ := fx.early.Due()
	return d
}
