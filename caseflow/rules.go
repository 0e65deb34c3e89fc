package caseflow

import (
	"context"
	"fmt"
)

// Rules identifies the rules a case runs under (第十二条: the measures apply from their
// publication, and a county revises them when the city's change): the [Policy] by the name,
// version and digest the county gives it, and the working-day calendar by its digest
// ([deadline.Calendar.Digest]). A case records them when it is opened and again at each
// [Retime]; the deadlines each step started are recorded beside them in the trail, so that
// changing the service's policy or calendar moves no deadline of an open case by itself.
type Rules struct {
	Policy        string `json:"policy"`
	PolicyVersion string `json:"policyVersion,omitempty"`
	PolicyDigest  string `json:"policyDigest"`
	Calendar      string `json:"calendar"`
}

// identity returns the identity of the engine's policy and calendar, computed once per
// engine: the digests hash the whole calendar.
func (g *engine) identity() Rules {
	g.rulesOnce.Do(func() {
		g.inForce = Rules{Policy: g.policy.Name, PolicyVersion: g.policy.Version, PolicyDigest: g.policy.Digest(),
			Calendar: g.cal.Digest()}
	})
	return g.inForce
}

// rules returns a copy of the engine's identity for a case or a step to keep.
func (g *engine) rules() *Rules {
	r := g.identity()
	return &r
}

// differs reports whether the case runs under other rules than the engine's. A case recorded
// before cases kept their rules differs from none.
func (g *engine) differs(c *Case) bool {
	if c.Rules == nil || *c.Rules == (Rules{}) {
		return false
	}
	r := g.identity()
	return c.Rules.PolicyDigest != r.PolicyDigest || c.Rules.Calendar != r.Calendar
}

// Retime moves the deadlines of an open case to the rules the service has in force now: a
// county that changed its [Policy], or a calendar whose provisional year was replaced by the
// State Council's notice (第十二条). Each open duty is timed again from its own start under
// the limit that timed it; a window's own rectification deadline stays. The step records the
// new rules and every deadline that moved, and changes no state. Only the office takes it,
// with a reason.
type Retime struct {
	Reason string `json:"reason"`
	// Rules are the rules in force when the step was taken; the service fills them in.
	Rules *Rules `json:"rules,omitempty"`
}

// Event returns EventRetime.
func (Retime) Event() Event { return EventRetime }

func (r Retime) check(*Case) *RefusalError {
	return requireText("第十二条", "retime.reason", r.Reason, "say why the deadlines move (a new policy or calendar)")
}

func (r Retime) apply(c *Case, _ *Entry) { c.Rules = r.Rules }

// RetimeOpen takes a [Retime] on every open case whose rules differ from the service's policy
// and calendar, as actor with the reason given, and returns how many it moved: what an office
// runs once after changing its policy or adding a year's notice to its calendar (第十二条).
// It stops at the first error, returning the count so far.
func (s *Service) RetimeOpen(ctx context.Context, actor Actor, reason string) (int, error) {
	g, err := s.engine()
	if err != nil {
		return 0, err
	}
	cases, _, err := s.Store.List(ctx, Filter{Open: true}, Page{})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, c := range cases {
		if !g.differs(c) {
			continue
		}
		if _, err := s.Take(ctx, c.ID, Action{Actor: actor, Step: Retime{Reason: reason}}); err != nil {
			return n, fmt.Errorf("caseflow: retime case %s: %w", c.ID, err)
		}
		n++
	}
	return n, nil
}
