package caseflow

// Kind is which of the two workflows a case follows.
type Kind string

// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	// KindSystemPushed is a bad review pushed by the rating system (系统推送差评办件,
	// 第五条 to 第九条, Annex 3).
	KindSystemPushed Kind = "system_pushed"
	// KindOnSiteComplaint is a complaint made on site (现场投诉办件, 第四条, Annex 2).
	KindOnSiteComplaint Kind = "on_site_complaint"
)

// Label returns the Chinese name, as Annex 4 prints the type of a case (差评类型).
func (k Kind) Label() string {
	switch k {
	case KindSystemPushed:
		return "“好差评”系统推送差评件"
	case KindOnSiteComplaint:
		return "现场投诉差评件"
	}
	return unknownLabel(string(k))
}

// State is where a case stands in its workflow. [Workflow.Label] gives its Chinese label.
type State string

// States of the two workflows. The on-site workflow reuses StateReceived, StateRegistered,
// StateReported, StateSatisfied and StateArchived with labels of its own. Some codes predate
// the Go names (StateJustified is "verified", StateSatisfied is "recalled").
//
// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	StateReceived            State = "received"             // 待登记
	StateRegistered          State = "registered"           // 已登记，待回访核实
	StateJustified           State = "verified"             // 回访核实需整改，待转办
	StateMistakenOrUntrue    State = "verified_mistaken"    // 回访核实属误评或不实差评，待转办
	StateTransferred         State = "transferred"          // 已转办，待召开专题分析会
	StateRectifying          State = "rectifying"           // 整改中
	StateExtended            State = "extended"             // 已报市督查科，待整改完毕后再次回访
	StateRectified           State = "rectified"            // 延期整改完毕，待再次回访
	StateReported            State = "reported"             // 整改报告已反馈，待核实
	StateOfficeVerified      State = "office_verified"      // 整改已核实，待领导审阅
	StateLeaderReviewed      State = "leader_reviewed"      // 领导已审阅，待再次回访
	StateSatisfied           State = "recalled"             // 已再次回访，待报市督查科
	StateSubmittedToCity     State = "submitted_to_city"    // 已报市督查科，待备案
	StateAppealPreparing     State = "appeal_preparing"     // 待报申诉撤销材料
	StateAppealSubmitted     State = "appeal_submitted"     // 申诉撤销材料已报，待调查确认
	StateAppealDrafted       State = "appeal_drafted"       // 已形成申诉复核申请，待领导审阅
	StateApplicationReviewed State = "application_reviewed" // 申诉复核申请已审阅，待报市督查科
	StateAppealPending       State = "appeal_pending"       // 申诉复核中
	StateAnnulled            State = "annulled"             // 差评已撤销，待备案
	StateArchived            State = "archived"             // 已备案
	StateAssigned            State = "assigned"             // 已确定责任主体，待直查或转办
	StateHandling            State = "handling"             // 责任主体调查处理中
	StateReportedToLeader    State = "reported_to_leader"   // 已报分管领导，待回访
	StateClosureApproved     State = "closure_approved"     // 经批准不以评价人满意结案
	StateWithdrawn           State = "withdrawn"            // 误立案件已撤销
)

// Event names a step of a workflow, e.g. "register". Each step's content type says its event.
type Event string

// Events of the two workflows.
// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	EventReceive                   Event = "receive"            // 发现系统差评办件 / 评价人现场投诉
	EventRegister                  Event = "register"           // 登记 (Annex 4)
	EventFollowUp                  Event = "callback"           // 回访核实：需整改
	EventFollowUpMistaken          Event = "callback_mistaken"  // 回访核实：误评或不实差评
	EventTransfer                  Event = "transfer"           // 转办责任主体
	EventMeeting                   Event = "meeting"            // 召开差评办件专题分析会
	EventReport                    Event = "report"             // 报送调查整改报告 (Annex 5)
	EventReportExtension           Event = "report_extension"   // 报送调查整改报告，说明理由和整改期限
	EventRectificationDone         Event = "rectification_done" // 延期整改完毕
	EventOfficeVerify              Event = "verify"             // 核实整改落实情况
	EventLeaderReview              Event = "leader_review"      // 分管领导审阅调查整改报告
	EventResultFollowUp            Event = "recall"             // 再次回访：满意
	EventResultFollowUpUnsatisfied Event = "recall_unsatisfied" // 再次回访：不满意，再次整改
	EventSubmitCity                Event = "submit_city"        // 报市督查科
	EventAppealMaterials           Event = "appeal"             // 报送申诉撤销材料
	EventAppealConfirm             Event = "appeal_confirm"     // 调查确认，形成申诉复核申请
	EventAppealDecline             Event = "appeal_decline"     // 调查不属误评，转入整改
	EventApplicationReview         Event = "application_review" // 分管领导审阅申诉复核申请
	EventAppealSubmit              Event = "appeal_submit"      // 报市督查科申诉复核
	EventAppealUpheld              Event = "appeal_upheld"      // 市督查科：申诉成立，差评撤销
	EventAppealRejected            Event = "appeal_rejected"    // 市督查科：申诉不成立，转入整改
	EventArchive                   Event = "archive"            // 备案
	EventUrge                      Event = "urge"               // 督促办理
	EventAssign                    Event = "assign"             // 确定相关责任主体
	EventInspect                   Event = "inspect"            // 现场直查
	EventReportLeader              Event = "report_leader"      // 报分管领导
	EventRetime                    Event = "retime"             // 按新规则重新计时（第十二条）
	EventContactAttempt            Event = "contact_attempt"    // 记录回访未果
	EventClosurePropose            Event = "closure_propose"    // 拟不以评价人满意结案，报分管领导
	EventClosureApprove            Event = "closure_approve"    // 分管领导同意结案
	EventClosureReject             Event = "closure_reject"     // 分管领导不同意结案
	EventRetransfer                Event = "retransfer"         // 转办有误，重新转办
	EventWithdrawRequest           Event = "withdraw_request"   // 误立案件，申请撤销
	EventWithdrawApprove           Event = "withdraw_approve"   // 分管领导同意撤销
	EventWithdrawReject            Event = "withdraw_reject"    // 分管领导不同意撤销
	EventAppealAbandon             Event = "appeal_abandon"     // 逾期未报申诉材料，转入整改
	EventErase                     Event = "erase"              // 删除个人信息
)
