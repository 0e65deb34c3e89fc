package forms

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// longText is a cell's text far wider than its column.
const longText = "经核查，该评价人于2026年3月2日上午在县政务服务中心不动产登记窗口办理二手房转移登记时，因材料不齐被告知需补充提交完税证明（tax receipt），往返两次，等候时间较长，遂给予“非常不满意”评价。"

// sample returns a document that uses everything the model has: title, subtitle,
// headings, paragraphs, a table with spans, a vertical merge over three rows, blank
// cells, labels, row heights, a page break, markup characters, CJK mixed with ASCII, a
// newline in a cell and a long text.
func sample() *Document {
	return &Document{
		Name:     "registration",
		Title:    "差评办件转办登记表",
		Subtitle: "编号：RA-2026-0042 <draft>",
		Blocks: []Block{
			&Heading{Text: "一、申请人基本情况"},
			&Paragraph{Text: "根据《政务服务“好差评”差评办件整改办法》第五条，现将差评办件转办如下：", Indent: true},
			&Table{
				Widths: []int{1400, 2200, 1400, 2200, 1800},
				Rows: []Row{
					{Cells: []Cell{
						{Lines: []string{"评价人"}, Label: true},
						{Lines: []string{"张*三 <script>alert('x')</script>"}},
						{Lines: []string{"联系电话"}, Label: true},
						{Lines: []string{"138****5678"}, Span: 2},
					}},
					{Cells: []Cell{
						{Lines: []string{"办理事项"}, Label: true, Merge: MergeStart},
						{Lines: []string{"不动产登记 | 二手房转移"}, Span: 3},
						{Lines: []string{"A&B \"quoted\" 'single'"}, Align: AlignCenter},
					}},
					{Cells: []Cell{
						{Merge: MergeContinue},
						{Lines: []string{"第一行\n第二行", "second_line *bold?*"}, Span: 2},
						{Lines: []string{"办理部门"}, Label: true},
						{},
					}},
					{Cells: []Cell{
						{Merge: MergeContinue},
						{Lines: []string{longText}, Span: 4},
					}},
					{Cells: []Cell{
						{Lines: []string{"处理意见"}, Label: true},
						{Span: 4},
					}, Height: 1701},
					{Cells: []Cell{
						{Lines: []string{"# not a heading"}, Label: true},
						{Lines: []string{"1. not a list", "- nor this"}, Span: 2, Merge: MergeStart},
						{Lines: []string{"签名：", "日期：    年  月  日"}, Span: 2, Align: AlignRight},
					}},
					{Cells: []Cell{
						{Lines: []string{`back\slash`}},
						{Span: 2, Merge: MergeContinue},
						{Lines: []string{"x"}},
						{Lines: []string{"ｆｕｌｌ－ｗｉｄｔｈ"}},
					}},
				},
			},
			&Paragraph{Text: "县政管办（盖章）", Align: AlignRight},
			&Paragraph{Text: "2026年3月4日", Align: AlignRight},
			&PageBreak{},
			&Heading{Text: "二、整改情况"},
			&Paragraph{Text: "整改措施 <b>一</b> & 二 | *三* _四_\n另起一行。", Indent: true, Bold: true},
			&Paragraph{Text: "居中", Align: AlignCenter},
		},
	}
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%s", name, got)
	}
}

// renderers are the three renderers of this file's tests, by name.
var renderers = map[string]func(*bytes.Buffer, *Document) error{
	"Text":     func(b *bytes.Buffer, d *Document) error { return Text(b, d) },
	"Markdown": func(b *bytes.Buffer, d *Document) error { return Markdown(b, d) },
	"HTML":     func(b *bytes.Buffer, d *Document) error { return HTML(b, d, DefaultStyle()) },
}

func TestValidate(t *testing.T) {
	table := func(widths int, rows ...[]Cell) *Table {
		t := &Table{Widths: make([]int, widths)}
		for i := range t.Widths {
			t.Widths[i] = 1000
		}
		for _, r := range rows {
			t.Rows = append(t.Rows, Row{Cells: r})
		}
		return t
	}
	one := Cell{Lines: []string{"x"}}
	tests := []struct {
		name string
		doc  *Document
		want []string // substrings of the error; none for a valid document
	}{
		{"sample", sample(), nil},
		{"empty document", &Document{}, nil},
		{"nil document", nil, []string{"forms: nil Document"}},
		{"spans too wide", &Document{Blocks: []Block{
			table(4, []Cell{one, one, one, one}),
			&Paragraph{},
			table(4, []Cell{one, one, one, one}, []Cell{one, one, one, one}, []Cell{one, {Span: 2}, one, one}),
		}}, []string{"forms: table 2, row 3: cells span 5 grid columns, the grid has 4"}},
		{"spans too narrow", &Document{Blocks: []Block{table(3, []Cell{one})}},
			[]string{"forms: table 1, row 1: cells span 1 grid columns, the grid has 3"}},
		{"continue in the first row", &Document{Blocks: []Block{table(2, []Cell{{Merge: MergeContinue}, one})}},
			[]string{"forms: table 1, row 1: cell 1 (grid column 1) is a MergeContinue without a MergeStart above it"}},
		{"continue under a plain cell", &Document{Blocks: []Block{table(2, []Cell{one, one}, []Cell{one, {Merge: MergeContinue}})}},
			[]string{"forms: table 1, row 2: cell 2 (grid column 2) is a MergeContinue without a MergeStart above it"}},
		{"continue in another grid column", &Document{Blocks: []Block{table(3,
			[]Cell{{Merge: MergeStart}, one, one},
			[]Cell{one, {Merge: MergeContinue}, one})}},
			[]string{"forms: table 1, row 2: cell 2 (grid column 2) is a MergeContinue without a MergeStart"}},
		{"continue of another span", &Document{Blocks: []Block{table(3,
			[]Cell{{Merge: MergeStart, Span: 2}, one},
			[]Cell{{Merge: MergeContinue}, one, one})}},
			[]string{"forms: table 1, row 2: cell 1 (grid column 1) continues a merge 2 grid columns wide but spans 1"}},
		{"merge broken by a plain row", &Document{Blocks: []Block{table(1,
			[]Cell{{Merge: MergeStart}}, []Cell{one}, []Cell{{Merge: MergeContinue}})}},
			[]string{"forms: table 1, row 3: cell 1 (grid column 1) is a MergeContinue without"}},
		{"no columns", &Document{Blocks: []Block{&Table{}}}, []string{"forms: table 1 has no grid columns"}},
		{"zero width", &Document{Blocks: []Block{&Table{Widths: []int{100, 0}}}},
			[]string{"forms: table 1: grid column 2 has width 0"}},
		{"nil blocks", &Document{Blocks: []Block{nil, (*Table)(nil), (*Paragraph)(nil)}},
			[]string{"forms: block 1 is nil", "forms: table 1 is nil", "forms: block 3 is a nil *Paragraph"}},
		{"every problem at once", &Document{Blocks: []Block{table(2, []Cell{one}, []Cell{{Merge: MergeContinue}, one, one})}},
			[]string{"table 1, row 1: cells span 1 grid columns, the grid has 2", "table 1, row 2: cell 1 (grid column 1) is a MergeContinue", "table 1, row 2: cells span 3 grid columns"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.doc.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
			} else {
				if err == nil {
					t.Fatalf("Validate() = nil, want %q", tt.want)
				}
				for _, w := range tt.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("Validate() = %q, want it to contain %q", err, w)
					}
				}
			}
			// Every renderer refuses what Validate refuses, writing nothing.
			for name, render := range renderers {
				var b bytes.Buffer
				rerr := render(&b, tt.doc)
				if (rerr == nil) != (err == nil) {
					t.Errorf("%s: error %v, Validate's %v", name, rerr, err)
				}
				if err != nil && b.Len() > 0 {
					t.Errorf("%s wrote %d bytes of an invalid document", name, b.Len())
				}
			}
		})
	}
}

func TestGrid(t *testing.T) {
	g := sample().Blocks[2].(*Table).grid()
	type pos struct{ r, col, span, rows int }
	var got []pos
	for r, row := range g {
		for _, p := range row {
			if p.rows != 1 || p.span != 1 {
				got = append(got, pos{r, p.col, p.span, p.rows})
			}
		}
	}
	want := []pos{
		{0, 3, 2, 1},
		{1, 0, 1, 3}, {1, 1, 3, 1},
		{2, 0, 1, 0}, {2, 1, 2, 1},
		{3, 0, 1, 0}, {3, 1, 4, 1},
		{4, 1, 4, 1},
		{5, 1, 2, 2}, {5, 3, 2, 1},
		{6, 1, 2, 0},
	}
	if len(got) != len(want) {
		t.Fatalf("grid: got %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("grid: got %v, want %v", got[i], want[i])
		}
	}
}

// fuzzDoc returns a valid document with the fuzzer's strings in its title, a paragraph
// and the cells of a table with a span and a vertical merge.
func fuzzDoc(title, para, cell1, cell2 string) *Document {
	return &Document{
		Title:    title,
		Subtitle: cell2,
		Blocks: []Block{
			&Heading{Text: para},
			&Paragraph{Text: para, Indent: true, Bold: true},
			&Table{
				Widths: []int{1000, 3000, 2000},
				Rows: []Row{
					{Cells: []Cell{{Lines: []string{cell1}, Label: true}, {Lines: []string{cell2, cell1}, Span: 2}}},
					{Cells: []Cell{{Lines: []string{cell2}, Merge: MergeStart}, {Lines: []string{title}}, {Lines: []string{cell1}, Align: AlignRight}}},
					{Cells: []Cell{{Merge: MergeContinue}, {Lines: []string{para}, Span: 2, Label: true}}},
				},
			},
			&PageBreak{},
			&Paragraph{Text: cell1, Align: AlignCenter},
		},
	}
}

// fuzzSeeds are the strings every fuzz test starts from.
var fuzzSeeds = [][4]string{
	{"差评办件转办登记表", "正文 text", "评价人", "张三"},
	{"<script>alert(1)</script>", "a|b\\|c", "*x* _y_ `z`", "# h\n- l\n1. n"},
	{"&amp;&lt;", "\x00\x1b[2J\r\n\t", "\xff\xfe", "\uFFFE\u2028\u0301e"},
	{"", "", "", ""},
	{"]]><!--", "</td></tr></table>", "<br>", "\\"},
	{longText, longText + longText, "ｆｕｌｌ－ｗｉｄｔｈ", "a b c d e f g h i j k l m n o p q r s t u v w x y z"},
}
