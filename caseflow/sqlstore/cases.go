package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// Create stores a new case; see [caseflow.Store.Create]. The case, its trail, its open
// duties and an outbox row per entry are written in one transaction.
func (s *Store) Create(ctx context.Context, c *caseflow.Case) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	row, err := s.prepare("create", c)
	if err != nil {
		return err
	}
	return s.insert(ctx, "create", []*caseflow.Case{c}, []caseRow{row}, true)
}

// Import stores cases read from another store (a [caseflow.MemoryStore] a portal outgrew,
// say) as new cases, in one transaction: all of them, or none when one fails. Each is
// checked as Create checks it, must be at version 0 (clear Version of a case read from a
// store), and gets version 1; their steps go to no outbox, for they were committed
// elsewhere. It returns an error wrapping ErrDuplicate when a case's ID or key is stored.
func (s *Store) Import(ctx context.Context, cases []*caseflow.Case) error {
	rows := make([]caseRow, len(cases))
	for i, c := range cases {
		var err error
		if rows[i], err = s.prepare("import", c); err != nil {
			return err
		}
	}
	return s.insert(ctx, "import", cases, rows, false)
}

// prepare checks a new case as Create and Import take it, and returns its row.
func (s *Store) prepare(op string, c *caseflow.Case) (caseRow, error) {
	switch {
	case c == nil:
		return caseRow{}, fmt.Errorf("sqlstore: %s: no case: %w", op, caseflow.ErrTampered)
	case c.Version != 0:
		return caseRow{}, fmt.Errorf("sqlstore: %s case %s: version %d: a new case has version 0 (clear the version of a case read from another store)", op, c.ID, c.Version)
	}
	if err := checkID(c.ID); err != nil {
		return caseRow{}, fmt.Errorf("sqlstore: %s: %w", op, err)
	}
	if err := caseflow.CheckCreate(c, s.keys); err != nil {
		return caseRow{}, fmt.Errorf("sqlstore: %s case %s: %w", op, c.ID, err)
	}
	return s.caseRow(c)
}

// insert writes new cases and their rows in one transaction, with outbox rows when outbox,
// and sets their versions to 1. A case whose ID or key is stored fails it with ErrDuplicate.
func (s *Store) insert(ctx context.Context, op string, cases []*caseflow.Case, rows []caseRow, outbox bool) error {
	failed := ""
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i, c := range cases {
			seq, err := s.insertCase(ctx, tx, rows[i])
			if err == nil {
				err = s.writeSteps(ctx, tx, seq, c, 0, outbox)
			}
			if err != nil {
				failed = c.ID
				return fmt.Errorf("case %s: %w", c.ID, err)
			}
		}
		return nil
	})
	switch {
	case err != nil && isUnique(err):
		return fmt.Errorf("sqlstore: %s: case %s: %w", op, failed, caseflow.ErrDuplicate)
	case err != nil:
		return fmt.Errorf("sqlstore: %s: %w", op, err)
	}
	for _, c := range cases {
		c.Version = 1
	}
	return nil
}

// insertCase inserts a case's row and returns its sequence number.
func (s *Store) insertCase(ctx context.Context, tx *sql.Tx, r caseRow) (int64, error) {
	args := []any{r.id, r.keyHash, r.kind, r.state, r.center, r.department, r.window,
		r.received, r.warn, r.due, r.closed, r.headSeq, r.headHash, r.doc}
	if s.d == Postgres {
		var seq int64
		err := tx.QueryRowContext(ctx, s.q.insertCase, args...).Scan(&seq)
		return seq, err
	}
	res, err := tx.ExecContext(ctx, s.q.insertCase, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// writeSteps writes what a step changed besides the case's row: the entries after the
// first stored ones, the open duties (replacing those stored), and, with outbox, the outbox
// rows of the new entries.
func (s *Store) writeSteps(ctx context.Context, tx *sql.Tx, seq int64, c *caseflow.Case, stored int, outbox bool) error {
	fresh := c.Trail[stored:]
	args := make([]any, 0, 6*len(fresh))
	for _, e := range fresh {
		doc, err := json.Marshal((*caseflow.StoredEntry)(e))
		if err != nil {
			return fmt.Errorf("encoding entry %d: %w", e.Seq, err)
		}
		args = append(args, seq, e.Seq, string(e.Event), s.d.timeArg(e.Time), e.Hash.String(), string(doc))
	}
	if _, err := tx.ExecContext(ctx, s.q.rows(s.q.entryInsert, s.q.entryRow, len(fresh)), args...); err != nil {
		return err
	}
	if stored > 0 {
		if _, err := tx.ExecContext(ctx, s.q.deleteDuties, seq); err != nil {
			return err
		}
	}
	if dargs, n := s.dutyArgs(seq, c); n > 0 {
		if _, err := tx.ExecContext(ctx, s.q.rows(s.q.dutyInsert, s.q.dutyRow, n), dargs...); err != nil {
			return err
		}
	}
	if !outbox {
		return nil
	}
	args = args[:0]
	now := s.d.timeArg(s.now())
	for _, e := range fresh {
		args = append(args, seq, c.ID, e.Seq, string(e.Event), now)
	}
	_, err := tx.ExecContext(ctx, s.q.rows(s.q.outboxInsert, s.q.outboxRow, len(fresh)), args...)
	return err
}

// inTx runs fn in a transaction, committing if it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Get returns the case with the given ID; see [caseflow.Store.Get].
func (s *Store) Get(ctx context.Context, id string) (*caseflow.Case, error) {
	c, err := s.read(ctx, s.q.caseByID, id)
	if errors.Is(err, caseflow.ErrNotFound) {
		return nil, fmt.Errorf("sqlstore: case %s: %w", id, caseflow.ErrNotFound)
	}
	return c, err
}

// GetByKey returns the case opened on key; see [caseflow.Store.GetByKey].
func (s *Store) GetByKey(ctx context.Context, key string) (*caseflow.Case, error) {
	if key == "" {
		return nil, fmt.Errorf("sqlstore: case for %q: %w", key, caseflow.ErrNotFound)
	}
	c, err := s.read(ctx, s.q.caseByKey, keyHash(key))
	if errors.Is(err, caseflow.ErrNotFound) {
		return nil, fmt.Errorf("sqlstore: case for %q: %w", key, caseflow.ErrNotFound)
	}
	return c, err
}

// read reads the case query selects with arg, and its trail.
func (s *Store) read(ctx context.Context, query string, arg any) (*caseflow.Case, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var r storedRow
	err := s.db.QueryRowContext(ctx, query, arg).Scan(r.dest()...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, caseflow.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("sqlstore: reading a case: %w", err)
	}
	return s.assemble(ctx, &r)
}

// assemble returns the case of row r with its trail, checked to be the case its trail
// records: a row damaged by hand or by a bad restore (another case's document, say) is
// refused, not handed out under the wrong ID.
func (s *Store) assemble(ctx context.Context, r *storedRow) (*caseflow.Case, error) {
	c, err := r.decode()
	if err != nil {
		return nil, err
	}
	if c.Trail, err = s.trail(ctx, r.seq, r.headSeq); err != nil {
		return nil, fmt.Errorf("sqlstore: case %s: %w", r.id, err)
	}
	last := c.Trail[len(c.Trail)-1]
	if d, err := c.Digest(); err != nil || d != last.CaseDigest || last.To != c.State {
		return nil, fmt.Errorf("sqlstore: case %s: the stored case is not the one its trail records: %w", r.id, caseflow.ErrTampered)
	}
	return c, nil
}

// trail reads the entries of the case seq up to its head: entries are insert-only, so the
// case's row and these agree without a transaction.
func (s *Store) trail(ctx context.Context, seq int64, head int) ([]*caseflow.Entry, error) {
	rows, err := s.db.QueryContext(ctx, s.q.entriesOf, seq, head)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	trail := make([]*caseflow.Entry, 0, head)
	var doc []byte
	for rows.Next() {
		if err := rows.Scan(&doc); err != nil {
			return nil, err
		}
		e := new(caseflow.StoredEntry)
		if err := json.Unmarshal(doc, e); err != nil {
			return nil, fmt.Errorf("decoding entry %d: %w", len(trail)+1, err)
		}
		trail = append(trail, (*caseflow.Entry)(e))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(trail) != head {
		return nil, fmt.Errorf("%d entries stored up to the head #%d: %w", len(trail), head, caseflow.ErrTampered)
	}
	return trail, nil
}

// Head returns the head of the case's trail as the store keeps it; see
// [caseflow.Store.Head].
func (s *Store) Head(ctx context.Context, id string) (caseflow.Head, error) {
	st, err := s.head(ctx, id)
	return st.head, err
}

// state is what Update reads of a stored case before it writes.
type state struct {
	seq, version int64
	head         caseflow.Head
}

func (s *Store) head(ctx context.Context, id string) (state, error) {
	if err := ctx.Err(); err != nil {
		return state{}, err
	}
	var st state
	var hash string
	err := s.db.QueryRowContext(ctx, s.q.headByID, id).Scan(&st.seq, &st.version, &st.head.Seq, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return state{}, fmt.Errorf("sqlstore: case %s: %w", id, caseflow.ErrNotFound)
	}
	if err != nil {
		return state{}, fmt.Errorf("sqlstore: reading case %s: %w", id, err)
	}
	if err := st.head.Hash.UnmarshalText([]byte(hash)); err != nil {
		return state{}, fmt.Errorf("sqlstore: case %s: the stored head: %w", id, err)
	}
	return st, nil
}

// Update stores c if nobody changed it since it was read; see [caseflow.Store.Update]. It
// reads the stored head, checks c against it with [caseflow.CheckUpdate] and checks that c's
// trail links up to it, then, in one transaction, moves the case's row on only if its
// version is still c's (UPDATE … WHERE version = ?), inserts the new entries (never
// rewriting a stored one, but for an erasure's blanked copies, which hash alike), replaces
// the open duties and writes an outbox row per new entry.
func (s *Store) Update(ctx context.Context, c *caseflow.Case) error {
	if c == nil {
		return fmt.Errorf("sqlstore: update: no case: %w", caseflow.ErrTampered)
	}
	st, err := s.head(ctx, c.ID)
	if err != nil {
		return err
	}
	if st.version != c.Version {
		return fmt.Errorf("sqlstore: update case %s at version %d, stored version %d: %w", c.ID, c.Version, st.version, caseflow.ErrConflict)
	}
	if err := caseflow.CheckUpdate(st.head, c, s.keys); err != nil {
		return fmt.Errorf("sqlstore: update case %s: %w", c.ID, err)
	}
	erasing, err := s.checkStored(c, st.head)
	if err != nil {
		return fmt.Errorf("sqlstore: update case %s: %w", c.ID, err)
	}
	row, err := s.caseRow(c)
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.updateCase, row.kind, row.state, row.center, row.department, row.window,
			row.received, row.warn, row.due, row.closed, row.headSeq, row.headHash, row.doc, st.seq, c.Version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errStale
		}
		if erasing {
			if err := s.rewrite(ctx, tx, st.seq, c.Trail[:st.head.Seq]); err != nil {
				return err
			}
		}
		return s.writeSteps(ctx, tx, st.seq, c, st.head.Seq, true)
	})
	switch {
	case errors.Is(err, errStale) || err != nil && (isUnique(err) || isDeadlock(err)): // another step came first, or wrote nothing
		return fmt.Errorf("sqlstore: update case %s at version %d: %w", c.ID, c.Version, caseflow.ErrConflict)
	case err != nil:
		return fmt.Errorf("sqlstore: update case %s: %w", c.ID, err)
	}
	c.Version++
	return nil
}

// errStale is an update's finding that the stored version moved on.
var errStale = errors.New("stale version")

// checkStored checks the entries of c's trail up to the stored head: each links to the one
// before (its Prev is that entry's hash) and is numbered in order, so that, the head's hash
// being the stored one, every hash is the stored one. It reports whether c's new entries
// erase personal data; then the whole trail must verify under the store's keys, for the
// store rewrites the stored entries with c's blanked copies.
func (s *Store) checkStored(c *caseflow.Case, head caseflow.Head) (erasing bool, err error) {
	for i, e := range c.Trail[:head.Seq] {
		switch {
		case e == nil || e.Seq != i+1:
			return false, &caseflow.TamperError{Seq: i + 1, Reason: "the update rewrites a stored entry"}
		case i > 0 && e.Prev != c.Trail[i-1].Hash:
			return false, &caseflow.TamperError{Seq: i, Reason: "the update rewrites a stored entry"}
		}
	}
	for _, e := range c.Trail[head.Seq:] {
		if e.Event == caseflow.EventErase {
			erasing = true
		}
	}
	if erasing {
		if _, err := caseflow.Verify(c.Trail, s.keys); err != nil {
			return false, err
		}
	}
	return erasing, nil
}

// rewrite replaces the stored entries with those of trail, which hash alike: an erasure's.
func (s *Store) rewrite(ctx context.Context, tx *sql.Tx, seq int64, trail []*caseflow.Entry) error {
	for _, e := range trail {
		doc, err := json.Marshal((*caseflow.StoredEntry)(e))
		if err != nil {
			return fmt.Errorf("encoding entry %d: %w", e.Seq, err)
		}
		// checkStored proved the hashes are the stored ones; the condition on the hash
		// guards it. (MySQL counts a row rewritten with the same content as unaffected.)
		if _, err := tx.ExecContext(ctx, s.q.rewriteEntry, string(doc), seq, e.Seq, e.Hash.String()); err != nil {
			return err
		}
	}
	return nil
}

// keyHash is the column a case's intake key is unique in: its SHA-256, for keys may be
// longer than a database indexes.
func keyHash(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

// maxID is the longest case ID the store keeps, in characters: the longest a MySQL index
// of utf8mb4 text takes, and the same on every database.
const maxID = 191

// checkID refuses a case ID that every database could not keep and give back as it is:
// empty, longer than maxID characters, not valid UTF-8 (SQLite would keep the bytes and the
// JSON document a replacement character), or holding a control character (PostgreSQL
// refuses NUL). The ID is quoted, escaped, in the error: it is the service's, not personal.
func checkID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("case ID: empty: %w", haochaping.ErrRequired)
	case !utf8.ValidString(id):
		return fmt.Errorf("case ID %q: not valid UTF-8: %w", id, haochaping.ErrMalformed)
	case utf8.RuneCountInString(id) > maxID:
		return fmt.Errorf("case ID %.40q...: longer than %d characters: %w", id, maxID, haochaping.ErrTooLarge)
	case strings.IndexFunc(id, unicode.IsControl) >= 0:
		return fmt.Errorf("case ID %q: holds a control character: %w", id, haochaping.ErrMalformed)
	}
	return nil
}
