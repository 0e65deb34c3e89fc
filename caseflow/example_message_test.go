package caseflow_test

import (
	"context"
	"fmt"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// A portal shows a clerk caseflow.Message of whatever error the library returns, and logs
// the English Error.
func ExampleMessage() {
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, haochaping.Location())
	svc := exampleService(&now)
	r := haochaping.Review{ID: "450224-2026-000123#1#20261124T092000", MatterNumber: "450224-2026-000123",
		Level: haochaping.Dissatisfied, Channel: haochaping.ChannelDevice, Time: now.Add(-10 * time.Minute),
		Reviewer: haochaping.Reviewer{Name: "张三丰", Phone: "13812345678"}}
	c, _, err := svc.Receive(ctx, r)
	if err != nil {
		panic(err)
	}

	staff := caseflow.Actor{ID: "u2", Name: "钱七", Role: caseflow.RoleWindowStaff, Org: "w-tax"}
	_, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: staff, Step: caseflow.Registration{}})
	fmt.Println(caseflow.Message(err))

	clerk := caseflow.Actor{ID: "u1", Name: "王五", Role: caseflow.RoleOffice}
	_, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: clerk, Step: caseflow.Registration{}})
	fmt.Println(caseflow.Message(err))

	r.ID, r.MatterNumber, r.Reviewer.Phone = "r-2", "", "138123"
	_, _, err = svc.Receive(ctx, r)
	fmt.Println(caseflow.Message(err))

	_, err = svc.Get(ctx, "SP-404")
	fmt.Println(caseflow.Message(err))
	// Output:
	// 第五条：“当日填写登记表并向分管领导报告”应由县政管办办理，窗口工作人员不能办理。
	// 第五条：差评办件转办登记表缺少“责任主体”，请填写责任主体后再提交。
	// 缺少“办件编号”，请补全后重新推送。
	// “评价人电话”格式不正确（“13***3”），请核对推送数据。
	// 未找到该办件。
}
