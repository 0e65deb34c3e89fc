package ledgertest

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
)

// testIdempotent checks that a ledger records each key once, the first recorded kept:
// across batches, within a batch, and across IDs that normalise alike; and that Record
// counts what it added.
func testIdempotent(t *testing.T, f factory) {
	t.Run("across batches, the first kept", func(t *testing.T) {
		l := f.ledger(t)
		rs := ratings(t, 0, 10)
		record(t, l, 10, rs...)
		again := ratings(t, 5, 15)
		again[0].Level, again[0].Window = haochaping.VeryDissatisfied, "另一个窗口" // R-000005 again, changed
		record(t, l, 5, again...)
		record(t, l, 0, rs...)
		requireSame(t, kept(append(rs, again...), haochaping.RatingQuery{}), read(t, l, haochaping.RatingQuery{}))
		for _, r := range read(t, l, haochaping.RatingQuery{Window: "另一个窗口"}) {
			t.Fatalf("%s overwritten by a later rating with its key", r.ID)
		}
	})
	t.Run("within a batch, the first kept", func(t *testing.T) {
		l := f.ledger(t)
		rs := ratings(t, 0, 6)
		dup := rs[2]
		dup.Level = haochaping.VeryDissatisfied
		batch := append(rs, dup, rs[4], rs[2])
		record(t, l, 6, batch...)
		got := read(t, l, haochaping.RatingQuery{})
		requireSame(t, kept(batch, haochaping.RatingQuery{}), got)
		require.Equal(t, rs[2].Level, got[2].Level, "the first of R-000002 is kept")
	})
	t.Run("IDs that normalise alike", func(t *testing.T) {
		l := f.ledger(t)
		r := rating(t, 1)
		r.ID = "Ｒ－０００００１" // full-width: R-000001
		spaced := rating(t, 1)
		spaced.ID = " R-000001\u3000"
		plain := rating(t, 1)
		record(t, l, 1, r, spaced)
		record(t, l, 0, plain)
		got := read(t, l, haochaping.RatingQuery{})
		require.Len(t, got, 1)
		require.Equal(t, "Ｒ－０００００１", got[0].ID, "the ID as first pushed")
		require.Equal(t, "R-000001", got[0].Key())
	})
	t.Run("counts", func(t *testing.T) {
		l := f.ledger(t)
		record(t, l, 0)
		record(t, l, 3, ratings(t, 0, 3)...)
		record(t, l, 4, ratings(t, 1, 7)...)
		record(t, l, 1, append(ratings(t, 0, 7), rating(t, 9), rating(t, 9))...)
		require.Len(t, read(t, l, haochaping.RatingQuery{}), 8)
	})
}
