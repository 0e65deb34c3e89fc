package caseflow_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// Finding 4 of the integrity issue: a 10 MB free text or matter number, a NUL in an ID, and a
// rating dated 1900 or year 1 each opened a case. Each is refused now, cheaply, naming the
// field and not echoing the value, and no case opens.
func TestReceiveRefusesHostileReviews(t *testing.T) {
	huge := strings.Repeat("差", 10<<20/3)
	for _, tc := range []struct {
		name   string
		change func(r *haochaping.Review)
		want   error
	}{
		{"a 10 MB free text", func(r *haochaping.Review) { r.FreeText = huge }, haochaping.ErrTooLarge},
		{"a 10 MB matter number", func(r *haochaping.Review) { r.MatterNumber = huge }, haochaping.ErrTooLarge},
		{"a NUL in the review ID", func(r *haochaping.Review) { r.ID = "r1\x00" }, haochaping.ErrMalformed},
		{"a newline in the matter number", func(r *haochaping.Review) { r.MatterNumber = "m1\nlevel=ERROR forged" }, haochaping.ErrMalformed},
		{"a rating in 1900", func(r *haochaping.Review) { r.Time = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC) }, haochaping.ErrTooEarly},
		{"a rating in year 1", func(r *haochaping.Review) { r.Time = time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC) }, haochaping.ErrTooEarly},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, at(2026, 11, 24, 9, 30))
			r := review("r1", at(2026, 11, 24, 9, 20))
			tc.change(&r)
			c, _, err := f.svc.Receive(ctx, r)
			require.ErrorIs(t, err, tc.want)
			assert.Nil(t, c)
			assert.Less(t, len(err.Error()), 1024, "the refusal is short")
			assert.NotContains(t, err.Error(), "差差差")
			all, _, err := f.svc.Store.List(ctx, caseflow.Filter{}, caseflow.Page{})
			require.NoError(t, err)
			assert.Empty(t, all, "no case opened")
		})
	}
}

// Finding 5: a leading or trailing space or a full-width hyphen in projectNo opened a new
// case for the same rating. The key is made from the normalised matter number.
func TestOnePushOpensOneCaseWhateverItsSpacingAndWidth(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	var ids []string
	for _, no := range []string{"450224-2026-000123", " 450224-2026-000123 ", "450224－2026－000123", "４５０２２４-2026-000123"} {
		push := `{"projectNo":"` + no + `","assessNumber":1,"satisfaction":2,"pf":4,"assessTime":"2026-11-24 09:20:00","userName":"张三丰"}`
		r, err := haochaping.DecodePushed([]byte(push), haochaping.NationalPush())
		require.NoError(t, err, no)
		c, _, err := f.svc.Receive(ctx, r)
		require.NoError(t, err, no)
		ids = append(ids, c.ID)
	}
	assert.Equal(t, []string{ids[0], ids[0], ids[0], ids[0]}, ids, "one case for the rating")
}

// Finding 4: duplicate keys were accepted with the last one winning, so a 不满意 followed by
// 非常满意 opened no case. The push is refused, naming the key.
func TestAPushWithDuplicateKeysIsRefused(t *testing.T) {
	push := `{"projectNo":"P1","assessNumber":1,"satisfaction":2,"satisfaction":5,"pf":4,"assessTime":"2026-11-24 09:20:00"}`
	_, err := haochaping.DecodePushed([]byte(push), haochaping.NationalPush())
	require.ErrorIs(t, err, haochaping.ErrDuplicateKey)
	assert.Contains(t, err.Error(), "satisfaction")
}

// Hostile input in a step is refused before anything reads it: a text over Limits.Text, a
// list over Limits.List, an actor ID that would forge a log line; each names the field and
// shows no value.
func TestStepsAndActorsOverTheLimitsAreRefused(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := toRectifying(f)
	big := report
	big.Investigation = []string{strings.Repeat("查", 10<<20/3)}
	r := f.refused(id, head, big, haochaping.ErrTooLarge)
	assert.Equal(t, "report.investigation[0]", r.Field)
	assert.Less(t, len(r.Error()), 512)

	long := report
	long.Measures = make([]string, 10000)
	r = f.refused(id, head, long, haochaping.ErrTooLarge)
	assert.Equal(t, "report.measures", r.Field)

	forged := head
	forged.ID = "u-tax-head\ntime=2026 level=INFO msg=forged"
	f.refused(id, forged, report, caseflow.ErrBadActor)

	f.svc.Limits = haochaping.Limits{Text: 5}
	r = f.refused(id, head, report, haochaping.ErrTooLarge)
	assert.Contains(t, r.Detail, "Limits.Text", "the limit is the caller's to change")
}

// A complaint is held to the same limits, and its ID may not forge a log line.
func TestComplaintsOverTheLimitsAreRefused(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	cp := caseflow.Complaint{ID: "cp-1", Center: center, Time: at(2026, 11, 24, 9, 20), Content: strings.Repeat("慢", 3000)}
	_, _, err := f.svc.Complain(ctx, clerk, cp)
	require.ErrorIs(t, err, haochaping.ErrTooLarge)
	cp.Content, cp.ID = "慢", "cp\n1"
	_, _, err = f.svc.Complain(ctx, clerk, cp)
	require.ErrorIs(t, err, haochaping.ErrMalformed)
}
