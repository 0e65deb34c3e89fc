package sqlstore

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Dialect names the database a store speaks to. Its values are stored nowhere.
type Dialect string

// The dialects.
const (
	// SQLite through modernc.org/sqlite (pure Go): the embedded default; see [OpenSQLite].
	SQLite Dialect = "sqlite"
	// Postgres is PostgreSQL 12 or later, and databases that speak its protocol and SQL
	// (Kingbase in PostgreSQL mode), through github.com/jackc/pgx/v5/stdlib.
	Postgres Dialect = "postgres"
	// MySQL is MySQL 8 and MariaDB 10.6 or later, through github.com/go-sql-driver/mysql
	// with parseTime=true and utf8mb4.
	MySQL Dialect = "mysql"
)

// valid reports whether d is one of the dialects.
func (d Dialect) valid() bool { return d == SQLite || d == Postgres || d == MySQL }

// sqliteTime is how SQLite keeps a time: UTC text of fixed width, which sorts as it reads.
const sqliteTime = "2006-01-02T15:04:05.000000Z"

// timeArg returns t as the dialect's driver takes it: UTC, to the microsecond; nil for the
// zero time (a NULL column).
func (d Dialect) timeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	t = t.UTC().Truncate(time.Microsecond)
	if d == SQLite {
		return t.Format(sqliteTime)
	}
	return t
}

// rebind turns the ? placeholders of q into the dialect's: $1, $2… for PostgreSQL. The
// queries of this package hold no ? inside string literals.
func (d Dialect) rebind(q string) string {
	if d != Postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// tm scans a time column of any dialect: a time.Time (PostgreSQL, MySQL with
// parseTime=true), or text (SQLite, MySQL without parseTime), or NULL, the zero time.
// Times are read into loc.
type tm struct {
	t   *time.Time
	loc *time.Location
}

// Scan implements sql.Scanner.
func (s tm) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		*s.t = time.Time{}
		return nil
	case time.Time:
		*s.t = v.In(s.loc)
		return nil
	case []byte:
		return s.parse(string(v))
	case string:
		return s.parse(v)
	}
	return fmt.Errorf("sqlstore: a time column holds a %T", v)
}

// parse reads the text forms of a time: SQLite's and MySQL's, both UTC.
func (s tm) parse(v string) error {
	for _, layout := range []string{sqliteTime, "2006-01-02 15:04:05.999999", time.RFC3339Nano} {
		if t, err := time.ParseInLocation(layout, v, time.UTC); err == nil {
			*s.t = t.In(s.loc)
			return nil
		}
	}
	return fmt.Errorf("sqlstore: a time column holds %q, not a time", v)
}

// flag scans a boolean column of any dialect: a bool, or an integer (SQLite, MySQL).
type flag struct{ b *bool }

// Scan implements sql.Scanner.
func (f flag) Scan(v any) error {
	switch v := v.(type) {
	case bool:
		*f.b = v
	case int64:
		*f.b = v != 0
	case []byte:
		*f.b = string(v) != "0" && string(v) != "" && string(v) != "f" && string(v) != "false"
	default:
		return fmt.Errorf("sqlstore: a boolean column holds a %T", v)
	}
	return nil
}

var (
	_ interface{ Scan(any) error } = tm{}
	_ interface{ Scan(any) error } = flag{}
)
