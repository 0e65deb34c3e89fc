// Package caseflow handles bad-review cases (差评办件) the way the Rong'an measures
// (融政监管字〔2021〕2号) require: the two workflows as state machines, who may take each step,
// the deadline of every duty, and an audit trail nobody can rewrite unnoticed.
//
// # The workflows
//
// A bad review pushed by the rating system (系统推送差评办件, 第五条 to 第九条, Annex 3) is
// registered and reported to the leaders the same day, the reviewer is called back and the
// case transferred to the responsible window the same day. The callback's verdict chooses
// the branch: a founded review is rectified (the window's analysis meeting, its report within
// 2 working days approved by its head, the office's verification and the leader's review, the
// report to the city within 4 working days of receipt and the second callback, in either
// order, since the city's limit does not wait for a reviewer's satisfaction); a mistaken or
// untrue review (误评, 不实差评) is appealed (materials within 1 working day, the appeal review
// application the same day, the city's decision). Every case ends archived (备案).
//
// An on-site complaint (现场投诉办件, 第四条, Annex 2) is registered and accepted, given a
// responsible window, inspected on the spot or transferred, fed back within 2 working days,
// reported to the leader, called back and archived. At a sub-centre or township centre the
// unit's leader in charge (单位分管领导) coordinates and signs (第四条（二）).
//
// Both are data ([SystemPushed], [OnSite]: a [StepDef] per step with its roles, article and
// duties) run on github.com/looplab/fsm, whose before_ callbacks are the guards. A step taken
// by the wrong role, for another window or unit, in the wrong state, or without the content
// it needs is refused with a [*RefusalError] naming the rule, and the case is unchanged.
// (A deadline the calendar cannot count, or a store's failure, comes back as a wrapped
// error instead.)
//
// # Using it
//
// A portal makes one [Service] on a [Store] ([NewMemoryStore] for tests), opens a case for
// every pushed bad review with [Service.Receive] (idempotent on the review ID) or on-site
// complaint with [Service.Complain], lets each person take their step with [Service.Take],
// and lists what is at risk or overdue with [Service.AtRisk]:
//
//	svc := caseflow.NewService(caseflow.NewMemoryStore())
//	c, _, err := svc.Receive(ctx, review)
//	c, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: clerk, Step: caseflow.Registration{
//		ResponsibleUnit: window, ReportedTo: []string{"分管领导", "窗口负责人"}}})
//	worklist, err := svc.AtRisk(ctx, caseflow.Filter{Open: true})
//
// Every duty has an owner (a role, and the window or unit it acts for), a [deadline.Deadline]
// started by the step the measures name, and on closing a record of whether it was on time.
// A [Store] scans open duties without reading whole cases ([Store.ScanDuties]), so that a
// worklist over a hundred thousand open cases takes milliseconds.
//
// The time limits come from a [Policy]; [DefaultPolicy] holds the Rong'an numbers, each
// field citing its article, and another county sets its own. Deadlines are counted on a
// [deadline.Calendar] of working days, [DefaultCalendar] unless the portal sets another.
//
// # The audit trail
//
// Every step appends an [Entry] to the case's trail: sequence, time, actor and role, event,
// states, note, evidence with its SHA-256, the step's content and the hash of the entry
// before. [Verify] checks the chain, and [Service.Rebuild] rebuilds a case, its state and
// its duties from the trail alone. Verify proves a trail is intact up to its last entry;
// keep the last hash somewhere else (the store refuses updates that drop entries) to prove
// nothing was cut off the end. The hash covers the JSON of each step's content: a field added
// to a step later must be omitempty, or old trails stop verifying (TestEntryHashIsStable).
//
// # The diagrams
//
// The workflows as Mermaid state diagrams, made by [Workflow.Mermaid] from the definitions
// above; WORKFLOWS.md in this directory shows them rendered.
//
// Diagrams (generated):
//
//	---
//	title: 系统推送差评办件处理流程图
//	---
//	stateDiagram-v2
//	    state "待登记" as received
//	    state "已登记，待回访核实" as registered
//	    state "回访核实需整改，待转办" as verified
//	    state "回访核实属误评或不实差评，待转办" as verified_mistaken
//	    state "已转办，待召开专题分析会" as transferred
//	    state "整改中" as rectifying
//	    state "调查整改报告已反馈，待核实" as reported
//	    state "整改已核实，待分管领导审阅" as office_verified
//	    state "分管领导已审阅，待再次回访" as leader_reviewed
//	    state "评价人对整改结果满意，待报市督查科" as recalled
//	    state "已报市督查科，待整改完毕后再次回访" as extended
//	    state "延期整改完毕，待再次回访" as rectified
//	    state "已报市督查科，评价人满意，待备案" as submitted_to_city
//	    state "待报申诉撤销材料" as appeal_preparing
//	    state "申诉撤销材料已报，待调查确认" as appeal_submitted
//	    state "已形成申诉复核申请，待分管领导审阅" as appeal_drafted
//	    state "申诉复核申请已审阅，待报市督查科" as application_reviewed
//	    state "申诉复核中" as appeal_pending
//	    state "申诉成立，差评已撤销，待备案" as annulled
//	    state "已备案" as archived
//	    [*] --> received : 发现系统差评办件 · 好差评系统 · 第五条
//	    received --> registered : 当日填写登记表并向分管领导报告 · 县政管办 · 第五条
//	    registered --> verified : 回访核实：需要整改 · 县政管办 · 第六条
//	    registered --> verified_mistaken : 回访核实：误评或不实差评 · 县政管办 · 第九条
//	    verified --> transferred : 当日转办责任主体 · 县政管办 · 附件3
//	    verified_mistaken --> appeal_preparing : 当日转办责任主体 · 县政管办 · 附件3
//	    transferred --> rectifying : 召开专题分析会，落实责任人 · 窗口工作人员/窗口负责人 · 第五条
//	    rectifying --> reported : 报送调查整改报告 · 窗口负责人 · 第五条<br/>报送报告，说明理由和整改期限 · 窗口负责人 · 第五条
//	    reported --> office_verified : 核实整改落实情况，报分管领导审阅 · 县政管办 · 第七条
//	    office_verified --> leader_reviewed : 分管领导审阅调查整改报告 · “好差评”工作分管领导 · 第七条
//	    leader_reviewed --> recalled : 再次回访：评价人满意（整改完毕时） · 县政管办 · 第八条
//	    extended --> submitted_to_city : 再次回访：评价人满意（整改完毕时） · 县政管办 · 第八条
//	    rectified --> submitted_to_city : 再次回访：评价人满意（整改完毕时） · 县政管办 · 第八条
//	    leader_reviewed --> rectifying : 再次回访：不满意，再次整改（整改完毕时） · 县政管办 · 第八条
//	    extended --> rectifying : 再次回访：不满意，再次整改（整改完毕时） · 县政管办 · 第八条
//	    rectified --> rectifying : 再次回访：不满意，再次整改（整改完毕时） · 县政管办 · 第八条
//	    recalled --> submitted_to_city : 报市督查科 · 县政管办 · 附件3
//	    leader_reviewed --> extended : 报市督查科，再次回访待整改完毕 · 县政管办 · 附件3
//	    rectifying --> rectifying : 报市督查科（再次整改期间）（报告已审阅时） · 县政管办 · 附件3
//	    reported --> reported : 报市督查科（再次整改期间）（报告已审阅时） · 县政管办 · 附件3
//	    office_verified --> office_verified : 报市督查科（再次整改期间）（报告已审阅时） · 县政管办 · 附件3
//	    extended --> rectified : 延期整改完毕（延期整改中时） · 窗口负责人 · 第五条
//	    appeal_preparing --> appeal_submitted : 报送申诉撤销材料 · 单位分管领导 · 第九条
//	    appeal_submitted --> appeal_drafted : 调查确认，形成申诉复核申请 · 县政管办 · 第九条
//	    appeal_submitted --> transferred : 调查不属误评，转入整改 · 县政管办 · 第九条
//	    appeal_drafted --> application_reviewed : 分管领导审阅申诉复核申请 · “好差评”工作分管领导 · 第九条
//	    application_reviewed --> appeal_pending : 当日报市督查科申诉复核 · 县政管办 · 第九条
//	    appeal_pending --> annulled : 申诉成立，差评撤销 · 市督查科/县政管办 · 第九条
//	    appeal_pending --> transferred : 申诉不成立，转入整改 · 市督查科/县政管办 · 第九条
//	    submitted_to_city --> archived : 备案 · 县政管办 · 第三条
//	    annulled --> archived : 备案 · 县政管办 · 第三条
//	    archived --> [*]
//
//	---
//	title: 现场投诉办件处理流程图
//	---
//	stateDiagram-v2
//	    state "现场投诉，待登记受理" as received
//	    state "已登记受理，待确定责任主体" as registered
//	    state "已确定责任主体，待现场直查或转办" as assigned
//	    state "责任主体调查处理中" as handling
//	    state "调查处理情况已反馈，待报分管领导" as reported
//	    state "已报分管领导，待回访投诉人" as reported_to_leader
//	    state "已回访投诉人，待备案" as recalled
//	    state "已备案" as archived
//	    [*] --> received : 评价人现场投诉 · 县政管办；分中心、乡镇由单位分管领导 · 第四条
//	    received --> registered : 登记、受理 · 县政管办；分中心、乡镇由单位分管领导 · 第四条
//	    registered --> assigned : 确定相关责任主体 · 县政管办；分中心、乡镇由单位分管领导 · 第四条
//	    assigned --> handling : 现场直查 · 县政管办；分中心、乡镇由单位分管领导 · 第四条<br/>转办 · 县政管办；分中心、乡镇由单位分管领导 · 第四条
//	    handling --> reported : 反馈调查处理情况 · 窗口工作人员/窗口负责人；分中心、乡镇由单位分管领导 · 第四条
//	    reported --> reported_to_leader : 报分管领导 · 县政管办 · 附件2
//	    reported_to_leader --> recalled : 回访投诉人：满意 · 县政管办 · 附件2
//	    reported_to_leader --> handling : 回访投诉人：不满意，再次处理 · 县政管办 · 附件2
//	    recalled --> archived : 备案 · 县政管办 · 附件2
//	    archived --> [*]
//
// End of diagrams.
package caseflow
