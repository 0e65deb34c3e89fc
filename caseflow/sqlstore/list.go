package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/haochaping/haochaping/caseflow"
)

// where translates f into a WHERE clause over the columns that the cases table and the
// duties table share (kind, state, center, department, window_id, received_at, closed,
// warn_at, due_at), and its arguments. On the cases table warn_at and due_at are a case's
// earliest; on the duties table, each duty's own.
func (s *Store) where(f caseflow.Filter) (string, []any) {
	var w clause
	w.eq("kind", string(f.Kind))
	states := make([]string, len(f.States))
	for i, st := range f.States {
		states[i] = string(st)
	}
	w.in("state", states)
	if f.Open {
		w.add("closed = ?", false)
	}
	w.eq("center", f.Center)
	w.eq("department", f.Department)
	w.eq("window_id", f.Window)
	// The database keeps microseconds: a bound between two rounds up, which selects the
	// cases the memory store's nanosecond comparison selects.
	if !f.ReceivedFrom.IsZero() {
		w.add("received_at >= ?", s.d.timeArg(ceilMicro(f.ReceivedFrom)))
	}
	if !f.ReceivedTo.IsZero() {
		w.add("received_at < ?", s.d.timeArg(ceilMicro(f.ReceivedTo)))
	}
	if !f.AtRiskAt.IsZero() {
		w.add("warn_at <= ?", s.d.timeArg(f.AtRiskAt))
	}
	if !f.OverdueAt.IsZero() { // an overdue duty is at risk: warn_at's index rules out the rest
		w.add("warn_at <= ? AND due_at <= ?", s.d.timeArg(f.OverdueAt), s.d.timeArg(f.OverdueAt))
	}
	return w.where()
}

// clause gathers the conditions of a WHERE clause and their arguments.
type clause struct {
	conds []string
	args  []any
}

func (w *clause) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// eq adds col = v when v is set.
func (w *clause) eq(col, v string) {
	if v != "" {
		w.add(col+" = ?", v)
	}
}

// in adds col IN (vs…) when vs has any.
func (w *clause) in(col string, vs []string) {
	if len(vs) == 0 {
		return
	}
	args := make([]any, len(vs))
	for i, v := range vs {
		args[i] = v
	}
	w.add(col+" IN ("+strings.Repeat("?, ", len(vs)-1)+"?)", args...)
}

// where returns the clause, empty when there is no condition, and its arguments.
func (w *clause) where() (string, []any) {
	if len(w.conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(w.conds, " AND "), w.args
}

// List returns a page of the cases f matches, in creation order; see [caseflow.Store.List].
// Its cursor is the last case's ID.
func (s *Store) List(ctx context.Context, f caseflow.Filter, p caseflow.Page) ([]*caseflow.Case, string, error) {
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	where, args := s.where(f)
	if p.After != "" {
		var after int64
		err := s.db.QueryRowContext(ctx, s.q.seqByID, p.After).Scan(&after)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, "", fmt.Errorf("sqlstore: list after %q: %w", p.After, caseflow.ErrBadCursor)
		}
		if err != nil {
			return nil, "", fmt.Errorf("sqlstore: list: %w", err)
		}
		where, args = and(where, "seq > ?"), append(args, after)
	}
	q := "SELECT " + caseCols + " FROM " + s.q.cases + where + " ORDER BY seq"
	if p.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", p.Limit+1)
	}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return nil, "", fmt.Errorf("sqlstore: list: %w", err)
	}
	var found []storedRow
	for rows.Next() {
		var r storedRow
		if err := rows.Scan(r.dest()...); err != nil {
			rows.Close()
			return nil, "", fmt.Errorf("sqlstore: list: %w", err)
		}
		found = append(found, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("sqlstore: list: %w", err)
	}
	more := p.Limit > 0 && len(found) > p.Limit
	if more {
		found = found[:p.Limit]
	}
	out := make([]*caseflow.Case, len(found))
	for i := range found {
		c, err := s.assemble(ctx, &found[i])
		if err != nil {
			return nil, "", err
		}
		out[i] = c
	}
	if more {
		return out, out[len(out)-1].ID, nil
	}
	return out, "", nil
}

// and adds cond to a WHERE clause.
func and(where, cond string) string {
	if where == "" {
		return " WHERE " + cond
	}
	return where + " AND " + cond
}

// ScanDuties calls fn for the open timed duties of the cases f selects; see
// [caseflow.Store.ScanDuties]. It reads the duties table, in the order the cases were
// created and their duties started, and no case document.
func (s *Store) ScanDuties(ctx context.Context, f caseflow.Filter, fn func(caseflow.OpenDuty) error) error {
	return s.scan(ctx, f, "case_seq, idx", fn)
}

// ScanDutiesByDue calls fn for the open timed duties of the cases f selects, soonest due
// first (then in the order of ScanDuties), from the index on due times: a worklist's first
// page reads only its rows. It reads them in batches, each beginning after the last duty of
// the one before (keyset paging on the index's columns), so that a server never sorts and
// sends the whole worklist to a caller that wants its first page: the first batch is small,
// the next ones grow. It stops at and returns fn's first error.
func (s *Store) ScanDutiesByDue(ctx context.Context, f caseflow.Filter, fn func(caseflow.OpenDuty) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	where, args := s.where(f)
	sums := map[int64]*caseflow.CaseSummary{}
	var last *dutyRow
	for batch := firstBatch; ; batch = min(4*batch, lastBatch) {
		w, a := where, args
		if last != nil {
			w = and(w, "due_at >= ? AND (due_at > ? OR case_seq > ? OR (case_seq = ? AND idx > ?))")
			due := s.d.timeArg(last.due)
			a = append(append([]any{}, args...), due, due, last.caseSeq, last.caseSeq, last.idx)
		}
		q := fmt.Sprintf("SELECT %s FROM %s%s ORDER BY due_at, case_seq, idx LIMIT %d", dutyCols, s.q.duties, w, batch)
		n, r, err := s.scanRows(ctx, q, a, sums, fn)
		if err != nil || n < batch {
			return err
		}
		last = r
	}
}

// The sizes of ScanDutiesByDue's batches: the first a page or so, the last big enough that
// a whole worklist costs few queries.
const (
	firstBatch = 128
	lastBatch  = 8192
)

func (s *Store) scan(ctx context.Context, f caseflow.Filter, order string, fn func(caseflow.OpenDuty) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	where, args := s.where(f)
	_, _, err := s.scanRows(ctx, "SELECT "+dutyCols+" FROM "+s.q.duties+where+" ORDER BY "+order, args, map[int64]*caseflow.CaseSummary{}, fn)
	return err
}

// scanRows runs the query q (with ? placeholders) over the duties table, calls fn for each
// duty it reads, and returns how many it read and the last row. sums holds the summaries of
// the cases read, by sequence number.
func (s *Store) scanRows(ctx context.Context, q string, args []any, sums map[int64]*caseflow.CaseSummary, fn func(caseflow.OpenDuty) error) (int, *dutyRow, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(q), args...)
	if err != nil {
		return 0, nil, fmt.Errorf("sqlstore: scanning duties: %w", err)
	}
	defer rows.Close()
	var r dutyRow
	var summary, packed string
	rs := rules{}
	n := 0
	for rows.Next() {
		if err := rows.Scan(&r.caseSeq, &r.idx, &summary, &packed); err != nil {
			return n, nil, fmt.Errorf("sqlstore: scanning duties: %w", err)
		}
		n++
		sum := sums[r.caseSeq]
		if sum == nil {
			if len(sums) > 4096 { // keep the map small: in ScanDuties order only the last matters
				clear(sums)
			}
			v, err := unpackSummary(summary, s.loc)
			if err != nil {
				return n, nil, fmt.Errorf("sqlstore: case %d, duty %d: %w", r.caseSeq, r.idx, err)
			}
			sum = &v
			sums[r.caseSeq] = sum
		}
		d := new(caseflow.Duty)
		if err := unpackDuty(packed, s.loc, rs, d); err != nil {
			return n, nil, fmt.Errorf("sqlstore: case %s, duty %d: %w", sum.ID, r.idx, err)
		}
		r.due = d.Deadline.Due
		if err := fn(caseflow.OpenDuty{Case: sum, Duty: d, Due: d.Deadline.Due, Warn: d.Deadline.Warn, Provisional: d.Deadline.Provisional}); err != nil {
			return n, nil, err
		}
	}
	return n, &r, rows.Err()
}

// dutyRow is where the last row of a scan was: ScanDutiesByDue's next batch starts after it.
type dutyRow struct {
	caseSeq int64
	idx     int
	due     time.Time
}
