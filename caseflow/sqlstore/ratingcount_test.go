package sqlstore_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
	"github.com/haochaping/haochaping/scoring"
)

// The codes of the hand-made ratings: two counties, three departments, windows that differ
// only by a trailing space or in Chinese, and empty codes.
const (
	areaA, areaB = "450224", "450225"
	deptA, deptB = "11450224MB0001", "11450224MB0002"
	deptC        = "11450225MB0003"
)

// at returns a moment of 2026 in Beijing time.
func at(month time.Month, day, hour, min, sec, nsec int) time.Time {
	return time.Date(2026, month, day, hour, min, sec, nsec, haochaping.Location())
}

// countRating returns a rating of the counting tests.
func countRating(id string, t time.Time, area, dept, window string, ch haochaping.Channel, lv haochaping.Level, def bool) haochaping.Review {
	return haochaping.Review{ID: id, MatterNumber: "M-" + id, Time: t, AreaCode: area, DepartmentCode: dept,
		Window: window, Channel: ch, Level: lv, Default: def, Reviewer: haochaping.Reviewer{Name: "张三"}}
}

// countRatings are about 40 ratings around March 2026: at its first instant, 1µs before
// its end (and a nanosecond before, which the ledger truncates to the same microsecond), at
// its end, in every channel and level, by default and not, under empty codes and codes that
// differ by a byte.
func countRatings() []haochaping.Review {
	c, l := haochaping.Channels(), haochaping.Levels()
	rs := []haochaping.Review{
		// Before March.
		countRating("F01", at(2, 28, 23, 59, 59, 999999000), areaA, deptA, "w-1", haochaping.ChannelPC, haochaping.VerySatisfied, false),
		countRating("F02", at(2, 10, 9, 0, 0, 0), areaA, deptA, "w-1", haochaping.ChannelMobile, haochaping.Dissatisfied, false),
		countRating("F03", at(1, 5, 9, 0, 0, 0), "", deptA, "w-1", haochaping.ChannelPC, haochaping.Satisfied, false),
		// March, counted by hand in TestCountRatingsOfMarchByHand.
		countRating("M01", at(3, 1, 0, 0, 0, 0), areaA, deptA, "w-1", haochaping.ChannelPC, haochaping.VerySatisfied, false),
		countRating("M02", at(3, 1, 1, 0, 0, 0), areaA, deptA, "w-1", haochaping.ChannelPC, haochaping.VerySatisfied, false),
		countRating("M03", at(3, 10, 9, 0, 0, 0), areaA, deptA, "w-1", haochaping.ChannelPC, haochaping.VerySatisfied, true),
		countRating("M04", at(3, 10, 9, 0, 0, 0), areaA, deptA, "w-2", haochaping.ChannelDevice, haochaping.Dissatisfied, false),
		countRating("M05", at(3, 31, 23, 59, 59, 999999000), areaA, deptA, "w-2", haochaping.ChannelDevice, haochaping.Dissatisfied, false),
		countRating("M06", at(3, 5, 10, 0, 0, 0), areaA, deptB, "", haochaping.ChannelQRCode, haochaping.Satisfied, false),
		countRating("M07", at(3, 6, 10, 0, 0, 0), areaB, "", "", haochaping.ChannelMobile, haochaping.BasicallySatisfied, false),
		countRating("M08", at(3, 7, 10, 0, 0, 0), "", "", "", haochaping.ChannelSystemDefault, haochaping.Satisfied, true),
		countRating("M09", at(3, 8, 10, 0, 0, 0), "", "", "", haochaping.ChannelSystemDefault, haochaping.Satisfied, true),
		countRating("M10", at(3, 9, 10, 0, 0, 0), areaB, deptC, "w-9", haochaping.ChannelKiosk, haochaping.VeryDissatisfied, false),
		countRating("M11", at(3, 11, 10, 0, 0, 0), areaB, deptC, "w-9", haochaping.ChannelPhone, haochaping.VeryDissatisfied, false),
		countRating("M12", at(3, 12, 10, 0, 0, 0), areaB, deptC, "w-9", haochaping.ChannelSMS, haochaping.Dissatisfied, false),
		countRating("M13", at(3, 13, 10, 0, 0, 0), areaB, deptC, "w-9", haochaping.ChannelGuangxiApp, haochaping.Satisfied, false),
		countRating("M14", at(3, 14, 10, 0, 0, 0), areaA, deptB, "", haochaping.ChannelQRCode, haochaping.Satisfied, true),
		countRating("M15", at(3, 31, 23, 59, 59, 999999999), areaA, deptA, "w-2", haochaping.ChannelDevice, haochaping.Dissatisfied, false),
		countRating("M16", at(3, 20, 10, 0, 0, 0), areaA, deptA, "w-1 ", haochaping.ChannelPC, haochaping.VerySatisfied, false),
		countRating("M17", at(3, 21, 10, 0, 0, 0), areaA, deptA, "综合窗口", haochaping.ChannelDevice, haochaping.Satisfied, false),
		// April, from its first instant to its last microsecond, and May's first instant.
		countRating("A01", at(4, 1, 0, 0, 0, 0), areaA, deptA, "w-1", haochaping.ChannelPC, haochaping.VerySatisfied, false),
		countRating("A02", at(4, 1, 0, 0, 0, 1000), areaA, deptA, "w-1", haochaping.ChannelPC, haochaping.VerySatisfied, false),
		countRating("A03", at(4, 15, 10, 0, 0, 0), areaB, deptC, "w-9", haochaping.ChannelKiosk, haochaping.VeryDissatisfied, false),
		countRating("A04", at(4, 20, 10, 0, 0, 0), areaA, deptB, "", haochaping.ChannelQRCode, haochaping.BasicallySatisfied, true),
		countRating("A05", at(4, 30, 23, 59, 59, 999999000), areaB, "", "", haochaping.ChannelMobile, haochaping.BasicallySatisfied, false),
		countRating("A06", at(5, 1, 0, 0, 0, 0), areaB, "", "", haochaping.ChannelMobile, haochaping.BasicallySatisfied, false),
	}
	// May and June: every channel and level, a default rating in three.
	areas, depts, windows := []string{areaA, areaB, ""}, []string{deptA, deptB, deptC, ""}, []string{"w-1", "w-2", ""}
	for i := range 15 {
		rs = append(rs, countRating(fmt.Sprintf("J%02d", i), at(5, 2+3*i, i, 0, 0, 0), areas[i%3], depts[i%4], windows[i%3],
			c[i%len(c)], l[i%len(l)], i%3 == 0))
	}
	return rs
}

// period is a span of rating times the counting tests count.
type period struct {
	name     string
	from, to time.Time
}

// countPeriods are the periods the counting tests compare on: months, a quarter across
// them, bounds a nanosecond off the microsecond, and the whole year.
var countPeriods = []period{
	{"March", at(3, 1, 0, 0, 0, 0), at(4, 1, 0, 0, 0, 0)},
	{"April", at(4, 1, 0, 0, 0, 0), at(5, 1, 0, 0, 0, 0)},
	{"February", at(2, 1, 0, 0, 0, 0), at(3, 1, 0, 0, 0, 0)},
	{"mid-March to June", at(3, 15, 0, 0, 0, 0), at(6, 1, 0, 0, 0, 0)},
	{"March, bounds 1ns past the microsecond", at(3, 1, 0, 0, 0, 1), at(3, 31, 23, 59, 59, 999999001)},
	{"March, to 1ns before its end", at(3, 1, 0, 0, 0, 0), at(3, 31, 23, 59, 59, 999999999)},
	{"2026", at(1, 1, 0, 0, 0, 0), time.Date(2027, 1, 1, 0, 0, 0, 0, haochaping.Location())},
	{"a month without ratings", at(8, 1, 0, 0, 0, 0), at(9, 1, 0, 0, 0, 0)},
}

// countStores returns, for d, a store and a memory ledger that recorded countRatings.
func countStores(t *testing.T, d sqlstore.Dialect) (*sqlstore.Store, *haochaping.MemoryLedger) {
	t.Helper()
	store, mem := open(t, d, nil), haochaping.NewMemoryLedger()
	for _, l := range []haochaping.Ledger{store, mem} {
		n, err := l.Record(context.Background(), countRatings())
		require.NoError(t, err)
		require.Equal(t, len(countRatings()), n)
	}
	return store, mem
}

// sorted returns counts sorted by scoring.SortRatingCounts, in a copy.
func sorted(counts []scoring.RatingCount) []scoring.RatingCount {
	counts = slices.Clone(counts)
	scoring.SortRatingCounts(counts)
	return counts
}

// TestCountRatingsGroupByEqualsStreaming checks, on every database, that the store's GROUP
// BY counts what scoring.CountRatings counts streaming the store's own ratings and the
// memory ledger's, period by period, in SortRatingCounts order.
func TestCountRatingsGroupByEqualsStreaming(t *testing.T) {
	ctx := context.Background()
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			store, mem := countStores(t, d)
			for _, p := range countPeriods {
				t.Run(p.name, func(t *testing.T) {
					got, err := store.CountRatings(ctx, p.from, p.to)
					require.NoError(t, err)
					require.NotNil(t, got)
					require.Equal(t, sorted(got), got, "the groups in SortRatingCounts order")
					for _, g := range got {
						require.Positive(t, g.Count, "%+v", g)
					}
					streamed, err := scoring.CountRatings(store.Ratings(ctx, haochaping.RatingQuery{}), p.from, p.to)
					require.NoError(t, err)
					require.Equal(t, streamed, got, "GROUP BY and the stream of the store's ratings")
					inMemory, err := scoring.CountRatings(mem.Ratings(ctx, haochaping.RatingQuery{}), p.from, p.to)
					require.NoError(t, err)
					require.Equal(t, inMemory, got, "GROUP BY and the memory ledger")
				})
			}
		})
	}
}

// TestCountRatingsOfMarchByHand checks March's counts against groups counted by hand: the
// ratings at its first instant and 1µs (and 1ns) before its end count, the one at its end
// does not; windows that differ by a trailing space are two groups; a default rating is a
// group of its own.
func TestCountRatingsOfMarchByHand(t *testing.T) {
	march := []scoring.RatingCount{
		{AreaCode: "", DepartmentCode: "", Window: "", Channel: haochaping.ChannelSystemDefault, Level: haochaping.Satisfied, Default: true, Count: 2},
		{AreaCode: areaA, DepartmentCode: deptA, Window: "w-1", Channel: haochaping.ChannelPC, Level: haochaping.VerySatisfied, Default: false, Count: 2},
		{AreaCode: areaA, DepartmentCode: deptA, Window: "w-1", Channel: haochaping.ChannelPC, Level: haochaping.VerySatisfied, Default: true, Count: 1},
		{AreaCode: areaA, DepartmentCode: deptA, Window: "w-1 ", Channel: haochaping.ChannelPC, Level: haochaping.VerySatisfied, Default: false, Count: 1},
		{AreaCode: areaA, DepartmentCode: deptA, Window: "w-2", Channel: haochaping.ChannelDevice, Level: haochaping.Dissatisfied, Default: false, Count: 3},
		{AreaCode: areaA, DepartmentCode: deptA, Window: "综合窗口", Channel: haochaping.ChannelDevice, Level: haochaping.Satisfied, Default: false, Count: 1},
		{AreaCode: areaA, DepartmentCode: deptB, Window: "", Channel: haochaping.ChannelQRCode, Level: haochaping.Satisfied, Default: false, Count: 1},
		{AreaCode: areaA, DepartmentCode: deptB, Window: "", Channel: haochaping.ChannelQRCode, Level: haochaping.Satisfied, Default: true, Count: 1},
		{AreaCode: areaB, DepartmentCode: "", Window: "", Channel: haochaping.ChannelMobile, Level: haochaping.BasicallySatisfied, Default: false, Count: 1},
		{AreaCode: areaB, DepartmentCode: deptC, Window: "w-9", Channel: haochaping.ChannelKiosk, Level: haochaping.VeryDissatisfied, Default: false, Count: 1},
		{AreaCode: areaB, DepartmentCode: deptC, Window: "w-9", Channel: haochaping.ChannelPhone, Level: haochaping.VeryDissatisfied, Default: false, Count: 1},
		{AreaCode: areaB, DepartmentCode: deptC, Window: "w-9", Channel: haochaping.ChannelSMS, Level: haochaping.Dissatisfied, Default: false, Count: 1},
		{AreaCode: areaB, DepartmentCode: deptC, Window: "w-9", Channel: haochaping.ChannelGuangxiApp, Level: haochaping.Satisfied, Default: false, Count: 1},
	}
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			store, _ := countStores(t, d)
			got, err := store.CountRatings(context.Background(), at(3, 1, 0, 0, 0, 0), at(4, 1, 0, 0, 0, 0))
			require.NoError(t, err)
			require.Equal(t, march, got)
		})
	}
}

// TestCountRatingsBounds checks the bounds CountRatings documents: a zero bound is open,
// and a period whose start is not before its end is empty, not an error.
func TestCountRatingsBounds(t *testing.T) {
	ctx := context.Background()
	far := time.Date(9000, 1, 1, 0, 0, 0, 0, time.UTC)
	march, april := at(3, 1, 0, 0, 0, 0), at(4, 1, 0, 0, 0, 0)
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			store, mem := countStores(t, d)
			for _, b := range []struct {
				name       string
				from, to   time.Time // given to CountRatings
				wFrom, wTo time.Time // given to scoring.CountRatings
			}{
				{"both zero: the whole ledger", time.Time{}, time.Time{}, haochaping.RatingSystemStart(), far},
				{"zero from: up to April", time.Time{}, april, haochaping.RatingSystemStart(), april},
				{"zero to: from March on", march, time.Time{}, march, far},
			} {
				t.Run(b.name, func(t *testing.T) {
					got, err := store.CountRatings(ctx, b.from, b.to)
					require.NoError(t, err)
					want, err := scoring.CountRatings(mem.Ratings(ctx, haochaping.RatingQuery{}), b.wFrom, b.wTo)
					require.NoError(t, err)
					require.Equal(t, want, got)
				})
			}
			for _, b := range []struct {
				name     string
				from, to time.Time
			}{
				{"from = to", march, march},
				{"from after to", april, march},
				{"from and to in one microsecond", march.Add(time.Nanosecond), march.Add(2 * time.Nanosecond)},
			} {
				t.Run(b.name+" is empty", func(t *testing.T) {
					got, err := store.CountRatings(ctx, b.from, b.to)
					require.NoError(t, err)
					require.NotNil(t, got)
					require.Empty(t, got)
				})
			}
		})
	}
}

// TestCountRatingsRefusesDamagedRows checks that a row whose level or channel column holds
// no code the library knows is refused with an error naming the column, wrapping
// caseflow.ErrTampered, and not counted; a Chinese label where its code belongs decodes,
// and counts in the group of the code.
func TestCountRatingsRefusesDamagedRows(t *testing.T) {
	ctx := context.Background()
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			for _, damage := range []struct{ column, value string }{{"level", "x"}, {"channel", "x"}, {"level", ""}} {
				t.Run(fmt.Sprintf("%s %q", damage.column, damage.value), func(t *testing.T) {
					p := newPlace(t, d, nil)
					store, db := p.open(t)
					_, err := store.Record(ctx, countRatings())
					require.NoError(t, err)
					_, err = db.Exec(fmt.Sprintf("UPDATE %sratings SET %s = '%s' WHERE rating_key = 'M04'", p.prefix, damage.column, damage.value))
					require.NoError(t, err)
					got, err := store.CountRatings(ctx, at(3, 1, 0, 0, 0, 0), at(4, 1, 0, 0, 0, 0))
					require.ErrorIs(t, err, caseflow.ErrTampered)
					require.ErrorIs(t, err, haochaping.ErrUnknownCode)
					require.ErrorContains(t, err, "column "+damage.column)
					require.Nil(t, got, "counts beside the error")
				})
			}
			t.Run("a label for a code", func(t *testing.T) {
				p := newPlace(t, d, nil)
				store, db := p.open(t)
				_, err := store.Record(ctx, countRatings())
				require.NoError(t, err)
				want, err := store.CountRatings(ctx, time.Time{}, time.Time{})
				require.NoError(t, err)
				_, err = db.Exec(fmt.Sprintf("UPDATE %sratings SET level = '不满意' WHERE rating_key = 'M04'", p.prefix))
				require.NoError(t, err)
				got, err := store.CountRatings(ctx, time.Time{}, time.Time{})
				require.NoError(t, err)
				require.Equal(t, want, got)
			})
		})
	}
}

// TestCountRatingsCancelled checks that a cancelled context counts nothing and returns
// ctx.Err().
func TestCountRatingsCancelled(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			store, _ := countStores(t, d)
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			got, err := store.CountRatings(ctx, time.Time{}, time.Time{})
			require.ErrorIs(t, err, context.Canceled)
			require.Equal(t, ctx.Err(), err)
			require.Nil(t, got)
		})
	}
}
