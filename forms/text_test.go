package forms

import (
	"bytes"
	"strings"
	"testing"
)

func TestTextGolden(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, sample()); err != nil {
		t.Fatal(err)
	}
	golden(t, "sample.txt", b.Bytes())
	checkText(t, b.String(), sample())
}

// checkText checks that every line of every table of out is as wide as the table's
// others and that every cell's text appears (wrapped, so with its spaces and line ends
// left out).
func checkText(t *testing.T, out string, d *Document) {
	t.Helper()
	lines := strings.Split(out, "\n")
	tableWidth := -1
	for i, l := range lines {
		if !strings.ContainsAny(l, "│┌└├─") || !strings.ContainsAny(l, "│┐┘┤┌└") {
			tableWidth = -1
			continue
		}
		if strings.HasPrefix(l, "┌") {
			tableWidth = textWidth(l)
		}
		if tableWidth < 0 {
			continue
		}
		if w := textWidth(l); w != tableWidth {
			t.Errorf("line %d is %d columns wide, its table %d:\n%s", i+1, w, tableWidth, l)
		}
	}
	// The text of each cell of each row: its segments between rules, line by line.
	var cells []string
	var row [][]rune // the content lines of the current row
	flush := func() {
		if len(row) == 0 {
			return
		}
		var texts []string
		for _, l := range row {
			i := 0
			for _, seg := range strings.Split(string(l), "│") {
				if i >= len(texts) {
					texts = append(texts, "")
				}
				texts[i] += seg
				i++
			}
		}
		cells = append(cells, texts...)
		row = nil
	}
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "│") && !strings.ContainsAny(l, "─"):
			row = append(row, []rune(l))
		default:
			flush()
		}
	}
	flush()
	squash := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '\n' {
				return -1
			}
			return r
		}, cleanText(s))
	}
	all := strings.Join(cells, "\x00")
	all = squash(all)
	for _, blk := range d.Blocks {
		tb, ok := blk.(*Table)
		if !ok {
			continue
		}
		for _, row := range tb.Rows {
			for _, c := range row.Cells {
				if c.Merge == MergeContinue {
					continue
				}
				var s string
				for _, l := range c.Lines {
					s += squash(l) // each line apart: two halves of a rune are two U+FFFD
				}
				if s != "" && !strings.Contains(all, s) {
					t.Errorf("cell text %q missing from the text", c.Lines)
				}
			}
		}
	}
}

func TestTextTable(t *testing.T) {
	// A vertical merge draws no rule across the merged cell; a span is one cell.
	d := &Document{Blocks: []Block{&Table{
		Widths: []int{1, 1, 2},
		Rows: []Row{
			{Cells: []Cell{{Lines: []string{"甲"}, Merge: MergeStart}, {Lines: []string{"ab"}, Span: 2}}},
			{Cells: []Cell{{Merge: MergeContinue}, {Lines: []string{"c"}}, {Lines: []string{"d"}}}},
		},
	}}}
	var b bytes.Buffer
	if err := Text(&b, d); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("got %d lines, want 5:\n%s", len(lines), b.String())
	}
	if !strings.HasPrefix(lines[0], "┌─") || strings.Count(lines[0], "┬") != 1 {
		t.Errorf("top rule %q: want one ┬ (the span hides the other)", lines[0])
	}
	if !strings.HasPrefix(lines[2], "│ ") || !strings.Contains(lines[2], "├") || strings.Count(lines[2], "┬") != 1 {
		t.Errorf("middle rule %q: want no rule under 甲, ├ after it and ┬ where the span splits", lines[2])
	}
	if textWidth(lines[0]) != TextColumns {
		t.Errorf("table is %d columns wide, want %d", textWidth(lines[0]), TextColumns)
	}
	checkText(t, b.String(), d)
}

func TestRuneWidth(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"abc", 3},
		{"差评", 4},
		{"ｆｕｌｌ", 8},
		{"，。", 4},
		{"　", 2},
		{"e\u0301", 1},
		{"a\u200bb", 2},
		{"한글", 4},
		{"カナ", 4},
		{"─│", 2},
		{"𠀀", 2},
	} {
		if got := textWidth(tt.s); got != tt.want {
			t.Errorf("textWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestColumnWidths(t *testing.T) {
	for _, tt := range []struct {
		widths []int
		want   []int
	}{
		{[]int{1, 1}, []int{36, 35}},
		{[]int{1, 100}, []int{4, 67}},
		{[]int{1400, 2200, 1400, 2200, 1800}, []int{10, 15, 10, 15, 12}},
		{make20(), nil},
	} {
		got := columnWidths(tt.widths)
		sum := 3*len(got) + 1
		for _, c := range got {
			sum += c
			if c < textMinColumn {
				t.Errorf("columnWidths(%v) = %v: a column below %d", tt.widths, got, textMinColumn)
			}
		}
		if len(tt.widths)*(textMinColumn+3)+1 <= TextColumns && sum != TextColumns {
			t.Errorf("columnWidths(%v) = %v: %d wide, want %d", tt.widths, got, sum, TextColumns)
		}
		if tt.want != nil && !equal(got, tt.want) {
			t.Errorf("columnWidths(%v) = %v, want %v", tt.widths, got, tt.want)
		}
	}
}

func make20() []int {
	w := make([]int, 20)
	for i := range w {
		w[i] = i + 1
	}
	return w
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestWrapText(t *testing.T) {
	for _, tt := range []struct {
		s    string
		n    int
		want []string
	}{
		{"hello world", 8, []string{"hello", "world"}},
		{"差评办件整改", 5, []string{"差评", "办件", "整改"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"a\nb", 4, []string{"a", "b"}},
		{"a\tb\x1b[31m", 10, []string{"a b[31m"}},
		{"", 4, []string{""}},
	} {
		got := wrapText(tt.s, tt.n)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

func BenchmarkText(b *testing.B) {
	d := sample()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Text(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, title, para, cell1, cell2 string) {
		d := fuzzDoc(title, para, cell1, cell2)
		var b bytes.Buffer
		if err := Text(&b, d); err != nil {
			t.Fatal(err)
		}
		checkText(t, b.String(), d)
		if strings.ContainsAny(b.String(), "\x1b\r\t") {
			t.Error("a control character got through")
		}
	})
}
