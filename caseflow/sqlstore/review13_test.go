package sqlstore_test

// Review 13 probes. Each test is named after the defect it shows and FAILS while the
// defect is present (REVIEW13 markers). Run: go test -count=1 -run Review13 ./caseflow/sqlstore/ -v

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

// REVIEW13 defect: MySQL's utf8mb4_bin is a PAD SPACE collation, so IDs that differ only in
// trailing spaces collide on the unique index and compare equal in WHERE id = ?: the doc's
// "IDs compare exactly" is false on MySQL/MariaDB.
func TestReview13MySQLIDsDifferingInTrailingSpacesCollide(t *testing.T) {
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

// REVIEW13 defect: the same PAD SPACE comparison makes Filter.Window and Filter.Department (and Center) match an ID
// with trailing spaces on MySQL, where the memory store matches exactly.
func TestReview13MySQLFilterMatchesIDWithTrailingSpace(t *testing.T) {
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

// REVIEW13 probe: IDs with invalid UTF-8 or NUL: the memory store keeps them; a SQL store
// must either keep them exactly or refuse them clearly, never store a case it then cannot
// find under the ID it returned.
func TestReview13IDsWithInvalidUTF8OrNULRoundTrip(t *testing.T) {
	for _, id := range []string{"SP-\xff1", "SP-\x001"} {
		for _, d := range []sqlstore.Dialect{"", sqlstore.SQLite, sqlstore.Postgres, sqlstore.MySQL} {
			t.Run(fmt.Sprintf("%s%q", d, id), func(t *testing.T) {
				svc := idService(t, d, id)
				c, _, err := svc.Receive(ctx, caseflowtest.Review())
				if err != nil {
					t.Logf("refused: %v", err)
					return
				}
				got, err := svc.Store.Get(ctx, id)
				require.NoError(t, err, "Receive stored the case: Get finds it")
				assert.Equal(t, id, got.ID, "the stored case has the ID it was stored under")
				c2, err := svc.Store.Get(ctx, c.ID)
				require.NoError(t, err)
				_, err = svc.Take(ctx, c2.ID, caseflow.Action{Actor: caseflowtest.Clerk(), Step: caseflow.Registration{}})
				t.Logf("take: %v", err)
			})
		}
	}
}

// REVIEW13 defect: Filter.ReceivedFrom/To with a bound between two microseconds: the store
// truncates the bound, so that a case received at the microsecond below a From bound is
// listed (memory: not) and one below a To bound is not (memory: is).
func TestReview13ReceivedBoundsBetweenMicrosecondsDifferFromMemory(t *testing.T) {
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

var _ = errors.Is

// REVIEW13 guard (passes): Update deletes a case's duty rows and inserts new ones; on
// MySQL/MariaDB (REPEATABLE READ) the DELETE takes next-key locks, which could deadlock
// steps on neighbouring cases (error 1213 is not retried by Update). Not reproduced with 24
// cases walked concurrently to archive.
func TestReview13ConcurrentStepsOnDifferentCasesNeverFail(t *testing.T) {
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

// REVIEW13 defect: a rating's key is its ID under NFKC, which can be many times longer than
// the ID (U+FDFA becomes 18 characters). ValidateRatings limits the ID to 2000 runes, but
// MySQL's rating_key is VARCHAR(2000): Record refuses the whole batch with "Data too long"
// (strict mode), where the memory ledger records it.
func TestReview13MySQLRatingKeyLongerThanVarchar2000(t *testing.T) {
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

// REVIEW13 guard (passes if sound): ScanDutiesByDue over more duties than its first batch
// (128), all due at one time, hands out each duty once, in ScanDuties' order.
func TestReview13ScanDutiesByDueTiesAcrossBatches(t *testing.T) {
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

// REVIEW13 guard: an update whose stored entries differ in content but keep their hashes
// must not change what is stored (the store keeps its own entries).
func TestReview13UpdateWithRewrittenStoredEntryKeepsTheStoredOne(t *testing.T) {
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

// REVIEW13 defect (two subtests fail): a damaged row (a restored backup, a DBA's edit): nothing
// panics, but Get returns, without error, under one ID a case whose document names another
// case (or none): read does not compare the document's ID with the row's, nor the case with
// its last entry's CaseDigest.
func TestReview13DamagedRowsAreRefusedNotReturned(t *testing.T) {
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
			got, err := store.Get(ctx, "SP-1")
			if err == nil {
				assert.Equal(t, "SP-1", got.ID, "Get(SP-1) returned case %q", got.ID)
				_, verr := caseflow.Verify(got.Trail, svc.Keys)
				t.Logf("Get: no error; Verify: %v", verr)
			} else {
				t.Logf("Get: %v", err)
			}
			_, _, err = store.List(ctx, caseflow.Filter{}, caseflow.Page{})
			t.Logf("List: %v", err)
			err = store.ScanDuties(ctx, caseflow.Filter{}, func(caseflow.OpenDuty) error { return nil })
			t.Logf("ScanDuties: %v", err)
			_, err = store.Deliver(ctx, 0, 0, func(context.Context, caseflow.Committed) error { return nil })
			t.Logf("Deliver: %v", err)
		})
	}
}
