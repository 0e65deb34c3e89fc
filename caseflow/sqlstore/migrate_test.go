package sqlstore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow/sqlstore"
)

// handle returns a database handle of d for tables of a fresh prefix: a new SQLite file,
// or the shared server handle (the tables are dropped when t ends).
func handle(t *testing.T, d sqlstore.Dialect) (*sql.DB, sqlstore.Config) {
	t.Helper()
	c := config(d, nil)
	if d == sqlstore.SQLite {
		db, err := sql.Open("sqlite", sqlstore.SQLiteDSN(filepath.Join(t.TempDir(), "m.db")))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		return db, c
	}
	db := server(t, d)
	t.Cleanup(func() { drop(t, db, c.Prefix) })
	return db, c
}

func TestMigrateIsIdempotentAndConcurrent(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			db, c := handle(t, d)
			var wg sync.WaitGroup
			errs := make([]error, 6)
			for i := range errs {
				wg.Add(1)
				go func() { defer wg.Done(); errs[i] = c.Migrate(ctx, db) }()
			}
			wg.Wait()
			for _, err := range errs {
				require.NoError(t, err, "processes starting at once migrate once, under the lock")
			}
			require.NoError(t, c.Migrate(ctx, db), "a second run finds nothing to do")
			ms, err := c.Migrations()
			require.NoError(t, err)
			var n int
			require.NoError(t, db.QueryRow("SELECT COUNT(*) FROM "+c.Prefix+"schema_version").Scan(&n))
			assert.Equal(t, len(ms), n, "each migration recorded once")
		})
	}
}

func TestManualMigrationsFromTheExportedSQL(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			db, c := handle(t, d)
			c.ManualMigrations = true
			_, err := c.Open(ctx, db)
			require.ErrorIs(t, err, sqlstore.ErrSchema, "a DBA has not applied the schema yet")
			script, err := c.SQL()
			require.NoError(t, err)
			assert.NotContains(t, script, "{{P}}")
			assert.Contains(t, script, c.Prefix+"cases")
			// The DBA applies the script statement by statement, as a SQL console would.
			for _, st := range strings.Split(script, ";\n") {
				if st = strings.TrimSpace(stripComments(st)); st != "" {
					_, err := db.Exec(st)
					require.NoError(t, err, st)
				}
			}
			_, err = c.Open(ctx, db)
			require.NoError(t, err, "the exported SQL is the schema the store wants")
		})
	}
}

func stripComments(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "--") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestANewerSchemaIsRefused(t *testing.T) {
	db, c := handle(t, sqlstore.SQLite)
	require.NoError(t, c.Migrate(ctx, db))
	_, err := db.Exec("INSERT INTO "+c.Prefix+"schema_version (version, name, applied_at) VALUES (999, 'future', ?)", "2027-01-01T00:00:00.000000Z")
	require.NoError(t, err)
	_, err = c.Open(ctx, db)
	require.ErrorIs(t, err, sqlstore.ErrSchema)
	assert.Contains(t, err.Error(), "999")
	c.ManualMigrations = true
	_, err = c.Open(ctx, db)
	require.ErrorIs(t, err, sqlstore.ErrSchema)
}

func TestMigrateTx(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			db, c := handle(t, d)
			tx, err := db.BeginTx(ctx, nil)
			require.NoError(t, err)
			defer tx.Rollback()
			err = c.MigrateTx(ctx, tx)
			if d == sqlstore.MySQL {
				require.Error(t, err, "MySQL commits DDL implicitly: migrating inside a transaction is refused")
				assert.Contains(t, err.Error(), "Config.Migrate")
				require.NoError(t, tx.Rollback())
				_, err = c.Open(ctx, db)
				require.NoError(t, err)
				return
			}
			require.NoError(t, err)
			require.NoError(t, tx.Rollback())
			c.ManualMigrations = true
			_, err = c.Open(ctx, db)
			require.ErrorIs(t, err, sqlstore.ErrSchema, "the caller's rollback took the migrations with it")
			tx, err = db.BeginTx(ctx, nil)
			require.NoError(t, err)
			require.NoError(t, c.MigrateTx(ctx, tx))
			require.NoError(t, tx.Commit())
			_, err = c.Open(ctx, db)
			require.NoError(t, err, "committed with the caller's transaction")
		})
	}
}

func TestConfigIsChecked(t *testing.T) {
	for _, c := range []sqlstore.Config{
		{Dialect: "oracle"},
		{Dialect: sqlstore.SQLite, Prefix: "Bad-Prefix"},
		{Dialect: sqlstore.SQLite, Prefix: "x; DROP TABLE cases; --"},
		{Dialect: sqlstore.SQLite, Prefix: strings.Repeat("a", 31)},
	} {
		_, err := c.Open(ctx, &sql.DB{})
		require.Error(t, err, "%+v", c)
		_, err = c.SQL()
		require.Error(t, err, "%+v", c)
	}
	_, err := sqlstore.Open(context.Background(), nil, sqlstore.SQLite)
	require.Error(t, err)
}
