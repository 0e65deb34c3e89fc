package scoring

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// Report computes the indicators of one or more periods from streams of ratings and
// cases: a vendor adds the ratings ([Report.AddRatings] from any ledger's Ratings, or
// [Report.AddRatingCounts] from a [RatingCounter] such as the SQL store, which counts
// them with GROUP BY), the cases ([Report.AddCases]) and, where it has them, the matters
// handled ([Report.SetVolume]), then reads [Report.Rows] and the breakdowns.
//
// A Report keeps counts per period, unit, window and channel, never the ratings or cases
// themselves: its memory grows with the number of groups, not of ratings. The two ways of
// adding ratings fill the same counts, so they give identical figures. A Report is not
// safe for concurrent use.
type Report struct {
	def     Definition
	at      time.Time
	periods []Period
	bounds  [][2]int64 // the periods in Unix microseconds, for a quick lookup

	counts []periodCounts // by period
}

// periodCounts are the counts of one period, by group.
type periodCounts struct {
	ratings map[ratingKey]*levelCounts
	cases   map[caseKey]*caseCounts
	options map[optionKey]int64
	causes  map[causeKey]int64
	overdue []OverdueCase
	volumes map[string]int64 // by unit
}

type ratingKey struct {
	department string // as pushed; Definition.Units maps it to a unit
	window     string
	channel    haochaping.Channel
}

// levelCounts counts ratings by default flag and level.
type levelCounts [2][6]int64

type caseKey struct {
	unit, window string
	channel      haochaping.Channel
}

type caseCounts struct {
	cases, toRectify, rectified, onTime, realName, calledBack, resultAsked, satisfied,
	appealed, decided, upheld, overdue int64
}

type optionKey struct {
	unit              string
	list, code, label string
	dimension         haochaping.Dimension
}

type causeKey struct {
	unit      string
	dimension haochaping.Dimension
}

// OverdueCase is a case with a duty fulfilled late or open past its due time: the
// bulletin names them.
type OverdueCase struct {
	Case   string `json:"case"`
	Unit   string `json:"unit"`
	Window string `json:"window"`
	// Duty is the duty in Chinese, Rule its article; Due its due time; Done when it was
	// fulfilled, zero while it is open.
	Duty string    `json:"duty"`
	Rule string    `json:"rule"`
	Due  time.Time `json:"due"`
	Done time.Time `json:"done,omitzero"`
}

// maxPeriods bounds the periods of one report: ten years of months.
const maxPeriods = 120

// NewReport returns an empty report of the periods under def. at is the time the report is
// made as of: a duty still open past its due time at at counts as overdue. The periods must
// be valid and must not overlap; a rating or case outside them is not counted.
func NewReport(def Definition, at time.Time, periods ...Period) (*Report, error) {
	if err := def.Validate(); err != nil {
		return nil, err
	}
	if len(periods) == 0 || len(periods) > maxPeriods {
		return nil, fmt.Errorf("scoring: report: %d periods: want 1 to %d", len(periods), maxPeriods)
	}
	ps := make([]Period, len(periods))
	for i, p := range periods {
		if !p.Valid() {
			return nil, fmt.Errorf("scoring: report: periods[%d] %v: want From before To", i, p)
		}
		ps[i] = p.In()
	}
	slices.SortFunc(ps, func(a, b Period) int { return a.From.Compare(b.From) })
	bounds := make([][2]int64, len(ps))
	for i, p := range ps {
		if i > 0 && p.From.Before(ps[i-1].To) {
			return nil, fmt.Errorf("scoring: report: periods %v and %v overlap", ps[i-1], p)
		}
		bounds[i] = [2]int64{ceilMicro(p.From), ceilMicro(p.To)}
	}
	counts := make([]periodCounts, len(ps))
	for i := range counts {
		counts[i] = periodCounts{ratings: map[ratingKey]*levelCounts{}, cases: map[caseKey]*caseCounts{},
			options: map[optionKey]int64{}, causes: map[causeKey]int64{}, volumes: map[string]int64{}}
	}
	return &Report{def: def.withDefaults(), at: at, periods: ps, bounds: bounds, counts: counts}, nil
}

// ceilMicro returns t in Unix microseconds, rounded up: ledgers keep rating times to the
// microsecond, and an SQL ledger rounds a bound up the same way, so that a bound between two
// microseconds selects the same ratings on both paths.
func ceilMicro(t time.Time) int64 {
	us := t.UnixMicro()
	if t.Sub(time.UnixMicro(us)) > 0 {
		us++
	}
	return us
}

// Periods returns the report's periods, oldest first.
func (r *Report) Periods() []Period { return slices.Clone(r.periods) }

// Definition returns the definition the report counts under, with its defaults.
func (r *Report) Definition() Definition { return r.def }

// period returns the index of the period t falls in, or -1. Times compare to the
// microsecond, as ledgers keep them.
func (r *Report) period(t time.Time) int {
	us := t.UnixMicro()
	i, _ := slices.BinarySearchFunc(r.bounds, us, func(b [2]int64, us int64) int { return cmp.Compare(b[1], us+1) })
	if i < len(r.bounds) && r.bounds[i][0] <= us && us < r.bounds[i][1] {
		return i
	}
	return -1
}

// periodFrom returns the index of the period t falls in or, for a t before it, of the first
// period after t; -1 when t is after every period.
func (r *Report) periodFrom(t time.Time) int {
	us := t.UnixMicro()
	i, _ := slices.BinarySearchFunc(r.bounds, us, func(b [2]int64, us int64) int { return cmp.Compare(b[1], us+1) })
	if i == len(r.bounds) {
		return -1
	}
	return i
}

// AddRatings counts a stream of ratings, such as a [haochaping.Ledger]'s Ratings, in one
// pass over every period. A rating outside the periods is skipped. It stops at the first
// error of the stream and returns it.
func (r *Report) AddRatings(ratings iter.Seq2[haochaping.Review, error]) error {
	for rt, err := range ratings {
		if err != nil {
			return fmt.Errorf("scoring: reading ratings: %w", err)
		}
		if p := r.period(rt.Time); p >= 0 {
			r.addRating(p, ratingKey{rt.DepartmentCode, rt.Window, rt.Channel}, rt.Level, rt.Default, 1)
		}
	}
	return nil
}

// AddRatingCounts counts the ratings of every period through c, one CountRatings call per
// period: the push-down for a large ledger.
func (r *Report) AddRatingCounts(ctx context.Context, c RatingCounter) error {
	for i, p := range r.periods {
		counts, err := c.CountRatings(ctx, p.From, p.To)
		if err != nil {
			return fmt.Errorf("scoring: counting ratings of %v: %w", p, err)
		}
		for _, n := range counts {
			if n.Count <= 0 || !n.Level.Valid() {
				return fmt.Errorf("scoring: counting ratings of %v: a group of %d ratings of level %v", p, n.Count, n.Level)
			}
			r.addRating(i, ratingKey{n.DepartmentCode, n.Window, n.Channel}, n.Level, n.Default, n.Count)
		}
	}
	return nil
}

func (r *Report) addRating(p int, k ratingKey, l haochaping.Level, def bool, n int64) {
	c := r.counts[p].ratings[k]
	if c == nil {
		c = new(levelCounts)
		r.counts[p].ratings[k] = c
	}
	d := 0
	if def {
		d = 1
	}
	if l.Valid() {
		c[d][l] += n
	}
}

// AddCases counts a stream of cases, in the period each was received in (Case.ReceivedAt):
// its unit and window (the responsible window's, once transferred), its rectification, its
// callbacks, its appeal, its options and causes. Its overdue duties count apart, in the
// periods they were overdue in ([Report.Overdue]), whenever the case was received. It stops
// at the first error of the stream and returns it. [All] makes a stream of a slice,
// [StoredCases] of a store.
func (r *Report) AddCases(cases iter.Seq2[*caseflow.Case, error]) error {
	for c, err := range cases {
		if err != nil {
			return fmt.Errorf("scoring: reading cases: %w", err)
		}
		if c == nil {
			continue
		}
		f := factsOf(c, &r.def)
		r.addOverdue(c, f)
		p := r.period(c.ReceivedAt)
		if p < 0 {
			continue
		}
		pc := &r.counts[p]
		n := pc.group(f)
		n.cases++
		for _, x := range []struct {
			on bool
			n  *int64
		}{{f.toRectify, &n.toRectify}, {f.rectified, &n.rectified}, {f.onTime, &n.onTime}, {f.realName, &n.realName},
			{f.calledBack, &n.calledBack}, {f.resultAsked, &n.resultAsked}, {f.satisfied, &n.satisfied},
			{f.appealed, &n.appealed}, {f.decided, &n.decided}, {f.upheld, &n.upheld}} {
			if x.on {
				*x.n++
			}
		}
		for _, o := range f.options {
			pc.options[optionKey{f.unit, o.List, o.Code, o.Label, o.Dimension}]++
		}
		for _, d := range f.causes {
			pc.causes[causeKey{f.unit, d}]++
		}
	}
	return nil
}

// group returns the counts of the group of a case with facts f, made when new.
func (pc *periodCounts) group(f facts) *caseCounts {
	k := caseKey{f.unit, f.window, f.channel}
	n := pc.cases[k]
	if n == nil {
		n = new(caseCounts)
		pc.cases[k] = n
	}
	return n
}

// addOverdue names the overdue duties of case c (its window's or unit's duties, 第十条) in
// the periods they were overdue in: a duty fulfilled late in the period its due time falls
// in; a duty still open past its due time at the report's time in that period and in every
// later one, as outstanding, so that a month's bulletin names what is still overdue
// whenever it fell due. The case counts once in 超期办件数 of each such period.
func (r *Report) addOverdue(c *caseflow.Case, f facts) {
	counted := map[int]bool{}
	for _, d := range overdueDuties(c, r.at) {
		first := r.periodFrom(d.Deadline.Due)
		last := first
		if d.Open() {
			last = len(r.periods) - 1
		} else if first >= 0 && !r.periods[first].Contains(d.Deadline.Due) {
			continue // fulfilled late, due outside every period
		}
		for p := max(first, 0); first >= 0 && p <= last; p++ {
			pc := &r.counts[p]
			pc.overdue = append(pc.overdue, OverdueCase{Case: c.ID, Unit: f.unit, Window: f.window,
				Duty: d.Label(), Rule: d.Rule(), Due: d.Deadline.Due, Done: c.ClosedAt(d)})
			if !counted[p] {
				counted[p] = true
				pc.group(f).overdue++
			}
		}
	}
}

// SetVolume gives the matters handled (办件量) by a unit in a period, which the rating system
// does not push: with Definition.VolumeBase, 主动评价率 and 差评率 of that unit and period are
// computed over it. The period must be one of the report's.
func (r *Report) SetVolume(p Period, unit string, n int64) error {
	i := slices.Index(r.periods, p.In())
	switch {
	case i < 0:
		return fmt.Errorf("scoring: volume: %v is not a period of the report", p)
	case n < 0:
		return fmt.Errorf("scoring: volume of %q in %v: %d is negative", unit, p, n)
	}
	r.counts[i].volumes[unit] = n
	return nil
}

// All returns a stream of the values of a slice, without error, for [Report.AddCases] and
// [Appraise].
func All[T any](s []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, v := range s {
			if !yield(v, nil) {
				return
			}
		}
	}
}

// StoredCases returns a stream of the cases of a store that f selects, a page of 500 at a
// time; a store's error is yielded once, with a nil case, and ends the stream.
func StoredCases(ctx context.Context, s caseflow.Store, f caseflow.Filter) iter.Seq2[*caseflow.Case, error] {
	return func(yield func(*caseflow.Case, error) bool) {
		page := caseflow.Page{Limit: 500}
		for {
			cases, next, err := s.List(ctx, f, page)
			if err != nil {
				yield(nil, err)
				return
			}
			for _, c := range cases {
				if !yield(c, nil) {
					return
				}
			}
			if next == "" {
				return
			}
			page.After = next
		}
	}
}

var errNoPeriod = errors.New("not a period of the report")

// index returns the index of period p in the report.
func (r *Report) index(p Period) (int, error) {
	i := slices.Index(r.periods, p.In())
	if i < 0 {
		return 0, fmt.Errorf("scoring: %v: %w", p, errNoPeriod)
	}
	return i, nil
}
