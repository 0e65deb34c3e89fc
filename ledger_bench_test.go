package haochaping_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/haochaping/haochaping"
)

// BenchmarkMemoryLedgerRecord records HAOCHAPING_BENCH_RATINGS ratings (10,000 unless
// set) in batches of 1,000 into a fresh ledger per op, and reports rows/s and the heap
// the ledger holds per rating.
func BenchmarkMemoryLedgerRecord(b *testing.B) {
	n := 10_000
	if s := os.Getenv("HAOCHAPING_BENCH_RATINGS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			b.Fatalf("HAOCHAPING_BENCH_RATINGS=%q: want a positive number", s)
		}
		n = v
	}
	const batch = 1000
	rs := benchRatings(n)
	ctx := context.Background()
	record := func() *haochaping.MemoryLedger {
		l := haochaping.NewMemoryLedger()
		for start := 0; start < n; start += batch {
			if _, err := l.Record(ctx, rs[start:min(start+batch, n)]); err != nil {
				b.Fatal(err)
			}
		}
		for _, err := range l.Ratings(ctx, haochaping.RatingQuery{To: time.Unix(0, 0)}) { // sorts the index
			if err != nil {
				b.Fatal(err)
			}
		}
		return l
	}
	var heap uint64
	{
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		l := record()
		runtime.GC()
		runtime.ReadMemStats(&after)
		heap = after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc)
		runtime.KeepAlive(l)
	}
	b.ResetTimer()
	for b.Loop() {
		record()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(heap)/float64(n), "heapB/rating")
}

// benchRatings returns n distinct good and bad ratings over a county's units and a year.
func benchRatings(n int) []haochaping.Review {
	start := time.Date(2026, 1, 1, 8, 0, 0, 0, haochaping.Location())
	channels, levels := haochaping.Channels(), haochaping.Levels()
	rs := make([]haochaping.Review, n)
	for i := range rs {
		rs[i] = haochaping.Review{
			ID:             fmt.Sprintf("45022420260%08d", (i*7919)%n), // distinct, out of time order
			MatterNumber:   fmt.Sprintf("450224-2026-%08d", i),
			ServiceItem:    fmt.Sprintf("事项%d", i%200),
			Level:          levels[i%len(levels)],
			Channel:        channels[i%(len(channels)-1)],
			Time:           start.Add(time.Duration(i) * 31 * time.Second),
			Window:         fmt.Sprintf("窗口%d", i%40),
			Department:     fmt.Sprintf("部门%d", i%30),
			DepartmentCode: fmt.Sprintf("11450224MB%04d", i%30),
			AreaCode:       "450224",
			Reviewer:       haochaping.Reviewer{Name: "张三", Phone: "13812345678"},
			FreeText:       "办事很快",
		}
	}
	return rs
}
