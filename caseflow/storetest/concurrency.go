package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

func testConcurrency(t *testing.T, f factory) {
	t.Run("concurrent steps on one case are all stored, once each", func(t *testing.T) {
		t.Parallel()
		const goroutines, steps = 16, 25
		h := f.harness(t)
		h.svc.Retries = 1000
		c := h.receive("r1")
		c = h.take(c.ID, h.clock().Add(30*time.Minute), clerk, registration)
		before := len(c.Trail)

		var wg sync.WaitGroup
		errs := make([][]error, goroutines)
		start := make(chan struct{})
		for g := 0; g < goroutines; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				<-start
				actor := caseflow.Actor{ID: fmt.Sprintf("u-office-%02d", g), Name: "王五", Role: caseflow.RoleOffice}
				for i := 0; i < steps; i++ {
					note := fmt.Sprintf("g%02d i%02d", g, i)
					got, err := h.svc.Take(ctx, c.ID, urge(actor, note))
					if err == nil && got.Trail[len(got.Trail)-1].Note != note {
						err = fmt.Errorf("step %s: the case returned ends with %q", note, got.Trail[len(got.Trail)-1].Note)
					}
					if err != nil {
						errs[g] = append(errs[g], err)
					}
				}
			}(g)
		}
		close(start)
		wg.Wait()
		for g, es := range errs {
			require.NoError(t, errors.Join(es...), "goroutine %d", g)
		}

		t.Logf("%d steps stored after %d conflicts", goroutines*steps, h.conflicts.Load())
		got := h.get(c.ID)
		require.Len(t, got.Trail, before+goroutines*steps)
		h.verified(got)
		assert.Equal(t, h.updates.Load()+1, got.Version, "the version counts the create and every successful update")
		assert.EqualValues(t, before+goroutines*steps, got.Version)
		seen := map[string]int{}
		next := make([]int, goroutines) // each goroutine's steps are stored in the order it took them
		for _, e := range got.Trail[before:] {
			seen[e.Note]++
			var g, i int
			_, err := fmt.Sscanf(e.Note, "g%02d i%02d", &g, &i)
			require.NoError(t, err, "entry %d note %q", e.Seq, e.Note)
			assert.Equal(t, next[g], i, "goroutine %d's steps out of order at entry %d", g, e.Seq)
			next[g] = i + 1
		}
		for g := 0; g < goroutines; g++ {
			for i := 0; i < steps; i++ {
				assert.Equal(t, 1, seen[fmt.Sprintf("g%02d i%02d", g, i)], "goroutine %d step %d", g, i)
			}
		}
	})

	t.Run("concurrent receipts of one review open one case", func(t *testing.T) {
		t.Parallel()
		const goroutines = 16
		h := f.harness(t)
		r := review("r1", h.clock().Add(-10*time.Minute))
		type result struct {
			id      string
			created bool
			err     error
		}
		results := make([]result, goroutines)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for g := 0; g < goroutines; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				<-start
				c, created, err := h.svc.Receive(ctx, r)
				results[g] = result{created: created, err: err}
				if err == nil {
					results[g].id = c.ID
				}
			}(g)
		}
		close(start)
		wg.Wait()

		created := 0
		for g, res := range results {
			require.NoError(t, res.err, "goroutine %d", g)
			assert.Equal(t, results[0].id, res.id, "goroutine %d got another case", g)
			if res.created {
				created++
			}
		}
		assert.Equal(t, 1, created, "callers told they created the case")
		h.listed(caseflow.Filter{}, results[0].id)
		byKey, err := h.store.GetByKey(ctx, "review:r1")
		require.NoError(t, err)
		assert.Equal(t, results[0].id, byKey.ID)
		assert.EqualValues(t, 1, byKey.Version)
		assert.Len(t, byKey.Trail, 1)
	})
}
