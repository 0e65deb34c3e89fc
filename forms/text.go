package forms

import (
	"bufio"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// TextColumns is the width of a page of [Text], in display columns (a CJK character takes
// two): what titles are centred in, paragraphs wrapped at and tables scaled to.
const TextColumns = 78

// textMinColumn is the least width of a table column's text in [Text], in display columns.
const textMinColumn = 4

// textRowLine is how many twips of a row's Height [Text] gives one line (about 7 mm): a
// row 3 cm high for hand-writing gets 5 lines. textMaxRowLines caps it.
const (
	textRowLine     = 400
	textMaxRowLines = 40
)

// Text writes d as plain text for a terminal or a printout on a line printer: the title
// centred and underlined with ＝, the subtitle centred, headings and paragraphs wrapped at
// [TextColumns] display columns (a CJK or full-width character counts two), an indented
// paragraph opened by two full-width spaces, tables drawn with box-drawing characters.
//
// A table's grid columns are as wide as its Widths in proportion, scaled so that the
// table is TextColumns wide, each at least 4 columns of text (a table of many columns is
// wider); a cell's text wraps at its width. A cell spanning grid columns is one wide cell;
// a cell merged down has its text in the first row and no rule across it. A row's Height
// becomes blank lines, one for each 400 twips (about 7 mm). A PageBreak is a form feed
// alone on its line, which printers and pr(1) take as a new page.
//
// Bold and the alignment of paragraphs other than centred and right cannot be shown and
// are dropped. Control characters of the text are dropped (a tab is a space), so that they
// cannot move the cursor. Text returns d.Validate's error before writing anything, or the
// writer's.
func Text(w io.Writer, d *Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	first := true
	sep := func() {
		if !first {
			b.WriteByte('\n')
		}
		first = false
	}
	if d.Title != "" {
		sep()
		widest := 0
		for _, l := range wrapText(d.Title, TextColumns) {
			writeAligned(b, l, TextColumns, AlignCenter, false)
			widest = max(widest, textWidth(l))
		}
		writeAligned(b, strings.Repeat("＝", (widest+1)/2), TextColumns, AlignCenter, false)
	}
	if d.Subtitle != "" {
		if first {
			sep()
		}
		for _, l := range wrapText(d.Subtitle, TextColumns) {
			writeAligned(b, l, TextColumns, AlignCenter, false)
		}
	}
	for _, blk := range d.Blocks {
		switch blk := blk.(type) {
		case *Heading:
			sep()
			for _, l := range wrapText(blk.Text, TextColumns) {
				writeAligned(b, l, TextColumns, AlignLeft, false)
			}
		case *Paragraph:
			sep()
			text := blk.Text
			if blk.Indent {
				text = "　　" + text
			}
			for _, l := range wrapText(text, TextColumns) {
				writeAligned(b, l, TextColumns, blk.Align, false)
			}
		case *Table:
			sep()
			textTable(b, blk)
		case *PageBreak:
			sep()
			b.WriteString("\f\n")
			first = true
		}
	}
	return b.Flush()
}

// textTable draws t, which is valid.
func textTable(b *bufio.Writer, t *Table) {
	if len(t.Rows) == 0 {
		return
	}
	cols := columnWidths(t.Widths)
	g := t.grid()
	// inner returns the width of the text of a cell of span grid columns from col: its
	// columns and the rules and padding between them.
	inner := func(p placed) int {
		n := 3 * (p.span - 1)
		for _, c := range cols[p.col : p.col+p.span] {
			n += c
		}
		return n
	}
	for r, row := range g {
		textRule(b, cols, g, r)
		// The lines of each cell, wrapped, and the height of the row.
		lines := make([][]string, len(row))
		height := 1
		if t.Rows[r].Height > 0 {
			height = min(max(height, (t.Rows[r].Height+textRowLine-1)/textRowLine), textMaxRowLines)
		}
		for i, p := range row {
			if p.rows == 0 {
				continue
			}
			for _, l := range p.Lines {
				lines[i] = append(lines[i], wrapText(l, inner(p))...)
			}
			height = max(height, len(lines[i]))
		}
		for k := range height {
			b.WriteString("│")
			for i, p := range row {
				text := ""
				if k < len(lines[i]) {
					text = lines[i][k]
				}
				align := p.Align
				if p.Label {
					align = AlignCenter
				}
				b.WriteByte(' ')
				writeAligned(b, text, inner(p), align, true)
				b.WriteString(" │")
			}
			b.WriteByte('\n')
		}
	}
	textRule(b, cols, g, len(g))
}

// textRule draws the rule above row r of g (below the last row when r is len(g)), cols
// the widths of the grid columns' text. No rule crosses a cell merged down from above.
func textRule(b *bufio.Writer, cols []int, g [][]placed, r int) {
	// edges returns, for a row, whether a vertical rule stands at each of the len(cols)+1
	// boundaries of the grid columns.
	edges := func(row []placed) []bool {
		e := make([]bool, len(cols)+1)
		if row == nil {
			return e
		}
		for _, p := range row {
			e[p.col], e[p.col+p.span] = true, true
		}
		return e
	}
	var up, down []bool
	if r > 0 {
		up = edges(g[r-1])
	} else {
		up = edges(nil)
	}
	across := make([]bool, len(cols)) // whether the rule crosses grid column j
	if r < len(g) {
		down = edges(g[r])
		for j := range across {
			across[j] = true
		}
		for _, p := range g[r] {
			if p.rows == 0 {
				for j := p.col; j < p.col+p.span; j++ {
					across[j] = false
				}
			}
		}
	} else {
		down = edges(nil)
		for j := range across {
			across[j] = true
		}
	}
	for j := 0; j <= len(cols); j++ {
		left := j > 0 && across[j-1]
		right := j < len(cols) && across[j]
		b.WriteString(junction(up[j], down[j], left, right))
		if j < len(cols) {
			fill := " "
			if across[j] {
				fill = "─"
			}
			b.WriteString(strings.Repeat(fill, cols[j]+2))
		}
	}
	b.WriteByte('\n')
}

// junction returns the box-drawing character where rules meet from above, below, the left
// and the right.
func junction(up, down, left, right bool) string {
	switch {
	case up && down && left && right:
		return "┼"
	case up && down && left:
		return "┤"
	case up && down && right:
		return "├"
	case down && left && right:
		return "┬"
	case up && left && right:
		return "┴"
	case down && right:
		return "┌"
	case down && left:
		return "┐"
	case up && right:
		return "└"
	case up && left:
		return "┘"
	case up || down:
		return "│"
	case left || right:
		return "─"
	}
	return " "
}

// columnWidths returns the widths of the text of the grid columns of widths (positive):
// in proportion to widths, the whole table (with a rule and a space either side of each
// column) TextColumns wide, none narrower than textMinColumn.
func columnWidths(widths []int) []int {
	n := len(widths)
	room := TextColumns - 3*n - 1
	cols := make([]int, n)
	if room < textMinColumn*n {
		for j := range cols {
			cols[j] = textMinColumn
		}
		return cols
	}
	// Columns narrower than the least get the least; the others share what is left in
	// proportion to their widths, the rounding remainders going to the largest fractions.
	fixed := make([]bool, n)
	for {
		total, left := 0, room
		for j, w := range widths {
			if fixed[j] {
				left -= textMinColumn
			} else {
				total += w
			}
		}
		changed := false
		for j, w := range widths {
			if !fixed[j] && w*left < textMinColumn*total {
				fixed[j], changed = true, true
			}
		}
		if changed {
			continue
		}
		type frac struct{ j, rem int }
		var fr []frac
		given := 0
		for j, w := range widths {
			if fixed[j] {
				cols[j] = textMinColumn
				continue
			}
			cols[j] = w * left / total
			given += cols[j]
			fr = append(fr, frac{j, w * left % total})
		}
		for rest := left - given; rest > 0; rest-- {
			best := 0
			for k := range fr {
				if fr[k].rem > fr[best].rem {
					best = k
				}
			}
			cols[fr[best].j]++
			fr[best].rem = -1
		}
		return cols
	}
}

// writeAligned writes s (one line, no wider than n unless a single character is) aligned
// in n display columns, followed by a newline unless pad. Without pad, trailing spaces are
// left out.
func writeAligned(b *bufio.Writer, s string, n int, a Align, pad bool) {
	gap := max(n-textWidth(s), 0)
	before := 0
	switch a {
	case AlignCenter:
		before = gap / 2
	case AlignRight:
		before = gap
	}
	if s == "" && !pad {
		b.WriteByte('\n')
		return
	}
	b.WriteString(strings.Repeat(" ", before))
	b.WriteString(s)
	if pad {
		b.WriteString(strings.Repeat(" ", gap-before))
		return
	}
	b.WriteByte('\n')
}

// wrapText splits s into lines at its newlines and wraps each at n display columns (at a
// space where an ASCII word would be cut, anywhere between CJK characters), dropping
// control characters. A line never gets narrower than one character.
func wrapText(s string, n int) []string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		l = cleanText(l)
		for {
			cut, w, space := -1, 0, -1
			for i, r := range l {
				rw := runeWidth(r)
				if w+rw > n && i > 0 {
					cut = i
					break
				}
				if r == ' ' && i > 0 {
					space = i
				}
				w += rw
			}
			if cut < 0 {
				break // the rest fits
			}
			// Break at the last space when the cut would split an ASCII word.
			next, _ := utf8.DecodeRuneInString(l[cut:])
			prev, _ := utf8.DecodeLastRuneInString(l[:cut])
			if space > 0 && isWordRune(prev) && isWordRune(next) && strings.TrimRight(l[:space], " ") != "" {
				lines = append(lines, strings.TrimRight(l[:space], " "))
				l = strings.TrimLeft(l[space:], " ")
				continue
			}
			lines = append(lines, strings.TrimRight(l[:cut], " "))
			l = strings.TrimLeft(l[cut:], " ")
		}
		lines = append(lines, l)
	}
	return lines
}

// isWordRune reports whether r is part of an ASCII word, which wrapping does not split.
func isWordRune(r rune) bool { return r < utf8.RuneSelf && r > ' ' }

// cleanText returns s valid UTF-8 with tabs as spaces and without other control
// characters (carriage returns, escape sequences): nothing that moves a terminal's cursor.
func cleanText(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
		default:
			b.WriteRune(r) // utf8.RuneError for invalid bytes
		}
	}
	return b.String()
}

// textWidth returns the display width of s: the sum of its runes' widths.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// runeWidth returns how many display columns r takes in a terminal: 2 for East Asian wide
// and full-width characters (CJK ideographs, kana, hangul, full-width forms such as
// "，" and "　"), 0 for combining marks and format characters (zero-width space and
// joiners), 1 for the others. Characters of ambiguous width (the box-drawing ones
// included) count 1, as terminals outside CJK locales show them.
func runeWidth(r rune) int {
	switch {
	case r < 0x300:
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	case unicode.Is(unicode.Han, r):
		return 2
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
