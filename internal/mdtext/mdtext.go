// Package mdtext escapes text for Markdown (CommonMark and GitHub-flavoured), for the
// Markdown renderers of package forms and package scoring: a character Markdown would take
// as syntax is written with a backslash, so that a reviewer's words or a unit's name print as
// they are.
package mdtext

import "strings"

// Escape backslash-escapes the characters of the line l that Markdown would take as
// syntax: inline ones everywhere, and at the start of a block's line (not in a table's
// cell, which holds inline content only) a heading's, a list item's or a setext
// underline's.
func Escape(l string, block bool) string {
	if l == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(l) + 8)
	digits := 0
	if block {
		switch l[0] {
		case '#', '+', '-', '=':
			b.WriteByte('\\')
		}
		for digits < len(l) && l[digits] >= '0' && l[digits] <= '9' {
			digits++
		}
		if digits+1 < len(l) && l[digits+1] != ' ' && l[digits+1] != '\t' {
			digits = 0 // "1.5" starts no list
		}
	}
	for i, r := range l {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '&', '~':
			b.WriteByte('\\')
		case '.', ')':
			if i == digits && digits > 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
