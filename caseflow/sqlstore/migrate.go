package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations
var migrationFiles embed.FS

// ErrSchema is returned by [Config.Open] for a database whose schema is not the one this
// version of the library writes: behind it when the migrations are left to a DBA
// ([Config.ManualMigrations]), or ahead of it (written by a newer version).
var ErrSchema = errors.New("sqlstore: database schema is not current")

// Migration is one step of the schema, as its file under migrations/<dialect>/ holds it,
// with the table prefix filled in.
type Migration struct {
	Version int
	Name    string // e.g. "cases", from 001_cases.up.sql
	SQL     string
}

// migrationName matches the file names of migrations: 001_cases.up.sql.
var migrationName = regexp.MustCompile(`^(\d{3})_([a-z0-9_]+)\.up\.sql$`)

// Migrations returns the migrations of c's dialect in order, with c's prefix in their table
// names: the SQL [Config.Migrate] runs, for a DBA to read.
func (c Config) Migrations() ([]Migration, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	dir := path.Join("migrations", string(c.Dialect))
	files, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: migrations of %s: %w", c.Dialect, err)
	}
	var out []Migration
	for _, f := range files {
		m := migrationName.FindStringSubmatch(f.Name())
		if m == nil {
			continue
		}
		b, err := fs.ReadFile(migrationFiles, path.Join(dir, f.Name()))
		if err != nil {
			return nil, err
		}
		v, _ := strconv.Atoi(m[1])
		out = append(out, Migration{Version: v, Name: m[2], SQL: strings.ReplaceAll(string(b), "{{P}}", c.prefix())})
	}
	slices.SortFunc(out, func(a, b Migration) int { return a.Version - b.Version })
	return out, nil
}

// SQL returns the whole schema as one script for a DBA to review and apply by hand: the
// version table, every migration and the rows that record them, with c's prefix. A store
// opened with [Config.ManualMigrations] then finds the schema current.
func (c Config) SQL() (string, error) {
	ms, err := c.Migrations()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "-- haochaping schema for %s, table prefix %q: apply in one go, in order.\n\n", c.Dialect, c.prefix())
	b.WriteString(c.versionTable() + ";\n\n")
	for _, m := range ms {
		b.WriteString(strings.TrimSpace(m.SQL) + "\n\n")
		fmt.Fprintf(&b, "INSERT INTO %sschema_version (version, name, applied_at) VALUES (%d, '%s', CURRENT_TIMESTAMP);\n\n", c.prefix(), m.Version, m.Name)
	}
	return b.String(), nil
}

// versionTable is the statement that creates the table recording the migrations applied.
func (c Config) versionTable() string {
	at := "TEXT"
	switch c.Dialect {
	case Postgres:
		at = "TIMESTAMPTZ"
	case MySQL:
		at = "DATETIME(6)"
	}
	q := fmt.Sprintf("CREATE TABLE IF NOT EXISTS %sschema_version (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, applied_at %s NOT NULL)", c.prefix(), at)
	if c.Dialect == MySQL {
		q += " ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin"
	}
	return q
}

// statements splits a migration into its statements: each ends with a semicolon at the end
// of a line.
func statements(sql string) []string {
	var out []string
	for _, s := range strings.Split(sql, ";\n") {
		var code []string
		for _, line := range strings.Split(s, "\n") {
			if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "--") {
				code = append(code, line)
			}
		}
		if st := strings.TrimSuffix(strings.TrimSpace(strings.Join(code, "\n")), ";"); st != "" {
			out = append(out, st)
		}
	}
	return out
}

// Migrate brings the schema of db up to date: it takes the database's lock for migrations
// (a PostgreSQL advisory lock, MySQL's GET_LOCK, an immediate transaction on SQLite), so
// that several processes starting at once migrate once, creates the version table, and
// applies each migration not yet recorded, each in a transaction with its record on
// PostgreSQL and SQLite. MySQL and MariaDB commit DDL at once: there each statement may be
// run again (CREATE … IF NOT EXISTS), so a migration cut short completes on the next run.
func (c Config) Migrate(ctx context.Context, db *sql.DB) error {
	ms, err := c.Migrations()
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("sqlstore: migrate: %w", err)
	}
	defer conn.Close()
	unlock, err := c.lock(ctx, conn)
	if err != nil {
		return err
	}
	err = c.migrate(ctx, conn, ms)
	if uerr := unlock(err == nil); err == nil && uerr != nil {
		err = fmt.Errorf("sqlstore: migrate: %w", uerr)
	}
	return err
}

// migrate applies the migrations of ms that conn's database does not record, under the lock.
func (c Config) migrate(ctx context.Context, conn *sql.Conn, ms []Migration) error {
	if _, err := conn.ExecContext(ctx, c.versionTable()); err != nil {
		return fmt.Errorf("sqlstore: migrate: creating the version table: %w", err)
	}
	done, err := c.applied(ctx, conn)
	if err != nil {
		return err
	}
	if err := newer(done, ms); err != nil {
		return err
	}
	for _, m := range ms {
		if done[m.Version] {
			continue
		}
		if err := c.apply(ctx, conn, m); err != nil {
			return err
		}
	}
	return nil
}

// newer returns an error wrapping ErrSchema when the database records a migration that ms
// does not hold: a newer version of the library wrote the schema.
func newer(done map[int]bool, ms []Migration) error {
	for v := range done {
		if !slices.ContainsFunc(ms, func(m Migration) bool { return m.Version == v }) {
			return fmt.Errorf("%w: the database records migration %03d, which this version of the library does not know: upgrade it", ErrSchema, v)
		}
	}
	return nil
}

// MigrateTx applies the migrations not yet recorded inside the caller's transaction, so that
// the caller's own schema changes commit or roll back with them: on PostgreSQL and SQLite,
// whose DDL is transactional. It takes no lock (on PostgreSQL, take one in the transaction
// if several processes may migrate at once). MySQL and MariaDB commit DDL implicitly, which
// would commit the caller's transaction half-way: there it returns an error and does
// nothing; call [Config.Migrate].
func (c Config) MigrateTx(ctx context.Context, tx *sql.Tx) error {
	ms, err := c.Migrations()
	if err != nil {
		return err
	}
	if c.Dialect == MySQL {
		return fmt.Errorf("sqlstore: migrations cannot run inside a transaction on MySQL or MariaDB, which commit each schema change at once (and the transaction with it): call Config.Migrate outside a transaction")
	}
	if _, err := tx.ExecContext(ctx, c.versionTable()); err != nil {
		return fmt.Errorf("sqlstore: migrate: creating the version table: %w", err)
	}
	done, err := c.applied(ctx, tx)
	if err != nil {
		return err
	}
	if err := newer(done, ms); err != nil {
		return err
	}
	for _, m := range ms {
		if !done[m.Version] {
			if err := c.run(ctx, tx, m); err != nil {
				return err
			}
		}
	}
	return nil
}

// execer is a connection or a transaction.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// applied returns the versions the version table records.
func (c Config) applied(ctx context.Context, q execer) (map[int]bool, error) {
	rows, err := q.QueryContext(ctx, "SELECT version FROM "+c.prefix()+"schema_version")
	if err != nil {
		return nil, fmt.Errorf("sqlstore: reading the schema version: %w", err)
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		done[v] = true
	}
	return done, rows.Err()
}

// apply runs migration m on conn: in a transaction where DDL is transactional.
func (c Config) apply(ctx context.Context, conn *sql.Conn, m Migration) error {
	if c.Dialect != Postgres { // MySQL: no transactional DDL; SQLite: the lock is a transaction
		return c.run(ctx, conn, m)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlstore: migration %03d: %w", m.Version, err)
	}
	defer tx.Rollback()
	if err := c.run(ctx, tx, m); err != nil {
		return err
	}
	return tx.Commit()
}

// run executes m's statements and records it.
func (c Config) run(ctx context.Context, q execer, m Migration) error {
	for i, st := range statements(m.SQL) {
		if _, err := q.ExecContext(ctx, st); err != nil {
			return fmt.Errorf("sqlstore: migration %03d_%s, statement %d: %w", m.Version, m.Name, i+1, err)
		}
	}
	ins := c.Dialect.rebind("INSERT INTO " + c.prefix() + "schema_version (version, name, applied_at) VALUES (?, ?, ?)")
	if _, err := q.ExecContext(ctx, ins, m.Version, m.Name, c.Dialect.timeArg(time.Now())); err != nil {
		return fmt.Errorf("sqlstore: recording migration %03d: %w", m.Version, err)
	}
	return nil
}

// lockWait is how long Migrate waits for another process's migration on MySQL.
const lockWait = 60 // seconds

// lock takes the database's lock for migrations on conn and returns its release, which on
// SQLite commits the migrations when ok and rolls them back when not.
func (c Config) lock(ctx context.Context, conn *sql.Conn) (unlock func(ok bool) error, err error) {
	switch c.Dialect {
	case Postgres:
		h := fnv.New64a()
		h.Write([]byte("haochaping migrate " + c.prefix()))
		key := int64(h.Sum64())
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", key); err != nil {
			return nil, fmt.Errorf("sqlstore: migrate: taking the advisory lock: %w", err)
		}
		return func(bool) error {
			_, err := conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", key)
			return err
		}, nil
	case MySQL:
		name := "haochaping_migrate_" + c.prefix()
		var got sql.NullInt64
		if err := conn.QueryRowContext(ctx, "SELECT GET_LOCK(?, ?)", name, lockWait).Scan(&got); err != nil {
			return nil, fmt.Errorf("sqlstore: migrate: taking the lock: %w", err)
		}
		if got.Int64 != 1 {
			return nil, fmt.Errorf("sqlstore: migrate: another process held the lock %q for %d seconds", name, lockWait)
		}
		return func(bool) error {
			_, err := conn.ExecContext(context.WithoutCancel(ctx), "SELECT RELEASE_LOCK(?)", name)
			return err
		}, nil
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return nil, fmt.Errorf("sqlstore: migrate: taking the write lock: %w", err)
	}
	return func(ok bool) error {
		end := "ROLLBACK"
		if ok {
			end = "COMMIT"
		}
		_, err := conn.ExecContext(context.WithoutCancel(ctx), end)
		return err
	}, nil
}

// current reports an error wrapping ErrSchema unless db records every migration of c and
// none newer.
func (c Config) current(ctx context.Context, db *sql.DB) error {
	ms, err := c.Migrations()
	if err != nil {
		return err
	}
	done, err := c.applied(ctx, db)
	if err != nil {
		return fmt.Errorf("%w: %w (apply Config.SQL, or open without ManualMigrations)", ErrSchema, err)
	}
	for _, m := range ms {
		if !done[m.Version] {
			return fmt.Errorf("%w: migration %03d_%s is not applied (apply Config.SQL, or open without ManualMigrations)", ErrSchema, m.Version, m.Name)
		}
	}
	return newer(done, ms)
}
