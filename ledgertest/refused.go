package ledgertest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
)

// testRefused checks that a ledger refuses a batch with one bad rating whole, recording
// nothing, with an error naming the rating by index and field and wrapping the sentinel,
// which shows no personal data; and that it accepts what only a bad review's case needs.
func testRefused(t *testing.T, f factory) {
	long := strings.Repeat("长", haochaping.DefaultLimits().Text+1)
	for _, c := range []struct {
		name  string
		field string
		err   error
		spoil func(*haochaping.Review)
	}{
		{"no ID", "id", haochaping.ErrRequired, func(r *haochaping.Review) { r.ID = "" }},
		{"an ID of spaces", "id", haochaping.ErrRequired, func(r *haochaping.Review) { r.ID = " \u3000 " }},
		{"a control character in the ID", "id", haochaping.ErrMalformed, func(r *haochaping.Review) { r.ID = "R-1\n" + personPhone }},
		{"an ID too long", "id", haochaping.ErrTooLarge, func(r *haochaping.Review) { r.ID = long }},
		{"no level", "level", haochaping.ErrUnknownCode, func(r *haochaping.Review) { r.Level = 0 }},
		{"an unknown level", "level", haochaping.ErrUnknownCode, func(r *haochaping.Review) { r.Level = 9 }},
		{"no channel", "channel", haochaping.ErrUnknownCode, func(r *haochaping.Review) { r.Channel = 0 }},
		{"an unknown channel", "channel", haochaping.ErrUnknownCode, func(r *haochaping.Review) { r.Channel = 200 }},
		{"no time", "time", haochaping.ErrRequired, func(r *haochaping.Review) { r.Time = time.Time{} }},
		{"a time before the rating system", "time", haochaping.ErrTooEarly, func(r *haochaping.Review) {
			r.Time = time.Date(2018, 12, 31, 23, 0, 0, 0, haochaping.Location())
		}},
		{"a time after year 9999", "time", haochaping.ErrMalformed, func(r *haochaping.Review) {
			r.Time = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
		}},
		{"a service number out of range", "serviceNumber", haochaping.ErrMalformed, func(r *haochaping.Review) { r.ServiceNumber = 100 }},
		{"a text too long", "department", haochaping.ErrTooLarge, func(r *haochaping.Review) { r.Department = long }},
		{"a control character in a code", "areaCode", haochaping.ErrMalformed, func(r *haochaping.Review) { r.AreaCode = "450224\u202e" }},
		{"too many options", "options", haochaping.ErrTooLarge, func(r *haochaping.Review) {
			r.Options = make([]haochaping.Option, haochaping.DefaultLimits().Options+1)
		}},
		{"an option's label too long", "options[0].label", haochaping.ErrTooLarge, func(r *haochaping.Review) {
			r.Options = []haochaping.Option{{List: "national", Code: "101", Label: long}}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := f.ledger(t)
			batch := ratings(t, 0, 5)
			c.spoil(&batch[3])
			requireRefused(t, l, batch, "ratings[3]."+c.field, c.err)
		})
	}
	t.Run("the 1,000th rating bad", func(t *testing.T) {
		l := f.ledger(t)
		record(t, l, 2, ratings(t, 2000, 2002)...)
		batch := ratings(t, 0, 1000)
		batch[999].Level = 0
		requireRefused(t, l, batch, "ratings[999].level", haochaping.ErrUnknownCode)
		require.Len(t, read(t, l, haochaping.RatingQuery{}), 2, "the ratings recorded before stay, alone")
	})
	t.Run("every problem named", func(t *testing.T) {
		l := f.ledger(t)
		batch := ratings(t, 0, 5)
		batch[1].Channel = 0
		batch[4].Time = time.Time{}
		batch[4].Level = 0
		_, err := l.Record(context.Background(), batch)
		for _, field := range []string{"ratings[1].channel", "ratings[4].time", "ratings[4].level"} {
			requireField(t, err, field)
		}
	})
	t.Run("what only a case needs is not checked", func(t *testing.T) {
		l := f.ledger(t)
		rs := ratings(t, 0, 5)
		rs[0].MatterNumber = ""                                                            // a case needs the matter number
		rs[1].Anonymous, rs[1].Reviewer = false, haochaping.Reviewer{Phone: "12"}          // real-name without a name, a malformed phone
		rs[2].Options = []haochaping.Option{{List: "national", Code: "999", Label: "新选项"}} // an option no list holds
		rs[3].FreeText = long                                                              // dropped: its length costs nothing
		rs[4].Default, rs[4].Level = true, haochaping.VeryDissatisfied                     // a default rating with a bad level
		record(t, l, 5, rs...)
		requireSame(t, kept(rs, haochaping.RatingQuery{}), read(t, l, haochaping.RatingQuery{}))
	})
}

// requireRefused requires that recording batch fails naming field with sentinel, records
// nothing, and shows no personal data.
func requireRefused(t *testing.T, l haochaping.Ledger, batch []haochaping.Review, field string, sentinel error) {
	t.Helper()
	before := read(t, l, haochaping.RatingQuery{})
	added, err := l.Record(context.Background(), batch)
	require.Error(t, err)
	require.Zero(t, added)
	require.ErrorIs(t, err, sentinel)
	fe := requireField(t, err, field)
	require.ErrorIs(t, fe, sentinel, "the error naming %s", field)
	msg := err.Error()
	require.True(t, strings.HasPrefix(msg, "haochaping: "), "%q", msg)
	for _, p := range []string{personName, personPhone, personID, personText} {
		require.NotContains(t, msg, p, "the error shows personal data")
	}
	require.Equal(t, before, read(t, l, haochaping.RatingQuery{}), "a refused batch recorded something")
}

// requireField requires that err joins a *FieldError naming field, and returns it.
func requireField(t *testing.T, err error, field string) *haochaping.FieldError {
	t.Helper()
	var fields []string
	for _, e := range flatten(err) {
		var fe *haochaping.FieldError
		if errors.As(e, &fe) {
			if fe.Field == field {
				return fe
			}
			fields = append(fields, fe.Field)
		}
	}
	t.Fatalf("no *FieldError names %s; the error names %q: %v", field, fields, err)
	return nil
}

// flatten returns the errors err joins, or err alone.
func flatten(err error) []error {
	var j interface{ Unwrap() []error }
	if errors.As(err, &j) {
		return j.Unwrap()
	}
	return []error{err}
}
