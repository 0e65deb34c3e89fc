package caseflow_test

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// NewService is where a portal starts: the Rong'an rules, the calendar of mainland China with
// provisional years after its last notice, the system clock. Change its fields before first
// use.
func ExampleNewService() {
	svc := caseflow.NewService(caseflow.NewMemoryStore())
	first, last := svc.Calendar.Covered()
	fmt.Println(svc.Policy.Name, svc.Policy.Version)
	fmt.Println(first, last, svc.Calendar.Location())
	_, official := svc.Calendar.Arrangement(2026)
	a, _ := svc.Calendar.Arrangement(2027)
	fmt.Println(official, a.Provisional)
	// Output:
	// rongan 融政监管字〔2021〕2号
	// 2004 2028 Asia/Shanghai
	// true true
}

// An on-site complaint at a township centre is coordinated by that centre's leader in charge
// (第四条（二）), who records it; the deadlines count from its receipt.
func ExampleService_Complain() {
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, haochaping.Location())
	svc := exampleService(&now)
	svc.NewID = func(caseflow.Kind, time.Time) string { return "OS-1" }
	township := haochaping.Org{ID: "dajiang", Name: "大将镇政务服务中心", Kind: haochaping.OrgTownshipCenter}
	leader := caseflow.Actor{ID: "u-dj", Name: "覃一", Role: caseflow.RoleOrgLeader, Org: "dajiang"}
	c, created, err := svc.Complain(ctx, leader, caseflow.Complaint{ID: "dj-2026-0042", Center: township,
		Time: now.Add(-30 * time.Minute), Content: "办理社保卡等候时间过长",
		Complainant: haochaping.Reviewer{Name: "韦二", Phone: "13900001111"}})
	if err != nil {
		panic(err)
	}
	fmt.Println(created, c.StateLabel(), c.Complaint)
	// Output:
	// true 现场投诉，待登记受理 现场投诉 dj-2026-0042 大将镇政务服务中心 2026-11-24 09:30 投诉人 韦* 139****1111 "办理社保卡等候时间过长"
}

// A portal draws the buttons of the steps this person may take now: the office's after
// registration, and none for the window's staff until the case is transferred to them.
func ExampleService_Allowed() {
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, haochaping.Location())
	svc := exampleService(&now)
	c, _, err := svc.Receive(ctx, haochaping.Review{ID: "r1", MatterNumber: "m1", Level: haochaping.Dissatisfied,
		Channel: haochaping.ChannelDevice, Time: now.Add(-time.Minute), Reviewer: haochaping.Reviewer{Name: "张三丰", Phone: "13812345678"}})
	if err != nil {
		panic(err)
	}
	clerk := caseflow.Actor{ID: "u1", Role: caseflow.RoleOffice}
	window := &haochaping.Window{ID: "w-tax", Name: "税务窗口", Kind: haochaping.DepartmentWindow, Center: "center", Department: "tax-bureau"}
	_, _ = svc.Take(ctx, c.ID, caseflow.Action{Actor: clerk, Step: caseflow.Registration{ResponsibleWindow: window,
		ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}})
	steps, _ := svc.Allowed(ctx, c.ID, clerk)
	for _, s := range steps {
		fmt.Printf("%s %s（%s）%s\n", s.Event, s.Label, s.Rule, s.ToLabel)
	}
	staff := caseflow.Actor{ID: "u2", Role: caseflow.RoleWindowStaff, Org: "w-tax"}
	steps, _ = svc.Allowed(ctx, c.ID, staff)
	fmt.Println(len(steps))
	// Output:
	// callback 回访核实：需要整改（第六条）回访核实需整改，待转办
	// callback_mistaken 回访核实：误评或不实差评（第九条）回访核实属误评或不实差评，待转办
	// contact_attempt 记录回访未果（第六条）
	// urge 督促办理（第五条）
	// retime 按新规则重新计时（第十二条）
	// withdraw_request 误立案件，申请撤销（第三条）
	// 0
}

// A portal decodes a step posted as JSON by its event name; a field the type lacks is
// refused, and the event fills in what it fixes.
func ExampleDecodeStep() {
	step, err := caseflow.DecodeStep(caseflow.EventResultFollowUp, []byte(`{"outcome":"评价人对整改结果表示满意"}`))
	fmt.Printf("%#v %v\n", step, err)
	_, err = caseflow.DecodeStep(caseflow.EventMeeting, []byte(`{"responsiblePerson":"李四","mesures":["培训"]}`))
	fmt.Println(err)
	fmt.Println(caseflow.Message(err))
	st, _ := caseflow.StepTypeOf(caseflow.EventMeeting)
	var schema struct {
		Required []string `json:"required"`
	}
	_ = json.Unmarshal(st.Schema(), &schema)
	fmt.Println(st.Label, schema.Required)
	// Output:
	// caseflow.ResultFollowUp{Outcome:"评价人对整改结果表示满意", Satisfied:true} <nil>
	// caseflow: step meeting: malformed: meeting.mesures "": unknown field "mesures"
	// 专题分析会记录的“mesures”不是本步骤的内容，请删除。
	// 召开专题分析会，落实责任人 [responsiblePerson measures]
}

// A county loads its own rules from a JSON file: it names only what differs from the Rong'an
// measures, and a misspelt field or a missing limit is refused.
func ExamplePolicy_UnmarshalJSON() {
	var p caseflow.Policy
	err := json.Unmarshal([]byte(`{"name": "sanjiang", "version": "三政管〔2026〕1号",
		"report": "workdays:3", "maxBackdateHours": 24}`), &p)
	fmt.Println(err, p.Name, p.Report, p.CityReport, p.MaxBackdateHours)
	err = json.Unmarshal([]byte(`{"name": "sanjiang", "version": "1", "reprot": "workdays:3"}`), &p)
	fmt.Println(err)
	// Output:
	// <nil> sanjiang workdays:3 workdays:4 24
	// caseflow: policy: json: unknown field "reprot"
}
