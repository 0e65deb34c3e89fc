package fieldsites

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLabel fuzzes a FieldLabel function with paths a push or a form may name: any text
// gives a label or nothing, never a panic, and an item number counted from 1 without
// overflow.
func FuzzLabel(f *testing.F, label func(path string) string, seeds ...string) {
	for _, s := range append(seeds, "a[9223372036854775807]", "[", "x.]", "a.b.c.d") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, path string) {
		l := label(path)
		if !utf8.ValidString(l) || strings.Contains(l, "第-") || strings.Contains(l, "第0项") {
			t.Fatalf("FieldLabel(%q) = %q", path, l)
		}
	})
}
