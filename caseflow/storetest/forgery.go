package storetest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

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
			t.Parallel()
			h := f.harness(t)
			c := h.receive("r1")
			before, head := h.snapshot(c.ID), h.head(c.ID)
			require.ErrorIs(t, h.store.Update(ctx, tt.forged(h, c.ID)), caseflow.ErrTampered)
			unchanged(t, before, h.get(c.ID), "a forged update changed the stored case")
			assert.Equal(t, head, h.head(c.ID), "a forged update moved the head")
		})
	}

	t.Run("without keys, an update whose new entry has a garbage hash fails with ErrTampered", func(t *testing.T) {
		t.Parallel()
		h := f.harnessWith(t, nil)
		c := h.receive("r1")
		h.verified(h.get(c.ID))
		next := h.next(c.ID, urge(clerk, "real"))
		next.Trail[len(next.Trail)-1].Hash[0] ^= 1
		require.ErrorIs(t, h.store.Update(ctx, next), caseflow.ErrTampered)
	})

	t.Run("an update chained under a retired key fails with ErrTampered", func(t *testing.T) {
		t.Parallel()
		retired, err := caseflow.NewKeyring("suite-old", map[string][]byte{
			"suite-old": []byte("storetest: the retired key, 32 bytes or more"),
		})
		require.NoError(t, err)
		h := f.harness(t)
		c := h.receive("r1")
		require.ErrorIs(t, h.store.Update(ctx, h.nextUnder(retired, c.ID, urge(clerk, "old key"))), caseflow.ErrTampered)
	})

	t.Run("a new case chained with plain SHA-256 fails with ErrTampered in a store with keys", func(t *testing.T) {
		t.Parallel()
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
		t.Parallel()
		h := f.harness(t)
		c := h.draft("r1")
		c.Review.Reviewer.Phone = "13900000000"
		require.ErrorIs(t, h.store.Create(ctx, c), caseflow.ErrTampered)
		h.notFoundByKey("review:r1")
	})

	t.Run("a trail cut short fails against the head the store keeps", func(t *testing.T) {
		t.Parallel()
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
		t.Parallel()
		h := f.harness(t)
		c := h.receive("r1")
		forged := h.nextUnder(attacker, c.ID, urge(clerk, "forged"))
		_, err := caseflow.Verify(forged.Trail, h.keys)
		require.ErrorIs(t, err, caseflow.ErrTampered)
	})
}
