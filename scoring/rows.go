package scoring

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/haochaping/haochaping"
)

// Grouping is what the rows of [Report.Rows] are per.
type Grouping string

// The groupings of rows.
const (
	ByTotal   Grouping = "total"   // one row: the whole county
	ByUnit    Grouping = "unit"    // a row per unit (进驻部门, 分中心, 乡镇中心)
	ByWindow  Grouping = "window"  // a row per window of a unit (two units may push one window code)
	ByChannel Grouping = "channel" // a row per channel (评价渠道); on-site complaints apart
)

// Row is the figures of one group in one period, with the previous period's for the
// month-over-month change (环比) and the group's rank.
type Row struct {
	// Key is the unit's or window's ID, or the channel's code ("complaint" for on-site
	// complaints, which come through no channel); empty for the total. Name is what tables
	// print; Unit is the unit of a window.
	Key  string `json:"key"`
	Name string `json:"name"`
	Unit string `json:"unit,omitempty"`
	// Figures are every indicator's, in [Indicators] order.
	Figures []Figure `json:"figures"`
	// Previous are the previous period's figures of the group (Period.Previous), when
	// that period is one of the report's; nil otherwise.
	Previous []Figure `json:"previous,omitempty"`
	// Rank is the group's rank by Definition.RankBy, 1 for the best, equal figures
	// sharing a rank (1, 2, 2, 4); 0 when its figure is undefined.
	Rank int `json:"rank,omitempty"`
}

// Figure returns the row's figure of an indicator.
func (w Row) Figure(id IndicatorID) Figure {
	if i := slices.Index(indicatorIDs, id); i >= 0 && i < len(w.Figures) {
		return w.Figures[i]
	}
	return Figure{ID: id}
}

// Change returns the month-over-month change of an indicator (see [Change]); ok is false
// without a previous figure.
func (w Row) Change(id IndicatorID) (float64, bool) {
	i := slices.Index(indicatorIDs, id)
	if i < 0 || i >= len(w.Previous) {
		return 0, false
	}
	return Change(w.Figures[i], w.Previous[i])
}

// totals are the counts of one group of one period.
type totals struct {
	levels levelCounts
	cases  caseCounts
	volume int64
	volOK  bool // every unit of the group with ratings has a volume
}

// Rows returns the figures of period p per group, sorted by rank, then key (the total is
// one row). A group appears when it has a rating or a case in p or in the previous period.
func (r *Report) Rows(p Period, by Grouping) ([]Row, error) {
	i, err := r.index(p)
	if err != nil {
		return nil, err
	}
	switch by {
	case ByTotal, ByUnit, ByWindow, ByChannel:
	default:
		return nil, fmt.Errorf("scoring: rows: grouping %.20q: want total, unit, window or channel", by)
	}
	cur := r.group(i, by)
	prev := map[string]*totals{}
	j := slices.Index(r.periods, p.Previous())
	if j >= 0 {
		prev = r.group(j, by)
	}
	keys := make([]string, 0, len(cur)+len(prev))
	for k := range cur {
		keys = append(keys, k)
	}
	for k := range prev {
		if cur[k] == nil {
			keys = append(keys, k)
		}
	}
	rows := make([]Row, 0, len(keys))
	for _, k := range keys {
		row := Row{Key: k, Name: r.groupName(by, k)}
		if by == ByWindow { // a window is its unit's: two units may push the same window code
			row.Unit, row.Key, _ = strings.Cut(k, windowSep)
			row.Name = r.def.name(row.Key)
		}
		row.Figures = r.figures(cmp.Or(cur[k], &totals{}))
		if j >= 0 {
			row.Previous = r.figures(cmp.Or(prev[k], &totals{}))
		}
		rows = append(rows, row)
	}
	r.rank(rows)
	return rows, nil
}

// windowSep joins a window's unit and code in the key of its group.
const windowSep = "\x00"

// groupKey returns the key of a group under by.
func groupKey(by Grouping, unit, window string, ch haochaping.Channel) string {
	switch by {
	case ByUnit:
		return unit
	case ByWindow:
		return unit + windowSep + window
	case ByChannel:
		if ch == 0 {
			return "complaint"
		}
		return ch.String()
	}
	return ""
}

// group sums the counts of period i by the groups of by.
func (r *Report) group(i int, by Grouping) map[string]*totals {
	out := map[string]*totals{}
	get := func(k string) *totals {
		t := out[k]
		if t == nil {
			t = &totals{volOK: true}
			out[k] = t
		}
		return t
	}
	units := map[string]map[string]bool{} // group → units with ratings, for the volumes
	pc := &r.counts[i]
	for k, n := range pc.ratings {
		unit := r.def.unit(k.department)
		g := groupKey(by, unit, k.window, k.channel)
		t := get(g)
		for d := range n {
			for l := range n[d] {
				t.levels[d][l] += n[d][l]
			}
		}
		if units[g] == nil {
			units[g] = map[string]bool{}
		}
		units[g][unit] = true
	}
	for k, n := range pc.cases {
		t := &get(groupKey(by, k.unit, k.window, k.channel)).cases
		t.cases += n.cases
		t.toRectify += n.toRectify
		t.rectified += n.rectified
		t.onTime += n.onTime
		t.realName += n.realName
		t.calledBack += n.calledBack
		t.resultAsked += n.resultAsked
		t.satisfied += n.satisfied
		t.appealed += n.appealed
		t.decided += n.decided
		t.upheld += n.upheld
		t.overdue += n.overdue
	}
	if by == ByTotal || by == ByUnit {
		for g, us := range units {
			t := out[g]
			for u := range us {
				v, ok := pc.volumes[u]
				t.volume += v
				t.volOK = t.volOK && ok
			}
		}
	} else {
		for _, t := range out {
			t.volOK = false
		}
	}
	return out
}

// figures computes every indicator of t, in indicatorIDs order.
func (r *Report) figures(t *totals) []Figure {
	var all, active, good, activeGood, bad, scored, points int64
	for d := range t.levels {
		for _, l := range haochaping.Levels() {
			n := t.levels[d][l]
			counted := d == 0 || !r.def.ExcludeDefault
			if d == 0 {
				active += n
				if r.def.good(l) {
					activeGood += n
				}
			}
			if !counted {
				continue
			}
			all += n
			if r.def.good(l) {
				good += n
			}
			if l.IsBad() && d == 0 { // a default rating is never a bad review (第二条)
				bad += n
			}
			pts, _ := r.def.Points.Of(l)
			scored += n
			points += n * int64(pts)
		}
	}
	ratingBase := "评价数"
	if r.def.ExcludeDefault {
		ratingBase = "主动评价数"
	}
	volBase, volDen, activeDen := ratingBase, all, all
	activeBase := "评价数（含默认评价）"
	if r.def.VolumeBase && t.volOK && t.volume > 0 {
		volBase, volDen, activeDen, activeBase = "办件量", t.volume, t.volume, "办件量"
	} else {
		// 主动评价率 is over every rating, default ones included, whatever ExcludeDefault says.
		activeDen = sum(t.levels[0]) + sum(t.levels[1])
	}
	avg := Figure{ID: AverageScore, Numerator: points, Denominator: scored, Base: ratingBase}
	if scored > 0 {
		avg.Value, avg.Defined = float64(points)/float64(scored)*r.def.Scale, true
	}
	c := t.cases
	rectifyBase := "属实差评办件数"
	if r.def.RectifyBase == RectifyAll {
		rectifyBase = "差评办件数（不含误评、不实差评和误立案件）"
	}
	return []Figure{
		count(Ratings, all),
		count(ActiveRatings, active),
		ratio(ActiveRate, active, activeDen, activeBase),
		ratio(GoodRate, good, all, ratingBase),
		ratio(ActiveGoodRate, activeGood, active, "主动评价数"),
		count(BadReviews, bad),
		ratio(BadRate, bad, volDen, volBase),
		avg,
		count(Cases, c.cases),
		ratio(RectifyRate, c.rectified, c.toRectify, rectifyBase),
		ratio(OnTimeRate, c.onTime, c.rectified, "已整改差评办件数"),
		ratio(CallbackRate, c.calledBack, c.realName, "实名差评数"),
		ratio(SatisfiedRate, c.satisfied, c.resultAsked, "再次回访数"),
		count(Appeals, c.appealed),
		ratio(UpheldRate, c.upheld, c.decided, "已答复申诉数"),
		count(OverdueCases, c.overdue),
	}
}

func sum(l [6]int64) int64 {
	var s int64
	for _, n := range l {
		s += n
	}
	return s
}

// rank sorts rows by Definition.RankBy, best first, then by key, and gives each its rank:
// equal values share one; an undefined value is unranked and last. For the default 好评率,
// 平均分 breaks ties.
func (r *Report) rank(rows []Row) {
	by := r.def.RankBy
	i := slices.Index(indicatorIDs, by)
	avg := slices.Index(indicatorIDs, AverageScore)
	better := func(a, b Row) int { // <0 when a ranks before b
		fa, fb := a.Figures[i], b.Figures[i]
		switch {
		case fa.Defined != fb.Defined:
			if fa.Defined {
				return -1
			}
			return 1
		case !fa.Defined:
			return 0
		}
		c := cmp.Compare(fb.Value, fa.Value)
		if by.LowerIsBetter() {
			c = -c
		}
		if c == 0 && by == GoodRate {
			c = cmp.Compare(b.Figures[avg].Value, a.Figures[avg].Value)
		}
		return c
	}
	slices.SortStableFunc(rows, func(a, b Row) int { return cmp.Or(better(a, b), strings.Compare(a.Key, b.Key)) })
	for k := range rows {
		switch {
		case !rows[k].Figures[i].Defined:
			rows[k].Rank = 0
		case k > 0 && better(rows[k-1], rows[k]) == 0:
			rows[k].Rank = rows[k-1].Rank
		default:
			rows[k].Rank = k + 1
		}
	}
}

// groupName returns what a table prints for a group.
func (r *Report) groupName(by Grouping, key string) string {
	switch by {
	case ByTotal:
		return "全县"
	case ByChannel:
		if key == "complaint" {
			return "现场投诉"
		}
		var ch haochaping.Channel
		if ch.UnmarshalText([]byte(key)) == nil {
			return ch.Label()
		}
	}
	return r.def.name(key)
}
