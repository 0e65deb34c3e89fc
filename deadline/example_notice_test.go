package deadline_test

import (
	"fmt"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/deadline"
)

// The notice for 2026 as published on www.gov.cn (国办发明电〔2025〕7号), its operative part.
const notice2026 = `国务院办公厅关于2026年
部分节假日安排的通知
国办发明电〔2025〕7号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
`

func ExampleParseNotice() {
	n, err := deadline.ParseNotice([]byte(notice2026))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := n.Arrangement()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Year, a.Notice)
	for _, h := range a.Holidays {
		fmt.Println(h.Name, h.Off[0], "..", h.Off[len(h.Off)-1], "work", h.Work)
	}

	// The day the notice is published, a county adds the year to its calendar.
	cal, err := deadline.China().With(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	sunday := time.Date(2026, 9, 20, 9, 0, 0, 0, haochaping.Location())
	fmt.Println(cal.IsWorkday(sunday))
	// Output:
	// 2026 国办发明电〔2025〕7号
	// 元旦 2026-01-01 .. 2026-01-03 work [2026-01-04]
	// 春节 2026-02-15 .. 2026-02-23 work [2026-02-14 2026-02-28]
	// 清明节 2026-04-04 .. 2026-04-06 work []
	// 劳动节 2026-05-01 .. 2026-05-05 work [2026-05-09]
	// 端午节 2026-06-19 .. 2026-06-21 work []
	// 中秋节 2026-09-25 .. 2026-09-27 work []
	// 国庆节 2026-10-01 .. 2026-10-07 work [2026-09-20 2026-10-10]
	// true <nil>
}

func ExampleArrangement_Amend() {
	// Excerpts of the 2020 notice (its 春节 paragraph, the preamble cut to announce it alone)
	// and of the notice that extended it.
	annual := `国务院办公厅关于2020年部分节假日安排的通知
国办发明电〔2019〕16号
经国务院批准，现将2020年春节放假调休日期的具体安排通知如下。
二、春节：1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。
`
	extension := `国务院办公厅关于延长2020年春节假期的通知
国办发明电〔2020〕1号
一、延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。
`
	n, err := deadline.ParseNotice([]byte(annual))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := n.Arrangement()
	if err != nil {
		fmt.Println(err)
		return
	}
	ext, err := deadline.ParseNotice([]byte(extension))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err = a.Amend(ext)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Notice)
	for _, h := range a.Holidays {
		fmt.Println(h.Name, h.Off[0], "..", h.Off[len(h.Off)-1], "work", h.Work)
	}
	// Output:
	// 国办发明电〔2019〕16号 国办发明电〔2020〕1号
	// 春节 2020-01-24 .. 2020-01-30 work [2020-01-19]
	// 春节延长 2020-01-31 .. 2020-02-02 work []
}
