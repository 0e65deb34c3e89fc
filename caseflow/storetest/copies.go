package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/internal/mutate"
)

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
			t.Parallel()
			h, id, before := setup(t)
			h.next(id, urge(clerk, "not stored"))
			unchanged(t, before, g.get(h, id), "a step not updated changed the stored case")
		})
		t.Run("changing the fields of a case from "+g.name+" leaves the stored case", func(t *testing.T) {
			t.Parallel()
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
			t.Parallel()
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
			t.Parallel()
			h, id, before := setup(t)
			c := g.get(h, id)
			slices.Reverse(c.Trail)  // say, to show the newest step first
			slices.Reverse(c.Duties) // or the newest duty first
			unchanged(t, before, g.get(h, id), "rearranging a copy's lists changed the stored case")
		})
	}
}
