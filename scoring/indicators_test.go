package scoring_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/scoring"
)

// monthReport returns the report of October and November of the small month, made from
// the memory ledger's ratings and the cases.
func monthReport(t *testing.T, def scoring.Definition) *scoring.Report {
	t.Helper()
	led := haochaping.NewMemoryLedger()
	_, err := led.Record(t.Context(), monthRatings())
	require.NoError(t, err)
	r, err := scoring.NewReport(def, asOf, october, november)
	require.NoError(t, err)
	require.NoError(t, r.AddRatings(led.Ratings(t.Context(), haochaping.RatingQuery{})))
	require.NoError(t, r.AddCases(scoring.All(monthCases())))
	return r
}

// fig is what a test expects of a figure: numerator, denominator, and whether it is
// defined.
type fig struct {
	num, den int64
	defined  bool
}

func checkFigures(t *testing.T, row scoring.Row, want map[scoring.IndicatorID]fig) {
	t.Helper()
	for id, w := range want {
		f := row.Figure(id)
		assert.Equalf(t, w, fig{f.Numerator, f.Denominator, f.Defined}, "%s %s", row.Name, id.Label())
		if w.defined && w.den > 0 && id != scoring.AverageScore {
			assert.InDeltaf(t, float64(w.num)/float64(w.den), f.Value, 1e-12, "%s %s", row.Name, id.Label())
		}
	}
}

// 第三条: the office counts the ratings and the cases; every indicator of November,
// worked out by hand from month_test.go.
func TestIndicators第三条HandComputedMonth(t *testing.T) {
	r := monthReport(t, scoring.Definition{})
	rows, err := r.Rows(november, scoring.ByTotal)
	require.NoError(t, err)
	require.Len(t, rows, 1)
	total := rows[0]
	checkFigures(t, total, map[scoring.IndicatorID]fig{
		scoring.Ratings:        {15, 0, true},  // 7 + 3 + 5
		scoring.ActiveRatings:  {12, 0, true},  // 15 less 3 by default
		scoring.ActiveRate:     {12, 15, true}, // over every rating
		scoring.GoodRate:       {12, 15, true}, // 6 + 2 + 4
		scoring.ActiveGoodRate: {9, 12, true},  // 12 good less 3 default
		scoring.BadReviews:     {3, 0, true},
		scoring.BadRate:        {3, 15, true},
		scoring.AverageScore:   {59, 15, true}, // 28 + 9 + 22 points
		scoring.Cases:          {5, 0, true},   // C1 to C5
		scoring.RectifyRate:    {3, 4, true},   // C1, C2, C5 of C1, C2, C4, C5
		scoring.OnTimeRate:     {2, 3, true},   // C2's report was late
		scoring.CallbackRate:   {2, 3, true},   // C1, C3 reached of C1, C3, C4 (C2 anonymous, C5 on site)
		scoring.SatisfiedRate:  {2, 3, true},   // C1, C5 of C1, C4, C5
		scoring.Appeals:        {1, 0, true},   // C3
		scoring.UpheldRate:     {1, 1, true},
		scoring.OverdueCases:   {2, 0, true}, // C2 late, C4 open past due at asOf
	})
	assert.InDelta(t, 59.0/15, total.Figure(scoring.AverageScore).Value, 1e-12)
	assert.Equal(t, "评价数", total.Figure(scoring.GoodRate).Base)
	assert.Equal(t, "属实差评办件数", total.Figure(scoring.RectifyRate).Base)

	// 环比: October had 4 ratings, 3 good (75%): November's 80% is 5 points up; ratings
	// went from 4 to 15, +275%.
	d, ok := total.Change(scoring.GoodRate)
	require.True(t, ok)
	assert.InDelta(t, 0.05, d, 1e-12)
	d, ok = total.Change(scoring.Ratings)
	require.True(t, ok)
	assert.InDelta(t, 2.75, d, 1e-12)
	_, ok = total.Change(scoring.Appeals) // no appeal in October: no relative change
	assert.False(t, ok)
}

// Units are ranked by 好评率, 平均分 breaking ties: d-tax and d-hr both have 80%, d-hr's
// average 4.4 beats d-tax's 3.7; the centre has cases and no rating, so no rank.
func TestIndicatorsByUnitRankedWithChange(t *testing.T) {
	r := monthReport(t, scoring.Definition{})
	rows, err := r.Rows(november, scoring.ByUnit)
	require.NoError(t, err)
	var keys []string
	var ranks []int
	for _, w := range rows {
		keys, ranks = append(keys, w.Key), append(ranks, w.Rank)
	}
	assert.Equal(t, []string{"d-hr", "d-tax", "center"}, keys)
	assert.Equal(t, []int{1, 2, 0}, ranks)
	hr, tax, center := rows[0], rows[1], rows[2]
	checkFigures(t, tax, map[scoring.IndicatorID]fig{
		scoring.Ratings: {10, 0, true}, scoring.GoodRate: {8, 10, true}, scoring.BadReviews: {2, 0, true},
		scoring.AverageScore: {37, 10, true}, scoring.Cases: {3, 0, true}, scoring.RectifyRate: {2, 3, true},
		scoring.OnTimeRate: {1, 2, true}, scoring.CallbackRate: {1, 2, true}, scoring.OverdueCases: {2, 0, true},
	})
	checkFigures(t, hr, map[scoring.IndicatorID]fig{
		scoring.Ratings: {5, 0, true}, scoring.GoodRate: {4, 5, true}, scoring.AverageScore: {22, 5, true},
		scoring.Cases: {1, 0, true}, scoring.RectifyRate: {0, 0, false}, scoring.Appeals: {1, 0, true}, scoring.UpheldRate: {1, 1, true},
	})
	checkFigures(t, center, map[scoring.IndicatorID]fig{
		scoring.Ratings: {0, 0, true}, scoring.GoodRate: {0, 0, false}, scoring.Cases: {1, 0, true},
		scoring.RectifyRate: {1, 1, true}, scoring.OnTimeRate: {1, 1, true},
	})
	d, ok := tax.Change(scoring.GoodRate) // October 2 of 3
	require.True(t, ok)
	assert.InDelta(t, 0.8-2.0/3, d, 1e-12)
	d, ok = hr.Change(scoring.GoodRate) // October 1 of 1
	require.True(t, ok)
	assert.InDelta(t, -0.2, d, 1e-12)
}

func TestIndicatorsByWindowAndChannel(t *testing.T) {
	r := monthReport(t, scoring.Definition{})
	rows, err := r.Rows(november, scoring.ByWindow)
	require.NoError(t, err)
	got := map[string]scoring.Row{}
	for _, w := range rows {
		got[w.Key] = w
	}
	checkFigures(t, got["w-tax-1"], map[scoring.IndicatorID]fig{scoring.Ratings: {7, 0, true}, scoring.GoodRate: {6, 7, true},
		scoring.Cases: {2, 0, true}})
	checkFigures(t, got["w-tax-2"], map[scoring.IndicatorID]fig{scoring.Ratings: {3, 0, true}, scoring.Cases: {1, 0, true}})
	checkFigures(t, got["w-hall"], map[scoring.IndicatorID]fig{scoring.Ratings: {0, 0, true}, scoring.Cases: {1, 0, true}})
	assert.Equal(t, "d-tax", got["w-tax-2"].Unit)
	assert.Equal(t, "center", got["w-hall"].Unit)

	rows, err = r.Rows(november, scoring.ByChannel)
	require.NoError(t, err)
	got = map[string]scoring.Row{}
	for _, w := range rows {
		got[w.Key] = w
	}
	checkFigures(t, got["device"], map[scoring.IndicatorID]fig{scoring.Ratings: {7, 0, true}, scoring.ActiveRate: {6, 7, true},
		scoring.Cases: {4, 0, true}}) // the pushed cases came through the device
	checkFigures(t, got["guangxi_app"], map[scoring.IndicatorID]fig{scoring.Ratings: {5, 0, true}, scoring.ActiveRate: {3, 5, true}})
	checkFigures(t, got["complaint"], map[scoring.IndicatorID]fig{scoring.Ratings: {0, 0, true}, scoring.Cases: {1, 0, true}})
	assert.Equal(t, "现场投诉", got["complaint"].Name)
}

// Definition: leaving default ratings out, counting 基本满意 as not good, scoring on a
// 100-point scale, and 差评整改率 over every case not annulled.
func TestIndicatorsDefinitionConfigurable(t *testing.T) {
	r := monthReport(t, scoring.Definition{
		Good:           []haochaping.Level{haochaping.VerySatisfied, haochaping.Satisfied},
		ExcludeDefault: true, Scale: 20, RectifyBase: scoring.RectifyAll,
	})
	rows, err := r.Rows(november, scoring.ByTotal)
	require.NoError(t, err)
	total := rows[0]
	checkFigures(t, total, map[scoring.IndicatorID]fig{
		scoring.Ratings:        {12, 0, true},
		scoring.GoodRate:       {8, 12, true},  // active good less the 基本满意
		scoring.ActiveRate:     {12, 15, true}, // still over every rating
		scoring.ActiveGoodRate: {8, 12, true},
		scoring.BadRate:        {3, 12, true},
		scoring.AverageScore:   {45, 12, true}, // 59 less n5 (满意, 4) and n13, n14 (非常满意, 5 each) by default
		scoring.RectifyRate:    {3, 4, true},   // C3 found mistaken is out either way: C1, C2, C4, C5
	})
	assert.InDelta(t, 45.0/12*20, total.Figure(scoring.AverageScore).Value, 1e-12)
	assert.Equal(t, "主动评价数", total.Figure(scoring.GoodRate).Base)
	assert.Equal(t, "差评办件数（不含误评、不实差评和误立案件）", total.Figure(scoring.RectifyRate).Base)
}

func TestIndicatorsVolumeBase(t *testing.T) {
	r := monthReport(t, scoring.Definition{VolumeBase: true})
	require.NoError(t, r.SetVolume(november, "d-tax", 200))
	rows, err := r.Rows(november, scoring.ByUnit)
	require.NoError(t, err)
	i := slices.IndexFunc(rows, func(w scoring.Row) bool { return w.Key == "d-tax" })
	j := slices.IndexFunc(rows, func(w scoring.Row) bool { return w.Key == "d-hr" })
	bad := rows[i].Figure(scoring.BadRate)
	assert.Equal(t, fig{2, 200, true}, fig{bad.Numerator, bad.Denominator, bad.Defined})
	assert.Equal(t, "办件量", bad.Base)
	bad = rows[j].Figure(scoring.BadRate) // no volume given: over the ratings
	assert.Equal(t, fig{1, 5, true}, fig{bad.Numerator, bad.Denominator, bad.Defined})
	assert.Equal(t, "评价数", bad.Base)
	// The county's total mixes a unit with a volume and one without: over the ratings.
	rows, err = r.Rows(november, scoring.ByTotal)
	require.NoError(t, err)
	assert.Equal(t, "评价数", rows[0].Figure(scoring.BadRate).Base)
	require.Error(t, r.SetVolume(scoring.Month(2025, 1), "d-tax", 1))
	require.Error(t, r.SetVolume(november, "d-tax", -1))
}

// 第七条: an archived case has had its rectification verified even when no window duty was
// owed (the office inspected on the spot), so it counts as rectified, and on time.
func TestIndicators第七条ArchivedWithoutWindowDutiesIsRectified(t *testing.T) {
	c := monthCases()[4] // C5, on site, archived
	c.Duties = nil
	r, err := scoring.NewReport(scoring.Definition{}, asOf, november)
	require.NoError(t, err)
	require.NoError(t, r.AddCases(scoring.All([]*caseflow.Case{c})))
	rows, err := r.Rows(november, scoring.ByTotal)
	require.NoError(t, err)
	checkFigures(t, rows[0], map[scoring.IndicatorID]fig{scoring.RectifyRate: {1, 1, true}, scoring.OnTimeRate: {1, 1, true}})
}
