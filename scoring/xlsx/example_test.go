package xlsx_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/scoring"
	"github.com/haochaping/haochaping/scoring/xlsx"
)

// A bulletin of one table with a bar chart, written and read back.
func ExampleWrite() {
	b := &scoring.Bulletin{
		Title:  "2026年11月政务服务“好差评”情况通报",
		Issuer: "融安县政务服务监督管理办公室",
		Period: scoring.Month(2026, time.November),
		Date:   time.Date(2026, time.December, 5, 0, 0, 0, 0, haochaping.Location()),
		Lead:   []string{"全县共收到评价3960条，好评率98.16%。"},
		Sections: []scoring.Section{{
			Heading: "各单位评价情况",
			Table: &scoring.Table{
				Sheet: "单位排名",
				Columns: []scoring.Column{
					{Title: "单位", Format: scoring.FormatText},
					{Title: "评价数", Format: scoring.FormatInt},
					{Title: "好评率", Format: scoring.FormatPercent},
					{Title: "环比", Format: scoring.FormatDeltaPercent},
				},
				Rows: [][]scoring.Cell{
					{scoring.Text("县行政审批局"), scoring.Number(1234), scoring.Number(0.9619), scoring.Number(0.0458)},
					{scoring.Text("县税务局"), scoring.Number(97), scoring.Number(0.9794), scoring.Blank()},
				},
			},
			Chart: &scoring.Chart{Kind: scoring.ChartBar, Title: "各单位好评率", Labels: 0, Values: []int{2}},
		}},
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, b); err != nil {
		fmt.Println(err)
		return
	}

	f, err := excelize.OpenReader(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	rows, _ := f.GetRows("单位排名")
	for _, row := range rows {
		fmt.Println(row)
	}
	// Output:
	// [通报 单位排名]
	// [一、各单位评价情况]
	// [单位 评价数 好评率 环比]
	// [县行政审批局 1,234 96.19% +4.58%]
	// [县税务局 97 97.94%]
}

// Workbook hands back the workbook for sheets of the caller's own.
func ExampleWorkbook() {
	b := &scoring.Bulletin{
		Title: "2026年11月差评整改情况",
		Sections: []scoring.Section{{
			Heading: "整改情况",
			Table: &scoring.Table{
				Sheet:   "整改",
				Columns: []scoring.Column{{Title: "单位", Format: scoring.FormatText}, {Title: "整改率", Format: scoring.FormatPercent}},
				Rows:    [][]scoring.Cell{{scoring.Text("县公安局"), scoring.Number(1)}},
			},
		}},
	}
	f, err := xlsx.Workbook(b)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	if _, err := f.NewSheet("明细"); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.GetSheetList())
	// Output:
	// [通报 整改 明细]
}

// A table sheet may not take the name of the bulletin's own sheet.
func ExampleWrite_refused() {
	b := &scoring.Bulletin{
		Title: "通报",
		Sections: []scoring.Section{{
			Heading: "情况",
			Table: &scoring.Table{
				Sheet:   "通报",
				Columns: []scoring.Column{{Title: "单位", Format: scoring.FormatText}},
			},
		}},
	}
	var buf bytes.Buffer
	fmt.Println(xlsx.Write(&buf, b))
	// Output:
	// xlsx: sheet name unfit for a workbook: sections[0].table.sheet "通报" is the bulletin's own sheet; rename it
}
