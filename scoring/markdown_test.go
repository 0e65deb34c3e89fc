package scoring

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pipes counts the pipes of a Markdown line that are not escaped by a backslash.
func pipes(line string) int {
	n, slashes := 0, 0
	for _, r := range line {
		switch {
		case r == '\\':
			slashes++
			continue
		case r == '|' && slashes%2 == 0:
			n++
		}
		slashes = 0
	}
	return n
}

// checkTables checks that every row of every pipe table in md has the cells of its
// header, and returns the number of tables.
func checkTables(t *testing.T, md string) int {
	t.Helper()
	tables, cols := 0, 0
	for i, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		if cols == 0 {
			tables++
			cols = pipes(line)
		}
		assert.Equal(t, cols, pipes(line), "line %d: %q", i+1, line)
	}
	return tables
}

func TestWriteMarkdownGolden(t *testing.T) {
	var b bytes.Buffer
	link := func(i int) string { return fmt.Sprintf("chart-%d.svg", i+1) }
	require.NoError(t, WriteMarkdown(&b, sampleBulletin(), MarkdownOptions{ChartLink: link}))
	writeGolden(t, "bulletin.md", b.Bytes())
	md := b.String()

	assert.Equal(t, 4, checkTables(t, md))
	for _, s := range []string{
		"# 融安县2026年11月政务服务“好差评”情况通报\n\n融安县政务服务监督管理办公室　统计周期：2026年11月　2026年12月5日\n",
		"## 一、各单位评价情况\n", "## 四、超期未办结差评件\n",
		"| 单位 | 评价数 | 好评数 | 好评率 | 差评数 | 差评率 | 平均分 | 环比 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
		"| 县公安局出入境管理大队 | 301 | 289 | 96.01% | 3 | 1.00% | 4.77 | — |\n",
		"| 县人社局 | 665 | 632 | 95.04% | 10 | 1.50% | 4.65 | -1.06 |\n",
		`\<script\>alert("x")\</script\> \| \*加急\* \_急\_<br>第二行 \& \[链接\](http://x)`,
		"> 注：好评率＝好评数÷评价数",
		"\n![各单位差评数](chart-1.svg)\n", "\n![好评率月度趋势](chart-2.svg)\n", "\n![差评评价维度占比](chart-3.svg)\n",
	} {
		assert.Contains(t, md, s)
	}
	assert.Equal(t, 3, strings.Count(md, "!["), "an image for each chart, none for the section without one")
	assert.NotContains(t, strings.ReplaceAll(strings.ReplaceAll(md, `\<`, ""), "<br>", ""), "<", "no markup but <br> in a cell")
}

func TestWriteMarkdownNoLinks(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteMarkdown(&b, sampleBulletin(), MarkdownOptions{}))
	assert.NotContains(t, b.String(), "![")
	b.Reset()
	require.NoError(t, WriteMarkdown(&b, sampleBulletin(), MarkdownOptions{ChartLink: func(i int) string {
		if i == 0 {
			return ""
		}
		return "图 (1).svg"
	}}))
	assert.Equal(t, 2, strings.Count(b.String(), "!["), "an empty link writes no image")
	assert.Contains(t, b.String(), "](图%20%281%29.svg)")
}

func TestWriteMarkdownValidates(t *testing.T) {
	b := sampleBulletin()
	b.Sections[1].Chart.Values = []int{9}
	var out bytes.Buffer
	err := WriteMarkdown(&out, b, MarkdownOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "sections[1].chart.values[0]")
	assert.Zero(t, out.Len())
}
