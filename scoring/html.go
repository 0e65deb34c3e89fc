package scoring

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/haochaping/haochaping"
)

// bulletinCSS is the style sheet of a bulletin's page: A4 with GB/T 9704's fonts (a 小标宋
// title, 仿宋 body, 黑体 headings), a red title over a red rule (the look of a 红头 notice),
// tables in a sans-serif font with numbers right-aligned, and a white sheet on grey on a
// screen. It has no "<", so it cannot end its <style> element.
const bulletinCSS = `@page { size: A4; margin: 25mm 20mm 22mm 20mm; }
body { margin: 0; font-family: "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 14pt; line-height: 1.7; color: #000; background: #fff; }
header { text-align: center; border-bottom: 2.5pt solid #c00; padding-bottom: 8pt; margin-bottom: 18pt; }
h1 { font-family: "方正小标宋简体", "宋体", "SimSun", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 22pt; font-weight: bold; color: #c00; line-height: 1.35; margin: 0 0 10pt; }
header p { text-indent: 0; font-size: 12pt; margin: 0; }
header p span + span { margin-left: 2em; }
h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 14pt; font-weight: bold; margin: 16pt 0 6pt; break-after: avoid; }
p { margin: 0 0 4pt; text-indent: 2em; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 8pt 0 4pt; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10pt; line-height: 1.4; }
thead { display: table-header-group; }
th, td { border: 0.75pt solid #000; padding: 3pt 5pt; vertical-align: middle; overflow-wrap: anywhere; }
th { background: #f0f0f0; font-weight: bold; text-align: center; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.short { white-space: nowrap; overflow-wrap: normal; }
tr { break-inside: avoid; page-break-inside: avoid; }
div.notes p { font-size: 10.5pt; line-height: 1.5; text-indent: 0; margin: 0 0 2pt; color: #333; }
figure { margin: 10pt 0 14pt; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; max-width: 170mm; height: auto; }
p.sign { text-indent: 0; text-align: right; margin-top: 24pt; }
@media print {
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@media screen {
  html { background: #d9d9d9; }
  body { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 16px auto; padding: 25mm 20mm 22mm 20mm; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.35); }
}
`

// WriteHTML writes b as a complete HTML5 page, ready to print on A4 from a browser: the
// title centred in red over a red rule with the issuer, the period and the date of issue
// (the look of a 红头 notice); the lead paragraphs; the sections numbered 一、二、… before
// their headings; each table with a header row, numbers right-aligned and written as their
// column's [Format] says (a Blank cell as "—"), its notes under it in smaller type, and
// its chart under them as inline SVG ([ChartSVG]); and the issuer and date again at the end
// (落款).
//
// The page loads nothing (no script, font, image or style sheet from elsewhere) and is
// well-formed XML as well as HTML. All text is escaped; a newline in a paragraph or a cell
// is a line break, and characters HTML does not allow become U+FFFD.
//
// WriteHTML returns b.Validate's error before writing anything, or the writer's.
func WriteHTML(w io.Writer, b *Bulletin) error {
	if err := b.Validate(); err != nil {
		return err
	}
	out := bufio.NewWriter(w)
	out.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\" />\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>")
	out.WriteString(xmlText(oneLine(b.Title)))
	out.WriteString("</title>\n<style>\n" + bulletinCSS + "</style>\n</head>\n<body>\n<header>\n")
	if b.Title != "" {
		out.WriteString("<h1>" + htmlLines(b.Title) + "</h1>\n")
	}
	var meta []string
	if b.Issuer != "" {
		meta = append(meta, xmlText(oneLine(b.Issuer)))
	}
	if b.Period.Valid() {
		meta = append(meta, "统计周期："+xmlText(b.Period.Label()))
	}
	date := dateLabel(b)
	if date != "" {
		meta = append(meta, date)
	}
	if len(meta) > 0 {
		out.WriteString("<p><span>" + strings.Join(meta, "</span><span>") + "</span></p>\n")
	}
	out.WriteString("</header>\n")
	for _, p := range b.Lead {
		htmlParagraph(out, p, "")
	}
	var chart bytes.Buffer
	for i, s := range b.Sections {
		out.WriteString("<section>\n<h2>" + htmlLines(b.Heading(i)) + "</h2>\n")
		for _, p := range s.Paragraphs {
			htmlParagraph(out, p, "")
		}
		if t := s.Table; t != nil {
			htmlTable(out, t)
			if len(t.Notes) > 0 {
				out.WriteString("<div class=\"notes\">\n")
				for j, n := range t.Notes {
					if j == 0 && !strings.HasPrefix(n, "注") {
						n = "注：" + n
					}
					htmlParagraph(out, n, "")
				}
				out.WriteString("</div>\n")
			}
		}
		if s.Chart != nil {
			chart.Reset()
			writeChart(&chart, s)
			out.WriteString("<figure>\n")
			out.Write(chart.Bytes())
			out.WriteString("</figure>\n")
		}
		out.WriteString("</section>\n")
	}
	if b.Issuer != "" || date != "" {
		var sign []string
		if b.Issuer != "" {
			sign = append(sign, htmlLines(b.Issuer))
		}
		if date != "" {
			sign = append(sign, date)
		}
		out.WriteString("<p class=\"sign\">" + strings.Join(sign, "<br />") + "</p>\n")
	}
	out.WriteString("</body>\n</html>\n")
	return out.Flush()
}

// dateLabel returns b's date of issue in Chinese, "2026年12月5日", or "" for none.
func dateLabel(b *Bulletin) string {
	if b.Date.IsZero() {
		return ""
	}
	d := b.Date.In(haochaping.Location())
	return strconv.Itoa(d.Year()) + "年" + strconv.Itoa(int(d.Month())) + "月" + strconv.Itoa(d.Day()) + "日"
}

// htmlParagraph writes the paragraph s, in class if not "".
func htmlParagraph(out *bufio.Writer, s, class string) {
	out.WriteString("<p")
	if class != "" {
		out.WriteString(` class="` + class + `"`)
	}
	out.WriteString(">" + htmlLines(s) + "</p>\n")
}

// shortCell is the length of a text cell kept on one line (a case ID, a date and time, a
// unit's name), so that the columns of long texts are the ones that wrap.
const shortCell = 16

// htmlTable writes the valid table t.
func htmlTable(out *bufio.Writer, t *Table) {
	out.WriteString("<table>\n<thead>\n<tr>")
	for _, c := range t.Columns {
		out.WriteString("<th>" + htmlLines(c.Title) + "</th>")
	}
	out.WriteString("</tr>\n</thead>\n<tbody>\n")
	for _, row := range t.Rows {
		out.WriteString("<tr>")
		for k, c := range row {
			f := t.Columns[k].Format
			switch {
			case f == FormatText && utf8.RuneCountInString(c.Text) <= shortCell && !strings.Contains(c.Text, "\n"):
				out.WriteString(`<td class="short">` + xmlText(c.Text) + "</td>")
				continue
			case f == FormatText:
				out.WriteString("<td>" + htmlLines(c.Text) + "</td>")
				continue
			}
			out.WriteString(`<td class="num">` + xmlText(c.Format(f)) + "</td>")
		}
		out.WriteString("</tr>\n")
	}
	out.WriteString("</tbody>\n</table>\n")
}

// htmlLines returns s escaped, its newlines as <br />.
func htmlLines(s string) string {
	return strings.ReplaceAll(xmlText(s), "\n", "<br />")
}
