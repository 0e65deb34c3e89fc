package caseflow

// The two workflows as data. Each step cites its article and quotes the flowchart box of
// Annex 2 or 3 it implements; TestAnnexStepsAreCovered checks every box is covered.

var (
	office       = []Role{RoleOffice}
	leader       = []Role{RoleLeader}
	window       = []Role{RoleWindowStaff, RoleWindowHead}
	windowHead   = []Role{RoleWindowHead}
	unitLeader   = []Role{RoleUnitLeader}
	cityOrOffice = []Role{RoleCityInspection, RoleOffice} // the city decides; the office may record its reply
)

var systemPushedStates = []StateDef{
	{Received, "待登记"},
	{Registered, "已登记，待回访核实"},
	{Verified, "回访核实需整改，待转办"},
	{VerifiedMistaken, "回访核实属误评或不实差评，待转办"},
	{Transferred, "已转办，待召开专题分析会"},
	{Rectifying, "整改中"},
	{Reported, "调查整改报告已反馈，待核实"},
	{OfficeVerified, "整改已核实，待分管领导审阅"},
	{LeaderReviewed, "分管领导已审阅，待再次回访"},
	{Recalled, "评价人对整改结果满意，待报市督查科"},
	{Extended, "已报市督查科，待整改完毕后再次回访"},
	{Rectified, "延期整改完毕，待再次回访"},
	{SubmittedToCity, "已报市督查科，评价人满意，待备案"},
	{AppealPreparing, "待报申诉撤销材料"},
	{AppealSubmitted, "申诉撤销材料已报，待调查确认"},
	{AppealDrafted, "已形成申诉复核申请，待分管领导审阅"},
	{ApplicationReviewed, "申诉复核申请已审阅，待报市督查科"},
	{AppealPending, "申诉复核中"},
	{Annulled, "申诉成立，差评已撤销，待备案"},
	{Archived, "已备案"},
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
var afterReview = []State{LeaderReviewed, Extended, Rectified}

var systemPushedSteps = []StepDef{
	{Event: EventReceive, Label: "发现系统差评办件", From: []State{start}, To: Received,
		Roles: []Role{RoleSystem}, Rule: "第五条", Annex: boxFound,
		StartsFromReceipt: []DutyKind{DutyRegister, DutyCallback, DutyTransfer}},
	{Event: EventRegister, Label: "当日填写登记表并向分管领导报告", From: []State{Received}, To: Registered,
		Roles: office, Rule: "第五条", Annex: boxRegister,
		Fulfils: []DutyKind{DutyRegister}},
	{Event: EventCallback, Label: "回访核实：需要整改", From: []State{Registered}, To: Verified,
		Roles: office, Rule: "第六条", Annex: boxCallback + "\n" + boxEvidence,
		Fulfils: []DutyKind{DutyCallback}, StartsFromReceipt: []DutyKind{DutyCityReport}},
	{Event: EventCallbackMistaken, Label: "回访核实：误评或不实差评", From: []State{Registered}, To: VerifiedMistaken,
		Roles: office, Rule: "第九条", Annex: boxCallback + "\n" + boxEvidence,
		Fulfils: []DutyKind{DutyCallback}, StartsFromReceipt: []DutyKind{DutyAppealToCity}},
	{Event: EventTransfer, Label: "当日转办责任主体", From: []State{Verified}, To: Transferred,
		Roles: office, Rule: "附件3", Annex: boxCallback,
		Fulfils: []DutyKind{DutyTransfer}, Starts: []DutyKind{DutyMeeting, DutyReport}},
	{Event: EventTransfer, Label: "当日转办责任主体", From: []State{VerifiedMistaken}, To: AppealPreparing,
		Roles: office, Rule: "附件3", Annex: boxCallback,
		Fulfils: []DutyKind{DutyTransfer}, StartsFromReceipt: []DutyKind{DutyAppealMaterials}},
	{Event: EventMeeting, Label: "召开专题分析会，落实责任人", From: []State{Transferred}, To: Rectifying,
		Roles: window, Rule: "第五条", Annex: boxRectify,
		Fulfils: []DutyKind{DutyMeeting}},
	{Event: EventReport, Label: "报送调查整改报告", From: []State{Rectifying}, To: Reported,
		Roles: windowHead, Rule: "第五条", Annex: boxRectify + "\n" + boxFeedback,
		Fulfils: []DutyKind{DutyReport}, Starts: []DutyKind{DutyOfficeReport}},
	{Event: EventReportExtension, Label: "报送报告，说明理由和整改期限", From: []State{Rectifying}, To: Reported,
		Roles: windowHead, Rule: "第五条", Annex: boxExtension + "\n" + boxFeedback,
		Fulfils: []DutyKind{DutyReport}, Starts: []DutyKind{DutyOfficeReport, DutyRectify}},
	{Event: EventVerify, Label: "核实整改落实情况，报分管领导审阅", From: []State{Reported}, To: OfficeVerified,
		Roles: office, Rule: "第七条", Annex: boxVerify,
		Fulfils: []DutyKind{DutyOfficeReport}, Starts: []DutyKind{DutyLeaderReview}},
	{Event: EventLeaderReview, Label: "分管领导审阅调查整改报告", From: []State{OfficeVerified}, To: LeaderReviewed,
		Roles: leader, Rule: "第七条", Annex: boxVerify,
		Fulfils: []DutyKind{DutyLeaderReview}},
	{Event: EventRecall, Label: "再次回访：评价人满意", From: []State{LeaderReviewed}, To: Recalled, When: RectificationDone,
		Roles: office, Rule: "第八条", Annex: boxRecall},
	{Event: EventRecall, Label: "再次回访：评价人满意", From: []State{Extended, Rectified}, To: SubmittedToCity, When: RectificationDone,
		Roles: office, Rule: "第八条", Annex: boxRecall},
	{Event: EventRecallUnsatisfied, Label: "再次回访：不满意，再次整改", From: afterReview, To: Rectifying, When: RectificationDone,
		Roles: office, Rule: "第八条", Annex: boxRecall,
		Starts: []DutyKind{DutyReport}},
	{Event: EventSubmitCity, Label: "报市督查科", From: []State{Recalled}, To: SubmittedToCity,
		Roles: office, Rule: "附件3", Annex: boxCity,
		Fulfils: []DutyKind{DutyCityReport}},
	{Event: EventSubmitCity, Label: "报市督查科，再次回访待整改完毕", From: []State{LeaderReviewed}, To: Extended,
		Roles: office, Rule: "附件3", Annex: boxCity,
		Fulfils: []DutyKind{DutyCityReport}},
	{Event: EventSubmitCity, Label: "报市督查科（再次整改期间）", From: []State{Rectifying, Reported, OfficeVerified}, When: CityReportOwed,
		Roles: office, Rule: "附件3", Annex: boxCity,
		Fulfils: []DutyKind{DutyCityReport}},
	{Event: EventRectified, Label: "延期整改完毕", From: []State{Extended}, To: Rectified, When: RectificationPending,
		Roles: windowHead, Rule: "第五条",
		Fulfils: []DutyKind{DutyRectify}},
	{Event: EventAppeal, Label: "报送申诉撤销材料", From: []State{AppealPreparing}, To: AppealSubmitted,
		Roles: unitLeader, Rule: "第九条", Annex: boxMistaken,
		Fulfils: []DutyKind{DutyAppealMaterials}, Starts: []DutyKind{DutyAppealApplication}},
	{Event: EventAppealConfirm, Label: "调查确认，形成申诉复核申请", From: []State{AppealSubmitted}, To: AppealDrafted,
		Roles: office, Rule: "第九条", Annex: boxAppeal,
		Starts: []DutyKind{DutyApplicationReview}},
	{Event: EventAppealDecline, Label: "调查不属误评，转入整改", From: []State{AppealSubmitted}, To: Transferred,
		Roles: office, Rule: "第九条",
		Cancels: []DutyKind{DutyAppealApplication, DutyAppealToCity},
		Starts:  []DutyKind{DutyMeeting, DutyReport}, StartsFromReceipt: []DutyKind{DutyCityReport}},
	{Event: EventApplicationReview, Label: "分管领导审阅申诉复核申请", From: []State{AppealDrafted}, To: ApplicationReviewed,
		Roles: leader, Rule: "第九条", Annex: boxAppeal,
		Fulfils: []DutyKind{DutyApplicationReview}},
	{Event: EventAppealSubmit, Label: "当日报市督查科申诉复核", From: []State{ApplicationReviewed}, To: AppealPending,
		Roles: office, Rule: "第九条", Annex: boxAppealCity,
		Fulfils: []DutyKind{DutyAppealApplication, DutyAppealToCity}},
	{Event: EventAppealUpheld, Label: "申诉成立，差评撤销", From: []State{AppealPending}, To: Annulled,
		Roles: cityOrOffice, Rule: "第九条"},
	{Event: EventAppealRejected, Label: "申诉不成立，转入整改", From: []State{AppealPending}, To: Transferred,
		Roles: cityOrOffice, Rule: "第九条", Starts: []DutyKind{DutyMeeting, DutyReport, DutyCityReport}},
	{Event: EventArchive, Label: "备案", From: []State{SubmittedToCity, Annulled}, To: Archived,
		Roles: office, Rule: "第三条"},
}

var onSiteStates = []StateDef{
	{Received, "现场投诉，待登记受理"},
	{Registered, "已登记受理，待确定责任主体"},
	{Assigned, "已确定责任主体，待现场直查或转办"},
	{Handling, "责任主体调查处理中"},
	{Reported, "调查处理情况已反馈，待报分管领导"},
	{ReportedToLeader, "已报分管领导，待回访投诉人"},
	{Recalled, "已回访投诉人，待备案"},
	{Archived, "已备案"},
}

var onSiteSteps = []StepDef{
	{Event: EventReceive, Label: "评价人现场投诉", From: []State{start}, To: Received,
		Roles: office, OwnLeaderRoles: unitLeader, Rule: "第四条", Annex: "评价人现场投诉",
		StartsFromReceipt: []DutyKind{DutyAccept}},
	{Event: EventRegister, Label: "登记、受理", From: []State{Received}, To: Registered,
		Roles: office, OwnLeaderRoles: unitLeader, Rule: "第四条", Annex: "县政管办登记、受理",
		Fulfils: []DutyKind{DutyAccept}},
	{Event: EventAssign, Label: "确定相关责任主体", From: []State{Registered}, To: Assigned,
		Roles: office, OwnLeaderRoles: unitLeader, Rule: "第四条", Annex: "根据评价内容确定相关责任主体"},
	{Event: EventInspect, Label: "现场直查", From: []State{Assigned}, To: Handling,
		Roles: office, OwnLeaderRoles: unitLeader, Rule: "第四条", Annex: "现场直查或转办",
		Starts: []DutyKind{DutyFeedback}},
	{Event: EventTransfer, Label: "转办", From: []State{Assigned}, To: Handling,
		Roles: office, OwnLeaderRoles: unitLeader, Rule: "第四条", Annex: "现场直查或转办",
		Starts: []DutyKind{DutyFeedback}},
	{Event: EventReport, Label: "反馈调查处理情况", From: []State{Handling}, To: Reported,
		Roles: window, OwnLeaderRoles: unitLeader, Rule: "第四条", Annex: "责任主体将调查处理情况反馈至县政管办",
		Fulfils: []DutyKind{DutyFeedback}},
	{Event: EventReportLeader, Label: "报分管领导", From: []State{Reported}, To: ReportedToLeader,
		Roles: office, Rule: "附件2", Annex: "投诉处理情况报县政管办分管“好差评”工作领导"},
	{Event: EventRecall, Label: "回访投诉人：满意", From: []State{ReportedToLeader}, To: Recalled,
		Roles: office, Rule: "附件2", Annex: "回访投诉人处理结果"},
	{Event: EventRecallUnsatisfied, Label: "回访投诉人：不满意，再次处理", From: []State{ReportedToLeader}, To: Handling,
		Roles: office, Rule: "附件2", Annex: "回访投诉人处理结果", Starts: []DutyKind{DutyFeedback}},
	{Event: EventArchive, Label: "备案", From: []State{Recalled}, To: Archived,
		Roles: office, Rule: "附件2", Annex: "县政管办进行备案"},
}
