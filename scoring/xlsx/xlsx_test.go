package xlsx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haochaping/haochaping/scoring"
	"github.com/haochaping/haochaping/scoring/xlsx"
)

// out names a file to write the fixture bulletin to, for looking at it in a spreadsheet:
//
//	go test ./scoring/xlsx -run TestWrite_sheets -args -out /tmp/bulletin.xlsx
var out = flag.String("out", "", "write the fixture bulletin to this .xlsx file")

// write writes b and reopens it.
func write(t testing.TB, b *scoring.Bulletin) ([]byte, *excelize.File) {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, b); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return buf.Bytes(), f
}

// wantNumFmt is the number format of each numeric column's cells.
var wantNumFmt = map[scoring.Format]string{
	scoring.FormatInt:          "#,##0",
	scoring.FormatDecimal:      "0.00",
	scoring.FormatPercent:      "0.00%",
	scoring.FormatDelta:        "+0.00;-0.00;0.00",
	scoring.FormatDeltaPercent: "+0.00%;-0.00%;0.00%",
}

func TestWrite_sheets(t *testing.T) {
	data, f := write(t, november())
	if *out != "" {
		if err := os.WriteFile(*out, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"通报", "单位排名", "近6个月 趋势", "差评维度", "超期件"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets = %q, want %q", got, want)
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet = %d, want 0 (通报)", got)
	}
}

// Every cell of every table holds what the model holds: numbers as numbers, exactly, with
// the column's number format; text as text; Blank cells empty.
func TestWrite_tableCells(t *testing.T) {
	b := november()
	_, f := write(t, b)
	for i, s := range b.Sections {
		if s.Table == nil {
			continue
		}
		tb, sheet := s.Table, s.Table.Sheet
		t.Run(sheet, func(t *testing.T) {
			heading, _ := f.GetCellValue(sheet, "A1")
			if want := b.Heading(i); heading != want {
				t.Errorf("A1 = %q, want %q", heading, want)
			}
			for j, c := range tb.Columns {
				at, _ := excelize.CoordinatesToCellName(j+1, 2)
				if got, _ := f.GetCellValue(sheet, at); got != c.Title {
					t.Errorf("header %s = %q, want %q", at, got, c.Title)
				}
				st := style(t, f, sheet, at)
				if st.Font == nil || !st.Font.Bold || st.Fill.Type != "pattern" || len(st.Border) != 4 {
					t.Errorf("header %s: style %+v, want bold, filled, bordered", at, st)
				}
			}
			for r, row := range tb.Rows {
				for j, c := range row {
					at, _ := excelize.CoordinatesToCellName(j+1, r+3)
					format := tb.Columns[j].Format
					raw, err := f.GetCellValue(sheet, at, excelize.Options{RawCellValue: true})
					if err != nil {
						t.Fatal(err)
					}
					typ, _ := f.GetCellType(sheet, at)
					switch {
					case format == scoring.FormatText:
						if raw != c.Text {
							t.Errorf("%s = %q, want %q", at, raw, c.Text)
						}
						if c.Text != "" && typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
							t.Errorf("%s: type %v, want a string", at, typ)
						}
					case c.Blank:
						if raw != "" {
							t.Errorf("%s (blank) = %q, want empty", at, raw)
						}
					default:
						if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
							t.Errorf("%s: type %v, want a number", at, typ)
						}
						v, err := strconv.ParseFloat(raw, 64)
						if err != nil || v != c.Value {
							t.Errorf("%s = %q, want the number %v", at, raw, c.Value)
						}
						if got := style(t, f, sheet, at).CustomNumFmt; got == nil || *got != wantNumFmt[format] {
							t.Errorf("%s: number format %v, want %q", at, deref(got), wantNumFmt[format])
						}
					}
				}
			}
			// The notes are under the table, after the rows.
			for k, n := range tb.Notes {
				at := fmt.Sprintf("A%d", 3+len(tb.Rows)+1+k) // a blank row between
				if got, _ := f.GetCellValue(sheet, at); got != n {
					t.Errorf("note %s = %q, want %q", at, got, n)
				}
			}
			last, _ := excelize.ColumnNumberToName(len(tb.Columns))
			rows := 2 + len(tb.Rows)
			if len(tb.Notes) > 0 {
				rows += 1 + len(tb.Notes)
			}
			if dim, _ := f.GetSheetDimension(sheet); dim != fmt.Sprintf("A1:%s%d", last, rows) {
				t.Errorf("dimension = %q, want A1:%s%d", dim, last, rows)
			}
			printTitles := false
			for _, d := range f.GetDefinedName() {
				printTitles = printTitles || d.Name == "_xlnm.Print_Titles" && d.Scope == sheet
			}
			if !printTitles {
				t.Error("no print titles (the header on every printed page)")
			}
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 2 || panes.TopLeftCell != "A3" {
				t.Errorf("panes = %+v, %v; want frozen under row 2", panes, err)
			}
		})
	}
}

// The formatted values are those of Cell.Format, as the HTML bulletin writes them.
func TestWrite_formatted(t *testing.T) {
	b := november()
	_, f := write(t, b)
	tb := b.Sections[0].Table
	for r, row := range tb.Rows {
		for j, c := range row {
			format := tb.Columns[j].Format
			if c.Blank || format == scoring.FormatInt || format == scoring.FormatText {
				continue // excelize writes #,##0 as 1,234 where Format writes 1234
			}
			at, _ := excelize.CoordinatesToCellName(j+1, r+3)
			if got, _ := f.GetCellValue(tb.Sheet, at); got != c.Format(format) {
				t.Errorf("%s = %q, want %q", at, got, c.Format(format))
			}
		}
	}
}

func TestWrite_columnWidths(t *testing.T) {
	_, f := write(t, november())
	// 县人力资源和社会保障局: 11 CJK characters, 22 widths.
	if w, _ := f.GetColWidth("单位排名", "A"); w < 22 {
		t.Errorf("width of 单位 = %v, want at least 22", w)
	}
	if w, _ := f.GetColWidth("单位排名", "B"); w > 12 {
		t.Errorf("width of 评价数 = %v, want at most 12", w)
	}
}

func TestWrite_cover(t *testing.T) {
	b := november()
	_, f := write(t, b)
	rows, err := f.GetRows(xlsx.CoverSheet)
	if err != nil {
		t.Fatal(err)
	}
	var col []string
	for _, r := range rows {
		if len(r) > 0 {
			col = append(col, r[0])
		}
	}
	if len(col) == 0 || col[0] != b.Title {
		t.Fatalf("A1 = %q, want the title", col)
	}
	want := []string{
		b.Issuer,
		"统计周期：2026年11月　　发布日期：2026年12月5日",
		b.Lead[0], b.Lead[1],
		"一、各单位评价情况", b.Sections[0].Paragraphs[0], "详见工作表“单位排名”。",
		"二、近6个月趋势",
		"五、下一步工作", b.Sections[4].Paragraphs[0],
	}
	for _, w := range want {
		if !slices.Contains(col, w) {
			t.Errorf("cover has no row %q", w)
		}
	}
	at := fmt.Sprintf("A%d", 1+slices.IndexFunc(rows, func(r []string) bool {
		return len(r) > 0 && r[0] == "详见工作表“单位排名”。"
	}))
	if ok, link, _ := f.GetCellHyperLink(xlsx.CoverSheet, at); !ok || link != "'单位排名'!$A$1" {
		t.Errorf("%s links to %q, want '单位排名'!$A$1", at, link)
	}
	if i, j := slices.Index(col, "一、各单位评价情况"), slices.Index(col, "二、近6个月趋势"); i > j {
		t.Errorf("sections out of order: %d, %d", i, j)
	}
	st := style(t, f, xlsx.CoverSheet, "A1")
	if st.Font == nil || !st.Font.Bold || st.Font.Size < 16 {
		t.Errorf("title style %+v, want bold and large", st.Font)
	}
	merged, _ := f.GetMergeCells(xlsx.CoverSheet)
	if len(merged) == 0 || merged[0].GetStartAxis() != "A1" || merged[0].GetEndAxis() == "A1" {
		t.Errorf("title not merged: %v", merged)
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Title != b.Title || props.Creator != "haochaping" || props.Created != "2026-12-05T01:00:00Z" || props.Modified != props.Created {
		t.Errorf("properties = %+v", props)
	}
}

// A formula-looking text is stored as a string: no cell of the sheet has a formula.
func TestWrite_hostileText(t *testing.T) {
	data, f := write(t, november())
	at := "C4" // 超期件, the second case's 事项
	if got, _ := f.GetCellValue("超期件", at); got != hostile {
		t.Errorf("%s = %q, want %q", at, got, hostile)
	}
	if formula, _ := f.GetCellFormula("超期件", at); formula != "" {
		t.Errorf("%s has the formula %q", at, formula)
	}
	for name, part := range parts(t, data) {
		if strings.HasPrefix(name, "xl/worksheets/") && strings.Contains(part, "<f>") {
			t.Errorf("%s holds a formula", name)
		}
	}
}

// chartNS is the namespace of the chart elements, c: in Excel's files; excelize writes
// it as the default namespace, <barChart>, which is the same element.
const chartNS = "http://schemas.openxmlformats.org/drawingml/2006/chart"

// plots returns the plot elements of a chart part (barChart, lineChart, …) and the text
// of its references (f).
func plots(t testing.TB, part string) (plots, refs []string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(part))
	inF := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return plots, refs
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Space != chartNS {
				continue
			}
			switch tok.Name.Local {
			case "barChart", "bar3DChart", "lineChart", "doughnutChart", "pieChart", "areaChart":
				plots = append(plots, tok.Name.Local)
			case "f":
				inF = true
				refs = append(refs, "")
			}
		case xml.CharData:
			if inF {
				refs[len(refs)-1] += string(tok)
			}
		case xml.EndElement:
			inF = false
		}
	}
}

// quotedRef is a reference with the sheet name quoted.
var quotedRef = regexp.MustCompile(`^'(?:[^']|'')+'!\$[A-Z]+\$[0-9]+(?::\$[A-Z]+\$[0-9]+)?$`)

func TestWrite_charts(t *testing.T) {
	data, _ := write(t, november())
	var kinds []string
	for name, part := range parts(t, data) {
		if !strings.HasPrefix(name, "xl/charts/chart") {
			continue
		}
		kind, refs := plots(t, part)
		if len(kind) != 1 {
			t.Errorf("%s: plots %q, want 1", name, kind)
			continue
		}
		kinds = append(kinds, kind[0])
		if len(refs) == 0 {
			t.Errorf("%s: no references", name)
		}
		for _, r := range refs {
			if !quotedRef.MatchString(r) {
				t.Errorf("%s: reference %q does not quote the sheet name", name, r)
			}
		}
		want := map[string][]string{
			"barChart": {"'单位排名'!$B$2", "'单位排名'!$A$3:$A$8", "'单位排名'!$B$3:$B$8",
				"'单位排名'!$E$2", "'单位排名'!$A$3:$A$8", "'单位排名'!$E$3:$E$8"},
			"lineChart": {"'近6个月 趋势'!$C$2", "'近6个月 趋势'!$A$3:$A$8", "'近6个月 趋势'!$C$3:$C$8",
				"'近6个月 趋势'!$D$2", "'近6个月 趋势'!$A$3:$A$8", "'近6个月 趋势'!$D$3:$D$8"},
			"doughnutChart": {"'差评维度'!$B$2", "'差评维度'!$A$3:$A$7", "'差评维度'!$B$3:$B$7"},
		}[kind[0]]
		if !slices.Equal(refs, want) {
			t.Errorf("%s (%s): references %q, want %q", name, kind[0], refs, want)
		}
	}
	slices.Sort(kinds)
	if want := []string{"barChart", "doughnutChart", "lineChart"}; !slices.Equal(kinds, want) {
		t.Errorf("charts = %q, want %q (超期件 has none)", kinds, want)
	}
}

// A chart plots at most 60 rows, the first.
func TestWrite_chartRows(t *testing.T) {
	data, f := write(t, units(100))
	if rows, _ := f.GetRows("单位排名"); len(rows) != 104 {
		t.Errorf("%d rows, want 104 (the heading, the header, 100 units, a blank row, the note)", len(rows))
	}
	_, refs := plots(t, parts(t, data)["xl/charts/chart1.xml"])
	for _, r := range refs {
		if strings.Contains(r, ":") && !strings.HasSuffix(r, "$62") {
			t.Errorf("reference %q, want it to end at row 62 (60 rows)", r)
		}
	}
}

// A sheet name with an apostrophe inside is quoted with the apostrophe doubled.
func TestWrite_apostropheInSheetName(t *testing.T) {
	b := november()
	b.Sections[2].Table.Sheet = "差评's 维度"
	data, f := write(t, b)
	if !slices.Contains(f.GetSheetList(), "差评's 维度") {
		t.Fatalf("sheets = %q", f.GetSheetList())
	}
	_, refs := plots(t, parts(t, data)["xl/charts/chart3.xml"])
	if want := `'差评''s 维度'!$B$2`; len(refs) == 0 || refs[0] != want {
		t.Errorf("references %q, want the first %q", refs, want)
	}
}

// Regression: a paragraph or a note of the longest text a bulletin holds, 4096 bytes,
// asked for a row higher than Excel's 409 points, and excelize refused it.
func TestWrite_longText(t *testing.T) {
	long := strings.Repeat("差", 4096/len("差"))
	b := november()
	b.Lead = append(b.Lead, long)
	b.Sections[0].Table.Notes = append(b.Sections[0].Table.Notes, long)
	_, f := write(t, b)
	rows, _ := f.GetRows(xlsx.CoverSheet)
	for i, r := range rows {
		if len(r) > 0 && r[0] == long {
			if h, _ := f.GetRowHeight(xlsx.CoverSheet, i+1); h != 409 {
				t.Errorf("row %d: height %v, want 409", i+1, h)
			}
		}
	}
}

// Regression: excelize writes shared strings as they are and reads _xHHHH_ in them as an
// escaped character, so "_x0041_" came back "A", and a control character came back U+FFFD.
func TestWrite_escapeLikeText(t *testing.T) {
	for _, s := range []string{"_x0041_", "_x005F_", "_x005F_x0041_", "__x0041__", "a_xZZZZ_b", "a\x01b\x1f", "\uFFFE", "_x00", "CP_x2026_0001_"} {
		b := november()
		b.Title = s
		b.Sections[3].Table.Rows[0][2] = scoring.Text(s)
		b.Sections[3].Table.Columns[2].Title = s
		_, f := write(t, b)
		for _, at := range [][2]string{{"超期件", "C3"}, {"超期件", "C2"}, {xlsx.CoverSheet, "A1"}} {
			if got, _ := f.GetCellValue(at[0], at[1]); got != s {
				t.Errorf("%q: %s!%s = %q", s, at[0], at[1], got)
			}
		}
	}
}

func TestWrite_refused(t *testing.T) {
	tests := []struct {
		name string
		edit func(b *scoring.Bulletin)
		is   error
	}{
		{"a row shorter than the columns", func(b *scoring.Bulletin) {
			b.Sections[0].Table.Rows[0] = b.Sections[0].Table.Rows[0][:3]
		}, nil},
		{"a sheet name with a colon", func(b *scoring.Bulletin) { b.Sections[1].Table.Sheet = "趋势:近6个月" }, nil},
		{"a chart of a text column", func(b *scoring.Bulletin) { b.Sections[0].Chart.Values = []int{0} }, nil},
		{"a table sheet named 通报", func(b *scoring.Bulletin) { b.Sections[3].Table.Sheet = "通报" }, xlsx.ErrSheetName},
		{"a table sheet named history", func(b *scoring.Bulletin) { b.Sections[3].Table.Sheet = "history" }, xlsx.ErrSheetName},
		{"a sheet name of 31 characters outside the BMP", func(b *scoring.Bulletin) {
			b.Sections[3].Table.Sheet = strings.Repeat("𠀀", 31) // 62 UTF-16 code units, as Excel counts
		}, nil},
		{"a sheet name with a control character", func(b *scoring.Bulletin) { b.Sections[3].Table.Sheet = "超期\x01件" }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := november()
			tt.edit(b)
			var buf bytes.Buffer
			err := xlsx.Write(&buf, b)
			if err == nil || !strings.HasPrefix(err.Error(), "xlsx: ") {
				t.Fatalf("Write = %v, want an error starting xlsx: ", err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("Write = %v, want %v", err, tt.is)
			}
			if buf.Len() != 0 {
				t.Errorf("Write wrote %d bytes of a refused bulletin", buf.Len())
			}
			if f, err := xlsx.Workbook(b); err == nil || f != nil {
				t.Errorf("Workbook = %v, %v; want an error", f, err)
			}
		})
	}
	if err := xlsx.Write(io.Discard, nil); err == nil {
		t.Error("Write(nil) = nil, want an error")
	}
}

// The same bulletin gives the same bytes.
func TestWrite_deterministic(t *testing.T) {
	a, _ := write(t, november())
	for range 5 {
		if b, _ := write(t, november()); !bytes.Equal(a, b) {
			t.Fatal("two writes of the same bulletin differ")
		}
	}
}

// Writes of one bulletin run at once give the same bytes (run with -race).
func TestWrite_concurrent(t *testing.T) {
	b := november()
	want, _ := write(t, b)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := xlsx.Write(&buf, b); err != nil {
				t.Error(err)
			} else if !bytes.Equal(buf.Bytes(), want) {
				t.Error("a concurrent write differs")
			}
		})
	}
	wg.Wait()
}

// Workbook hands back a workbook the caller adds a sheet to.
func TestWorkbook_addSheet(t *testing.T) {
	f, err := xlsx.Workbook(november())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.NewSheet("明细"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if got := g.GetSheetList(); len(got) != 6 || got[5] != "明细" {
		t.Errorf("sheets = %q", got)
	}
}

// style returns the style of a cell.
func style(t testing.TB, f *excelize.File, sheet, at string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, at)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// parts returns the parts of an .xlsx package by name.
func parts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		m[zf.Name] = string(b)
	}
	return m
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}
