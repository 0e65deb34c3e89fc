// Regression tests of the problems a review of issue 12 found, each proved by a failing
// probe before its fix.
package caseflow_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/haochaping/haochaping/caseflow"
	kit "github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/deadline"
)

// A review received (dated) within MaxBackdateHours opens with duties already overdue;
// a Sweep run before it was entered never reports them, though AtRisk does.
func TestSweepReportsDutiesOfABackdatedReceipt(t *testing.T) {
	svc := kit.NewService()
	clk := kit.ClockOf(svc)
	clk.Set(kit.Start().Add(2*24*time.Hour + 7*time.Hour)) // Wednesday 16:00
	_, until, err := svc.Sweep(ctx, caseflow.Filter{Open: true}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Minute)
	r := kit.Review()
	r.Time = kit.Start().Add(50 * time.Minute)                     // rated Monday 09:50
	c, _, err := svc.ReceiveAt(ctx, r, kit.Start().Add(time.Hour)) // received Monday 10:00, entered Wednesday 16:01
	if err != nil {
		t.Fatal(err)
	}
	all, _ := svc.AtRisk(ctx, caseflow.Filter{Open: true}, deadline.Overdue)
	news, _, err := svc.Sweep(ctx, caseflow.Filter{Open: true}, until)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("case %s: AtRisk(overdue) lists %d duties, the next Sweep lists %d", c.ID, len(all), len(news))
	if len(all) > 0 && len(news) == 0 {
		t.Errorf("Sweep never reports the %d overdue duties of a case received by backdating: they were overdue before `since`", len(all))
	}
}

// The same with an ordinary step dated back: it starts duties whose warning time lies before
// the previous sweep.
func TestSweepReportsDutiesStartedByABackdatedStep(t *testing.T) {
	svc := kit.NewService()
	c := kit.To(t, svc, caseflow.KindSystemPushed, caseflow.StateJustified)
	clk := kit.ClockOf(svc)
	dated := clk.Now().Add(time.Minute)
	clk.Set(dated.Add(60 * time.Hour)) // two and a half days later
	_, until, err := svc.Sweep(ctx, caseflow.Filter{Open: true}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	before := map[string]bool{}
	all0, _ := svc.AtRisk(ctx, caseflow.Filter{Open: true})
	for _, d := range all0 {
		before[string(d.Duty.Kind)] = true
	}
	clk.Advance(time.Minute)
	if _, err := svc.Take(ctx, c.ID, caseflow.Action{Actor: kit.Clerk(), Step: caseflow.Transfer{}, At: dated}); err != nil {
		t.Fatal(err)
	}
	all, _ := svc.AtRisk(ctx, caseflow.Filter{Open: true})
	news, _, _ := svc.Sweep(ctx, caseflow.Filter{Open: true}, until)
	var started []string
	for _, d := range all {
		if !before[string(d.Duty.Kind)] {
			started = append(started, string(d.Duty.Kind))
		}
	}
	t.Logf("at risk or overdue after the backdated transfer: %v; swept: %d", started, len(news))
	if len(started) > 0 && len(news) == 0 {
		t.Errorf("duties %v, started at risk/overdue by a backdated step, are never swept", started)
	}
}

// Allowed lists the next steps though the service refuses any step taken now (At zero),
// whatever its content, because the last step was dated within the clock skew ahead.
func TestStepNowFollowsAStepDatedAheadWithinTheSkew(t *testing.T) {
	svc := kit.NewService()
	c := kit.To(t, svc, caseflow.KindSystemPushed, caseflow.StateReceived)
	now := kit.ClockOf(svc).Now()
	reg := caseflow.Registration{ResponsibleWindow: new(kit.Window()), ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}
	c, err := svc.Take(ctx, c.ID, caseflow.Action{Actor: kit.Clerk(), Step: reg, At: now.Add(50 * time.Second)})
	if err != nil {
		t.Fatal(err)
	}
	allowed, err := svc.Allowed(ctx, c.ID, kit.Clerk())
	if err != nil {
		t.Fatal(err)
	}
	var listed bool
	for _, a := range allowed {
		listed = listed || a.Event == caseflow.EventUrge
	}
	_, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: kit.Clerk(), Step: caseflow.Urge{Message: "请按时办理"}})
	if listed && err != nil {
		t.Errorf("Allowed lists urge, Take refuses it: %v", err)
	}
}

// The ID of a case received by backdating carries the date it was entered, not received.
func TestCaseIDCarriesTheReceiptDate(t *testing.T) {
	svc := kit.NewService()
	clk := kit.ClockOf(svc)
	clk.Set(kit.Start().Add(2*24*time.Hour + 7*time.Hour))
	r := kit.Review()
	r.Time = kit.Start().Add(50 * time.Minute)
	c, _, err := svc.ReceiveAt(ctx, r, kit.Start().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.ID, c.ReceivedAt.Format("20060102")) {
		t.Errorf("case %s received %s: NewID was given the entry time, not the receipt", c.ID, c.ReceivedAt)
	}
}

// The step's condition is read at the client's At, which may lie a minute after now: the
// office abandons the appeal before the window's materials are overdue, a step Allowed omits.
func TestConditionHoldsWhenTheStepIsEntered(t *testing.T) {
	svc := kit.NewService()
	c := kit.To(t, svc, caseflow.KindSystemPushed, caseflow.StateAppealPreparing)
	d := c.Duty(caseflow.DutyAppealMaterials)
	if d == nil || !d.Timed {
		t.Skip("no timed appeal-materials duty")
	}
	clk := kit.ClockOf(svc)
	clk.Set(d.Deadline.Due.Add(-30 * time.Second))
	allowed, _ := svc.Allowed(ctx, c.ID, kit.Clerk())
	listed := slices.ContainsFunc(allowed, func(a caseflow.AllowedStep) bool { return a.Event == caseflow.EventAppealAbandon })
	_, err := svc.Take(ctx, c.ID, caseflow.Action{Actor: kit.Clerk(), Step: caseflow.AppealAbandon{Reason: "逾期未报"}, At: d.Deadline.Due.Add(20 * time.Second)})
	if err == nil {
		t.Errorf("appeal abandoned 30s before the materials are due (listed by Allowed: %v)", listed)
	}
}

// DecodeStep: a null or differently-cased discriminator.
func TestDecodeStepSpellsFieldsExactly(t *testing.T) {
	s, err := caseflow.DecodeStep(caseflow.EventFollowUp, []byte(`{"outcome":"x","reason":"y","materials":["m"],"verdict":null}`))
	if err == nil {
		if fu := s.(caseflow.FollowUp); fu.Verdict != caseflow.VerdictJustified {
			t.Errorf(`"verdict": null decodes for callback to verdict %q, neither refused nor fixed`, fu.Verdict)
		}
	}
	s, err = caseflow.DecodeStep(caseflow.EventFollowUp, []byte(`{"outcome":"x","materials":["m"],"Verdict":"mistaken"}`))
	if err == nil {
		t.Errorf(`"Verdict":"mistaken" given for callback is overwritten, not refused: %+v`, s)
	}
	s, err = caseflow.DecodeStep(caseflow.EventResultFollowUp, []byte(`{"outcome":"x","SATISFIED":false}`))
	if err == nil {
		t.Errorf(`"SATISFIED": false for recall accepted as %+v`, s)
	}
	s, err = caseflow.DecodeStep(caseflow.EventRetime, []byte(`{"reason":"x","Rules":{"policy":"forged"}}`))
	if err == nil {
		t.Errorf(`"Rules" (a field the service fills in) accepted by case folding: %+v`, s)
	}
	s, err = caseflow.DecodeStep(caseflow.EventUrge, []byte(`null`))
	if err == nil {
		t.Errorf("JSON null accepted as a step (doc: want a JSON object): %#v", s)
	}
}

// Decode errors are what a portal shows a clerk who mistyped a field: Message says "system error".
func TestDecodeStepErrorsReadInChinese(t *testing.T) {
	_, err := caseflow.DecodeStep(caseflow.EventUrge, []byte(`{"mesage":"请按时办理"}`))
	if err == nil {
		t.Fatal("accepted")
	}
	if m := caseflow.Message(err); strings.Contains(m, "系统错误") {
		t.Errorf("DecodeStep error %q shows a clerk %q", err, m)
	}
}

// Message on a tree holding a typed nil *RefusalError.
func TestMessageOfANilRefusal(t *testing.T) {
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("Message panicked: %v", p)
		}
	}()
	var r *caseflow.RefusalError
	_ = caseflow.Message(fmt.Errorf("step: %w", r))
	_ = errors.New
}
