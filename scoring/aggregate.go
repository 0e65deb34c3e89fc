package scoring

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/haochaping/haochaping"
)

// RatingCount is how many ratings of one period share an area, a department, a window, a
// channel, a level and whether they were given by default: the finest grouping the
// indicators over ratings need, and what an SQL ledger's GROUP BY returns. The codes are
// the ratings' own, as pushed ([haochaping.Review.AreaCode], DepartmentCode, Window).
type RatingCount struct {
	AreaCode       string             `json:"areaCode"`
	DepartmentCode string             `json:"departmentCode"`
	Window         string             `json:"window"`
	Channel        haochaping.Channel `json:"channel"`
	Level          haochaping.Level   `json:"level"`
	// Default is true for ratings the system gave by default (默认评价), false for ratings
	// the reviewer gave (主动评价).
	Default bool  `json:"default"`
	Count   int64 `json:"count"`
}

// RatingCounter counts the ratings of a ledger in groups, so that the indicators of a large
// ledger are computed where its ratings are: package caseflow/sqlstore's Store implements it
// with one GROUP BY per period. [Report.AddRatings] streams the ratings instead; both give
// identical figures (a test checks it on every database).
type RatingCounter interface {
	// CountRatings counts the ratings rated in [from, to) by area code, department code,
	// window, channel, level and default flag; a zero bound is open. It returns each group
	// once, with a positive count, in any order.
	CountRatings(ctx context.Context, from, to time.Time) ([]RatingCount, error)
}

// CountRatings counts a stream of ratings as [RatingCounter] does, for the ratings rated in
// [from, to), a zero bound open; the groups are in [SortRatingCounts] order. It is the reference a
// RatingCounter is tested against; [Report.AddRatings] counts several periods in one pass.
func CountRatings(ratings iter.Seq2[haochaping.Review, error], from, to time.Time) ([]RatingCount, error) {
	groups := map[RatingCount]int64{}
	for r, err := range ratings {
		if err != nil {
			return nil, fmt.Errorf("scoring: reading ratings: %w", err)
		}
		if (!from.IsZero() && r.Time.Before(from)) || (!to.IsZero() && !r.Time.Before(to)) {
			continue
		}
		groups[ratingGroup(r)]++
	}
	out := make([]RatingCount, 0, len(groups))
	for g, n := range groups {
		g.Count = n
		out = append(out, g)
	}
	SortRatingCounts(out)
	return out, nil
}

// ratingGroup returns the group of r, with a zero count.
func ratingGroup(r haochaping.Review) RatingCount {
	return RatingCount{AreaCode: r.AreaCode, DepartmentCode: r.DepartmentCode, Window: r.Window,
		Channel: r.Channel, Level: r.Level, Default: r.Default}
}

// SortRatingCounts sorts counts by area code, department code, window (bytewise), channel,
// level and default flag, so that two counters' answers compare with slices.Equal.
func SortRatingCounts(counts []RatingCount) {
	slices.SortFunc(counts, func(a, b RatingCount) int {
		return cmp.Or(strings.Compare(a.AreaCode, b.AreaCode), strings.Compare(a.DepartmentCode, b.DepartmentCode),
			strings.Compare(a.Window, b.Window), cmp.Compare(a.Channel, b.Channel), cmp.Compare(a.Level, b.Level),
			compareBool(a.Default, b.Default))
	})
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case b:
		return -1
	}
	return 1
}
