package caseflow

import (
	"cmp"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/looplab/fsm"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/deadline"
)

// Action is one step taken by an actor, with an optional note and evidence, and the time
// it happened when that was earlier than it is entered.
type Action struct {
	Actor    Actor
	Step     Step
	Note     string
	Evidence []Evidence
	// At is when the step happened (a callback made at 10:00 and entered at 15:00); zero
	// means when it is taken. The service refuses a time after now (beyond a minute's
	// clock skew), before the case's last step, or further back than the policy's
	// MaxBackdate, and records both times ([Entry.Time], [Entry.Recorded]).
	At time.Time
}

// engine takes steps on cases under a calendar and a policy.
type engine struct {
	cal    *deadline.Calendar
	policy Policy
	keys   *Keyring
	rand   io.Reader // of salts; nil: crypto/rand
	limits haochaping.Limits
	// fromCal and fromPolicy are the service's fields the engine was made from, defaults
	// not filled in: the service reuses the engine while they stay the same.
	fromCal    *deadline.Calendar
	fromPolicy Policy
	fromLimits haochaping.Limits
	// inForce identifies the policy and calendar; see rules.
	rulesOnce sync.Once
	inForce   Rules
}

// attempt is one step being taken: the guard fills in what the commit records, so that a
// refused step changes nothing.
type attempt struct {
	g        *engine
	c        *Case
	wf       *Workflow
	act      Action
	at       time.Time // when the step happened
	recorded time.Time // when it is entered
	def      *StepDef
	from, to State
	started  []*Duty
	retimed  []*Duty // open duties with a new deadline, to replace the case's
	timings  []Timing
	entry    *Entry
	// replay, when set, is the recorded entry being replayed by Rebuild: its deadlines are
	// reused and the checks that depend on the policy in force today are skipped, since the
	// hash chain proves the step was accepted when it was taken.
	replay *Entry
}

var attempts = sync.Pool{New: func() any { return new(attempt) }}

// release returns a to the pool, keeping only the capacity of its duty list.
func (a *attempt) release() {
	clear(a.started)
	clear(a.retimed)
	*a = attempt{started: a.started[:0], retimed: a.retimed[:0], timings: a.timings[:0]}
	attempts.Put(a)
}

// open opens a case from in, received at time at (zero: now) and entered by actor now.
func (g *engine) open(in Intake, actor Actor, at, now time.Time, replay *Entry) (*Case, error) {
	if at.IsZero() {
		at = now
	}
	at = g.instant(at) // as take keeps it, so the duties start when the case does
	c := &Case{ID: in.Case, Kind: in.Kind, State: start, Review: in.Review, Complaint: in.Complaint, ReceivedAt: at}
	if c.Workflow() == nil {
		if r := in.check(c); r != nil {
			return nil, r
		}
		return nil, fmt.Errorf("caseflow: unknown kind %q", in.Kind)
	}
	if replay == nil {
		in.Rules = g.rules() // 第十二条: the case records the rules it opens under
		if in.Salt = g.newSalt(); len(in.Salt) < saltSize {
			return nil, fmt.Errorf("caseflow: the source of salts (Service.Rand) gave %d bytes, want %d", len(in.Salt), saltSize)
		}
	}
	in.commits = new(commitCache)
	if _, err := g.take(c, Action{Actor: actor, Step: in, At: at}, now, replay); err != nil {
		return nil, err
	}
	return c, nil
}

// take takes act on c, entered now and dated act.At (now when zero), running it through the
// workflow's state machine. On success c has changed and the new trail entry is returned; on
// refusal c is unchanged. replay is the recorded entry when Rebuild replays a trail, else nil.
func (g *engine) take(c *Case, act Action, now time.Time, replay *Entry) (*Entry, error) {
	wf := c.Workflow()
	if wf == nil {
		return nil, fmt.Errorf("caseflow: case %s: unknown kind %q", c.ID, c.Kind)
	}
	step, ok := stepValue(act.Step)
	if !ok {
		return nil, &RefusalError{State: c.State, Err: ErrMissing, Field: "step", Detail: "an action needs a step"}
	}
	if rt, ok := step.(Retime); ok && replay == nil {
		rt.Rules = g.rules() // 第十二条: the step records the rules it moves the case to
		step = rt
	}
	act.Step = step
	if replay == nil {
		if r := checkSize(act, g.limits.WithDefaults()); r != nil {
			r.Event, r.State, r.Kind = step.Event(), c.State, c.Kind
			return nil, r
		}
	}
	if replay != nil && len(replay.Erased) > 0 {
		// The erased values the step records were the case's too: its digest commits to them.
		c.Erased = mergeErased(c.Erased, replay.Erased)
	}
	at := act.At
	if at.IsZero() {
		at = now
		// The clocks of a clerk's PC and the server differ by up to a minute (clockSkew): a
		// step taken now follows a last step its clerk dated a little ahead of the server.
		if n := len(c.Trail); n > 0 {
			last := c.Trail[n-1]
			if at.Before(last.Time) && last.Time.After(recordedAt(last)) && last.Time.Sub(at) <= clockSkew {
				at = last.Time
			}
		}
	}
	ev := act.Step.Event()
	a := attempts.Get().(*attempt)
	*a = attempt{g: g, c: c, wf: wf, act: act, at: g.instant(at), recorded: g.instant(now),
		started: a.started[:0], retimed: a.retimed[:0], timings: a.timings[:0], replay: replay}
	defer a.release()
	f := wf.pool.Get().(*fsm.FSM)
	f.SetState(string(c.State))
	// A detached context: a cancelled request must not leave the state machine in transition.
	err := f.Event(context.Background(), string(ev), a)
	// Event returns the state machine's errors as plain values, which errors.AsType finds
	// without allocating.
	if err != nil {
		if nt, ok := errors.AsType[fsm.NoTransitionError](err); ok { // a step that keeps the state, such as urge
			err = nt.Err
		} else if ce, ok := errors.AsType[fsm.CanceledError](err); ok { // refused by the guard
			err = ce.Err
		} else if isType[fsm.InvalidEventError](err) || isType[fsm.UnknownEventError](err) {
			err = &RefusalError{Event: ev, State: c.State, Kind: c.Kind, Err: ErrWrongState,
				Detail: fmt.Sprintf("the %s workflow allows from %s: %s", wf.kind, wf.Label(c.State), joinEvents(wf.Next(c.State)))}
		} else {
			return nil, fmt.Errorf("caseflow: case %s: step %s: state machine: %w", c.ID, ev, err)
		}
	}
	wf.pool.Put(f)
	if err != nil {
		return nil, err
	}
	if err := a.commit(); err != nil {
		return nil, err
	}
	return a.entry, nil
}

// instant returns t as the engine keeps times: to the microsecond, as SQL stores keep them,
// so that the hash chain survives a round trip through one, and in the calendar's zone, so
// that every time a case shows reads as its deadlines do.
func (g *engine) instant(t time.Time) time.Time {
	return t.Truncate(time.Microsecond).In(g.cal.Location())
}

// minTime returns the earlier of a and b.
func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// isType reports whether err's tree holds an error of type E.
func isType[E error](err error) bool {
	_, ok := errors.AsType[E](err)
	return ok
}

// stepValue returns the step as a value: a pointer to a step (a *Report, say) is read
// through, and a nil one is no step. A case keeps its own copy of the step's slices and
// pointers, so the caller may reuse what it passed.
func stepValue(s Step) (Step, bool) {
	if s == nil {
		return nil, false
	}
	if v := reflect.ValueOf(s); v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil, false
		}
		s, _ = v.Elem().Interface().(Step)
	}
	if c, ok := s.(interface{ clone() Step }); ok {
		s = c.clone()
	}
	return s, true
}

func joinEvents(evs []Event) string {
	s := make([]string, len(evs))
	for i, e := range evs {
		s[i] = string(e)
	}
	return strings.Join(s, ", ")
}

// check is the guard: it refuses the step, or prepares everything the commit records.
func (a *attempt) check(from, to State) error {
	c, act := a.c, a.act
	ev := act.Step.Event()
	a.def, a.from, a.to = a.wf.byKey[stepKey{ev, from}], from, to
	if a.def == nil {
		return &RefusalError{Event: ev, State: from, Kind: c.Kind, Err: ErrWrongState}
	}
	// A condition must hold when the step happened and when it is entered: a step dated a
	// minute ahead cannot meet a deadline's condition early.
	if r := a.g.permits(c, a.def, from, act.Actor, minTime(a.at, a.recorded), a.replay != nil); r != nil {
		return r
	}
	refuse := func(err error, field, value, detail string) *RefusalError {
		return &RefusalError{Event: ev, State: from, Kind: c.Kind, Rule: a.def.Rule, Err: err, Field: field, Value: value, Detail: detail}
	}
	if r := a.checkTime(); r != nil { // the library's and the policy's, not an article's
		r.Event, r.State, r.Kind = ev, from, c.Kind
		return r
	}
	for i, e := range act.Evidence {
		if blank(e.Name) || e.SHA256.IsZero() {
			return refuse(ErrMissing, fmt.Sprintf("evidence[%d]", i), e.Name, "evidence needs a name and the SHA-256 of its content").
				hinted("缺少文件名称或内容校验值，请重新上传该文件")
		}
	}
	var r *RefusalError
	if !a.replayErased() {
		r = act.Step.check(c)
	}
	if r == nil && a.replay == nil {
		r = a.policyAllows()
	}
	if r != nil {
		r.Event, r.State, r.Kind = ev, from, c.Kind
		if r.Rule == "" {
			r.Rule = a.def.Rule
		}
		return r
	}
	if err := a.startDuties(); err != nil {
		return err
	}
	a.prepareEntry()
	return nil
}

// replayErased reports whether the step is replayed from a trail whose personal data was
// erased: its content then lacks what its check asks for (a complaint's content, say), and
// the hash chain, verified before the replay, proves the check passed when it was taken.
func (a *attempt) replayErased() bool {
	if a.replay == nil {
		return false
	}
	if len(a.c.Trail) == 0 {
		return saltOf([]*Entry{a.replay}) == nil
	}
	return saltOf(a.c.Trail) == nil
}

// rulesFree are the steps a case may take while its rules differ from the service's (第十二条):
// those that start no duty and read no policy, and Retime itself, which moves the case to the
// rules in force.
var rulesFree = map[Event]bool{EventRetime: true, EventUrge: true, EventContactAttempt: true,
	EventWithdrawRequest: true, EventWithdrawApprove: true, EventWithdrawReject: true, EventErase: true}

func roleList(roles []Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r) + " (" + r.Label() + ")"
	}
	return strings.Join(s, " or ")
}

func windowID(c *Case) string {
	if c.ResponsibleWindow == nil {
		return "(none yet)"
	}
	return c.ResponsibleWindow.ID
}

// startDuties times the duties the step starts, and re-times those it bounds or (for
// [Retime]) those the rules now time otherwise. Replaying a recorded entry, it takes the
// deadlines the entry recorded instead (第十二条).
func (a *attempt) startDuties() error {
	for _, set := range [...]struct {
		kinds []DutyKind
		from  time.Time
	}{{a.def.StartsFromReceipt, a.c.ReceivedAt}, {a.def.Starts, a.at}} {
		for _, k := range set.kinds {
			if k == DutyFollowUp && !a.c.Callable() {
				k = DutyInvestigate // 第六条: no number to call, so the office investigates itself
			}
			limit, rule, err := a.limit(k)
			if err != nil {
				return err
			}
			if err := a.start(k, limit, set.from, rule); err != nil {
				return err
			}
		}
	}
	for _, k := range a.def.Bounds {
		if err := a.bound(k); err != nil {
			return err
		}
	}
	if a.def.Event == EventRetime {
		return a.retime()
	}
	return nil
}

// limit returns the name and rule of the limit that times a duty of kind k started by this
// step (see [Duty.Limit]).
func (a *attempt) limit(k DutyKind) (string, deadline.Rule, error) {
	p := &a.g.policy
	switch {
	case k == DutyRectify:
		if a.replay != nil {
			return "extension", deadline.Rule{}, nil // the recorded deadline holds it
		}
		r, err := a.extension()
		return "extension", r, err
	case k == DutyReport && a.def.Event == EventResultFollowUpUnsatisfied:
		return "reRectification", p.ReRectification, nil // not in the measures (第八条 sets no limit)
	}
	field, r := p.rule(k)
	return field, r, nil
}

// start starts a duty of kind k from from under the named limit and rule: with the recorded
// deadline when replaying, else tracked on the calendar. The leader's review is due no later
// than the city report it precedes (第七条: 经分管领导审阅后报…督查科).
func (a *attempt) start(k DutyKind, limit string, from time.Time, rule deadline.Rule) error {
	return a.timeDuty(k, limit, from, rule, nil)
}

// timeDuty times a duty of kind k: a new one, or when old is set a new deadline for the open
// duty old, which the commit puts in its place.
func (a *attempt) timeDuty(k DutyKind, limit string, from time.Time, rule deadline.Rule, old *Duty) error {
	dl := deadline.Deadline{Start: from}
	switch {
	case a.replay != nil:
		i := len(a.timings)
		if i >= len(a.replay.Timings) || a.replay.Timings[i].Duty != k {
			return fmt.Errorf("caseflow: step %s: the entry does not record the deadline of duty %s", a.def.Event, k)
		}
		t := a.replay.Timings[i]
		limit, dl = t.Limit, t.Deadline
	case rule != (deadline.Rule{}):
		var err error
		if dl, err = a.g.cal.Track(from, rule); err != nil {
			return fmt.Errorf("caseflow: step %s: timing duty %s: %w", a.def.Event, k, err)
		}
	}
	if k == DutyLeaderReview && a.replay == nil {
		if cr := a.openDuty(DutyCityReport); cr != nil && cr.Timed && (dl.Rule == (deadline.Rule{}) || cr.Deadline.Due.Before(dl.Due)) {
			limit, dl = "bound:cityReport", cr.Deadline
		}
	}
	a.timings = append(a.timings, Timing{Duty: k, Limit: limit, Deadline: dl})
	if old != nil {
		d := *old
		d.Limit, d.Timed, d.Deadline, d.RetimedBy = limit, dl.Rule != (deadline.Rule{}), dl, len(a.c.Trail)+1
		d.Entered = a.entered()
		a.retimed = append(a.retimed, &d)
		return nil
	}
	d := &Duty{Kind: k, Owner: dutyDefs[k].owner, StartedBy: len(a.c.Trail) + 1, Limit: limit,
		Timed: dl.Rule != (deadline.Rule{}), Deadline: dl, Entered: a.entered()}
	a.owe(d)
	a.started = append(a.started, d)
	return nil
}

// entered returns when the step that starts or re-times a duty is entered: zero when
// replaying an entry made before entries kept the time they were entered, whose duties did
// not record it.
func (a *attempt) entered() time.Time {
	if a.replay != nil && a.replay.Recorded.IsZero() {
		return time.Time{}
	}
	return a.recorded
}

// bound applies a step's second limit to an open duty of kind k: the duty falls due at the
// earlier of its deadline and the second limit from now. The one the measures set is the
// city report's: 4 working days from receipt (Annex 3) or 2 from the window's report (第七条).
func (a *attempt) bound(k DutyKind) error {
	d := a.c.Duty(k)
	if d == nil || !d.Open() || k != DutyCityReport {
		return nil
	}
	if a.replay != nil {
		if i := len(a.timings); i < len(a.replay.Timings) && a.replay.Timings[i].Duty == k {
			return a.timeDuty(k, "", a.at, deadline.Rule{}, d)
		}
		return nil
	}
	dl, err := a.g.cal.Track(a.at, a.g.policy.CityReportFromReport)
	if err != nil {
		return fmt.Errorf("caseflow: step %s: timing duty %s: %w", a.def.Event, k, err)
	}
	if d.Timed && !dl.Due.Before(d.Deadline.Due) {
		return nil
	}
	return a.timeDuty(k, "cityReportFromReport", a.at, a.g.policy.CityReportFromReport, d)
}

// openDuty returns the open duty of kind k as this step leaves it: re-timed by the step, or
// as the case has it; nil if none is open.
func (a *attempt) openDuty(k DutyKind) *Duty {
	for _, d := range a.retimed {
		if d.Kind == k {
			return d
		}
	}
	if d := a.c.Duty(k); d != nil && d.Open() {
		return d
	}
	return nil
}

// retime re-times every open duty under the rules in force now ([Retime], 第十二条): each from
// its own start under the limit that timed it, the city report under both its limits, and
// the leader's review, last, bound by the city report's new deadline. A window's own
// rectification deadline stays. Duties whose deadline does not move are left alone.
func (a *attempt) retime() error {
	open := a.c.OpenDuties()
	slices.SortStableFunc(open, func(x, y *Duty) int { return cmp.Compare(retimeOrder(x.Kind), retimeOrder(y.Kind)) })
	for _, d := range open {
		if d.Kind == DutyRectify {
			continue
		}
		if a.replay != nil {
			if i := len(a.timings); i < len(a.replay.Timings) && a.replay.Timings[i].Duty == d.Kind {
				if err := a.timeDuty(d.Kind, "", d.Deadline.Start, deadline.Rule{}, d); err != nil {
					return err
				}
			}
			continue
		}
		limit, start, rule := a.retimeLimit(d)
		if err := a.timeDuty(d.Kind, limit, start, rule, d); err != nil {
			return err
		}
		if n := len(a.retimed) - 1; a.retimed[n].Deadline == d.Deadline && a.retimed[n].Limit == d.Limit {
			a.retimed, a.timings = a.retimed[:n], a.timings[:n] // unchanged: leave the duty be
		}
	}
	return nil
}

// retimeOrder puts the city report first and the leader's review, which it bounds, last.
func retimeOrder(k DutyKind) int {
	switch k {
	case DutyCityReport:
		return 0
	case DutyLeaderReview:
		return 2
	}
	return 1
}

// retimeLimit returns the limit, start and rule that time the open duty d under the policy in
// force: the limit that timed it; for the city report, the earlier of its limit from its own
// start (receipt, or an appeal's rejection) and 第七条's from the window's last report since.
func (a *attempt) retimeLimit(d *Duty) (limit string, start time.Time, rule deadline.Rule) {
	p := &a.g.policy
	c := a.c
	started := c.Trail[d.StartedBy-1]
	start = started.Time
	for _, t := range started.Timings {
		if t.Duty == d.Kind {
			limit, start = t.Limit, t.Deadline.Start
		}
	}
	if limit == "" || limit == "bound:cityReport" { // recorded before limits were, or bound
		limit, _ = p.rule(d.Kind)
	}
	rule, ok := p.limit(limit)
	if !ok {
		limit, rule = p.rule(d.Kind)
	}
	if d.Kind != DutyCityReport {
		return limit, start, rule
	}
	if r := c.LastEntry(EventReport, EventReportExtension); r != nil && r.Seq > d.StartedBy {
		first, err1 := a.g.cal.Due(start, rule)
		second, err2 := a.g.cal.Due(r.Time, p.CityReportFromReport)
		if (err1 == nil || errors.Is(err1, deadline.ErrProvisional)) && (err2 == nil || errors.Is(err2, deadline.ErrProvisional)) &&
			second.Before(first) {
			return "cityReportFromReport", r.Time, p.CityReportFromReport
		}
	}
	return limit, start, rule
}

// owe sets who owes d and for which organisation: a window's duties are owed for the case's
// window, an organisation leader's for the centre or department led ([Case.leaderOrg]). At a
// sub-centre or township centre the centre's leader in charge owes the duties the
// office or the window owes at the centre (第四条（二）).
func (a *attempt) owe(d *Duty) {
	c := a.c
	if c.ledByOwnLeader() && (d.Kind == DutyAccept || d.Kind == DutyFeedback) {
		d.Owner = RoleOrgLeader
	}
	w := c.ResponsibleWindow
	if rt, ok := a.act.Step.(Retransfer); ok {
		w = rt.ResponsibleWindow // the new window's duties start from the re-transfer
	}
	switch d.Owner {
	case RoleWindowStaff, RoleWindowHead:
		if w != nil {
			d.Org = w.ID
		}
	case RoleOrgLeader:
		d.Org = leaderOrg(c, w)
	}
}

// extension turns a report's rectification deadline (整改期限) into a rule: the working days
// from now to that date, which must be a working day after today (第五条).
func (a *attempt) extension() (deadline.Rule, error) {
	until := a.act.Step.(Report).Extension.Until
	refuse := func(detail, hint string) error {
		return &RefusalError{Event: a.def.Event, State: a.from, Kind: a.c.Kind, Rule: "第五条", Err: ErrMissing,
			Field: "report.extension.until", Value: until.String(), Detail: detail, Hint: hint}
	}
	end := until.In(a.g.cal.Location())
	work, err := a.g.cal.IsWorkday(end)
	if err != nil && !errors.Is(err, deadline.ErrProvisional) {
		return deadline.Rule{}, refuse("the calendar cannot count to it: "+err.Error(), hintUncounted)
	}
	n, err := a.g.cal.WorkdaysBetween(a.at, end)
	switch {
	case err != nil && !errors.Is(err, deadline.ErrProvisional):
		return deadline.Rule{}, refuse("the calendar cannot count to it: "+err.Error(), hintUncounted)
	case !work:
		return deadline.Rule{}, refuse("the rectification deadline must be a working day", "应为工作日")
	case n < 1:
		return deadline.Rule{}, refuse("the rectification deadline must fall on or after the next working day", "应不早于下一个工作日")
	case n > a.g.policy.MaxExtension:
		return deadline.Rule{}, refuse(fmt.Sprintf("the rectification deadline is %d working days away, more than the policy's %d (maxExtension)", n, a.g.policy.MaxExtension),
			fmt.Sprintf("距今%d个工作日，超过本县规定的最多%d个工作日", n, a.g.policy.MaxExtension))
	}
	return deadline.Workdays(n), nil
}

// prepareEntry builds the trail entry; the commit adds the case's digest and hashes it. A
// replayed entry keeps the key it was hashed under.
func (a *attempt) prepareEntry() {
	c := a.c
	e := &Entry{Seq: len(c.Trail) + 1, Time: a.at, Recorded: a.recorded, Actor: a.act.Actor, Event: a.def.Event, From: a.from, To: a.to,
		Note: a.act.Note, Evidence: slices.Clone(a.act.Evidence), Step: a.act.Step, Timings: slices.Clone(a.timings),
		KeyID: a.g.keys.Current()}
	if a.replay != nil { // as recorded, erased data included
		e.KeyID, e.Erased, e.Recorded = a.replay.KeyID, a.replay.Erased, a.replay.Recorded
	}
	if e.Seq == 1 {
		e.From = ""
	} else {
		e.Prev = c.Trail[e.Seq-2].Hash
	}
	a.entry = e
}

// saltSize is the size of a case's salt: as long as an HMAC-SHA-256 key should be.
const saltSize = 32

// newSalt returns a new case's secret salt: saltSize bytes of the engine's source, or of
// crypto/rand, which never fails (Go 1.24); fewer when the source fails, which open refuses.
func (g *engine) newSalt() []byte {
	salt := make([]byte, saltSize)
	if g.rand == nil {
		_, _ = rand.Read(salt)
		return salt
	}
	n, _ := io.ReadFull(g.rand, salt)
	return salt[:n]
}

// commit records the prepared step on the case, then digests the case and hashes the entry.
// It fails only when the case or the step cannot be encoded, which validated content cannot
// cause; the case is then half-changed and must be discarded (a Service works on a copy).
func (a *attempt) commit() error {
	c, def, seq := a.c, a.def, a.entry.Seq
	for _, r := range a.retimed {
		for i, d := range c.Duties {
			if d.Open() && d.Kind == r.Kind {
				c.Duties[i] = r
			}
		}
	}
	if len(def.Fulfils)+len(def.Cancels)+len(a.started)+len(a.retimed) > 0 || def.CancelsAll {
		// The case owns its list of duties (a store hands out copies); the duties themselves
		// are shared with earlier versions, so a closed duty is a new Duty.
		for i, d := range c.Duties {
			if !d.Open() {
				continue
			}
			fulfil := slices.Contains(def.Fulfils, d.Kind)
			if !fulfil && !def.CancelsAll && !slices.Contains(def.Cancels, d.Kind) && !a.restarts(d.Kind) {
				continue
			}
			closed := *d
			closed.ClosedBy = seq
			closed.Cancelled = !fulfil
			// An entry made after the due time is late even if dated on time: a step cannot be
			// backdated into time (Policy.MaxBackdate).
			closed.EnteredLate = fulfil && d.Timed && a.at.Before(d.Deadline.Due) && !a.recorded.Before(d.Deadline.Due)
			closed.OnTime = fulfil && (!d.Timed || a.at.Before(d.Deadline.Due)) && !closed.EnteredLate
			a.entry.Late = a.entry.Late || closed.EnteredLate
			c.Duties[i] = &closed
		}
		// Closed duties first, open ones last, each in start order: scans read only the tail.
		slices.SortStableFunc(c.Duties, func(x, y *Duty) int { return cmp.Compare(openRank(x), openRank(y)) })
		c.Duties = append(c.Duties, a.started...)
		c.WarnAt, _ = c.earliest(func(d *Duty) time.Time { return d.Deadline.Warn })
	}
	a.act.Step.apply(c, a.entry)
	if a.to != a.from && c.Closure.pending() { // the case moved on: the proposal lapses
		cl := *c.Closure
		cl.Lapsed = true
		c.Closure = &cl
	}
	c.State = a.to
	e := a.entry
	salt, cache := secretsOf(c.Trail)
	if e.Seq == 1 {
		salt, cache = secretsOf([]*Entry{e})
	}
	var err error
	if e.CaseDigest, err = c.digest(salt, cache); err != nil {
		return err
	}
	if e.Hash, err = e.digest(a.g.keys, salt, cache); err != nil {
		return err
	}
	c.Trail = append(c.Trail, e)
	return nil
}

func openRank(d *Duty) int {
	if d.Open() {
		return 1
	}
	return 0
}

// restarts reports whether the step starts a new duty of kind k, cancelling an open one.
func (a *attempt) restarts(k DutyKind) bool {
	for _, d := range a.started {
		if d.Kind == k {
			return true
		}
	}
	return false
}

// policyAllows refuses what the county's policy refuses beyond the measures: a proposal to
// close before its reason's threshold is met, a rectification deadline too far off, or a
// disclosure other than 主动公开 where the county allows no other. A replayed step is not
// asked: the trail proves it was allowed when it was taken.
func (a *attempt) policyAllows() *RefusalError {
	switch s := a.act.Step.(type) {
	case ClosureProposal:
		return a.closureAllowed(s)
	case Report:
		if a.g.policy.ActiveDisclosureOnly && s.Disclosure != "" && s.Disclosure != DisclosureActive {
			return missing("附件5", "report.disclosure", string(s.Disclosure), "the county's policy allows 主动公开 only").
				hinted("应为主动公开：本县只允许主动公开")
		}
	}
	return nil
}
