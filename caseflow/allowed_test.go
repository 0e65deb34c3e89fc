package caseflow_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	kit "github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/deadline"
)

// validContent returns valid content of step ev for case c at time now: what a clerk who fills in
// the form correctly posts.
func validContent(ev caseflow.Event, c *caseflow.Case, now time.Time) caseflow.Step {
	report := caseflow.Report{Investigator: "孙伟", Subject: "李娜", Investigation: []string{"调取监控，情况属实"},
		Measures: []string{"开展服务礼仪培训"}, Finding: caseflow.Finding{Causes: []caseflow.Cause{
			{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: "李娜"}}}}
	other := kit.Window()
	if c.ResponsibleWindow != nil && c.ResponsibleWindow.ID == other.ID {
		other = kit.TownshipWindow()
	}
	switch ev {
	case caseflow.EventRegister:
		if c.Kind == caseflow.KindOnSiteComplaint {
			return caseflow.Registration{Content: "投诉窗口人员态度冷淡"}
		}
		return caseflow.Registration{ResponsibleWindow: new(kit.Window()), ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}
	case caseflow.EventFollowUp, caseflow.EventFollowUpMistaken:
		v := caseflow.VerdictJustified
		if ev == caseflow.EventFollowUpMistaken {
			v = caseflow.VerdictMistaken
		}
		return caseflow.FollowUp{Outcome: "已回访", Reason: "态度生硬", Materials: []string{"通话录音"}, Verdict: v}
	case caseflow.EventReport:
		return report
	case caseflow.EventReportExtension:
		until, _ := deadline.China().AddWorkdays(now, 10)
		report.Extension = &caseflow.Extension{Reason: "需采购设备", Until: deadline.DateOf(until, haochaping.Location())}
		return report
	case caseflow.EventRectificationDone:
		return caseflow.Rectification{Done: []string{"设备已安装"}}
	case caseflow.EventMeeting:
		return caseflow.Meeting{ResponsiblePerson: "李娜", Measures: []string{"培训"}}
	case caseflow.EventOfficeVerify:
		return caseflow.OfficeVerification{Result: "整改已落实"}
	case caseflow.EventLeaderReview:
		return caseflow.LeaderReview{Opinion: "同意"}
	case caseflow.EventResultFollowUp, caseflow.EventResultFollowUpUnsatisfied:
		return caseflow.ResultFollowUp{Outcome: "已回访", Satisfied: ev == caseflow.EventResultFollowUp}
	case caseflow.EventAppealMaterials:
		return caseflow.AppealMaterials{Verdict: caseflow.VerdictMistaken, Reasons: "评价人误按"}
	case caseflow.EventAppealConfirm:
		return caseflow.AppealConfirmation{Application: "申请撤销"}
	case caseflow.EventAppealDecline:
		return caseflow.AppealDecline{Reason: "不属误评"}
	case caseflow.EventApplicationReview:
		return caseflow.ApplicationReview{Opinion: "同意"}
	case caseflow.EventAppealUpheld, caseflow.EventAppealRejected:
		return caseflow.CityDecision{Upheld: ev == caseflow.EventAppealUpheld, Reference: "柳政管督〔2026〕1号"}
	case caseflow.EventAppealAbandon:
		return caseflow.AppealAbandon{Reason: "逾期未报"}
	case caseflow.EventAssign:
		return caseflow.Assignment{ResponsibleWindow: new(kit.Window()), Basis: "投诉所指窗口"}
	case caseflow.EventInspect:
		return caseflow.Inspection{Findings: "现场核实"}
	case caseflow.EventReportLeader:
		return caseflow.LeaderReport{Summary: "已整改", Opinion: "同意"}
	case caseflow.EventUrge:
		return caseflow.Urge{Message: "请按时办理"}
	case caseflow.EventRetime:
		return caseflow.Retime{Reason: "新政策"}
	case caseflow.EventContactAttempt:
		return caseflow.ContactAttempt{Channel: "电话", Result: caseflow.ContactNoAnswer}
	case caseflow.EventClosurePropose:
		for _, r := range []caseflow.ClosureReason{caseflow.ClosureUnreachable, caseflow.ClosureNoContact, caseflow.ClosureRefused, caseflow.ClosureUnsatisfied} {
			if probe(c, caseflow.ClosureProposal{Reason: r, Explanation: "多次联系未果"}, now) == nil {
				return caseflow.ClosureProposal{Reason: r, Explanation: "多次联系未果"}
			}
		}
		return caseflow.ClosureProposal{Reason: caseflow.ClosureUnreachable, Explanation: "多次联系未果"}
	case caseflow.EventClosureApprove, caseflow.EventClosureReject:
		return caseflow.ClosureDecision{Approved: ev == caseflow.EventClosureApprove, Opinion: "意见"}
	case caseflow.EventRetransfer:
		return caseflow.Retransfer{ResponsibleWindow: &other, Reason: "转办有误"}
	case caseflow.EventWithdrawRequest:
		return caseflow.WithdrawalRequest{Reason: caseflow.WithdrawalTest, Detail: "测试数据"}
	case caseflow.EventWithdrawApprove, caseflow.EventWithdrawReject:
		return caseflow.WithdrawalDecision{Approved: ev == caseflow.EventWithdrawApprove, Opinion: "意见"}
	case caseflow.EventErase:
		return caseflow.Erasure{Reason: "保存期限届满"}
	case caseflow.EventSubmitCity:
		return caseflow.CitySubmission{}
	case caseflow.EventAppealSubmit:
		return caseflow.AppealSubmission{}
	case caseflow.EventTransfer:
		return caseflow.Transfer{}
	case caseflow.EventArchive:
		return caseflow.Archive{}
	}
	panic("no content for " + string(ev))
}

// probe returns the office's refusal of s on a copy of c at now, or nil.
func probe(c *caseflow.Case, s caseflow.Step, now time.Time) error {
	return accepted(c, kit.Clerk(), s, now)
}

// accepted takes the step on a copy of c in a store of its own, and returns the refusal.
func accepted(c *caseflow.Case, a caseflow.Actor, s caseflow.Step, now time.Time) error {
	store := caseflow.NewMemoryStore()
	cc := c.Clone()
	cc.Version = 0
	if err := store.Create(ctx, cc); err != nil {
		panic(err)
	}
	svc := caseflow.NewService(store)
	svc.Now = func() time.Time { return now }
	_, err := svc.Take(ctx, c.ID, caseflow.Action{Actor: a, Step: s})
	return err
}

// 第三条 to 第九条: the steps Allowed lists for an actor are exactly those the service accepts
// from them with valid content, for every state of both workflows, every role, an actor of
// another window, and cases with a request before the leader or a duty overdue.
func TestAllowedListsExactlyTheStepsAccepted(t *testing.T) {
	otherHead := caseflow.Actor{ID: "u-other", Name: "周九", Role: caseflow.RoleWindowHead, Org: "w-social"}
	otherLeader := caseflow.Actor{ID: "u-ol", Name: "蒙十", Role: caseflow.RoleOrgLeader, Org: "social-bureau"}
	actors := []caseflow.Actor{kit.Clerk(), kit.Leader(), kit.WindowStaff(), kit.WindowHead(), kit.DepartmentLeader(),
		kit.TownshipLeader(), kit.CityInspector(), otherHead, otherLeader}
	checked, listed := 0, map[caseflow.Event]bool{}
	for _, wf := range []*caseflow.Workflow{caseflow.SystemPushed(), caseflow.OnSite()} {
		for _, st := range wf.States() {
			for _, variant := range []string{"as reached", "withdrawal requested", "three working days later",
				"reviewer unreachable", "closure proposed"} {
				svc := kit.NewService()
				c := kit.To(t, svc, wf.Kind(), st.State)
				now := kit.ClockOf(svc).Now()
				switch {
				case variant == "withdrawal requested" && !wf.Final(st.State):
					var err error
					c, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: kit.Clerk(), Step: validContent(caseflow.EventWithdrawRequest, c, now)})
					require.NoError(t, err)
				case (variant == "reviewer unreachable" || variant == "closure proposed") &&
					slices.Contains(wf.Next(st.State), caseflow.EventClosurePropose) && c.Callable():
					for range svc.Policy.ClosureAttempts {
						var err error
						c, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: kit.Clerk(), Step: validContent(caseflow.EventContactAttempt, c, now)})
						require.NoError(t, err)
					}
					if variant == "closure proposed" {
						if probe(c, validContent(caseflow.EventClosurePropose, c, now), now) != nil {
							continue // not where a proposal may be made: the other variants cover the state
						}
						var err error
						c, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: kit.Clerk(), Step: validContent(caseflow.EventClosurePropose, c, now)})
						require.NoError(t, err)
					}
				case variant == "three working days later":
					for range 3 {
						now = kit.ClockOf(svc).NextWorkday(nil, 10*time.Hour)
					}
				case variant != "as reached":
					continue
				}
				for _, a := range actors {
					name := fmt.Sprintf("%s/%s/%s/%s(%s)", wf.Kind(), st.State, variant, a.Role, a.Org)
					allowed, err := svc.Allowed(ctx, c.ID, a)
					require.NoError(t, err, name)
					var evs []caseflow.Event
					for _, s := range allowed {
						evs = append(evs, s.Event)
						listed[s.Event] = true
						assert.NotEmpty(t, s.Label, name)
						assert.Equal(t, s.Event, s.Content.Event, name)
					}
					for _, ev := range wf.Next(c.State) {
						err := accepted(c, a, validContent(ev, c, now), now)
						checked++
						if slices.Contains(evs, ev) {
							assert.NoError(t, err, "%s: %s is listed but refused", name, ev)
						} else {
							assert.Error(t, err, "%s: %s is accepted but not listed", name, ev)
						}
					}
				}
			}
		}
	}
	t.Logf("%d steps checked against Allowed", checked)
	for _, wf := range []*caseflow.Workflow{caseflow.SystemPushed(), caseflow.OnSite()} {
		for _, d := range append(wf.Steps(), wf.Anywhere()...) {
			if d.Event != caseflow.EventReceive {
				assert.True(t, listed[d.Event], "no case in the test lists %s", d.Event)
			}
		}
	}
}

func TestAllowedRefusesAnIncompleteActorAndAnUnknownCase(t *testing.T) {
	svc := kit.NewService()
	c := kit.To(t, svc, caseflow.KindSystemPushed, caseflow.StateReceived)
	_, err := svc.Allowed(ctx, c.ID, caseflow.Actor{Role: caseflow.RoleOffice})
	assert.ErrorIs(t, err, caseflow.ErrBadActor)
	_, err = svc.Allowed(ctx, "no-such-case", kit.Clerk())
	assert.ErrorIs(t, err, caseflow.ErrNotFound)
}
