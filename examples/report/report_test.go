package main

import (
	"context"
	"iter"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
	"github.com/haochaping/haochaping/examples/internal/monthgen"
	"github.com/haochaping/haochaping/examples/internal/testdb"
	"github.com/haochaping/haochaping/scoring"
)

// months are the six months the tests count, November 2026 last.
var months = scoring.Months(scoring.Month(2026, time.November), 6)

// generate returns the seeded county of the example.
func generate(t testing.TB, cfg monthgen.Config) *monthgen.Data {
	t.Helper()
	cfg.Months = months
	d, err := monthgen.Generate(context.Background(), cfg)
	require.NoError(t, err)
	return d
}

// figures is everything a report and an appraisal give for the months: what must be
// identical however the ratings and cases are read.
type figures struct {
	Rows                  map[string][]scoring.Row
	Options, Dims, Causes map[string][]scoring.Share
	Overdue               map[string][]scoring.OverdueCase
	Appraisal             *scoring.Appraisal
	Bulletin              *scoring.Bulletin
}

// countAll computes the figures, adding the ratings with addRatings and reading the cases
// from cases.
func countAll(t testing.TB, d *monthgen.Data, addRatings func(*scoring.Report) error,
	cases func() iter.Seq2[*caseflow.Case, error]) figures {
	t.Helper()
	rep, err := scoring.NewReport(scoring.Definition{Names: d.Names}, d.Service.Now(), months...)
	require.NoError(t, err)
	require.NoError(t, addRatings(rep))
	require.NoError(t, rep.AddCases(cases()))
	f := figures{Rows: map[string][]scoring.Row{}, Options: map[string][]scoring.Share{}, Dims: map[string][]scoring.Share{},
		Causes: map[string][]scoring.Share{}, Overdue: map[string][]scoring.OverdueCase{}}
	for _, m := range months {
		for _, by := range []scoring.Grouping{scoring.ByTotal, scoring.ByUnit, scoring.ByWindow, scoring.ByChannel} {
			rows, err := rep.Rows(m, by)
			require.NoError(t, err)
			f.Rows[m.Key()+"/"+string(by)] = rows
		}
		f.Options[m.Key()], err = rep.Options(m)
		require.NoError(t, err)
		f.Dims[m.Key()], err = rep.Dimensions(m)
		require.NoError(t, err)
		f.Causes[m.Key()], err = rep.Causes(m)
		require.NoError(t, err)
		f.Overdue[m.Key()], err = rep.Overdue(m)
		require.NoError(t, err)
	}
	rules, err := loadRules("")
	require.NoError(t, err)
	last := months[len(months)-1]
	f.Appraisal, err = scoring.Appraise(rules, last, cases())
	require.NoError(t, err)
	f.Bulletin, err = scoring.BuildBulletin(rep, last, scoring.BulletinOptions{Appraisal: f.Appraisal})
	require.NoError(t, err)
	return f
}

// inMemory counts the data as a portal holding it in memory does.
func inMemory(t testing.TB, d *monthgen.Data) figures {
	return countAll(t, d, func(r *scoring.Report) error { return r.AddRatings(scoring.All(d.Ratings)) },
		func() iter.Seq2[*caseflow.Case, error] { return scoring.All(d.Cases) })
}

// inStore records the data in store and counts it from there: the ratings by GROUP BY,
// the cases read back.
func inStore(t testing.TB, d *monthgen.Data, store *sqlstore.Store) figures {
	t.Helper()
	require.NoError(t, fill(context.Background(), store, d))
	return countAll(t, d, func(r *scoring.Report) error { return r.AddRatingCounts(context.Background(), store) },
		func() iter.Seq2[*caseflow.Case, error] {
			return scoring.StoredCases(context.Background(), store, caseflow.Filter{})
		})
}

// sqliteStore returns a store on a new SQLite file.
func sqliteStore(t testing.TB, d *monthgen.Data) *sqlstore.Store {
	t.Helper()
	s, db, err := sqlstore.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "report.db"), sqlstore.Config{Keys: d.Service.Keys})
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return s
}

// serverStore returns a store in fresh tables of a server ("postgres" or "mysql"), dropped
// at the end; it skips when the server is not reachable, and fails then under CI=true.
func serverStore(t testing.TB, name string, d *monthgen.Data) *sqlstore.Store {
	t.Helper()
	s, _ := testdb.Store(t, name, d.Service.Keys)
	return s
}

// 第三条: the same months counted in memory, and through the SQL store (the ratings by GROUP
// BY, the cases read back), give identical figures, appraisal and bulletin.
func TestSameMonthsInMemoryAndThroughSQL(t *testing.T) {
	d := generate(t, monthgen.Config{Seed: 3, Units: 8, RatingsPerMonth: 3000, Cases: true})
	want := inMemory(t, d)
	require.NotEmpty(t, want.Appraisal.Lines)
	require.NotEmpty(t, want.Overdue[months[5].Key()])
	t.Run("sqlite", func(t *testing.T) {
		assert.Equal(t, want, inStore(t, d, sqliteStore(t, d)))
	})
	for _, name := range []string{"postgres", "mysql"} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, want, inStore(t, d, serverStore(t, name, d)))
		})
	}
}

// The example runs unattended and writes the bulletin in every format.
func TestRunWritesTheBulletin(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, run(dir, 2, 6, "2026-11", "", ""))
	for _, f := range []string{"通报-2026-11.html", "通报-2026-11.md", "通报-2026-11.xlsx", "绩效扣分台账-2026-11.json"} {
		st, err := os.Stat(filepath.Join(dir, f))
		require.NoError(t, err)
		assert.Positive(t, st.Size(), f)
	}
	svgs, err := filepath.Glob(filepath.Join(dir, "*.svg"))
	require.NoError(t, err)
	assert.NotEmpty(t, svgs)
	require.Error(t, run(dir, 2, 6, "2026-13", "", ""))
	require.Error(t, run(dir, 2, 6, "2026-11", filepath.Join(dir, "missing.json"), ""))
}
