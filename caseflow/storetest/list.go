package storetest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

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
			t.Parallel()
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
		t.Parallel()
		got, _, err := h.store.List(ctx, caseflow.Filter{}, caseflow.Page{})
		require.NoError(t, err)
		for _, c := range got {
			sameCase(t, h.getIn(t, c.ID), c, "List and Get disagree on %s", c.ID)
		}
	})
	t.Run("pages follow one another to the same list, the last with no cursor", func(t *testing.T) {
		t.Parallel()
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
		t.Parallel()
		_, _, err := h.store.List(ctx, caseflow.Filter{}, caseflow.Page{After: "no-such-cursor", Limit: 2})
		assert.ErrorIs(t, err, caseflow.ErrBadCursor)
	})
}
