package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/scoring"
)

// The store counts its ratings where they are, for the indicators of a large ledger.
var _ scoring.RatingCounter = (*Store)(nil)

// ratingGroupCols are the columns CountRatings groups by, in the order it scans them.
const ratingGroupCols = "area_code, department_code, window_id, channel, level, is_default"

// CountRatings counts the ratings rated in [from, to) by area code, department code,
// window, channel, level and default flag (默认评价), in one SELECT … GROUP BY over the
// ratings table; see [scoring.RatingCounter]. It is the push-down of scoring's indicators:
// it gives what [scoring.CountRatings] gives over [Store.Ratings] for the same period,
// without reading one rating's document. The groups are in [scoring.SortRatingCounts]
// order, each with a positive count.
//
// A zero from or to is an open bound: CountRatings(ctx, time.Time{}, time.Time{}) counts
// the whole ledger. The bounds compare to the nanosecond, as [haochaping.RatingQuery]'s do
// (the database, which keeps microseconds, is given them rounded up). A period with from at
// or after to is empty: CountRatings returns no groups and no error.
//
// It returns ctx's error when ctx is done, and an error wrapping [caseflow.ErrTampered]
// (and [haochaping.ErrUnknownCode]) that names the column for a row whose level or channel
// is not a code the library knows (a bad restore, a hand edit): such a row is not counted.
func (s *Store) CountRatings(ctx context.Context, from, to time.Time) ([]scoring.RatingCount, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := []scoring.RatingCount{}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		return out, nil
	}
	where, args := s.ratingsWhere(haochaping.RatingQuery{From: from, To: to})
	q := s.d.rebind("SELECT " + ratingGroupCols + ", COUNT(*) FROM " + s.q.ratings + where + " GROUP BY " + ratingGroupCols)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.readErr(ctx, err)
	}
	defer rows.Close()
	var level, channel []byte
	for rows.Next() {
		if err := ctx.Err(); err != nil { // rows may be buffered past a cancellation
			return nil, err
		}
		var g scoring.RatingCount
		if err := rows.Scan(&g.AreaCode, &g.DepartmentCode, &g.Window, &channel, &level, flag{&g.Default}, &g.Count); err != nil {
			return nil, s.readErr(ctx, err)
		}
		if err := g.Level.UnmarshalText(level); err != nil {
			return nil, damagedRating("level", err)
		}
		if err := g.Channel.UnmarshalText(channel); err != nil {
			return nil, damagedRating("channel", err)
		}
		if g.Count > 0 {
			out = append(out, g)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, s.readErr(ctx, err)
	}
	scoring.SortRatingCounts(out)
	return merge(out), nil
}

// damagedRating is the error of a row of the ratings table whose column does not decode:
// err, which quotes the value.
func damagedRating(column string, err error) error {
	return fmt.Errorf("sqlstore: counting ratings: the column %s of a row of the ratings table does not read, the row is damaged (restore it from a backup, or from its doc column): %w: %w",
		column, err, caseflow.ErrTampered)
}

// merge adds up the neighbours of sorted counts that are one group: rows whose codes differ
// in the database but decode alike (a Chinese label where its code belongs).
func merge(counts []scoring.RatingCount) []scoring.RatingCount {
	out := counts[:0]
	for _, c := range counts {
		if n := len(out); n > 0 && sameGroup(out[n-1], c) {
			out[n-1].Count += c.Count
			continue
		}
		out = append(out, c)
	}
	return out
}

// sameGroup reports whether a and b count the same group.
func sameGroup(a, b scoring.RatingCount) bool {
	a.Count, b.Count = 0, 0
	return a == b
}
