package scoring_test

import (
	"fmt"
	"iter"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/scoring"
)

// benchRatings returns the size of the rating benchmarks: HAOCHAPING_BENCH_RATINGS, or
// 100,000.
func benchRatings(b *testing.B) int {
	n := 100_000
	if s := os.Getenv("HAOCHAPING_BENCH_RATINGS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			b.Fatalf("HAOCHAPING_BENCH_RATINGS=%q: want a positive number", s)
		}
		n = v
	}
	return n
}

// generated yields n ratings of a year, 100 units of 4 windows, every channel and level,
// made as they are read: nothing is kept, so that the benchmark measures what the report
// keeps.
func generated(n int) iter.Seq2[haochaping.Review, error] {
	units := make([]string, 100)
	windows := make([]string, 400)
	for i := range units {
		units[i] = fmt.Sprintf("d-%03d", i)
		for j := range 4 {
			windows[4*i+j] = fmt.Sprintf("w-%03d-%d", i, j)
		}
	}
	start := time.Date(2026, 1, 1, 8, 0, 0, 0, haochaping.Location())
	step := time.Duration(int64(365*24*time.Hour) / int64(n))
	return func(yield func(haochaping.Review, error) bool) {
		for i := range n {
			w := (i * 7919) % len(windows)
			r := haochaping.Review{ID: "x", Time: start.Add(time.Duration(i) * step), DepartmentCode: units[w/4], Window: windows[w],
				Channel: haochaping.Channel(1 + i%8), Level: haochaping.Level(1 + (i*31)%5), Default: i%9 == 0}
			if !yield(r, nil) {
				return
			}
		}
	}
}

// BenchmarkReportAddRatings counts a year of generated ratings by unit, window and channel
// per month. Its bytes per op are what the report keeps, which grows with the groups
// (12 months × 400 windows × 8 channels), not with the ratings: compare
// HAOCHAPING_BENCH_RATINGS=100000 with 1000000.
func BenchmarkReportAddRatings(b *testing.B) {
	n := benchRatings(b)
	months := scoring.Months(scoring.Month(2026, time.December), 12)
	b.ReportAllocs()
	for b.Loop() {
		r, err := scoring.NewReport(scoring.Definition{}, time.Now(), months...)
		if err != nil {
			b.Fatal(err)
		}
		if err := r.AddRatings(generated(n)); err != nil {
			b.Fatal(err)
		}
		for _, m := range months {
			if _, err := r.Rows(m, scoring.ByUnit); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "ratings/s")
}
