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
	v, ok := serverDBs.Load(d)
	if !ok {
		srv := servers[d]
		dsn := os.Getenv(srv.env)
		if dsn == "" {
			dsn = srv.dsn
		}
		db, err := sql.Open(srv.driver, dsn)
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
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and %v", err)
		}
		t.Skipf("skipping: %v", err)
	}
	return v.(*sql.DB)
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
