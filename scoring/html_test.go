package scoring

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
)

// The flag is not -update-golden, which package forms uses, so that the two never meet
// in one test binary's flags should scoring's tests grow to share a helper with forms'.
var updateRender = flag.Bool("update-render", false, "rewrite the golden files of the rendered bulletin under testdata/render")

// hostile is a cell's text that HTML, SVG and Markdown must all escape.
const hostile = "<script>alert(\"x\")</script> | *加急* _急_\n第二行 & [链接](http://x)"

// sampleBulletin returns the monthly bulletin of a county for November 2026: six units,
// with a ranking and a bar chart, a six-month trend with a line chart, the bad reviews
// by dimension with a share chart, and the overdue cases without a chart. A unit new
// this month has no change (Blank), an overdue case no count (Blank), and one case's
// summary is hostile markup.
func sampleBulletin() *Bulletin {
	loc := haochaping.Location()
	return &Bulletin{
		Title:  "融安县2026年11月政务服务“好差评”情况通报",
		Issuer: "融安县政务服务监督管理办公室",
		Period: Month(2026, time.November),
		Date:   time.Date(2026, time.December, 5, 0, 0, 0, 0, loc),
		Lead: []string{
			"2026年11月，全县6个进驻单位共收到政务服务评价3,218条，其中好评3,104条，好评率96.46%；差评31条，差评率0.96%，较上月下降0.21个百分点。",
			"31条差评均已按规定转办，已整改办结27件，整改率87.10%；尚有4件超期未办结，详见第四部分。",
		},
		Sections: []Section{
			{
				Heading:    "各单位评价情况",
				Paragraphs: []string{"按好评率从高到低排列。县市场监管局好评率最高，县人社局差评数最多。"},
				Table: &Table{
					Sheet: "单位排名",
					Columns: []Column{
						{"单位", FormatText}, {"评价数", FormatInt}, {"好评数", FormatInt}, {"好评率", FormatPercent},
						{"差评数", FormatInt}, {"差评率", FormatPercent}, {"平均分", FormatDecimal}, {"环比", FormatDelta},
					},
					Rows: [][]Cell{
						{Text("县市场监管局"), Number(512), Number(503), Number(0.9824), Number(2), Number(0.0039), Number(4.91), Number(0.35)},
						{Text("县税务局"), Number(688), Number(670), Number(0.9738), Number(4), Number(0.0058), Number(4.86), Number(-0.12)},
						{Text("县不动产登记中心"), Number(455), Number(440), Number(0.9670), Number(5), Number(0.0110), Number(4.80), Number(0.52)},
						{Text("县公安局出入境管理大队"), Number(301), Number(289), Number(0.9601), Number(3), Number(0.0100), Number(4.77), Blank()},
						{Text("县医保局"), Number(597), Number(570), Number(0.9548), Number(7), Number(0.0117), Number(4.72), Number(-0.48)},
						{Text("县人社局"), Number(665), Number(632), Number(0.9504), Number(10), Number(0.0150), Number(4.65), Number(-1.06)},
					},
					Notes: []string{
						"好评率＝好评数÷评价数，差评率＝差评数÷评价数；平均分按五级评价折算（非常满意5分至非常不满意1分）。",
						"环比为好评率较上月变化（百分点）；“—”表示上月无评价数据（县公安局出入境管理大队11月起进驻）。",
					},
				},
				Chart: &Chart{Kind: ChartBar, Title: "各单位差评数", Labels: 0, Values: []int{4}},
			},
			{
				Heading: "近六个月趋势",
				Table: &Table{
					Sheet:   "趋势",
					Columns: []Column{{"月份", FormatText}, {"评价数", FormatInt}, {"好评率", FormatPercent}, {"差评率", FormatPercent}},
					Rows: [][]Cell{
						{Text("2026-06"), Number(2710), Number(0.9502), Number(0.0162)},
						{Text("2026-07"), Number(2895), Number(0.9541), Number(0.0145)},
						{Text("2026-08"), Number(3012), Number(0.9587), Number(0.0131)},
						{Text("2026-09"), Number(2954), Number(0.9610), Number(0.0122)},
						{Text("2026-10"), Number(3120), Number(0.9633), Number(0.0117)},
						{Text("2026-11"), Number(3218), Number(0.9646), Number(0.0096)},
					},
				},
				Chart: &Chart{Kind: ChartLine, Title: "好评率月度趋势", Labels: 0, Values: []int{2}},
			},
			{
				Heading:    "差评按评价维度分布",
				Paragraphs: []string{"差评主要集中在服务态度和办事效率两方面，合计占67.74%。"},
				Table: &Table{
					Sheet:   "差评维度",
					Columns: []Column{{"评价维度", FormatText}, {"差评数", FormatInt}, {"占比", FormatPercent}},
					Rows: [][]Cell{
						{Text("服务态度"), Number(12), Number(0.3871)},
						{Text("办事效率"), Number(9), Number(0.2903)},
						{Text("政策解释"), Number(5), Number(0.1613)},
						{Text("材料要求"), Number(3), Number(0.0968)},
						{Text("系统故障"), Number(2), Number(0.0645)},
						{Text("其他"), Number(0), Number(0)},
					},
				},
				Chart: &Chart{Kind: ChartShare, Title: "差评评价维度占比", Labels: 0, Values: []int{1}},
			},
			{
				Heading:    "超期未办结差评件",
				Paragraphs: []string{"以下差评件已超过整改时限，请相关单位于12月10日前办结并报送整改情况。"},
				Table: &Table{
					Sheet: "超期件",
					Columns: []Column{{"办件编号", FormatText}, {"单位", FormatText}, {"差评内容摘要", FormatText},
						{"超期工作日", FormatInt}},
					Rows: [][]Cell{
						{Text("450224-2026-000123"), Text("县人社局"), Text("社保卡补办等待时间过长，窗口人员解释不清"), Number(3)},
						{Text("450224-2026-000141"), Text("县医保局"), Text(hostile), Number(2)},
						{Text("450224-2026-000152"), Text("县人社局"), Text("退休审批材料要求前后不一致"), Number(1)},
						{Text("450224-2026-000167"), Text("县不动产登记中心"), Text("登记系统故障致重复跑"), Blank()},
					},
					Notes: []string{"超期工作日按法定工作日计算；“—”为系统故障期间暂停计时的办件。"},
				},
			},
		},
	}
}

// writeGolden compares got with testdata/render/name, or rewrites it under -update-render.
func writeGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "render", name)
	if *updateRender {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "no golden file: run go test ./scoring -run 'Golden' -update-render")
	assert.Equal(t, string(want), string(got), "%s differs from its golden file: read the diff, then -update-render", path)
}

// pageElements are the elements WriteHTML writes: any other is the input's markup let
// through.
var pageElements = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "header": true,
	"h1": true, "h2": true, "p": true, "span": true, "br": true, "section": true, "div": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "figure": true,
	// SVG
	"svg": true, "rect": true, "line": true, "text": true, "tspan": true, "polyline": true, "circle": true, "path": true,
}

// parsePage parses page as XML (which WriteHTML's pages are), checks that it holds only
// pageElements, and returns its text and the <svg> elements in it.
func parsePage(t *testing.T, page []byte) (text string, svgs [][]byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(page))
	var b strings.Builder
	start := -1
	depth := 0
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "the page is not well-formed")
		switch tok := tok.(type) {
		case xml.StartElement:
			assert.True(t, pageElements[tok.Name.Local], "element <%s> in the page", tok.Name.Local)
			if tok.Name.Local == "svg" {
				start, depth = int(off), 0
			}
			if start >= 0 {
				depth++
			}
			if tok.Name.Local == "br" {
				b.WriteString("\n")
			}
		case xml.EndElement:
			if start >= 0 {
				depth--
				if depth == 0 {
					svgs = append(svgs, page[start:dec.InputOffset()])
					start = -1
				}
			}
		case xml.CharData:
			b.Write(tok)
		}
	}
	return b.String(), svgs
}

// marks counts the elements of an SVG document by name and class: "rect.bar",
// "polyline.line", "path.slice", "circle.dot".
func marks(t *testing.T, svg []byte) map[string]int {
	t.Helper()
	n := map[string]int{}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return n
		}
		require.NoError(t, err, "the SVG is not well-formed:\n%s", svg)
		if se, ok := tok.(xml.StartElement); ok {
			n[se.Name.Local]++
			for _, a := range se.Attr {
				if a.Name.Local == "class" {
					n[se.Name.Local+"."+a.Value]++
				}
			}
		}
	}
}

func TestWriteHTMLGolden(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteHTML(&b, sampleBulletin()))
	writeGolden(t, "bulletin.html", b.Bytes())
	page := b.Bytes()
	text, svgs := parsePage(t, page)

	for _, s := range []string{
		"融安县2026年11月政务服务“好差评”情况通报", "统计周期：2026年11月", "2026年12月5日",
		"一、各单位评价情况", "二、近六个月趋势", "三、差评按评价维度分布", "四、超期未办结差评件",
		"96.46%", "98.24%", "+0.35", "-1.06", "4.91", "注：好评率＝好评数÷评价数",
		hostile, // escaped in the markup, whole in the text
	} {
		assert.Contains(t, text, s)
	}
	assert.NotContains(t, string(page), "<script")
	assert.Contains(t, string(page), "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; | *加急* _急_<br />第二行 &amp; [链接](http://x)")
	assert.Equal(t, 2, strings.Count(string(page), `<td class="num">—</td>`), "a Blank cell is —")
	assert.Contains(t, string(page), `<td class="num">3218</td>`, "numbers as Cell.Format writes them")
	assert.Contains(t, string(page), "<th>环比</th>")
	assert.NotContains(t, string(page), "<?xml", "the inline SVG has no XML declaration")
	assert.NotContains(t, string(page), "http://x\"", "no link is made")
	for _, bad := range []string{"<script", "<link", "<img", "src=", "href=", "@import", "url("} {
		assert.NotContains(t, strings.ReplaceAll(string(page), "&lt;script", ""), bad, "the page loads nothing")
	}

	require.Len(t, svgs, 3, "one SVG per chart, none for the section without one")
	bar, line, share := marks(t, svgs[0]), marks(t, svgs[1]), marks(t, svgs[2])
	assert.Equal(t, 6, bar["rect.bar"], "6 units, 1 series")
	assert.Zero(t, bar["rect.key"], "no legend for 1 series")
	assert.Equal(t, 1, line["polyline.line"])
	assert.Equal(t, 6, line["circle.dot"])
	assert.Equal(t, 5, share["path.slice"], "the dimension with no bad review is left out")
	assert.Equal(t, 5, share["rect.key"])
	for i, s := range sampleBulletin().Sections[:3] {
		svg, err := ChartSVG(s)
		require.NoError(t, err)
		assert.Equal(t, string(svgs[i])+"\n", strings.TrimPrefix(string(svg), `<?xml version="1.0" encoding="UTF-8"?>`+"\n"),
			"the page's chart %d is ChartSVG's", i)
	}
}

func TestWriteHTMLValidates(t *testing.T) {
	b := sampleBulletin()
	b.Sections[0].Table.Rows[0] = b.Sections[0].Table.Rows[0][:3]
	var out bytes.Buffer
	err := WriteHTML(&out, b)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "sections[0].table.rows[0]")
	assert.Zero(t, out.Len(), "nothing written")
}

func TestWriteHTMLWriterError(t *testing.T) {
	boom := errors.New("disk full")
	err := WriteHTML(failingWriter{boom}, sampleBulletin())
	assert.ErrorIs(t, err, boom)
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

func TestBulletinHeadingNumberedInChinese(t *testing.T) {
	b := &Bulletin{Sections: make([]Section, 99)}
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 23: "二十三", 64: "六十四", 99: "九十九"} {
		b.Sections[n-1].Heading = "标题"
		assert.Equal(t, want+"、标题", b.Heading(n-1), "%d", n)
	}
	assert.Equal(t, "100", chineseOrdinal(100))
}

// hugeBulletin returns a bulletin of n units: a ranking with a bar chart of n categories.
func hugeBulletin(n int) *Bulletin {
	b := sampleBulletin()
	t := b.Sections[0].Table
	t.Rows = nil
	for i := range n {
		t.Rows = append(t.Rows, []Cell{Text(fmt.Sprintf("第%d单位", i+1)), Number(float64(100 + i)), Number(float64(95 + i)),
			Number(0.95), Number(float64(i % 7)), Number(0.01), Number(4.5), Number(float64(i%5) - 2)})
	}
	return b
}

func BenchmarkWriteHTML(b *testing.B) {
	bl := hugeBulletin(100)
	var out bytes.Buffer
	require.NoError(b, WriteHTML(&out, bl))
	b.SetBytes(int64(out.Len()))
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		if err := WriteHTML(&out, bl); err != nil {
			b.Fatal(err)
		}
	}
}
