package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/haochaping/haochaping/caseflow"
)

// Deliver hands the committed steps of the outbox to fn, oldest first, at most limit of
// them (all pending when limit < 1), and returns how many fn took. Every step the store
// commits (a receipt, each step taken) is written to the outbox in the step's own
// transaction, so a step is never committed without its row; Deliver deletes a row once
// fn returns nil for it. That is delivery at least once: a process that dies after fn
// and before the delete delivers the step again, so fn must be idempotent (key it on the
// case ID and the entry's Seq). Run it on a timer, or after each step as
// [caseflow.Service.OnCommit] would be.
//
// Deliver claims the rows it hands out for lease (a minute when 0), so that deliverers
// in several processes share the work: a row whose deliverer died is handed out again once
// its lease runs out. Steps of one case are claimed in their order; across deliverers,
// order is not guaranteed. fn's Committed holds the entry and the case as stored when
// delivered, which may be later than the entry. Deliver stops at fn's first error, returns
// it, and releases the rows not delivered.
func (s *Store) Deliver(ctx context.Context, limit int, lease time.Duration, fn func(context.Context, caseflow.Committed) error) (int, error) {
	if lease <= 0 {
		lease = time.Minute
	}
	if limit < 1 {
		limit = 1 << 30
	}
	claimed, err := s.claim(ctx, limit, lease)
	if err != nil || len(claimed) == 0 {
		return 0, err
	}
	cases := map[string]*caseflow.Case{}
	for i, r := range claimed {
		err := s.deliver(ctx, r, cases, fn)
		if err != nil {
			s.release(ctx, claimed[i:])
			return i, err
		}
	}
	return len(claimed), nil
}

// outboxRow is a claimed row of the outbox.
type outboxRow struct {
	id     int64
	caseID string
	seq    int
}

// claim leases up to limit rows of the outbox not leased now, oldest first.
func (s *Store) claim(ctx context.Context, limit int, lease time.Duration) ([]outboxRow, error) {
	now := s.now()
	var out []outboxRow
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q.claim, s.d.timeArg(now), limit)
		if err != nil {
			return err
		}
		for rows.Next() {
			var r outboxRow
			if err := rows.Scan(&r.id, &r.caseID, &r.seq); err != nil {
				rows.Close()
				return err
			}
			out = append(out, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil || len(out) == 0 {
			return err
		}
		return s.inIDs(ctx, tx, s.q.lease, out, s.d.timeArg(now.Add(lease)))
	})
	if err != nil {
		return nil, fmt.Errorf("sqlstore: claiming the outbox: %w", err)
	}
	return out, nil
}

// inIDs runs the statement head (ending in "IN ") over the IDs of rows, in chunks, with
// the arguments first before the IDs.
func (s *Store) inIDs(ctx context.Context, q execer, head string, rows []outboxRow, first ...any) error {
	const chunk = 500
	for len(rows) > 0 {
		n := min(chunk, len(rows))
		args := append([]any{}, first...)
		for _, r := range rows[:n] {
			args = append(args, r.id)
		}
		if _, err := q.ExecContext(ctx, s.q.in(head, n), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// deliver hands row r to fn and deletes it once fn took it.
func (s *Store) deliver(ctx context.Context, r outboxRow, cases map[string]*caseflow.Case, fn func(context.Context, caseflow.Committed) error) error {
	c := cases[r.caseID]
	if c == nil || len(c.Trail) < r.seq {
		var err error
		if c, err = s.Get(ctx, r.caseID); err != nil {
			return err
		}
		cases[r.caseID] = c
	}
	if r.seq < 1 || r.seq > len(c.Trail) {
		return fmt.Errorf("sqlstore: outbox row %d: case %s has no entry %d", r.id, r.caseID, r.seq)
	}
	if err := fn(ctx, caseflow.Committed{Case: c, Entry: c.Trail[r.seq-1]}); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, s.q.deliver, r.id)
	return err
}

// release gives back the lease of the rows not delivered, so that the next Deliver hands
// them out at once.
func (s *Store) release(ctx context.Context, rows []outboxRow) {
	// On failure the leases run out by themselves.
	_ = s.inIDs(context.WithoutCancel(ctx), s.db, s.q.unwind, rows)
}

// Pending returns how many committed steps the outbox holds: those not yet delivered.
func (s *Store) Pending(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+s.q.outbox).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlstore: counting the outbox: %w", err)
	}
	return n, nil
}
