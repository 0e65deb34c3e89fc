package caseflow

import (
	"fmt"
	"slices"
)

// ContactResult is what came of an attempt to reach the reviewer or complainant.
type ContactResult string

// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	ContactReached     ContactResult = "reached"      // 已联系上
	ContactNoAnswer    ContactResult = "no_answer"    // 无人接听或无法接通
	ContactWrongNumber ContactResult = "wrong_number" // 号码错误或空号
	ContactRefused     ContactResult = "refused"      // 拒绝回访
	ContactNoNumber    ContactResult = "no_number"    // 无联系方式（匿名或未留电话）
)

// Label returns the Chinese term, e.g. "拒绝回访".
func (r ContactResult) Label() string {
	switch r {
	case ContactReached:
		return "已联系上"
	case ContactNoAnswer:
		return "无人接听或无法接通"
	case ContactWrongNumber:
		return "号码错误或空号"
	case ContactRefused:
		return "拒绝回访"
	case ContactNoNumber:
		return "无联系方式"
	}
	return unknownLabel(string(r))
}

func (r ContactResult) valid() bool {
	switch r {
	case ContactReached, ContactNoAnswer, ContactWrongNumber, ContactRefused, ContactNoNumber:
		return true
	}
	return false
}

// unreached reports whether r is an attempt that reached nobody.
func (r ContactResult) unreached() bool { return r == ContactNoAnswer || r == ContactWrongNumber }

// ContactAttempt is the office's record of one attempt to reach the reviewer (or complainant)
// that did not get an answer to the follow-up: when (the step's time), how, and what came of
// it. 第六条 and 第八条 oblige the office to follow up, and say nothing of a reviewer who
// cannot be reached; the attempts are what a proposal to close without a satisfied reviewer
// rests on ([ClosureProposal]). The step changes no state.
type ContactAttempt struct {
	// Channel is how the office tried: 电话, 短信, 上门 and so on.
	Channel string `json:"channel"`
	// Result is ContactNoAnswer, ContactWrongNumber or ContactRefused.
	Result ContactResult `json:"result"`
	Note   string        `json:"note,omitempty"`
}

// Event returns EventContactAttempt.
func (ContactAttempt) Event() Event { return EventContactAttempt }

func (a ContactAttempt) check(c *Case) *RefusalError {
	rule := kindRule(c, "第八条")
	if !a.Result.unreached() && a.Result != ContactRefused {
		return missing(rule, "contactAttempt.result", string(a.Result),
			"want no_answer, wrong_number or refused; a reviewer reached is followed up (回访) instead").
			hinted("应为无人接听或无法接通、号码错误或空号、拒绝回访；已联系上的，请办理回访")
	}
	return requireText(rule, "contactAttempt.channel", a.Channel, "say how the office tried (电话、短信、上门)")
}

func (ContactAttempt) apply(*Case, *Entry) {}

// ClosureReason is why a case closes without its reviewer saying they are satisfied.
type ClosureReason string

// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	ClosureUnreachable ClosureReason = "unreachable" // 无法联系
	ClosureNoContact   ClosureReason = "no_contact"  // 无联系方式
	ClosureRefused     ClosureReason = "refused"     // 拒绝回访
	ClosureUnsatisfied ClosureReason = "unsatisfied" // 多次整改仍不满意
)

// Label returns the Chinese reason, e.g. "多次整改仍不满意".
func (r ClosureReason) Label() string {
	switch r {
	case ClosureUnreachable:
		return "无法联系"
	case ClosureNoContact:
		return "无联系方式"
	case ClosureRefused:
		return "拒绝回访"
	case ClosureUnsatisfied:
		return "多次整改仍不满意"
	}
	return unknownLabel(string(r))
}

// Valid reports whether r is a reason a case may be closed for.
func (r ClosureReason) Valid() bool { return slices.Contains(closureReasons, r) }

// closureReasons are the reasons a case may be closed without a satisfied reviewer.
var closureReasons = []ClosureReason{ClosureUnreachable, ClosureNoContact, ClosureRefused, ClosureUnsatisfied}

// Closure records a case closed without a satisfied reviewer: the office's proposal and the
// leader's decision. Statistics and appraisal tell such a case apart by it
// ([Case.ClosedUnsatisfied]).
type Closure struct {
	Reason      ClosureReason `json:"reason"`
	Explanation string        `json:"explanation"`
	// Decided is set by the leader's decision; Approved says which way it went. Lapsed is set
	// when the case moved on before the leader decided (a follow-up reached the reviewer,
	// say): the proposal no longer stands, and the office may make a new one.
	Decided  bool   `json:"decided,omitempty"`
	Lapsed   bool   `json:"lapsed,omitempty"`
	Approved bool   `json:"approved,omitempty"`
	Opinion  string `json:"opinion,omitempty"`
}

// ClosureProposal is the office's proposal to close a case whose reviewer cannot be brought
// to say they are satisfied (第八条 makes the window answer for the reviewer's satisfaction,
// and says nothing of a reviewer who cannot be reached, gave no number, refuses, or stays
// unsatisfied). The office may propose it once the follow-up on the result is due (the
// rectification done) and the [Policy] threshold of its reason is met: ClosureAttempts
// attempts that reached nobody, ClosureRefusals refusals, a case with no number to call, or
// ClosureRounds rounds of rectification already sent back. The leader in charge decides
// ([ClosureDecision]). The step changes no state.
type ClosureProposal struct {
	Reason ClosureReason `json:"reason"`
	// Explanation says what was tried and what the reviewer said, for the leader.
	Explanation string `json:"explanation"`
}

// Event returns EventClosurePropose.
func (ClosureProposal) Event() Event { return EventClosurePropose }

func (p ClosureProposal) check(c *Case) *RefusalError {
	rule := kindRule(c, "第八条")
	if !p.Reason.Valid() {
		return missing(rule, "closureProposal.reason", string(p.Reason), "want unreachable, no_contact, refused or unsatisfied").
			hinted("应为无法联系、无联系方式、拒绝回访或多次整改仍不满意")
	}
	return requireText(rule, "closureProposal.explanation", p.Explanation, "say what was tried and what the reviewer said")
}

func (p ClosureProposal) apply(c *Case, _ *Entry) {
	c.Closure = &Closure{Reason: p.Reason, Explanation: p.Explanation}
}

// ClosureDecision is the leader in charge's decision on a proposal to close (第八条, as the
// library models it). Approved, the case goes on as a satisfied one would: a pushed case to
// the city report (Annex 3) if it is still owed, then to the archive; refused, it stays where
// it is and the office goes on trying.
type ClosureDecision struct {
	Approved bool   `json:"approved"`
	Opinion  string `json:"opinion"`
}

// Event returns EventClosureApprove or EventClosureReject.
func (d ClosureDecision) Event() Event {
	if d.Approved {
		return EventClosureApprove
	}
	return EventClosureReject
}

func (d ClosureDecision) check(c *Case) *RefusalError {
	return requireText(kindRule(c, "第八条"), "closureDecision.opinion", d.Opinion, "the leader's decision records an opinion")
}

func (d ClosureDecision) apply(c *Case, _ *Entry) {
	cl := *c.Closure // the condition guarantees a pending proposal
	cl.Decided, cl.Approved, cl.Opinion = true, d.Approved, d.Opinion
	c.Closure = &cl
}

// pending reports whether a proposal awaits the leader's decision; false for a nil Closure.
func (cl *Closure) pending() bool { return cl != nil && !cl.Decided && !cl.Lapsed }

// ClosedUnsatisfied reports whether the case was closed, with the leader's approval, without
// its reviewer saying they are satisfied ([Closure]).
func (c *Case) ClosedUnsatisfied() bool { return c.Closure != nil && c.Closure.Approved }

// attemptsSince counts the contact attempts with results ok recorded since the case last
// changed state: the attempts of the follow-up now due.
func (c *Case) attemptsSince(ok func(ContactResult) bool) int {
	n := 0
	for i := len(c.Trail) - 1; i >= 0; i-- {
		e := c.Trail[i]
		if e.From != e.To {
			break
		}
		if a, isAttempt := e.Step.(ContactAttempt); isAttempt && ok(a.Result) {
			n++
		}
	}
	return n
}

// closureAllowed refuses a proposal whose reason's threshold the policy has not seen met.
func (a *attempt) closureAllowed(p ClosureProposal) *RefusalError {
	c, pol := a.c, a.g.policy
	rule := kindRule(c, "第八条")
	refuse := func(detail, hint string) *RefusalError {
		return &RefusalError{Rule: rule, Err: ErrWrongState, Field: "closureProposal.reason", Value: string(p.Reason),
			Detail: detail, Hint: hint}
	}
	switch p.Reason {
	case ClosureUnreachable:
		if n := c.attemptsSince(ContactResult.unreached); n < pol.ClosureAttempts {
			return refuse(fmt.Sprintf("%d attempts that reached nobody recorded; the policy asks for %d", n, pol.ClosureAttempts),
				fmt.Sprintf("回访未果仅记录%d次，本县规定至少%d次", n, pol.ClosureAttempts))
		}
	case ClosureRefused:
		if n := c.attemptsSince(func(r ContactResult) bool { return r == ContactRefused }); n < pol.ClosureRefusals {
			return refuse(fmt.Sprintf("%d refusals recorded; the policy asks for %d", n, pol.ClosureRefusals),
				fmt.Sprintf("拒绝回访仅记录%d次，本县规定至少%d次", n, pol.ClosureRefusals))
		}
	case ClosureNoContact:
		if c.Callable() {
			return refuse("the reviewer gave a number to call: record the attempts instead",
				"评价人留有联系电话，请记录每次回访未果的情况")
		}
	case ClosureUnsatisfied:
		if n := c.Rounds(); n < pol.ClosureRounds {
			return refuse(fmt.Sprintf("%d rounds of rectification so far; the policy asks for %d", n, pol.ClosureRounds),
				fmt.Sprintf("已整改%d轮，本县规定至少%d轮", n, pol.ClosureRounds))
		}
	}
	return nil
}
