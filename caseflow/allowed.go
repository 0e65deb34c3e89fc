package caseflow

import (
	"context"
	"errors"
	"slices"
	"time"
)

// AllowedStep is a step an actor may take on a case now, as a portal draws its button: the
// event, its label and article, where it takes the case, and the content it needs
// ([StepTypeOf] gives the content's type and JSON schema).
type AllowedStep struct {
	Event Event `json:"event"`
	// Label is the step in Chinese, as the workflow's flowchart names it, e.g. "登记".
	Label string `json:"label"`
	// Rule is the article or annex that requires the step, e.g. "第五条".
	Rule string `json:"rule"`
	// To is the state the step takes the case to, with its Chinese label; empty for a step
	// that keeps the case where it is (督促办理, say).
	To      State  `json:"to,omitempty"`
	ToLabel string `json:"toLabel,omitempty"`
	// Content is the step's content: the type to decode it into and what it needs.
	Content StepType `json:"content"`
}

// Allowed lists the steps actor may take on case id now, in the workflow's order, those
// allowed in every open state last: each is one the service accepts from this actor with
// valid content ([StepType] says what that is), and every step it would refuse whatever the
// content (another role's, another window's, a condition unmet, a threshold of the policy
// not reached, rules changed under the case) is left out. A refusal of content itself, a
// blank required field, is for [Service.Take] to report; so is a deadline the service's
// calendar cannot count (deadline.ErrNotCovered: a calendar without the coming year, which
// [DefaultCalendar] avoids), a setting to fix rather than a step to hide. It returns an
// error wrapping ErrNotFound for an unknown case, and the actor's *RefusalError
// (ErrBadActor) for an incomplete actor.
func (s *Service) Allowed(ctx context.Context, id string, actor Actor) ([]AllowedStep, error) {
	c, err := s.Store.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.AllowedOn(c, actor)
}

// AllowedOn is [Service.Allowed] for a case the caller has read already.
func (s *Service) AllowedOn(c *Case, actor Actor) ([]AllowedStep, error) {
	if err := actor.Validate(); err != nil {
		return nil, err
	}
	g, err := s.engine()
	if err != nil {
		return nil, err
	}
	wf := c.Workflow()
	if wf == nil {
		return nil, errors.New("caseflow: case " + c.ID + ": unknown kind " + string(c.Kind))
	}
	now := g.instant(s.now())
	var out []AllowedStep
	for _, ev := range wf.Next(c.State) {
		def := wf.byKey[stepKey{ev, c.State}]
		if g.permits(c, def, c.State, actor, now, false) != nil || !g.some(c, ev) {
			continue
		}
		st, _ := StepTypeOf(ev)
		a := AllowedStep{Event: ev, Label: def.Label, Rule: def.Rule, To: def.To, Content: st}
		if def.To != "" {
			a.ToLabel = wf.Label(def.To)
		}
		out = append(out, a)
	}
	return out, nil
}

// some reports whether some content of the step ev passes the policy on c: a proposal to
// close needs one reason whose threshold is met (第八条).
func (g *engine) some(c *Case, ev Event) bool {
	if ev != EventClosurePropose {
		return true
	}
	a := &attempt{g: g, c: c}
	for _, r := range closureReasons {
		if a.closureAllowed(ClosureProposal{Reason: r}) == nil {
			return true
		}
	}
	return false
}

// permits refuses actor the step def from state from on c at time at for who the actor is
// and where the case stands, whatever the step's content: an incomplete actor, a role or an
// organisation the step does not allow, rules changed since the case's deadlines were set
// (第十二条), a condition that does not hold, or a request already before the leader. A
// replayed step is not asked about the rules or the requests: its trail proves them.
func (g *engine) permits(c *Case, def *StepDef, from State, actor Actor, at time.Time, replay bool) *RefusalError {
	ev := def.Event
	refuse := func(err error, field, value, detail string) *RefusalError {
		return &RefusalError{Event: ev, State: from, Kind: c.Kind, Rule: def.Rule, Err: err, Field: field, Value: value, Detail: detail}
	}
	if err := actor.Validate(); err != nil {
		var r *RefusalError
		if !errors.As(err, &r) {
			return refuse(ErrBadActor, "actor", "", err.Error())
		}
		return refuse(r.Err, r.Field, r.Value, r.Detail).hinted(r.Hint)
	}
	roles := def.Roles
	if def.OwnLeaderRoles != nil && c.ledByOwnLeader() {
		roles = def.OwnLeaderRoles
	}
	if !slices.Contains(roles, actor.Role) {
		r := refuse(ErrWrongRole, "actor.role", string(actor.Role), "want "+roleList(roles))
		r.Roles = roles
		return r
	}
	switch actor.Role {
	case RoleWindowStaff, RoleWindowHead:
		if c.ResponsibleWindow == nil || actor.Org != c.ResponsibleWindow.ID {
			return refuse(ErrWrongOrg, "actor.org", actor.Org, "the case is with window "+windowID(c))
		}
	case RoleOrgLeader:
		if o := c.leaderOrg(); actor.Org != o {
			return refuse(ErrWrongOrg, "actor.org", actor.Org, "the case's leader in charge leads "+o)
		}
	}
	if replay {
		return nil
	}
	if !rulesFree[ev] && g.differs(c) {
		return &RefusalError{Event: ev, State: from, Kind: c.Kind, Rule: "第十二条", Err: ErrRulesChanged, Field: "rules",
			Value:  c.Rules.Policy + " " + c.Rules.PolicyVersion,
			Detail: "the case's deadlines were set under other rules: take a Retime (按新规则重新计时) first"}
	}
	if w := def.When; w != "" && !w.holds(c, at) {
		r := refuse(ErrWrongState, "", "", "the step needs: "+w.Label())
		r.Condition = w
		return r
	}
	switch {
	case ev == EventClosurePropose && c.Closure.pending():
		return &RefusalError{Event: ev, State: from, Kind: c.Kind, Rule: kindRule(c, "第八条"), Err: ErrWrongState,
			Detail: "a proposal to close is already before the leader", Hint: "拟结案申请已报分管领导，请待分管领导决定"}
	case ev == EventWithdrawRequest && c.Withdrawal != nil && !c.Withdrawal.Decided:
		return refuse(ErrWrongState, "", "", "a withdrawal is already before the leader").hinted("撤销申请已报分管领导，请待分管领导决定")
	case ev == EventErase && len(c.Trail) > 0 && saltOf(c.Trail) == nil:
		return refuse(ErrWrongState, "erasure", "", "the case's personal data is already erased").hinted("本办件的个人信息已删除")
	}
	return nil
}
