package ledgertest

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/haochaping/haochaping"
)

// testOrder checks that a ledger gives ratings by rating time, then key (bytewise),
// whatever order they were recorded in, and that ratings whose times differ only below
// the microsecond tie and go by key.
func testOrder(t *testing.T, f factory) {
	l := f.ledger(t)
	rs := ratings(t, 0, 200)
	at := time.Date(2026, 4, 1, 10, 0, 0, 0, haochaping.Location())
	for i, id := range []string{"b", "B", "a-2", "a-10", "评价1", "A"} {
		rs[i].ID = id
		rs[i].Time = at.Add(time.Duration(900-100*i) * time.Nanosecond) // all within one microsecond
	}
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
	for start := 0; start < len(rs); start += 37 {
		record(t, l, min(37, len(rs)-start), rs[start:min(start+37, len(rs))]...)
	}
	got := read(t, l, haochaping.RatingQuery{})
	requireSame(t, kept(rs, haochaping.RatingQuery{}), got)
	var ids []string
	for _, r := range got {
		if r.Time.Equal(at) {
			ids = append(ids, r.ID)
		}
	}
	requireEqualIDs(t, []string{"A", "B", "a-10", "a-2", "b", "评价1"}, ids)
}

func requireEqualIDs(t *testing.T, want, got []string) {
	t.Helper()
	if len(want) != len(got) {
		t.Fatalf("ids %q, want %q", got, want)
	}
	for i := range want {
		if want[i] != got[i] {
			t.Fatalf("ids %q, want %q", got, want)
		}
	}
}
