package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"
	"testing"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sqliteErr returns the error SQLite gives for stmt after setup, from a real database.
func sqliteErr(t *testing.T, setup, stmt string) error {
	t.Helper()
	db, err := sql.Open("sqlite", "file::memory:?_pragma=foreign_keys(1)")
	require.NoError(t, err)
	defer db.Close()
	db.SetMaxOpenConns(1)
	_, err = db.Exec(setup)
	require.NoError(t, err)
	_, err = db.Exec(stmt)
	require.Error(t, err)
	return err
}

// TestDriverErrorsByCode checks the one place the store reads driver errors: by code, for
// each database, wrapped or not, and not for other constraint violations.
func TestDriverErrorsByCode(t *testing.T) {
	const schema = "CREATE TABLE p (id INTEGER PRIMARY KEY, u TEXT UNIQUE NOT NULL); CREATE TABLE c (p INTEGER REFERENCES p (id)); INSERT INTO p VALUES (1, 'a')"
	for _, tt := range []struct {
		name             string
		err              error
		unique, deadlock bool
	}{
		{"SQLite primary key (1555)", sqliteErr(t, schema, "INSERT INTO p VALUES (1, 'b')"), true, false},
		{"SQLite unique (2067)", sqliteErr(t, schema, "INSERT INTO p VALUES (2, 'a')"), true, false},
		{"SQLite not null", sqliteErr(t, schema, "INSERT INTO p VALUES (3, NULL)"), false, false},
		{"SQLite foreign key", sqliteErr(t, schema, "INSERT INTO c VALUES (9)"), false, false},
		{"PostgreSQL unique_violation", &pgconn.PgError{Code: "23505"}, true, false},
		{"PostgreSQL foreign_key_violation", &pgconn.PgError{Code: "23503"}, false, false},
		{"PostgreSQL deadlock_detected", &pgconn.PgError{Code: "40P01"}, false, true},
		{"MySQL ER_DUP_ENTRY", &mysql.MySQLError{Number: 1062}, true, false},
		{"MySQL ER_NO_REFERENCED_ROW_2", &mysql.MySQLError{Number: 1452}, false, false},
		{"MySQL ER_LOCK_DEADLOCK", &mysql.MySQLError{Number: 1213}, false, true},
		{"another error", errors.New("duplicate key value violates unique constraint"), false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, err := range []error{tt.err, fmt.Errorf("in a transaction: %w", tt.err)} {
				assert.Equal(t, tt.unique, isUnique(err), "isUnique(%v)", err)
				assert.Equal(t, tt.deadlock, isDeadlock(err), "isDeadlock(%v)", err)
			}
		})
	}
}
