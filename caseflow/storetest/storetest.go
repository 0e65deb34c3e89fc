package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
	"github.com/haochaping/haochaping/internal/mutate"
)

// Run runs the conformance suite on the stores newStore makes. Each subtest calls newStore
// for a fresh, empty store (the List subtest queries one store from its nested subtests),
// with the subtest's t and the keys the store must check trails with (the suite's service
// chains them under the same keys; nil for a subtest of unkeyed trails): newStore may fail
// t, and register the store's clean-up with t.Cleanup. A store passes when every subtest does.
func Run(t *testing.T, newStore func(t *testing.T, keys *caseflow.Keyring) caseflow.Store) {
	t.Helper()
	f := factory(newStore)
	for _, s := range []struct {
		name string
		run  func(*testing.T, factory)
	}{
		{"Create", testCreate},
		{"NotFound", testNotFound},
		{"Update", testUpdate},
		{"Tamper", testTamper},
		{"Copies", testCopies},
		{"Forgery", testForgery},
		{"Erasure", testErasure},
		{"List", testList},
		{"ScanDuties", testScanDuties},
		{"Canceled", testCanceled},
		{"Concurrency", testConcurrency},
	} {
		t.Run(s.name, func(t *testing.T) { s.run(t, f) })
	}
}

// factory makes the stores under test.
type factory func(t *testing.T, keys *caseflow.Keyring) caseflow.Store

// harness returns a harness on a fresh store checking trails under the suite's keys.
func (f factory) harness(t *testing.T) *harness { return f.harnessWith(t, Keys()) }

// harnessWith returns a harness on a fresh store checking trails under keys.
func (f factory) harnessWith(t *testing.T, keys *caseflow.Keyring) *harness {
	t.Helper()
	store := f(t, keys)
	require.NotNil(t, store, "newStore returned nil")
	return newHarness(t, store, keys)
}

// Keys returns the keyring the suite chains trails under, with two keys: "suite-old" and
// the current "suite-new".
func Keys() *caseflow.Keyring { return suiteKeys() }

var suiteKeys = sync.OnceValue(func() *caseflow.Keyring {
	k, err := caseflow.NewKeyring("suite-new", map[string][]byte{
		"suite-old": []byte("storetest: the retired key, 32 bytes or more"),
		"suite-new": []byte("storetest: the current key, 32 bytes or more"),
	})
	if err != nil {
		panic(err)
	}
	return k
})

func testCreate(t *testing.T, f factory) {
	for _, tt := range []struct {
		name string
		key  string
		open func(h *harness) *caseflow.Case
	}{
		{"review", "review:r1", func(h *harness) *caseflow.Case { return h.receive("r1") }},
		{"complaint", "complaint:cp-1", func(h *harness) *caseflow.Case {
			return h.complain(clerk, complaint("cp-1", center, h.clock()))
		}},
	} {
		t.Run("a "+tt.name+" is stored at version 1; Get and GetByKey return it", func(t *testing.T) {
			h := f.harness(t)
			c := tt.open(h)
			assert.EqualValues(t, 1, c.Version, "Create sets the version to 1")
			require.Equal(t, tt.key, c.Key())
			got := h.get(c.ID)
			assert.EqualValues(t, 1, got.Version)
			sameCase(t, c, got, "Get")
			byKey, err := h.store.GetByKey(ctx, tt.key)
			require.NoError(t, err)
			sameCase(t, c, byKey, "GetByKey")
			require.Len(t, got.Trail, 1)
			h.verified(got)
		})
	}

	t.Run("times to the nanosecond and in any zone come back so that the trail verifies", func(t *testing.T) {
		h := f.harness(t)
		h.set(h.clock().Add(123456789 * time.Nanosecond))
		c := h.receive("r-ns")
		c = h.take(c.ID, h.clock().Add(987654321*time.Nanosecond), clerk, registration)
		got := h.get(c.ID)
		sameCase(t, c, got)
		h.verified(got)
	})

	t.Run("a duplicate ID is refused with ErrDuplicate", func(t *testing.T) {
		h := f.harness(t)
		first := h.receive("r1")
		before := h.snapshot(first.ID)
		h.forceID(first.ID)
		dup := h.draft("r2")
		require.Equal(t, first.ID, dup.ID)
		require.ErrorIs(t, h.store.Create(ctx, dup), caseflow.ErrDuplicate)
		assert.EqualValues(t, 0, dup.Version, "a refused Create leaves the version")
		unchanged(t, before, h.get(first.ID), "the first case changed")
		h.notFoundByKey("review:r2")
		h.listed(caseflow.Filter{}, first.ID)
	})

	t.Run("a second case for the same key is refused with ErrDuplicate", func(t *testing.T) {
		h := f.harness(t)
		first := h.receive("r1")
		before := h.snapshot(first.ID)
		dup := h.draft("r1")
		require.NotEqual(t, first.ID, dup.ID)
		require.Equal(t, first.Key(), dup.Key())
		require.ErrorIs(t, h.store.Create(ctx, dup), caseflow.ErrDuplicate)
		assert.EqualValues(t, 0, dup.Version, "a refused Create leaves the version")
		h.notFound(dup.ID)
		byKey, err := h.store.GetByKey(ctx, "review:r1")
		require.NoError(t, err)
		unchanged(t, before, byKey, "the first case changed")
		h.listed(caseflow.Filter{}, first.ID)
	})

	t.Run("cases without a key do not collide", func(t *testing.T) {
		h := f.harness(t)
		a := h.complain(clerk, complaint("", center, h.clock()))
		b := h.complain(clerk, complaint("", center, h.clock()))
		require.Empty(t, a.Key())
		require.NotEqual(t, a.ID, b.ID)
		h.listed(caseflow.Filter{}, a.ID, b.ID)
		h.notFoundByKey("")
	})

	t.Run("a case whose version is not 0 is refused", func(t *testing.T) {
		h := f.harness(t)
		c := h.draft("r1")
		c.Version = 1 // as if it had been stored already
		require.Error(t, h.store.Create(ctx, c))
		h.notFound(c.ID)
		h.notFoundByKey("review:r1")
		h.listed(caseflow.Filter{})
	})
}

func testNotFound(t *testing.T, f factory) {
	t.Run("unknown IDs and keys are not found", func(t *testing.T) {
		h := f.harness(t)
		c := h.receive("r1")
		h.notFound("SP-unknown")
		h.notFound("")
		h.notFoundByKey("review:unknown")
		h.notFoundByKey("complaint:r1")
		h.notFoundByKey(c.ID) // an ID is not a key
	})
	t.Run("an update of an unknown case is not found and stores nothing", func(t *testing.T) {
		h := f.harness(t)
		h.receive("r1")
		c := h.draft("r2")
		require.ErrorIs(t, h.store.Update(ctx, c), caseflow.ErrNotFound)
		assert.EqualValues(t, 0, c.Version, "a failed Update leaves the version")
		h.notFound(c.ID)
		h.notFoundByKey("review:r2")
	})
}

func testUpdate(t *testing.T, f factory) {
	t.Run("each update bumps the version by one", func(t *testing.T) {
		h := f.harness(t)
		c := h.receive("r1")
		c = h.take(c.ID, h.clock().Add(30*time.Minute), clerk, registration)
		assert.EqualValues(t, 2, c.Version)
		assert.EqualValues(t, 2, h.get(c.ID).Version)
		next := h.next(c.ID, urge(clerk, "u1"))
		require.EqualValues(t, 2, next.Version, "a step leaves the version to the store")
		require.NoError(t, h.store.Update(ctx, next))
		assert.EqualValues(t, 3, next.Version, "Update increments the version of the case it is given")
		got := h.get(c.ID)
		assert.EqualValues(t, 3, got.Version)
		sameCase(t, next, got, "Get after Update")
		require.Len(t, got.Trail, 3)
		assert.Equal(t, "u1", got.Trail[2].Note)
		h.verified(got)
		byKey, err := h.store.GetByKey(ctx, c.Key())
		require.NoError(t, err)
		sameCase(t, next, byKey, "GetByKey after Update")
	})

	t.Run("a stale update fails with ErrConflict and writes nothing", func(t *testing.T) {
		h := f.harness(t)
		c := h.receive("r1")
		c = h.take(c.ID, h.clock().Add(30*time.Minute), clerk, registration)
		// Two clerks read the case at version 2 and urge the window.
		first := h.next(c.ID, urge(clerk, "first"))
		second := h.next(c.ID, urge(clerk, "second"))
		require.EqualValues(t, 2, first.Version)
		require.EqualValues(t, 2, second.Version)
		require.NoError(t, h.store.Update(ctx, first))
		require.EqualValues(t, 3, first.Version)
		err := h.store.Update(ctx, second)
		require.ErrorIs(t, err, caseflow.ErrConflict)
		assert.EqualValues(t, 2, second.Version, "a failed Update leaves the version")
		got := h.get(c.ID)
		sameCase(t, first, got, "the stored case is not exactly the first update")
		// The second clerk reads the case again and retakes the step: nothing is lost.
		again := h.next(c.ID, urge(clerk, "second"))
		require.NoError(t, h.store.Update(ctx, again))
		got = h.get(c.ID)
		assert.EqualValues(t, 4, got.Version)
		assert.Equal(t, []string{"", "", "first", "second"}, notes(got.Trail))
		h.verified(got)
	})

	t.Run("an update ahead of the stored version fails with ErrConflict", func(t *testing.T) {
		h := f.harness(t)
		c := h.receive("r1")
		before := h.snapshot(c.ID)
		next := h.next(c.ID, urge(clerk, "u1"))
		next.Version++
		require.ErrorIs(t, h.store.Update(ctx, next), caseflow.ErrConflict)
		unchanged(t, before, h.get(c.ID), "a failed Update changed the case")
	})
}

func testTamper(t *testing.T, f factory) {
	// Each update takes one urge on a case with 3 stored entries (intake, registration,
	// urge), then changes the trail: entries 1 to 3 are stored, entry 4 is new.
	forge := func(e *caseflow.Entry, note string) *caseflow.Entry {
		forged := *e
		forged.Note = note
		return &forged
	}
	for _, tt := range []struct {
		name  string
		trail func(tr []*caseflow.Entry) []*caseflow.Entry
	}{
		{"drops every entry", func([]*caseflow.Entry) []*caseflow.Entry { return nil }},
		{"drops the new and the last stored entry", func(tr []*caseflow.Entry) []*caseflow.Entry {
			return slices.Clone(tr[:2])
		}},
		{"drops the last stored entry", func(tr []*caseflow.Entry) []*caseflow.Entry {
			return []*caseflow.Entry{tr[0], tr[1], tr[3]}
		}},
		{"drops the first entry", func(tr []*caseflow.Entry) []*caseflow.Entry {
			return slices.Clone(tr[1:])
		}},
		{"rewrites the hash of the last stored entry", func(tr []*caseflow.Entry) []*caseflow.Entry {
			tr = slices.Clone(tr)
			forged := *tr[2]
			forged.Hash[0] ^= 1
			tr[2] = &forged
			return tr
		}},
		{"rewrites the first entry", func(tr []*caseflow.Entry) []*caseflow.Entry {
			tr = slices.Clone(tr)
			tr[0] = forge(tr[0], "forged")
			tr[0].Hash[0] ^= 1
			return tr
		}},
		{"rewrites the note of the last stored entry, keeping its hash", func(tr []*caseflow.Entry) []*caseflow.Entry {
			tr = slices.Clone(tr)
			tr[2] = forge(tr[2], "forged")
			return tr
		}},
		{"swaps the first two entries", func(tr []*caseflow.Entry) []*caseflow.Entry {
			tr = slices.Clone(tr)
			tr[0], tr[1] = tr[1], tr[0]
			return tr
		}},
	} {
		t.Run("an update that "+tt.name+" fails with ErrTampered", func(t *testing.T) {
			h := f.harness(t)
			c := h.receive("r1")
			c = h.take(c.ID, h.clock().Add(30*time.Minute), clerk, registration)
			c = h.take(c.ID, h.clock().Add(30*time.Minute), clerk, caseflow.Urge{Message: "请尽快召开专题分析会"})
			before := h.snapshot(c.ID)
			next := h.next(c.ID, urge(clerk, "new"))
			require.Len(t, next.Trail, 4)
			next.Trail = tt.trail(next.Trail)
			err := h.store.Update(ctx, next)
			require.ErrorIs(t, err, caseflow.ErrTampered)
			assert.EqualValues(t, 3, next.Version, "a failed Update leaves the version")
			got := h.get(c.ID)
			unchanged(t, before, got, "a tampered update changed the stored case")
			h.verified(got)
		})
	}

	for _, tt := range []struct {
		name   string
		change func(h *harness, id string) *caseflow.Case
	}{
		{"changes a case without taking a step", func(h *harness, id string) *caseflow.Case {
			c := h.get(id)
			c.State, c.Duties = caseflow.StateArchived, nil
			return c
		}},
		{"leaves the case in another state than its last step entered", func(h *harness, id string) *caseflow.Case {
			c := h.next(id, urge(clerk, "new"))
			c.State = caseflow.StateArchived
			return c
		}},
	} {
		t.Run("an update that "+tt.name+" fails with ErrTampered", func(t *testing.T) {
			h := f.harness(t)
			c := h.receive("r1")
			c = h.take(c.ID, h.clock().Add(30*time.Minute), clerk, registration)
			before := h.snapshot(c.ID)
			err := h.store.Update(ctx, tt.change(h, c.ID))
			require.ErrorIs(t, err, caseflow.ErrTampered)
			unchanged(t, before, h.get(c.ID), "a tampered update changed the stored case")
		})
	}
}

// testForgery holds the store to what the integrity issue found broken: a store that trusted
// the case it was given. Each update below is what an attacker without the county's key, or
// a careless caller, could hand a store.
func testForgery(t *testing.T, f factory) {
	attacker, err := caseflow.NewKeyring("suite-new", map[string][]byte{
		"suite-new": []byte("an attacker's key under the county's key ID"),
	})
	require.NoError(t, err)
	for _, tt := range []struct {
		name   string
		forged func(h *harness, id string) *caseflow.Case
	}{
		{"archives a received case with an entry whose hash is garbage", func(h *harness, id string) *caseflow.Case {
			c := h.next(id, urge(clerk, "to be replaced"))
			e := *c.Trail[len(c.Trail)-1]
			e.Event, e.To, e.Step = caseflow.EventArchive, caseflow.StateArchived, caseflow.Archive{}
			for i := range e.Hash {
				e.Hash[i] = byte(i)
			}
			c.Trail[len(c.Trail)-1], c.State = &e, caseflow.StateArchived
			return c
		}},
		{"is chained under the county's key ID with another key", func(h *harness, id string) *caseflow.Case {
			return h.nextUnder(attacker, id, urge(clerk, "forged"))
		}},
		{"is chained with plain SHA-256, the published algorithm, after keyed entries", func(h *harness, id string) *caseflow.Case {
			return h.nextUnder(nil, id, urge(clerk, "forged"))
		}},
		{"changes the reviewer's phone beside its step", func(h *harness, id string) *caseflow.Case {
			c := h.next(id, urge(clerk, "real"))
			c.Review.Reviewer.Phone = "13900000000"
			return c
		}},
		{"changes the finding beside its step", func(h *harness, id string) *caseflow.Case {
			c := h.next(id, urge(clerk, "real"))
			c.Finding.Verdict = caseflow.VerdictMistaken
			return c
		}},
		{"changes a duty's deadline beside its step", func(h *harness, id string) *caseflow.Case {
			c := h.next(id, urge(clerk, "real"))
			d := *c.Duties[len(c.Duties)-1]
			d.Deadline.Due = d.Deadline.Due.AddDate(1, 0, 0)
			c.Duties[len(c.Duties)-1] = &d
			return c
		}},
	} {
		t.Run("an update that "+tt.name+" fails with ErrTampered", func(t *testing.T) {
			h := f.harness(t)
			c := h.receive("r1")
			before, head := h.snapshot(c.ID), h.head(c.ID)
			require.ErrorIs(t, h.store.Update(ctx, tt.forged(h, c.ID)), caseflow.ErrTampered)
			unchanged(t, before, h.get(c.ID), "a forged update changed the stored case")
			assert.Equal(t, head, h.head(c.ID), "a forged update moved the head")
		})
	}

	t.Run("without keys, an update whose new entry has a garbage hash fails with ErrTampered", func(t *testing.T) {
		h := f.harnessWith(t, nil)
		c := h.receive("r1")
		h.verified(h.get(c.ID))
		next := h.next(c.ID, urge(clerk, "real"))
		next.Trail[len(next.Trail)-1].Hash[0] ^= 1
		require.ErrorIs(t, h.store.Update(ctx, next), caseflow.ErrTampered)
	})

	t.Run("an update chained under a retired key fails with ErrTampered", func(t *testing.T) {
		retired, err := caseflow.NewKeyring("suite-old", map[string][]byte{
			"suite-old": []byte("storetest: the retired key, 32 bytes or more"),
		})
		require.NoError(t, err)
		h := f.harness(t)
		c := h.receive("r1")
		require.ErrorIs(t, h.store.Update(ctx, h.nextUnder(retired, c.ID, urge(clerk, "old key"))), caseflow.ErrTampered)
	})

	t.Run("a new case chained with plain SHA-256 fails with ErrTampered in a store with keys", func(t *testing.T) {
		h := f.harness(t)
		d := &draftStore{Store: h.store}
		svc := h.service(d)
		svc.Keys = nil
		_, _, err := svc.Receive(ctx, review("r1", h.clock().Add(-10*time.Minute)))
		require.ErrorIs(t, err, errDrafted)
		require.ErrorIs(t, h.store.Create(ctx, d.got), caseflow.ErrTampered)
		h.notFoundByKey("review:r1")
	})

	t.Run("a case created with a trail that does not prove it fails with ErrTampered", func(t *testing.T) {
		h := f.harness(t)
		c := h.draft("r1")
		c.Review.Reviewer.Phone = "13900000000"
		require.ErrorIs(t, h.store.Create(ctx, c), caseflow.ErrTampered)
		h.notFoundByKey("review:r1")
	})

	t.Run("a trail cut short fails against the head the store keeps", func(t *testing.T) {
		h := f.harness(t)
		c := h.receive("r1")
		c = h.take(c.ID, h.clock().Add(30*time.Minute), clerk, registration)
		got := h.get(c.ID)
		require.Len(t, got.Trail, 2)
		_, err := caseflow.Verify(got.Trail[:1], h.keys)
		require.NoError(t, err, "a cut trail verifies on its own")
		_, err = caseflow.VerifyHead(got.Trail[:1], h.keys, h.head(c.ID))
		require.ErrorIs(t, err, caseflow.ErrTampered)
	})

	t.Run("a trail rewritten and re-chained under another key fails to verify", func(t *testing.T) {
		h := f.harness(t)
		c := h.receive("r1")
		forged := h.nextUnder(attacker, c.ID, urge(clerk, "forged"))
		_, err := caseflow.Verify(forged.Trail, h.keys)
		require.ErrorIs(t, err, caseflow.ErrTampered)
	})
}

// testErasure holds the store to 个人信息保护法 第四十七条: an erasure rewrites the stored
// entries that held personal data, keeping their hashes, and the store must keep the
// rewritten ones, not the originals.
func testErasure(t *testing.T, f factory) {
	h := f.harness(t)
	c := h.receive("r1")
	c = h.take(c.ID, h.clock().Add(10*time.Minute), clerk, caseflow.WithdrawalRequest{
		Reason: caseflow.WithdrawalDuplicate, DuplicateOf: "SP-0", Detail: "重复推送"})
	c = h.take(c.ID, h.clock().Add(20*time.Minute), boss, caseflow.WithdrawalDecision{Approved: true, Opinion: "同意"})
	before := h.get(c.ID)
	require.NotEmpty(t, before.Review.Reviewer.Phone)
	h.take(c.ID, h.clock().Add(30*time.Minute), clerk, caseflow.Erasure{Reason: "误立案件，无需保存"})

	got := h.get(c.ID)
	h.verified(got)
	assert.Empty(t, got.Review.Reviewer.Name, "the case keeps no name")
	assert.Empty(t, got.Review.Reviewer.Phone, "the case keeps no phone")
	in, ok := got.Trail[0].Step.(caseflow.Intake)
	require.True(t, ok)
	assert.Empty(t, in.Review.Reviewer.Phone, "the stored intake keeps no phone")
	assert.Nil(t, in.Salt, "the store keeps no salt")
	for i, e := range before.Trail {
		assert.Equal(t, e.Hash, got.Trail[i].Hash, "entry %d keeps its hash", i+1)
	}
}

func testCopies(t *testing.T, f factory) {
	// setup stores a case with 2 entries and both closed and open duties, and returns its ID
	// and its encoding as stored.
	setup := func(t *testing.T) (*harness, string, []byte) {
		h := f.harness(t)
		c := h.receive("r1")
		c = h.take(c.ID, h.clock().Add(30*time.Minute), clerk, registration)
		require.GreaterOrEqual(t, len(c.Duties), 2)
		return h, c.ID, h.snapshot(c.ID)
	}
	for _, g := range []struct {
		name string
		get  func(h *harness, id string) *caseflow.Case
	}{
		{"Get", func(h *harness, id string) *caseflow.Case { return h.get(id) }},
		{"GetByKey", func(h *harness, id string) *caseflow.Case {
			c, err := h.store.GetByKey(ctx, h.get(id).Key())
			require.NoError(h.t, err)
			return c
		}},
	} {
		t.Run("a step on a case from "+g.name+" is not stored without Update", func(t *testing.T) {
			h, id, before := setup(t)
			h.next(id, urge(clerk, "not stored"))
			unchanged(t, before, g.get(h, id), "a step not updated changed the stored case")
		})
		t.Run("changing the fields of a case from "+g.name+" leaves the stored case", func(t *testing.T) {
			h, id, before := setup(t)
			extra := h.next(id, urge(clerk, "extra"))
			c := g.get(h, id)
			c.State = caseflow.StateArchived
			c.Version = 99
			c.ReceivedAt = c.ReceivedAt.Add(-time.Hour)
			c.ResponsibleWindow = &haochaping.Window{ID: "w-forged", Name: "伪造窗口", Kind: haochaping.BusinessWindow, Center: "center"}
			c.Registration = nil
			c.LeaderOpinion = "forged"
			c.Finding = caseflow.Finding{Verdict: caseflow.VerdictMistaken}
			c.WarnAt = time.Time{}
			c.Duties = c.Duties[:1]
			c.Trail = append(c.Trail, extra.Trail[len(extra.Trail)-1])
			unchanged(t, before, g.get(h, id), "changing a copy changed the stored case")
		})
		t.Run("changing everything reachable from a case from "+g.name+" leaves the stored case and its trail", func(t *testing.T) {
			h, id, before := setup(t)
			c := g.get(h, id)
			require.NotNil(t, c.Review)
			mutate.All(c)
			require.Nil(t, c.Review, "the walk reached the case's pointers")
			got := g.get(h, id)
			unchanged(t, before, got, "changing a copy through its pointers changed the stored case")
			h.verified(got)
		})
		t.Run("rearranging the lists of a case from "+g.name+" leaves the stored case", func(t *testing.T) {
			h, id, before := setup(t)
			c := g.get(h, id)
			slices.Reverse(c.Trail)  // say, to show the newest step first
			slices.Reverse(c.Duties) // or the newest duty first
			unchanged(t, before, g.get(h, id), "rearranging a copy's lists changed the stored case")
		})
	}
}

func testList(t *testing.T, f factory) {
	h := f.harness(t)
	fx := h.listFixture()
	late, early, onsite, town, done := fx.late, fx.early, fx.onsite, fx.township, fx.done
	all := []*caseflow.Case{late, early, onsite, town, done}

	// The fixture's duties fall at risk and due in this order.
	require.True(t, onsite.WarnAt.IsZero() && done.WarnAt.IsZero(), "no timed duty open on %s, %s", onsite.ID, done.ID)
	require.True(t, early.WarnAt.Before(late.WarnAt) && late.WarnAt.Before(town.WarnAt),
		"warn times %s, %s, %s", early.WarnAt, late.WarnAt, town.WarnAt)
	earlyDue, _ := early.Due()
	lateDue, _ := late.Due()
	townDue, _ := town.Due()
	require.True(t, early.WarnAt.Before(earlyDue) && earlyDue.Before(lateDue) && lateDue.Before(townDue),
		"due times %s, %s, %s", earlyDue, lateDue, townDue)

	wednesday := at(2026, 11, 25, 0, 0).UTC() // a bound in another zone: stores compare instants
	later := at(2027, 6, 1, 0, 0)
	const tick = time.Second
	pushed, onSite := caseflow.KindSystemPushed, caseflow.KindOnSiteComplaint

	for _, tt := range []struct {
		name string
		f    caseflow.Filter
		want []*caseflow.Case
	}{
		{"zero filter lists all in creation order", caseflow.Filter{}, all},

		{"kind system pushed", caseflow.Filter{Kind: pushed}, cases(late, early, done)},
		{"kind on-site complaint", caseflow.Filter{Kind: onSite}, cases(onsite, town)},
		{"unknown kind", caseflow.Filter{Kind: "unknown"}, nil},

		{"one state", caseflow.Filter{States: []caseflow.State{caseflow.StateReceived}}, cases(early, onsite)},
		{"two states", caseflow.Filter{States: []caseflow.State{caseflow.StateHandling, caseflow.StateRegistered}}, cases(late, town)},
		{"archived", caseflow.Filter{States: []caseflow.State{caseflow.StateArchived}}, cases(done)},
		{"a state no case is in", caseflow.Filter{States: []caseflow.State{caseflow.StateAppealPending}}, nil},

		{"open", caseflow.Filter{Open: true}, cases(late, early, onsite, town)},

		{"centre", caseflow.Filter{Center: "center"}, cases(late, onsite, done)},
		{"township centre", caseflow.Filter{Center: "dajiang"}, cases(town)},
		{"unknown centre", caseflow.Filter{Center: "unknown"}, nil},
		{"a department is not a centre", caseflow.Filter{Center: "tax-bureau"}, nil},
		{"department", caseflow.Filter{Department: "tax-bureau"}, cases(late, done)},
		{"a centre is not a department", caseflow.Filter{Department: "center"}, nil},

		{"window", caseflow.Filter{Window: "w-tax"}, cases(late, done)},
		{"window of a township centre", caseflow.Filter{Window: "w-dajiang"}, cases(town)},
		{"unknown window", caseflow.Filter{Window: "unknown"}, nil},

		{"received from", caseflow.Filter{ReceivedFrom: wednesday}, cases(late, town)},
		{"received to, excluded", caseflow.Filter{ReceivedTo: wednesday}, cases(early, onsite, done)},
		{"received from, included", caseflow.Filter{ReceivedFrom: onsite.ReceivedAt}, cases(late, onsite, town)},
		{"received from and to, half-open", caseflow.Filter{ReceivedFrom: early.ReceivedAt, ReceivedTo: onsite.ReceivedAt}, cases(early, done)},
		{"received in an empty range", caseflow.Filter{ReceivedFrom: onsite.ReceivedAt, ReceivedTo: onsite.ReceivedAt}, nil},

		{"at risk just before the first warning", caseflow.Filter{AtRiskAt: early.WarnAt.Add(-tick)}, nil},
		{"at risk at the first warning", caseflow.Filter{AtRiskAt: early.WarnAt}, cases(early)},
		{"at risk at the second warning", caseflow.Filter{AtRiskAt: late.WarnAt}, cases(late, early)},
		{"at risk much later", caseflow.Filter{AtRiskAt: later}, cases(late, early, town)},

		{"overdue at the first warning", caseflow.Filter{OverdueAt: early.WarnAt}, nil},
		{"overdue just before the first due time", caseflow.Filter{OverdueAt: earlyDue.Add(-tick)}, nil},
		{"overdue at the first due time", caseflow.Filter{OverdueAt: earlyDue}, cases(early)},
		{"overdue at the second due time", caseflow.Filter{OverdueAt: lateDue}, cases(late, early)},
		{"overdue between the third warning and due time", caseflow.Filter{OverdueAt: town.WarnAt}, cases(late, early)},
		{"overdue much later", caseflow.Filter{OverdueAt: later}, cases(late, early, town)},

		{"kind and open", caseflow.Filter{Kind: pushed, Open: true}, cases(late, early)},
		{"kind and state", caseflow.Filter{Kind: pushed, States: []caseflow.State{caseflow.StateReceived}}, cases(early)},
		{"kind and a state of the other kind", caseflow.Filter{Kind: onSite, States: []caseflow.State{caseflow.StateArchived}}, nil},
		{"kind, centre and open", caseflow.Filter{Kind: onSite, Center: "center", Open: true}, cases(onsite)},
		{"window and received from", caseflow.Filter{Window: "w-tax", ReceivedFrom: wednesday}, cases(late)},
		{"open and received to", caseflow.Filter{Open: true, ReceivedTo: wednesday}, cases(early, onsite)},
		{"centre and overdue", caseflow.Filter{Center: "center", OverdueAt: later}, cases(late)},
		{"kind and at risk", caseflow.Filter{Kind: onSite, AtRiskAt: later}, cases(town)},
		{"at risk and overdue", caseflow.Filter{AtRiskAt: late.WarnAt, OverdueAt: earlyDue}, cases(early)},
		{"every field", caseflow.Filter{Kind: pushed, States: []caseflow.State{caseflow.StateRegistered}, Open: true,
			Center: "center", Department: "tax-bureau", Window: "w-tax", ReceivedFrom: wednesday, ReceivedTo: later, AtRiskAt: later, OverdueAt: later},
			cases(late)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := h.store.List(ctx, tt.f, caseflow.Page{})
			require.NoError(t, err)
			assert.Equal(t, ids(tt.want), ids(got))
			var match []*caseflow.Case
			for _, c := range all {
				if tt.f.Match(c) {
					match = append(match, c)
				}
			}
			assert.Equal(t, ids(tt.want), ids(match), "the suite disagrees with Filter.Match")
		})
	}

	t.Run("listed cases are the cases as stored", func(t *testing.T) {
		got, _, err := h.store.List(ctx, caseflow.Filter{}, caseflow.Page{})
		require.NoError(t, err)
		for _, c := range got {
			sameCase(t, h.get(c.ID), c, "List and Get disagree on %s", c.ID)
		}
	})
	t.Run("pages follow one another to the same list, the last with no cursor", func(t *testing.T) {
		for _, filter := range []caseflow.Filter{{}, {Kind: pushed}, {Open: true}, {AtRiskAt: later}} {
			whole, next, err := h.store.List(ctx, filter, caseflow.Page{})
			require.NoError(t, err)
			assert.Empty(t, next, "one page holds all when the limit is 0")
			for limit := 1; limit <= len(whole)+1; limit++ {
				var paged []*caseflow.Case
				p := caseflow.Page{Limit: limit}
				for range len(all) + 2 {
					page, next, err := h.store.List(ctx, filter, p)
					require.NoError(t, err)
					assert.LessOrEqual(t, len(page), limit)
					paged = append(paged, page...)
					if next == "" {
						break
					}
					assert.Len(t, page, limit, "a page before the last is full")
					p.After = next
				}
				assert.Equal(t, ids(whole), ids(paged), "filter %+v, limit %d", filter, limit)
			}
		}
	})
	t.Run("a cursor the store did not give is refused", func(t *testing.T) {
		_, _, err := h.store.List(ctx, caseflow.Filter{}, caseflow.Page{After: "no-such-cursor", Limit: 2})
		assert.ErrorIs(t, err, caseflow.ErrBadCursor)
	})
}

func testScanDuties(t *testing.T, f factory) {
	h := f.harness(t)
	fx := h.listFixture()
	scan := func(t *testing.T, filter caseflow.Filter) []string {
		t.Helper()
		var got []string
		require.NoError(t, h.store.ScanDuties(ctx, filter, func(od caseflow.OpenDuty) error {
			require.NotNil(t, od.Case, "a scanned duty has its case's summary")
			sum := h.get(od.Case.ID).Summary()
			assert.Equal(t, sum.ID, od.Case.ID)
			assert.True(t, sum.ReceivedAt.Equal(od.Case.ReceivedAt) && sum.Due.Equal(od.Case.Due),
				"%s: the summary's times are the case's", od.Case.ID)
			sum.ReceivedAt, sum.Due = od.Case.ReceivedAt, od.Case.Due
			assert.Equal(t, sum, *od.Case, "%s: the case's summary", od.Case.ID)
			d := od.Duty.Deadline
			assert.True(t, od.Duty.Open() && od.Duty.Timed, "%s %s is an open timed duty", od.Case.ID, od.Duty.Kind)
			assert.True(t, od.Due.Equal(d.Due) && od.Warn.Equal(d.Warn) && od.Provisional == d.Provisional,
				"%s %s: the duty's own deadline", od.Case.ID, od.Duty.Kind)
			got = append(got, od.Case.ID+" "+string(od.Duty.Kind))
			return nil
		}))
		return got
	}
	// want lists, from the cases List returns, each open timed duty at risk at f.AtRiskAt
	// and overdue at f.OverdueAt.
	want := func(t *testing.T, filter caseflow.Filter) []string {
		t.Helper()
		at, overdue := filter.AtRiskAt, filter.OverdueAt
		filter.AtRiskAt, filter.OverdueAt = time.Time{}, time.Time{}
		cs, _, err := h.store.List(ctx, filter, caseflow.Page{})
		require.NoError(t, err)
		var out []string
		for _, c := range cs {
			for _, d := range c.Duties {
				if d.Open() && d.Timed && (at.IsZero() || !d.Deadline.Warn.After(at)) &&
					(overdue.IsZero() || !d.Deadline.Due.After(overdue)) {
					out = append(out, c.ID+" "+string(d.Kind))
				}
			}
		}
		return out
	}
	t.Run("every open timed duty, cases in creation order, duties in start order", func(t *testing.T) {
		assert.Equal(t, []string{
			fx.late.ID + " callback", fx.late.ID + " transfer",
			fx.early.ID + " register", fx.early.ID + " callback", fx.early.ID + " transfer",
			fx.township.ID + " feedback",
		}, scan(t, caseflow.Filter{}))
	})
	for _, tt := range []struct {
		name string
		f    caseflow.Filter
	}{
		{"just before the first warning", caseflow.Filter{AtRiskAt: fx.early.WarnAt.Add(-time.Second)}},
		{"at the first warning", caseflow.Filter{AtRiskAt: fx.early.WarnAt}},
		{"at the second warning", caseflow.Filter{AtRiskAt: fx.late.WarnAt}},
		{"much later", caseflow.Filter{AtRiskAt: at(2027, 6, 1, 0, 0)}},
		{"a bound in another zone", caseflow.Filter{AtRiskAt: fx.late.WarnAt.UTC()}},
		{"kind", caseflow.Filter{Kind: caseflow.KindOnSiteComplaint}},
		{"centre and at risk", caseflow.Filter{Center: "center", AtRiskAt: at(2027, 6, 1, 0, 0)}},
		{"state", caseflow.Filter{States: []caseflow.State{caseflow.StateReceived}}},
		{"open", caseflow.Filter{Open: true}},
		{"received from", caseflow.Filter{ReceivedFrom: fx.late.ReceivedAt}},
		{"overdue at the first due time", caseflow.Filter{OverdueAt: earlyDue(fx)}},
		{"overdue just before it", caseflow.Filter{OverdueAt: earlyDue(fx).Add(-time.Second)}},
		{"overdue much later", caseflow.Filter{OverdueAt: at(2027, 6, 1, 0, 0)}},
		{"overdue and at risk", caseflow.Filter{OverdueAt: at(2027, 6, 1, 0, 0), AtRiskAt: fx.early.WarnAt}},
		{"overdue by centre", caseflow.Filter{OverdueAt: at(2027, 6, 1, 0, 0), Center: "center"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, want(t, tt.f), scan(t, tt.f))
		})
	}
	t.Run("the first error of fn stops the scan and is returned", func(t *testing.T) {
		stop := errors.New("stop")
		n := 0
		err := h.store.ScanDuties(ctx, caseflow.Filter{}, func(caseflow.OpenDuty) error { n++; return stop })
		assert.ErrorIs(t, err, stop)
		assert.Equal(t, 1, n)
	})
}

// earlyDue returns the first due time of the list fixture's duties.
func earlyDue(fx fixture) time.Time {
	d, _ := fx.early.Due()
	return d
}

func testCanceled(t *testing.T, f factory) {
	t.Run("a cancelled context fails every method with context.Canceled", func(t *testing.T) {
		h := f.harness(t)
		c := h.receive("r1")
		before := h.snapshot(c.ID)
		fresh := h.draft("r2")
		next := h.next(c.ID, urge(clerk, "u1"))
		cctx, cancel := context.WithCancel(ctx)
		cancel()

		assert.ErrorIs(t, h.store.Create(cctx, fresh), context.Canceled, "Create")
		_, err := h.store.Get(cctx, c.ID)
		assert.ErrorIs(t, err, context.Canceled, "Get")
		_, err = h.store.GetByKey(cctx, c.Key())
		assert.ErrorIs(t, err, context.Canceled, "GetByKey")
		assert.ErrorIs(t, h.store.Update(cctx, next), context.Canceled, "Update")
		_, _, err = h.store.List(cctx, caseflow.Filter{}, caseflow.Page{})
		assert.ErrorIs(t, err, context.Canceled, "List")
		err = h.store.ScanDuties(cctx, caseflow.Filter{}, func(caseflow.OpenDuty) error { return nil })
		assert.ErrorIs(t, err, context.Canceled, "ScanDuties")

		h.notFound(fresh.ID)
		h.notFoundByKey("review:r2")
		unchanged(t, before, h.get(c.ID), "a cancelled Update changed the case")
	})
}

func testConcurrency(t *testing.T, f factory) {
	t.Run("concurrent steps on one case are all stored, once each", func(t *testing.T) {
		const goroutines, steps = 16, 25
		h := f.harness(t)
		h.svc.Retries = 1000
		c := h.receive("r1")
		c = h.take(c.ID, h.clock().Add(30*time.Minute), clerk, registration)
		before := len(c.Trail)

		var wg sync.WaitGroup
		errs := make([][]error, goroutines)
		start := make(chan struct{})
		for g := 0; g < goroutines; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				<-start
				actor := caseflow.Actor{ID: fmt.Sprintf("u-office-%02d", g), Name: "王五", Role: caseflow.RoleOffice}
				for i := 0; i < steps; i++ {
					note := fmt.Sprintf("g%02d i%02d", g, i)
					got, err := h.svc.Take(ctx, c.ID, urge(actor, note))
					if err == nil && got.Trail[len(got.Trail)-1].Note != note {
						err = fmt.Errorf("step %s: the case returned ends with %q", note, got.Trail[len(got.Trail)-1].Note)
					}
					if err != nil {
						errs[g] = append(errs[g], err)
					}
				}
			}(g)
		}
		close(start)
		wg.Wait()
		for g, es := range errs {
			require.NoError(t, errors.Join(es...), "goroutine %d", g)
		}

		t.Logf("%d steps stored after %d conflicts", goroutines*steps, h.conflicts.Load())
		got := h.get(c.ID)
		require.Len(t, got.Trail, before+goroutines*steps)
		h.verified(got)
		assert.Equal(t, h.updates.Load()+1, got.Version, "the version counts the create and every successful update")
		assert.EqualValues(t, before+goroutines*steps, got.Version)
		seen := map[string]int{}
		next := make([]int, goroutines) // each goroutine's steps are stored in the order it took them
		for _, e := range got.Trail[before:] {
			seen[e.Note]++
			var g, i int
			_, err := fmt.Sscanf(e.Note, "g%02d i%02d", &g, &i)
			require.NoError(t, err, "entry %d note %q", e.Seq, e.Note)
			assert.Equal(t, next[g], i, "goroutine %d's steps out of order at entry %d", g, e.Seq)
			next[g] = i + 1
		}
		for g := 0; g < goroutines; g++ {
			for i := 0; i < steps; i++ {
				assert.Equal(t, 1, seen[fmt.Sprintf("g%02d i%02d", g, i)], "goroutine %d step %d", g, i)
			}
		}
	})

	t.Run("concurrent receipts of one review open one case", func(t *testing.T) {
		const goroutines = 16
		h := f.harness(t)
		r := review("r1", h.clock().Add(-10*time.Minute))
		type result struct {
			id      string
			created bool
			err     error
		}
		results := make([]result, goroutines)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for g := 0; g < goroutines; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				<-start
				c, created, err := h.svc.Receive(ctx, r)
				results[g] = result{created: created, err: err}
				if err == nil {
					results[g].id = c.ID
				}
			}(g)
		}
		close(start)
		wg.Wait()

		created := 0
		for g, res := range results {
			require.NoError(t, res.err, "goroutine %d", g)
			assert.Equal(t, results[0].id, res.id, "goroutine %d got another case", g)
			if res.created {
				created++
			}
		}
		assert.Equal(t, 1, created, "callers told they created the case")
		h.listed(caseflow.Filter{}, results[0].id)
		byKey, err := h.store.GetByKey(ctx, "review:r1")
		require.NoError(t, err)
		assert.Equal(t, results[0].id, byKey.ID)
		assert.EqualValues(t, 1, byKey.Version)
		assert.Len(t, byKey.Trail, 1)
	})
}

// fixture holds the cases of the List test, in the order they are created, which is neither
// the order of their IDs nor that of their receipt.
type fixture struct {
	// late: a review received on Wednesday afternoon and registered.
	late *caseflow.Case
	// early: a review received on Tuesday morning, not yet registered.
	early *caseflow.Case
	// onsite: a complaint at the centre on Tuesday, not yet registered: no timed duty.
	onsite *caseflow.Case
	// township: a complaint at a township centre on Wednesday, inspected on the spot: the
	// window owes its feedback within 2 working days.
	township *caseflow.Case
	// done: a review received on Tuesday morning, rectified and archived on Friday.
	done *caseflow.Case
}

func (h *harness) listFixture() fixture {
	h.t.Helper()
	var fx fixture

	h.set(at(2026, 11, 25, 14, 0))
	fx.late = h.receive("r-late")
	fx.late = h.take(fx.late.ID, at(2026, 11, 25, 14, 10), clerk, registration)

	h.set(at(2026, 11, 24, 9, 30))
	fx.early = h.receive("r-early")

	h.set(at(2026, 11, 24, 11, 0))
	fx.onsite = h.complain(clerk, complaint("cp-center", center, h.clock()))

	h.set(at(2026, 11, 25, 9, 0))
	id := h.complain(townLeader, complaint("cp-dajiang", township, h.clock())).ID
	h.take(id, at(2026, 11, 25, 9, 10), townLeader, caseflow.Registration{Content: "窗口人员态度生硬"})
	h.take(id, at(2026, 11, 25, 9, 20), townLeader, caseflow.Assignment{ResponsibleWindow: townWindow, Basis: "投诉人指认"})
	fx.township = h.take(id, at(2026, 11, 25, 9, 40), townLeader, caseflow.Inspection{Findings: "调取监控，属实"})

	h.set(at(2026, 11, 24, 9, 30))
	id = h.receive("r-done").ID
	for _, s := range []struct {
		at    time.Time
		actor caseflow.Actor
		step  caseflow.Step
	}{
		{at(2026, 11, 24, 10, 0), clerk, registration},
		{at(2026, 11, 24, 11, 0), clerk, caseflow.FollowUp{Outcome: "评价人反映窗口人员态度生硬", Materials: []string{"评价器视频", "通话录音"}, Reason: "态度生硬", Verdict: caseflow.VerdictJustified}},
		{at(2026, 11, 24, 11, 30), clerk, caseflow.Transfer{}},
		{at(2026, 11, 24, 15, 0), staff, caseflow.Meeting{ResponsiblePerson: "李四", Measures: []string{"开展服务礼仪培训"}}},
		{at(2026, 11, 25, 16, 0), head, caseflow.Report{
			Investigator: "孙八", Subject: "李四", Investigation: []string{"调取监控，属实"},
			Measures: []string{"开展服务礼仪培训"},
			Finding:  caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: "李四"}}},
		}},
		{at(2026, 11, 26, 10, 0), clerk, caseflow.OfficeVerification{Result: "整改已落实"}},
		{at(2026, 11, 26, 11, 0), boss, caseflow.LeaderReview{Opinion: "同意，报市督查科"}},
		{at(2026, 11, 26, 15, 0), clerk, caseflow.ResultFollowUp{Outcome: "评价人对整改结果满意", Satisfied: true}},
		{at(2026, 11, 27, 9, 0), clerk, caseflow.CitySubmission{Reference: "融政监管报〔2026〕12号"}},
		{at(2026, 11, 27, 10, 0), clerk, caseflow.Archive{}},
	} {
		fx.done = h.take(id, s.at, s.actor, s.step)
	}
	require.Equal(h.t, caseflow.StateArchived, fx.done.State)
	return fx
}

var ctx = context.Background()

// at returns a time in Beijing time.
func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, haochaping.Location())
}

// Actors, organisations and step contents of the cases.
var (
	clerk      = caseflow.Actor{ID: "u-office-1", Name: "王五", Role: caseflow.RoleOffice}
	boss       = caseflow.Actor{ID: "u-leader-1", Name: "赵六", Role: caseflow.RoleLeader}
	staff      = caseflow.Actor{ID: "u-tax-1", Name: "钱七", Role: caseflow.RoleWindowStaff, Org: "w-tax"}
	head       = caseflow.Actor{ID: "u-tax-head", Name: "孙八", Role: caseflow.RoleWindowHead, Org: "w-tax"}
	townLeader = caseflow.Actor{ID: "u-dajiang-leader", Name: "吴十", Role: caseflow.RoleOrgLeader, Org: "dajiang"}

	center     = haochaping.Org{ID: "center", Name: "融安县政务服务中心", Kind: haochaping.OrgCountyCenter}
	township   = haochaping.Org{ID: "dajiang", Name: "大将镇政务服务中心", Kind: haochaping.OrgTownshipCenter}
	taxWindow  = &haochaping.Window{ID: "w-tax", Name: "税务窗口", Kind: haochaping.DepartmentWindow, Center: "center", Department: "tax-bureau"}
	townWindow = &haochaping.Window{ID: "w-dajiang", Name: "大将镇综合窗口", Kind: haochaping.BusinessWindow, Center: "dajiang"}

	registration = caseflow.Registration{ResponsibleWindow: taxWindow, ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}
)

// review returns a bad review with the given ID, rated at rated.
func review(id string, rated time.Time) haochaping.Review {
	opt, err := haochaping.LookupOption("1.3")
	if err != nil {
		panic(err)
	}
	return haochaping.Review{
		ID: id, MatterNumber: "450224-2026-000123", ServiceItem: "个人所得税申报",
		Level: haochaping.Dissatisfied, Options: []haochaping.Option{opt}, Channel: haochaping.ChannelDevice,
		Time: rated, Window: "w-tax", Department: "融安县税务局", Staff: "李四", AreaCode: "450224",
		Reviewer: haochaping.Reviewer{Name: "张三丰", Gender: haochaping.Male, Phone: "13812345678", Kind: haochaping.NaturalPerson},
	}
}

// complaint returns a complaint made at center shortly before now; id may be empty.
func complaint(id string, center haochaping.Org, now time.Time) caseflow.Complaint {
	return caseflow.Complaint{
		ID: id, Center: center, Time: now.Add(-5 * time.Minute), Content: "窗口人员态度生硬",
		Complainant: haochaping.Reviewer{Name: "张三丰", Phone: "13812345678", Kind: haochaping.NaturalPerson},
	}
}

// urge returns an office actor's urge, noted note.
func urge(actor caseflow.Actor, note string) caseflow.Action {
	return caseflow.Action{Actor: actor, Step: caseflow.Urge{Message: "请尽快办理 " + note}, Note: note}
}

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
	c, err := h.store.Get(ctx, id)
	require.NoError(h.t, err, "get case %s", id)
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

// sameCase requires got to encode as want does in the storage codec.
func sameCase(t *testing.T, want, got *caseflow.Case, msgAndArgs ...any) {
	t.Helper()
	unchanged(t, encode(t, want), got, msgAndArgs...)
}

// unchanged requires got to encode as want in the storage codec.
func unchanged(t *testing.T, want []byte, got *caseflow.Case, msgAndArgs ...any) {
	t.Helper()
	require.NotNil(t, got, msgAndArgs...)
	require.JSONEq(t, string(want), string(encode(t, got)), msgAndArgs...)
}

// encode returns the storage encoding of c ([caseflow.StoredCase]): every value in full.
func encode(t *testing.T, c *caseflow.Case) []byte {
	t.Helper()
	b, err := json.Marshal((*caseflow.StoredCase)(c))
	require.NoError(t, err, "case %s cannot be encoded in JSON, so it cannot be compared, nor kept by a store that encodes it", c.ID)
	return b
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

func cases(cs ...*caseflow.Case) []*caseflow.Case { return cs }

// ids returns the IDs of cs, never nil.
func ids(cs []*caseflow.Case) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

// notes returns the notes of a trail's entries.
func notes(trail []*caseflow.Entry) []string {
	out := make([]string, len(trail))
	for i, e := range trail {
		out[i] = e.Note
	}
	return out
}
