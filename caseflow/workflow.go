package caseflow

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/looplab/fsm"
)

// StepDef defines one step of a workflow: the event, the states it leaves and enters, who may
// take it, the rule behind it and the duties it starts and closes. The definitions are data:
// the state machine, the guards, the duties and the diagrams are all made from them.
type StepDef struct {
	Event Event
	// Label is the step in Chinese, as a diagram shows it.
	Label string
	From  []State
	// To is the state the step enters; empty for a step that keeps the case in its state.
	To State
	// Roles may take the step. At a sub-centre or township centre, OwnLeaderRoles take it
	// instead when set (第四条（二）).
	Roles          []Role
	OwnLeaderRoles []Role
	// Rule is the article or annex that requires the step, e.g. "第五条".
	Rule string
	// Annex is the text of the flowchart box (Annex 2 or 3) the step implements.
	Annex string
	// When, if set, is a condition on the case the step also needs, beyond its state.
	When Condition
	// Starts are duties timed from the step; StartsFromReceipt are timed from the receipt
	// of the case.
	Starts            []DutyKind
	StartsFromReceipt []DutyKind
	// Fulfils are duties the step does; Cancels are duties that fall away.
	Fulfils []DutyKind
	Cancels []DutyKind
	// Bounds are open duties the step gives a second limit: each falls due at the earlier
	// of the two (the city report, 第七条 and Annex 3).
	Bounds []DutyKind
	// CancelsAll cancels every open duty (a withdrawn case owes nothing).
	CancelsAll bool
}

// Condition is a condition on a case that a step needs besides its state.
type Condition string

const (
	// ConditionRectificationPending: the window is rectifying under its own deadline (第五条), so the
	// report goes to the city within its limit (Annex 3) before the result follow-up.
	ConditionRectificationPending Condition = "rectification_pending"
	// ConditionRectificationDone: no extended rectification is running; the result follow-up comes
	// after rectification is complete (第八条: 整改完毕后).
	ConditionRectificationDone Condition = "rectification_done"
	// ConditionCityReportOwed: the leader has reviewed a report and the report to the city is still
	// owed, while the window rectifies again for an unsatisfied reviewer. The city's limit
	// (Annex 3: 4 working days from receipt) does not wait for the new round, so the reviewed
	// report goes to the city meanwhile, and the case keeps its state.
	ConditionCityReportOwed Condition = "city_report_owed"
	// ConditionClosureProposed: the office's proposal to close without a satisfied reviewer
	// awaits the leader's decision.
	ConditionClosureProposed Condition = "closure_proposed"
	// ConditionWithdrawalRequested: the office's request to withdraw a case opened in error
	// awaits the leader's decision.
	ConditionWithdrawalRequested Condition = "withdrawal_requested"
	// ConditionAppealMaterialsOverdue: the window's appeal materials (第九条) are overdue.
	ConditionAppealMaterialsOverdue Condition = "appeal_materials_overdue"
)

// Label returns the condition in Chinese, as a diagram shows it.
func (c Condition) Label() string {
	switch c {
	case ConditionRectificationPending:
		return "延期整改中"
	case ConditionRectificationDone:
		return "整改完毕"
	case ConditionCityReportOwed:
		return "报告已审阅"
	case ConditionClosureProposed:
		return "已报拟结案"
	case ConditionWithdrawalRequested:
		return "已申请撤销"
	case ConditionAppealMaterialsOverdue:
		return "申诉材料逾期"
	}
	return string(c)
}

// holds reports whether the condition holds for case cs at time at.
func (c Condition) holds(cs *Case, at time.Time) bool {
	pending := false
	if d := cs.Duty(DutyRectify); d != nil && d.Open() {
		pending = true
	}
	switch c {
	case ConditionRectificationPending:
		return pending
	case ConditionRectificationDone:
		return !pending
	case ConditionCityReportOwed:
		d := cs.Duty(DutyCityReport)
		return d != nil && d.Open() && cs.LastEntry(EventLeaderReview) != nil
	case ConditionClosureProposed:
		return cs.Closure.pending()
	case ConditionWithdrawalRequested:
		return cs.Withdrawal != nil && !cs.Withdrawal.Decided
	case ConditionAppealMaterialsOverdue:
		d := cs.Duty(DutyAppealMaterials)
		return d != nil && d.Open() && d.Timed && !at.Before(d.Deadline.Due)
	}
	return true
}

// StateDef is a state of a workflow with its Chinese label.
type StateDef struct {
	State State
	Label string
}

// Workflow is one of the two workflows: its states and steps, run on a looplab/fsm state
// machine. Get them with [SystemPushed] and [OnSite]; a Workflow is immutable and safe for
// concurrent use: its tables are unexported, and [Workflow.States] and [Workflow.Steps] hand
// out copies.
type Workflow struct {
	kind   Kind
	name   string
	states []StateDef
	steps  []StepDef

	// anywhere are the steps allowed in every open state (urging, re-timing and withdrawal)
	// and in the closed ones (the erasure of personal data).
	anywhere []StepDef
	labels   map[State]string
	byKey    map[stepKey]*StepDef
	pool     sync.Pool // *fsm.FSM, reset to a case's state for each step
}

type stepKey struct {
	event Event
	from  State
}

// start is the state a case is in before its intake; no case rests in it.
const start State = "start"

// Kind returns which kind of case the workflow handles.
func (w *Workflow) Kind() Kind { return w.kind }

// Name returns the title of the flowchart, e.g. "系统推送差评办件处理流程图".
func (w *Workflow) Name() string { return w.name }

// States returns a copy of the workflow's states, in the order of the flowchart.
func (w *Workflow) States() []StateDef { return slices.Clone(w.states) }

// Steps returns a copy of the workflow's step definitions, in definition order, without the
// steps allowed in every open state (urging 督促, re-timing and withdrawal: see
// [Workflow.Anywhere]); changing the copy changes nothing the engine reads.
func (w *Workflow) Steps() []StepDef {
	out := make([]StepDef, len(w.steps))
	for i, d := range w.steps {
		out[i] = d.clone()
	}
	return out
}

// Anywhere returns a copy of the definitions of the steps allowed in every open state:
// urging (督促), re-timing under new rules ([Retime], 第十二条) and the withdrawal of a case
// opened in error ([WithdrawalRequest], [WithdrawalDecision]); and of the one allowed in
// both closed states: the erasure of personal data ([Erasure]).
func (w *Workflow) Anywhere() []StepDef {
	out := make([]StepDef, len(w.anywhere))
	for i, d := range w.anywhere {
		out[i] = d.clone()
	}
	return out
}

// clone copies d and its lists.
func (d StepDef) clone() StepDef {
	d.From, d.Roles, d.OwnLeaderRoles = slices.Clone(d.From), slices.Clone(d.Roles), slices.Clone(d.OwnLeaderRoles)
	d.Starts, d.StartsFromReceipt = slices.Clone(d.Starts), slices.Clone(d.StartsFromReceipt)
	d.Fulfils, d.Cancels, d.Bounds = slices.Clone(d.Fulfils), slices.Clone(d.Cancels), slices.Clone(d.Bounds)
	return d
}

// Label returns the Chinese label of s in this workflow, or s itself if unknown.
func (w *Workflow) Label(s State) string {
	if l, ok := w.labels[s]; ok {
		return l
	}
	return string(s)
}

// Step returns the definition of event taken from state from; an empty from is the intake,
// as the first trail entry records it.
func (w *Workflow) Step(event Event, from State) (StepDef, bool) {
	if from == "" {
		from = start
	}
	d, ok := w.byKey[stepKey{event, from}]
	if !ok {
		return StepDef{}, false
	}
	return d.clone(), true
}

// Next returns the events that may be taken from s, in definition order, those allowed in
// every open state last. It does not weigh roles or conditions.
func (w *Workflow) Next(s State) []Event {
	var evs []Event
	for _, list := range [][]StepDef{w.steps, w.anywhere} {
		for i := range list {
			if slices.Contains(list[i].From, s) && !slices.Contains(evs, list[i].Event) {
				evs = append(evs, list[i].Event)
			}
		}
	}
	return evs
}

// Final reports whether s ends the workflow: archived, or withdrawn as opened in error.
func (w *Workflow) Final(s State) bool { return s == StateArchived || s == StateWithdrawn }

func newWorkflow(kind Kind, name string, states []StateDef, steps []StepDef) *Workflow {
	w := &Workflow{kind: kind, name: name, states: states, steps: steps,
		labels: make(map[State]string, len(states)), byKey: make(map[stepKey]*StepDef)}
	var open []State
	for _, s := range states {
		w.labels[s.State] = s.Label
		if !w.Final(s.State) {
			open = append(open, s.State)
		}
	}
	urge := StepDef{Event: EventUrge, Label: "督促办理", Roles: []Role{RoleOffice}, Rule: "第五条"}
	if kind == KindOnSiteComplaint { // 第四条（二）: at sub-centres and townships their leader coordinates
		urge.OwnLeaderRoles, urge.Rule = []Role{RoleOrgLeader, RoleOffice}, "第四条"
	}
	w.anywhere = []StepDef{urge,
		{Event: EventRetime, Label: "按新规则重新计时", Roles: office, Rule: "第十二条"},
		{Event: EventWithdrawRequest, Label: "误立案件，申请撤销", Roles: office, Rule: "第三条"},
		{Event: EventWithdrawApprove, Label: "分管领导同意撤销", To: StateWithdrawn, When: ConditionWithdrawalRequested,
			Roles: leader, Rule: "第三条", CancelsAll: true},
		{Event: EventWithdrawReject, Label: "分管领导不同意撤销", When: ConditionWithdrawalRequested, Roles: leader, Rule: "第三条"},
	}
	for i := range w.anywhere {
		w.anywhere[i].From = open
	}
	// 个人信息保护法 第四十七条: once a case is closed its purpose is met; erasing its personal
	// data keeps it where it is.
	w.anywhere = append(w.anywhere, StepDef{Event: EventErase, Label: "删除个人信息", Roles: office, Rule: ruleErasure,
		From: []State{StateArchived, StateWithdrawn}})
	for _, list := range [][]StepDef{w.steps, w.anywhere} {
		for i := range list {
			for _, f := range list[i].From {
				w.byKey[stepKey{list[i].Event, f}] = &list[i]
			}
		}
	}
	w.pool.New = func() any { return w.newFSM() }
	return w
}

// newFSM builds a state machine of the workflow whose before_ callbacks are the guards.
func (w *Workflow) newFSM() *fsm.FSM {
	var events fsm.Events
	callbacks := fsm.Callbacks{}
	for _, list := range [][]StepDef{w.steps, w.anywhere} {
		for i := range list {
			d := &list[i]
			if d.To == "" { // stays: looplab/fsm runs the guard, then reports no transition
				for _, f := range d.From {
					events = append(events, fsm.EventDesc{Name: string(d.Event), Src: []string{string(f)}, Dst: string(f)})
				}
			} else {
				events = append(events, fsm.EventDesc{Name: string(d.Event), Src: states(d.From), Dst: string(d.To)})
			}
			callbacks["before_"+string(d.Event)] = guard
		}
	}
	return fsm.NewFSM(string(start), events, callbacks)
}

func states(ss []State) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}

// guard is the before_ callback of every step: it cancels the transition with the refusal
// when the step may not be taken, so that the state machine and the case stay unchanged.
func guard(_ context.Context, e *fsm.Event) {
	a := e.Args[0].(*attempt)
	if err := a.check(State(e.Src), State(e.Dst)); err != nil {
		e.Cancel(err)
	}
}

var (
	systemPushedOnce = sync.OnceValue(func() *Workflow {
		return newWorkflow(KindSystemPushed, "系统推送差评办件处理流程图", systemPushedStates, systemPushedSteps)
	})
	onSiteOnce = sync.OnceValue(func() *Workflow {
		return newWorkflow(KindOnSiteComplaint, "现场投诉办件处理流程图", onSiteStates, onSiteSteps)
	})
)

// SystemPushed returns the workflow of a bad review pushed by the rating system (Annex 3).
func SystemPushed() *Workflow { return systemPushedOnce() }

// OnSite returns the workflow of an on-site complaint (Annex 2).
func OnSite() *Workflow { return onSiteOnce() }

// WorkflowOf returns the workflow of kind k, or nil for an unknown kind.
func WorkflowOf(k Kind) *Workflow {
	switch k {
	case KindSystemPushed:
		return SystemPushed()
	case KindOnSiteComplaint:
		return OnSite()
	}
	return nil
}
