package scoring

import (
	"bufio"
	"io"
	"strings"

	"github.com/haochaping/haochaping/internal/mdtext"
)

// MarkdownOptions is how [WriteMarkdown] writes a bulletin. The zero value writes no
// images.
type MarkdownOptions struct {
	// ChartLink, when not nil, returns the link of the image of the chart of section i
	// (counted from 0), such as "chart-2.svg" for a file the caller writes with
	// [ChartSVG] beside the Markdown. It is called only for sections with a chart; an
	// empty link writes no image.
	ChartLink func(section int) string
}

// WriteMarkdown writes b as GitHub-flavoured Markdown: the title as "# "; a line with the
// issuer, the period and the date of issue; the lead paragraphs; each section as "## "
// numbered 一、二、… before its heading, then its paragraphs, its table as a pipe table
// (numeric columns aligned right, cells written as their column's [Format] says, a Blank
// cell as "—"), its notes as a block quote, and, when opt.ChartLink is set, the image of
// its chart.
//
// Every character of the text that Markdown would take as syntax is escaped (| \ * _ ` [
// ] < > & ~, and # + - = or a list number's . at the start of a line), so that text never
// breaks a table or becomes a link, HTML or emphasis; a newline in a cell is "<br>", in a
// paragraph a hard line break. Control characters are dropped, a tab is a space.
//
// WriteMarkdown returns b.Validate's error before writing anything, or the writer's.
func WriteMarkdown(w io.Writer, b *Bulletin, opt MarkdownOptions) error {
	if err := b.Validate(); err != nil {
		return err
	}
	out := bufio.NewWriter(w)
	first := true
	sep := func() {
		if !first {
			out.WriteByte('\n')
		}
		first = false
	}
	if t := mdJoin(b.Title, " "); t != "" {
		sep()
		out.WriteString("# " + t + "\n")
	}
	var meta []string
	if s := mdJoin(b.Issuer, " "); s != "" {
		meta = append(meta, s)
	}
	if b.Period.Valid() {
		meta = append(meta, "统计周期："+mdtext.Escape(b.Period.Label(), true))
	}
	if d := dateLabel(b); d != "" {
		meta = append(meta, d)
	}
	if len(meta) > 0 {
		sep()
		out.WriteString(strings.Join(meta, "　") + "\n")
	}
	for _, p := range b.Lead {
		if mdParagraph(out, p, first) {
			first = false
		}
	}
	for i, s := range b.Sections {
		sep()
		out.WriteString("## " + mdJoin(b.Heading(i), " ") + "\n")
		for _, p := range s.Paragraphs {
			mdParagraph(out, p, false)
		}
		if t := s.Table; t != nil {
			out.WriteByte('\n')
			mdTable(out, t)
			if len(t.Notes) > 0 {
				out.WriteByte('\n')
				for j, n := range t.Notes {
					if j == 0 && !strings.HasPrefix(n, "注") {
						n = "注：" + n
					}
					if j > 0 {
						out.WriteString(">\n")
					}
					var lines []string
					for _, l := range strings.Split(n, "\n") {
						if l = mdLine(l, true); l != "" {
							lines = append(lines, "> "+l)
						}
					}
					out.WriteString(strings.Join(lines, "\\\n") + "\n")
				}
			}
		}
		if s.Chart != nil && opt.ChartLink != nil {
			if link := mdLink(opt.ChartLink(i)); link != "" {
				out.WriteString("\n![" + mdJoin(s.Chart.Title, " ") + "](" + link + ")\n")
			}
		}
	}
	return out.Flush()
}

// mdParagraph writes the paragraph s, preceded by a blank line unless first, its lines
// joined by hard line breaks (a backslash at the end of the line), blank lines left out.
// It reports whether it wrote anything.
func mdParagraph(out *bufio.Writer, s string, first bool) bool {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = mdLine(l, true); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return false
	}
	if !first {
		out.WriteByte('\n')
	}
	out.WriteString(strings.Join(lines, "\\\n") + "\n")
	return true
}

// mdTable writes the valid table t as a pipe table.
func mdTable(out *bufio.Writer, t *Table) {
	out.WriteByte('|')
	for _, c := range t.Columns {
		mdCell(out, c.Title)
	}
	out.WriteString("\n|")
	for _, c := range t.Columns {
		if c.Format == FormatText {
			out.WriteString(" --- |")
		} else {
			out.WriteString(" ---: |")
		}
	}
	out.WriteByte('\n')
	for _, row := range t.Rows {
		out.WriteByte('|')
		for k, c := range row {
			mdCell(out, c.Format(t.Columns[k].Format))
		}
		out.WriteByte('\n')
	}
}

// mdCell writes the cell s and the pipe that ends it.
func mdCell(out *bufio.Writer, s string) {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = mdLine(l, false); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		out.WriteString("  |")
		return
	}
	out.WriteString(" " + strings.Join(lines, "<br>") + " |")
}

// mdJoin returns the lines of s escaped and joined by sep.
func mdJoin(s, sep string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = mdLine(l, true); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, sep)
}

// mdLine returns the line l escaped (as the start of a block's line when block), without
// control characters (a tab is a space) and without the spaces at its ends, which
// Markdown would drop or take as a code block or a line break.
func mdLine(l string, block bool) string {
	l = strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r < 0x20, r >= 0x7f && r <= 0x9f, r == 0xfffe, r == 0xffff:
			return -1
		}
		return r
	}, l)
	return mdtext.Escape(strings.Trim(l, " "), block)
}

// mdLink returns link fit for the destination of a Markdown image: without control
// characters, and with the spaces, parentheses and angle brackets that would end it
// percent-encoded.
func mdLink(link string) string {
	var b strings.Builder
	for _, r := range link {
		switch {
		case r == ' ':
			b.WriteString("%20")
		case r == '(':
			b.WriteString("%28")
		case r == ')':
			b.WriteString("%29")
		case r == '<':
			b.WriteString("%3C")
		case r == '>':
			b.WriteString("%3E")
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
