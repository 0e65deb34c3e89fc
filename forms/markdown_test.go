package forms

import (
	"bytes"
	"strings"
	"testing"
)

func TestMarkdownGolden(t *testing.T) {
	var b bytes.Buffer
	d := sample()
	if err := Markdown(&b, d); err != nil {
		t.Fatal(err)
	}
	golden(t, "sample.md", b.Bytes())
	checkMarkdownTables(t, b.String(), d)
}

// checkMarkdownTables checks that every table row of out (a line starting with |) has
// as many cells as the grid of its table, tables taken in order.
func checkMarkdownTables(t *testing.T, out string, d *Document) {
	t.Helper()
	var tables []*Table
	for _, blk := range d.Blocks {
		if tb, ok := blk.(*Table); ok && len(tb.Rows) > 0 {
			tables = append(tables, tb)
		}
	}
	n, in, rows := -1, false, 0
	for i, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, "|") {
			if in && rows != len(tables[n].Rows)+1 {
				t.Errorf("table %d has %d lines, want %d", n+1, rows, len(tables[n].Rows)+1)
			}
			in = false
			continue
		}
		if !in {
			in, rows = true, 0
			n++
			if n >= len(tables) {
				t.Fatalf("line %d: more tables than the document has:\n%s", i+1, out)
			}
		}
		rows++
		if got, want := mdCells(l), len(tables[n].Widths); got != want {
			t.Errorf("line %d has %d cells, want %d:\n%s", i+1, got, want, l)
		}
		if strings.ContainsAny(l, "\r") {
			t.Errorf("line %d has a carriage return", i+1)
		}
	}
	if n+1 != len(tables) {
		t.Errorf("found %d tables, want %d:\n%s", n+1, len(tables), out)
	}
}

// mdCells returns how many cells the GFM table row line has: the pipes not escaped by a
// backslash, less one.
func mdCells(line string) int {
	n, escaped := 0, false
	for _, r := range line {
		switch {
		case escaped:
			escaped = false
		case r == '\\':
			escaped = true
		case r == '|':
			n++
		}
	}
	return n - 1
}

func TestMarkdownEscape(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"  a  ", "**a**"},
		{"　　整改", "　　**整改**"},
		{"\t", ""},
	} {
		if got := mdLine(tt.in, true); got != tt.want {
			t.Errorf("mdLine(%q, true) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdownMerges(t *testing.T) {
	d := &Document{Blocks: []Block{&Table{
		Widths: []int{1, 1, 1},
		Rows: []Row{
			{Cells: []Cell{{Lines: []string{"甲"}, Merge: MergeStart}, {Lines: []string{"乙"}, Span: 2, Label: true}}},
			{Cells: []Cell{{Lines: []string{"ignored"}, Merge: MergeContinue}, {Lines: []string{"a\nb", "c"}}, {}}},
		},
	}}}
	var b bytes.Buffer
	if err := Markdown(&b, d); err != nil {
		t.Fatal(err)
	}
	want := "| 甲 | **乙** |  |\n| --- | --- | --- |\n|  | a<br>b<br>c |  |\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func BenchmarkMarkdown(b *testing.B) {
	d := sample()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Markdown(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, title, para, cell1, cell2 string) {
		d := fuzzDoc(title, para, cell1, cell2)
		var b bytes.Buffer
		if err := Markdown(&b, d); err != nil {
			t.Fatal(err)
		}
		checkMarkdownTables(t, b.String(), d)
	})
}
