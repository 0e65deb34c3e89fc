package caseflow

import (
	"fmt"
	"time"

	"github.com/haochaping/haochaping"
)

// clockSkew is how far after the service's clock a step or a receipt may be dated: the
// clocks of a clerk's PC and of the portal's server differ by that much.
const clockSkew = time.Minute

// checkTime refuses a step dated after now, further back than the policy allows, before the
// case's last step, or, for an intake, before the rating or complaint it receives. A
// replayed step is checked only for its order: the trail proves the rest was accepted.
func (a *attempt) checkTime() *RefusalError {
	at, now := a.at, a.recorded
	stamp := func(t time.Time) string { return t.Format(time.RFC3339) }
	in, intake := a.act.Step.(Intake)
	field := "at"
	if intake {
		field = "receivedAt"
	}
	if a.replay == nil {
		switch back := a.g.policy.maxBackdate(); {
		case at.After(now.Add(clockSkew)):
			return &RefusalError{Err: haochaping.ErrFuture, Field: field, Value: stamp(at),
				Detail: "a step cannot be dated after now, " + stamp(now)}
		case now.Sub(at) > back:
			return &RefusalError{Err: ErrBackdated, Field: field, Value: stamp(at),
				Detail: fmt.Sprintf("a step may be dated at most %s before it is entered (policy maxBackdateHours)", back),
				Hint:   fmt.Sprintf("%d小时", int(back.Hours()))}
		}
	}
	if n := len(a.c.Trail); n > 0 && at.Before(a.c.Trail[n-1].Time) {
		return &RefusalError{Err: ErrTimeOrder, Field: "at", Value: stamp(at),
			Detail: "the last step was at " + stamp(a.c.Trail[n-1].Time)}
	}
	// 第六条: the office counts from its receipt (收到差评件当日), which cannot come before
	// the rating or the complaint itself.
	if intake && a.replay == nil {
		var happened time.Time
		switch {
		case in.Review != nil:
			happened = in.Review.Time
		case in.Complaint != nil:
			happened = in.Complaint.Time
		}
		if at.Before(happened.Add(-clockSkew)) {
			return &RefusalError{Err: ErrTimeOrder, Field: "receivedAt", Value: stamp(at),
				Detail: "the office cannot receive it before it happened, " + stamp(happened)}
		}
	}
	return nil
}
