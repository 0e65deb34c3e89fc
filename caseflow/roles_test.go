package caseflow_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// move is one step of a path to a state.
type move struct {
	actor caseflow.Actor
	step  caseflow.Step
}

// paths take a new case of each workflow to each of its open states through valid steps.
func paths() map[caseflow.Kind]map[caseflow.State][]move {
	attempts := []move{
		{clerk, caseflow.ContactAttempt{Channel: "电话", Result: caseflow.ContactNoAnswer}},
		{clerk, caseflow.ContactAttempt{Channel: "电话", Result: caseflow.ContactNoAnswer}},
		{clerk, caseflow.ContactAttempt{Channel: "电话", Result: caseflow.ContactNoAnswer}},
		{clerk, caseflow.ClosureProposal{Reason: caseflow.ClosureUnreachable, Explanation: "三次未接"}},
		{boss, caseflow.ClosureDecision{Approved: true, Opinion: "同意"}},
	}
	ext := report
	ext.Extension = &caseflow.Extension{Reason: "设备采购", Until: date(2026, 12, 11)}
	p := map[caseflow.State][]move{caseflow.StateReceived: nil}
	then := func(to, from caseflow.State, ms ...move) { p[to] = append(slices.Clip(p[from]), ms...) }
	then(caseflow.StateRegistered, caseflow.StateReceived, move{clerk, registration})
	then(caseflow.StateJustified, caseflow.StateRegistered, move{clerk, justified})
	then(caseflow.StateTransferred, caseflow.StateJustified, move{clerk, caseflow.Transfer{}})
	then(caseflow.StateRectifying, caseflow.StateTransferred, move{staff, meeting})
	then(caseflow.StateReported, caseflow.StateRectifying, move{head, report})
	then(caseflow.StateOfficeVerified, caseflow.StateReported, move{clerk, verification})
	then(caseflow.StateLeaderReviewed, caseflow.StateOfficeVerified, move{boss, review1})
	then(caseflow.StateSatisfied, caseflow.StateLeaderReviewed, move{clerk, satisfied})
	then(caseflow.StateExtended, caseflow.StateLeaderReviewed, move{clerk, caseflow.CitySubmission{}})
	then(caseflow.StateRectified, caseflow.StateRectifying, move{head, ext}, move{clerk, verification}, move{boss, review1},
		move{clerk, caseflow.CitySubmission{}}, move{head, caseflow.Rectification{Done: []string{"已更换设备"}}})
	then(caseflow.StateClosureApproved, caseflow.StateLeaderReviewed, attempts...)
	then(caseflow.StateSubmittedToCity, caseflow.StateSatisfied, move{clerk, caseflow.CitySubmission{}})
	then(caseflow.StateMistakenOrUntrue, caseflow.StateRegistered, move{clerk, mistaken})
	then(caseflow.StateAppealPreparing, caseflow.StateMistakenOrUntrue, move{clerk, caseflow.Transfer{}})
	then(caseflow.StateAppealSubmitted, caseflow.StateAppealPreparing, move{taxLeader, materials})
	then(caseflow.StateAppealDrafted, caseflow.StateAppealSubmitted, move{clerk, caseflow.AppealConfirmation{Application: "申请"}})
	then(caseflow.StateApplicationReviewed, caseflow.StateAppealDrafted, move{boss, caseflow.ApplicationReview{Opinion: "同意"}})
	then(caseflow.StateAppealPending, caseflow.StateApplicationReviewed, move{clerk, caseflow.AppealSubmission{}})
	then(caseflow.StateAnnulled, caseflow.StateAppealPending, move{cityClerk, caseflow.CityDecision{Upheld: true, Reference: "复函"}})

	o := map[caseflow.State][]move{caseflow.StateReceived: nil}
	then = func(to, from caseflow.State, ms ...move) { o[to] = append(slices.Clip(o[from]), ms...) }
	then(caseflow.StateRegistered, caseflow.StateReceived, move{clerk, caseflow.Registration{}})
	then(caseflow.StateAssigned, caseflow.StateRegistered, move{clerk, caseflow.Assignment{ResponsibleWindow: taxWindow}})
	then(caseflow.StateHandling, caseflow.StateAssigned, move{clerk, caseflow.Transfer{}})
	then(caseflow.StateReported, caseflow.StateHandling, move{staff, report})
	then(caseflow.StateReportedToLeader, caseflow.StateReported, move{clerk, caseflow.LeaderReport{Summary: "已整改"}})
	then(caseflow.StateSatisfied, caseflow.StateReportedToLeader, move{clerk, satisfied})
	then(caseflow.StateClosureApproved, caseflow.StateReportedToLeader, attempts...)
	return map[caseflow.Kind]map[caseflow.State][]move{caseflow.KindSystemPushed: p, caseflow.KindOnSiteComplaint: o}
}

// content returns a step whose event is ev; the role check comes before any check of content.
func content(ev caseflow.Event) caseflow.Step {
	for _, s := range []caseflow.Step{registration, justified, mistaken, caseflow.Transfer{}, meeting, report,
		func() caseflow.Report { r := report; r.Extension = &caseflow.Extension{}; return r }(),
		caseflow.Rectification{}, verification, review1, satisfied, caseflow.ResultFollowUp{}, caseflow.CitySubmission{},
		materials, caseflow.AppealConfirmation{}, caseflow.AppealDecline{}, caseflow.ApplicationReview{},
		caseflow.AppealSubmission{}, caseflow.CityDecision{Upheld: true}, caseflow.CityDecision{}, caseflow.Archive{},
		caseflow.Urge{}, caseflow.Assignment{}, caseflow.Inspection{}, caseflow.LeaderReport{}, caseflow.Retime{},
		caseflow.ContactAttempt{}, caseflow.ClosureProposal{}, caseflow.ClosureDecision{Approved: true},
		caseflow.ClosureDecision{}, caseflow.Retransfer{}, caseflow.WithdrawalRequest{},
		caseflow.WithdrawalDecision{Approved: true}, caseflow.WithdrawalDecision{}, caseflow.AppealAbandon{}} {
		if s.Event() == ev {
			return s
		}
	}
	panic("no content for " + string(ev))
}

// actors of every role, each acting for the organisation the case's steps need, so that only
// the role is wrong.
var everyRole = []caseflow.Actor{clerk, boss, staff, head, taxLeader, cityClerk,
	{ID: "sys", Name: "好差评系统", Role: caseflow.RoleSystem}}

// TestEveryRoleThatMayNotTakeAStepIsRefused takes, in every open state of both workflows,
// every step allowed there with an actor of every role that may not take it, and checks the
// refusal (ErrWrongRole) leaves the case as it was: state, version, trail, duties, finding.
func TestEveryRoleThatMayNotTakeAStepIsRefused(t *testing.T) {
	for kind, states := range paths() {
		w := caseflow.WorkflowOf(kind)
		defs := append(w.Steps(), w.Anywhere()...)
		covered := map[string]bool{}
		for state, path := range states {
			t.Run(fmt.Sprintf("%s/%s", kind, state), func(t *testing.T) {
				f := newFixture(t, at(2026, 11, 24, 9, 30))
				id := open(t, f, kind)
				for i, m := range path {
					f.step(id, at(2026, 11, 24, 9, 40).Add(time.Duration(i)*5*time.Minute), m.actor, m.step)
				}
				c, err := f.svc.Get(ctx, id)
				require.NoError(t, err)
				require.Equal(t, state, c.State, "the path reaches the state")
				for _, d := range defs {
					if !slices.Contains(d.From, state) {
						continue
					}
					covered[string(d.Event)+"@"+string(state)] = true
					for _, a := range everyRole {
						if slices.Contains(d.Roles, a.Role) {
							continue
						}
						r := f.refused(id, a, content(d.Event), caseflow.ErrWrongRole)
						require.Equal(t, d.Event, r.Event)
						require.Equal(t, "actor.role", r.Field)
					}
				}
			})
		}
		for _, d := range defs {
			for _, from := range d.From {
				if from != "start" && !w.Final(from) {
					require.True(t, covered[string(d.Event)+"@"+string(from)], "%s: step %s from %s is tested", kind, d.Event, from)
				}
			}
		}
	}
}

// open opens a case of kind at the county centre, whose steps the county office takes.
func open(t *testing.T, f *fixture, kind caseflow.Kind) string {
	t.Helper()
	if kind == caseflow.KindSystemPushed {
		return f.receive("r1").ID
	}
	c, _, err := f.svc.Complain(ctx, clerk, caseflow.Complaint{Complainant: haochaping.Reviewer{Name: "李雷", Phone: "13912345678"},
		Time: at(2026, 11, 24, 9, 20), Content: "窗口人员态度差", Center: center})
	require.NoError(t, err)
	return c.ID
}

// Every path to every state rebuilds from its trail alone to the same case (第十二条: under the
// deadlines the trail recorded), closure, withdrawal and bounded deadlines included.
func TestEveryPathRebuilds(t *testing.T) {
	for kind, states := range paths() {
		for state, path := range states {
			t.Run(fmt.Sprintf("%s/%s", kind, state), func(t *testing.T) {
				f := newFixture(t, at(2026, 11, 24, 9, 30))
				id := open(t, f, kind)
				for i, m := range path {
					f.step(id, at(2026, 11, 24, 9, 40).Add(time.Duration(i)*5*time.Minute), m.actor, m.step)
				}
				p := caseflow.DefaultPolicy()
				p.Version, p.Report, p.CityReport, p.Feedback = "2027", deadline.Workdays(3), deadline.Workdays(5), deadline.Workdays(3)
				f.svc.Policy = p
				f.step(id, at(2026, 11, 25, 8, 30), clerk, caseflow.Retime{Reason: "新版时限"})
				f.step(id, at(2026, 11, 25, 9, 0), clerk, caseflow.WithdrawalRequest{Reason: caseflow.WithdrawalTest, Detail: "测试"})
				f.step(id, at(2026, 11, 25, 9, 30), boss, caseflow.WithdrawalDecision{Approved: true, Opinion: "同意"})
				c, err := f.svc.Get(ctx, id)
				require.NoError(t, err)
				f.svc.Policy = caseflow.DefaultPolicy()
				f.svc.Policy.Report, f.svc.Policy.CityReport = deadline.Workdays(9), deadline.Workdays(9) // today's rules differ
				got, err := f.svc.Rebuild(roundTrip(t, c.Trail))                                          // every step's content decodes
				require.NoError(t, err)
				got.Version = c.Version
				require.JSONEq(t, storedJSON(t, c), storedJSON(t, got))
			})
		}
	}
}
