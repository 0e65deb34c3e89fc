package sqlstore

import (
	"testing"
	"time"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// FuzzPackedDuty feeds the duty and summary readers any text a packed column might hold
// (a row written by hand, a database damaged): they read it or refuse it with an error,
// never panic; and whatever they read packs back to the same text.
func FuzzPackedDuty(f *testing.F) {
	loc := time.FixedZone("CST", 8*3600)
	at := time.Date(2026, 11, 16, 9, 0, 0, 123000, loc)
	d := &caseflow.Duty{Timed: true, Kind: caseflow.DutyReport, Owner: caseflow.RoleWindowHead, Org: "w:1",
		StartedBy: 3, RetimedBy: 12, Entered: at, EnteredLate: true, Limit: "report",
		Deadline: deadline.Deadline{Start: at, Rule: deadline.Workdays(2), Due: at.Add(48 * time.Hour), Warn: at.Add(24 * time.Hour), Provisional: true}}
	f.Add(packDuty(d))
	f.Add(packSummary(caseflow.CaseSummary{ID: "SP-1", Kind: caseflow.KindSystemPushed, State: caseflow.StateReceived, ReceivedAt: at}))
	for _, s := range []string{"", ":", "0:", "99999999999:x", "-1:", "3:abc", "1:a1:b", "20:" + "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got caseflow.Duty
		if err := unpackDuty(s, loc, rules{}, &got); err == nil {
			if back := packDuty(&got); back != s && !sameDuty(t, back, loc, &got) {
				t.Fatalf("%q read as %+v, packs back as %q", s, got, back)
			}
		}
		if sum, err := unpackSummary(s, loc); err == nil {
			back, err := unpackSummary(packSummary(sum), loc)
			if err != nil || back != sum {
				t.Fatalf("%q read as %+v, packs back to %+v, %v", s, sum, back, err)
			}
		}
	})
}

// sameDuty reports whether packed reads back as d: a field may be written two ways ("01"
// and "1" read as the same number, a rule's label as its code).
func sameDuty(t *testing.T, packed string, loc *time.Location, d *caseflow.Duty) bool {
	var again caseflow.Duty
	if err := unpackDuty(packed, loc, rules{}, &again); err != nil {
		t.Fatalf("packed %q does not read back: %v", packed, err)
	}
	return again == *d
}

func TestPackedDutyRoundTrip(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	at := time.Date(2026, 11, 16, 9, 0, 0, 123000, loc)
	for _, d := range []*caseflow.Duty{
		{Timed: true, Kind: caseflow.DutyReport, Owner: caseflow.RoleWindowHead, Org: "窗口:1", StartedBy: 3,
			Deadline: deadline.Deadline{Start: at, Rule: deadline.SameDay(), Due: at.Add(8 * time.Hour), Warn: at.Add(4 * time.Hour)}},
		{Timed: true, Kind: caseflow.DutyReport, Owner: caseflow.RoleOffice, StartedBy: 1, RetimedBy: 9, Entered: at,
			EnteredLate: true, Limit: "extension",
			Deadline: deadline.Deadline{Start: at, Rule: deadline.Workdays(10), Due: at.AddDate(0, 0, 14), Warn: at.AddDate(0, 0, 13), Provisional: true}},
	} {
		var got caseflow.Duty
		if err := unpackDuty(packDuty(d), loc, rules{}, &got); err != nil || got != *d {
			t.Fatalf("%+v read back as %+v, %v", *d, got, err)
		}
	}
}
