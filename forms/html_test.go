package forms

import (
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"strconv"
	"strings"
	"testing"
)

func TestHTMLGolden(t *testing.T) {
	var b bytes.Buffer
	d := sample()
	if err := HTML(&b, d, DefaultStyle()); err != nil {
		t.Fatal(err)
	}
	golden(t, "sample.html", b.Bytes())
	text := checkHTML(t, b.Bytes(), d)
	for _, s := range []string{"张*三 <script>alert('x')</script>", "A&B \"quoted\" 'single'", "整改措施 <b>一</b> & 二 | *三* _四_", longText} {
		if !strings.Contains(text, s) {
			t.Errorf("text %q missing from the page's text", s)
		}
	}
	if bytes.Contains(b.Bytes(), []byte("<script")) || bytes.Contains(b.Bytes(), []byte("<b>")) || bytes.Contains(b.Bytes(), []byte("<draft")) {
		t.Error("markup of the input appears unescaped")
	}
	for _, s := range []string{
		"<!DOCTYPE html>\n<html lang=\"zh-CN\">",
		`<meta charset="utf-8">`,
		"<title>差评办件转办登记表</title>",
		"@page { size: A4; margin: 37mm 26mm 35mm 28mm; }",
		`font-family: "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt;`,
		`font-family: "方正小标宋简体", "宋体", "SimSun", "STSong", "Noto Serif CJK SC", serif; font-size: 22pt;`,
		"border-collapse: collapse; table-layout: fixed; width: 100%; font-size: 14pt;",
		`<col style="width: 15.56%"><col style="width: 24.44%">`,
		`<td rowspan="3" class="label">办理事项</td>`,
		`<tr style="height: 85.05pt">`,
		`<div class="page-break" style="break-after: page"></div>`,
		"tr { break-inside: avoid; page-break-inside: avoid; }",
		"第一行<br>第二行<br>second_line *bold?*",
		"@media screen",
	} {
		if !bytes.Contains(b.Bytes(), []byte(s)) {
			t.Errorf("page lacks %q", s)
		}
	}
}

// htmlElements are the elements HTML writes: any other is the input's markup let through.
var htmlElements = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
	"h1": true, "h2": true, "p": true, "table": true, "colgroup": true, "col": true,
	"tr": true, "td": true, "br": true, "div": true,
}

// checkHTML checks that page is well-formed (encoding/xml, HTML mode), writes only the
// elements HTML writes, and that in every table each row's colspans and the rowspans
// reaching it from above fill the grid. It returns the page's text, the body's lines
// joined by newlines where <br> stands.
func checkHTML(t *testing.T, page []byte, d *Document) string {
	t.Helper()
	var tables []*Table
	for _, blk := range d.Blocks {
		if tb, ok := blk.(*Table); ok {
			tables = append(tables, tb)
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(page))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var (
		text  strings.Builder
		stack []string
		table = -1
		carry []int // for each grid column, how many more rows a rowspan above covers
		cols  int   // grid columns of the current row so far
		row   int
	)
	attr := func(e xml.StartElement, name string) int {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				n, err := strconv.Atoi(a.Value)
				if err != nil || n < 1 {
					t.Errorf("%s=%q", name, a.Value)
				}
				return n
			}
		}
		return 1
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("page not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := tok.Name.Local
			if !htmlElements[name] || tok.Name.Space != "" {
				t.Errorf("unexpected element <%s:%s>", tok.Name.Space, name)
			}
			stack = append(stack, name)
			switch name {
			case "br":
				text.WriteByte('\n')
			case "table":
				table++
				if table >= len(tables) {
					t.Fatalf("more tables than the document has")
				}
				carry = make([]int, len(tables[table].Widths))
				row = 0
			case "tr":
				cols = 0
				row++
			case "td":
				// Skip the grid columns a rowspan above covers.
				for cols < len(carry) && carry[cols] > 0 {
					cols++
				}
				span, rows := attr(tok, "colspan"), attr(tok, "rowspan")
				if cols+span > len(carry) {
					t.Errorf("table %d, row %d: a cell overruns the grid of %d", table+1, row, len(carry))
					continue
				}
				for j := cols; j < cols+span; j++ {
					carry[j] = rows
				}
				cols += span
			}
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != tok.Name.Local {
				t.Fatalf("</%s> closes %v", tok.Name.Local, stack)
			}
			stack = stack[:len(stack)-1]
			switch tok.Name.Local {
			case "tr":
				for cols < len(carry) && carry[cols] > 0 {
					cols++
				}
				if cols != len(carry) {
					t.Errorf("table %d, row %d: cells and rowspans cover %d grid columns, the grid has %d", table+1, row, cols, len(carry))
				}
				for j := range carry {
					carry[j] = max(carry[j]-1, 0)
				}
			case "table":
				for j, c := range carry {
					if c > 0 {
						t.Errorf("table %d: a rowspan in grid column %d reaches %d rows past the end", table+1, j+1, c)
					}
				}
			case "p", "h1", "h2", "td", "title":
				text.WriteByte('\n')
			}
		case xml.CharData:
			if len(stack) > 0 && stack[len(stack)-1] != "style" {
				text.Write(tok)
			}
		}
	}
	if len(stack) != 0 {
		t.Errorf("elements left open: %v", stack)
	}
	if table+1 != len(tables) {
		t.Errorf("found %d tables, want %d", table+1, len(tables))
	}
	return text.String()
}

func TestHTMLStyle(t *testing.T) {
	d := &Document{Name: "seal", Blocks: []Block{&Paragraph{Text: "x"}}}
	s := Style{BodyFont: []string{`A"B`, "</style><script>"}, Margins: [4]int{567, 567, 567, 567}}
	var b bytes.Buffer
	if err := HTML(&b, d, s); err != nil {
		t.Fatal(err)
	}
	checkHTML(t, b.Bytes(), d)
	for _, want := range []string{
		`font-family: "A\"B", "\3c /style\3e \3c script\3e ", serif; font-size: 16pt;`,
		"margin: 10mm 10mm 10mm 10mm;",
		"<title>seal</title>",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(b.String(), "<script") {
		t.Error("a font name's markup let through")
	}
}

func TestHTMLText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a<b>&\"'", "a&lt;b&gt;&amp;&#34;&#39;"},
		{"a\x00b\x1bc\r\n", "a\uFFFDb\uFFFDc\n"},
		{"bad \xff utf-8", "bad \uFFFD utf-8"},
		{"\uFFFE", "\uFFFD"},
	} {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkHTML(b *testing.B) {
	d := sample()
	s := DefaultStyle()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := HTML(&buf, d, s); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzHTML(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, title, para, cell1, cell2 string) {
		d := fuzzDoc(title, para, cell1, cell2)
		var b bytes.Buffer
		if err := HTML(&b, d, DefaultStyle()); err != nil {
			t.Fatal(err)
		}
		text := checkHTML(t, b.Bytes(), d)
		// Every line of the input is in the page's text: none was taken as markup.
		for _, s := range []string{title, para, cell1, cell2} {
			clean := strings.ReplaceAll(html.UnescapeString(htmlText(s)), "\r", "")
			for _, l := range strings.Split(clean, "\n") {
				if !strings.Contains(text, l) {
					t.Errorf("input line %q not in the page's text", l)
				}
			}
		}
	})
}
