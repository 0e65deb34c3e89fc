package caseflow

// The two workflows as data. Each step cites its article and quotes the flowchart box of
// Annex 2 or 3 it implements; TestAnnexStepsAreCovered checks every box is covered.

var (
	office       = []Role{RoleOffice}
	leader       = []Role{RoleLeader}
	window       = []Role{RoleWindowStaff, RoleWindowHead}
	windowHead   = []Role{RoleWindowHead}
	orgLeader    = []Role{RoleOrgLeader}
	cityOrOffice = []Role{RoleCityInspection, RoleOffice} // the city decides; the office may record its reply
)

var systemPushedStates = []StateDef{
	{StateReceived, "待登记"},
	{StateRegistered, "已登记，待回访核实"},
	{StateJustified, "回访核实需整改，待转办"},
	{StateMistakenOrUntrue, "回访核实属误评或不实差评，待转办"},
	{StateTransferred, "已转办，待召开专题分析会"},
	{StateRectifying, "整改中"},
	{StateReported, "调查整改报告已反馈，待核实"},
	{StateOfficeVerified, "整改已核实，待分管领导审阅"},
	{StateLeaderReviewed, "分管领导已审阅，待再次回访"},
	{StateSatisfied, "评价人对整改结果满意，待报市督查科"},
	{StateExtended, "已报市督查科，待整改完毕后再次回访"},
	{StateRectified, "延期整改完毕，待再次回访"},
	{StateClosureApproved, "经批准不以评价人满意结案，待报市督查科"},
	{StateSubmittedToCity, "已报市督查科，待备案"},
	{StateAppealPreparing, "待报申诉撤销材料"},
	{StateAppealSubmitted, "申诉撤销材料已报，待调查确认"},
	{StateAppealDrafted, "已形成申诉复核申请，待分管领导审阅"},
	{StateApplicationReviewed, "申诉复核申请已审阅，待报市督查科"},
	{StateAppealPending, "申诉复核中"},
	{StateAnnulled, "申诉成立，差评已撤销，待备案"},
	{StateArchived, "已备案"},
	{StateWithdrawn, "误立案件，已撤销"},
}

// The boxes of Annex 3 the steps implement.
const (
	boxFound      = "1、发现系统差评办件"
	boxRegister   = "2、当日填写差评办件转办登记表 向“好差评”工作分管领导报告"
	boxCallback   = "3.县政管办回访核实，并当日转办责任主体"
	boxEvidence   = "县政管办查看佐证材料，保存相关视频，回访评价人，了解核实差评情况，做好记录。"
	boxRectify    = "经回访核实属于需要整改的差评办件：责任主体转办当日召开差评办件专题分析会，开展调查了解，落实责任人，进行整改。2个工作日内整改完毕，形成调查整改报告，报送分管领导审阅"
	boxExtension  = "（无法在期限内整改的，说明理由和整改期限）"
	boxFeedback   = "责任主体将转办登记表以及调查整改报告反馈县政管办"
	boxVerify     = "县政管办对整改落实情况进行核实，根据回访情况、佐证材料以及整改结果，2个工作日内形成详细调查整改报告报送分管领导审阅"
	boxRecall     = "整改完毕后，再次回访评价人，确保回访人对整改结果表示满意"
	boxCity       = "县政管办将经领导审阅的调查整改报告报送柳州市政务服务监督管理办公室督查科（自收到差评办件的4个工作日内）"
	boxMistaken   = "经回访核实属于误评和不实差评的办件：相关责任主体需于1个工作日内报送申诉撤销申请"
	boxAppeal     = "县政管办当日形成差评申诉复核申请，报送分管领导审阅。"
	boxAppealCity = "县政管办将经领导审阅后的申诉复核申请当日报柳州市政务服务监督管理办公室督查科（自收到差评办件信息的1个工作日内）"
)

// afterReview are the states after the leader's review of the report in which the reviewer
// is called back again: before or after the report went to the city.
var afterReview = []State{StateLeaderReviewed, StateExtended, StateRectified}

var systemPushedSteps = []StepDef{
	{Event: EventReceive, Label: "发现系统差评办件", From: []State{start}, To: StateReceived,
		Roles: []Role{RoleSystem}, Rule: "第五条", Annex: boxFound,
		StartsFromReceipt: []DutyKind{DutyRegister, DutyFollowUp, DutyTransfer}},
	{Event: EventRegister, Label: "当日填写登记表并向分管领导报告", From: []State{StateReceived}, To: StateRegistered,
		Roles: office, Rule: "第五条", Annex: boxRegister,
		Fulfils: []DutyKind{DutyRegister}},
	{Event: EventFollowUp, Label: "回访核实：需要整改", From: []State{StateRegistered}, To: StateJustified,
		Roles: office, Rule: "第六条", Annex: boxCallback + "\n" + boxEvidence,
		Fulfils: []DutyKind{DutyFollowUp, DutyInvestigate}, StartsFromReceipt: []DutyKind{DutyCityReport}},
	{Event: EventFollowUpMistaken, Label: "回访核实：误评或不实差评", From: []State{StateRegistered}, To: StateMistakenOrUntrue,
		Roles: office, Rule: "第九条", Annex: boxCallback + "\n" + boxEvidence,
		Fulfils: []DutyKind{DutyFollowUp, DutyInvestigate}, StartsFromReceipt: []DutyKind{DutyAppealToCity}},
	{Event: EventContactAttempt, Label: "记录回访未果", From: []State{StateRegistered}, Roles: office, Rule: "第六条"},
	{Event: EventContactAttempt, Label: "记录回访未果", From: afterReview, Roles: office, Rule: "第八条"},
	{Event: EventTransfer, Label: "当日转办责任主体", From: []State{StateJustified}, To: StateTransferred,
		Roles: office, Rule: "附件3", Annex: boxCallback,
		Fulfils: []DutyKind{DutyTransfer}, Starts: []DutyKind{DutyMeeting, DutyReport}},
	{Event: EventTransfer, Label: "当日转办责任主体", From: []State{StateMistakenOrUntrue}, To: StateAppealPreparing,
		Roles: office, Rule: "附件3", Annex: boxCallback,
		Fulfils: []DutyKind{DutyTransfer}, StartsFromReceipt: []DutyKind{DutyAppealMaterials}},
	{Event: EventMeeting, Label: "召开专题分析会，落实责任人", From: []State{StateTransferred}, To: StateRectifying,
		Roles: window, Rule: "第五条", Annex: boxRectify,
		Fulfils: []DutyKind{DutyMeeting}},
	{Event: EventReport, Label: "报送调查整改报告", From: []State{StateRectifying}, To: StateReported,
		Roles: windowHead, Rule: "第五条", Annex: boxRectify + "\n" + boxFeedback,
		Fulfils: []DutyKind{DutyReport}, Starts: []DutyKind{DutyOfficeReport}, Bounds: []DutyKind{DutyCityReport}},
	{Event: EventReportExtension, Label: "报送报告，说明理由和整改期限", From: []State{StateRectifying}, To: StateReported,
		Roles: windowHead, Rule: "第五条", Annex: boxExtension + "\n" + boxFeedback,
		Fulfils: []DutyKind{DutyReport}, Starts: []DutyKind{DutyOfficeReport, DutyRectify}, Bounds: []DutyKind{DutyCityReport}},
	{Event: EventRetransfer, Label: "转办有误，重新转办", From: []State{StateTransferred},
		Roles: office, Rule: "第五条", Starts: []DutyKind{DutyMeeting, DutyReport}},
	{Event: EventRetransfer, Label: "转办有误，重新转办", From: []State{StateRectifying}, To: StateTransferred,
		Roles: office, Rule: "第五条", Starts: []DutyKind{DutyMeeting, DutyReport}},
	{Event: EventRetransfer, Label: "转办有误，重新转办", From: []State{StateAppealPreparing},
		Roles: office, Rule: "第九条", Starts: []DutyKind{DutyAppealMaterials}},
	{Event: EventOfficeVerify, Label: "核实整改落实情况，报分管领导审阅", From: []State{StateReported}, To: StateOfficeVerified,
		Roles: office, Rule: "第七条", Annex: boxVerify,
		Fulfils: []DutyKind{DutyOfficeReport}, Starts: []DutyKind{DutyLeaderReview}},
	{Event: EventLeaderReview, Label: "分管领导审阅调查整改报告", From: []State{StateOfficeVerified}, To: StateLeaderReviewed,
		Roles: leader, Rule: "第七条", Annex: boxVerify,
		Fulfils: []DutyKind{DutyLeaderReview}},
	{Event: EventResultFollowUp, Label: "再次回访：评价人满意", From: []State{StateLeaderReviewed}, To: StateSatisfied, When: ConditionRectificationDone,
		Roles: office, Rule: "第八条", Annex: boxRecall},
	{Event: EventResultFollowUp, Label: "再次回访：评价人满意", From: []State{StateExtended, StateRectified}, To: StateSubmittedToCity, When: ConditionRectificationDone,
		Roles: office, Rule: "第八条", Annex: boxRecall},
	{Event: EventResultFollowUpUnsatisfied, Label: "再次回访：不满意，再次整改", From: afterReview, To: StateRectifying, When: ConditionRectificationDone,
		Roles: office, Rule: "第八条", Annex: boxRecall,
		Starts: []DutyKind{DutyReport}},
	{Event: EventClosurePropose, Label: "拟不以评价人满意结案，报分管领导", From: afterReview, When: ConditionRectificationDone,
		Roles: office, Rule: "第八条"},
	{Event: EventClosureApprove, Label: "分管领导同意结案", From: []State{StateLeaderReviewed}, To: StateClosureApproved,
		When: ConditionClosureProposed, Roles: leader, Rule: "第八条"},
	{Event: EventClosureApprove, Label: "分管领导同意结案", From: []State{StateExtended, StateRectified}, To: StateSubmittedToCity,
		When: ConditionClosureProposed, Roles: leader, Rule: "第八条"},
	{Event: EventClosureReject, Label: "分管领导不同意结案，继续回访", From: afterReview, When: ConditionClosureProposed,
		Roles: leader, Rule: "第八条"},
	{Event: EventSubmitCity, Label: "报市督查科", From: []State{StateSatisfied, StateClosureApproved}, To: StateSubmittedToCity,
		Roles: office, Rule: "附件3", Annex: boxCity,
		Fulfils: []DutyKind{DutyCityReport}},
	{Event: EventSubmitCity, Label: "报市督查科，再次回访待整改完毕", From: []State{StateLeaderReviewed}, To: StateExtended,
		Roles: office, Rule: "附件3", Annex: boxCity,
		Fulfils: []DutyKind{DutyCityReport}},
	{Event: EventSubmitCity, Label: "报市督查科（再次整改期间）", From: []State{StateRectifying, StateReported, StateOfficeVerified}, When: ConditionCityReportOwed,
		Roles: office, Rule: "附件3", Annex: boxCity,
		Fulfils: []DutyKind{DutyCityReport}},
	{Event: EventRectificationDone, Label: "延期整改完毕", From: []State{StateExtended}, To: StateRectified, When: ConditionRectificationPending,
		Roles: windowHead, Rule: "第五条",
		Fulfils: []DutyKind{DutyRectify}},
	{Event: EventAppealMaterials, Label: "报送申诉撤销材料", From: []State{StateAppealPreparing}, To: StateAppealSubmitted,
		Roles: orgLeader, Rule: "第九条", Annex: boxMistaken,
		Fulfils: []DutyKind{DutyAppealMaterials}, Starts: []DutyKind{DutyAppealApplication}},
	{Event: EventAppealConfirm, Label: "调查确认，形成申诉复核申请", From: []State{StateAppealSubmitted}, To: StateAppealDrafted,
		Roles: office, Rule: "第九条", Annex: boxAppeal,
		Starts: []DutyKind{DutyApplicationReview}},
	{Event: EventAppealAbandon, Label: "逾期未报申诉撤销材料，转入整改", From: []State{StateAppealPreparing}, To: StateTransferred,
		When: ConditionAppealMaterialsOverdue, Roles: office, Rule: "第九条",
		Cancels: []DutyKind{DutyAppealMaterials, DutyAppealToCity},
		Starts:  []DutyKind{DutyMeeting, DutyReport}, StartsFromReceipt: []DutyKind{DutyCityReport}},
	{Event: EventAppealDecline, Label: "调查不属误评，转入整改", From: []State{StateAppealSubmitted}, To: StateTransferred,
		Roles: office, Rule: "第九条",
		Cancels: []DutyKind{DutyAppealApplication, DutyAppealToCity},
		Starts:  []DutyKind{DutyMeeting, DutyReport}, StartsFromReceipt: []DutyKind{DutyCityReport}},
	{Event: EventApplicationReview, Label: "分管领导审阅申诉复核申请", From: []State{StateAppealDrafted}, To: StateApplicationReviewed,
		Roles: leader, Rule: "第九条", Annex: boxAppeal,
		Fulfils: []DutyKind{DutyApplicationReview}},
	{Event: EventAppealSubmit, Label: "当日报市督查科申诉复核", From: []State{StateApplicationReviewed}, To: StateAppealPending,
		Roles: office, Rule: "第九条", Annex: boxAppealCity,
		Fulfils: []DutyKind{DutyAppealApplication, DutyAppealToCity}},
	{Event: EventAppealUpheld, Label: "申诉成立，差评撤销", From: []State{StateAppealPending}, To: StateAnnulled,
		Roles: cityOrOffice, Rule: "第九条"},
	{Event: EventAppealRejected, Label: "申诉不成立，转入整改", From: []State{StateAppealPending}, To: StateTransferred,
		Roles: cityOrOffice, Rule: "第九条", Starts: []DutyKind{DutyMeeting, DutyReport, DutyCityReport}},
	{Event: EventArchive, Label: "备案", From: []State{StateSubmittedToCity, StateAnnulled}, To: StateArchived,
		Roles: office, Rule: "第三条"},
}

var onSiteStates = []StateDef{
	{StateReceived, "现场投诉，待登记受理"},
	{StateRegistered, "已登记受理，待确定责任主体"},
	{StateAssigned, "已确定责任主体，待现场直查或转办"},
	{StateHandling, "责任主体调查处理中"},
	{StateReported, "调查处理情况已反馈，待报分管领导"},
	{StateReportedToLeader, "已报分管领导，待回访投诉人"},
	{StateSatisfied, "已回访投诉人，待备案"},
	{StateClosureApproved, "经批准不以投诉人满意结案，待备案"},
	{StateArchived, "已备案"},
	{StateWithdrawn, "误立案件，已撤销"},
}

var onSiteSteps = []StepDef{
	{Event: EventReceive, Label: "评价人现场投诉", From: []State{start}, To: StateReceived,
		Roles: office, OwnLeaderRoles: orgLeader, Rule: "第四条", Annex: "评价人现场投诉",
		StartsFromReceipt: []DutyKind{DutyAccept}},
	{Event: EventRegister, Label: "登记、受理", From: []State{StateReceived}, To: StateRegistered,
		Roles: office, OwnLeaderRoles: orgLeader, Rule: "第四条", Annex: "县政管办登记、受理",
		Fulfils: []DutyKind{DutyAccept}},
	{Event: EventAssign, Label: "确定相关责任主体", From: []State{StateRegistered}, To: StateAssigned,
		Roles: office, OwnLeaderRoles: orgLeader, Rule: "第四条", Annex: "根据评价内容确定相关责任主体"},
	{Event: EventInspect, Label: "现场直查", From: []State{StateAssigned}, To: StateHandling,
		Roles: office, OwnLeaderRoles: orgLeader, Rule: "第四条", Annex: "现场直查或转办",
		Starts: []DutyKind{DutyFeedback}},
	{Event: EventTransfer, Label: "转办", From: []State{StateAssigned}, To: StateHandling,
		Roles: office, OwnLeaderRoles: orgLeader, Rule: "第四条", Annex: "现场直查或转办",
		Starts: []DutyKind{DutyFeedback}},
	{Event: EventRetransfer, Label: "转办有误，重新转办", From: []State{StateHandling},
		Roles: office, OwnLeaderRoles: orgLeader, Rule: "第四条", Starts: []DutyKind{DutyFeedback}},
	{Event: EventReport, Label: "反馈调查处理情况", From: []State{StateHandling}, To: StateReported,
		Roles: window, OwnLeaderRoles: orgLeader, Rule: "第四条", Annex: "责任主体将调查处理情况反馈至县政管办",
		Fulfils: []DutyKind{DutyFeedback}},
	{Event: EventReportLeader, Label: "报分管领导", From: []State{StateReported}, To: StateReportedToLeader,
		Roles: office, Rule: "附件2", Annex: "投诉处理情况报县政管办分管“好差评”工作领导"},
	{Event: EventResultFollowUp, Label: "回访投诉人：满意", From: []State{StateReportedToLeader}, To: StateSatisfied,
		Roles: office, Rule: "附件2", Annex: "回访投诉人处理结果"},
	{Event: EventResultFollowUpUnsatisfied, Label: "回访投诉人：不满意，再次处理", From: []State{StateReportedToLeader}, To: StateHandling,
		Roles: office, Rule: "附件2", Annex: "回访投诉人处理结果", Starts: []DutyKind{DutyFeedback}},
	{Event: EventContactAttempt, Label: "记录回访未果", From: []State{StateReportedToLeader}, Roles: office, Rule: "附件2"},
	{Event: EventClosurePropose, Label: "拟不以投诉人满意结案，报分管领导", From: []State{StateReportedToLeader},
		Roles: office, Rule: "附件2"},
	{Event: EventClosureApprove, Label: "分管领导同意结案", From: []State{StateReportedToLeader}, To: StateClosureApproved,
		When: ConditionClosureProposed, Roles: leader, Rule: "附件2"},
	{Event: EventClosureReject, Label: "分管领导不同意结案，继续回访", From: []State{StateReportedToLeader}, When: ConditionClosureProposed,
		Roles: leader, Rule: "附件2"},
	{Event: EventArchive, Label: "备案", From: []State{StateSatisfied, StateClosureApproved}, To: StateArchived,
		Roles: office, Rule: "附件2", Annex: "县政管办进行备案"},
}
