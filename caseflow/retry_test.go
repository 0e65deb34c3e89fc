package caseflow_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

// contend has workers goroutines each take steps urges on case id at once, and returns how
// many ended in ErrConflict; any other error fails tb.
func contend(tb testing.TB, svc *caseflow.Service, id string, workers, steps int) (conflicts int64) {
	var wg sync.WaitGroup
	var n atomic.Int64
	errs := make(chan error, workers)
	for w := range workers {
		wg.Go(func() {
			for i := range steps {
				act := caseflow.Action{Actor: clerk, Step: caseflow.Urge{Message: fmt.Sprintf("督促 %d-%d", w, i)}}
				_, err := svc.Take(ctx, id, act)
				switch {
				case errors.Is(err, caseflow.ErrConflict):
					n.Add(1)
				case err != nil:
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		tb.Fatal(err)
	}
	return n.Load()
}

// Regression: at 64-way contention on one case, 44 to 288 of 640 steps still returned
// ErrConflict, because a step was retaken at once and collided again. With the default
// backoff every step goes through and is recorded.
func TestRetriesAbsorbContention(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	c := f.receive("r1")
	const workers, steps = 64, 10
	assert.Zero(t, contend(t, f.svc, c.ID, workers, steps), "steps that returned ErrConflict")
	got, err := f.svc.Get(ctx, c.ID)
	require.NoError(t, err)
	_, err = caseflow.Verify(got.Trail, nil)
	require.NoError(t, err)
	seen := map[string]bool{}
	for _, e := range got.Trail {
		if e.Event == caseflow.EventUrge {
			seen[e.Step.(caseflow.Urge).Message] = true
		}
	}
	assert.Equal(t, workers*steps, len(seen), "urges in the trail")
}

// conflictingStore is a memory store on which every update conflicts.
type conflictingStore struct {
	*caseflow.MemoryStore
	updates atomic.Int64
}

func (s *conflictingStore) Update(context.Context, *caseflow.Case) error {
	s.updates.Add(1)
	return fmt.Errorf("test store: %w", caseflow.ErrConflict)
}

func conflictingService(t *testing.T) (*caseflow.Service, *conflictingStore, string) {
	store := &conflictingStore{MemoryStore: caseflow.NewMemoryStore()}
	svc := caseflow.NewService(store)
	now := at(2026, 11, 24, 9, 30)
	svc.Now = func() time.Time { return now }
	c, _, err := svc.Receive(ctx, review("r1", now.Add(-time.Minute)))
	require.NoError(t, err)
	return svc, store, c.ID
}

// A cancelled request stops waiting for its next attempt at once, and says why.
func TestTakeStopsWaitingWhenCancelled(t *testing.T) {
	svc, _, id := conflictingService(t)
	svc.RetryDelay, svc.MaxRetryDelay = time.Hour, time.Hour
	cctx, cancel := context.WithCancel(ctx)
	time.AfterFunc(20*time.Millisecond, cancel)
	start := time.Now()
	_, err := svc.Take(cctx, id, caseflow.Action{Actor: clerk, Step: caseflow.Urge{Message: "请办理"}})
	assert.Less(t, time.Since(start), 5*time.Second, "Take kept waiting after the cancellation")
	require.ErrorIs(t, err, context.Canceled)
	assert.ErrorContains(t, err, "caseflow: case "+id+": step urge: waiting to retry after a conflict")
}

// After Retries retries the conflict is returned; a negative RetryDelay retakes at once.
func TestTakeGivesUpAfterRetries(t *testing.T) {
	svc, store, id := conflictingService(t)
	svc.Retries, svc.RetryDelay = 3, -1
	_, err := svc.Take(ctx, id, caseflow.Action{Actor: clerk, Step: caseflow.Urge{Message: "请办理"}})
	require.ErrorIs(t, err, caseflow.ErrConflict)
	assert.EqualValues(t, 4, store.updates.Load(), "updates: the first attempt and 3 retries")
}
