package sqlstore

import (
	"errors"

	"github.com/go-sql-driver/mysql"
)

// The codes of a unique constraint violated, by database.
const (
	sqliteConstraintUnique     = 2067 // SQLITE_CONSTRAINT_UNIQUE
	sqliteConstraintPrimaryKey = 1555 // SQLITE_CONSTRAINT_PRIMARYKEY
	postgresUniqueViolation    = "23505"
	mysqlDuplicateEntry        = 1062 // ER_DUP_ENTRY
	postgresDeadlock           = "40P01"
	mysqlDeadlock              = 1213 // ER_LOCK_DEADLOCK
)

// isUnique reports whether err is a database's refusal of a row that violates a unique
// constraint or primary key: the one place the store reads driver errors, by their codes
// (not their messages). SQLite's comes from modernc.org/sqlite (an error with Code() int),
// PostgreSQL's from pgx (an error with SQLState() string, as *pgconn.PgError has), MySQL's
// and MariaDB's from go-sql-driver/mysql (*mysql.MySQLError).
func isUnique(err error) bool {
	var sqlite interface{ Code() int }
	var pg interface{ SQLState() string }
	var my *mysql.MySQLError
	switch {
	case errors.As(err, &pg):
		return pg.SQLState() == postgresUniqueViolation
	case errors.As(err, &my):
		return my.Number == mysqlDuplicateEntry
	case errors.As(err, &sqlite):
		return sqlite.Code() == sqliteConstraintUnique || sqlite.Code() == sqliteConstraintPrimaryKey
	}
	return false
}

// isDeadlock reports whether err is a database's abort of a transaction caught in a
// deadlock, which may simply be run again: PostgreSQL's 40P01, MySQL's 1213.
func isDeadlock(err error) bool {
	var pg interface{ SQLState() string }
	var my *mysql.MySQLError
	switch {
	case errors.As(err, &pg):
		return pg.SQLState() == postgresDeadlock
	case errors.As(err, &my):
		return my.Number == mysqlDeadlock
	}
	return false
}
