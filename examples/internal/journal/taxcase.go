package journal

import (
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// The people of the tax window's case, and the window (two examples tell it: sqlite and
// forms).
var (
	TaxClerk  = caseflow.Actor{ID: "u-office-1", Name: "王五", Role: caseflow.RoleOffice}
	TaxLeader = caseflow.Actor{ID: "u-leader-1", Name: "赵六", Role: caseflow.RoleLeader}
	TaxStaff  = caseflow.Actor{ID: "u-tax-1", Name: "钱七", Role: caseflow.RoleWindowStaff, Org: "w-tax"}
	TaxHead   = caseflow.Actor{ID: "u-tax-head", Name: "孙八", Role: caseflow.RoleWindowHead, Org: "w-tax"}
	TaxWindow = &haochaping.Window{ID: "w-tax", Name: "税务窗口", Kind: haochaping.BusinessWindow, Center: "center"}
)

// November returns a time of November 2026 in Beijing time.
func November(day, hour, minute int) time.Time {
	return time.Date(2026, 11, day, hour, minute, 0, 0, haochaping.Location())
}

// TaxReview is the bad review of the tax window's case, pushed on Monday 23 November 2026:
// a reviewer who queued for an hour.
func TaxReview() haochaping.Review {
	return haochaping.Review{ID: "450224-2026-000777#1", MatterNumber: "450224-2026-000777", ServiceItem: "个人所得税汇算清缴",
		Level: haochaping.Dissatisfied, Channel: haochaping.ChannelDevice, Time: November(23, 8, 50), Window: TaxWindow.ID,
		Staff: "李四", AreaCode: "450224", FreeText: "排队一个多小时，电话13987654321打不通",
		Reviewer: haochaping.Reviewer{Name: "韦小宝", Gender: haochaping.Male, Phone: "13987654321", Kind: haochaping.NaturalPerson}}
}

// TaxSteps are the steps of the tax window's case from registration to archive (第五条 to
// 第八条): the office's first three the day it is received, then the window's and the rest.
func TaxSteps() []Step {
	return []Step{
		{At: November(23, 9, 30), Actor: TaxClerk, Step: caseflow.Registration{ResponsibleWindow: TaxWindow,
			ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}},
		{At: November(23, 10, 0), Actor: TaxClerk, Step: caseflow.FollowUp{Outcome: "评价人反映排队时间过长", Reason: "高峰期只开一个窗口",
			Materials: []string{"评价器视频", "回访录音"}, Verdict: caseflow.VerdictJustified}},
		{At: November(23, 10, 20), Actor: TaxClerk, Step: caseflow.Transfer{}},
		{At: November(23, 15, 0), Actor: TaxStaff, Step: caseflow.Meeting{ResponsiblePerson: "李四", Measures: []string{"高峰期增开一个窗口"}}},
		{At: November(24, 16, 0), Actor: TaxHead, Step: caseflow.Report{Investigator: "孙八", Subject: "李四", SubjectPhone: "13812345678",
			Reception:     []string{"11月23日8时许，评价人到税务窗口办理个人所得税汇算清缴，排队等候一小时有余"},
			Investigation: []string{"调取叫号记录，高峰期等候超过四十分钟", "当日仅开放一个窗口"},
			Measures:      []string{"高峰期增开窗口", "设置咨询引导岗"},
			Finding:       caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionEfficiency, ResponsiblePerson: "李四"}}}}},
		{At: November(25, 10, 0), Actor: TaxClerk, Step: caseflow.OfficeVerification{Result: "已增开窗口，抽查等候时间均在十五分钟内"}},
		{At: November(26, 16, 0), Actor: TaxLeader, Step: caseflow.LeaderReview{Opinion: "同意，报市督查科"}},
		{At: November(27, 9, 30), Actor: TaxClerk, Step: caseflow.ResultFollowUp{Outcome: "评价人对整改结果表示满意", Satisfied: true}},
		{At: November(27, 10, 30), Actor: TaxClerk, Step: caseflow.CitySubmission{Reference: "融政监管报〔2026〕15号"}},
		{At: November(27, 15, 0), Actor: TaxClerk, Step: caseflow.Archive{}},
	}
}
