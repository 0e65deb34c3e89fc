package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
	"github.com/haochaping/haochaping/deadline"
)

// The benchmarks' sizes come from the environment, with defaults small enough for CI's
// `go test -run '^$' -bench . -benchtime 1x`: HAOCHAPING_BENCH_CASES open cases behind the
// at-risk worklists (the target is 100000).
func benchSize(b testing.TB, env string, def int) int {
	v := os.Getenv(env)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		b.Fatalf("%s=%q: want a positive number", env, v)
	}
	return n
}

// TestMain drops the fixtures the benchmarks share across runs once every test is done.
func TestMain(m *testing.M) {
	code := m.Run()
	fixtures.mu.Lock()
	for _, f := range fixtures.cleanups {
		f()
	}
	fixtures.mu.Unlock()
	os.Exit(code)
}

// fixtures are the at-risk benchmarks' stores, built once per dialect and process.
var fixtures struct {
	mu       sync.Mutex
	cases    []*caseflow.Case // the open cases, built on a memory store
	memory   *caseflow.Service
	now      time.Time // about half the open duties are at risk or overdue
	duties   int       // open timed duties
	byD      map[sqlstore.Dialect]*caseflow.Service
	cleanups []func()
}

// openShared opens a fresh store on d that outlives the benchmark: TestMain drops it.
func openShared(b testing.TB, d sqlstore.Dialect) *sqlstore.Store {
	c := config(d, nil)
	if d == sqlstore.SQLite {
		dir, err := os.MkdirTemp("", "haochaping-bench-")
		if err != nil {
			b.Fatal(err)
		}
		s, db, err := sqlstore.OpenSQLite(context.Background(), filepath.Join(dir, "cases.db"), c)
		if err != nil {
			os.RemoveAll(dir)
			b.Fatal(err)
		}
		fixtures.cleanups = append(fixtures.cleanups, func() { db.Close(); os.RemoveAll(dir) })
		return s
	}
	db := server(b, d)
	s, err := c.Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	fixtures.cleanups = append(fixtures.cleanups, func() { drop(b, db, c.Prefix) })
	return s
}

// openCases builds, once, HAOCHAPING_BENCH_CASES open cases on a memory store through the
// service, as caseflow's BenchmarkAtRisk100k does, in the same realistic mix, received over
// four weeks: 40% under an extended rectification deadline, 30% awaiting the city's appeal
// decision, 20% received in the last day at their first steps, and 10% stalled with the
// window's report overdue. The worklist's clock is then set to the median warning time of
// the open duties, so that about half of them are at risk or overdue. fixtures.mu is held.
func openCases(b testing.TB) {
	if fixtures.cases != nil {
		return
	}
	n := benchSize(b, "HAOCHAPING_BENCH_CASES", 2000)
	ctx := context.Background()
	svc := caseflowtest.NewService()
	svc.Calendar = deadline.China()
	clk := caseflowtest.ClockOf(svc)
	first := caseflowtest.Start().AddDate(0, 0, -28)
	last := caseflowtest.Start().Add(-24 * time.Hour)
	cases := make([]*caseflow.Case, n)
	for i := range n {
		t := first.Add(time.Duration(i) * (last.Sub(first) / time.Duration(n)))
		var state caseflow.State
		switch i % 10 {
		case 0, 1, 2, 3:
			state = caseflow.StateExtended
		case 4, 5, 6:
			state = caseflow.StateAppealPending
		case 7, 8:
			t = last.Add(time.Duration(i%1000) * 7 * time.Second)
			state = []caseflow.State{caseflow.StateReceived, caseflow.StateRegistered, caseflow.StateJustified, caseflow.StateTransferred}[i%4]
		default:
			state = caseflow.StateTransferred
		}
		clk.Set(t)
		r := caseflowtest.Review()
		r.Time = t.Add(-10 * time.Minute)
		c, _, err := svc.Receive(ctx, r)
		if err == nil {
			c, err = caseflowtest.Walk(ctx, svc, c.ID, state)
		}
		if err != nil {
			b.Fatalf("case %d: %v", i, err)
		}
		cases[i] = c
	}
	var warns []time.Time
	err := svc.Store.ScanDuties(ctx, caseflow.Filter{Open: true}, func(od caseflow.OpenDuty) error {
		warns = append(warns, od.Warn)
		return nil
	})
	if err != nil || len(warns) == 0 {
		b.Fatalf("scanning the open duties: %d, %v", len(warns), err)
	}
	slices.SortFunc(warns, time.Time.Compare)
	fixtures.cases, fixtures.memory, fixtures.duties = cases, svc, len(warns)
	fixtures.now = halfway(warns)
	clk.Set(fixtures.now)
	runtime.GC()
}

// halfway returns the moment at which about half the sorted warning times have passed:
// just before the warning time nearest the middle that differs from the one before it, for
// many duties share a warning time (the same working day's closing hour).
func halfway(warns []time.Time) time.Time {
	best := len(warns) / 2
	for d := 0; d < len(warns); d++ {
		for _, i := range []int{len(warns)/2 - d, len(warns)/2 + d} {
			if i > 0 && i < len(warns) && !warns[i].Equal(warns[i-1]) {
				return warns[i].Add(-time.Nanosecond)
			}
		}
	}
	return warns[best]
}

// atRiskService returns a service reading the open cases of openCases from a store on d
// (the memory store for ""), its clock set so that about half the duties are at risk.
func atRiskService(b *testing.B, d sqlstore.Dialect) *caseflow.Service {
	if d != sqlstore.SQLite && d != "" {
		server(b, d) // skip before building anything when the server is not there
	}
	fixtures.mu.Lock()
	defer fixtures.mu.Unlock()
	if d == "" {
		openCases(b)
		return fixtures.memory
	}
	if svc := fixtures.byD[d]; svc != nil {
		dropMemory()
		return svc
	}
	openCases(b)
	// Import into every database at once, then let the memory fixture go.
	fixtures.byD = map[sqlstore.Dialect]*caseflow.Service{}
	for _, d := range dialects {
		if d != sqlstore.SQLite && !isReachable(d) {
			continue
		}
		fixtures.byD[d] = importCases(b, d)
	}
	dropMemory()
	return fixtures.byD[d]
}

// dropMemory lets the memory fixture go, which a gigabyte of cases would otherwise make a
// part of every figure through the garbage collector. fixtures.mu is held.
func dropMemory() {
	if fixtures.memory != nil {
		fixtures.cases, fixtures.memory = nil, nil
		runtime.GC()
	}
}

// importCases imports the fixture's cases into a fresh store on d, and returns a service
// reading it at the fixture's moment.
func importCases(b *testing.B, d sqlstore.Dialect) *caseflow.Service {
	s := openShared(b, d)
	start := time.Now()
	const chunk = 1000
	for i := 0; i < len(fixtures.cases); i += chunk {
		cs := fixtures.cases[i:min(i+chunk, len(fixtures.cases))]
		for _, c := range cs {
			c.Version = 0
		}
		if err := s.Import(context.Background(), cs); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%s: imported %d cases in %v", d, len(fixtures.cases), time.Since(start).Round(time.Millisecond))
	svc := caseflowtest.NewService()
	svc.Store, svc.Calendar = s, deadline.China()
	caseflowtest.ClockOf(svc).Set(fixtures.now)
	return svc
}

// BenchmarkAtRiskFirstPage reads the first page (100 duties, soonest due) of the office's
// worklist over HAOCHAPING_BENCH_CASES open cases, about half their duties at risk: the
// issue asks ≤ 10 ms at 100,000 cases. "memory" is the memory store, which scans whole.
func BenchmarkAtRiskFirstPage(b *testing.B) {
	benchmarkWorklist(b, func(svc *caseflow.Service) ([]caseflow.DutyStatus, error) {
		return svc.AtRiskFirst(context.Background(), caseflow.Filter{Open: true}, 100)
	})
}

// BenchmarkAtRiskAll reads the whole worklist over HAOCHAPING_BENCH_CASES open cases, about
// half their duties at risk (some 50,000 duties at 100,000 cases): the issue asks ≤ 300 ms.
func BenchmarkAtRiskAll(b *testing.B) {
	benchmarkWorklist(b, func(svc *caseflow.Service) ([]caseflow.DutyStatus, error) {
		return svc.AtRisk(context.Background(), caseflow.Filter{Open: true})
	})
}

// benchmarkWorklist times list on the at-risk fixture of each store, the memory store first.
func benchmarkWorklist(b *testing.B, list func(*caseflow.Service) ([]caseflow.DutyStatus, error)) {
	for _, d := range append([]sqlstore.Dialect{""}, dialects...) {
		name := string(d)
		if d == "" {
			name = "memory"
		}
		b.Run(name, func(b *testing.B) {
			svc := atRiskService(b, d)
			var found int
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				ds, err := list(svc)
				if err != nil {
					b.Fatal(err)
				}
				found = len(ds)
			}
			b.ReportMetric(float64(found), "duties")
			b.ReportMetric(float64(fixtures.duties), "open-duties")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms")
		})
	}
}

// BenchmarkFullCase runs a system-pushed case from intake to archive through the service,
// as caseflow's BenchmarkFullCase does (with caseflowtest's Walk), on the memory store and
// on SQLite: what the database costs a case.
func BenchmarkFullCase(b *testing.B) {
	for _, name := range []string{"memory", "sqlite"} {
		b.Run(name, func(b *testing.B) {
			svc := caseflowtest.NewService()
			if name == "sqlite" {
				svc.Store = open(b, sqlstore.SQLite, nil)
			}
			clk := caseflowtest.ClockOf(svc)
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				clk.Set(caseflowtest.Start())
				c, _, err := svc.Receive(ctx, caseflowtest.Review())
				if err == nil {
					c, err = caseflowtest.Walk(ctx, svc, c.ID, caseflow.StateArchived)
				}
				if err != nil {
					b.Fatal(err)
				}
				if c.State != caseflow.StateArchived {
					b.Fatalf("case %s %s, want archived", c.ID, c.State)
				}
			}
		})
	}
}

// BenchmarkIntake receives pushed bad reviews, one transaction each: "service" through a
// caseflow.Service on the store (a new review ID each time), "raw" inserting the very rows an
// intake writes (copies of a case the service made, with new IDs and sequence numbers) into
// fresh tables of the same schema with plain ExecContext, one transaction per review. The
// issue asks the service to keep at least half the raw throughput.
func BenchmarkIntake(b *testing.B) {
	for _, d := range dialects {
		b.Run(string(d), func(b *testing.B) {
			b.Run("service", func(b *testing.B) {
				svc := caseflowtest.NewService()
				svc.Store = open(b, d, nil)
				ctx := context.Background()
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					if _, created, err := svc.Receive(ctx, caseflowtest.Review()); err != nil || !created {
						b.Fatal(created, err)
					}
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reviews/s")
			})
			b.Run("raw", func(b *testing.B) {
				intake := intakeRows(b, d)
				c := config(d, nil)
				_, db := openWith(b, c)
				ins := intake.inserts(d, c.Prefix)
				ctx := context.Background()
				b.ReportAllocs()
				b.ResetTimer()
				for i := range b.N {
					if err := ins.insert(ctx, db, d, i); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reviews/s")
			})
		})
	}
}

// openWith opens a fresh store on c's dialect with config c, dropped when b ends.
func openWith(b testing.TB, c sqlstore.Config) (*sqlstore.Store, *sql.DB) {
	b.Helper()
	if c.Dialect == sqlstore.SQLite {
		s, db, err := sqlstore.OpenSQLite(context.Background(), filepath.Join(b.TempDir(), "cases.db"), c)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		return s, db
	}
	db := server(b, c.Dialect)
	s, err := c.Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { drop(b, db, c.Prefix) })
	return s, db
}

// table is the rows of one table a stored intake wrote, read back as the driver gives them.
type table struct {
	cols []string
	rows [][]any
}

// intake is the rows of a case the service received, by table.
type intake struct{ cases, entries, duties, outbox table }

// intakeRows receives one review through the service on a fresh store on d, and reads back
// the rows the intake wrote.
func intakeRows(b testing.TB, d sqlstore.Dialect) intake {
	c := config(d, nil)
	s, db := openWith(b, c)
	svc := caseflowtest.NewService()
	svc.Store = s
	ctx := context.Background()
	k, _, err := svc.Receive(ctx, caseflowtest.Review())
	if err != nil {
		b.Fatal(err)
	}
	read := func(q string, arg any) table {
		rows, err := db.QueryContext(ctx, rebind(d, q), arg)
		if err != nil {
			b.Fatal(err)
		}
		defer rows.Close()
		var t table
		if t.cols, err = rows.Columns(); err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			vals := make([]any, len(t.cols))
			ptrs := make([]any, len(t.cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				b.Fatal(err)
			}
			t.rows = append(t.rows, vals)
		}
		if err := rows.Err(); err != nil {
			b.Fatal(err)
		}
		return t
	}
	var in intake
	in.cases = read("SELECT * FROM "+c.Prefix+"cases WHERE id = ?", k.ID)
	seq := in.cases.rows[0][slices.Index(in.cases.cols, "seq")]
	in.entries = read("SELECT * FROM "+c.Prefix+"entries WHERE case_seq = ?", seq)
	in.duties = read("SELECT * FROM "+c.Prefix+"duties WHERE case_seq = ?", seq)
	in.outbox = read("SELECT * FROM "+c.Prefix+"outbox WHERE case_seq = ?", seq)
	b.Logf("%s: an intake writes 1 case, %d entries, %d duties, %d outbox rows", d, len(in.entries.rows), len(in.duties.rows), len(in.outbox.rows))
	return in
}

// insertRow is a statement inserting one row of a table, and its arguments: the stored
// row's, but for those set per review.
type insertRow struct {
	q    string
	args []any
	seq  []int // the arguments that are the case's sequence number
	id   []int // the arguments that are the case's ID
	key  int   // the argument that is the key hash, or -1
}

// inserts are the statements of one review's rows.
type inserts struct {
	c    insertRow
	rest []insertRow
}

// inserts returns the statements that insert copies of in's rows into the tables of prefix
// p: the serial columns (the case's seq, the outbox's id) left to the database.
func (in intake) inserts(d sqlstore.Dialect, p string) inserts {
	stmt := func(name string, t table, row []any, skip string) insertRow {
		r := insertRow{key: -1}
		var cols, ph []string
		for i, col := range t.cols {
			if col == skip {
				continue
			}
			switch col {
			case "case_seq":
				r.seq = append(r.seq, len(r.args))
			case "id", "case_id":
				r.id = append(r.id, len(r.args))
			case "key_hash":
				r.key = len(r.args)
			}
			cols, ph = append(cols, col), append(ph, "?")
			r.args = append(r.args, row[i])
		}
		r.q = rebind(d, "INSERT INTO "+p+name+" ("+strings.Join(cols, ", ")+") VALUES ("+strings.Join(ph, ", ")+")")
		return r
	}
	out := inserts{c: stmt("cases", in.cases, in.cases.rows[0], "seq")}
	if d == sqlstore.Postgres {
		out.c.q += " RETURNING seq"
	}
	for _, t := range []struct {
		name string
		t    table
		skip string
	}{{"entries", in.entries, ""}, {"duties", in.duties, ""}, {"outbox", in.outbox, "id"}} {
		for _, row := range t.t.rows {
			out.rest = append(out.rest, stmt(t.name, t.t, row, t.skip))
		}
	}
	return out
}

// insert writes the i-th copy of the review's rows in one transaction.
func (ins inserts) insert(ctx context.Context, db *sql.DB, d sqlstore.Dialect, i int) error {
	id := fmt.Sprintf("SP-raw-%08d", i)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	args := slices.Clone(ins.c.args)
	for _, j := range ins.c.id {
		args[j] = id
	}
	if ins.c.key >= 0 {
		args[ins.c.key] = fmt.Sprintf("%064x", i)
	}
	var seq int64
	if d == sqlstore.Postgres {
		err = tx.QueryRowContext(ctx, ins.c.q, args...).Scan(&seq)
	} else {
		var res sql.Result
		if res, err = tx.ExecContext(ctx, ins.c.q, args...); err == nil {
			seq, err = res.LastInsertId()
		}
	}
	if err != nil {
		return err
	}
	for _, r := range ins.rest {
		args := slices.Clone(r.args)
		for _, j := range r.seq {
			args[j] = seq
		}
		for _, j := range r.id {
			args[j] = id
		}
		if _, err := tx.ExecContext(ctx, r.q, args...); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// rebind turns ? into $1, $2… for PostgreSQL.
func rebind(d sqlstore.Dialect, q string) string {
	if d != sqlstore.Postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
