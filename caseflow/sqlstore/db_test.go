package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
)

// The servers the tests use, unless the environment names others. CI (CI=true) creates a
// fresh database for each run and names it here; without CI, a test whose server is not
// reachable skips.
var servers = map[sqlstore.Dialect]struct{ env, driver, dsn string }{
	sqlstore.Postgres: {"HAOCHAPING_POSTGRES_URL", "pgx", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"},
	sqlstore.MySQL:    {"HAOCHAPING_MYSQL_DSN", "mysql", "root@tcp(127.0.0.1:3306)/test?parseTime=true&charset=utf8mb4&loc=UTC"},
}

// dialects are those the tests run on: SQLite always, the servers where reachable.
var dialects = []sqlstore.Dialect{sqlstore.SQLite, sqlstore.Postgres, sqlstore.MySQL}

var (
	serverDBs   sync.Map // Dialect → *sql.DB, or the error of opening it
	prefixCount atomic.Int64
)

// server returns the shared handle on d's server, skipping t (failing it under CI) when the
// server is not reachable.
func server(t testing.TB, d sqlstore.Dialect) *sql.DB {
	t.Helper()
	db, err := reachable(d)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and %v", err)
		}
		t.Skipf("skipping: %v", err)
	}
	return db
}

// reachable returns the shared handle on d's server, opened on first use, or why there is
// none.
func reachable(d sqlstore.Dialect) (*sql.DB, error) {
	v, ok := serverDBs.Load(d)
	if !ok {
		srv := servers[d]
		db, err := sql.Open(srv.driver, serverDSN(d))
		if err == nil {
			ctx, cancel := context.WithTimeout(context.Background(), 5e9)
			err = db.PingContext(ctx)
			cancel()
		}
		if err != nil {
			v = fmt.Errorf("%s not reachable (set %s): %w", d, srv.env, err)
		} else {
			db.SetMaxOpenConns(32)
			db.SetMaxIdleConns(32)
			v = db
		}
		v, _ = serverDBs.LoadOrStore(d, v)
	}
	if err, ok := v.(error); ok {
		return nil, err
	}
	return v.(*sql.DB), nil
}

// serverDSN returns the data source name of d's server: the environment's, or the default.
func serverDSN(d sqlstore.Dialect) string {
	srv := servers[d]
	if dsn := os.Getenv(srv.env); dsn != "" {
		return dsn
	}
	return srv.dsn
}

// config returns a config for a fresh set of tables on d: a new prefix on a server, a new
// file for SQLite.
func config(d sqlstore.Dialect, keys *caseflow.Keyring) sqlstore.Config {
	return sqlstore.Config{Dialect: d, Keys: keys, Prefix: fmt.Sprintf("t%d_%d_", os.Getpid()%100000, prefixCount.Add(1))}
}

// open returns a fresh, migrated store on d, dropped when t ends.
func open(t testing.TB, d sqlstore.Dialect, keys *caseflow.Keyring) *sqlstore.Store {
	t.Helper()
	s, _ := openDB(t, d, keys)
	return s
}

// openDB returns a fresh store on d and its handle.
func openDB(t testing.TB, d sqlstore.Dialect, keys *caseflow.Keyring) (*sqlstore.Store, *sql.DB) {
	t.Helper()
	c := config(d, keys)
	if d == sqlstore.SQLite {
		s, db, err := sqlstore.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "cases.db"), c)
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		return s, db
	}
	db := server(t, d)
	s, err := c.Open(context.Background(), db)
	require.NoError(t, err)
	t.Cleanup(func() { drop(t, db, c.Prefix) })
	return s, db
}

// drop drops the tables of the store with prefix p.
func drop(t testing.TB, db *sql.DB, p string) {
	for _, table := range []string{"outbox", "duties", "entries", "ratings", "cases", "schema_version"} {
		if _, err := db.Exec("DROP TABLE IF EXISTS " + p + table); err != nil {
			t.Errorf("dropping %s%s: %v", p, table, err)
		}
	}
}

// place is where one set of a store's tables lives: a dialect, the database (a server's data
// source name, or an SQLite file's path) and a prefix. Every store opened on a place has a
// *sql.DB of its own, as a restarted process or a second process has.
type place struct {
	d      sqlstore.Dialect
	dsn    string // a server's data source name, or the SQLite file's path
	prefix string
	keys   *caseflow.Keyring
}

// newPlace returns a fresh place on d, with its tables migrated: a new prefix on a server
// (its tables dropped when t ends), a new file for SQLite (removed when t ends). It skips t
// (fails it under CI) when d's server is not reachable.
func newPlace(t testing.TB, d sqlstore.Dialect, keys *caseflow.Keyring) place {
	t.Helper()
	c := config(d, keys)
	p := place{d: d, prefix: c.Prefix, keys: keys}
	if d == sqlstore.SQLite {
		p.dsn = filepath.Join(t.TempDir(), "cases.db")
	} else {
		db := server(t, d)
		p.dsn = serverDSN(d)
		t.Cleanup(func() { drop(t, db, c.Prefix) })
	}
	_, db := p.open(t)
	require.NoError(t, db.Close())
	return p
}

// config returns the config of a store on p.
func (p place) config() sqlstore.Config {
	return sqlstore.Config{Dialect: p.d, Keys: p.keys, Prefix: p.prefix}
}

// open opens a new handle on p's database and a store on it, as a process starting does;
// the handle is closed when t ends, if not before.
func (p place) open(t testing.TB) (*sqlstore.Store, *sql.DB) {
	t.Helper()
	s, db, err := p.openErr(t.Context())
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return s, db
}

// openErr opens a new handle on p's database and a store on it; closing the handle is the
// caller's.
func (p place) openErr(ctx context.Context) (*sqlstore.Store, *sql.DB, error) {
	if p.d == sqlstore.SQLite {
		return sqlstore.OpenSQLite(ctx, p.dsn, p.config())
	}
	db, err := sql.Open(servers[p.d].driver, p.dsn)
	if err != nil {
		return nil, nil, err
	}
	s, err := p.config().Open(ctx, db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return s, db, nil
}

// isReachable reports whether d's server answers.
func isReachable(d sqlstore.Dialect) bool { _, err := reachable(d); return err == nil }
