package caseflow_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/haochaping/haochaping/caseflow"
)

// FieldLabel reads paths a front end may send back (a form's field names): any text gives a
// label or nothing, never a panic, and a number in a path is counted from 1 without overflow.
func FuzzFieldLabel(f *testing.F) {
	for _, s := range []string{"meeting.measures[2]", "report.finding.causes[0].dimension", "a[9223372036854775807]", "[", "x.]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, path string) {
		l := caseflow.FieldLabel(path)
		if !utf8.ValidString(l) || strings.Contains(l, "第-") || strings.Contains(l, "第0项") {
			t.Fatalf("FieldLabel(%q) = %q", path, l)
		}
	})
}
