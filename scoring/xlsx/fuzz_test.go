package xlsx_test

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/haochaping/haochaping/scoring"
	"github.com/haochaping/haochaping/scoring/xlsx"
)

// FuzzWrite writes small bulletins of fuzzed cell texts, values, sheet names and chart
// kinds: Write never panics, and either refuses the bulletin or writes a workbook that
// excelize reopens with the sheet, the text and the number where they belong.
func FuzzWrite(f *testing.F) {
	f.Add("县行政审批局", 0.9532, "单位排名", "好评率", uint8(0))
	f.Add(hostile, -0.125, "近6个月 趋势", "环比", uint8(1))
	f.Add("", 1e300, "差评's 维度", "", uint8(2))
	f.Add("a\x00b\x1f", math.Copysign(0, -1), "通报", "=1+1", uint8(3))
	f.Add("\xff", 5e-324, "'x", "]", uint8(4))
	f.Add("x", math.NaN(), "History", "ok", uint8(0))
	f.Add(strings.Repeat("差评", 682), 1.0, "单位排名", strings.Repeat("长", 1365), uint8(1))
	f.Fuzz(func(t *testing.T, text string, value float64, sheet, title string, kind uint8) {
		formats := []scoring.Format{scoring.FormatInt, scoring.FormatDecimal, scoring.FormatPercent, scoring.FormatDelta, scoring.FormatDeltaPercent}
		kinds := []scoring.ChartKind{scoring.ChartBar, scoring.ChartLine, scoring.ChartShare, "pie"}
		b := &scoring.Bulletin{
			Title: text,
			Lead:  []string{text},
			Sections: []scoring.Section{{
				Heading:    title,
				Paragraphs: []string{text},
				Table: &scoring.Table{
					Sheet: sheet,
					Columns: []scoring.Column{
						{Title: title, Format: scoring.FormatText},
						{Title: title, Format: formats[int(kind)%len(formats)]},
					},
					Rows: [][]scoring.Cell{
						{scoring.Text(text), scoring.Number(value)},
						{scoring.Text(title), scoring.Blank()},
					},
					Notes: []string{text},
				},
				Chart: &scoring.Chart{Kind: kinds[int(kind)%len(kinds)], Title: title, Labels: 0, Values: []int{1}},
			}},
		}
		var buf bytes.Buffer
		if err := xlsx.Write(&buf, b); err != nil {
			if buf.Len() != 0 {
				t.Fatalf("Write = %v after writing %d bytes", err, buf.Len())
			}
			return
		}
		wb, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatalf("the written workbook does not reopen: %v", err)
		}
		defer wb.Close()
		if got := wb.GetSheetList(); len(got) != 2 || got[0] != xlsx.CoverSheet {
			t.Fatalf("sheets = %q", got)
		}
		name := wb.GetSheetList()[1]
		if name != sheet { // a name XML cannot carry is refused

			t.Errorf("sheet %q reopened as %q", sheet, name)
		}
		raw, err := wb.GetCellValue(name, "B3", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if v, err := strconv.ParseFloat(raw, 64); err != nil || v != value {
			t.Errorf("B3 = %q, want %v", raw, value)
		}
		if got, _ := wb.GetCellValue(name, "A3", excelize.Options{RawCellValue: true}); got != text {
			t.Errorf("A3 = %q, want %q", got, text)
		}
	})
}
