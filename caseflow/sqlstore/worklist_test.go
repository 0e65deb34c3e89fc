package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/deadline"
)

var ctx = context.Background()

// TestAtRiskFirstIsTheWorklistsFirstPage_第七条 checks that the first page read from the
// index on due times is the first page of the whole worklist, on every database, and that
// the whole worklist is the memory store's.
func TestAtRiskFirstIsTheWorklistsFirstPage_第七条(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			svc, _ := service(t, d)
			mem := caseflowtest.NewService()
			clk, memClk := caseflowtest.ClockOf(svc), caseflowtest.ClockOf(mem)
			for i, st := range []caseflow.State{caseflow.StateReceived, caseflow.StateRegistered, caseflow.StateTransferred,
				caseflow.StateReceived, caseflow.StateTransferred, caseflow.StateRegistered} {
				for _, s := range []*caseflow.Service{svc, mem} {
					caseflowtest.To(t, s, caseflow.KindSystemPushed, st)
				}
				clk.Advance(time.Duration(i+1) * 37 * time.Minute)
				memClk.Set(clk.Now())
			}
			clk.Advance(5 * 24 * time.Hour)
			memClk.Set(clk.Now())
			all, err := svc.AtRisk(ctx, caseflow.Filter{})
			require.NoError(t, err)
			want, err := mem.AtRisk(ctx, caseflow.Filter{})
			require.NoError(t, err)
			require.NotEmpty(t, all)
			assert.Equal(t, statuses(want), statuses(all), "the SQL worklist is the memory store's")
			for _, n := range []int{1, 3, len(all), len(all) + 5} {
				first, err := svc.AtRiskFirst(ctx, caseflow.Filter{}, n)
				require.NoError(t, err)
				assert.Equal(t, statuses(all[:min(n, len(all))]), statuses(first), "first %d", n)
			}
			over, err := svc.AtRiskFirst(ctx, caseflow.Filter{}, 100, deadline.Overdue)
			require.NoError(t, err)
			wantOver, err := svc.AtRisk(ctx, caseflow.Filter{}, deadline.Overdue)
			require.NoError(t, err)
			assert.Equal(t, statuses(wantOver), statuses(over))
		})
	}
}

// statuses returns what a worklist shows of each duty, comparable across stores.
func statuses(ds []caseflow.DutyStatus) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Case.ID + " " + string(d.Case.State) + " " + string(d.Duty.Kind) + " " +
			d.Duty.Deadline.Due.UTC().Format(time.RFC3339Nano) + " " + d.Status.Standing.String()
	}
	return out
}
