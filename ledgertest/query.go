package ledgertest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
)

// testQuery checks every RatingQuery field alone and combined against the suite's model,
// and the time bounds [From, To) to the nanosecond.
func testQuery(t *testing.T, f factory) {
	l := f.ledger(t)
	rs := ratings(t, 0, 120)
	record(t, l, len(rs), rs...)
	// A rating exactly on a microsecond, to check the bounds at it.
	edge := rating(t, 1000)
	edge.Time = time.Date(2026, 3, 2, 12, 30, 0, 0, haochaping.Location())
	record(t, l, 1, edge)
	rs = append(rs, edge)

	day := func(n int) time.Time { return base.Add(time.Duration(n) * 24 * time.Hour) }
	bad := []haochaping.Level{haochaping.Dissatisfied, haochaping.VeryDissatisfied}
	onSite := []haochaping.Channel{haochaping.ChannelDevice, haochaping.ChannelQRCode, haochaping.ChannelKiosk}
	for _, c := range []struct {
		name  string
		q     haochaping.RatingQuery
		empty bool
	}{
		{name: "everything", q: haochaping.RatingQuery{}},
		{name: "From", q: haochaping.RatingQuery{From: day(2)}},
		{name: "To", q: haochaping.RatingQuery{To: day(2)}},
		{name: "From and To: one day", q: haochaping.RatingQuery{From: day(1), To: day(2)}},
		{name: "From and To in UTC", q: haochaping.RatingQuery{From: day(1).UTC(), To: day(2).UTC()}},
		{name: "From includes a rating at From", q: haochaping.RatingQuery{From: edge.Time}},
		{name: "To excludes a rating at To", q: haochaping.RatingQuery{To: edge.Time}},
		{name: "From a nanosecond later excludes it", q: haochaping.RatingQuery{From: edge.Time.Add(time.Nanosecond)}},
		{name: "To a nanosecond later includes it", q: haochaping.RatingQuery{To: edge.Time.Add(time.Nanosecond)}},
		{name: "one microsecond", q: haochaping.RatingQuery{From: edge.Time, To: edge.Time.Add(time.Microsecond)}},
		{name: "From equal to To", q: haochaping.RatingQuery{From: edge.Time, To: edge.Time}, empty: true},
		{name: "From after To", q: haochaping.RatingQuery{From: day(3), To: day(1)}, empty: true},
		{name: "before every rating", q: haochaping.RatingQuery{To: base.Add(-time.Hour)}, empty: true},
		{name: "AreaCode", q: haochaping.RatingQuery{AreaCode: areas[1]}},
		{name: "AreaCode is exact, not a prefix", q: haochaping.RatingQuery{AreaCode: "45022"}, empty: true},
		{name: "DepartmentCode", q: haochaping.RatingQuery{DepartmentCode: departments[0]}},
		{name: "Window", q: haochaping.RatingQuery{Window: windows[2]}},
		{name: "unknown Window", q: haochaping.RatingQuery{Window: "无此窗口"}, empty: true},
		{name: "one channel", q: haochaping.RatingQuery{Channels: []haochaping.Channel{haochaping.ChannelDevice}}},
		{name: "channels on site", q: haochaping.RatingQuery{Channels: onSite}},
		{name: "bad levels", q: haochaping.RatingQuery{Levels: bad}},
		{name: "one level", q: haochaping.RatingQuery{Levels: []haochaping.Level{haochaping.VerySatisfied}}},
		{name: "area and period", q: haochaping.RatingQuery{AreaCode: areas[0], From: day(1), To: day(4)}},
		{name: "department, window and channels", q: haochaping.RatingQuery{DepartmentCode: departments[1], Window: windows[0], Channels: onSite}},
		{name: "every field", q: haochaping.RatingQuery{From: day(0), To: day(5), AreaCode: areas[0],
			DepartmentCode: departments[0], Window: windows[0], Channels: []haochaping.Channel{haochaping.ChannelPC, haochaping.ChannelMobile,
				haochaping.ChannelQRCode, haochaping.ChannelDevice, haochaping.ChannelKiosk}, Levels: append(bad, haochaping.VerySatisfied)}},
		{name: "every field, one missing match", q: haochaping.RatingQuery{From: day(0), To: day(5), AreaCode: areas[0],
			DepartmentCode: departments[0], Window: windows[0], Channels: []haochaping.Channel{haochaping.ChannelSystemDefault}}, empty: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := kept(rs, c.q)
			if c.empty {
				require.Empty(t, want, "the suite's model")
			} else {
				require.NotEmpty(t, want, "the suite's model selects nothing: a useless case")
			}
			requireSame(t, want, read(t, l, c.q))
		})
	}
	t.Run("bounds at the edge rating", func(t *testing.T) {
		ids := func(q haochaping.RatingQuery) (in bool) {
			for _, r := range read(t, l, q) {
				in = in || r.ID == edge.ID
			}
			return in
		}
		require.True(t, ids(haochaping.RatingQuery{From: edge.Time}), "[From: rating at From is in")
		require.False(t, ids(haochaping.RatingQuery{To: edge.Time}), "To): rating at To is out")
		require.False(t, ids(haochaping.RatingQuery{From: edge.Time.Add(time.Nanosecond)}))
		require.True(t, ids(haochaping.RatingQuery{To: edge.Time.Add(time.Nanosecond)}))
		require.True(t, ids(haochaping.RatingQuery{From: edge.Time.Add(-time.Nanosecond), To: edge.Time.Add(time.Nanosecond)}))
	})
}
