package scoring

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/haochaping/haochaping"
)

// Bulletin is a bulletin (通报) as the office publishes it: a title, opening paragraphs with
// the overall figures, and sections, each with paragraphs, a table and a chart of the
// table's columns. [BuildBulletin] makes the monthly one from a [Report]; WriteHTML and
// WriteMarkdown render it, package scoring/xlsx writes it as a workbook with native charts.
// A Bulletin holds no personal data: cases are named by ID and staff are not named.
type Bulletin struct {
	Title string `json:"title"`
	// Issuer is who publishes it (发文单位), e.g. 融安县政务服务监督管理办公室.
	Issuer string `json:"issuer"`
	Period Period `json:"period"`
	// Date is the date of issue (落款日期).
	Date time.Time `json:"date"`
	// Lead are the opening paragraphs: the overall figures in prose.
	Lead     []string  `json:"lead,omitempty"`
	Sections []Section `json:"sections"`
}

// Section is one numbered part of a bulletin (一、二、…).
type Section struct {
	Heading    string   `json:"heading"`
	Paragraphs []string `json:"paragraphs,omitempty"`
	Table      *Table   `json:"table,omitempty"`
	// Chart plots columns of Table; nil for none.
	Chart *Chart `json:"chart,omitempty"`
}

// Table is a table of a section: the columns, the rows, and notes printed under it (which
// denominator a rate used, say). In a workbook it is a sheet of its own, named Sheet.
type Table struct {
	// Sheet names the table's sheet in a workbook: 1 to 31 characters as Excel counts them
	// (UTF-16 code units), none of []:*?/\ and no control character, unique in the
	// bulletin.
	Sheet   string   `json:"sheet"`
	Columns []Column `json:"columns"`
	Rows    [][]Cell `json:"rows"`
	Notes   []string `json:"notes,omitempty"`
}

// Column is a table column: its title and how its cells are written.
type Column struct {
	Title  string `json:"title"`
	Format Format `json:"format"`
}

// Format says how a column's cells are written.
type Format string

// The formats of a column.
const (
	FormatText    Format = "text"    // Cell.Text as it is
	FormatInt     Format = "int"     // a count: 1234
	FormatDecimal Format = "decimal" // two decimals: 4.57
	FormatPercent Format = "percent" // a ratio written as a percentage with two decimals: 0.9532 is 95.32%
	// FormatDelta is a signed change with two decimals, +1.25 or -0.50: the change of a
	// percentage in percentage points (百分点), or of a score.
	FormatDelta Format = "delta"
	// FormatDeltaPercent is a signed relative change written as a percentage, +12.50%: the
	// month-over-month change (环比) of a count.
	FormatDeltaPercent Format = "delta_percent"
)

// Cell is one table cell: Text for a text column, Value for the others. Blank marks a value
// that does not exist, such as a rate whose denominator is zero or the change of a unit
// that had no ratings the month before: it is written "—", and left empty in a workbook.
type Cell struct {
	Text  string  `json:"text,omitempty"`
	Value float64 `json:"value,omitempty"`
	Blank bool    `json:"blank,omitempty"`
}

// Text returns a text cell.
func Text(s string) Cell { return Cell{Text: s} }

// Number returns a cell holding v.
func Number(v float64) Cell { return Cell{Value: v} }

// Blank returns a cell with no value, written "—".
func Blank() Cell { return Cell{Blank: true} }

// Format returns the cell written as f says: Text for FormatText, "—" when Blank, else the
// value formatted.
func (c Cell) Format(f Format) string {
	switch {
	case f == FormatText:
		return c.Text
	case c.Blank:
		return "—"
	}
	switch f {
	case FormatInt:
		return fmt.Sprintf("%.0f", unsignedZero(c.Value, 1))
	case FormatPercent:
		return fmt.Sprintf("%.2f%%", unsignedZero(100*c.Value, 100))
	case FormatDelta:
		return fmt.Sprintf("%+.2f", unsignedZero(c.Value, 100))
	case FormatDeltaPercent:
		return fmt.Sprintf("%+.2f%%", unsignedZero(100*c.Value, 100))
	}
	return fmt.Sprintf("%.2f", unsignedZero(c.Value, 100))
}

// unsignedZero returns v rounded to 1/scale, with a value that rounds to zero made +0, so
// that a tiny negative value is not written "-0" or "-0.00".
func unsignedZero(v, scale float64) float64 {
	if r := math.Round(v*scale) / scale; r != 0 {
		return r
	}
	return 0
}

// Heading returns the heading of section i as every rendering prints it, numbered in
// Chinese from 一: "三、各单位评价情况".
func (b *Bulletin) Heading(i int) string { return chineseOrdinal(i+1) + "、" + b.Sections[i].Heading }

// chineseOrdinal returns n (1 to 99) in Chinese numerals, as a section is numbered: 一,
// 十, 十一, 二十, 六十四.
func chineseOrdinal(n int) string {
	digits := []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 1 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	}
	s := "十"
	if n >= 20 {
		s = digits[n/10] + s
	}
	if n%10 != 0 {
		s += digits[n%10]
	}
	return s
}

// ChartKind is the kind of a chart.
type ChartKind string

// The kinds of chart a bulletin draws.
const (
	ChartBar   ChartKind = "bar"   // vertical bars, one group per row, one bar per series
	ChartLine  ChartKind = "line"  // lines, one point per row, one line per series: a trend
	ChartShare ChartKind = "share" // shares of a whole: a doughnut of the first series
)

// Chart plots columns of its section's table: the rows are the categories (Labels is the
// column of their labels) and each column of Values is a series.
type Chart struct {
	Kind  ChartKind `json:"kind"`
	Title string    `json:"title"`
	// Labels is the index of the text column that labels the categories.
	Labels int `json:"labels"`
	// Values are the indexes of the numeric columns plotted, one series each; a share
	// chart plots one.
	Values []int `json:"values"`
}

// Limits a bulletin is held to, so that a renderer's output stays bounded whatever the data.
const (
	maxSections  = 64
	maxColumns   = 32
	maxRows      = 10000
	maxText      = 4096 // bytes of one cell, title or paragraph
	maxSheetName = 31   // Excel's limit, in characters
	maxChartRows = 60   // categories a chart draws; a longer table charts its first 60 rows
)

// Validate reports what makes b unfit to render: a sheet name Excel refuses or used twice, a
// row whose length is not the columns', a chart whose columns are missing or of the wrong
// format, a number that is not finite, text that is not UTF-8 or too long, or more
// sections, columns or rows than a bulletin holds (64, 32, 10,000). The renderers call it
// first.
func (b *Bulletin) Validate() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("scoring: bulletin %s: %s", field, fmt.Sprintf(format, args...)))
	}
	text := func(field, s string) {
		switch {
		case len(s) > maxText:
			bad(field, "%d bytes, more than %d", len(s), maxText)
		case !utf8.ValidString(s):
			bad(field, "not UTF-8")
		}
	}
	text("title", b.Title)
	text("issuer", b.Issuer)
	for i, p := range b.Lead {
		text(fmt.Sprintf("lead[%d]", i), p)
	}
	if len(b.Sections) > maxSections {
		bad("sections", "%d, more than %d", len(b.Sections), maxSections)
		return errors.Join(errs...)
	}
	sheets := map[string]bool{}
	for i, s := range b.Sections {
		at := fmt.Sprintf("sections[%d]", i)
		text(at+".heading", s.Heading)
		for j, p := range s.Paragraphs {
			text(fmt.Sprintf("%s.paragraphs[%d]", at, j), p)
		}
		if s.Table == nil {
			if s.Chart != nil {
				bad(at+".chart", "a chart plots its section's table, and the section has none")
			}
			continue
		}
		t := s.Table
		switch name := t.Sheet; {
		case name == "" || len(utf16.Encode([]rune(name))) > maxSheetName:
			bad(at+".table.sheet", "%q: want 1 to %d characters, as Excel counts them (UTF-16)", name, maxSheetName)
		case haochaping.HasControl(name):
			bad(at+".table.sheet", "%q: a control character has no place in a sheet name", name)
		case strings.ContainsAny(name, `[]:*?/\`) || strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
			bad(at+".table.sheet", "%q: a sheet name has none of []:*?/\\ and does not begin or end with '", name)
		case sheets[strings.ToLower(name)]:
			bad(at+".table.sheet", "%q is used twice", name)
		default:
			text(at+".table.sheet", name)
			sheets[strings.ToLower(name)] = true
		}
		if len(t.Columns) == 0 || len(t.Columns) > maxColumns {
			bad(at+".table.columns", "%d: want 1 to %d", len(t.Columns), maxColumns)
			continue
		}
		for j, c := range t.Columns {
			text(fmt.Sprintf("%s.table.columns[%d].title", at, j), c.Title)
			if !c.Format.valid() {
				bad(fmt.Sprintf("%s.table.columns[%d].format", at, j), "%q is not a format", c.Format)
			}
		}
		if len(t.Rows) > maxRows {
			bad(at+".table.rows", "%d, more than %d", len(t.Rows), maxRows)
			continue
		}
		for r, row := range t.Rows {
			if len(row) != len(t.Columns) {
				bad(fmt.Sprintf("%s.table.rows[%d]", at, r), "%d cells for %d columns", len(row), len(t.Columns))
				continue
			}
			for k, c := range row {
				text(fmt.Sprintf("%s.table.rows[%d][%d]", at, r, k), c.Text)
				if math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
					bad(fmt.Sprintf("%s.table.rows[%d][%d]", at, r, k), "not a finite number")
				}
			}
		}
		for j, n := range t.Notes {
			text(fmt.Sprintf("%s.table.notes[%d]", at, j), n)
		}
		if s.Chart != nil {
			checkChart(bad, at+".chart", s.Chart, t)
		}
	}
	return errors.Join(errs...)
}

// checkChart reports what makes ch unfit to plot columns of t.
func checkChart(bad func(field, format string, args ...any), at string, ch *Chart, t *Table) {
	switch ch.Kind {
	case ChartBar, ChartLine, ChartShare:
	default:
		bad(at+".kind", "%q: want bar, line or share", ch.Kind)
	}
	if ch.Labels < 0 || ch.Labels >= len(t.Columns) || t.Columns[ch.Labels].Format != FormatText {
		bad(at+".labels", "column %d is not a text column of the table", ch.Labels)
	}
	if len(ch.Values) == 0 || len(ch.Values) > 8 || (ch.Kind == ChartShare && len(ch.Values) != 1) {
		bad(at+".values", "%d series: want 1 to 8, and 1 for a share chart", len(ch.Values))
	}
	for i, v := range ch.Values {
		if v < 0 || v >= len(t.Columns) || t.Columns[v].Format == FormatText {
			bad(fmt.Sprintf("%s.values[%d]", at, i), "column %d is not a numeric column of the table", v)
		}
	}
}

func (f Format) valid() bool {
	switch f {
	case FormatText, FormatInt, FormatDecimal, FormatPercent, FormatDelta, FormatDeltaPercent:
		return true
	}
	return false
}
