package caseflow_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

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
	for _, w := range []*caseflow.Workflow{caseflow.SystemPushed(), caseflow.OnSite()} {
		kind := w.Kind()
		defs := append(w.Steps(), w.Anywhere()...)
		covered := map[string]bool{}
		for _, state := range openStates(w) {
			t.Run(fmt.Sprintf("%s/%s", kind, state), func(t *testing.T) {
				f, id := reach(t, kind, state)
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

// openStates returns the states of w a case may still leave.
func openStates(w *caseflow.Workflow) []caseflow.State {
	var open []caseflow.State
	for _, s := range w.States() {
		if !w.Final(s.State) {
			open = append(open, s.State)
		}
	}
	return open
}

// Every path to every state rebuilds from its trail alone to the same case (第十二条: under the
// deadlines the trail recorded), closure, withdrawal and bounded deadlines included.
func TestEveryPathRebuilds(t *testing.T) {
	for _, w := range []*caseflow.Workflow{caseflow.SystemPushed(), caseflow.OnSite()} {
		for _, state := range openStates(w) {
			t.Run(fmt.Sprintf("%s/%s", w.Kind(), state), func(t *testing.T) {
				f, id := reach(t, w.Kind(), state)
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
