package ledgertest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
)

// testCanceled checks that a cancelled context records nothing and returns ctx.Err(), and
// that Ratings yields ctx.Err() once, before any rating or where the cancellation finds it.
func testCanceled(t *testing.T, f factory) {
	l := f.ledger(t)
	canceled, cancel := context.WithCancel(context.Background())
	cancel()

	added, err := l.Record(canceled, ratings(t, 0, 10))
	require.ErrorIs(t, err, context.Canceled)
	require.Zero(t, added)
	require.Empty(t, read(t, l, haochaping.RatingQuery{}), "a cancelled Record recorded something")

	record(t, l, 10, ratings(t, 0, 10)...)
	var errs, rows int
	for r, err := range l.Ratings(canceled, haochaping.RatingQuery{}) {
		if err != nil {
			require.ErrorIs(t, err, context.Canceled)
			require.Equal(t, haochaping.Review{}, r, "a zero rating beside the error")
			errs++
			continue
		}
		rows++
	}
	require.Equal(t, 1, errs, "the error yielded once")
	require.Zero(t, rows, "ratings yielded under a cancelled context")

	t.Run("cancelled while reading", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var errs, rows int
		for _, err := range l.Ratings(ctx, haochaping.RatingQuery{}) {
			require.Zero(t, errs, "a yield after the error")
			if err != nil {
				require.ErrorIs(t, err, context.Canceled)
				errs++
				continue
			}
			if rows++; rows == 3 {
				cancel()
			}
		}
		require.Equal(t, 1, errs, "the error yielded once")
		require.Less(t, rows, 10, "every rating yielded despite the cancellation")
	})
}
