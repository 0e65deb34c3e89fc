package forms_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/forms"
)

func ExampleRegistration() {
	svc := caseflowtest.NewService()
	ctx := context.Background()
	c, _, err := svc.Receive(ctx, caseflowtest.Review()) // rated 8:50, received at 9:00
	if err != nil {
		panic(err)
	}
	if c, err = caseflowtest.Walk(ctx, svc, c.ID, caseflow.StateTransferred); err != nil {
		panic(err)
	}

	d, err := forms.Registration(c, forms.DefaultOptions())
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Title)
	t := d.Blocks[0].(*forms.Table)
	for _, r := range t.Rows[:3] {
		var cells []string
		for _, cell := range r.Cells {
			cells = append(cells, strings.Join(cell.Lines, ""))
		}
		fmt.Println(strings.Join(cells, " | "))
	}
	// Output:
	// 差评办件转办登记表
	// 评价人姓名 | 张** | 性别 | 男 | 评价时间 | 2026年11月16日 8:50
	// 联系方式 | 138****1234 | 办理编号 | 450224-2026-000123
	// 办理事项 | 个人所得税申报 | 转办时间 | 2026年11月16日 10:30
}

// A portal masks free text about a case as its documents do: the reviewer's name and phone
// wherever they occur, and any other run of digits.
func ExampleTextMasker() {
	c, _, err := caseflowtest.NewService().Receive(context.Background(), caseflowtest.Review())
	if err != nil {
		panic(err)
	}
	mask := forms.TextMasker(c)
	fmt.Println(mask("已电话联系张晓明（13800001234），另留号码 13900001111"))
	// Output:
	// 已电话联系张**（138****1234），另留号码 139****1111
}
