package forms

import (
	"bufio"
	"io"
	"strings"
	"unicode"

	"github.com/haochaping/haochaping/internal/mdtext"
)

// Markdown writes d as GitHub-flavoured Markdown: the title as "# ", the subtitle as a
// paragraph, headings as "## ", paragraphs (an indented one opened by two full-width
// spaces, a bold one in "**", a newline in the text a hard line break), tables as GFM
// tables.
//
// GFM needs a header row: the table's first row is it, so that a table of column names
// (序号, 回访时间…) reads as one and a form's first row of labels and values shows in
// bold; an empty header row would show as a blank bar above every form. Markdown cannot
// merge cells: a cell spanning n grid columns is written once and followed by n-1 empty
// cells, a cell continuing a vertical merge is empty. A label cell is bold; the lines of a
// cell are joined by "<br>". Every character of the text that Markdown would take as
// syntax is escaped (| \ * _ ` [ ] < > & ~, and # + - = or a list number's . at the start of
// a line), so text never breaks a table or becomes a link, HTML or emphasis. Control
// characters are dropped (a tab is a space). Alignment is lost.
//
// Markdown returns d.Validate's error before writing anything, or the writer's.
func Markdown(w io.Writer, d *Document) error {
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
	if line := mdJoin(d.Title, " "); line != "" {
		sep()
		b.WriteString("# " + line + "\n")
	}
	if d.Subtitle != "" {
		sep()
		mdParagraph(b, d.Subtitle, false)
	}
	for _, blk := range d.Blocks {
		switch blk := blk.(type) {
		case *Heading:
			if line := mdJoin(blk.Text, " "); line != "" {
				sep()
				b.WriteString("## " + line + "\n")
			}
		case *Paragraph:
			text := blk.Text
			if blk.Indent {
				text = "　　" + text
			}
			if strings.TrimSpace(cleanText(text)) != "" {
				sep()
				mdParagraph(b, text, blk.Bold)
			}
		case *Table:
			if len(blk.Rows) > 0 {
				sep()
				mdTable(b, blk)
			}
		case *PageBreak:
			// Markdown has no pages; a thematic break stands for the new page.
			sep()
			b.WriteString("---\n")
		}
	}
	return b.Flush()
}

// mdParagraph writes the paragraph s, its lines joined by hard line breaks (a backslash
// at the end of the line), blank lines left out.
func mdParagraph(b *bufio.Writer, s string, bold bool) {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = mdLine(l, bold); l != "" {
			lines = append(lines, l)
		}
	}
	b.WriteString(strings.Join(lines, "\\\n"))
	b.WriteByte('\n')
}

// mdTable writes t, which is valid and has rows.
func mdTable(b *bufio.Writer, t *Table) {
	g := t.grid()
	for r, row := range g {
		b.WriteByte('|')
		for _, p := range row {
			text := ""
			if p.rows > 0 {
				var lines []string
				for _, l := range p.Lines {
					for _, l := range strings.Split(l, "\n") {
						lines = append(lines, mdLine(l, p.Label))
					}
				}
				text = strings.Join(lines, "<br>")
			}
			if text == "" {
				b.WriteString("  |")
			} else {
				b.WriteString(" " + text + " |")
			}
			for range p.span - 1 {
				b.WriteString("  |")
			}
		}
		b.WriteByte('\n')
		if r == 0 {
			b.WriteByte('|')
			for range t.Widths {
				b.WriteString(" --- |")
			}
			b.WriteByte('\n')
		}
	}
}

// mdJoin returns the lines of s escaped and joined by sep.
func mdJoin(s, sep string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = mdLine(l, false); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, sep)
}

// mdLine returns the line l escaped, in "**" when bold, without the spaces at its ends
// (which Markdown would drop or take as a code block or a line break).
func mdLine(l string, bold bool) string {
	l = strings.TrimFunc(cleanText(l), func(r rune) bool { return r == ' ' })
	if l == "" {
		return ""
	}
	if !bold {
		return mdtext.Escape(l, true)
	}
	// Emphasis must not open or close next to whitespace: full-width spaces stay outside.
	core := strings.TrimFunc(l, unicode.IsSpace)
	if core == "" {
		return l
	}
	i := strings.Index(l, core)
	return l[:i] + "**" + mdtext.Escape(core, true) + "**" + l[i+len(core):]
}
