package storetest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

func testUpdate(t *testing.T, f factory) {
	t.Run("each update bumps the version by one", func(t *testing.T) {
		t.Parallel()
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
		t.Parallel()
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
		t.Parallel()
		h := f.harness(t)
		c := h.receive("r1")
		before := h.snapshot(c.ID)
		next := h.next(c.ID, urge(clerk, "u1"))
		next.Version++
		require.ErrorIs(t, h.store.Update(ctx, next), caseflow.ErrConflict)
		unchanged(t, before, h.get(c.ID), "a failed Update changed the case")
	})
}
