package scoring

import (
	"bytes"
	"cmp"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrNoChart is returned by [ChartSVG] for a section without a chart.
var ErrNoChart = errors.New("scoring: the section has no chart: give it a Chart of columns of its Table")

// chartFonts are the fonts of a chart's text: the CJK fonts of Linux, Windows and macOS,
// tried in order. None is bundled: a machine without any shows its sans-serif.
const chartFonts = `'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif`

// chartPalette are the colours of the series, in order: the Okabe–Ito palette, told apart
// by readers with colour-blindness, its yellow last for it shows poorly on white.
var chartPalette = [...]string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#7F7F7F", "#F0E442"}

// Sizes of a chart, in the SVG's user units (CSS pixels at 100%).
const (
	chartWidth    = 640.0
	chartPad      = 12.0  // white around everything
	chartTop      = 40.0  // below the title
	plotHeight    = 220.0 // the plot area of a bar or line chart
	labelSize     = 12.0  // category labels, ticks, legend
	titleSize     = 15.0
	maxLabelRunes = 10 // a category label longer than this is cut with "…"
	maxShareSlice = 8  // a doughnut shows at most this many slices, the smallest merged as 其他
	valueLimit    = 1e12
)

// ChartSVG returns the chart of s as a standalone SVG document (an XML declaration, then an
// <svg> with xmlns, width, height and viewBox), 640 units wide:
//
//   - [ChartBar]: a group of vertical bars for each row, one colour for each series, on a
//     value axis that includes zero with four to six round ticks; a negative value (a
//     change, 环比) is a bar below the zero line.
//   - [ChartLine]: a line with point markers for each series, one point for each row: a
//     trend. The axis includes zero unless the values lie far from it.
//   - [ChartShare]: a doughnut of the one series, with a legend giving each row's label
//     and share; rows of zero, negative or blank value are left out, the smallest rows
//     merged as 其他 (other) beyond eight slices, and a series without a positive value is
//     an empty ring reading 无数据 (no data).
//
// An axis of a series in [FormatPercent] or [FormatDeltaPercent] reads in percent. A
// Blank cell is no bar, or a break in the line. A legend names the series (the columns'
// titles) when there are several. Category labels too wide for their place go on two
// lines, or else are cut after ten characters and turned by 30 degrees, only every few
// shown when many. Only the first 60 rows are plotted; a note under the chart says how many the table has.
// Values beyond ±10¹² are drawn at that limit.
//
// Text is escaped, and characters XML does not allow become U+FFFD. Its font is the first
// found of Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei and PingFang SC; none is
// embedded. The output depends only on s.
//
// ChartSVG returns [ErrNoChart] if s.Chart is nil, and otherwise the error
// [Bulletin.Validate] gives for a bulletin of the one section s, save that the table's
// sheet name may be empty.
func ChartSVG(s Section) ([]byte, error) {
	if s.Chart == nil {
		return nil, ErrNoChart
	}
	check := s
	if s.Table != nil && s.Table.Sheet == "" {
		t := *s.Table
		t.Sheet = "chart"
		check.Table = &t
	}
	if err := (&Bulletin{Sections: []Section{check}}).Validate(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	writeChart(&b, s)
	return b.Bytes(), nil
}

// chartSeries is a series of a chart: a column of the table.
type chartSeries struct {
	name   string
	format Format
	values []float64
	blank  []bool
}

// chartData is what a chart plots, read from a valid section.
type chartData struct {
	kind    ChartKind
	title   string
	labels  []string
	series  []chartSeries
	rows    int // rows of the table: more than len(labels) when cut
	percent bool
	counts  bool // every series counts ([FormatInt]): ticks at whole numbers
}

func chartDataOf(s Section) chartData {
	t, ch := s.Table, s.Chart
	n := min(len(t.Rows), maxChartRows)
	d := chartData{kind: ch.Kind, title: oneLine(ch.Title), rows: len(t.Rows), percent: true, counts: true}
	for _, row := range t.Rows[:n] {
		d.labels = append(d.labels, oneLine(row[ch.Labels].Text))
	}
	for _, c := range ch.Values {
		col := t.Columns[c]
		sr := chartSeries{name: oneLine(col.Title), format: col.Format}
		for _, row := range t.Rows[:n] {
			sr.values = append(sr.values, max(-valueLimit, min(valueLimit, row[c].Value)))
			sr.blank = append(sr.blank, row[c].Blank)
		}
		if col.Format != FormatPercent && col.Format != FormatDeltaPercent {
			d.percent = false
		}
		if col.Format != FormatInt {
			d.counts = false
		}
		d.series = append(d.series, sr)
	}
	return d
}

// writeChart writes the chart of the valid section s as an <svg> element.
func writeChart(b *bytes.Buffer, s Section) {
	d := chartDataOf(s)
	if d.kind == ChartShare {
		writeShare(b, d)
		return
	}
	writeAxes(b, d)
}

// svgOpen writes the <svg> start tag, its title and a white background.
func svgOpen(b *bytes.Buffer, d chartData, height float64) {
	h := num(height)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + num(chartWidth) + `" height="` + h +
		`" viewBox="0 0 ` + num(chartWidth) + " " + h + `" role="img" font-family="` + chartFonts +
		`" font-size="` + num(labelSize) + `">` + "\n")
	b.WriteString("<title>" + xmlText(d.title) + "</title>\n")
	b.WriteString(`<rect width="` + num(chartWidth) + `" height="` + h + `" fill="#ffffff"/>` + "\n")
	if d.title != "" {
		title := fitText(d.title, chartWidth-2*chartPad, titleSize)
		b.WriteString(`<text x="` + num(chartWidth/2) + `" y="24" text-anchor="middle" font-size="` + num(titleSize) +
			`" font-weight="bold" fill="#222222">` + xmlText(title) + "</text>\n")
	}
}

// svgNote writes the note under a chart whose rows were cut, at y, and returns the height
// it took.
func svgNote(b *bytes.Buffer, d chartData, y float64, extra string) float64 {
	var note string
	if d.rows > len(d.labels) {
		note = "注：表中共" + strconv.Itoa(d.rows) + "项，图中绘出前" + strconv.Itoa(len(d.labels)) + "项。"
	}
	if extra != "" {
		if note == "" {
			note = "注："
		}
		note += extra
	}
	if note == "" {
		return 0
	}
	b.WriteString(`<text x="` + num(chartPad) + `" y="` + num(y+12) + `" fill="#555555">` + xmlText(note) + "</text>\n")
	return 20
}

// legend lays out the legend of items in rows no wider than width, and returns each item's
// offset and row and the number of rows.
func legend(items []string, width float64) (x []float64, row []int, rows int) {
	at, r := 0.0, 0
	for _, it := range items {
		w := 14 + textWidth(it, labelSize) + 16
		if at > 0 && at+w > width {
			at, r = 0, r+1
		}
		x, row = append(x, at), append(row, r)
		at += w
	}
	return x, row, r + 1
}

// writeAxes writes a bar or a line chart.
func writeAxes(b *bytes.Buffer, d chartData) {
	bar := d.kind == ChartBar
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range d.series {
		for i, v := range s.values {
			if !s.blank[i] {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 0) {
		lo, hi = 0, 0
	}
	fromZero := bar || lo <= 0 || hi <= 0 || lo < hi/2
	ax := niceAxis(lo, hi, fromZero, d.counts)

	// Legend, when there are several series, under the title; room for the values over
	// the highest marks.
	top := chartTop + 12
	var names []string
	for _, s := range d.series {
		names = append(names, fitText(s.name, 200, labelSize))
	}
	var lx []float64
	var lrow []int
	if len(d.series) > 1 {
		var rows int
		lx, lrow, rows = legend(names, chartWidth-2*chartPad)
		top += float64(rows)*18 + 4
	}

	// Left margin: the tick labels; category labels: their width, turned if too wide.
	tickLabels := make([]string, len(ax.ticks))
	left := 0.0
	for i, v := range ax.ticks {
		tickLabels[i] = ax.label(v, d.percent)
		left = max(left, textWidth(tickLabels[i], labelSize))
	}
	left += chartPad + 8
	n := len(d.labels)
	labels := make([]string, n)
	widest := 0.0
	for i, l := range d.labels {
		labels[i] = cutRunes(l, maxLabelRunes)
		widest = max(widest, textWidth(labels[i], labelSize))
	}
	right := chartWidth - chartPad
	slot := (right - left) / float64(max(n, 1))
	// Labels too wide for their slot go on two lines if they fit, else turn.
	var wrapped [][]string
	if widest > slot-6 {
		wrapped = make([][]string, n)
		for i, l := range d.labels {
			if wrapped[i] = wrapText(l, slot-6, labelSize); len(wrapped[i]) > 2 {
				wrapped = nil
				break
			}
			if len(wrapped[i]) == 2 { // halves, so that no character is left alone
				r := []rune(l)
				wrapped[i] = []string{string(r[:(len(r)+1)/2]), string(r[(len(r)+1)/2:])}
			}
		}
	}
	turned := widest > slot-6 && wrapped == nil
	if turned {
		// A turned label reaches left of its category by cos 30° of its width.
		left = max(left, chartPad+widest*0.866-slot/2)
		slot = (right - left) / float64(max(n, 1))
	}
	every := 1
	if turned && slot < 2*labelSize {
		every = int(math.Ceil(2 * labelSize / slot))
	} else if !turned && slot < 14 {
		every = int(math.Ceil(14 / slot))
	}
	labelHeight := 20.0
	if wrapped != nil {
		labelHeight += labelSize + 3
	}
	if turned {
		labelHeight = widest*0.5 + labelSize + 10
	}
	bottom := top + plotHeight
	height := bottom + labelHeight + chartPad
	notes := d.rows > n
	if notes {
		height += 20
	}
	svgOpen(b, d, height)
	for i, name := range names[:len(lx)] {
		x, y := chartPad+lx[i], chartTop+float64(lrow[i])*18
		b.WriteString(`<rect class="key" x="` + num(x) + `" y="` + num(y) + `" width="10" height="10" fill="` +
			chartPalette[i%len(chartPalette)] + `"/>` + `<text x="` + num(x+14) + `" y="` + num(y+9.5) + `" fill="#333333">` +
			xmlText(name) + "</text>\n")
	}

	y := func(v float64) float64 { return bottom - (v-ax.lo)/(ax.hi-ax.lo)*plotHeight }
	// Gridlines and ticks.
	for i, v := range ax.ticks {
		yy := num(y(v))
		b.WriteString(`<line x1="` + num(left) + `" y1="` + yy + `" x2="` + num(right) + `" y2="` + yy + `" stroke="#e3e3e3"/>` +
			`<text x="` + num(left-6) + `" y="` + num(y(v)+4) + `" text-anchor="end" fill="#555555">` + xmlText(tickLabels[i]) + "</text>\n")
	}
	base := ax.lo
	if ax.lo <= 0 && ax.hi >= 0 {
		base = 0
	}
	yb := num(y(base))
	b.WriteString(`<line x1="` + num(left) + `" y1="` + yb + `" x2="` + num(right) + `" y2="` + yb + `" stroke="#666666"/>` + "\n")

	// Category labels.
	for i, l := range labels {
		if i%every != 0 || l == "" {
			continue
		}
		x := left + slot*(float64(i)+0.5)
		ly := bottom + labelSize + 5
		switch {
		case wrapped != nil:
			b.WriteString(`<text x="` + num(x) + `" y="` + num(ly) + `" text-anchor="middle" fill="#333333">`)
			for k, line := range wrapped[i] {
				dy := "0"
				if k > 0 {
					dy = num(labelSize + 3)
				}
				b.WriteString(`<tspan x="` + num(x) + `" dy="` + dy + `">` + xmlText(line) + "</tspan>")
			}
			b.WriteString("</text>\n")
		case turned:
			b.WriteString(`<text x="` + num(x) + `" y="` + num(ly) + `" text-anchor="end" fill="#333333" transform="rotate(-30 ` +
				num(x) + " " + num(ly-labelSize/2) + `)">` + xmlText(l) + "</text>\n")
		default:
			b.WriteString(`<text x="` + num(x) + `" y="` + num(ly) + `" text-anchor="middle" fill="#333333">` + xmlText(l) + "</text>\n")
		}
	}

	// Marks: values over the marks when one series has a few.
	showValues := len(d.series) == 1 && n <= 12
	for j, s := range d.series {
		colour := chartPalette[j%len(chartPalette)]
		if bar {
			group := slot * 0.7
			w := group / float64(len(d.series))
			gap := 0.0
			if len(d.series) > 1 && w > 3 {
				gap = 1
			}
			for i, v := range s.values {
				if s.blank[i] {
					continue
				}
				x := left + slot*float64(i) + (slot-group)/2 + w*float64(j)
				y0, y1 := y(max(v, 0)), y(min(v, 0))
				b.WriteString(`<rect class="bar" x="` + num(x) + `" y="` + num(y0) + `" width="` + num(w-gap) +
					`" height="` + num(y1-y0) + `" fill="` + colour + `"/>` + "\n")
				if showValues {
					valueLabel(b, Cell{Value: v}.Format(s.format), x+w/2, y0, y1, v < 0, slot)
				}
			}
			continue
		}
		var run []string
		flush := func() {
			if len(run) > 1 {
				b.WriteString(`<polyline class="line" fill="none" stroke="` + colour + `" stroke-width="2" stroke-linejoin="round" points="` +
					strings.Join(run, " ") + `"/>` + "\n")
			}
			run = run[:0]
		}
		r := 3.0
		if n > 24 {
			r = 2
		}
		for i, v := range s.values {
			if s.blank[i] {
				flush()
				continue
			}
			run = append(run, num(left+slot*(float64(i)+0.5))+","+num(y(v)))
		}
		flush()
		for i, v := range s.values {
			if s.blank[i] {
				continue
			}
			x := left + slot*(float64(i)+0.5)
			b.WriteString(`<circle class="dot" cx="` + num(x) + `" cy="` + num(y(v)) + `" r="` + num(r) + `" fill="` + colour +
				`" stroke="#ffffff" stroke-width="1"/>` + "\n")
			if showValues {
				valueLabel(b, Cell{Value: v}.Format(s.format), x, y(v)-4, y(v)+4, false, slot)
			}
		}
	}
	if notes {
		svgNote(b, d, height-chartPad-20, "")
	}
	b.WriteString("</svg>\n")
}

// valueLabel writes the value s over a mark spanning y0 to y1 at x (under it when below),
// if it fits the slot.
func valueLabel(b *bytes.Buffer, s string, x, y0, y1 float64, below bool, slot float64) {
	if textWidth(s, 11) > slot-2 {
		return
	}
	y := y0 - 4
	if below {
		y = y1 + 12
	}
	b.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `" text-anchor="middle" font-size="11" fill="#333333">` + xmlText(s) + "</text>\n")
}

// writeShare writes a doughnut chart of the first series.
func writeShare(b *bytes.Buffer, d chartData) {
	s := d.series[0]
	type slice struct {
		label string
		value float64
	}
	var parts []slice
	negative := false
	total := 0.0
	for i, v := range s.values {
		switch {
		case s.blank[i] || v == 0:
		case v < 0:
			negative = true
		default:
			parts = append(parts, slice{cutRunes(d.labels[i], 14), v})
			total += v
		}
	}
	if len(parts) > maxShareSlice {
		// Keep the largest, in the table's order; merge the rest as 其他.
		order := make([]int, len(parts))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(parts[b].value, parts[a].value) })
		keep := make([]bool, len(parts))
		for _, i := range order[:maxShareSlice-1] {
			keep[i] = true
		}
		var kept []slice
		other := 0.0
		for i, sl := range parts {
			if keep[i] {
				kept = append(kept, sl)
			} else {
				other += sl.value
			}
		}
		parts = append(kept, slice{"其他", other})
	}

	const cx, r0, r1 = 190.0, 110.0, 64.0
	cy := chartTop + 10 + r0
	legendTop := cy - float64(len(parts))*22/2
	widest := 0.0
	for _, p := range parts {
		widest = max(widest, textWidth(p.label, labelSize))
	}
	shareX := min(350+widest+64, chartWidth-chartPad)
	height := cy + r0 + 16 + chartPad
	notes := d.rows > len(d.labels) || negative
	if notes {
		height += 20
	}
	svgOpen(b, d, height)
	if total <= 0 || math.IsInf(total, 0) {
		b.WriteString(`<circle cx="` + num(cx) + `" cy="` + num(cy) + `" r="` + num((r0+r1)/2) + `" fill="none" stroke="#d0d0d0" stroke-width="` +
			num(r0-r1) + `"/>` + "\n")
		b.WriteString(`<text x="` + num(cx) + `" y="` + num(cy+5) + `" text-anchor="middle" font-size="14" fill="#777777">无数据</text>` + "\n")
	} else {
		a := -math.Pi / 2
		for i, sl := range parts {
			colour := chartPalette[i%len(chartPalette)]
			da := 2 * math.Pi * sl.value / total
			var p string
			if len(parts) == 1 {
				p = "M" + num(cx+r0) + " " + num(cy) + "A" + num(r0) + " " + num(r0) + " 0 1 1 " + num(cx-r0) + " " + num(cy) +
					"A" + num(r0) + " " + num(r0) + " 0 1 1 " + num(cx+r0) + " " + num(cy) + "Z" +
					"M" + num(cx+r1) + " " + num(cy) + "A" + num(r1) + " " + num(r1) + " 0 1 0 " + num(cx-r1) + " " + num(cy) +
					"A" + num(r1) + " " + num(r1) + " 0 1 0 " + num(cx+r1) + " " + num(cy) + "Z"
			} else {
				large := "0"
				if da > math.Pi {
					large = "1"
				}
				a1 := a + da
				p = "M" + point(cx, cy, r0, a) + "A" + num(r0) + " " + num(r0) + " 0 " + large + " 1 " + point(cx, cy, r0, a1) +
					"L" + point(cx, cy, r1, a1) + "A" + num(r1) + " " + num(r1) + " 0 " + large + " 0 " + point(cx, cy, r1, a) + "Z"
			}
			b.WriteString(`<path class="slice" d="` + p + `" fill="` + colour + `" fill-rule="evenodd" stroke="#ffffff" stroke-width="1"/>` + "\n")
			a += da
			ly := legendTop + float64(i)*22
			share := strconv.FormatFloat(100*sl.value/total, 'f', 1, 64) + "%"
			b.WriteString(`<rect class="key" x="330" y="` + num(ly) + `" width="12" height="12" fill="` + colour + `"/>` +
				`<text x="350" y="` + num(ly+10.5) + `" fill="#333333">` + xmlText(sl.label) + `</text>` +
				`<text x="` + num(shareX) + `" y="` + num(ly+10.5) + `" text-anchor="end" fill="#333333">` + share + "</text>\n")
		}
		if s.format == FormatInt || s.format == FormatDecimal {
			b.WriteString(`<text x="` + num(cx) + `" y="` + num(cy-4) + `" text-anchor="middle" fill="#555555">合计</text>` +
				`<text x="` + num(cx) + `" y="` + num(cy+16) + `" text-anchor="middle" font-size="16" font-weight="bold" fill="#222222">` +
				xmlText(Cell{Value: total}.Format(s.format)) + "</text>\n")
		}
	}
	if notes {
		extra := ""
		if negative {
			extra = "负值未计入。"
		}
		svgNote(b, d, height-chartPad-20, extra)
	}
	b.WriteString("</svg>\n")
}

// point returns the point at angle a on the circle of radius r about (cx, cy), as "x y".
func point(cx, cy, r, a float64) string {
	return num(cx+r*math.Cos(a)) + " " + num(cy+r*math.Sin(a))
}

// axis is a value axis: from lo to hi, ticks at every step.
type axis struct {
	lo, hi, step float64
	ticks        []float64
}

// niceAxis returns an axis covering lo to hi, and zero when fromZero, with four to six
// ticks a round step (1, 2, 2.5 or 5 times a power of ten) apart where the values allow;
// for counts, a whole step (a count of 1 read 0, 0.2, 0.4… before), fewer ticks if need be.
func niceAxis(lo, hi float64, fromZero, counts bool) axis {
	if fromZero {
		lo, hi = min(lo, 0), max(hi, 0)
	}
	if !(hi > lo) {
		switch {
		case hi == 0:
			hi = 1
		case hi > 0:
			lo = 0
		default:
			hi = 0
		}
	}
	span := hi - lo
	mag := math.Pow(10, math.Floor(math.Log10(span/5)))
	// The steps grow, so the first that needs no more than five has the most ticks.
	for _, e := range []float64{mag / 10, mag, mag * 10} {
		for _, m := range []float64{1, 2, 2.5, 5} {
			step := m * e
			if counts && (step < 1 || step != math.Trunc(step)) {
				continue // the steps grow: the first whole one has the most ticks
			}
			first, last := math.Floor(lo/step+1e-9), math.Ceil(hi/step-1e-9)
			n := last - first
			a := axis{lo: first * step, hi: last * step, step: step}
			if n < 1 || n > 5 || !(a.hi > a.lo) || a.lo > lo+step*1e-6 || a.hi < hi-step*1e-6 {
				continue // too many ticks, or lost in rounding: a span tiny beside its values
			}
			for i := range int(n) + 1 {
				v := (first + float64(i)) * step
				if math.Abs(v) < step*1e-9 {
					v = 0
				}
				a.ticks = append(a.ticks, v)
			}
			return a
		}
	}
	return axis{lo: lo, hi: hi, step: span, ticks: []float64{lo, hi}}
}

// label returns the tick v written with as many decimals as the step needs, in percent.
func (a axis) label(v float64, percent bool) string {
	step := a.step
	if percent {
		v, step = 100*v, 100*step
	}
	d := 0
	for d < 3 && math.Abs(step*math.Pow(10, float64(d))-math.Round(step*math.Pow(10, float64(d)))) > 1e-6 {
		d++
	}
	s := strconv.FormatFloat(v, 'f', d, 64)
	if strings.TrimLeft(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	if percent {
		s += "%"
	}
	return s
}

// num returns v rounded to one decimal, without a trailing ".0": an SVG coordinate.
func num(v float64) string {
	v = math.Round(v*10)/10 + 0 // + 0 turns -0 into 0
	return strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
}

// textWidth estimates the width of s in a font of size: a CJK character is square, other
// characters about six tenths as wide.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 {
			w++
		} else {
			w += 0.6
		}
	}
	return w * size
}

// fitText returns s cut with "…" to fit width in a font of size.
func fitText(s string, width, size float64) string {
	if textWidth(s, size) <= width {
		return s
	}
	w := textWidth("…", size)
	for i, r := range s {
		w += textWidth(string(r), size)
		if w > width {
			return s[:i] + "…"
		}
	}
	return s
}

// wrapText returns s broken into lines no wider than width in a font of size, between any
// two characters (as Chinese is), or nil if a character alone is wider.
func wrapText(s string, width, size float64) []string {
	var lines []string
	start, w := 0, 0.0
	for i, r := range s {
		rw := textWidth(string(r), size)
		if rw > width {
			return nil
		}
		if w+rw > width {
			lines = append(lines, s[start:i])
			start, w = i, 0
		}
		w += rw
	}
	return append(lines, s[start:])
}

// cutRunes returns s cut with "…" after n characters.
func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k] + "…"
		}
		i++
	}
	return s
}

// oneLine returns s on one line, runs of whitespace (newlines too) as one space, trimmed.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// xmlText returns s escaped for the text of an element or an attribute's value in XML or
// HTML, with the characters they do not allow (control characters but tab and newline,
// C1 controls, lone surrogates, U+FFFE and U+FFFF, invalid UTF-8) replaced by U+FFFD and
// carriage returns dropped.
func xmlText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				b.WriteRune('\uFFFD')
				continue
			}
			b.WriteRune(r)
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\r':
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20, r >= 0x7f && r <= 0x9f, r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
