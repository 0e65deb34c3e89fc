package sqlstore_test

// Regression tests of the defects a review of the SQL store found, each named after what the
// store now does; the comment on each says what was wrong.

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
)

// idService returns a kit service on a fresh store of d (nil: the memory store) whose next
// case IDs are ids, in order.
func idService(t *testing.T, d sqlstore.Dialect, ids ...string) *caseflow.Service {
	t.Helper()
	svc := caseflowtest.NewService()
	if d != "" {
		svc.Store = open(t, d, svc.Keys)
	}
	var mu sync.Mutex
	svc.NewID = func(caseflow.Kind, time.Time) string {
		mu.Lock()
		defer mu.Unlock()
		id := ids[0]
		ids = ids[1:]
		return id
	}
	return svc
}

// IDs that differ only in trailing spaces are different cases. Regression: MySQL's
// utf8mb4_bin is a PAD SPACE collation, so such IDs collided on the unique index and
// compared equal in WHERE id = ?; the columns compared are now VARBINARY.
func TestIDsDifferingInTrailingSpacesAreDifferentCases(t *testing.T) {
	for _, d := range []sqlstore.Dialect{"", sqlstore.SQLite, sqlstore.Postgres, sqlstore.MySQL} {
		t.Run(string(d)+"mem", func(t *testing.T) {
			svc := idService(t, d, "SP-1", "SP-1 ")
			a, _, err := svc.Receive(ctx, caseflowtest.Review())
			require.NoError(t, err)
			b, _, err := svc.Receive(ctx, caseflowtest.Review())
			require.NoError(t, err, "a case whose ID differs in a trailing space is another case")
			got, err := svc.Store.Get(ctx, "SP-1 ")
			require.NoError(t, err)
			assert.Equal(t, b.ID, got.ID)
			_, err = svc.Store.Get(ctx, a.ID+"  ")
			assert.ErrorIs(t, err, caseflow.ErrNotFound, "no case has ID %q", a.ID+"  ")
		})
	}
}

// Filters match IDs exactly. Regression: the same PAD SPACE comparison made Filter.Window and
// Filter.Department match an ID with trailing spaces on MySQL.
func TestFiltersMatchIDsExactly(t *testing.T) {
	for _, d := range []sqlstore.Dialect{"", sqlstore.SQLite, sqlstore.Postgres, sqlstore.MySQL} {
		t.Run(string(d)+"mem", func(t *testing.T) {
			svc := idService(t, d, "SP-1")
			c := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateTransferred)
			require.NotNil(t, c.ResponsibleWindow)
			for _, f := range []caseflow.Filter{{Window: c.ResponsibleWindow.ID + " "}, {Department: c.ResponsibleWindow.Department + " "}} {
				got, _, err := svc.Store.List(ctx, f, caseflow.Page{})
				require.NoError(t, err)
				assert.Empty(t, got, "filter %+v matches no case", f)
			}
		})
	}
}

// An ID that a database could not keep and give back as it is, is refused before anything is
// stored. Regression: SQLite kept an ID with invalid UTF-8, whose JSON document then held a
// replacement character, so the case could not be found under the ID Receive returned.
func TestCaseIDsNoDatabaseCanKeepAreRefused(t *testing.T) {
	for _, id := range []string{"SP-\xff1", "SP-\x001", "SP-\u00851", strings.Repeat("案", 192)} {
		for _, d := range dialects {
			t.Run(fmt.Sprintf("%s %.12q", d, id), func(t *testing.T) {
				svc := idService(t, d, id)
				_, _, err := svc.Receive(ctx, caseflowtest.Review())
				require.Error(t, err)
				assert.True(t, errors.Is(err, haochaping.ErrMalformed) || errors.Is(err, haochaping.ErrTooLarge), "%v", err)
				cs, _, err := svc.Store.List(ctx, caseflow.Filter{}, caseflow.Page{})
				require.NoError(t, err)
				assert.Empty(t, cs, "nothing stored")
			})
		}
	}
	svc := idService(t, sqlstore.SQLite, strings.Repeat("案", 191))
	_, _, err := svc.Receive(ctx, caseflowtest.Review())
	require.NoError(t, err, "191 characters are kept")
}

// Received bounds between two microseconds select what the memory store selects.
// Regression: the store truncated the bound, so a case received at the microsecond below a
// From bound was listed (memory: not) and one below a To bound was not (memory: is).
func TestReceivedBoundsBetweenMicrosecondsSelectAsTheMemoryStore(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			svc := idService(t, d, "SP-1")
			mem := idService(t, "", "SP-1")
			c, _, err := svc.Receive(ctx, caseflowtest.Review())
			require.NoError(t, err)
			_, _, err = mem.Receive(ctx, caseflowtest.Review())
			require.NoError(t, err)
			require.Zero(t, c.ReceivedAt.Nanosecond()%1000)
			for _, f := range []caseflow.Filter{
				{ReceivedFrom: c.ReceivedAt.Add(500 * time.Nanosecond)},
				{ReceivedTo: c.ReceivedAt.Add(500 * time.Nanosecond)},
			} {
				want, _, err := mem.Store.List(ctx, f, caseflow.Page{})
				require.NoError(t, err)
				got, _, err := svc.Store.List(ctx, f, caseflow.Page{})
				require.NoError(t, err)
				assert.Equal(t, len(want), len(got), "filter %+v: memory lists %d, SQL %d", f, len(want), len(got))
			}
		})
	}
}

// Steps on different cases taken at once never fail. Update deletes a case's duty rows and
// inserts new ones; on MySQL/MariaDB (REPEATABLE READ) the DELETE takes next-key locks,
// which could deadlock steps on neighbouring cases.
func TestConcurrentStepsOnDifferentCasesNeverFail(t *testing.T) {
	const cases = 24
	for _, d := range []sqlstore.Dialect{sqlstore.SQLite, sqlstore.Postgres, sqlstore.MySQL} {
		t.Run(string(d), func(t *testing.T) {
			svc, _ := service(t, d)
			ids := make([]string, cases)
			for i := range ids {
				c, _, err := svc.Receive(ctx, caseflowtest.Review())
				require.NoError(t, err)
				ids[i] = c.ID
			}
			var wg sync.WaitGroup
			errs := make(chan error, cases)
			start := make(chan struct{})
			for _, id := range ids {
				wg.Go(func() {
					<-start
					if _, err := caseflowtest.Walk(ctx, svc, id, caseflow.StateArchived); err != nil {
						errs <- err
					}
				})
			}
			close(start)
			wg.Wait()
			close(errs)
			n := 0
			for err := range errs {
				if n++; n <= 3 {
					t.Errorf("a step on its own case failed: %v", err)
				}
			}
			assert.Zero(t, n, "steps on different cases never fail")
		})
	}
}

// A rating whose key is much longer than its ID is recorded. Regression: a key is its ID under
// NFKC, which can be many times longer (U+FDFA becomes 18 characters); MySQL's rating_key was
// VARCHAR(2000), so Record refused the whole batch with "Data too long".
func TestRatingKeysLongerThanTheirIDsAreRecorded(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			s := open(t, d, nil)
			r := caseflowtest.Review()
			r.ID = strings.Repeat("\uFDFA", 200) // 200 runes; its key has 3600
			require.NoError(t, haochaping.ValidateRatings([]haochaping.Review{r}))
			n, err := haochaping.NewMemoryLedger().Record(ctx, []haochaping.Review{r})
			require.NoError(t, err)
			require.Equal(t, 1, n)
			n, err = s.Record(ctx, []haochaping.Review{r, caseflowtest.Review()})
			require.NoError(t, err, "a rating the ledger contract accepts is recorded")
			assert.Equal(t, 2, n)
		})
	}
}

// ScanDutiesByDue over more duties than its first batch (128), all due at one time, hands out
// each duty once, in ScanDuties' order.
func TestScanDutiesByDueTiesAcrossBatches(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			svc, store := service(t, d)
			for range 300 {
				_, _, err := svc.Receive(ctx, caseflowtest.Review())
				require.NoError(t, err)
			}
			var all, byDue []string
			key := func(od caseflow.OpenDuty) string { return od.Case.ID + "/" + string(od.Duty.Kind) + od.Due.String() }
			require.NoError(t, store.ScanDuties(ctx, caseflow.Filter{}, func(od caseflow.OpenDuty) error { all = append(all, key(od)); return nil }))
			require.NoError(t, store.ScanDutiesByDue(ctx, caseflow.Filter{}, func(od caseflow.OpenDuty) error { byDue = append(byDue, key(od)); return nil }))
			require.GreaterOrEqual(t, len(all), 300)
			assert.Equal(t, all, byDue)
		})
	}
}

// forger is a store that, on Update, rewrites the content (not the hash) of the intake entry
// of the case it is given: a caller that edits a stored entry.
type forger struct {
	caseflow.Store
	on bool
}

func (f *forger) Update(ctx context.Context, c *caseflow.Case) error {
	if f.on {
		e := *c.Trail[0]
		e.Note = "forged"
		c.Trail = append([]*caseflow.Entry{&e}, c.Trail[1:]...)
	}
	return f.Store.Update(ctx, c)
}

// An update whose stored entries differ in content but keep their hashes does not change
// what is stored: the store keeps its own entries.
func TestUpdateWithRewrittenStoredEntryKeepsTheStoredOne(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			svc, store := service(t, d)
			fs := &forger{Store: store}
			svc.Store = fs
			c, _, err := svc.Receive(ctx, caseflowtest.Review())
			require.NoError(t, err)
			_, err = caseflowtest.Walk(ctx, svc, c.ID, caseflow.StateRegistered)
			require.NoError(t, err)
			fs.on = true
			_, err = caseflowtest.Walk(ctx, svc, c.ID, caseflow.StateTransferred)
			t.Logf("update with a rewritten entry: %v", err)
			got, err := store.Get(ctx, c.ID)
			require.NoError(t, err)
			assert.NotEqual(t, "forged", got.Trail[0].Note)
			_, err = caseflow.Verify(got.Trail, svc.Keys)
			assert.NoError(t, err)
		})
	}
}

// A damaged row (a restored backup, a DBA's edit) is refused, not handed out. Regression:
// Get returned, without error, under one ID a case whose document named another case (or
// none): the store now compares the document's ID with the row's, and the case with its
// last entry's CaseDigest.
func TestDamagedRowsAreRefusedNotReturned(t *testing.T) {
	for _, damage := range []struct{ name, sql string }{
		{"case doc of another case", "UPDATE %[1]scases SET doc = (SELECT doc FROM %[1]scases WHERE id = 'SP-2') WHERE id = 'SP-1'"},
		{"case doc null", "UPDATE %[1]scases SET doc = 'null' WHERE id = 'SP-1'"},
		{"entry doc null", "UPDATE %[1]sentries SET doc = 'null' WHERE seq = 1"},
		{"entry doc empty object", "UPDATE %[1]sentries SET doc = '{}' WHERE seq = 1"},
		{"duty packed garbage", "UPDATE %[1]sduties SET duty = '99999:x'"},
		{"summary packed garbage", "UPDATE %[1]sduties SET summary = '3:abc'"},
	} {
		t.Run(damage.name, func(t *testing.T) {
			svc := idService(t, "", "SP-1", "SP-2")
			c := config(sqlstore.SQLite, svc.Keys)
			store, db, err := sqlstore.OpenSQLite(ctx, t.TempDir()+"/cases.db", c)
			require.NoError(t, err)
			defer db.Close()
			svc.Store = store
			for range 2 {
				_, _, err := svc.Receive(ctx, caseflowtest.Review())
				require.NoError(t, err)
			}
			_, err = db.Exec(fmt.Sprintf(damage.sql, c.Prefix))
			require.NoError(t, err)
			_, err = store.Get(ctx, "SP-1")
			_, _, lerr := store.List(ctx, caseflow.Filter{}, caseflow.Page{})
			serr := store.ScanDuties(ctx, caseflow.Filter{}, func(caseflow.OpenDuty) error { return nil })
			_, derr := store.Deliver(ctx, 0, 0, func(context.Context, caseflow.Committed) error { return nil })
			if strings.Contains(damage.name, "packed") {
				assert.ErrorContains(t, serr, "packed column", "a worklist refuses the damaged duty row")
				assert.NoError(t, err, "the case itself is whole")
				return
			}
			assert.Error(t, err, "Get refuses the damaged case")
			assert.Error(t, lerr, "List refuses it")
			assert.Error(t, derr, "Deliver does not hand it out")
			if strings.HasPrefix(damage.name, "case doc") {
				assert.ErrorIs(t, err, caseflow.ErrTampered)
			}
		})
	}
}

// A burst of intakes on the embedded store never fails. Regression: OpenSQLite left the pool
// unbounded, so that 200 concurrent pushes in examples/portal's load test opened a
// connection each, all polling SQLite's file lock (its busy handler sleeps and retries, it
// does not queue); on a loaded machine some waited past the 10 s busy timeout and failed
// with "database is locked (SQLITE_BUSY)". The pool is now bounded: writers queue in Go.
// This test failed under the race detector on an unbounded pool (sql.Open of SQLiteDSN).
func TestBurstOfIntakesOnTheEmbeddedStore(t *testing.T) {
	const burst, each = 200, 5
	svc := caseflowtest.NewService()
	store, db, err := sqlstore.OpenSQLite(ctx, t.TempDir()+"/burst.db", sqlstore.Config{Keys: svc.Keys})
	require.NoError(t, err)
	defer db.Close()
	assert.Equal(t, 4, db.Stats().MaxOpenConnections, "OpenSQLite bounds its pool")
	svc.Store = store
	var wg sync.WaitGroup
	errs := make(chan error, burst)
	start := make(chan struct{})
	for range burst {
		wg.Go(func() {
			<-start
			for range each {
				if _, _, err := svc.Receive(ctx, caseflowtest.Review()); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("an intake failed: %v", err)
	}
}
