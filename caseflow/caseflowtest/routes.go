package caseflowtest

import (
	"slices"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// leg is one step of a route: its content, made for the case as it stands, and when it is
// taken.
type leg struct {
	// nextDay takes the step at 09:00 on the next working day; otherwise it is taken half an
	// hour after the step before, the same day, as the same-day duties want.
	nextDay bool
	// step returns the content for case c at time now, or nil when c skips the step.
	step func(c *caseflow.Case, now time.Time) caseflow.Step
}

// sameDay and nextDay are legs of a fixed content.
func sameDay(s caseflow.Step) leg {
	return leg{step: func(*caseflow.Case, time.Time) caseflow.Step { return s }}
}
func nextDay(s caseflow.Step) leg {
	l := sameDay(s)
	l.nextDay = true
	return l
}

// routes returns the routes of the workflow of kind k under policy p, each from
// StateReceived, in the order they are tried: together they pass every state but
// StateWithdrawn ([withdrawal]).
func routes(k caseflow.Kind, p caseflow.Policy) [][]leg {
	if k == caseflow.KindOnSiteComplaint {
		toFollowUp := []leg{
			sameDay(caseflow.Registration{Content: "投诉窗口工作人员办理时玩手机，态度冷淡"}),
			{step: assignment},
			sameDay(caseflow.Transfer{}),
			nextDay(report()),
			sameDay(caseflow.LeaderReport{Summary: "窗口已约谈当事人并整改", Opinion: "同意"}),
		}
		return [][]leg{
			slices.Concat(toFollowUp, []leg{sameDay(caseflow.ResultFollowUp{Outcome: "投诉人对处理结果满意", Satisfied: true}),
				sameDay(caseflow.Archive{})}),
			slices.Concat(toFollowUp, closure(p.ClosureAttempts)),
		}
	}
	toMeeting := []leg{
		sameDay(caseflow.Registration{ResponsibleWindow: new(Window()),
			ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}),
		sameDay(caseflow.FollowUp{Outcome: "评价人反映窗口人员态度生硬", Reason: "态度生硬",
			Materials: []string{"评价器视频", "通话录音"}, Verdict: caseflow.VerdictJustified}),
		sameDay(caseflow.Transfer{}),
		sameDay(caseflow.Meeting{ResponsiblePerson: WindowStaff().Name, Measures: []string{"开展服务礼仪培训"}}),
	}
	reviewed := []leg{
		sameDay(caseflow.OfficeVerification{Result: "整改已落实"}),
		sameDay(caseflow.LeaderReview{Opinion: "同意，报市督查科"}),
	}
	rectified := slices.Concat(toMeeting, []leg{nextDay(report())}, reviewed)
	return [][]leg{
		slices.Concat(rectified, []leg{
			sameDay(caseflow.ResultFollowUp{Outcome: "评价人对整改结果满意", Satisfied: true}),
			sameDay(caseflow.CitySubmission{Reference: "融政监管报〔2026〕1号"}),
			sameDay(caseflow.Archive{}),
		}),
		slices.Concat(toMeeting, []leg{{nextDay: true, step: extension}}, reviewed, []leg{
			sameDay(caseflow.CitySubmission{Reference: "融政监管报〔2026〕2号"}),
			nextDay(caseflow.Rectification{Done: []string{"新评价设备已安装"}}),
		}),
		slices.Concat(rectified, closure(p.ClosureAttempts)),
		{
			toMeeting[0],
			sameDay(caseflow.FollowUp{Outcome: "评价人表示误按了不满意", Reason: "误按",
				Materials: []string{"评价器视频", "通话录音"}, Verdict: caseflow.VerdictMistaken}),
			sameDay(caseflow.Transfer{}),
			nextDay(caseflow.AppealMaterials{Verdict: caseflow.VerdictMistaken, Reasons: "评价器视频显示评价人误按"}),
			sameDay(caseflow.AppealConfirmation{Application: "经核实属误评，申请撤销该差评"}),
			sameDay(caseflow.ApplicationReview{Opinion: "同意申诉"}),
			sameDay(caseflow.AppealSubmission{Reference: "融政监管申〔2026〕1号"}),
			sameDay(caseflow.CityDecision{Upheld: true, Reference: "柳政管督〔2026〕1号"}),
		},
	}
}

// withdrawal is the route from any open state to StateWithdrawn.
func withdrawal() []leg {
	return []leg{
		sameDay(caseflow.WithdrawalRequest{Reason: caseflow.WithdrawalTest, Detail: "测试数据，误立案件"}),
		sameDay(caseflow.WithdrawalDecision{Approved: true, Opinion: "同意撤销"}),
	}
}

// report is the window's investigation and rectification report (Annex 5).
func report() caseflow.Report {
	return caseflow.Report{
		Investigator: WindowHead().Name, Subject: WindowStaff().Name, Investigation: []string{"调取监控，情况属实"},
		Measures: []string{"开展服务礼仪培训", "窗口负责人每日抽查"},
		Finding: caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionAttitude,
			ResponsiblePerson: WindowStaff().Name}}},
	}
}

// extension is the report of a window that cannot finish rectifying in time: it names a
// deadline two weeks on (第五条).
func extension(_ *caseflow.Case, now time.Time) caseflow.Step {
	r := report()
	r.Extension = &caseflow.Extension{Reason: "需更换评价设备，设备采购需时",
		Until: deadline.DateOf(now.AddDate(0, 0, 14), haochaping.Location())}
	return r
}

// assignment makes the window complained of at the complaint's centre responsible: the
// [TownshipWindow] at the Township, the kit's Window elsewhere.
func assignment(c *caseflow.Case, _ time.Time) caseflow.Step {
	w := Window()
	if c.Complaint.Center.ID == Township().ID {
		w = TownshipWindow()
	}
	return caseflow.Assignment{ResponsibleWindow: &w, Basis: "投诉所指窗口"}
}

// closure closes a case with the leader's approval though its reviewer is not satisfied
// (第八条): one who could not be reached in the attempts the policy asks for, or one who left
// no number to call.
func closure(attempts int) []leg {
	legs := make([]leg, attempts, attempts+2)
	for i := range legs {
		legs[i] = leg{step: func(c *caseflow.Case, _ time.Time) caseflow.Step {
			if !c.Callable() {
				return nil
			}
			return caseflow.ContactAttempt{Channel: "电话", Result: caseflow.ContactNoAnswer, Note: "无人接听"}
		}}
	}
	return append(legs,
		leg{step: func(c *caseflow.Case, _ time.Time) caseflow.Step {
			if !c.Callable() {
				return caseflow.ClosureProposal{Reason: caseflow.ClosureNoContact, Explanation: "评价人未留联系方式，已调查了解办件详情"}
			}
			return caseflow.ClosureProposal{Reason: caseflow.ClosureUnreachable, Explanation: "多次致电均无人接听"}
		}},
		sameDay(caseflow.ClosureDecision{Approved: true, Opinion: "同意结案"}))
}
