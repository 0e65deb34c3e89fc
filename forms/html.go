package forms

import (
	"bufio"
	"html"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// HTML writes d as a complete HTML5 page ready to print on A4 from a browser: the page's
// margins, fonts and sizes taken from s (half-points become points, twips millimetres),
// the title centred in s.TitleFont, tables of fixed layout whose columns are as wide as
// their Widths in proportion, merged cells as colspan and rowspan, rows kept whole on a
// page, a label cell bold and centred, a row's Height its least height, and a PageBreak a
// new page. On a screen the page shows as a white A4 sheet on grey.
//
// All text is escaped; a newline in a text is a line break (<br>), and characters that
// HTML does not allow (control characters, invalid UTF-8) become U+FFFD. Fields of s left
// zero (no fonts, no sizes, no margins) take [DefaultStyle]'s.
//
// HTML returns d.Validate's error before writing anything, or the writer's.
func HTML(w io.Writer, d *Document, s Style) error {
	if err := d.Validate(); err != nil {
		return err
	}
	s = s.withDefaults()
	b := bufio.NewWriter(w)
	title := d.Title
	if title == "" {
		title = d.Name
	}
	margins := make([]string, 4)
	for i, m := range s.Margins {
		margins[i] = cssNumber(math.Round(float64(m)*254/1440)/10, "mm")
	}
	margin := strings.Join(margins, " ")
	b.WriteString(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>`)
	b.WriteString(htmlText(strings.ReplaceAll(title, "\n", " ")))
	b.WriteString(`</title>
<style>
@page { size: A4; margin: ` + margin + `; }
body { margin: 0; font-family: ` + cssFonts(s.BodyFont) + `; font-size: ` + cssNumber(float64(s.BodySize)/2, "pt") + `; line-height: 1.5; color: black; background: white; }
h1 { font-family: ` + cssFonts(s.TitleFont) + `; font-size: ` + cssNumber(float64(s.TitleSize)/2, "pt") + `; font-weight: normal; text-align: center; line-height: 1.3; margin: 0 0 0.5em; }
h2 { font-size: ` + cssNumber(float64(s.BodySize)/2, "pt") + `; font-weight: bold; margin: 0.5em 0 0; }
p { margin: 0; }
h1, h2, p, td { white-space: pre-wrap; }
p.subtitle { text-align: center; margin-bottom: 0.5em; }
.indent { text-indent: 2em; }
.center { text-align: center; }
.right { text-align: right; }
.bold { font-weight: bold; }
table { border-collapse: collapse; table-layout: fixed; width: 100%; font-size: ` + cssNumber(float64(s.TableSize)/2, "pt") + `; line-height: 1.4; margin: 0.5em 0; }
td { border: 1px solid black; padding: 2pt 4pt; vertical-align: middle; overflow-wrap: anywhere; }
td.label { font-weight: bold; text-align: center; }
tr { break-inside: avoid; page-break-inside: avoid; }
div.page-break { break-after: page; page-break-after: always; }
@media print {
  td { border-width: 0.5pt; }
}
@media screen {
  html { background: #d9d9d9; }
  body { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 16px auto; padding: ` + margin + `; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.35); }
  div.page-break { margin: 2em 0; border-top: 1px dashed #999; }
}
</style>
</head>
<body>
`)
	if d.Title != "" {
		b.WriteString("<h1>" + htmlLines(d.Title) + "</h1>\n")
	}
	if d.Subtitle != "" {
		b.WriteString(`<p class="subtitle">` + htmlLines(d.Subtitle) + "</p>\n")
	}
	for _, blk := range d.Blocks {
		switch blk := blk.(type) {
		case *Heading:
			b.WriteString("<h2>" + htmlLines(blk.Text) + "</h2>\n")
		case *Paragraph:
			var class []string
			if blk.Indent {
				class = append(class, "indent")
			}
			switch blk.Align {
			case AlignCenter:
				class = append(class, "center")
			case AlignRight:
				class = append(class, "right")
			}
			if blk.Bold {
				class = append(class, "bold")
			}
			b.WriteString("<p")
			if len(class) > 0 {
				b.WriteString(` class="` + strings.Join(class, " ") + `"`)
			}
			b.WriteString(">" + htmlLines(blk.Text) + "</p>\n")
		case *Table:
			htmlTable(b, blk)
		case *PageBreak:
			b.WriteString(`<div class="page-break" style="break-after: page"></div>` + "\n")
		}
	}
	b.WriteString("</body>\n</html>\n")
	return b.Flush()
}

// htmlTable writes t, which is valid.
func htmlTable(b *bufio.Writer, t *Table) {
	total := 0
	for _, w := range t.Widths {
		total += w
	}
	b.WriteString("<table>\n<colgroup>")
	for _, w := range t.Widths {
		b.WriteString(`<col style="width: ` + cssNumber(float64(w)*100/float64(total), "%") + `">`)
	}
	b.WriteString("</colgroup>\n")
	for r, row := range t.grid() {
		b.WriteString("<tr")
		if h := t.Rows[r].Height; h > 0 {
			b.WriteString(` style="height: ` + cssNumber(float64(h)/20, "pt") + `"`)
		}
		b.WriteString(">")
		for _, p := range row {
			if p.rows == 0 {
				continue // covered by the rowspan of the cell above
			}
			b.WriteString("<td")
			if p.span > 1 {
				b.WriteString(` colspan="` + strconv.Itoa(p.span) + `"`)
			}
			if p.rows > 1 {
				b.WriteString(` rowspan="` + strconv.Itoa(p.rows) + `"`)
			}
			if p.Label {
				b.WriteString(` class="label"`)
			}
			switch p.Align {
			case AlignCenter:
				if !p.Label {
					b.WriteString(` style="text-align: center"`)
				}
			case AlignRight:
				b.WriteString(` style="text-align: right"`)
			}
			b.WriteString(">")
			for i, l := range p.Lines {
				if i > 0 {
					b.WriteString("<br>")
				}
				b.WriteString(htmlLines(l))
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
}

// htmlLines returns s escaped, its newlines as <br>.
func htmlLines(s string) string {
	return strings.ReplaceAll(htmlText(s), "\n", "<br>")
}

// htmlText returns s escaped for the text of an element or an attribute's value, with the
// characters HTML and XML do not allow (control characters but tab and newline, lone
// surrogates, U+FFFE and U+FFFF, invalid UTF-8) replaced by U+FFFD and carriage returns
// dropped.
func htmlText(s string) string {
	clean := utf8.ValidString(s)
	for _, r := range s {
		if !clean || !htmlAllowed(r) || r == '\r' {
			clean = false
			break
		}
	}
	if !clean {
		var b strings.Builder
		for _, r := range s {
			switch {
			case r == '\r':
			case htmlAllowed(r):
				b.WriteRune(r)
			default:
				b.WriteRune('\uFFFD')
			}
		}
		s = b.String()
	}
	return html.EscapeString(s)
}

// htmlAllowed reports whether HTML and XML allow r in text: not a control character but
// tab, newline and carriage return, not a noncharacter U+FFFE or U+FFFF. utf8.RuneError
// (U+FFFD) of an invalid byte is allowed: ranging over a string decodes it so.
func htmlAllowed(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return false
	case r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
		return false
	}
	return r <= 0x10ffff
}

// cssFonts returns the font families as a CSS font-family value: names quoted, generic
// families bare, a generic family (serif) last if none is.
func cssFonts(fonts []string) string {
	var out []string
	generic := false
	for _, f := range fonts {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		switch f {
		case "serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui",
			"ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "math", "emoji", "fangsong":
			out = append(out, f)
			generic = true
			continue
		}
		generic = false
		var q strings.Builder
		q.WriteByte('"')
		for _, r := range f {
			switch {
			case r == '"' || r == '\\':
				q.WriteByte('\\')
				q.WriteRune(r)
			case r == '<' || r == '>' || r == '&' || !htmlAllowed(r) || r < 0x20:
				// Escaped as code points so that no "</style>" can end the style sheet.
				q.WriteString(`\` + strconv.FormatInt(int64(r), 16) + " ")
			default:
				q.WriteRune(r)
			}
		}
		q.WriteByte('"')
		out = append(out, q.String())
	}
	if !generic {
		out = append(out, "serif")
	}
	return strings.Join(out, ", ")
}

// cssNumber returns v with unit, rounded to two decimals.
func cssNumber(v float64, unit string) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) + unit
}
