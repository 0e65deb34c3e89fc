package ledgertest

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
)

// testConcurrent checks that 8 goroutines recording overlapping batches, while others
// read, add each rating exactly once: the counts Record returns sum to the ratings kept.
func testConcurrent(t *testing.T, f factory) {
	l := f.ledger(t)
	const goroutines, stride, span, batch = 8, 100, 300, 25
	all := ratings(t, 0, (goroutines-1)*stride+span)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		added int
		errs  []error
	)
	for g := range goroutines {
		mine := all[g*stride : g*stride+span]
		if g%2 == 1 { // the odd ones from the end, so that the batches collide
			rev := make([]haochaping.Review, len(mine))
			for i, r := range mine {
				rev[len(mine)-1-i] = r
			}
			mine = rev
		}
		wg.Go(func() {
			for start := 0; start < len(mine); start += batch {
				n, err := l.Record(context.Background(), mine[start:start+batch])
				mu.Lock()
				added += n
				if err != nil {
					errs = append(errs, err)
				}
				mu.Unlock()
			}
		})
		wg.Go(func() { // a reader beside each writer
			for _, err := range l.Ratings(context.Background(), haochaping.RatingQuery{AreaCode: areas[g%len(areas)]}) {
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					return
				}
			}
		})
	}
	wg.Wait()
	require.Empty(t, errs)
	require.Equal(t, len(all), added, "the counts Record returned")
	requireSame(t, kept(all, haochaping.RatingQuery{}), read(t, l, haochaping.RatingQuery{}))
}
