package caseflow

import (
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/haochaping/haochaping"
)

// Case is a bad-review case (差评办件): what opened it, where it stands, everything each step
// recorded (all the fields of the registration form, Annex 4, and the investigation report,
// Annex 5), its duties and its audit trail.
//
// The records no document reads (the office's verification, an inspection on the spot, the
// summary reported to the leader) stay in the trail: read them with [Case.LastEntry].
//
// A Case is changed only by its steps, through a [Service]. Its duties and trail entries are
// immutable once recorded and are shared between versions of the case: read them, never
// modify them. Personal data of the reviewer is masked in String and LogValue.
type Case struct {
	ID    string `json:"id"`
	Kind  Kind   `json:"kind"`
	State State  `json:"state"`
	// Version counts the stored updates; stores use it for optimistic concurrency.
	Version int64 `json:"version" canon:"-"`
	// ReceivedAt is when the office received the bad review or the complaint; the same-day
	// and receipt-based limits count from it.
	ReceivedAt time.Time `json:"receivedAt"`

	// Review is the pushed bad review (system-pushed cases); Complaint the on-site complaint.
	Review    *haochaping.Review `json:"review,omitempty"`
	Complaint *Complaint         `json:"complaint,omitempty"`

	// ResponsibleWindow is the responsible window (承办窗口 / 责任主体) once known.
	ResponsibleWindow *haochaping.Window `json:"responsibleWindow,omitempty"`
	Registration      *Registration      `json:"registration,omitempty"`
	FollowUp          *FollowUp          `json:"followUp,omitempty"`
	Meeting           *Meeting           `json:"meeting,omitempty"`
	Report            *Report            `json:"report,omitempty"`
	Rectification     *Rectification     `json:"rectification,omitempty"`
	// LeaderOpinion is the leader's opinion on the report (分管领导意见, Annex 4).
	LeaderOpinion string `json:"leaderOpinion,omitempty"`
	// ResultFollowUp is the latest follow-up on the result (第八条 再次回访), or of a complainant; its
	// Satisfied answers Annex 4's 调查结果是否满意.
	ResultFollowUp *ResultFollowUp `json:"resultFollowUp,omitempty"`
	Appeal         *Appeal         `json:"appeal,omitempty"`
	// Closure is set when the office proposed to close the case without a satisfied reviewer
	// (第八条); Withdrawal when it asked to withdraw a case opened in error.
	Closure    *Closure    `json:"closure,omitempty"`
	Withdrawal *Withdrawal `json:"withdrawal,omitempty"`
	// Finding is the conclusion 第十条 scores: the verdict, and for a founded review its
	// cause and responsible person.
	Finding Finding `json:"finding"`

	// Duties holds the closed duties, in the order they closed, then the open ones, in the
	// order they started.
	Duties []*Duty `json:"duties"`
	// WarnAt is the earliest warning time of the open timed duties, zero when none is open:
	// from then on the case needs attention. Steps keep it up to date; stores may index it
	// to find cases at risk ([Filter].AtRiskAt).
	WarnAt time.Time `json:"warnAt,omitempty"`
	Trail  []*Entry  `json:"trail" canon:"-"`
	// Rules are the policy and calendar the case's deadlines are timed under: those in force
	// when it was opened, or at its last [Retime] (第十二条).
	// It is nil only for a case recorded before cases kept their rules.
	Rules *Rules `json:"rules,omitempty"`
	// Erased holds the commitments to the personal values erased from the case by an
	// [Erasure] (个人信息保护法 第四十七条), by field ("Reviewer.phone"), so that its digest
	// stays what its trail recorded.
	Erased map[string]Digest `json:"erased,omitempty" canon:"-"`
}

// Callable reports whether the office has a number to call the reviewer or complainant on:
// the review is not anonymous and gives a phone. A case that is not callable is investigated
// by the office instead of followed up (第六条 调查了解办件详情), and may be closed without a
// satisfied reviewer (第八条, [ClosureNoContact]).
func (c *Case) Callable() bool {
	switch {
	case c.Review != nil:
		return !c.Review.Anonymous && c.known("Reviewer.phone", c.Review.Reviewer.Phone)
	case c.Complaint != nil:
		return c.known("Reviewer.phone", c.Complaint.Complainant.Phone)
	}
	return false
}

// known reports whether the case has the personal value of field key: given, or erased
// after it was given ([Erasure]), so that a case rebuilt from an erased trail takes the
// branches it took.
func (c *Case) known(key, value string) bool { return !blank(value) || c.Erased[key] != (Digest{}) }

// LastEntry returns the last trail entry of one of the events, or nil. The entry of
// EventRegister holds the office's sign-off of Annex 4 (签收人 is its actor, 签收时间 its
// time).
func (c *Case) LastEntry(events ...Event) *Entry {
	for i := len(c.Trail) - 1; i >= 0; i-- {
		if slices.Contains(events, c.Trail[i].Event) {
			return c.Trail[i]
		}
	}
	return nil
}

// Rounds counts the times an unsatisfied reviewer or complainant sent the case back to the
// window (第八条).
func (c *Case) Rounds() int {
	n := 0
	for _, e := range c.Trail {
		if e.Event == EventResultFollowUpUnsatisfied {
			n++
		}
	}
	return n
}

// TransferredAt returns when the case was last transferred to the window, or inspected on
// the spot: the transfer time (转办时间) of Annex 4. It is zero before the transfer.
func (c *Case) TransferredAt() time.Time { return c.lastAt(EventTransfer, EventInspect) }

// SubmittedAt returns when the report was submitted to the city office, or zero.
func (c *Case) SubmittedAt() time.Time { return c.lastAt(EventSubmitCity) }

// ArchivedAt returns when the case was archived (备案), or zero.
func (c *Case) ArchivedAt() time.Time { return c.lastAt(EventArchive) }

func (c *Case) lastAt(events ...Event) time.Time {
	if e := c.LastEntry(events...); e != nil {
		return e.Time
	}
	return time.Time{}
}

// ClosedAt returns when duty d of the case was fulfilled or cancelled, or zero while it is
// open.
func (c *Case) ClosedAt(d *Duty) time.Time {
	if d.ClosedBy < 1 || d.ClosedBy > len(c.Trail) {
		return time.Time{}
	}
	return c.Trail[d.ClosedBy-1].Time
}

// Workflow returns the workflow the case follows.
func (c *Case) Workflow() *Workflow { return WorkflowOf(c.Kind) }

// StateLabel returns the Chinese label of the case's state, e.g. "整改中".
func (c *Case) StateLabel() string {
	if w := c.Workflow(); w != nil {
		return w.Label(c.State)
	}
	return string(c.State)
}

// Closed reports whether the case has ended: archived, or withdrawn as opened in error.
func (c *Case) Closed() bool { return c.State == StateArchived || c.State == StateWithdrawn }

// Key returns the intake key cases are opened idempotently on: "review:" and the rating
// system's review ID, or "complaint:" and the portal's complaint ID, each normalised by
// [haochaping.NormalizeID] (trimmed, NFKC), so that a push with a stray space or a
// full-width hyphen finds its case; empty for a complaint without an ID.
func (c *Case) Key() string {
	switch {
	case c.Review != nil:
		return "review:" + c.Review.Key()
	case c.Complaint != nil && haochaping.NormalizeID(c.Complaint.ID) != "":
		return "complaint:" + haochaping.NormalizeID(c.Complaint.ID)
	}
	return ""
}

// Center returns the ID of the service centre the case belongs to: the centre of an on-site
// complaint, or the centre of the responsible window; empty before a pushed case has a window.
func (c *Case) Center() string {
	switch {
	case c.Complaint != nil:
		return c.Complaint.Center.ID
	case c.ResponsibleWindow != nil:
		return c.ResponsibleWindow.Center
	}
	return ""
}

// leaderOrg returns the organisation whose leader in charge (单位分管领导) acts for the case:
// the department of a department window (第九条: the window's leader approves its appeal), or
// else the case's centre (第四条（二）: a sub-centre's or township centre's leader).
func (c *Case) leaderOrg() string { return leaderOrg(c, c.ResponsibleWindow) }

// leaderOrg is Case.leaderOrg for the case with window w.
func leaderOrg(c *Case, w *haochaping.Window) string {
	switch {
	case c.Complaint != nil:
		return c.Complaint.Center.ID
	case w == nil:
		return ""
	case w.Kind == haochaping.DepartmentWindow && w.Department != "":
		return w.Department
	}
	return w.Center
}

// ledByOwnLeader reports whether the case is an on-site complaint at a sub-centre or township
// centre, coordinated by that centre's leader in charge (第四条（二）).
func (c *Case) ledByOwnLeader() bool {
	return c.Complaint != nil && c.Complaint.Center.Kind.LedByOwnLeader()
}

// OpenDuties returns the duties still owed, in the order they started, in a new list.
func (c *Case) OpenDuties() []*Duty { return slices.Clone(c.Duties[c.firstOpen():]) }

// firstOpen returns the index of the first open duty: the open duties are the last ones.
func (c *Case) firstOpen() int {
	i := len(c.Duties)
	for i > 0 && c.Duties[i-1].Open() {
		i--
	}
	return i
}

// Duty returns the latest duty of kind k, or nil.
func (c *Case) Duty(k DutyKind) *Duty {
	for i := len(c.Duties) - 1; i >= 0; i-- {
		if c.Duties[i].Kind == k {
			return c.Duties[i]
		}
	}
	return nil
}

// Warn returns the earliest warning time of the case's open timed duties: from then on the
// case needs attention. ok is false when no timed duty is open.
func (c *Case) Warn() (t time.Time, ok bool) {
	return c.earliest(func(d *Duty) time.Time { return d.Deadline.Warn })
}

// Due returns the earliest due time of the case's open timed duties; ok is false when no
// timed duty is open.
func (c *Case) Due() (t time.Time, ok bool) {
	return c.earliest(func(d *Duty) time.Time { return d.Deadline.Due })
}

func (c *Case) earliest(at func(*Duty) time.Time) (t time.Time, ok bool) {
	for _, d := range c.Duties[c.firstOpen():] {
		if d.Timed && (!ok || at(d).Before(t)) {
			t, ok = at(d), true
		}
	}
	return t, ok
}

// Clone returns a copy of c that shares nothing with it: the case, its review or complaint,
// every step's content, its duties and its trail entries are copied, through every pointer,
// list and map. Changing the copy, or taking steps on it, leaves c as it was. Stores use it
// to hand out cases.
func (c *Case) Clone() *Case {
	cc := deepCopy(c)
	if len(cc.Trail) > 0 && cc.Trail[0] != nil {
		if in, ok := cc.Trail[0].Step.(Intake); ok { // the cache of commitments is the store's
			in.commits = nil
			cc.Trail[0].Step = in
		}
	}
	return cc
}

// working returns a copy of c to take a step on: the case and its lists of duties and
// entries are copied, with room for the step's; the duties, entries and contents they point
// to are shared, which the engine never changes (it replaces what a step changes). The
// service takes steps on it inside a store's update, where no caller reaches it.
func (c *Case) working() *Case {
	cc := *c
	cc.Duties = append(make([]*Duty, 0, len(c.Duties)+2), c.Duties...)
	cc.Trail = append(make([]*Entry, 0, len(c.Trail)+1), c.Trail...)
	return &cc
}

// String shows the case in one line, with the reviewer's personal data masked.
func (c *Case) String() string {
	return fmt.Sprintf("办件 %s %s [%s] %s", c.ID, c.Kind.Label(), c.StateLabel(), c.subject())
}

func (c *Case) subject() string {
	switch {
	case c.Review != nil:
		return c.Review.String()
	case c.Complaint != nil:
		return c.Complaint.String()
	}
	return ""
}

// LogValue logs the case's ID, kind, state and version, and the masked review or complaint.
func (c *Case) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("id", c.ID), slog.String("kind", string(c.Kind)),
		slog.String("state", string(c.State)), slog.Int64("version", c.Version)}
	switch {
	case c.Review != nil:
		attrs = append(attrs, slog.Any("review", *c.Review))
	case c.Complaint != nil:
		attrs = append(attrs, slog.Any("complaint", *c.Complaint))
	}
	return slog.GroupValue(attrs...)
}
