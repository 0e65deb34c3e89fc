package ledgertest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
)

// Run runs the conformance suite on the ledgers newLedger makes. Each subtest runs in
// parallel and calls newLedger for a fresh, empty ledger, with the subtest's t: newLedger
// may fail t, and register the ledger's clean-up with t.Cleanup. A ledger passes when every
// subtest does.
func Run(t *testing.T, newLedger func(t *testing.T) haochaping.Ledger) {
	t.Helper()
	f := factory(newLedger)
	for _, s := range []struct {
		name string
		run  func(*testing.T, factory)
	}{
		{"ReadBack", testReadBack},
		{"NoPersonalData", testNoPersonalData},
		{"Idempotent", testIdempotent},
		{"Query", testQuery},
		{"Order", testOrder},
		{"Refused", testRefused},
		{"Canceled", testCanceled},
		{"Concurrent", testConcurrent},
		{"Iterator", testIterator},
		{"LargeBatch", testLargeBatch},
	} {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			s.run(t, f)
		})
	}
}

// factory makes the ledgers under test.
type factory func(t *testing.T) haochaping.Ledger

// ledger returns a fresh ledger.
func (f factory) ledger(t *testing.T) haochaping.Ledger {
	t.Helper()
	l := f(t)
	require.NotNil(t, l, "newLedger returned nil")
	return l
}

// The suite's personal data: none of it may be read back, nor shown by an error.
const (
	personName  = "张三丰"
	personPhone = "13812345678"
	personID    = "450224199001011234"
	personText  = "窗口人员态度差，请致电13812345678张三丰"
)

// base is the first rating time of the suite: 1 March 2026, 09:00 in Asia/Shanghai.
var base = time.Date(2026, 3, 1, 9, 0, 0, 0, haochaping.Location())

// Dimensions of the ratings the suite makes.
var (
	areas       = []string{"450224", "450224100", "450225"}
	departments = []string{"11450224MB0001", "11450224MB0002"}
	windows     = []string{"综合受理窗口1", "不动产窗口", "社保窗口"}
)

// rating returns the suite's i-th rating: a valid rating with personal data, its time
// i hours and some nanoseconds after base (in UTC, so that a ledger must convert it),
// spread over areas, departments, windows, channels and levels. Every seventh is bad and
// carries options and a classification by [haochaping.NationalToAnnex1].
func rating(t *testing.T, i int) haochaping.Review {
	t.Helper()
	channels := haochaping.Channels()
	levels := haochaping.Levels()
	r := haochaping.Review{
		ID:              fmt.Sprintf("R-%06d", i),
		MatterNumber:    fmt.Sprintf("450224-2026-%06d", i),
		ServiceNumber:   1 + i%3,
		ServiceItem:     "城乡居民养老保险参保登记",
		ServiceItemCode: "000000000000-450224-01",
		Level:           levels[i%len(levels)],
		FreeText:        personText,
		Channel:         channels[i%(len(channels)-1)], // every channel but the system's default
		Time:            base.Add(time.Duration(i)*time.Hour + time.Duration(i%2000)*time.Nanosecond*777).UTC(),
		Window:          windows[i%len(windows)],
		Department:      "县人力资源和社会保障局",
		DepartmentCode:  departments[i%len(departments)],
		Staff:           "李四",
		AreaCode:        areas[i%len(areas)],
		DataSource:      "450000",
		Reviewer:        haochaping.Reviewer{Name: personName, Phone: personPhone, IDNumber: personID, Gender: haochaping.Male},
		Anonymous:       i%5 == 0,
		FollowUp:        i%4 == 1,
		Encrypted:       []string{},
	}
	if i%11 == 3 {
		r.Encrypted = []string{"userPhone"}
	}
	if i%7 == 0 {
		r.Level = haochaping.Dissatisfied
		opts := haochaping.NationalOptions().Options()
		var bad []haochaping.Option
		for _, o := range opts {
			if o.Level == haochaping.Dissatisfied && !o.Retired && len(bad) < 2 {
				bad = append(bad, o)
			}
		}
		r.Options = bad
		c, err := haochaping.NationalToAnnex1().Classify(r.Level, bad)
		require.NoError(t, err)
		r.Classification = c
	}
	return r
}

// ratings returns the suite's ratings from, up to to.
func ratings(t *testing.T, from, to int) []haochaping.Review {
	t.Helper()
	rs := make([]haochaping.Review, 0, to-from)
	for i := from; i < to; i++ {
		rs = append(rs, rating(t, i))
	}
	return rs
}

// record records rs in one batch, requiring that it adds want.
func record(t *testing.T, l haochaping.Ledger, want int, rs ...haochaping.Review) {
	t.Helper()
	added, err := l.Record(context.Background(), rs)
	require.NoError(t, err)
	require.Equal(t, want, added, "ratings added")
}

// read returns what the ledger gives for q, failing t on an error.
func read(t *testing.T, l haochaping.Ledger, q haochaping.RatingQuery) []haochaping.Review {
	t.Helper()
	var got []haochaping.Review
	for r, err := range l.Ratings(context.Background(), q) {
		require.NoError(t, err)
		got = append(got, r)
	}
	return got
}

// kept returns what a ledger that recorded rs in order gives for q: the first of each
// key, as ForLedger gives it, selected by q, by time then key. It is the suite's model of
// a ledger.
func kept(rs []haochaping.Review, q haochaping.RatingQuery) []haochaping.Review {
	seen := map[string]bool{}
	var out []haochaping.Review
	for _, r := range rs {
		if seen[r.Key()] {
			continue
		}
		seen[r.Key()] = true
		if k := r.ForLedger(); selects(q, k) {
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(a, b haochaping.Review) int {
		if c := a.Time.Compare(b.Time); c != 0 {
			return c
		}
		return strings.Compare(a.Key(), b.Key())
	})
	return out
}

// selects reports whether q selects the kept rating r: the model of RatingQuery.
func selects(q haochaping.RatingQuery, r haochaping.Review) bool {
	return (q.From.IsZero() || !r.Time.Before(q.From)) && (q.To.IsZero() || r.Time.Before(q.To)) &&
		(q.AreaCode == "" || r.AreaCode == q.AreaCode) &&
		(q.DepartmentCode == "" || r.DepartmentCode == q.DepartmentCode) &&
		(q.Window == "" || r.Window == q.Window) &&
		(len(q.Channels) == 0 || slices.Contains(q.Channels, r.Channel)) &&
		(len(q.Levels) == 0 || slices.Contains(q.Levels, r.Level))
}

// requireSame requires that got are want, value for value, with every time equal and in
// Asia/Shanghai.
func requireSame(t *testing.T, want, got []haochaping.Review) {
	t.Helper()
	require.Len(t, got, len(want))
	for i := range want {
		require.True(t, want[i].Time.Equal(got[i].Time), "ratings[%d].time: want %s, got %s", i, want[i].Time, got[i].Time)
		require.Equal(t, haochaping.Location().String(), got[i].Time.Location().String(), "ratings[%d].time's zone", i)
		require.Equal(t, want[i], got[i], "ratings[%d]", i)
	}
}
