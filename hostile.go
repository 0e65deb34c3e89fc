package haochaping

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isControl reports whether r is a control or format character, or a line or paragraph
// separator: below U+0020, U+007F, or of Unicode category Cc, Cf, Zl or Zp (U+2028,
// U+202E and the like). Such a rune has no place in an ID or a code, and in a one-line
// output it could forge a line or reverse the text around it.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp)
}

// HasControl reports whether s holds a control or format character, or a line or paragraph
// separator (U+2028, U+202E and the like): nothing an ID or a code may hold.
func HasControl(s string) bool { return strings.ContainsFunc(s, isControl) }

// oneLine returns s with every control character escaped as Go writes it in a string
// literal (\n, \u2028), so that s prints on one line as it reads. Text without control
// characters comes back unchanged.
func oneLine(s string) string {
	if !HasControl(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// excerptBytes is how much of an outside value an error shows at most.
const excerptBytes = 32

// excerpt returns what an error may show of a value that came from outside and may hold
// personal data or hostile content: digit runs masked as [MaskText] does, at most
// excerptBytes of it (an ellipsis marks a cut), control characters escaped.
func excerpt(s string) string {
	if len(s) > 4*excerptBytes {
		s = s[:cutAt(s, 4*excerptBytes)] // masking needs a little more than is shown, not all
	}
	s = MaskText(s)
	if len(s) > excerptBytes {
		s = s[:cutAt(s, excerptBytes)] + "…"
	}
	return oneLine(s)
}

// cutAt returns the largest rune boundary of s at or before n, for n < len(s).
func cutAt(s string, n int) int {
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}
