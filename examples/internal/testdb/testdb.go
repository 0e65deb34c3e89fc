// Package testdb gives the examples' tests a store in fresh tables of a database server
// (PostgreSQL or MariaDB), as CI provides them: the server of the environment variable
// HAOCHAPING_POSTGRES_URL or HAOCHAPING_MYSQL_DSN, or else the local one on 127.0.0.1. A test
// whose server is unreachable skips with a message, and fails under CI=true.
package testdb

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql" // "mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // "pgx"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
)

// Servers are the database servers a test may ask for, by name.
var Servers = map[string]struct {
	Env, Driver, DSN string
	Dialect          sqlstore.Dialect
}{
	"postgres": {"HAOCHAPING_POSTGRES_URL", "pgx", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable", sqlstore.Postgres},
	"mysql":    {"HAOCHAPING_MYSQL_DSN", "mysql", "root@tcp(127.0.0.1:3306)/test?parseTime=true&charset=utf8mb4&loc=UTC", sqlstore.MySQL},
}

var seq atomic.Int64

// Store returns a store under keys in fresh tables of the named server ("postgres" or
// "mysql"), and its database handle; the tables are dropped and the handle closed when the
// test ends.
func Store(t testing.TB, name string, keys *caseflow.Keyring) (*sqlstore.Store, *sql.DB) {
	t.Helper()
	srv, ok := Servers[name]
	if !ok {
		t.Fatalf("testdb: no server %q", name)
	}
	dsn := os.Getenv(srv.Env)
	if dsn == "" {
		dsn = srv.DSN
	}
	db, err := sql.Open(srv.Driver, dsn)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = db.PingContext(ctx)
		cancel()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and %s is not reachable (set %s): %v", name, srv.Env, err)
		}
		t.Skipf("skipping: %s is not reachable (set %s): %v", name, srv.Env, err)
	}
	prefix := fmt.Sprintf("t%d_%d_", os.Getpid()%100000, seq.Add(1))
	t.Cleanup(func() {
		for _, table := range []string{"outbox", "duties", "entries", "ratings", "cases", "schema_version"} {
			_, _ = db.Exec("DROP TABLE IF EXISTS " + prefix + table)
		}
		db.Close()
	})
	s, err := sqlstore.Config{Dialect: srv.Dialect, Prefix: prefix, Keys: keys}.Open(context.Background(), db)
	if err != nil {
		t.Fatalf("testdb: %s: %v", name, err)
	}
	return s, db
}
