package ledgertest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
)

// testIterator checks that the iterator stops when the caller breaks, leaving the ledger
// usable, may be ranged over again, and yields copies: changing a rating read, or the
// batch recorded, changes nothing kept.
func testIterator(t *testing.T, f factory) {
	l := f.ledger(t)
	rs := ratings(t, 0, 30)
	record(t, l, len(rs), rs...)
	want := kept(rs, haochaping.RatingQuery{})

	t.Run("early break", func(t *testing.T) {
		seq := l.Ratings(context.Background(), haochaping.RatingQuery{})
		n := 0
		for _, err := range seq {
			require.NoError(t, err)
			if n++; n == 3 {
				break
			}
		}
		require.Equal(t, 3, n)
		// The ledger is not left locked: it records and reads, and the sequence ranges again.
		record(t, l, 0, rs[0])
		n = 0
		for _, err := range seq {
			require.NoError(t, err)
			n++
		}
		require.Equal(t, len(rs), n, "the sequence ranged again")
	})
	t.Run("copies", func(t *testing.T) {
		for r, err := range l.Ratings(context.Background(), haochaping.RatingQuery{}) {
			require.NoError(t, err)
			r.ID, r.Window = "changed", "changed"
			for i := range r.Options {
				r.Options[i].Code = "changed"
			}
			c := &r.Classification
			for _, l := range [][]haochaping.Option{c.Options, c.Other, c.Conflicts} {
				for i := range l {
					l[i].Label = "changed"
				}
			}
			for i := range r.Encrypted {
				r.Encrypted[i] = "changed"
			}
		}
		for i := range rs { // the batch recorded, changed after Record returned
			rs[i].Window = "changed"
			for j := range rs[i].Options {
				rs[i].Options[j].Label = "changed"
			}
			for j := range rs[i].Encrypted {
				rs[i].Encrypted[j] = "changed"
			}
		}
		requireSame(t, want, read(t, l, haochaping.RatingQuery{}))
	})
}
