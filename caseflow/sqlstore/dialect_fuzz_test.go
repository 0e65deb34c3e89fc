package sqlstore

import (
	"testing"
	"time"
)

// FuzzTimeColumn feeds the time scanner any text a database column might hold: it reads
// a time or refuses with an error, never panics, and a time it reads is written back by
// the SQLite dialect as the same instant to the microsecond.
func FuzzTimeColumn(f *testing.F) {
	for _, s := range []string{"2026-11-16T01:00:00.000000Z", "2026-11-16 01:00:00.123456", "2026-11-16T09:00:00+08:00",
		"", "0000-00-00 00:00:00", "2026-13-45T99:99:99.000000Z", "garbage", "9999-12-31T23:59:59.999999Z"} {
		f.Add(s)
	}
	loc := time.FixedZone("CST", 8*3600)
	f.Fuzz(func(t *testing.T, s string) {
		var got time.Time
		for _, v := range []any{s, []byte(s)} {
			if err := (tm{&got, loc}).Scan(v); err != nil {
				return
			}
			if got.Location() != loc {
				t.Fatalf("%q read in %v, not the store's zone", s, got.Location())
			}
			if got.Year() < 0 || got.Year() > 9999 {
				return // a database holds none such; the text form below needs four digits
			}
			var back time.Time
			if err := (tm{&back, loc}).Scan(SQLite.timeArg(got)); err != nil {
				t.Fatalf("%q read as %v, written back as %v, not read again: %v", s, got, SQLite.timeArg(got), err)
			}
			if !back.Equal(got.Truncate(time.Microsecond)) {
				t.Fatalf("%q: read %v, round trip %v", s, got, back)
			}
		}
	})
}

func TestTimeColumnZeroAndNull(t *testing.T) {
	var got time.Time
	if err := (tm{&got, time.UTC}).Scan(nil); err != nil || !got.IsZero() {
		t.Fatalf("NULL reads as %v, %v", got, err)
	}
	if SQLite.timeArg(time.Time{}) != nil || Postgres.timeArg(time.Time{}) != nil {
		t.Fatal("the zero time is not written as NULL")
	}
	if err := (tm{&got, time.UTC}).Scan(42); err == nil {
		t.Fatal("an integer read as a time")
	}
}
