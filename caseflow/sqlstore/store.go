package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// Config says how a [Store] uses its database. The zero value but for Dialect is ready:
// tables named haochaping_*, trails without keys, the schema migrated on Open.
type Config struct {
	Dialect Dialect
	// Keys are the keys trails are chained under: the service's [caseflow.Service.Keys].
	// The store checks every case it is given under them, as [caseflow.MemoryStore] does.
	Keys *caseflow.Keyring
	// Prefix begins the name of every table and index the store creates, so that they
	// cannot clash with the host's: lower-case letters, digits and _, starting with a
	// letter, at most 30 bytes. Empty means "haochaping_".
	Prefix string
	// ManualMigrations leaves the schema to a DBA, who applies [Config.SQL]: Open then
	// only checks the schema is current, and returns an error wrapping ErrSchema if not.
	ManualMigrations bool
	// Now tells the time for the outbox's leases; nil means time.Now.
	Now func() time.Time
}

// DefaultPrefix is the table prefix of a zero Config.
const DefaultPrefix = "haochaping_"

var validPrefix = regexp.MustCompile(`^[a-z][a-z0-9_]{0,29}$`)

func (c Config) prefix() string {
	if c.Prefix == "" {
		return DefaultPrefix
	}
	return c.Prefix
}

// check reports what is wrong with c.
func (c Config) check() error {
	if !c.Dialect.valid() {
		return fmt.Errorf("sqlstore: dialect %q: want %q, %q or %q", c.Dialect, SQLite, Postgres, MySQL)
	}
	if !validPrefix.MatchString(c.prefix()) {
		return fmt.Errorf("sqlstore: prefix %q: want lower-case letters, digits and _, starting with a letter, at most 30 bytes", c.Prefix)
	}
	return nil
}

// Store is a [caseflow.Store] over a database/sql handle: cases with their trails, open
// duties and outbox in the tables of [Config.Migrations]. It is safe for concurrent use by
// many goroutines and many processes sharing the database: optimistic locking on the
// case's version decides between concurrent steps, and unique constraints between
// concurrent receipts of one rating.
type Store struct {
	db   *sql.DB
	d    Dialect
	keys *caseflow.Keyring
	now  func() time.Time
	loc  *time.Location
	q    queries
}

var (
	_ caseflow.Store      = (*Store)(nil)
	_ caseflow.DueScanner = (*Store)(nil)
)

// Open returns a store on db, which speaks dialect d, with the defaults of [Config],
// migrating the schema first: Config{Dialect: d}.Open(ctx, db).
func Open(ctx context.Context, db *sql.DB, d Dialect) (*Store, error) {
	return Config{Dialect: d}.Open(ctx, db)
}

// Open returns a store on db as c says, migrating the schema first unless
// c.ManualMigrations. The store does not own db: closing db is the caller's.
func (c Config) Open(ctx context.Context, db *sql.DB) (*Store, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	if db == nil {
		return nil, fmt.Errorf("sqlstore: open: no database handle")
	}
	if c.ManualMigrations {
		if err := c.current(ctx, db); err != nil {
			return nil, err
		}
	} else if err := c.Migrate(ctx, db); err != nil {
		return nil, err
	}
	now := c.Now
	if now == nil {
		now = time.Now
	}
	return &Store{db: db, d: c.Dialect, keys: c.Keys, now: now, loc: haochaping.Location(), q: newQueries(c)}, nil
}

// DB returns the handle the store uses.
func (s *Store) DB() *sql.DB { return s.db }
