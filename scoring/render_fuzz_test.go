package scoring

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// fuzzSection returns a section of n rows (up to 80, past the 60 a chart plots) whose
// labels are the comma-separated fields of labels, in turn, and whose two numeric columns
// come from a and b; bit i%8 of blanks makes row i's cells Blank.
func fuzzSection(kind uint8, labels string, a, b float64, blanks, n uint8) Section {
	kinds := []ChartKind{ChartBar, ChartLine, ChartShare}
	formats := []Format{FormatInt, FormatDecimal, FormatPercent, FormatDelta, FormatDeltaPercent}
	fields := strings.Split(labels, ",")
	t := &Table{Sheet: "表", Columns: []Column{{labels, FormatText}, {"甲" + labels, formats[int(kind)%len(formats)]},
		{"乙", formats[int(kind/8)%len(formats)]}}}
	for i := range int(n % 81) {
		blank := blanks>>(i%8)&1 == 1
		t.Rows = append(t.Rows, []Cell{Text(fields[i%len(fields)]),
			{Value: a * float64(i%7-2), Blank: blank}, {Value: b / float64(i+1), Blank: blank && i%3 == 0}})
	}
	ch := &Chart{Kind: kinds[int(kind)%len(kinds)], Title: labels, Values: []int{1, 2}}
	if ch.Kind == ChartShare || kind&0x40 != 0 {
		ch.Values = ch.Values[:1]
	}
	return Section{Heading: labels, Table: t, Chart: ch}
}

// FuzzChartSVG checks that ChartSVG never panics and that what it returns is well-formed
// XML of bounded size, whatever the labels and values.
func FuzzChartSVG(f *testing.F) {
	f.Add(uint8(0), "县市场监管局,县税务局,县不动产登记中心", 12.5, 300.0, uint8(0), uint8(6))
	f.Add(uint8(1), "2026-06,2026-07,<b>&'\"", 0.95, -0.01, uint8(0x24), uint8(7))
	f.Add(uint8(2), "服务态度,办事效率,\x01\x7f\u0085\ufffe", 9.0, 0.0, uint8(0x81), uint8(75))
	f.Add(uint8(5), "", 0.0, 0.0, uint8(0xff), uint8(3))
	f.Add(uint8(4), "a\nb,c\td", 1e308, -1e308, uint8(0), uint8(61))
	f.Fuzz(func(t *testing.T, kind uint8, labels string, a, b float64, blanks, n uint8) {
		s := fuzzSection(kind, labels, a, b, blanks, n)
		svg, err := ChartSVG(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "scoring: bulletin") {
				t.Fatalf("ChartSVG: %v", err)
			}
			return // not finite, not UTF-8, too long: Validate's to judge
		}
		if len(svg) > 64<<10 {
			t.Fatalf("%d bytes for %d rows", len(svg), len(s.Table.Rows))
		}
		dec := xml.NewDecoder(bytes.NewReader(svg))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("not well-formed: %v\n%s", err, svg)
			}
		}
		if bytes.Contains(svg, []byte("NaN")) || bytes.Contains(svg, []byte("Inf")) {
			t.Fatalf("a coordinate is not a number:\n%s", svg)
		}
	})
}

// FuzzWriteMarkdown checks that WriteMarkdown never panics, that every row of its tables
// has the cells of the header, and that no text becomes a heading, HTML or a table.
func FuzzWriteMarkdown(f *testing.F) {
	f.Add("通报", "县市场监管局,<script>,a|b", "*加急*\n第二行", 1.0)
	f.Add("# 标题\n===", "1. 列表,- 项,> 引用", "\\|\\\\|", -0.5)
	f.Add("", "", "\r\n\t\x00", 0.0)
	f.Fuzz(func(t *testing.T, title, labels, text string, v float64) {
		s := fuzzSection(0, labels, v, v, 0x11, 9)
		s.Paragraphs = []string{text}
		s.Table.Notes = []string{text}
		s.Table.Columns = append(s.Table.Columns, Column{text, FormatText})
		for i := range s.Table.Rows {
			s.Table.Rows[i] = append(s.Table.Rows[i], Text(text))
		}
		bl := &Bulletin{Title: title, Issuer: text, Lead: []string{text}, Sections: []Section{s}}
		var out bytes.Buffer
		if err := WriteMarkdown(&out, bl, MarkdownOptions{ChartLink: func(int) string { return text }}); err != nil {
			if bl.Validate() == nil {
				t.Fatalf("WriteMarkdown: %v for a valid bulletin", err)
			}
			return
		}
		lines := strings.Split(out.String(), "\n")
		cols := 0
		for _, l := range lines {
			switch {
			case strings.HasPrefix(l, "|"):
				if cols == 0 {
					cols = pipes(l)
				}
				if pipes(l) != cols {
					t.Fatalf("row %q has %d pipes, the header %d:\n%s", l, pipes(l), cols, out.String())
				}
			case cols > 0:
				cols = 0
			}
		}
		if strings.HasPrefix(lines[0], "|") {
			t.Fatalf("the first line is a table: %q", lines[0])
		}
		if got := strings.Count("\n"+out.String(), "\n## "); got != 1 {
			t.Fatalf("%d section headings:\n%s", got, out.String())
		}
	})
}
