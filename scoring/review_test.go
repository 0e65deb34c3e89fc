package scoring_test

import (
	stdcontext "context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/scoring"
)

// Regression tests for what a review of the indicators found.

// Two units may push the same window code: their windows are two rows, and a window's
// unit is the same whichever way the ratings are added.
func TestWindowsOfTwoUnitsWithOneCodeAreTwoRows(t *testing.T) {
	ratings := []haochaping.Review{
		rating("a", "d-b", "01", haochaping.ChannelDevice, haochaping.VerySatisfied, at(time.November, 2, 10, 0), false),
		rating("b", "d-a", "01", haochaping.ChannelDevice, haochaping.Dissatisfied, at(time.November, 3, 10, 0), false),
	}
	rows := func(add func(*scoring.Report) error) []scoring.Row {
		r, err := scoring.NewReport(scoring.Definition{}, asOf, november)
		require.NoError(t, err)
		require.NoError(t, add(r))
		rows, err := r.Rows(november, scoring.ByWindow)
		require.NoError(t, err)
		return rows
	}
	streamed := rows(func(r *scoring.Report) error { return r.AddRatings(scoring.All(ratings)) })
	counted := rows(func(r *scoring.Report) error { return r.AddRatingCounts(t.Context(), counter(ratings)) })
	require.Len(t, streamed, 2)
	assert.Equal(t, streamed, counted)
	for _, w := range streamed {
		assert.Equal(t, "01", w.Key)
		assert.Equal(t, int64(1), w.Figure(scoring.Ratings).Numerator, w.Unit)
	}
	assert.ElementsMatch(t, []string{"d-a", "d-b"}, []string{streamed[0].Unit, streamed[1].Unit})
}

// counter counts a slice of ratings as an SQL ledger would, through the reference.
type counter []haochaping.Review

func (c counter) CountRatings(_ stdcontext.Context, from, to time.Time) ([]scoring.RatingCount, error) {
	return scoring.CountRatings(scoring.All([]haochaping.Review(c)), from, to)
}

// A period bound between two microseconds selects what an SQL ledger selects: the bound
// rounded up to the microsecond.
func TestSubMicrosecondBoundsAsTheSQLLedger(t *testing.T) {
	t0 := at(time.November, 1, 0, 0)
	ratings := []haochaping.Review{rating("a", "d-a", "01", haochaping.ChannelDevice, haochaping.VerySatisfied, t0, false)}
	for _, p := range []scoring.Period{{From: t0.Add(500), To: november.To}, {From: october.From, To: t0.Add(500)}} {
		r, err := scoring.NewReport(scoring.Definition{}, asOf, p)
		require.NoError(t, err)
		require.NoError(t, r.AddRatings(scoring.All(ratings)))
		rows, err := r.Rows(p, scoring.ByTotal)
		require.NoError(t, err)
		want, err := scoring.CountRatings(scoring.All(ratings), p.From, p.To)
		require.NoError(t, err)
		var n int64
		if len(rows) > 0 {
			n = rows[0].Figure(scoring.Ratings).Numerator
		}
		assert.Equal(t, int64(len(want)), n, "%v", p)
	}
}

// 第十条: a duty still open past its due time is overdue in every month from its due time
// on, so that November's bulletin names a case of October still overdue; the office's own
// late duty is not the window's record.
func TestOverdueNamedUntilFulfilled(t *testing.T) {
	c := &caseflow.Case{ID: "C7", Kind: caseflow.KindSystemPushed, State: caseflow.StateRectifying,
		ReceivedAt: at(time.October, 28, 9, 0), Review: pushed("r-c7", at(time.October, 28, 8, 0), false), ResponsibleWindow: taxWindow1,
		Trail: trail([]caseflow.Event{caseflow.EventReceive}, []time.Time{at(time.October, 28, 9, 0)})}
	office := duty(caseflow.DutyCityReport, at(time.October, 29, 18, 0), 0, false)
	office.Owner = caseflow.RoleOffice
	c.Duties = []*caseflow.Duty{office, duty(caseflow.DutyReport, at(time.October, 30, 18, 0), 0, false),
		duty(caseflow.DutyRectify, at(time.November, 5, 18, 0), 0, false)}
	r, err := scoring.NewReport(scoring.Definition{}, asOf, october, november)
	require.NoError(t, err)
	require.NoError(t, r.AddCases(scoring.All([]*caseflow.Case{c})))
	for _, tc := range []struct {
		p      scoring.Period
		duties []string
	}{{october, []string{"报送调查整改报告"}}, {november, []string{"报送调查整改报告", "在整改期限内整改完毕"}}} {
		list, err := r.Overdue(tc.p)
		require.NoError(t, err)
		var got []string
		for _, o := range list {
			got = append(got, o.Duty)
		}
		assert.Equal(t, tc.duties, got, tc.p.Label())
		rows, err := r.Rows(tc.p, scoring.ByTotal)
		require.NoError(t, err)
		assert.Equal(t, int64(1), rows[0].Figure(scoring.OverdueCases).Numerator, "counted once in %s", tc.p.Label())
	}
}

// A period built from times that carry a monotonic clock reading is the same period.
func TestPeriodFromTheClockIsThePeriod(t *testing.T) {
	now := time.Now()
	p := scoring.Period{From: now.Add(november.From.Sub(now)), To: now.Add(november.To.Sub(now))}
	r, err := scoring.NewReport(scoring.Definition{}, asOf, november)
	require.NoError(t, err)
	require.NoError(t, r.SetVolume(p, "d-tax", 10))
	_, err = r.Rows(p, scoring.ByUnit)
	require.NoError(t, err)
}
