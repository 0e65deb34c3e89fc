package sqlstore

import "strings"

// queries are the statements of a store, with its prefix and its dialect's placeholders.
type queries struct {
	d                    Dialect
	cases, entries       string // table names
	duties, outbox       string
	insertCase           string
	updateCase           string
	caseByID, caseByKey  string // seq, version, head_seq, doc
	headByID             string
	seqByID              string
	entriesOf            string // doc of the entries of a case up to a sequence number
	rewriteEntry         string
	deleteDuties         string
	entryInsert          string // INSERT ... VALUES without the rows
	dutyInsert           string
	outboxInsert         string
	entryRow, dutyRow    string // one row's placeholders
	outboxRow            string
	claim, lease, unwind string
	deliver              string
	ratings              string // table name
	ratingInsert         string
	ratingRow            string
	ratingIgnore         string // after the rows: leave out a key stored
}

// caseCols are the columns of a case a listing reads.
const caseCols = "seq, id, version, head_seq, doc"

// dutyCols are the columns of a duty a worklist reads, in the order scanRows reads them.
const dutyCols = "case_seq, idx, summary, duty"

func newQueries(c Config) queries {
	p, d := c.prefix(), c.Dialect
	q := queries{d: d, cases: p + "cases", entries: p + "entries", duties: p + "duties", outbox: p + "outbox"}
	r := d.rebind
	q.insertCase = "INSERT INTO " + q.cases + " (id, key_hash, kind, state, version, center, department, window_id, received_at, warn_at, due_at, closed, head_seq, head_hash, doc) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	if d == Postgres {
		q.insertCase += " RETURNING seq"
	}
	q.insertCase = r(q.insertCase)
	q.updateCase = r("UPDATE " + q.cases + " SET kind = ?, state = ?, version = version + 1, center = ?, department = ?, window_id = ?, received_at = ?, warn_at = ?, due_at = ?, closed = ?, head_seq = ?, head_hash = ?, doc = ? WHERE seq = ? AND version = ?")
	q.caseByID = r("SELECT " + caseCols + " FROM " + q.cases + " WHERE id = ?")
	q.caseByKey = r("SELECT " + caseCols + " FROM " + q.cases + " WHERE key_hash = ?")
	q.headByID = r("SELECT seq, version, head_seq, head_hash FROM " + q.cases + " WHERE id = ?")
	q.seqByID = r("SELECT seq FROM " + q.cases + " WHERE id = ?")
	q.entriesOf = r("SELECT doc FROM " + q.entries + " WHERE case_seq = ? AND seq <= ? ORDER BY seq")
	q.rewriteEntry = r("UPDATE " + q.entries + " SET doc = ? WHERE case_seq = ? AND seq = ? AND hash = ?")
	q.deleteDuties = r("DELETE FROM " + q.duties + " WHERE case_seq = ?")
	q.entryInsert = "INSERT INTO " + q.entries + " (case_seq, seq, event, at, hash, doc) VALUES "
	q.entryRow = "(?, ?, ?, ?, ?, ?)"
	q.dutyInsert = "INSERT INTO " + q.duties + " (case_seq, idx, case_id, kind, state, center, department, window_id, received_at, closed, due_at, warn_at, summary, duty) VALUES "
	q.dutyRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	q.outboxInsert = "INSERT INTO " + q.outbox + " (case_seq, case_id, entry_seq, event, committed_at) VALUES "
	q.outboxRow = "(?, ?, ?, ?, ?)"
	skip := ""
	if d != SQLite {
		skip = " FOR UPDATE SKIP LOCKED"
	}
	q.claim = r("SELECT id, case_id, entry_seq FROM " + q.outbox + " WHERE lease_until IS NULL OR lease_until < ? ORDER BY id LIMIT ?" + skip)
	q.lease = "UPDATE " + q.outbox + " SET lease_until = ?, attempts = attempts + 1 WHERE id IN "
	q.unwind = "UPDATE " + q.outbox + " SET lease_until = NULL WHERE id IN "
	q.deliver = r("DELETE FROM " + q.outbox + " WHERE id = ?")
	q.ratings = p + "ratings"
	q.ratingInsert = "INSERT INTO " + q.ratings + " (key_hash, rating_key, rated_at, level, channel, area_code, department_code, window_id, is_default, doc) VALUES "
	q.ratingRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	q.ratingIgnore = " ON CONFLICT (key_hash) DO NOTHING"
	if d == MySQL {
		q.ratingIgnore = " ON DUPLICATE KEY UPDATE key_hash = key_hash"
	}
	return q
}

// rows returns the statement that inserts n rows: head, then n times row, rebound.
func (q *queries) rows(head, row string, n int) string {
	var b strings.Builder
	b.Grow(len(head) + n*(len(row)+2))
	b.WriteString(head)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	return q.d.rebind(b.String())
}

// in returns head followed by "(?, ?, …)" with n ≥ 1 placeholders, rebound.
func (q *queries) in(head string, n int) string {
	return q.d.rebind(head + "(" + strings.Repeat("?, ", n-1) + "?)")
}
