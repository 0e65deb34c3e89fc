package haochaping_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/haochaping/haochaping"
)

// FieldLabel reads paths a push or a form may name: any text gives a label or nothing,
// never a panic, and a number in a path is counted from 1 without overflow.
func FuzzFieldLabel(f *testing.F) {
	for _, s := range []string{"reviewer.phone", "options[2]", "evalDetail", "a[9223372036854775807]", "reviewer.phone.x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, path string) {
		l := haochaping.FieldLabel(path)
		if !utf8.ValidString(l) || strings.Contains(l, "第-") || strings.Contains(l, "第0项") {
			t.Fatalf("FieldLabel(%q) = %q", path, l)
		}
	})
}
