// Package sqlstore keeps cases (差评办件), their audit trails and duties, and every rating
// (评价台账), in a SQL database through database/sql: the [caseflow.Store] and the
// [haochaping.Ledger] of a portal that must survive a restart. One implementation speaks
// three dialects:
//
//   - [SQLite], the embedded default: one file, through modernc.org/sqlite (pure Go, no
//     cgo), opened by [OpenSQLite] with write-ahead logging, a busy timeout, immediate
//     transactions for writes and foreign keys on;
//   - [Postgres]: PostgreSQL, and compatible databases such as Kingbase, through
//     github.com/jackc/pgx/v5/stdlib (driver name "pgx");
//   - [MySQL]: MySQL 8 and MariaDB 10.6 or later, through github.com/go-sql-driver/mysql
//     with parseTime=true and charset=utf8mb4.
//
// The package opens nothing by itself but the embedded file: hand it the *sql.DB your
// portal already has.
//
//	store, db, err := sqlstore.OpenSQLite(ctx, "cases.db", sqlstore.Config{Keys: keys})
//	defer db.Close()
//	svc := caseflow.NewService(store)
//	svc.Keys = keys
//
//	db, err := sql.Open("pgx", "postgres://portal@db.example/haochaping")
//	store, err := sqlstore.Config{Dialect: sqlstore.Postgres, Keys: keys}.Open(ctx, db)
//
// # What it keeps
//
// A case is a row of the cases table: the columns a listing selects on (ID, intake key,
// kind, state, version, centre, department, window, receipt, earliest warning and due
// times, open or closed), the head of its trail (sequence number and hash) kept apart from
// the trail, and the case itself as JSON ([caseflow.StoredCase], personal data in full).
// Its trail is one row per entry, insert-only; its open timed duties are rows of their
// own, each with its case's summary, so that [caseflow.Service.AtRisk] and
// [caseflow.Service.AtRiskFirst] read an index and no case. Every step the store commits
// writes an outbox row in its own transaction, which [Store.Deliver] hands out at least
// once. Ratings are rows of the ratings table, without personal data
// ([haochaping.Review.ForLedger]), idempotent on their normalised key; [Store.Record] takes a
// day's backlog in one call.
//
// The store is also a [scoring.RatingCounter]: [Store.CountRatings] counts a period's
// ratings by area, department, window, channel, level and default flag (默认评价, the
// is_default column) in one SELECT … GROUP BY, without reading a rating's document, and
// gives what [scoring.CountRatings] gives streaming [Store.Ratings]: scoring's indicators
// over a large ledger, computed in the database.
//
//	counts, err := store.CountRatings(ctx, from, to) // one GROUP BY per period
//
// Times are stored in UTC to the microsecond on every dialect (the service works to the
// microsecond, so a case reads back as it was made). Text on MySQL is utf8mb4, and the
// columns queries compare (IDs, codes) are VARBINARY: IDs compare byte for byte, as on the
// other databases ("w-1 " is not "w-1", which a PAD SPACE collation would find equal).
//
// A damaged row (a bad restore, a hand edit) is refused with an error wrapping
// [caseflow.ErrTampered], not handed out: a case's document must be the case of its row and
// the case its trail's last entry records, and a rating's level and channel must be codes
// the library knows for CountRatings to count it.
//
// # Concurrency
//
// A Store is safe for concurrent use, by one process or many on one database. Update is
// UPDATE … WHERE version = ?: of two steps on one case read at the same version, one
// commits and the other fails with [caseflow.ErrConflict], which [caseflow.Service.Take]
// retakes on the fresh case. Two receipts of one rating meet at the unique intake key, and
// the second returns [caseflow.ErrDuplicate], which [caseflow.Service.Receive] turns into
// the case the first opened. The store checks every case it is given under its keys, as
// [caseflow.MemoryStore] does ([caseflow.CheckCreate], [caseflow.CheckUpdate]).
//
// # Migrations
//
// [Config.Open] migrates the schema unless [Config.ManualMigrations] is set: the SQL is
// embedded, one numbered file per step and dialect (migrations/postgres/001_cases.up.sql…),
// and recorded in the table <prefix>schema_version. Every table and index name begins with
// [Config.Prefix] ("haochaping_"), so that they cannot clash with the host's. Migrate takes
// a lock first (a PostgreSQL advisory lock, MySQL's GET_LOCK, an immediate transaction on
// SQLite), so that processes starting together migrate once. A DBA reviews
// [Config.Migrations] or applies [Config.SQL] by hand. MySQL and MariaDB commit DDL
// implicitly: their statements may be run again after a failure, and [Config.MigrateTx]
// refuses them.
//
// # Limits
//
// A case ID is valid UTF-8 without control characters and at most 191 characters, on every
// database (the longest a MySQL index of utf8mb4 text holds); a centre, department or window
// ID is at most 191 characters on MySQL. The MySQL DSN must keep loc=UTC (the default), so
// that times are stored in UTC, and must not set clientFoundRows, with which Record would
// count ratings already recorded as added; MySQL orders ratings of the same microsecond
// whose keys share their first 1,024 bytes (max_sort_length) in no set order. The outbox
// orders one case's steps, not the steps of several deliverers.
package sqlstore
