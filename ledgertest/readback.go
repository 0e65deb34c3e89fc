package ledgertest

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
)

// testReadBack checks that a ledger gives back ForLedger of what it recorded: every field
// kept, times truncated to the microsecond and in Asia/Shanghai, empty lists nil.
func testReadBack(t *testing.T, f factory) {
	l := f.ledger(t)
	rs := ratings(t, 0, 50)
	// A time with nanoseconds, given in another zone, and the flags and lists a good
	// rating may carry.
	rs[1].Time = time.Date(2026, 2, 28, 23, 59, 59, 999_999_999, time.UTC)
	rs[2].Default, rs[2].Level, rs[2].Channel = true, haochaping.Satisfied, haochaping.ChannelSystemDefault
	rs[3].Options = []haochaping.Option{}
	record(t, l, len(rs), rs...)

	got := read(t, l, haochaping.RatingQuery{})
	requireSame(t, kept(rs, haochaping.RatingQuery{}), got)
	for _, r := range got {
		require.Equal(t, 0, r.Time.Nanosecond()%1000, "%s: time not truncated to the microsecond", r.ID)
		require.NotEmpty(t, r.ID)
	}
	// Spot checks against the ratings as recorded, not only against ForLedger.
	first := got[0]
	assert.Equal(t, time.Date(2026, 3, 1, 7, 59, 59, 999_999_000, haochaping.Location()), first.Time, "the nanoseconds are cut, not rounded")
	assert.Equal(t, "R-000001", first.ID)
	var bad haochaping.Review
	for _, r := range got {
		if r.ID == "R-000007" {
			bad = r
		}
	}
	assert.Equal(t, rs[7].Options, bad.Options, "options as pushed")
	assert.Equal(t, rs[7].Classification, bad.Classification)
	assert.True(t, bad.IsBad())
	for _, r := range got {
		switch r.ID {
		case "R-000002":
			assert.True(t, r.Default, "R-000002 is a default rating")
		case "R-000003":
			assert.Nil(t, r.Options, "an empty list reads back nil")
			assert.Equal(t, []string{"userPhone"}, r.Encrypted)
		case "R-000005":
			assert.True(t, r.Anonymous)
		}
	}
}

// testNoPersonalData checks that no personal data is kept: the reviewer and the free text
// are dropped, whatever else the rating holds.
func testNoPersonalData(t *testing.T, f factory) {
	l := f.ledger(t)
	rs := ratings(t, 0, 30)
	record(t, l, len(rs), rs...)
	for _, r := range read(t, l, haochaping.RatingQuery{}) {
		require.Equal(t, haochaping.Reviewer{}, r.Reviewer, "%s: reviewer kept", r.ID)
		require.Empty(t, r.FreeText, "%s: free text kept", r.ID)
		b, err := json.Marshal((*haochaping.StoredReview)(&r)) // the codec that keeps personal data
		require.NoError(t, err)
		for _, p := range []string{personName, personPhone, personID, "态度差"} {
			require.False(t, strings.Contains(string(b), p), "%s keeps %q: %s", r.ID, p, b)
		}
	}
}
