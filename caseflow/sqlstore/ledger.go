package sqlstore

import (
	"context"
	"database/sql"
	"encoding"
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/haochaping/haochaping"
)

// The store is also the ratings ledger (评价台账) of its database: every rating, good and
// bad, in its ratings table.
var _ haochaping.Ledger = (*Store)(nil)

// ratingsChunk is how many ratings one INSERT of Record writes: ratingCols parameters
// each, well inside every database's limit on parameters.
const ratingsChunk = 500

// ratingCols is how many columns of a rating's row Record writes: the placeholders of
// ratingRow, the arguments ratingArgs returns.
const ratingCols = 10

// Record adds the ratings not yet recorded to the ledger and returns how many it added; see
// [haochaping.Ledger.Record]. The batch is written in one transaction, in INSERTs of 500
// rows that leave out a key already stored (ON CONFLICT DO NOTHING; ON DUPLICATE KEY UPDATE
// on MySQL, whose DSN must not set clientFoundRows, which would count those as added): a
// day's push backlog is one call.
func (s *Store) Record(ctx context.Context, ratings []haochaping.Review) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := haochaping.ValidateRatings(ratings); err != nil {
		return 0, err
	}
	// The rows, first of each key kept, in the order of their primary key: concurrent
	// batches then lock rows in one order and cannot deadlock each other.
	seen := make(map[string]bool, len(ratings))
	rows := make([][]any, 0, len(ratings))
	for _, r := range ratings {
		key := r.Key()
		if seen[key] {
			continue
		}
		seen[key] = true
		row, err := s.ratingArgs(key, r.ForLedger())
		if err != nil {
			return 0, fmt.Errorf("sqlstore: recording ratings: %w", err)
		}
		rows = append(rows, row)
	}
	slices.SortFunc(rows, func(a, b []any) int { return strings.Compare(a[0].(string), b[0].(string)) })
	var added int
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if added, err = s.record(ctx, rows); err == nil || !isDeadlock(err) {
			break
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return 0, fmt.Errorf("sqlstore: recording ratings: %w", err)
	}
	return added, nil
}

// record inserts rows in one transaction, ratingsChunk at a time, and returns how many
// were new.
func (s *Store) record(ctx context.Context, rows [][]any) (added int, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for len(rows) > 0 {
			n := min(len(rows), ratingsChunk)
			args := make([]any, 0, ratingCols*n)
			for _, r := range rows[:n] {
				args = append(args, r...)
			}
			res, err := tx.ExecContext(ctx, s.q.rows(s.q.ratingInsert, s.q.ratingRow, n)+s.q.ratingIgnore, args...)
			if err != nil {
				return err
			}
			k, err := res.RowsAffected()
			if err != nil {
				return err
			}
			added += int(k)
			rows = rows[n:]
		}
		return nil
	})
	return added, err
}

// ratingArgs returns the arguments of a rating's row, in the order of ratingRow.
func (s *Store) ratingArgs(key string, r haochaping.Review) ([]any, error) {
	level, err := r.Level.MarshalText()
	if err != nil {
		return nil, err
	}
	channel, err := r.Channel.MarshalText()
	if err != nil {
		return nil, err
	}
	doc, err := json.Marshal((*haochaping.StoredReview)(&r))
	if err != nil {
		return nil, fmt.Errorf("encoding rating: %w", err)
	}
	return []any{keyHash(key), key, s.d.timeArg(r.Time), string(level), string(channel),
		r.AreaCode, r.DepartmentCode, r.Window, r.Default, string(doc)}, nil
}

// Ratings returns the recorded ratings q selects, by rating time then key; see
// [haochaping.Ledger.Ratings]. It reads them as the caller ranges, one query in all.
func (s *Store) Ratings(ctx context.Context, q haochaping.RatingQuery) iter.Seq2[haochaping.Review, error] {
	return func(yield func(haochaping.Review, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(haochaping.Review{}, err)
			return
		}
		where, args := s.ratingsWhere(q)
		rows, err := s.db.QueryContext(ctx, s.d.rebind("SELECT doc FROM "+s.q.ratings+where+" ORDER BY rated_at, rating_key"), args...)
		if err != nil {
			yield(haochaping.Review{}, s.readErr(ctx, err))
			return
		}
		defer rows.Close()
		var doc []byte
		for rows.Next() {
			if err := ctx.Err(); err != nil { // rows may be buffered past a cancellation
				yield(haochaping.Review{}, err)
				return
			}
			var r haochaping.StoredReview
			err := rows.Scan(&doc)
			if err == nil {
				err = json.Unmarshal(doc, &r)
			}
			if err != nil {
				yield(haochaping.Review{}, s.readErr(ctx, err))
				return
			}
			r.Time = r.Time.In(s.loc)
			if !yield(haochaping.Review(r), nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(haochaping.Review{}, s.readErr(ctx, err))
		}
	}
}

// readErr is ctx's error when ctx is done, else err as the store reports it.
func (s *Store) readErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return fmt.Errorf("sqlstore: reading ratings: %w", err)
}

// ratingsWhere translates q into a WHERE clause over the ratings table, and its arguments.
func (s *Store) ratingsWhere(q haochaping.RatingQuery) (string, []any) {
	var w clause
	// The database keeps microseconds: a bound between two rounds up, which selects the
	// ratings the memory ledger's nanosecond comparison selects.
	if !q.From.IsZero() {
		w.add("rated_at >= ?", s.d.timeArg(ceilMicro(q.From)))
	}
	if !q.To.IsZero() {
		w.add("rated_at < ?", s.d.timeArg(ceilMicro(q.To)))
	}
	w.eq("area_code", q.AreaCode)
	w.eq("department_code", q.DepartmentCode)
	w.eq("window_id", q.Window)
	w.in("channel", codes(q.Channels))
	w.in("level", codes(q.Levels))
	return w.where()
}

// codes returns the stable text codes of vs.
func codes[T encoding.TextMarshaler](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		t, _ := v.MarshalText()
		out[i] = string(t)
	}
	return out
}

// ceilMicro rounds t up to the microsecond.
func ceilMicro(t time.Time) time.Time {
	if u := t.Truncate(time.Microsecond); !u.Equal(t) {
		return u.Add(time.Microsecond)
	}
	return t
}
