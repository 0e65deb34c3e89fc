package caseflowtest_test

import (
	"context"
	"fmt"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
)

// A vendor's test of what its portal shows for a case awaiting the leader's review starts
// with the case there. In a test, To does it in one line:
//
//	svc := caseflowtest.NewService()
//	c := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateOfficeVerified)
//
// Outside one, Walk takes a case the test opened; the trail is the path taken.
func Example() {
	ctx := context.Background()
	svc := caseflowtest.NewService()
	c, _, err := svc.Receive(ctx, caseflowtest.Review())
	if err != nil {
		panic(err)
	}
	c, err = caseflowtest.Walk(ctx, svc, c.ID, caseflow.StateOfficeVerified)
	if err != nil {
		panic(err)
	}
	fmt.Println(c.ID, c.StateLabel())
	for _, e := range c.Trail {
		fmt.Println(e.Time.In(haochaping.Location()).Format("01-02 15:04"), e.Event, e.Actor)
	}
	// Output:
	// SP-20261116-0001 整改已核实，待分管领导审阅
	// 11-16 09:00 receive 好差评系统
	// 11-16 09:30 register 县政管办 王敏
	// 11-16 10:00 callback 县政管办 王敏
	// 11-16 10:30 transfer 县政管办 王敏
	// 11-16 11:00 meeting 窗口工作人员 李娜 (w-tax)
	// 11-17 09:00 report 窗口负责人 孙伟 (w-tax)
	// 11-17 09:30 verify 县政管办 王敏
}
