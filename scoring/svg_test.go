package scoring

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChartSVGGolden(t *testing.T) {
	for i, s := range sampleBulletin().Sections[:3] {
		svg, err := ChartSVG(s)
		require.NoError(t, err)
		writeGolden(t, fmt.Sprintf("chart-%d.svg", i+1), svg)
		assert.True(t, bytes.HasPrefix(svg, []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<svg xmlns="http://www.w3.org/2000/svg" width="640" height="`)))
		assert.Contains(t, string(svg), `viewBox="0 0 640 `)
		assert.Contains(t, string(svg), `font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif"`)
		again, err := ChartSVG(s)
		require.NoError(t, err)
		assert.Equal(t, svg, again, "deterministic")
	}
}

func TestChartSVGNoChart(t *testing.T) {
	s := sampleBulletin().Sections[3]
	_, err := ChartSVG(s)
	assert.ErrorIs(t, err, ErrNoChart)

	s = sampleBulletin().Sections[0]
	s.Chart.Values = []int{0} // the text column
	_, err = ChartSVG(s)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not a numeric column")

	s = sampleBulletin().Sections[0]
	s.Table.Sheet = "" // a chart alone needs no sheet
	_, err = ChartSVG(s)
	assert.NoError(t, err)
}

// chartOf returns a section of one text column and the numeric columns values gives,
// charted as kind: row i is labelled labels[i].
func chartOf(kind ChartKind, f Format, labels []string, values ...[]Cell) Section {
	cols := []Column{{"名称", FormatText}}
	var series []int
	for j := range values {
		cols = append(cols, Column{fmt.Sprintf("系列%d", j+1), f})
		series = append(series, j+1)
	}
	var rows [][]Cell
	for i, l := range labels {
		row := []Cell{Text(l)}
		for _, v := range values {
			row = append(row, v[i])
		}
		rows = append(rows, row)
	}
	return Section{Table: &Table{Sheet: "表", Columns: cols, Rows: rows}, Chart: &Chart{Kind: kind, Title: "图", Values: series}}
}

func nums(vs ...float64) []Cell {
	var cs []Cell
	for _, v := range vs {
		cs = append(cs, Number(v))
	}
	return cs
}

func chart(t *testing.T, s Section) (string, map[string]int) {
	t.Helper()
	svg, err := ChartSVG(s)
	require.NoError(t, err)
	return string(svg), marks(t, svg)
}

func TestChartSVGBar(t *testing.T) {
	t.Run("negative values are bars below the zero line", func(t *testing.T) {
		svg, n := chart(t, chartOf(ChartBar, FormatDelta, []string{"甲", "乙", "丙"}, nums(1.5, -0.5, 0)))
		assert.Equal(t, 3, n["rect.bar"])
		assert.Contains(t, svg, ">-0.5<", "the axis goes below zero")
		assert.Contains(t, svg, ">-0.50<", "the value over the bar below zero")
	})
	t.Run("a blank cell is no bar", func(t *testing.T) {
		_, n := chart(t, chartOf(ChartBar, FormatInt, []string{"甲", "乙", "丙"}, nums(3, 4, 5), []Cell{Number(1), Blank(), Number(2)}))
		assert.Equal(t, 5, n["rect.bar"])
		assert.Equal(t, 2, n["rect.key"], "a legend for two series")
	})
	t.Run("a percent axis", func(t *testing.T) {
		svg, _ := chart(t, chartOf(ChartBar, FormatPercent, []string{"甲", "乙"}, nums(0.98, 0.5)))
		for _, tick := range []string{">0%<", ">20%<", ">100%<"} {
			assert.Contains(t, svg, tick)
		}
	})
	t.Run("long labels turn", func(t *testing.T) {
		labels := []string{"县公安局出入境管理大队", "县不动产登记中心", "县住房和城乡建设局", "县市场监督管理局", "县人力资源和社会保障局",
			"县医疗保障局", "县税务局", "县交通运输局", "县民政局", "县自然资源局", "县卫生健康局", "县教育局"}
		svg, _ := chart(t, chartOf(ChartBar, FormatInt, labels, nums(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)))
		assert.Contains(t, svg, "rotate(-30 ")
		assert.Contains(t, svg, ">县公安局出入境管理大…<", "cut after ten characters")
	})
	t.Run("labels that fit on two lines wrap", func(t *testing.T) {
		svg, _ := chart(t, chartOf(ChartBar, FormatInt, []string{"县公安局出入境管理大队", "县税务局", "县医保局", "县人社局", "县民政局",
			"县教育局"}, nums(1, 2, 3, 4, 5, 6)))
		assert.NotContains(t, svg, "rotate(")
		assert.Contains(t, svg, ">县公安局出入</tspan><tspan")
	})
	t.Run("short labels stay level", func(t *testing.T) {
		svg, _ := chart(t, chartOf(ChartBar, FormatInt, []string{"甲", "乙"}, nums(1, 2)))
		assert.NotContains(t, svg, "rotate(")
	})
	t.Run("more than 60 rows are cut with a note", func(t *testing.T) {
		var labels []string
		var vs []float64
		for i := range 75 {
			labels = append(labels, fmt.Sprintf("单位%d", i+1))
			vs = append(vs, float64(i))
		}
		svg, n := chart(t, chartOf(ChartBar, FormatInt, labels, nums(vs...)))
		assert.Equal(t, 60, n["rect.bar"])
		assert.Contains(t, svg, "注：表中共75项，图中绘出前60项。")
		assert.NotContains(t, svg, ">单位61<")
	})
	t.Run("all blank", func(t *testing.T) {
		_, n := chart(t, chartOf(ChartBar, FormatInt, []string{"甲"}, []Cell{Blank()}))
		assert.Zero(t, n["rect.bar"])
	})
}

func TestChartSVGLine(t *testing.T) {
	t.Run("a blank cell breaks the line", func(t *testing.T) {
		_, n := chart(t, chartOf(ChartLine, FormatDecimal, []string{"1", "2", "3", "4", "5", "6"},
			[]Cell{Number(1), Number(2), Blank(), Number(3), Number(4), Number(5)}))
		assert.Equal(t, 2, n["polyline.line"])
		assert.Equal(t, 5, n["circle.dot"])
	})
	t.Run("a lone point is a marker only", func(t *testing.T) {
		_, n := chart(t, chartOf(ChartLine, FormatDecimal, []string{"1", "2", "3"}, []Cell{Number(1), Blank(), Number(3)}))
		assert.Zero(t, n["polyline.line"])
		assert.Equal(t, 2, n["circle.dot"])
	})
	t.Run("values far from zero leave it out", func(t *testing.T) {
		svg, _ := chart(t, chartOf(ChartLine, FormatPercent, []string{"1", "2", "3"}, nums(0.95, 0.96, 0.97)))
		assert.NotContains(t, svg, ">0%<")
		assert.Contains(t, svg, ">96.5%<")
	})
}

func TestChartSVGShare(t *testing.T) {
	t.Run("all zero", func(t *testing.T) {
		svg, n := chart(t, chartOf(ChartShare, FormatInt, []string{"甲", "乙"}, nums(0, 0)))
		assert.Zero(t, n["path.slice"])
		assert.Equal(t, 1, n["circle"])
		assert.Contains(t, svg, ">无数据<")
	})
	t.Run("one row is a ring", func(t *testing.T) {
		svg, n := chart(t, chartOf(ChartShare, FormatInt, []string{"甲", "乙"}, []Cell{Number(5), Blank()}))
		assert.Equal(t, 1, n["path.slice"])
		assert.Contains(t, svg, ">100.0%<")
	})
	t.Run("negative values are left out with a note", func(t *testing.T) {
		svg, n := chart(t, chartOf(ChartShare, FormatInt, []string{"甲", "乙", "丙"}, nums(3, -1, 1)))
		assert.Equal(t, 2, n["path.slice"])
		assert.Contains(t, svg, ">75.0%<")
		assert.Contains(t, svg, "负值未计入")
	})
	t.Run("beyond eight slices the smallest are 其他", func(t *testing.T) {
		var labels []string
		var vs []float64
		for i := range 12 {
			labels = append(labels, fmt.Sprintf("维度%d", i+1))
			vs = append(vs, float64(12-i))
		}
		svg, n := chart(t, chartOf(ChartShare, FormatInt, labels, nums(vs...)))
		assert.Equal(t, 8, n["path.slice"])
		assert.Contains(t, svg, ">维度7<")
		assert.NotContains(t, svg, ">维度8<")
		assert.Contains(t, svg, ">其他<")
		assert.Contains(t, svg, ">合计<")
		assert.Contains(t, svg, ">78<")
	})
}

func TestChartSVGEscapes(t *testing.T) {
	s := chartOf(ChartBar, FormatInt, []string{"<b>&\x01", hostile}, nums(1, 2))
	s.Chart.Title = "</svg><script>"
	svg, n := chart(t, s)
	assert.Equal(t, 2, n["rect.bar"])
	assert.Contains(t, svg, "&lt;/svg&gt;&lt;script&gt;")
	assert.Contains(t, svg, "&lt;b&gt;&amp;\uFFFD")
	assert.NotContains(t, svg, "<script")
}

func TestNiceAxis(t *testing.T) {
	for _, c := range []struct {
		lo, hi   float64
		fromZero bool
		want     string
	}{
		{0, 688, true, "0 200 400 600 800"},
		{0, 10, true, "0 2 4 6 8 10"},
		{0.0096, 0.9824, true, "0 0.2 0.4 0.6 0.8 1"},
		{-1.06, 0.52, true, "-1.5 -1 -0.5 0 0.5 1"},
		{0.9502, 0.9646, false, "0.95 0.955 0.96 0.965"},
		{0, 0, true, "0 0.2 0.4 0.6 0.8 1"},
		{5, 5, true, "0 1 2 3 4 5"},
		{-3, -3, true, "-3 -2 -1 0"},
		{1e12, 1e12, false, "0 2e+11 4e+11 6e+11 8e+11 1e+12"},
	} {
		a := niceAxis(c.lo, c.hi, c.fromZero, false)
		var got []string
		for _, v := range a.ticks {
			got = append(got, fmt.Sprintf("%.6g", v))
		}
		assert.Equal(t, c.want, strings.Join(got, " "), "%v..%v", c.lo, c.hi)
		assert.LessOrEqual(t, a.lo, c.lo)
		assert.GreaterOrEqual(t, a.hi, c.hi)
	}
	// Over many ranges: 4 to 6 ticks covering the values.
	for lo := -50.0; lo < 50; lo += 3.7 {
		for span := 0.013; span < 5000; span *= 1.9 {
			a := niceAxis(lo, lo+span, false, false)
			assert.True(t, len(a.ticks) >= 4 && len(a.ticks) <= 6, "%v..%v: %v", lo, lo+span, a.ticks)
			assert.LessOrEqual(t, a.lo, lo)
			assert.GreaterOrEqual(t, a.hi, lo+span)
		}
	}
}

// A count is a whole number: its axis ticks whole numbers, fewer of them if need be (the
// portal's first bulletin, of one bad review, had an axis of 0, 0.2, 0.4… 1.0).
func TestNiceAxisOfCounts(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		want   string
	}{
		{0, 1, "0 1"},
		{0, 3, "0 1 2 3"},
		{0, 7, "0 2 4 6 8"},
		{0, 688, "0 200 400 600 800"},
		{0, 0, "0 1"},
	} {
		a := niceAxis(c.lo, c.hi, true, true)
		var got []string
		for _, v := range a.ticks {
			got = append(got, fmt.Sprintf("%.6g", v))
			assert.Equal(t, math.Trunc(v), v)
		}
		assert.Equal(t, c.want, strings.Join(got, " "), "%v..%v", c.lo, c.hi)
	}
}
