package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

func testNotFound(t *testing.T, f factory) {
	t.Run("unknown IDs and keys are not found", func(t *testing.T) {
		t.Parallel()
		h := f.harness(t)
		c := h.receive("r1")
		h.notFound("SP-unknown")
		h.notFound("")
		h.notFoundByKey("review:unknown")
		h.notFoundByKey("complaint:r1")
		h.notFoundByKey(c.ID) // an ID is not a key
	})
	t.Run("an update of an unknown case is not found and stores nothing", func(t *testing.T) {
		t.Parallel()
		h := f.harness(t)
		h.receive("r1")
		c := h.draft("r2")
		require.ErrorIs(t, h.store.Update(ctx, c), caseflow.ErrNotFound)
		assert.EqualValues(t, 0, c.Version, "a failed Update leaves the version")
		h.notFound(c.ID)
		h.notFoundByKey("review:r2")
	})
}
