package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// harness is a service on the store under test, with a settable clock and case IDs that sort
// against the order the cases are created in.
type harness struct {
	t     *testing.T
	store caseflow.Store    // the store under test
	keys  *caseflow.Keyring // the keys its trails are chained under
	svc   *caseflow.Service // on the store, counting its successful updates
	// updates counts the updates svc stored, conflicts those refused with ErrConflict.
	updates, conflicts atomic.Int64

	mu     sync.Mutex
	now    time.Time
	ids    int
	forced []string
}

func newHarness(t *testing.T, store caseflow.Store, keys *caseflow.Keyring) *harness {
	h := &harness{t: t, store: store, keys: keys, now: at(2026, 11, 24, 9, 30)} // a Tuesday
	h.svc = h.service(counter{store, &h.updates, &h.conflicts})
	return h
}

// service returns a service on store with the harness's clock, calendar and IDs.
func (h *harness) service(store caseflow.Store) *caseflow.Service {
	svc := caseflow.NewService(store)
	svc.Keys = h.keys
	svc.Now = h.clock
	svc.Calendar = deadline.China()
	svc.NewID = h.newID
	return svc
}

func (h *harness) clock() time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.now
}

func (h *harness) set(t time.Time) {
	h.mu.Lock()
	h.now = t
	h.mu.Unlock()
}

// newID returns "SP-9999", "OS-9998" and so on, or a forced ID.
func (h *harness) newID(k caseflow.Kind, _ time.Time) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.forced) > 0 {
		id := h.forced[0]
		h.forced = h.forced[1:]
		return id
	}
	h.ids++
	prefix := "SP"
	if k == caseflow.KindOnSiteComplaint {
		prefix = "OS"
	}
	return fmt.Sprintf("%s-%04d", prefix, 10000-h.ids)
}

// forceID makes id the next case ID.
func (h *harness) forceID(id string) {
	h.mu.Lock()
	h.forced = append(h.forced, id)
	h.mu.Unlock()
}

// receive opens and stores a case for review id, rated 10 minutes ago.
func (h *harness) receive(id string) *caseflow.Case {
	h.t.Helper()
	c, created, err := h.svc.Receive(ctx, review(id, h.clock().Add(-10*time.Minute)))
	require.NoError(h.t, err, "receive review %s", id)
	require.True(h.t, created, "review %s opened an existing case", id)
	return c
}

// complain opens and stores a case for a complaint recorded by actor.
func (h *harness) complain(actor caseflow.Actor, cp caseflow.Complaint) *caseflow.Case {
	h.t.Helper()
	c, created, err := h.svc.Complain(ctx, actor, cp)
	require.NoError(h.t, err, "complaint %q", cp.ID)
	require.True(h.t, created, "complaint %q opened an existing case", cp.ID)
	return c
}

// take sets the clock to when and takes a step on case id, which must succeed.
func (h *harness) take(id string, when time.Time, actor caseflow.Actor, s caseflow.Step) *caseflow.Case {
	h.t.Helper()
	h.set(when)
	c, err := h.svc.Take(ctx, id, caseflow.Action{Actor: actor, Step: s})
	require.NoError(h.t, err, "case %s: step %s", id, s.Event())
	return c
}

// get returns the stored case id.
func (h *harness) get(id string) *caseflow.Case {
	h.t.Helper()
	return h.getIn(h.t, id)
}

// getIn is get failing t: for the nested subtests of List and ScanDuties, which share their
// parent's harness and must not fail the parent's t (FailNow works only on a test's own
// goroutine).
func (h *harness) getIn(t *testing.T, id string) *caseflow.Case {
	t.Helper()
	c, err := h.store.Get(ctx, id)
	require.NoError(t, err, "get case %s", id)
	return c
}

// notFound requires Get of id to fail with ErrNotFound.
func (h *harness) notFound(id string) {
	h.t.Helper()
	_, err := h.store.Get(ctx, id)
	require.ErrorIs(h.t, err, caseflow.ErrNotFound, "get case %q", id)
}

// notFoundByKey requires GetByKey of key to fail with ErrNotFound.
func (h *harness) notFoundByKey(key string) {
	h.t.Helper()
	_, err := h.store.GetByKey(ctx, key)
	require.ErrorIs(h.t, err, caseflow.ErrNotFound, "get case by key %q", key)
}

// listed requires List(f) to return the cases with the given IDs, in that order.
func (h *harness) listed(f caseflow.Filter, want ...string) {
	h.t.Helper()
	got, _, err := h.store.List(ctx, f, caseflow.Page{})
	require.NoError(h.t, err)
	require.Equal(h.t, append([]string{}, want...), ids(got))
}

// draft returns the new case a review opens, made by the service but not stored: its
// version is 0. It is drafted even when the review has a case already.
func (h *harness) draft(reviewID string) *caseflow.Case {
	h.t.Helper()
	d := &draftStore{Store: h.store}
	_, _, err := h.service(d).Receive(ctx, review(reviewID, h.clock().Add(-10*time.Minute)))
	require.ErrorIs(h.t, err, errDrafted, "draft a case for review %s", reviewID)
	return d.got
}

// next returns case id as read from the store, with act taken on it now, but not stored: the
// case to pass to Update.
func (h *harness) next(id string, act caseflow.Action) *caseflow.Case {
	h.t.Helper()
	d := &draftStore{Store: h.store}
	svc := h.service(d)
	svc.Retries = 0
	_, err := svc.Take(ctx, id, act)
	require.ErrorIs(h.t, err, errDrafted, "draft step %s on case %s", act.Step.Event(), id)
	return d.got
}

// nextUnder is next with the step's entry chained under keys instead of the harness's.
func (h *harness) nextUnder(keys *caseflow.Keyring, id string, act caseflow.Action) *caseflow.Case {
	h.t.Helper()
	d := &draftStore{Store: h.store}
	svc := h.service(d)
	svc.Keys, svc.Retries = keys, 0
	_, err := svc.Take(ctx, id, act)
	require.ErrorIs(h.t, err, errDrafted, "draft step %s on case %s", act.Step.Event(), id)
	return d.got
}

// head returns the head the store keeps for case id.
func (h *harness) head(id string) caseflow.Head {
	h.t.Helper()
	head, err := h.store.Head(ctx, id)
	require.NoError(h.t, err, "head of case %s", id)
	return head
}

// errDrafted stops a service before it stores a drafted case.
var errDrafted = errors.New("storetest: drafted, not stored")

// draftStore reads through to the store under test but stores nothing: it keeps the case the
// service would have created or updated. It finds no case by key, so that a case is drafted
// even for a review that has one.
type draftStore struct {
	caseflow.Store
	got *caseflow.Case
}

func (d *draftStore) GetByKey(_ context.Context, key string) (*caseflow.Case, error) {
	return nil, fmt.Errorf("storetest: drafting %s: %w", key, caseflow.ErrNotFound)
}

func (d *draftStore) Create(_ context.Context, c *caseflow.Case) error { d.got = c; return errDrafted }

func (d *draftStore) Update(_ context.Context, c *caseflow.Case) error { d.got = c; return errDrafted }

// counter counts the successful and the conflicting updates of a store.
type counter struct {
	caseflow.Store
	updates, conflicts *atomic.Int64
}

func (c counter) Update(ctx context.Context, cs *caseflow.Case) error {
	err := c.Store.Update(ctx, cs)
	switch {
	case err == nil:
		c.updates.Add(1)
	case errors.Is(err, caseflow.ErrConflict):
		c.conflicts.Add(1)
	}
	return err
}

// verified requires c's trail to verify under the harness's keys and to reach the head the
// store keeps.
func (h *harness) verified(c *caseflow.Case) {
	h.t.Helper()
	head, err := h.store.Head(ctx, c.ID)
	require.NoError(h.t, err)
	v, err := caseflow.VerifyHead(c.Trail, h.keys, head)
	require.NoError(h.t, err)
	require.Equal(h.t, h.keys != nil, v.Keyed, "every entry is keyed when keys are given")
}

// snapshot returns the JSON encoding of the stored case id, which no later change to a case
// can alter.
func (h *harness) snapshot(id string) []byte {
	h.t.Helper()
	return encode(h.t, h.get(id))
}
