package storetest

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

func testScanDuties(t *testing.T, f factory) {
	h := f.harness(t)
	fx := h.listFixture()
	scan := func(t *testing.T, filter caseflow.Filter) []string {
		t.Helper()
		var got []string
		require.NoError(t, h.store.ScanDuties(ctx, filter, func(od caseflow.OpenDuty) error {
			require.NotNil(t, od.Case, "a scanned duty has its case's summary")
			sum := h.getIn(t, od.Case.ID).Summary()
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
		t.Parallel()
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
			t.Parallel()
			assert.Equal(t, want(t, tt.f), scan(t, tt.f))
		})
	}
	t.Run("a DueScanner scans the same duties soonest due first", func(t *testing.T) {
		t.Parallel()
		ds, ok := h.store.(caseflow.DueScanner)
		if !ok {
			t.Skip("the store is not a caseflow.DueScanner (optional): Service.AtRiskFirst scans it whole")
		}
		for _, filter := range []caseflow.Filter{{}, {AtRiskAt: fx.late.WarnAt}, {OverdueAt: at(2027, 6, 1, 0, 0)}, {Center: "center"}} {
			type due struct {
				key string
				at  time.Time
			}
			var all []due
			require.NoError(t, h.store.ScanDuties(ctx, filter, func(od caseflow.OpenDuty) error {
				all = append(all, due{od.Case.ID + " " + string(od.Duty.Kind), od.Due})
				return nil
			}))
			slices.SortStableFunc(all, func(a, b due) int { return a.at.Compare(b.at) })
			var want, got []string
			for _, d := range all {
				want = append(want, d.key)
			}
			require.NoError(t, ds.ScanDutiesByDue(ctx, filter, func(od caseflow.OpenDuty) error {
				got = append(got, od.Case.ID+" "+string(od.Duty.Kind))
				return nil
			}))
			assert.Equal(t, want, got, "%+v: by due time, then in ScanDuties' order", filter)
			stop := errors.New("stop")
			n := 0
			err := ds.ScanDutiesByDue(ctx, filter, func(caseflow.OpenDuty) error { n++; return stop })
			if len(want) > 0 {
				assert.ErrorIs(t, err, stop)
				assert.Equal(t, 1, n, "the first error of fn stops the scan")
			}
		}
	})
	t.Run("the first error of fn stops the scan and is returned", func(t *testing.T) {
		t.Parallel()
		stop := errors.New("stop")
		n := 0
		err := h.store.ScanDuties(ctx, caseflow.Filter{}, func(caseflow.OpenDuty) error { n++; return stop })
		assert.ErrorIs(t, err, stop)
		assert.Equal(t, 1, n)
	})
}
