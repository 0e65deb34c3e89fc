package sqlstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/haochaping/haochaping"
)

// BenchmarkLedgerRecord records HAOCHAPING_BENCH_RATINGS ratings (the issue asks for
// 1,000,000; 10,000 by default), good and bad, in batches of 1,000 (one Record call, one
// transaction each), into a fresh ledger per run: rows/s per database, against the memory
// ledger.
func BenchmarkLedgerRecord(b *testing.B) {
	n := benchSize(b, "HAOCHAPING_BENCH_RATINGS", 10000)
	rs := ledgerRatings(n)
	const batch = 1000
	for _, d := range append(dialects, "memory") {
		b.Run(string(d), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				var l haochaping.Ledger = haochaping.NewMemoryLedger()
				if d != "memory" {
					l = open(b, d, nil)
				}
				b.StartTimer()
				added := 0
				for i := 0; i < n; i += batch {
					k, err := l.Record(context.Background(), rs[i:min(i+batch, n)])
					if err != nil {
						b.Fatal(err)
					}
					added += k
				}
				if added != n {
					b.Fatalf("added %d of %d", added, n)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// ledgerRatings returns n distinct good and bad ratings over a county's units and a year.
func ledgerRatings(n int) []haochaping.Review {
	start := time.Date(2026, 1, 1, 8, 0, 0, 0, haochaping.Location())
	channels, levels := haochaping.Channels(), haochaping.Levels()
	opts := haochaping.NationalOptions().Options()
	rs := make([]haochaping.Review, n)
	for i := range rs {
		rs[i] = haochaping.Review{
			ID:             fmt.Sprintf("45022420260%08d#1", i),
			MatterNumber:   fmt.Sprintf("450224-2026-%08d", i),
			ServiceItem:    fmt.Sprintf("事项%d", i%200),
			Level:          levels[i%len(levels)],
			Channel:        channels[i%(len(channels)-1)],
			Time:           start.Add(time.Duration(i) * 31 * time.Second),
			Window:         fmt.Sprintf("w-%d", i%40),
			Department:     fmt.Sprintf("部门%d", i%30),
			DepartmentCode: fmt.Sprintf("11450224MB%04d", i%30),
			AreaCode:       "450224",
			Options:        opts[i%len(opts) : i%len(opts)+1],
			Reviewer:       haochaping.Reviewer{Name: "张三", Phone: "13812345678"},
		}
	}
	return rs
}
