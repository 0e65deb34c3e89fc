package caseflow

import (
	"time"

	"github.com/haochaping/haochaping/deadline"
)

// DutyKind names a timed duty of the measures.
type DutyKind string

// The duties; [Policy] times each.
// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	DutyRegister          DutyKind = "register"           // 当日登记并报告 (第五条)
	DutyFollowUp          DutyKind = "callback"           // 当日回访 (第六条)
	DutyInvestigate       DutyKind = "investigate"        // 无联系电话：当日调查了解办件详情 (第六条)
	DutyTransfer          DutyKind = "transfer"           // 当日转办 (Annex 3)
	DutyMeeting           DutyKind = "meeting"            // 转办当日召开专题分析会 (第五条)
	DutyReport            DutyKind = "report"             // 2个工作日内报调查整改报告 (第五条)
	DutyRectify           DutyKind = "rectify"            // 窗口自定的整改期限 (第五条)
	DutyOfficeReport      DutyKind = "office_report"      // 2个工作日内核实并报领导审阅 (第七条)
	DutyLeaderReview      DutyKind = "leader_review"      // 分管领导审阅调查整改报告 (第七条; untimed by default)
	DutyCityReport        DutyKind = "city_report"        // 4个工作日内报市督查科 (Annex 3)
	DutyAppealMaterials   DutyKind = "appeal_materials"   // 1个工作日内报申诉撤销材料 (第九条)
	DutyAppealApplication DutyKind = "appeal_application" // 当日形成并报申诉复核申请 (第九条)
	DutyApplicationReview DutyKind = "application_review" // 分管领导当日审阅申诉复核申请 (第九条)
	DutyAppealToCity      DutyKind = "appeal_to_city"     // 1个工作日内报市督查科申诉复核 (Annex 3)
	DutyFeedback          DutyKind = "feedback"           // 2个工作日内反馈整改报告 (第四条)
	DutyAccept            DutyKind = "accept"             // 现场投诉登记受理 (Annex 2; untimed by default)
)

var dutyKinds = []DutyKind{DutyRegister, DutyFollowUp, DutyInvestigate, DutyTransfer, DutyMeeting, DutyReport,
	DutyRectify, DutyOfficeReport, DutyLeaderReview, DutyCityReport, DutyAppealMaterials,
	DutyAppealApplication, DutyApplicationReview, DutyAppealToCity, DutyFeedback, DutyAccept}

type dutyDef struct {
	label string
	owner Role // who owes it: the role of the step that fulfils it (a test checks this)
	rule  string
}

var dutyDefs = map[DutyKind]dutyDef{
	DutyRegister:          {"填写登记表并报告", RoleOffice, "第五条"},
	DutyFollowUp:          {"回访评价人", RoleOffice, "第六条"},
	DutyInvestigate:       {"调查了解办件详情", RoleOffice, "第六条"},
	DutyTransfer:          {"转办责任主体", RoleOffice, "附件3"},
	DutyMeeting:           {"召开专题分析会", RoleWindowHead, "第五条"},
	DutyReport:            {"报送调查整改报告", RoleWindowHead, "第五条"},
	DutyRectify:           {"在整改期限内整改完毕", RoleWindowHead, "第五条"},
	DutyOfficeReport:      {"核实整改并报领导审阅", RoleOffice, "第七条"},
	DutyLeaderReview:      {"审阅调查整改报告", RoleLeader, "第七条"},
	DutyCityReport:        {"报市督查科", RoleOffice, "附件3"},
	DutyAppealMaterials:   {"报送申诉撤销材料", RoleOrgLeader, "第九条"},
	DutyAppealApplication: {"形成申诉复核申请并报送", RoleOffice, "第九条"},
	DutyApplicationReview: {"审阅申诉复核申请", RoleLeader, "第九条"},
	DutyAppealToCity:      {"报市督查科申诉复核", RoleOffice, "附件3"},
	DutyFeedback:          {"反馈整改报告", RoleWindowHead, "第四条"},
	DutyAccept:            {"登记、受理", RoleOffice, "附件2"},
}

// Label returns the duty in Chinese, e.g. "报送调查整改报告".
func (k DutyKind) Label() string {
	if d, ok := dutyDefs[k]; ok {
		return d.label
	}
	return "DutyKind(" + string(k) + ")"
}

// Valid reports whether k is a duty of the measures.
func (k DutyKind) Valid() bool { _, ok := dutyDefs[k]; return ok }

// Owner returns the role that owes a duty of this kind, as the measures set it: the role of
// the step that fulfils it ([Duty].Owner records it on each duty).
func (k DutyKind) Owner() Role { return dutyDefs[k].owner }

// Rule returns the article or annex that sets the duty, e.g. "第五条".
func (k DutyKind) Rule() string { return dutyDefs[k].rule }

// Duty is one duty on a case: who owes it, from when, by when, and whether it was done on
// time. A Duty is immutable once on a case: a step that fulfils it replaces it.
type Duty struct {
	// ClosedBy is the sequence number of the entry that fulfilled or cancelled the duty, 0
	// while it is open; [Case.ClosedAt] gives its time. (The fields a worklist scan reads
	// come first, in one cache line.)
	ClosedBy int `json:"closedBy,omitempty"`
	// Timed is false when the policy leaves the duty untimed; its Deadline then holds only
	// its Start.
	Timed bool `json:"timed"`
	// Cancelled is true when the duty fell away unfulfilled, because the case took another
	// branch (an appeal declined, say).
	Cancelled bool `json:"cancelled,omitempty"`
	// OnTime records, for a fulfilled duty, whether it was fulfilled by its due time; an
	// untimed duty is always on time.
	// It is false when the step was dated on time but entered after the due time, which
	// EnteredLate records.
	OnTime      bool              `json:"onTime,omitempty"`
	EnteredLate bool              `json:"enteredLate,omitempty"`
	Deadline    deadline.Deadline `json:"deadline"`
	Kind        DutyKind          `json:"kind"`
	// Owner is the role that owes the duty, and Org the organisation it is owed for: the
	// window, for window roles; the centre or department led, for RoleOrgLeader; empty for
	// the county-wide roles.
	Owner Role   `json:"owner"`
	Org   string `json:"org,omitempty"`
	// StartedBy is the sequence number of the trail entry that started the duty.
	StartedBy int `json:"startedBy"`
	// RetimedBy is the sequence number of the entry that last gave the open duty a new
	// deadline: a second limit that fell earlier (第七条), or a [Retime]; 0 if none did.
	RetimedBy int `json:"retimedBy,omitempty"`
	// Entered is when the step that started the duty, or last gave it a new deadline, was
	// entered: a duty started by a step dated back ([Action.At]) may be at risk or overdue
	// from the moment it is entered, which [Service.Sweep] reports. Zero in duties recorded
	// before the library kept it.
	Entered time.Time `json:"entered,omitzero"`
	// Limit names the rule that timed the duty: the [Policy] field's JSON name ("report",
	// "cityReportFromReport"…), "extension" for the window's own rectification deadline, or
	// "bound:cityReport" for the leader's review due with the city report.
	Limit string `json:"limit,omitempty"`
}

// Rule returns the article or annex whose limit times the duty: its kind's ([DutyKind.Rule]),
// or the second limit's when that one fell earlier (第七条 for the city report and the
// leader's review due with it).
func (d *Duty) Rule() string {
	if a, ok := limitArticles[d.Limit]; ok {
		return a
	}
	return d.Kind.Rule()
}

// limitArticles are the articles of the limits that time a duty otherwise than its kind's.
var limitArticles = map[string]string{"cityReportFromReport": "第七条", "bound:cityReport": "第七条"}

// Open reports whether the duty is still owed.
func (d *Duty) Open() bool { return d.ClosedBy == 0 }

// Label returns the duty in Chinese.
func (d *Duty) Label() string { return d.Kind.Label() }
