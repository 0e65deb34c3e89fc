package caseflow

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/deadline"
)

// Service ties the workflows, the store, the calendar and the clock together for a portal:
// open cases, take steps, list duties. Make it with [NewService] and change its fields
// before first use; a Service is safe for concurrent use. A field left at its zero value
// takes the default NewService would set.
type Service struct {
	Store Store
	// Calendar times the duties; NewService sets [DefaultCalendar].
	Calendar *deadline.Calendar
	// Policy holds the time limits; NewService sets [DefaultPolicy], and the zero Policy
	// means it too.
	Policy Policy
	// Keys are the county's keys its audit trails are chained with (HMAC-SHA-256); nil
	// chains them with plain SHA-256. The store must be given the same keys to check the
	// trails it keeps ([NewMemoryStoreWithKeys]).
	Keys *Keyring
	// Rand is the source of each new case's secret salt, under which its trail commits to
	// personal data (see [Erasure]); nil means crypto/rand. A test may give a fixed reader
	// to make trails reproducible; a portal never should.
	Rand io.Reader
	// Limits bound what a review, a complaint and a step may carry (haochaping.Limits: the
	// runes of any one text, the items of any one list); the zero value means
	// haochaping.DefaultLimits. Beyond them a review is refused with its field errors, a
	// complaint or a step with a *RefusalError, each wrapping haochaping.ErrTooLarge.
	Limits haochaping.Limits
	// Since is the earliest rating time a pushed review may carry; the zero time means
	// haochaping.RatingSystemStart (2019-01-01).
	Since time.Time
	// Options is the option list pushed reviews' options must come from; nil means the
	// lists of Crosswalk: the national evaluation option list and Annex 1 by default.
	Options *haochaping.OptionList
	// Crosswalk classifies a pushed review's options in Annex 1's terms
	// (haochaping.Review.Classification) when the review comes unclassified, and is the
	// crosswalk a classified review must follow; nil means haochaping.NationalToAnnex1.
	Crosswalk *haochaping.Crosswalk
	// Now is the clock; NewService sets time.Now.
	Now func() time.Time
	// NewID returns the ID of a new case; NewService sets a random ID such as
	// "SP-20261126-9f2c41d07ab3".
	NewID func(k Kind, receivedAt time.Time) string
	// Retries is how many times a step is retaken when the case changed concurrently
	// (ErrConflict) before the conflict is returned; 0 means NewService's 20, and a negative
	// number none.
	Retries int
	// RetryDelay is the base of the wait before a step is retaken: before the n-th retry
	// Take waits a random time between 0 and RetryDelay×2ⁿ⁻¹, capped at MaxRetryDelay
	// (exponential backoff with full jitter), so that steps racing on one case spread out
	// instead of colliding again. 0 means 1ms; a negative delay retakes at once.
	RetryDelay time.Duration
	// MaxRetryDelay caps one wait before a retry; 0 means 100ms.
	MaxRetryDelay time.Duration
	// OnCommit, when set, is called once for each step the store has committed (a case
	// opened or a step taken), after the commit and before the method returns, with the
	// case as stored and the step's entry: send the reviewer's SMS, the window head's
	// notice, from here. It is never called for a refused step, a retried conflict or a
	// duplicate intake; a step whose OnCommit fails or panics stays committed (the panic is
	// recovered and logged). At most once: a process that stops between the commit and the
	// call loses the call; a store with an outbox delivers at least once (the SQL store of
	// caseflow/sqlstore: Store.Deliver).
	OnCommit func(ctx context.Context, c Committed)
	// Logger receives the library's own log records (steps committed at Debug, conflicts
	// retried at Debug, a panicking OnCommit at Error, sweeps at Info), with personal data
	// masked; nil logs nothing.
	Logger *slog.Logger

	eng atomic.Pointer[engine] // built from Calendar and Policy, rebuilt when they change
}

// Committed is a step the store has committed: the case as stored after it (read it, do
// not change it) and the step's trail entry.
type Committed struct {
	Case  *Case
	Entry *Entry
}

// committed tells OnCommit and the log of a step the store has committed.
func (s *Service) committed(ctx context.Context, c *Case) {
	e := c.Trail[len(c.Trail)-1]
	if s.Logger != nil && s.Logger.Enabled(ctx, slog.LevelDebug) { // no attributes built for nobody
		s.Logger.LogAttrs(ctx, slog.LevelDebug, "caseflow: step committed", slog.String("case", c.ID),
			slog.String("event", string(e.Event)), slog.String("state", string(c.State)), slog.Int("seq", e.Seq))
	}
	if s.OnCommit == nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			s.logger().ErrorContext(ctx, "caseflow: OnCommit panicked; the step stays committed",
				slog.String("case", c.ID), slog.String("event", string(e.Event)), slog.Any("panic", p))
		}
	}()
	s.OnCommit(ctx, Committed{Case: c, Entry: e})
}

// discard is the logger of a service without one.
var discard = slog.New(slog.DiscardHandler)

func (s *Service) logger() *slog.Logger {
	if s.Logger == nil {
		return discard
	}
	return s.Logger
}

// systemActor is the rating system, the actor of a pushed case's intake.
var systemActor = Actor{ID: "rating-system", Name: "好差评系统", Role: RoleSystem}

// NewService returns a service on store with the Rong'an policy, the default calendar and the
// system clock.
func NewService(store Store) *Service {
	return &Service{Store: store, Calendar: DefaultCalendar(), Policy: DefaultPolicy(), Now: time.Now,
		NewID: RandomID, Retries: defaultRetries, RetryDelay: defaultRetryDelay, MaxRetryDelay: defaultMaxRetryDelay}
}

// The defaults of Retries, RetryDelay and MaxRetryDelay: 64 steps racing on one case all
// succeed (TestRetriesAbsorbContention), and a step gives up after about a second and a half
// at most, when its waits are at their longest.
const (
	defaultRetries       = 20
	defaultRetryDelay    = time.Millisecond
	defaultMaxRetryDelay = 100 * time.Millisecond
)

// DefaultCalendar returns the official calendar of mainland China ([deadline.China]) extended
// with provisional arrangements ([deadline.Provisional]) for the two years after its last
// notice, so that cases keep opening before a new notice is embedded; deadlines in those
// years are marked provisional.
func DefaultCalendar() *deadline.Calendar { return defaultCalendar() }

var defaultCalendar = sync.OnceValue(func() *deadline.Calendar {
	c := deadline.China()
	_, last := c.Covered()
	for y := last + 1; y <= last+2; y++ {
		a, err := deadline.Provisional(y)
		if err != nil {
			break
		}
		if c2, err := c.With(a); err == nil {
			c = c2
		}
	}
	return c
})

// RandomID returns "SP-" (system-pushed) or "OS-" (on site), the receipt date and 12 random
// hex digits.
func RandomID(k Kind, receivedAt time.Time) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	prefix := "SP-"
	if k == KindOnSiteComplaint {
		prefix = "OS-"
	}
	return prefix + receivedAt.In(haochaping.Location()).Format("20060102") + "-" + hex.EncodeToString(b[:])
}

// engine returns the engine for the service's calendar and policy, or the policy's error.
func (s *Service) engine() (*engine, error) {
	if g := s.eng.Load(); g != nil && g.fromCal == s.Calendar && g.fromPolicy == s.Policy && g.keys == s.Keys &&
		g.rand == s.Rand && g.fromLimits == s.Limits {
		return g, nil
	}
	g := &engine{cal: s.Calendar, policy: s.Policy, keys: s.Keys, rand: s.Rand, limits: s.Limits,
		fromCal: s.Calendar, fromPolicy: s.Policy, fromLimits: s.Limits}
	if g.cal == nil {
		g.cal = DefaultCalendar()
	}
	if g.policy == (Policy{}) {
		g.policy = DefaultPolicy()
	}
	if err := g.policy.Validate(); err != nil {
		return nil, err
	}
	s.eng.Store(g)
	return g, nil
}

func (s *Service) retries() int {
	if s.Retries == 0 {
		return defaultRetries
	}
	return s.Retries
}

// backoff returns the wait before retry n (from 1): a random duration in [0, d), where d is
// RetryDelay×2ⁿ⁻¹ capped at MaxRetryDelay; 0 when RetryDelay is negative.
func (s *Service) backoff(n int) time.Duration {
	base, ceiling := s.RetryDelay, s.MaxRetryDelay
	switch {
	case base < 0:
		return 0
	case base == 0:
		base = defaultRetryDelay
	}
	if ceiling <= 0 {
		ceiling = defaultMaxRetryDelay
	}
	d := ceiling
	if base <= ceiling>>(n-1) {
		d = base << (n - 1)
	}
	return mrand.N(d)
}

// wait sleeps for d, or until ctx is done, and returns ctx's error then.
func wait(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *Service) crosswalk() *haochaping.Crosswalk {
	if s.Crosswalk == nil {
		return haochaping.NationalToAnnex1()
	}
	return s.Crosswalk
}

// classify classifies the review's options with the service's crosswalk, whatever
// classification it came with: the classification is derived, and the county's crosswalk
// decides it. It keeps the codes the decoder could not read. Options of a list the
// crosswalk does not read leave the review unclassified; the validator refuses them
// unless s.Options names their list.
func (s *Service) classify(r *haochaping.Review) {
	x := s.crosswalk()
	unknown, unread := r.Classification.Unknown, r.Classification.Unread
	r.Classification = haochaping.Classification{}
	if len(r.Options) > 0 && (s.Options == nil || s.Options == x.From() || s.Options == x.To()) {
		if c, err := x.Classify(r.Level, r.Options); err == nil {
			r.Classification = c
		}
	}
	r.Classification.Unknown, r.Classification.Unread = unknown, unread
}

// now returns the service's time to the microsecond, as SQL stores keep times: a case read
// back from any store has the times it was made with.
func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().Truncate(time.Microsecond)
	}
	return s.Now().Truncate(time.Microsecond)
}

func (s *Service) newID(k Kind, receivedAt time.Time) string {
	if s.NewID == nil {
		return RandomID(k, receivedAt)
	}
	return s.NewID(k, receivedAt)
}

// Receive opens a case for a bad review pushed by the rating system (第五条), received now:
// [Service.ReceiveAt] with the zero time.
func (s *Service) Receive(ctx context.Context, r haochaping.Review) (c *Case, created bool, err error) {
	return s.ReceiveAt(ctx, r, time.Time{})
}

// ReceiveAt opens a case for a bad review pushed by the rating system (第五条), received by
// the office at receivedAt (zero: now), which the deadlines count from (第六条: 收到差评件当日),
// not the rating's time: a push the portal queued at 10:00 and opens at 15:00 is received
// at 10:00. A receipt after now, further back than the policy's MaxBackdateHours, or before
// the rating is refused with a *RefusalError (haochaping.ErrFuture, ErrBackdated,
// ErrTimeOrder).
//
// The same review (by its ID) received again returns the case already open, with created
// false. The case returned is the stored one: read it, do not change it. The review's
// options are classified with the service's Crosswalk, whatever classification the review
// came with, so that the case shows the complaint in the county's terms; options that
// disagree with the level stay listed as conflicts, and the level alone decides whether a
// case opens. It returns a *RefusalError wrapping ErrNotBad for a rating that is not bad or is a
// default rating, the review's validation errors (*haochaping.FieldError, joined), or a
// store error.
func (s *Service) ReceiveAt(ctx context.Context, r haochaping.Review, receivedAt time.Time) (c *Case, created bool, err error) {
	r = r.Clone()
	r.Time = r.Time.Truncate(time.Microsecond) // as SQL stores keep it: the hash chain survives them
	now := s.now()
	in := Intake{Case: s.newID(KindSystemPushed, cmp.Or(receivedAt, now)), Kind: KindSystemPushed, Review: &r}
	if ref := in.check(nil); ref != nil {
		return nil, false, ref
	}
	v := haochaping.Validator{Options: s.Options, Crosswalk: s.Crosswalk, Now: func() time.Time { return now },
		ClockSkew: clockSkew, Since: s.Since, Limits: s.Limits}
	s.classify(&r)
	if err := v.Validate(r); err != nil {
		if c, ok := s.existing(ctx, in); ok {
			return c, false, nil
		}
		return nil, false, fmt.Errorf("caseflow: review %s: %w", r.ID, err)
	}
	return s.open(ctx, in, systemActor, receivedAt.Truncate(time.Microsecond), now)
}

// Complain opens a case for a complaint made on site (第四条), received and recorded now by
// actor: [Service.ComplainAt] with the zero time.
func (s *Service) Complain(ctx context.Context, actor Actor, cp Complaint) (c *Case, created bool, err error) {
	return s.ComplainAt(ctx, actor, cp, time.Time{})
}

// ComplainAt opens a case for a complaint made on site (第四条), received by the office at
// receivedAt (zero: now) and recorded now by actor: the office, or at a sub-centre or
// township centre its leader in charge. The deadlines count from receivedAt, which may lie
// before now within the policy's MaxBackdateHours, and not before the complaint's own time.
//
// It returns a *RefusalError wrapping ErrMissing for a complaint without content, centre or
// time, one wrapping haochaping.ErrFuture for a complaint or receipt dated in the future,
// ErrBackdated or ErrTimeOrder for a receipt dated too far back or before the complaint,
// and a complainant whose phone, ID number or gender is malformed as joined
// *haochaping.FieldError (masked). A complaint with an ID is opened once: the same ID again
// returns the case already open, with created false. The case returned is the stored one:
// read it, do not change it.
func (s *Service) ComplainAt(ctx context.Context, actor Actor, cp Complaint, receivedAt time.Time) (c *Case, created bool, err error) {
	now := s.now()
	in := Intake{Case: s.newID(KindOnSiteComplaint, cmp.Or(receivedAt, now)), Kind: KindOnSiteComplaint, Complaint: &cp}
	if err := cp.validate(now, s.Limits.WithDefaults()); err != nil {
		if c, ok := s.existing(ctx, in); ok {
			return c, false, nil
		}
		return nil, false, err
	}
	cp.Time = cp.Time.Truncate(time.Microsecond)
	return s.open(ctx, in, actor, receivedAt.Truncate(time.Microsecond), now)
}

// open opens the case of an intake, or returns the case already open on its key: the store
// refuses a second case for a key, whoever comes first.
func (s *Service) open(ctx context.Context, in Intake, actor Actor, at, now time.Time) (*Case, bool, error) {
	g, err := s.engine()
	if err != nil {
		return nil, false, err
	}
	if r := in.Review; r != nil {
		r.Time = r.Time.In(g.cal.Location())
	} else {
		in.Complaint.Time = in.Complaint.Time.In(g.cal.Location())
	}
	c, err := g.open(in, actor, at, now, nil)
	if err != nil {
		if c, ok := s.existing(ctx, in); ok {
			return c, false, nil
		}
		return nil, false, err
	}
	if err := s.Store.Create(ctx, c); err != nil {
		if key := c.Key(); key != "" && errors.Is(err, ErrDuplicate) {
			if existing, gerr := s.Store.GetByKey(ctx, key); gerr == nil {
				return existing, false, nil
			}
		}
		return nil, false, err
	}
	s.committed(ctx, c)
	return c, true, nil
}

// existing returns the case already open on the intake's key. An intake is validated and
// timed before the store sees it, so a duplicate that no longer passes (pushed again after
// the option list, the policy or the calendar changed) still finds its case.
func (s *Service) existing(ctx context.Context, in Intake) (*Case, bool) {
	key := (&Case{Review: in.Review, Complaint: in.Complaint}).Key()
	if key == "" {
		return nil, false
	}
	c, err := s.Store.GetByKey(ctx, key)
	return c, err == nil
}

// Take takes a step on case id now and stores it, and returns the case as stored: read it,
// do not change it. A refused step returns a *RefusalError
// (wrong state, role or organisation; missing content) and leaves the case unchanged. When the case
// changed concurrently the step is retaken on the fresh case, after a random wait that grows
// with each attempt (see RetryDelay), up to Retries times; then the error wrapping
// ErrConflict is returned, and an error wrapping ctx's if ctx is done while waiting. A duty whose deadline falls outside the calendar's years returns
// an error wrapping deadline.ErrNotCovered: [DefaultCalendar] adds provisional years so that
// this does not happen at the turn of a year.
func (s *Service) Take(ctx context.Context, id string, act Action) (*Case, error) {
	g, err := s.engine()
	if err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		c, err := s.read(ctx, id)
		if err != nil {
			return nil, err
		}
		act.At = act.At.Truncate(time.Microsecond) // as SQL stores keep it
		if _, err := g.take(c, act, s.now(), nil); err != nil {
			return nil, err
		}
		err = s.Store.Update(ctx, c)
		if err == nil {
			s.committed(ctx, c)
			return c, nil
		}
		if !errors.Is(err, ErrConflict) || attempt >= s.retries() {
			return nil, err
		}
		if s.Logger != nil && s.Logger.Enabled(ctx, slog.LevelDebug) {
			s.Logger.LogAttrs(ctx, slog.LevelDebug, "caseflow: case changed concurrently; retaking the step",
				slog.String("case", id), slog.String("event", string(act.Step.Event())), slog.Int("attempt", attempt+1))
		}
		if err := wait(ctx, s.backoff(attempt+1)); err != nil {
			return nil, fmt.Errorf("caseflow: case %s: step %s: waiting to retry after a conflict: %w", id, act.Step.Event(), err)
		}
	}
}

// stepStore is a store that hands the service a case to take a step on without copying what
// the step does not change: the memory store.
type stepStore interface {
	working(ctx context.Context, id string) (*Case, error)
}

// read reads the case to take a step on.
func (s *Service) read(ctx context.Context, id string) (*Case, error) {
	if w, ok := s.Store.(stepStore); ok {
		return w.working(ctx, id)
	}
	return s.Store.Get(ctx, id)
}

// Get returns the case with the given ID.
func (s *Service) Get(ctx context.Context, id string) (*Case, error) { return s.Store.Get(ctx, id) }

// Rebuild rebuilds a case from its trail alone: it verifies the hash chain under the
// service's keys, then replays
// every step under the service's calendar and policy, checking each replayed entry hashes
// as recorded. The result has the state, content and duties of the original (with Version
// 0); errors wrap ErrTampered or say which entry does not replay.
func (s *Service) Rebuild(trail []*Entry) (*Case, error) {
	if _, err := Verify(trail, s.Keys); err != nil {
		return nil, err
	}
	if len(trail) == 0 {
		return nil, errors.New("caseflow: rebuild: empty trail")
	}
	in, ok := trail[0].Step.(Intake)
	if !ok {
		return nil, fmt.Errorf("caseflow: rebuild: entry 1 is a %s, not the intake", trail[0].Event)
	}
	g, err := s.engine()
	if err != nil {
		return nil, err
	}
	c, err := g.open(in, trail[0].Actor, trail[0].Time, recordedAt(trail[0]), trail[0])
	if err != nil {
		return nil, fmt.Errorf("caseflow: rebuild: entry 1: %w", err)
	}
	if got := c.Trail[0]; got.Hash != trail[0].Hash {
		return nil, fmt.Errorf("caseflow: rebuild: entry 1 replays to another case than recorded: %w", ErrTampered)
	}
	for _, e := range trail[1:] {
		got, err := g.take(c, Action{Actor: e.Actor, Step: e.Step, Note: e.Note, Evidence: e.Evidence, At: e.Time}, recordedAt(e), e)
		if err != nil {
			return nil, fmt.Errorf("caseflow: rebuild: entry %d: %w", e.Seq, err)
		}
		if got.Hash != e.Hash || got.To != e.To {
			return nil, fmt.Errorf("caseflow: rebuild: entry %d replays to %s, recorded %s: %w", e.Seq, got.To, e.To, ErrTampered)
		}
	}
	return c, nil
}

// recordedAt returns when the entry was entered: its time, in entries made before the
// library kept the two apart.
func recordedAt(e *Entry) time.Time {
	if e.Recorded.IsZero() {
		return e.Time
	}
	return e.Recorded
}
