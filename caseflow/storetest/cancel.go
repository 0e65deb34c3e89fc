package storetest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/haochaping/haochaping/caseflow"
)

func testCanceled(t *testing.T, f factory) {
	t.Run("a cancelled context fails every method with context.Canceled", func(t *testing.T) {
		t.Parallel()
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
