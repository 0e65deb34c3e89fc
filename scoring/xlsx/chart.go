package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/haochaping/haochaping/scoring"
)

// MaxChartRows is how many rows of a table a chart plots: a longer table charts its
// first 60 rows, as the other renderers do.
const MaxChartRows = 60

// chartTypes are the native chart types of the kinds of chart: standard two-dimensional
// types, which Excel, WPS and LibreOffice all draw.
var chartTypes = map[scoring.ChartKind]excelize.ChartType{
	scoring.ChartBar:   excelize.Col, // clustered columns
	scoring.ChartLine:  excelize.Line,
	scoring.ChartShare: excelize.Doughnut,
}

// chart adds the native chart of section s at cell at of its table's sheet. Every
// reference names the sheet quoted, as a Chinese name or one with a space needs.
func (w *writer) chart(at string, s *scoring.Section) error {
	t, ch := s.Table, s.Chart
	sheet := t.Sheet
	n := min(len(t.Rows), MaxChartRows)
	last := firstRow + n - 1
	col := func(j int) string { c, _ := excelize.ColumnNumberToName(j + 1); return c }
	categories := ref(sheet, fmt.Sprintf("$%s$%d:$%s$%d", col(ch.Labels), firstRow, col(ch.Labels), last))
	c := &excelize.Chart{
		Type:   chartTypes[ch.Kind],
		Legend: excelize.ChartLegend{Position: "bottom"},
		Format: excelize.GraphicOptions{
			ScaleX: 1, ScaleY: 1, OffsetX: 4, OffsetY: 4,
			AltText: ch.Title, PrintObject: boolPtr(true), LockAspectRatio: false,
		},
		Dimension:    excelize.ChartDimension{Width: 640, Height: 360},
		ShowBlanksAs: "gap",
		VaryColors:   boolPtr(false), // one colour a series; a share chart varies them

	}
	title := ch.Title
	if title == "" {
		title = s.Heading
	}
	if title != "" {
		c.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
			Text: title, Font: &excelize.Font{Bold: true, Size: 12},
		}}}
	}
	for _, v := range ch.Values {
		c.Series = append(c.Series, excelize.ChartSeries{
			Name:       ref(sheet, fmt.Sprintf("$%s$%d", col(v), headerRow)),
			Categories: categories,
			Values:     ref(sheet, fmt.Sprintf("$%s$%d:$%s$%d", col(v), firstRow, col(v), last)),
		})
	}
	// The data labels take the cells' number format, the value axis a shorter one.
	c.PlotArea.NumFmt = excelize.ChartNumFmt{CustomNumFmt: labelFormat(t, ch.Values), SourceLinked: true}
	c.YAxis.NumFmt = excelize.ChartNumFmt{CustomNumFmt: axisFormat(t, ch.Values)}
	c.YAxis.MajorGridLines = true
	switch ch.Kind {
	case scoring.ChartShare:
		c.Dimension = excelize.ChartDimension{Width: 520, Height: 360}
		c.VaryColors = boolPtr(true)
		c.HoleSize = 50
		c.Legend.Position = "right"
		c.PlotArea.ShowPercent = true
		c.PlotArea.ShowLeaderLines = true
		// The labels show shares, not the cells: a percentage, whatever the cells' format.
		c.PlotArea.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "0.0%"}
	case scoring.ChartBar:
		c.Dimension.Width = uint(min(max(120+n*len(ch.Values)*24, 560), 1200))
		// Values on the bars while they stay legible.
		c.PlotArea.ShowVal = n*len(ch.Values) <= 24
	case scoring.ChartLine:
		c.Dimension.Width = uint(min(max(120+n*48, 560), 1200))
		c.PlotArea.ShowVal = n*len(ch.Values) <= 24
	}
	return w.f.AddChart(sheet, at, c)
}

// labelFormat returns the number format of the plotted columns when they share one, else
// the general format.
func labelFormat(t *scoring.Table, values []int) string {
	f := t.Columns[values[0]].Format
	for _, v := range values[1:] {
		if t.Columns[v].Format != f {
			return "General"
		}
	}
	return numFmts[f]
}

// axisFormat returns the number format of the value axis: that of the plotted columns
// when they share one, else the general format.
func axisFormat(t *scoring.Table, values []int) string {
	f := t.Columns[values[0]].Format
	for _, v := range values[1:] {
		if t.Columns[v].Format != f {
			return "General"
		}
	}
	switch f {
	case scoring.FormatPercent:
		return "0.0%" // a rate near 100% moves by tenths of a point
	case scoring.FormatDeltaPercent:
		return "+0.0%;-0.0%;0%"
	case scoring.FormatDelta:
		return "+0.0;-0.0;0"
	case scoring.FormatInt:
		return "#,##0"
	}
	return "General"
}

func boolPtr(b bool) *bool { return &b }
