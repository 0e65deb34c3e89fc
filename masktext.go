package haochaping

import (
	"strings"
	"unicode"
)

// MaskText masks what looks like personal data in free text written by a reviewer: a run
// of 7 digits or more, as a phone or an ID number is written. Digits may be full-width
// (１３８) and may be split by spaces or hyphens ("138 1234 5678", "138-1234-5678"); an X
// right after the digits belongs to the run, as the check character of an ID number. A
// run of 18 characters is masked as [MaskIDNumber] does, any other as [MaskPhone] does,
// written with ASCII digits and without the separators: "138 1234 5678" becomes
// "138****5678". Dates written with digits ("2026-11-20") are masked too. Names in free
// text cannot be recognised and are left alone.
//
// Masked text stays as it is: MaskText(MaskText(s)) == MaskText(s).
func MaskText(s string) string {
	var b strings.Builder
	rest := s
	for {
		start, end, digits := nextDigitRun(rest)
		if start < 0 {
			break
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(rest[:start])
		if len(digits) < 7 {
			b.WriteString(rest[start:end])
		} else if len(digits) == 18 {
			b.WriteString(MaskIDNumber(string(digits)))
		} else {
			b.WriteString(MaskPhone(string(digits)))
		}
		rest = rest[end:]
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(rest)
	return b.String()
}

// nextDigitRun finds the first run of digits in s, digits separated by nothing or by
// spaces and hyphens only, with an X right after it. It returns the run's byte offsets
// in s and its characters folded to ASCII, or start -1 when s has no digit.
func nextDigitRun(s string) (start, end int, run []byte) {
	start = -1
	sepFrom := -1 // where the separators after the last digit begin, or -1
	for i, r := range s {
		if d, ok := foldDigit(r); ok {
			if start < 0 {
				start = i
			}
			run = append(run, d)
			end, sepFrom = i+len(string(r)), -1
			continue
		}
		if start < 0 {
			continue
		}
		if isDigitSeparator(r) {
			if sepFrom < 0 {
				sepFrom = i
			}
			continue
		}
		if (r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ') && sepFrom < 0 && len(run) >= 7 {
			run = append(run, 'X')
			end += len(string(r))
		}
		return start, end, run
	}
	return start, end, run
}

// foldDigit returns the ASCII digit of an ASCII or full-width digit.
func foldDigit(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9':
		return byte(r), true
	case r >= '０' && r <= '９':
		return byte(r-'０') + '0', true
	}
	return 0, false
}

// isDigitSeparator reports whether r may stand between the digits of a phone or an ID
// number as people write them: white space of any width (a line break too) or a hyphen.
func isDigitSeparator(r rune) bool {
	switch r {
	case '-', '－', '‐', '‑', '‒', '–', '—':
		return true
	}
	return unicode.IsSpace(r)
}
