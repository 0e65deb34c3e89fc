package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the PostgreSQL driver, "pgx"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
	"github.com/haochaping/haochaping/examples/internal/journal"
)

// Database is the portal's storage: one SQL store keeps the cases, their trails and duties,
// and the ratings ledger (评价台账), and counts the ratings for the bulletin.
type Database struct {
	// Name says which database it is, without a password: "SQLite portal.db",
	// "PostgreSQL 127.0.0.1:5432/test".
	Name  string
	Store *sqlstore.Store
	Keys  *caseflow.Keyring
	db    *sql.DB
}

// OpenDatabase opens dsn: a postgres:// or postgresql:// URL opens PostgreSQL, anything else
// is the name of an SQLite file, created if absent. Either is migrated to the store's schema.
// The trail key is HAOCHAPING_TRAIL_KEY's, or a demonstration key.
func OpenDatabase(ctx context.Context, dsn string) (*Database, error) {
	keys := journal.Keys()
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("database %s: %w", u.Redacted(), err)
		}
		poolServer(db)
		store, err := sqlstore.Config{Dialect: sqlstore.Postgres, Keys: keys}.Open(ctx, db)
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("database %s: %w", u.Redacted(), err)
		}
		return &Database{Name: "PostgreSQL " + u.Host + u.Path, Store: store, Keys: keys, db: db}, nil
	}
	if strings.Contains(dsn, "://") {
		return nil, fmt.Errorf("database: want an SQLite file name or a postgres:// URL, not a %s URL", strings.SplitN(dsn, ":", 2)[0])
	}
	store, db, err := sqlstore.OpenSQLite(ctx, dsn, sqlstore.Config{Keys: keys})
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", dsn, err)
	}
	return &Database{Name: "SQLite " + dsn, Store: store, Keys: keys, db: db}, nil
}

// poolServer sizes the connection pool to a database server: database/sql keeps 2 idle
// connections by default, so that a burst of pushes opens and closes a connection each
// (measured: 31 pushes/s at 200 pushers); a pool of 16 kept open serves them (see
// TestLoadPushes), well within PostgreSQL's 100 connections.
func poolServer(db *sql.DB) {
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
}

// Ping checks the database answers, for /healthz.
func (d *Database) Ping(ctx context.Context) error { return d.db.PingContext(ctx) }

// Close closes the database.
func (d *Database) Close() error { return d.db.Close() }
