package haochaping_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/haochaping/haochaping"
)

func ExampleDecodePushed() {
	body := []byte(`{"projectNo":"450224-2026-000123","assessNumber":1,"pf":"4","satisfaction":"2",
		"evalDetail":"1.1","assessTime":"2026-11-20 10:15:00","userName":"张三丰"}`)
	r, err := haochaping.DecodePushed(body, haochaping.NationalPush())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.ID, r.Level.Label(), r.Channel.Label(), r.Mode().Label(), r.IsBad())
	fmt.Println(r.Reviewer)
	// Output:
	// 450224-2026-000123#1#20261120T101500 不满意 现场评价仪 现场服务"一次一评" true
	// 张**
}

func ExampleDecodePushed_errors() {
	_, err := haochaping.DecodePushed([]byte(`{"projectNo":"P","assessNumber":1,"pf":9,"satisfaction":6,
		"assessTime":"2026/11/20"}`), haochaping.NationalPush())
	fmt.Println(err)
	// Output:
	// haochaping: satisfaction "6": unknown code: level code "6": unknown code: interface codes run from 1 to 5
	// haochaping: pf "9": unknown code: common pf codes run from 1 to 7
	// haochaping: assessTime "2026/11/20": malformed: want yyyy-MM-dd HH:mm:ss, YYYYMMDDThhmmss or milliseconds since 1970
}

func ExampleValidator_Validate() {
	o, _ := haochaping.LookupOption("3.3")
	r := haochaping.Review{
		ID:           "P1#1",
		MatterNumber: "P1",
		Level:        haochaping.VeryDissatisfied,
		Options:      []haochaping.Option{o},
		Channel:      haochaping.ChannelQRCode,
		Time:         time.Date(2026, 11, 20, 10, 0, 0, 0, haochaping.Location()),
		Reviewer:     haochaping.Reviewer{Name: "张三丰", Phone: "1381234567", IDNumber: "450224199001011234"},
	}
	v := haochaping.Validator{Now: func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, haochaping.Location()) }}
	err := v.Validate(r)
	fmt.Println(err)
	fmt.Println(errors.Is(err, haochaping.ErrMalformed))
	// Output:
	// haochaping: reviewer.phone "138*****67": malformed: want a mainland mobile number (1[3-9] and 9 digits) or an area code and fixed-line number
	// haochaping: reviewer.idNumber "450224********1234": malformed: check character is '4', want '5'
	// true
}

func ExampleReview_Validate() {
	r := haochaping.Review{ID: "P1#1", MatterNumber: "P1", Level: haochaping.Dissatisfied,
		Channel: haochaping.ChannelDevice, Time: time.Now().Add(-time.Hour), Anonymous: true}
	fmt.Println(r.Validate())
	// Output:
	// <nil>
}

func ExampleLevelCodes_Level() {
	// The same code means opposite things in the two code systems.
	a, _ := haochaping.InterfaceCodes.Level(1)
	b, _ := haochaping.GBT39046Codes.Level(1)
	fmt.Println(a.Label(), a.IsBad())
	fmt.Println(b.Label(), b.IsBad())
	// Output:
	// 非常不满意 true
	// 非常满意 false
}

func ExampleLevelCodes_Code() {
	code, _ := haochaping.GBT39046Codes.Code(haochaping.Dissatisfied)
	fmt.Println(code)
	// Output: 4
}

func ExampleLevel_IsBad() {
	for _, l := range haochaping.Levels() {
		fmt.Println(l.Label(), l.IsBad())
	}
	// Output:
	// 非常满意 false
	// 满意 false
	// 基本满意 false
	// 不满意 true
	// 非常不满意 true
}

func ExamplePointScale_Of() {
	p, _ := haochaping.GuangxiPoints().Of(haochaping.BasicallySatisfied)
	fmt.Println(p)
	// Output: 6
}

func ExampleOptions() {
	for _, o := range haochaping.Options()[:3] {
		fmt.Println(o.Dimension.Label(), o)
	}
	// Output:
	// 服务态度 1.1 不一次性告知
	// 服务态度 1.2 工作人员推诿扯皮
	// 服务态度 1.3 工作人员服务态度生硬
}

func ExampleLookupOption() {
	o, err := haochaping.LookupOption("3.3")
	fmt.Println(o.Label, o.Dimension.Label(), err)
	_, err = haochaping.LookupOption("9.9")
	fmt.Println(err)
	// Output:
	// 排队等候时间长、重复取号排队 服务效率 <nil>
	// haochaping: option "9.9": unknown code: not in option list rongan-2021-annex1
}

func ExampleParseOptionList() {
	l, err := haochaping.ParseOptionList([]byte("@list\tnational-2023\n@source\t全国一体化政务服务平台\n207\tattitude\t服务态度差\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	o, _ := l.Lookup("207")
	fmt.Println(l.ID(), o.List, o.Code, o.Dimension.Label(), o.Label)
	// Output: national-2023 national-2023 207 服务态度 服务态度差
}

func ExamplePFVariant_Channel() {
	common, _ := haochaping.PFCommon.Channel(7)
	zhejiang, _ := haochaping.PFZhejiang.Channel(7)
	fmt.Println(common.Label(), zhejiang.Label())
	// Output: 短信 系统默认评价
}

func ExampleChannel_Mode() {
	fmt.Println(haochaping.ChannelDevice.Mode().Label())
	fmt.Println(haochaping.ChannelGuangxiApp.Mode().Label())
	// Output:
	// 现场服务"一次一评"
	// 网上服务"一事一评"
}

func ExampleReviewer_String() {
	r := haochaping.Reviewer{Name: "张三丰", Gender: haochaping.Male, Phone: "13812345678", IDNumber: "450224199001011235"}
	fmt.Println(r)
	fmt.Printf("%#v\n", r)
	// Output:
	// 张** 男 138****5678 450224********1235
	// haochaping.Reviewer{Name:"张**", Gender:1, Phone:"138****5678", IDNumber:"450224********1235", Kind:0}
}

func ExampleMaskIDNumber() {
	fmt.Println(haochaping.MaskIDNumber("450224199001011234"))
	// Output: 450224********1234
}

func ExampleMaskPhone() {
	fmt.Println(haochaping.MaskPhone("13812345678"))
	// Output: 138****5678
}

func ExampleMaskName() {
	fmt.Println(haochaping.MaskName("欧阳修"))
	// Output: 欧**
}

func ExampleCheckIDNumber() {
	now := time.Date(2026, 11, 26, 0, 0, 0, 0, haochaping.Location())
	fmt.Println(haochaping.CheckIDNumber("11010519491231002X", now))
	fmt.Println(haochaping.CheckIDNumber("110105194912310021", now))
	// Output:
	// <nil>
	// haochaping: idNumber "110105********0021": malformed: check character is '1', want 'X'
}

func ExampleCheckPhone() {
	fmt.Println(haochaping.CheckPhone("0772-8123456"))
	fmt.Println(haochaping.CheckPhone("12345"))
	// Output:
	// <nil>
	// haochaping: phone "1***5": malformed: want a mainland mobile number (1[3-9] and 9 digits) or an area code and fixed-line number
}

func ExampleCheckCreditCode() {
	fmt.Println(haochaping.CheckCreditCode("91450224MA5K00001C"))
	// Output: <nil>
}

func ExampleOrgKind_LedByOwnLeader() {
	for _, k := range []haochaping.OrgKind{haochaping.OrgCountyCenter, haochaping.OrgRealEstateSubCenter,
		haochaping.OrgSubCenter, haochaping.OrgTownshipCenter} {
		fmt.Println(k.Label(), k.LedByOwnLeader())
	}
	// Output:
	// 县政务服务中心 false
	// 不动产分中心 false
	// 分中心 true
	// 乡（镇）政务服务中心 true
}

func ExampleLocation() {
	t := time.Date(2026, 11, 20, 2, 15, 0, 0, time.UTC)
	fmt.Println(t.In(haochaping.Location()).Format("2006-01-02 15:04 MST"))
	// Output: 2026-11-20 10:15 CST
}

func ExampleReview_String() {
	r := haochaping.Review{ID: "P1#1", MatterNumber: "P1", Level: haochaping.VeryDissatisfied,
		Channel: haochaping.ChannelGuangxiApp, Time: time.Date(2026, 11, 20, 10, 0, 0, 0, haochaping.Location()),
		Reviewer: haochaping.Reviewer{Name: "李小明", Phone: "13900001111"}}
	fmt.Println(r)
	// Output: 评价 P1#1 办件 P1 非常不满意 广西政务APP 2026-11-20 10:00:00 评价人 李** 139****1111
}

func ExampleAnnex1() {
	l := haochaping.Annex1()
	fmt.Println(l.ID(), len(l.Options()), l.BadOnly())
	fmt.Println(l.Source())
	// Output:
	// rongan-2021-annex1 21 true
	// 融安县政务服务中心差评办件处理办法（试行）（融政监管字〔2021〕2号）附件1
}

// A county's organisations, each with one ID and a parent; the window a case is transferred to
// is recorded with its centre and department, so the case needs no chart to be read.
func ExampleOrgChart_Window() {
	chart, err := haochaping.NewOrgChart(
		haochaping.Org{ID: "center", Name: "融安县政务服务中心", Kind: haochaping.OrgCountyCenter},
		haochaping.Org{ID: "tax", Name: "县税务局", Kind: haochaping.OrgDepartment, Parent: "center"},
		haochaping.Org{ID: "w-tax", Name: "税务窗口", Kind: haochaping.OrgWindow, Parent: "tax"},
		haochaping.Org{ID: "dajiang", Name: "大将镇政务服务中心", Kind: haochaping.OrgTownshipCenter, Parent: "center"},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := chart.Window("w-tax")
	fmt.Println(w.Name, w.Kind.Label(), w.Center, w.Department, err)
	town, _ := chart.Org("dajiang")
	fmt.Println(town.Name, town.Kind.LedByOwnLeader())

	_, err = haochaping.NewOrgChart(haochaping.Org{ID: "w", Kind: haochaping.OrgWindow, Parent: "nowhere"})
	fmt.Println(err)
	// Output:
	// 税务窗口 进驻部门窗口 center tax <nil>
	// 大将镇政务服务中心 true
	// haochaping: orgs[0].parent "nowhere": inconsistent: no organisation with this ID in the chart
}
