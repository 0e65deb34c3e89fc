package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
)

// service returns a test service on a fresh store of d.
func service(t *testing.T, d sqlstore.Dialect) (*caseflow.Service, *sqlstore.Store) {
	t.Helper()
	svc := caseflowtest.NewService()
	store := open(t, d, svc.Keys)
	svc.Store = store
	return svc, store
}

// delivered returns "caseID#seq event" for each committed step fn saw.
type delivered struct {
	mu   sync.Mutex
	seen []string
}

func (d *delivered) take(_ context.Context, c caseflow.Committed) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.seen = append(d.seen, fmt.Sprintf("%s#%d %s", c.Case.ID, c.Entry.Seq, c.Entry.Event))
	return nil
}

func TestOutboxDeliversEveryCommittedStepOnce(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			svc, store := service(t, d)
			c := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateTransferred)
			var want []string
			for _, e := range c.Trail {
				want = append(want, fmt.Sprintf("%s#%d %s", c.ID, e.Seq, e.Event))
			}
			n, err := store.Pending(ctx)
			require.NoError(t, err)
			assert.Equal(t, len(c.Trail), n, "one outbox row per committed entry")

			var got delivered
			n, err = store.Deliver(ctx, 2, 0, got.take)
			require.NoError(t, err)
			assert.Equal(t, 2, n, "Deliver hands out at most limit steps")
			n, err = store.Deliver(ctx, 0, 0, got.take)
			require.NoError(t, err)
			assert.Equal(t, len(c.Trail)-2, n)
			assert.Equal(t, want, got.seen, "every step once, in order")
			n, err = store.Deliver(ctx, 0, 0, got.take)
			require.NoError(t, err)
			assert.Zero(t, n, "a delivered step is not delivered again")
		})
	}
}

func TestOutboxRedeliversWhatFailed(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			svc, store := service(t, d)
			_, _, err := svc.Receive(ctx, caseflowtest.Review())
			require.NoError(t, err)
			_, _, err = svc.Receive(ctx, caseflowtest.Review())
			require.NoError(t, err)
			boom := errors.New("webhook down")
			calls := 0
			n, err := store.Deliver(ctx, 0, time.Hour, func(context.Context, caseflow.Committed) error {
				calls++
				if calls == 2 {
					return boom
				}
				return nil
			})
			require.ErrorIs(t, err, boom)
			assert.Equal(t, 1, n, "the step before the failure was delivered")
			var got delivered
			n, err = store.Deliver(ctx, 0, time.Hour, got.take)
			require.NoError(t, err)
			assert.Equal(t, 1, n, "the failed step is released at once, not held for its lease")
		})
	}
}

func TestOutboxLeaseHidesClaimedSteps(t *testing.T) {
	svc, store := service(t, sqlstore.SQLite)
	_, _, err := svc.Receive(ctx, caseflowtest.Review())
	require.NoError(t, err)
	// A deliverer that dies inside fn leaves its row leased: another deliverer does not see
	// it until the lease runs out.
	ctxDead, cancel := context.WithCancel(ctx)
	_, err = store.Deliver(ctxDead, 0, time.Hour, func(context.Context, caseflow.Committed) error {
		cancel()
		return context.Canceled
	})
	require.ErrorIs(t, err, context.Canceled)
	n, err := store.Pending(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, n, "a step whose delivery failed stays in the outbox")
}

func TestOutboxConcurrentDeliverersShareTheWork(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			svc, store := service(t, d)
			for range 20 {
				_, _, err := svc.Receive(ctx, caseflowtest.Review())
				require.NoError(t, err)
			}
			var got delivered
			var wg sync.WaitGroup
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						n, err := store.Deliver(ctx, 3, time.Hour, got.take)
						if !assert.NoError(t, err) || n == 0 {
							return
						}
					}
				}()
			}
			wg.Wait()
			assert.Len(t, got.seen, 20, "every step delivered")
			seen := map[string]bool{}
			for _, s := range got.seen {
				assert.False(t, seen[s], "%s delivered twice", s)
				seen[s] = true
			}
		})
	}
}
