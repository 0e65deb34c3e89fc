package scoring_test

import (
	"fmt"
	"os"
	"time"

	"github.com/haochaping/haochaping/scoring"
)

func ExampleWriteMarkdown() {
	b := &scoring.Bulletin{
		Title:  "融安县2026年11月政务服务“好差评”情况通报",
		Issuer: "融安县政务服务监督管理办公室",
		Period: scoring.Month(2026, time.November),
		Sections: []scoring.Section{{
			Heading: "各单位差评情况",
			Table: &scoring.Table{
				Sheet: "单位",
				Columns: []scoring.Column{
					{Title: "单位", Format: scoring.FormatText},
					{Title: "差评数", Format: scoring.FormatInt},
					{Title: "差评率", Format: scoring.FormatPercent},
					{Title: "环比", Format: scoring.FormatDelta},
				},
				Rows: [][]scoring.Cell{
					{scoring.Text("县税务局"), scoring.Number(4), scoring.Number(0.0058), scoring.Number(-0.12)},
					{scoring.Text("县公安局出入境管理大队"), scoring.Number(3), scoring.Number(0.01), scoring.Blank()},
				},
				Notes: []string{"“—”表示上月无评价数据。"},
			},
			Chart: &scoring.Chart{Kind: scoring.ChartBar, Title: "各单位差评数", Labels: 0, Values: []int{1}},
		}},
	}
	// The caller writes each chart with ChartSVG next to the Markdown, as chart-1.svg.
	link := func(section int) string { return fmt.Sprintf("chart-%d.svg", section+1) }
	if err := scoring.WriteMarkdown(os.Stdout, b, scoring.MarkdownOptions{ChartLink: link}); err != nil {
		panic(err)
	}
	// Output:
	// # 融安县2026年11月政务服务“好差评”情况通报
	//
	// 融安县政务服务监督管理办公室　统计周期：2026年11月
	//
	// ## 一、各单位差评情况
	//
	// | 单位 | 差评数 | 差评率 | 环比 |
	// | --- | ---: | ---: | ---: |
	// | 县税务局 | 4 | 0.58% | -0.12 |
	// | 县公安局出入境管理大队 | 3 | 1.00% | — |
	//
	// > 注：“—”表示上月无评价数据。
	//
	// ![各单位差评数](chart-1.svg)
}

func ExampleChartSVG() {
	s := scoring.Section{
		Table: &scoring.Table{
			Columns: []scoring.Column{{Title: "评价维度", Format: scoring.FormatText}, {Title: "差评数", Format: scoring.FormatInt}},
			Rows:    [][]scoring.Cell{{scoring.Text("服务态度"), scoring.Number(12)}, {scoring.Text("办事效率"), scoring.Number(9)}},
		},
		Chart: &scoring.Chart{Kind: scoring.ChartShare, Title: "差评评价维度占比", Values: []int{1}},
	}
	svg, err := scoring.ChartSVG(s)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(svg) > 0, string(svg[:38]))
	// Output:
	// true <?xml version="1.0" encoding="UTF-8"?>
}
