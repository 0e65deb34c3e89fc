package sqlstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
	"github.com/haochaping/haochaping/scoring"
)

// BenchmarkCountRatings counts the ratings of each month of 2026 (12 calls an op) in a
// ledger of HAOCHAPING_BENCH_RATINGS ratings (10,000 by default) spread over the year, a
// county's mix (countyRatings): streamed from the memory ledger and counted by
// scoring.CountRatings, against the store's GROUP BY on SQLite and PostgreSQL. ratings/s
// is the ledger's size over the time an op takes.
func BenchmarkCountRatings(b *testing.B) {
	n := benchSize(b, "HAOCHAPING_BENCH_RATINGS", 10000)
	rs := countyRatings(n)
	months := make([]time.Time, 13)
	for i := range months {
		months[i] = time.Date(2026, time.Month(1+i), 1, 0, 0, 0, 0, haochaping.Location())
	}
	ctx := context.Background()
	for _, d := range []sqlstore.Dialect{"memory", sqlstore.SQLite, sqlstore.Postgres} {
		b.Run(string(d), func(b *testing.B) {
			var count func(from, to time.Time) ([]scoring.RatingCount, error)
			var l haochaping.Ledger
			if d == "memory" {
				mem := haochaping.NewMemoryLedger()
				l = mem
				count = func(from, to time.Time) ([]scoring.RatingCount, error) {
					return scoring.CountRatings(mem.Ratings(ctx, haochaping.RatingQuery{From: from, To: to}), from, to)
				}
			} else {
				s := open(b, d, nil)
				l = s
				count = func(from, to time.Time) ([]scoring.RatingCount, error) { return s.CountRatings(ctx, from, to) }
			}
			for i := 0; i < n; i += 1000 {
				if _, err := l.Record(ctx, rs[i:min(i+1000, n)]); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				var total int64
				for m := range 12 {
					counts, err := count(months[m], months[m+1])
					if err != nil {
						b.Fatal(err)
					}
					for _, c := range counts {
						total += c.Count
					}
				}
				if total != int64(n) {
					b.Fatalf("counted %d of %d ratings", total, n)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "ratings/s")
		})
	}
}

// countyRatings returns ledgerRatings(n) reshaped as a county's year of ratings: spread
// evenly over 2026, 100 departments in 4 areas with 4 windows each, every channel, about 3%
// bad and 10% given by default (默认评价, through the system's default channel).
func countyRatings(n int) []haochaping.Review {
	rs := ledgerRatings(n)
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, haochaping.Location())
	step := time.Date(2027, 1, 1, 0, 0, 0, 0, haochaping.Location()).Sub(start) / time.Duration(n)
	channels := haochaping.Channels()
	good := []haochaping.Level{haochaping.VerySatisfied, haochaping.VerySatisfied, haochaping.Satisfied, haochaping.BasicallySatisfied}
	for i := range rs {
		r := &rs[i]
		dept := i * 7 % 100
		r.Time = start.Add(time.Duration(i)*step + time.Duration(i%997)*time.Millisecond)
		r.AreaCode = fmt.Sprintf("45022%d", dept/25)
		r.Department = fmt.Sprintf("部门%d", dept)
		r.DepartmentCode = fmt.Sprintf("11450224MB%04d", dept)
		r.Window = fmt.Sprintf("w-%d-%d", dept, i/100%4)
		r.Channel = channels[i%(len(channels)-1)]
		r.Level = good[i/3%len(good)]
		r.Default = false
		switch i % 100 {
		case 17, 83:
			r.Level = haochaping.Dissatisfied
		case 51:
			r.Level = haochaping.VeryDissatisfied
		case 3, 13, 23, 33, 43, 53, 63, 73, 88, 93:
			r.Default, r.Channel, r.Level = true, haochaping.ChannelSystemDefault, haochaping.Satisfied
		}
	}
	return rs
}
