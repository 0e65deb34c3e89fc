package storetest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

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
			t.Parallel()
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
		t.Parallel()
		h := f.harness(t)
		h.set(h.clock().Add(123456789 * time.Nanosecond))
		c := h.receive("r-ns")
		c = h.take(c.ID, h.clock().Add(987654321*time.Nanosecond), clerk, registration)
		got := h.get(c.ID)
		sameCase(t, c, got)
		h.verified(got)
	})

	t.Run("a duplicate ID is refused with ErrDuplicate", func(t *testing.T) {
		t.Parallel()
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
		t.Parallel()
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
		t.Parallel()
		h := f.harness(t)
		a := h.complain(clerk, complaint("", center, h.clock()))
		b := h.complain(clerk, complaint("", center, h.clock()))
		require.Empty(t, a.Key())
		require.NotEqual(t, a.ID, b.ID)
		h.listed(caseflow.Filter{}, a.ID, b.ID)
		h.notFoundByKey("")
	})

	t.Run("a case whose version is not 0 is refused", func(t *testing.T) {
		t.Parallel()
		h := f.harness(t)
		c := h.draft("r1")
		c.Version = 1 // as if it had been stored already
		require.Error(t, h.store.Create(ctx, c))
		h.notFound(c.ID)
		h.notFoundByKey("review:r1")
		h.listed(caseflow.Filter{})
	})
}
