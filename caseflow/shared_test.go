package caseflow_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
	"github.com/haochaping/haochaping/internal/mutate"
)

// sharedValues returns everything the package hands every caller alike: the workflows and
// what their getters return, the default policy, the default calendar and the official one,
// with what their methods return, errors included.
func sharedValues() []any {
	vs := []any{caseflow.DefaultPolicy()}
	for _, wf := range []*caseflow.Workflow{caseflow.SystemPushed(), caseflow.OnSite(),
		caseflow.WorkflowOf(caseflow.KindSystemPushed), caseflow.WorkflowOf(caseflow.KindOnSiteComplaint)} {
		vs = append(vs, wf, wf.States(), wf.Steps(), wf.Anywhere())
		for _, d := range append(wf.Steps(), wf.Anywhere()...) {
			for _, from := range d.From {
				s, _ := wf.Step(d.Event, from)
				vs = append(vs, s)
			}
		}
		for _, s := range wf.States() {
			vs = append(vs, wf.Next(s.State))
		}
	}
	for _, cal := range []*deadline.Calendar{caseflow.DefaultCalendar(), deadline.China()} {
		vs = append(vs, calendarValues(cal)...)
	}
	return vs
}

// calendarValues returns what a calendar's methods hand out: its arrangements, office hours,
// counting rules, location, a rickar/cal calendar, and the errors of days it does not cover
// or covers provisionally.
func calendarValues(cal *deadline.Calendar) []any {
	vs := []any{cal, cal.OfficeHours(), cal.Counting(), cal.Location(), cal.BusinessCalendar()}
	first, last := cal.Covered()
	for y := first; y <= last+1; y++ {
		a, _ := cal.Arrangement(y)
		_, err := cal.IsWorkday(time.Date(y, 6, 1, 12, 0, 0, 0, haochaping.Location()))
		vs = append(vs, a, err)
	}
	return vs
}

// sharedBehaviour returns, as JSON, what a new service with the defaults does: a pushed case
// and an on-site complaint taken through their first steps, their duties, a refusal, and what
// the workflows, the policy and the calendars say.
func sharedBehaviour(t *testing.T) string {
	t.Helper()
	now := at(2026, 11, 24, 9, 30)
	svc := caseflow.NewService(caseflow.NewMemoryStore())
	svc.Now = func() time.Time { return now }
	svc.Rand = zeros{} // the same salt in both runs
	n := 0
	svc.NewID = func(caseflow.Kind, time.Time) string { n++; return fmt.Sprint("c", n) }
	pushed, _, err := svc.Receive(ctx, review("r1", now.Add(-time.Minute)))
	require.NoError(t, err)
	for _, s := range []struct {
		t     time.Time
		actor caseflow.Actor
		step  caseflow.Step
	}{
		{at(2026, 11, 24, 10, 0), clerk, registration},
		{at(2026, 11, 24, 11, 0), clerk, justified},
		{at(2026, 11, 24, 11, 30), clerk, caseflow.Transfer{}},
		{at(2026, 11, 24, 15, 0), staff, meeting},
		{at(2026, 11, 25, 9, 0), clerk, caseflow.Urge{Message: "请按时报送调查整改报告"}},
		{at(2026, 11, 25, 16, 0), head, report},
	} {
		now = s.t
		pushed, err = svc.Take(ctx, pushed.ID, caseflow.Action{Actor: s.actor, Step: s.step})
		require.NoError(t, err, "step %s", s.step.Event())
	}
	_, refusal := svc.Take(ctx, pushed.ID, caseflow.Action{Actor: staff, Step: caseflow.Archive{}})
	require.Error(t, refusal)
	onSite, _, err := svc.Complain(ctx, clerk, caseflow.Complaint{ID: "cp-1", Time: at(2026, 11, 25, 15, 50),
		Content: "窗口人员玩手机", Center: center})
	require.NoError(t, err)
	now = at(2026, 11, 25, 16, 40)
	onSite, err = svc.Take(ctx, onSite.ID, caseflow.Action{Actor: clerk, Step: caseflow.Registration{Content: "投诉窗口人员工作时间玩手机"}})
	require.NoError(t, err)
	out := map[string]any{"refusal": refusal.Error(), "policy": caseflow.DefaultPolicy(), "policyDigest": caseflow.DefaultPolicy().Digest()}
	for _, c := range []*caseflow.Case{pushed, onSite} {
		duties, err := svc.Duties(c)
		require.NoError(t, err)
		out[c.ID] = map[string]any{"case": c, "duties": duties}
	}
	for _, wf := range []*caseflow.Workflow{caseflow.SystemPushed(), caseflow.OnSite()} {
		next, labels := map[caseflow.State][]caseflow.Event{}, map[caseflow.State]string{}
		for _, s := range wf.States() {
			next[s.State], labels[s.State] = wf.Next(s.State), wf.Label(s.State)
		}
		out[string(wf.Kind())] = map[string]any{"name": wf.Name(), "states": wf.States(), "steps": wf.Steps(),
			"anywhere": wf.Anywhere(), "next": next, "labels": labels, "mermaid": wf.Mermaid()}
	}
	for name, cal := range map[string]*deadline.Calendar{"default": caseflow.DefaultCalendar(), "china": deadline.China()} {
		first, last := cal.Covered()
		var errs []string
		for y := first; y <= last+1; y++ {
			if _, err := cal.IsWorkday(time.Date(y, 6, 1, 12, 0, 0, 0, haochaping.Location())); err != nil {
				errs = append(errs, err.Error())
			}
		}
		out[name] = map[string]any{"digest": cal.Digest(), "first": first, "last": last, "errors": errs,
			"hours": cal.OfficeHours(), "counting": cal.Counting(), "location": cal.Location().String()}
	}
	b, err := json.MarshalIndent(out, "", " ")
	require.NoError(t, err)
	return string(b)
}

// STYLE.md rule 3: what the package shares among its callers is read-only in fact. The test
// changes everything a caller can reach through the shared values and their getters, then
// opens and steps new cases, and finds the package behaving as before.
func TestSharedValuesAreReadOnly(t *testing.T) {
	before := sharedBehaviour(t)
	mutate.All(sharedValues()...)
	require.Equal(t, before, sharedBehaviour(t))
}
