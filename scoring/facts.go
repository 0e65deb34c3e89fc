package scoring

import (
	"slices"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// facts are what the indicators read of one case, each count's condition already
// implying its denominator's (a case rectified is a case to rectify), so that a
// numerator never exceeds its denominator.
type facts struct {
	unit, window string
	channel      haochaping.Channel // 0 for an on-site complaint
	toRectify    bool               // counted in 差评整改率's denominator
	rectified    bool               // and rectified: archived, or the window's duties fulfilled
	onTime       bool               // and every window duty of the rectification on time
	realName     bool               // a real-name (实名) bad review
	calledBack   bool               // and the reviewer was reached on the callback (第六条)
	resultAsked  bool               // called back on the result (第八条 再次回访)
	satisfied    bool               // and satisfied
	appealed     bool               // appeal submitted to the city office (第九条)
	decided      bool               // and decided
	upheld       bool               // and upheld
	options      []haochaping.Option
	causes       []haochaping.Dimension
}

// rectificationDuties are the window's duties of a rectification: the meeting and the report
// (第五条), the rectification by its own deadline, the feedback of an on-site complaint
// (第四条).
var rectificationDuties = []caseflow.DutyKind{caseflow.DutyMeeting, caseflow.DutyReport, caseflow.DutyRectify, caseflow.DutyFeedback}

// factsOf returns the facts of c under def.
func factsOf(c *caseflow.Case, def *Definition) facts {
	var f facts
	switch {
	case c.ResponsibleWindow != nil:
		f.unit, f.window = c.ResponsibleWindow.Parent(), c.ResponsibleWindow.ID
	case c.Review != nil:
		f.unit, f.window = def.unit(c.Review.DepartmentCode), c.Review.Window
	case c.Complaint != nil:
		f.unit, f.window = c.Complaint.Center.ID, c.Complaint.Window
	}
	if r := c.Review; r != nil {
		f.channel = r.Channel
		f.realName = !r.Anonymous
		f.options = annex1Options(r)
	}
	founded := c.Finding.Verdict == caseflow.VerdictJustified
	switch def.RectifyBase {
	case RectifyAll:
		f.toRectify = c.State != caseflow.StateWithdrawn && c.Finding.Accountable() != caseflow.AccountableNone
	default:
		f.toRectify = founded
	}
	var done, open bool
	f.onTime = true
	for _, d := range c.Duties {
		if !slices.Contains(rectificationDuties, d.Kind) || d.Cancelled {
			continue
		}
		if d.Open() {
			open = true
			continue
		}
		done = true
		f.onTime = f.onTime && !Late(d)
	}
	// A case archived (备案) has had its rectification verified (第七条), or was closed
	// with the leader's approval (第八条), even when the office inspected on the spot and
	// no window duty was owed; an open case is rectified when the window's duties are
	// fulfilled and none is owed.
	f.rectified = f.toRectify && (c.State == caseflow.StateArchived || (done && !open))
	f.onTime = f.rectified && f.onTime
	if cb := c.FollowUp; cb != nil && f.realName {
		f.calledBack = cb.Contact == caseflow.ContactReached || (cb.Contact == "" && c.Callable())
	}
	if rf := c.ResultFollowUp; rf != nil {
		f.resultAsked, f.satisfied = true, rf.Satisfied
	}
	if a := c.Appeal; a != nil && !a.SubmittedAt.IsZero() {
		f.appealed = true
		f.decided = a.Decision != nil
		f.upheld = f.decided && a.Decision.Upheld
	}
	if founded {
		for _, cause := range c.Finding.Causes {
			f.causes = append(f.causes, cause.Dimension)
		}
	}
	return f
}

// annex1Options returns the options of a bad review in Annex 1's terms: its
// classification's options and 其他, or its options as pushed when it was not classified.
func annex1Options(r *haochaping.Review) []haochaping.Option {
	if cl := r.Classification; !cl.IsZero() {
		return slices.Concat(cl.Options, cl.Other)
	}
	return r.Options
}

// overdueDuties returns the duties of c the window or its unit owes (第十条: its
// rectification record) that were fulfilled late, or are open past their due time at at.
func overdueDuties(c *caseflow.Case, at time.Time) []*caseflow.Duty {
	var out []*caseflow.Duty
	for _, d := range c.Duties {
		if unitRole(d.Owner) && (Late(d) || (d.Open() && d.Timed && d.Deadline.Due.Before(at))) {
			out = append(out, d)
		}
	}
	return out
}
