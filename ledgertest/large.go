package ledgertest

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
)

// testLargeBatch checks a batch of 10,000 ratings: all recorded, in order, and selected by
// a query as the model selects them.
func testLargeBatch(t *testing.T, f factory) {
	l := f.ledger(t)
	rs := ratings(t, 0, 10_000)
	record(t, l, len(rs), rs...)
	record(t, l, 0, rs...)
	requireSame(t, kept(rs, haochaping.RatingQuery{}), read(t, l, haochaping.RatingQuery{}))
	q := haochaping.RatingQuery{AreaCode: areas[2], Levels: []haochaping.Level{haochaping.Dissatisfied},
		From: base.AddDate(0, 1, 0), To: base.AddDate(0, 6, 0)}
	want := kept(rs, q)
	require.NotEmpty(t, want)
	requireSame(t, want, read(t, l, q))
}
