package caseflow

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors; callers branch on them with [errors.Is]. Refusals of a step come as a
// *RefusalError wrapping one of the first seven, or haochaping.ErrFuture for a complaint
// dated in the future.
var (
	// ErrWrongState: the step cannot be taken in the case's current state.
	ErrWrongState = errors.New("step not allowed in this state")
	// ErrWrongRole: the actor's role may not take the step.
	ErrWrongRole = errors.New("role may not take this step")
	// ErrWrongOrg: the actor acts for another organisation (window, centre or department)
	// than the case's.
	ErrWrongOrg = errors.New("actor acts for another organisation")
	// ErrMissing: content the step requires is missing or invalid.
	ErrMissing = errors.New("required content missing")
	// ErrBadActor: the actor is incomplete (no ID, unknown role, or no organisation for a role that acts for one).
	ErrBadActor = errors.New("actor incomplete")
	// ErrTimeOrder: the step is dated before the case's last step.
	ErrTimeOrder = errors.New("step dated before the previous step")
	// ErrBackdated: the step is dated further back than the policy allows
	// (Policy.MaxBackdateHours).
	ErrBackdated = errors.New("step dated further back than the policy allows")
	// ErrRulesChanged: the service's policy or calendar differs from the rules the case runs
	// under (第十二条); take a Retime first, which moves its deadlines explicitly.
	ErrRulesChanged = errors.New("the rules in force changed since the case's deadlines were set")
	// ErrNotBad: a rating that is not a bad review (or a default rating) cannot open a case.
	ErrNotBad = errors.New("not a bad review")
	// ErrNotFound: no case with that ID (or review ID) in the store.
	ErrNotFound = errors.New("case not found")
	// ErrBadCursor: a listing's cursor is not one the store gave.
	ErrBadCursor = errors.New("unknown cursor")
	// ErrConflict: the case was changed by someone else since it was read; read it again and
	// retry. Nothing was written.
	ErrConflict = errors.New("case changed concurrently")
	// ErrDuplicate: a case with that ID, or for that review, already exists.
	ErrDuplicate = errors.New("case already exists")
	// ErrTampered: the audit trail does not verify.
	ErrTampered = errors.New("audit trail tampered")
)

// RefusalError says why a step (or an intake) was refused and under which rule. The case is
// unchanged.
type RefusalError struct {
	Event Event  // the step refused; empty for an intake or an actor check
	State State  // the case's state when refused
	Rule  string // the article or annex that requires it, e.g. "第九条"
	Err   error  // one of the sentinel errors
	Field string // the offending field, e.g. "report.measures"
	Value string // the offending value, masked where it is personal data
	// Detail says what is wrong and what to do, in words.
	Detail string
	// Kind is the workflow of the case refused, so that [RefusalError.Message] can name the
	// state and the steps in Chinese; empty for an intake or an actor check.
	Kind Kind
	// Roles are the roles that may take the step, for ErrWrongRole.
	Roles []Role
	// Condition is the condition the step needs and the case does not meet, for
	// ErrWrongState.
	Condition Condition
	// Hint says in Chinese what is wrong with the field and what to do, where the field
	// alone does not say it; [RefusalError.Message] shows it after the field's label.
	Hint string
}

func (e *RefusalError) Error() string {
	if e == nil {
		return "caseflow: <nil refusal>"
	}
	var b strings.Builder
	b.WriteString("caseflow: ")
	if e.Event != "" {
		fmt.Fprintf(&b, "step %s", e.Event)
		if e.State != "" {
			fmt.Fprintf(&b, " in state %s", e.State)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	if e.Field != "" {
		fmt.Fprintf(&b, ": %s %q", e.Field, e.Value)
	}
	if e.Detail != "" {
		b.WriteString(": " + e.Detail)
	}
	if e.Rule != "" {
		b.WriteString(" (" + e.Rule + ")")
	}
	return b.String()
}

// Unwrap returns the sentinel error, for [errors.Is].
func (e *RefusalError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// missing returns a refusal for content a step requires.
func missing(rule, field, value, detail string) *RefusalError {
	return &RefusalError{Rule: rule, Err: ErrMissing, Field: field, Value: value, Detail: detail}
}

// hinted sets the Chinese hint of e and returns e.
func (e *RefusalError) hinted(hint string) *RefusalError {
	e.Hint = hint
	return e
}

// unprefixed returns the message of err without the package's name, for an error quoted
// inside another of this package's errors, so that a message names the package once.
func unprefixed(err error) string { return strings.TrimPrefix(err.Error(), "caseflow: ") }
