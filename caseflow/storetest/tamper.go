package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

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
			t.Parallel()
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
			t.Parallel()
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
