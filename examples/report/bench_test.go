package main

import (
	"context"
	"io"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
	"github.com/haochaping/haochaping/examples/internal/monthgen"
	"github.com/haochaping/haochaping/scoring"
)

// benchSize returns the size an environment variable gives, or def.
func benchSize(b *testing.B, env string, def int) int {
	s := os.Getenv(env)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b.Fatalf("%s=%q: want a positive number", env, s)
	}
	return n
}

var (
	benchOnce sync.Once
	benchData *monthgen.Data
	benchYear = scoring.Months(scoring.Month(2026, time.November), 12)
)

// benchCounty returns a year of HAOCHAPING_BENCH_RATINGS ratings (default 20,000) of 100
// units, and about HAOCHAPING_BENCH_CASES cases (default 200) of the bad
// reviews of the year, generated once.
func benchCounty(b *testing.B) *monthgen.Data {
	ratings := benchSize(b, "HAOCHAPING_BENCH_RATINGS", 20_000)
	cases := benchSize(b, "HAOCHAPING_BENCH_CASES", 200)
	benchOnce.Do(func() {
		perMonth := max(ratings/len(benchYear), 1)
		share := min(float64(cases)/float64(ratings), 0.19)
		start := time.Now()
		d, err := monthgen.Generate(context.Background(), monthgen.Config{Seed: 11, Units: 100, Months: benchYear,
			RatingsPerMonth: perMonth, BadShare: share, Cases: true, CaseMonths: len(benchYear)})
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d ratings and %d cases in %v", len(d.Ratings), len(d.Cases), time.Since(start))
		benchData = d
	})
	if benchData == nil {
		b.Fatal("no data")
	}
	return benchData
}

// benchSQL returns a store holding the county, filled once for the sub-benchmarks of b.
func benchSQL(b *testing.B, src string, d *monthgen.Data) *sqlstore.Store {
	var s *sqlstore.Store
	switch src {
	case "memory":
		return nil
	case "sqlite":
		s = sqliteStore(b, d)
	default:
		s = serverStore(b, src, d)
	}
	start := time.Now()
	if err := fill(context.Background(), s, d); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: recorded %d ratings and imported %d cases in %v", src, len(d.Ratings), len(d.Cases), time.Since(start))
	return s
}

// BenchmarkIndicators computes every indicator by unit for each month of a year: the
// ratings streamed from memory (scoring.Report.AddRatings) against the same ratings
// counted by GROUP BY in embedded SQLite and in PostgreSQL (AddRatingCounts), the cases
// streamed from memory against the cases read back from the store, and both together.
//
//	HAOCHAPING_BENCH_RATINGS=1000000 HAOCHAPING_BENCH_CASES=50000 go test ./examples/report -run '^$' -bench Indicators -benchtime 3x -timeout 2h
func BenchmarkIndicators(b *testing.B) {
	d := benchCounty(b)
	ctx := context.Background()
	for _, src := range []string{"memory", "sqlite", "postgres"} {
		b.Run(src, func(b *testing.B) {
			store := benchSQL(b, src, d)
			for _, part := range []string{"ratings", "cases", "all"} {
				b.Run(part, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						indicators(b, ctx, d, store, part)
					}
				})
			}
		})
	}
}

// indicators computes the indicators by unit of every month from the ratings, the cases
// or all ("ratings", "cases", "all"), read from store, or from memory when store is nil.
func indicators(b *testing.B, ctx context.Context, d *monthgen.Data, store *sqlstore.Store, part string) {
	rep, err := scoring.NewReport(scoring.Definition{Names: d.Names}, d.Service.Now(), benchYear...)
	if err != nil {
		b.Fatal(err)
	}
	if part != "cases" {
		if store == nil {
			err = rep.AddRatings(scoring.All(d.Ratings))
		} else {
			err = rep.AddRatingCounts(ctx, store)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	if part != "ratings" {
		cases := scoring.All(d.Cases)
		if store != nil {
			cases = scoring.StoredCases(ctx, store, caseflow.Filter{})
		}
		if err := rep.AddCases(cases); err != nil {
			b.Fatal(err)
		}
	}
	for _, m := range benchYear {
		if _, err := rep.Rows(m, scoring.ByUnit); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBulletin builds a month's bulletin of 100 units and writes it in every format.
func BenchmarkBulletin(b *testing.B) {
	d := benchCounty(b)
	rep, err := scoring.NewReport(scoring.Definition{Names: d.Names}, d.Service.Now(), benchYear...)
	if err != nil {
		b.Fatal(err)
	}
	if err := rep.AddRatings(scoring.All(d.Ratings)); err != nil {
		b.Fatal(err)
	}
	if err := rep.AddCases(scoring.All(d.Cases)); err != nil {
		b.Fatal(err)
	}
	rules, err := loadRules("")
	if err != nil {
		b.Fatal(err)
	}
	last := benchYear[len(benchYear)-1]
	a, err := scoring.Appraise(rules, last, scoring.All(d.Cases))
	if err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	for b.Loop() {
		bl, err := scoring.BuildBulletin(rep, last, scoring.BulletinOptions{Appraisal: a})
		if err != nil {
			b.Fatal(err)
		}
		if err := write(out, bl, a, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
