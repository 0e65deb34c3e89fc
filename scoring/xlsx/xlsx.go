package xlsx

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/scoring"
)

// CoverSheet is the name of a workbook's first sheet (通报), which holds the bulletin's
// title, issuer, date, lead paragraphs and sections in prose. No table's sheet may take it.
const CoverSheet = "通报"

// ErrSheetName is returned, wrapped, for a table whose sheet name a bulletin may hold but
// a workbook may not: [CoverSheet], or History, which Excel keeps for itself. Rename the
// table's sheet. (A name Excel refuses anywhere, too long or with a control character, is
// refused by [scoring.Bulletin.Validate].)
var ErrSheetName = errors.New("xlsx: sheet name unfit for a workbook")

// Write writes b as an .xlsx workbook to w: the [CoverSheet] first, then one sheet per
// section table, each with its chart. It returns the error of [scoring.Bulletin.Validate],
// wrapped, for a bulletin unfit to render, [ErrSheetName], wrapped, for a reserved sheet
// name, and w's error.
func Write(w io.Writer, b *scoring.Bulletin) error {
	f, err := Workbook(b)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("xlsx: writing the workbook: %w", err)
	}
	return nil
}

// Workbook returns b as an excelize workbook, for a caller who adds sheets of its own
// before writing it; the caller closes it. It returns the errors [Write] does, but for w's.
func Workbook(b *scoring.Bulletin) (*excelize.File, error) {
	if b == nil {
		return nil, errors.New("xlsx: nil bulletin")
	}
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	for i, s := range b.Sections {
		if s.Table == nil {
			continue
		}
		if why := unfitSheetName(s.Table.Sheet); why != "" {
			return nil, fmt.Errorf("%w: sections[%d].table.sheet %q %s; rename it", ErrSheetName, i, s.Table.Sheet, why)
		}
	}
	f := excelize.NewFile()
	w := &writer{f: f}
	if err := w.write(b); err != nil {
		f.Close()
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	return f, nil
}

// unfitSheetName returns why a workbook cannot take name as a table's sheet, or "".
func unfitSheetName(name string) string {
	switch strings.ToLower(name) {
	case strings.ToLower(CoverSheet):
		return "is the bulletin's own sheet"
	case "history":
		return "is reserved by Excel"
	}
	return ""
}

// writer writes one bulletin into f, keeping the styles it made.
type writer struct {
	f      *excelize.File
	styles map[string]int
}

// style returns the ID of the style s, made once per key.
func (w *writer) style(key string, s *excelize.Style) (int, error) {
	if id, ok := w.styles[key]; ok {
		return id, nil
	}
	id, err := w.f.NewStyle(s)
	if err != nil {
		return 0, err
	}
	if w.styles == nil {
		w.styles = map[string]int{}
	}
	w.styles[key] = id
	return id, nil
}

func (w *writer) write(b *scoring.Bulletin) error {
	if err := w.f.SetSheetName("Sheet1", CoverSheet); err != nil {
		return err
	}
	if err := w.cover(b); err != nil {
		return err
	}
	for i, s := range b.Sections {
		if s.Table == nil {
			continue
		}
		if err := w.table(b.Heading(i), &s); err != nil {
			return fmt.Errorf("sheet %q: %w", s.Table.Sheet, err)
		}
	}
	w.f.SetActiveSheet(0)
	// excelize adds the image types of a drawing's content types from a map, in a
	// different order each time (setContentTypePartImageExtensions); put them in order,
	// so that the same bulletin gives the same bytes.
	if ct := w.f.ContentTypes; ct != nil {
		sort.SliceStable(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	props := &excelize.DocProperties{
		Title:          b.Title,
		Creator:        "haochaping",
		LastModifiedBy: "haochaping",
		Description:    b.Issuer,
		Language:       "zh-CN",
	}
	if b.Period.Valid() {
		props.Subject = b.Period.Label()
	}
	if !b.Date.IsZero() {
		props.Created = b.Date.UTC().Format(time.RFC3339)
		props.Modified = props.Created
	}
	return w.f.SetDocProps(props)
}

// The cover sheet is coverCols columns of coverWidth characters, merged in every row.
const (
	coverCols  = 4
	coverWidth = 25
	lineHeight = 16 // points a line of 11-point text takes, CJK included
)

// cover writes the CoverSheet: title, issuer, period and date, lead, then the sections.
func (w *writer) cover(b *scoring.Bulletin) error {
	f := w.f
	last, _ := excelize.ColumnNumberToName(coverCols)
	if err := f.SetColWidth(CoverSheet, "A", last, coverWidth); err != nil {
		return err
	}
	title, err := w.style("title", &excelize.Style{
		Font:      &excelize.Font{Bold: true, Size: 18},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	if err != nil {
		return err
	}
	centred, err := w.style("centred", &excelize.Style{
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	if err != nil {
		return err
	}
	heading, err := w.style("heading", &excelize.Style{
		Font:      &excelize.Font{Bold: true, Size: 12},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
	})
	if err != nil {
		return err
	}
	para, err := w.style("paragraph", &excelize.Style{
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	if err != nil {
		return err
	}
	link, err := w.style("link", &excelize.Style{
		Font:      &excelize.Font{Color: "#0563C1", Underline: "single"},
		Alignment: &excelize.Alignment{Vertical: "top"},
	})
	if err != nil {
		return err
	}
	row := 0
	// line writes s in the next row, merged across the sheet, and sizes the row to it.
	line := func(s string, style int, pt float64) error {
		row++
		a, z := fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row)
		if err := f.MergeCell(CoverSheet, a, z); err != nil {
			return err
		}
		if s != "" {
			if err := setStr(f, CoverSheet, a, s); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(CoverSheet, a, z, style); err != nil {
			return err
		}
		lines := wrappedLines(s, coverCols*coverWidth*11/pt)
		return f.SetRowHeight(CoverSheet, row, rowHeight(float64(lines)*pt*lineHeight/11+4))
	}
	if err := line(b.Title, title, 18); err != nil {
		return err
	}
	if b.Issuer != "" {
		if err := line(b.Issuer, centred, 11); err != nil {
			return err
		}
	}
	var when []string
	if b.Period.Valid() {
		when = append(when, "统计周期："+b.Period.Label())
	}
	if !b.Date.IsZero() {
		when = append(when, "发布日期："+dateLabel(b.Date))
	}
	if len(when) > 0 {
		if err := line(strings.Join(when, "　　"), centred, 11); err != nil {
			return err
		}
	}
	row++ // a blank row under the heading
	for _, p := range b.Lead {
		if err := line(p, para, 11); err != nil {
			return err
		}
	}
	for i, s := range b.Sections {
		if err := line(b.Heading(i), heading, 12); err != nil {
			return err
		}
		for _, p := range s.Paragraphs {
			if err := line(p, para, 11); err != nil {
				return err
			}
		}
		if s.Table != nil {
			if err := line("详见工作表“"+s.Table.Sheet+"”。", link, 11); err != nil {
				return err
			}
			at := fmt.Sprintf("A%d", row)
			if err := f.SetCellHyperLink(CoverSheet, at, ref(s.Table.Sheet, "$A$1"), "Location"); err != nil {
				return err
			}
		}
	}
	if err := f.SetSheetDimension(CoverSheet, fmt.Sprintf("A1:%s%d", last, row)); err != nil {
		return err
	}
	// Printed on A4, as wide as a page: its merged columns are wider than a portrait page.
	if err := f.SetPageLayout(CoverSheet, &excelize.PageLayoutOptions{Size: intPtr(9), FitToWidth: intPtr(1), FitToHeight: intPtr(0)}); err != nil {
		return err
	}
	return f.SetSheetProps(CoverSheet, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)})
}

// The rows of a table's sheet: the heading, then the header, then the data.
const (
	headingRow = 1
	headerRow  = 2
	firstRow   = 3
)

// numFmts are the number formats of the numeric columns.
var numFmts = map[scoring.Format]string{
	scoring.FormatInt:          "#,##0",
	scoring.FormatDecimal:      "0.00",
	scoring.FormatPercent:      "0.00%",
	scoring.FormatDelta:        "+0.00;-0.00;0.00",
	scoring.FormatDeltaPercent: "+0.00%;-0.00%;0.00%",
}

// table writes the table of section s, headed title, on a sheet of its own, with its chart.
func (w *writer) table(title string, s *scoring.Section) error {
	f, t := w.f, s.Table
	sheet := t.Sheet
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	thin := []excelize.Border{
		{Type: "left", Color: "#7F7F7F", Style: 1}, {Type: "right", Color: "#7F7F7F", Style: 1},
		{Type: "top", Color: "#7F7F7F", Style: 1}, {Type: "bottom", Color: "#7F7F7F", Style: 1},
	}
	heading, err := w.style("sheet-heading", &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	header, err := w.style("header", &excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}},
		Border:    thin,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	if err != nil {
		return err
	}
	note, err := w.style("note", &excelize.Style{
		Font:      &excelize.Font{Size: 10, Color: "#404040"},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	if err != nil {
		return err
	}
	cols := make([]int, len(t.Columns)) // the style of each column's data cells
	for j, c := range t.Columns {
		st := &excelize.Style{Border: thin, Alignment: &excelize.Alignment{Vertical: "center"}}
		if nf, ok := numFmts[c.Format]; ok {
			st.CustomNumFmt = &nf
			st.Alignment.Horizontal = "right"
		} else {
			st.NumFmt = 49 // @, text
			st.Alignment.Horizontal = "left"
		}
		if cols[j], err = w.style("data-"+string(c.Format), st); err != nil {
			return err
		}
	}

	if err := setStr(f, sheet, "A1", title); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", heading); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, headingRow, 24); err != nil {
		return err
	}
	widths := make([]int, len(t.Columns))
	for j, c := range t.Columns {
		at := cell(j, headerRow)
		if err := setStr(f, sheet, at, c.Title); err != nil {
			return err
		}
		widths[j] = displayWidth(c.Title)
	}
	lastCol, _ := excelize.ColumnNumberToName(len(t.Columns))
	if err := f.SetCellStyle(sheet, "A2", fmt.Sprintf("%s%d", lastCol, headerRow), header); err != nil {
		return err
	}
	for r, row := range t.Rows {
		for j, c := range row {
			format := t.Columns[j].Format
			at := cell(j, firstRow+r)
			switch {
			case format == scoring.FormatText:
				if c.Text != "" {
					// SetCellStr stores a string; "=…" stays text, never a formula.
					if err := setStr(f, sheet, at, c.Text); err != nil {
						return err
					}
				}
			case !c.Blank:
				if err := f.SetCellFloat(sheet, at, c.Value, decimals(c.Value), 64); err != nil {
					return err
				}
			}
			if format == scoring.FormatText || !c.Blank {
				widths[j] = max(widths[j], cellWidth(c, format))
			}
		}
	}
	if len(t.Rows) > 0 {
		for j := range t.Columns {
			col, _ := excelize.ColumnNumberToName(j + 1)
			top, bottom := fmt.Sprintf("%s%d", col, firstRow), fmt.Sprintf("%s%d", col, firstRow+len(t.Rows)-1)
			if err := f.SetCellStyle(sheet, top, bottom, cols[j]); err != nil {
				return err
			}
		}
	}
	tableWidth := 0
	for j, wd := range widths {
		col, _ := excelize.ColumnNumberToName(j + 1)
		wd = min(max(wd+2, 10), 60)
		tableWidth += wd
		if err := f.SetColWidth(sheet, col, col, float64(wd)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: headerRow, TopLeftCell: cell(0, firstRow), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: cell(0, firstRow), ActiveCell: cell(0, firstRow), Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	row := firstRow + len(t.Rows) // the row under the table
	for _, n := range t.Notes {
		row++
		a, z := cell(0, row), fmt.Sprintf("%s%d", lastCol, row)
		if a != z {
			if err := f.MergeCell(sheet, a, z); err != nil {
				return err
			}
		}
		if err := setStr(f, sheet, a, n); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, a, z, note); err != nil {
			return err
		}
		lines := wrappedLines(n, float64(tableWidth)*11/10)
		if err := f.SetRowHeight(sheet, row, rowHeight(float64(lines)*15+3)); err != nil {
			return err
		}
	}
	// The used range, which excelize leaves at A1 and some readers go by.
	used := firstRow + len(t.Rows) - 1
	if len(t.Notes) > 0 {
		used = row
	}
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", lastCol, used)); err != nil {
		return err
	}
	// Printed landscape on A4, as wide as a page, with the header on every page.
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: intPtr(9), Orientation: strPtr("landscape"), FitToWidth: intPtr(1), FitToHeight: intPtr(0),
	}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: ref(sheet, fmt.Sprintf("$%d:$%d", headerRow, headerRow)), Scope: sheet,
	}); err != nil {
		return err
	}
	if s.Chart != nil && len(t.Rows) > 0 {
		// A short table has its chart under it, a long one beside it.
		at := cell(0, row+2)
		if len(t.Rows) > 20 {
			at = cell(len(t.Columns)+1, headerRow)
		}
		if err := w.chart(at, s); err != nil {
			return fmt.Errorf("chart: %w", err)
		}
	}
	return nil
}

// dateLabel returns the day of t in China Standard Time in Chinese, "2026年12月5日".
func dateLabel(t time.Time) string {
	t = t.In(haochaping.Location())
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}

// cell returns the name of the cell of zero-based column j in row r, "B3".
func cell(j, r int) string {
	s, _ := excelize.CoordinatesToCellName(j+1, r)
	return s
}

// ref returns an absolute reference to cells of sheet, with the name quoted and any
// apostrophe in it doubled, as formulas and charts want it: '单位 排名'!$A$3:$A$8.
func ref(sheet, cells string) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + cells
}

// decimals returns the digits after the point of the shortest decimal that reads back as
// v, so that SetCellFloat stores v exactly (its automatic precision cuts to 15 digits).
func decimals(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// cellWidth returns the display width of c as its number format shows it: Cell.Format's
// text, with the thousands separators of #,##0.
func cellWidth(c scoring.Cell, f scoring.Format) int {
	s := c.Format(f)
	if f == scoring.FormatInt {
		digits := len(strings.TrimLeft(s, "-"))
		return len(s) + (digits-1)/3
	}
	return displayWidth(s)
}

// displayWidth returns the width of s in a spreadsheet's character widths: 2 for a wide
// (CJK) character or an ambiguous one, 1 for the others, the longest line of s counting.
func displayWidth(s string) int {
	longest, n := 0, 0
	for _, r := range s {
		if r == '\n' {
			longest, n = max(longest, n), 0
			continue
		}
		n += runeWidth(r)
	}
	return max(longest, n)
}

func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
		// Ambiguous ones, such as “” and —, are wide in the Chinese fonts.
		return 2
	}
	return 1
}

// wrappedLines returns how many lines s takes wrapped at about perLine character widths.
func wrappedLines(s string, perLine float64) int {
	lines := 0
	for part := range strings.SplitSeq(s, "\n") {
		n := int(float64(displayWidth(part))/perLine*1.05) + 1
		lines += n
	}
	return max(lines, 1)
}

// setStr sets the cell at of sheet to the string s, stored so that a spreadsheet reads s
// back: excelize writes shared strings as they are, and a reader takes _xHHHH_ in one for
// an escaped character, and XML cannot carry control characters.
func setStr(f *excelize.File, sheet, at, s string) error {
	return f.SetCellStr(sheet, at, xstring(s))
}

// xstring returns s escaped as a workbook's string (ST_Xstring, ECMA-376 Part 1,
// 22.9.2.19): each underscore that begins what a reader would take for an escaped
// character, _xHHHH_, escaped as _x005F_, and each character XML 1.0 cannot carry as
// _xHHHH_.
func xstring(s string) string {
	if !strings.Contains(s, "_x") && !strings.ContainsFunc(s, notXML) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '_' && escapeLike(s[i:]):
			b.WriteString("_x005F_")
		case notXML(r):
			fmt.Fprintf(&b, "_x%04X_", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeLike reports whether s begins with _xHHHH_.
func escapeLike(s string) bool {
	if len(s) < 7 || s[:2] != "_x" || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// notXML reports whether XML 1.0 cannot carry r.
func notXML(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF
}

// rowHeight returns pt, or the highest row a spreadsheet has, 409 points, if pt is higher:
// a paragraph of more than about 1,000 CJK characters is cut off on screen.
func rowHeight(pt float64) float64 { return min(pt, excelize.MaxRowHeight) }

func intPtr(n int) *int       { return &n }
func strPtr(s string) *string { return &s }
