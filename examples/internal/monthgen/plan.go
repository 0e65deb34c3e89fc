package monthgen

import (
	"fmt"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// The texts of the steps, by the dimension the review complains of (Annex 1).
var (
	reasons = [...]string{
		haochaping.DimensionAttitude:    "工作人员答复不耐烦，态度生硬",
		haochaping.DimensionQuality:     "材料要求与办事指南不一致，来回补交",
		haochaping.DimensionEfficiency:  "排队等候时间长，办理慢",
		haochaping.DimensionEnvironment: "大厅导引不清，设备故障无人处理",
	}
	investigations = [...][]string{
		haochaping.DimensionAttitude:    {"调取窗口监控及评价器录像，工作人员答复时语气生硬，情况属实"},
		haochaping.DimensionQuality:     {"核对办事指南与窗口实际要求，材料清单表述不一致，情况属实"},
		haochaping.DimensionEfficiency:  {"调取叫号记录，当日高峰期等候超过四十分钟", "当日仅开放一个窗口"},
		haochaping.DimensionEnvironment: {"现场查看，大厅导引标识不清，取号机故障未及时报修"},
	}
	measures = [...][]string{
		haochaping.DimensionAttitude:    {"对当事人进行批评教育并约谈", "窗口开展服务礼仪培训"},
		haochaping.DimensionQuality:     {"修订办事指南并在大厅公示", "落实一次性告知制度"},
		haochaping.DimensionEfficiency:  {"高峰期增开窗口", "开展业务培训，提高办理效率"},
		haochaping.DimensionEnvironment: {"更换故障设备", "增设导引标识，安排专人导办"},
	}
)

// causes returns the causes a window finds for review rv (第十条): the dimension complained
// of, sometimes a second; attitude, quality and efficiency name the responsible person,
// the environment names none.
func (w *walker) causes(rv *haochaping.Review, person string) (dims []haochaping.Dimension, f caseflow.Finding) {
	d := haochaping.DimensionEfficiency
	if len(rv.Options) > 0 {
		d = rv.Options[0].Dimension
	} else if w.r.IntN(2) == 0 {
		d = haochaping.DimensionEnvironment
	}
	dims = []haochaping.Dimension{d}
	if w.r.IntN(5) == 0 {
		second := haochaping.Dimension(1 + w.r.IntN(4))
		if second != d {
			dims = append(dims, second)
		}
	}
	f.Verdict = caseflow.VerdictJustified
	for _, d := range dims {
		c := caseflow.Cause{Dimension: d}
		if d != haochaping.DimensionEnvironment {
			c.ResponsiblePerson = person
		}
		f.Causes = append(f.Causes, c)
	}
	return dims, f
}

// planner builds a case's steps, a cursor moving through office time.
type planner struct {
	w     *walker
	t     time.Time
	steps []planned
}

// soon takes s lo to hi minutes after the step before, the same day (right away when the
// day is nearly over).
func (p *planner) soon(lo, hi int, s caseflow.Step, prefer caseflow.Role) {
	t := p.t.Add(time.Duration(lo+p.w.r.IntN(hi-lo+1)) * time.Minute)
	if end := midnight(p.t).Add(18*time.Hour + 30*time.Minute); t.After(end) || !sameDay(t, p.t) {
		t = p.t.Add(time.Duration(2+p.w.r.IntN(4)) * time.Minute)
	}
	p.t = t
	p.steps = append(p.steps, planned{t, s, prefer})
}

// days takes s in office hours n working days after the step before; n = 0 is soon.
func (p *planner) days(n int, s caseflow.Step, prefer caseflow.Role) {
	if n == 0 {
		p.soon(30, 180, s, prefer)
		return
	}
	d, _ := p.w.cal.AddWorkdays(p.t, n) // a provisional year's answer is good enough here
	p.t = p.w.officeTime(d)
	p.steps = append(p.steps, planned{p.t, s, prefer})
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// plan returns the steps of j's case, in order; run takes those up to Now.
func (w *walker) plan(j *job) []planned {
	p := &planner{w: w, t: j.at}
	if j.sc == scOnSite {
		w.planOnSite(p, j)
		return p.steps
	}
	rv, win := j.review, j.win
	person := rv.Staff
	if person == "" {
		person = win.staff[0].Name
	}
	dims, finding := w.causes(rv, person)
	office, head, staff := caseflow.RoleOffice, caseflow.RoleWindowHead, caseflow.RoleWindowStaff
	callable := rv.Callable()
	materials := []string{"评价器视频", "回访录音"}
	switch rv.Channel.Mode() {
	case haochaping.ModeOnline:
		materials = []string{"网上办件记录", "回访录音"}
	}
	if !callable {
		materials = []string{"评价器视频", "叫号记录", "办件材料"}
	}

	p.soon(5, 40, caseflow.Registration{ResponsibleWindow: &win.w,
		ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}, office)

	// 第六条: the follow-up, or the investigation of a review with no number to call.
	appeal := j.sc == scAppealUpheld || j.sc == scAppealRejected
	verdict := caseflow.VerdictJustified
	if appeal {
		verdict = caseflow.VerdictMistaken
		if w.r.IntN(2) == 0 || !callable {
			verdict = caseflow.VerdictUntrue
		}
	}
	fu := caseflow.FollowUp{Materials: materials, Verdict: verdict}
	switch {
	case !callable:
		fu.Contact = caseflow.ContactNoNumber
		fu.Outcome = "评价人未留联系电话，县政管办调取评价器视频、叫号记录和办件材料，调查了解办件详情"
		if verdict == caseflow.VerdictUntrue {
			fu.Outcome += "，办件按时办结，未见差评所述情况"
		}
	case verdict == caseflow.VerdictMistaken:
		fu.Outcome, fu.Reason = "评价人表示对办理结果满意，误按了不满意", "误按"
	case verdict == caseflow.VerdictUntrue:
		fu.Outcome, fu.Reason = "评价人反映的情况与评价器视频、办件记录不符", "对政策规定不满，非窗口服务问题"
	default:
		fu.Outcome, fu.Reason = "评价人反映"+reasons[dims[0]], reasons[dims[0]]
	}
	p.soon(10, 60, fu, office)
	p.soon(5, 30, caseflow.Transfer{}, office)

	if appeal {
		// 第九条: the window's materials within a working day, the application the same day.
		p.days(w.r.IntN(2), caseflow.AppealMaterials{Verdict: verdict, Reasons: fu.Outcome}, caseflow.RoleOrgLeader)
		p.soon(20, 90, caseflow.AppealConfirmation{Application: "经回访核实属" + verdict.Label() + "，申请撤销该差评"}, office)
		p.soon(20, 60, caseflow.ApplicationReview{Opinion: "同意申诉，报市督查科"}, caseflow.RoleLeader)
		p.soon(10, 40, caseflow.AppealSubmission{Reference: w.ref("融政监管申", p.t)}, office)
		upheld := j.sc == scAppealUpheld
		d := caseflow.CityDecision{Upheld: upheld, Reference: w.ref("柳政务督", p.t)}
		if !upheld {
			d.Reason = "佐证材料不足以证明属" + verdict.Label()
		}
		p.days(2+w.r.IntN(4), d, caseflow.RoleCityInspection)
		if upheld {
			p.days(w.r.IntN(2), caseflow.Archive{}, office)
			return p.steps
		}
		// Rejected: the finding is founded after all (第十条).
		dims, finding = []haochaping.Dimension{haochaping.DimensionAttitude},
			caseflow.Finding{Verdict: caseflow.VerdictJustified, Causes: []caseflow.Cause{{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: person}}}
	}

	meetingBy := head
	if w.r.IntN(3) == 0 {
		meetingBy = staff
	}
	p.soon(30, 150, caseflow.Meeting{ResponsiblePerson: person, Measures: measures[dims[0]],
		Attendees: []string{win.head.Name, person}}, meetingBy)

	report := caseflow.Report{Investigator: win.head.Name, Subject: person,
		Reception: []string{fmt.Sprintf("%s，评价人到%s办理%s", rv.Time.Format("1月2日15时04分"), win.w.Name, rv.ServiceItem)},
		Finding:   finding}
	for _, d := range dims {
		report.Investigation = append(report.Investigation, investigations[d]...)
		report.Measures = append(report.Measures, measures[d]...)
	}
	if dims[0] == haochaping.DimensionEnvironment {
		report.Subject = win.head.Name
	}
	reportDays := 1 + w.r.IntN(2) // due in 2 working days (第五条)
	switch j.sc {
	case scReportLate:
		reportDays = 3 + w.r.IntN(2)
	case scPrevReportLate:
		reportDays = 5 + w.r.IntN(3)
	case scStuck:
		// 第五条 督促办理: the office urges the window on; the report has not come by Now.
		p.days(3, caseflow.Urge{Message: "调查整改报告已超期，请于今日内报送"}, office)
		p.days(2, caseflow.Urge{Message: "再次督促：请窗口负责人立即报送调查整改报告"}, office)
		return p.steps
	}
	extended := j.sc == scExtension || j.sc == scPrevExtensionLate || j.sc == scPrevExtensionOpen
	var extDays int
	if extended {
		extDays = 8 + w.r.IntN(8)
		if j.sc == scPrevExtensionOpen {
			extDays = 40
		}
		until, _ := w.cal.AddWorkdays(p.t, extDays+1)
		report.Extension = &caseflow.Extension{Reason: "需采购更换设备并调整窗口布局，无法在2个工作日内整改完毕",
			Until: deadline.DateOf(until, until.Location())}
	}
	p.days(reportDays, report, head)
	p.days(w.r.IntN(2), caseflow.OfficeVerification{Result: "经核实，整改措施已落实"}, office)
	p.days(w.r.IntN(2), caseflow.LeaderReview{Opinion: "同意，报市督查科"}, caseflow.RoleLeader)

	satisfied := caseflow.ResultFollowUp{Outcome: "再次回访，评价人对整改结果表示满意", Satisfied: true}
	switch {
	case extended:
		p.soon(10, 60, caseflow.CitySubmission{Reference: w.ref("融政监管报", p.t)}, office)
		done := extDays - w.r.IntN(3)
		if j.sc == scPrevExtensionLate {
			done = extDays + 2 + w.r.IntN(2)
		}
		p.days(done, caseflow.Rectification{Done: []string{"新设备已安装调试", "窗口布局已调整"}}, head)
		p.days(w.r.IntN(2), satisfied, office)
	case j.sc == scSecondRound:
		p.days(w.r.IntN(2), caseflow.ResultFollowUp{Outcome: "评价人对整改结果仍不满意，认为窗口未作解释", Satisfied: false}, office)
		again := report
		again.Investigation = []string{"再次调查，窗口未向评价人说明处理结果", "当事人已向评价人当面致歉"}
		p.days(1+w.r.IntN(2), again, head)
		p.days(w.r.IntN(2), caseflow.OfficeVerification{Result: "经核实，再次整改已落实"}, office)
		p.days(w.r.IntN(2), caseflow.LeaderReview{Opinion: "同意"}, caseflow.RoleLeader)
		p.days(w.r.IntN(2), satisfied, office)
		p.soon(10, 60, caseflow.CitySubmission{Reference: w.ref("融政监管报", p.t)}, office)
	case j.sc == scUnreachable:
		p.soon(30, 120, caseflow.ContactAttempt{Channel: "电话", Result: caseflow.ContactNoAnswer, Note: "无人接听"}, office)
		p.days(1, caseflow.ContactAttempt{Channel: "电话", Result: caseflow.ContactNoAnswer, Note: "无人接听"}, office)
		p.soon(60, 180, caseflow.ContactAttempt{Channel: "短信", Result: caseflow.ContactNoAnswer, Note: "短信告知整改结果，未获回复"}, office)
		p.soon(10, 60, caseflow.ClosureProposal{Reason: caseflow.ClosureUnreachable,
			Explanation: "两次致电、一次短信均未联系上评价人，整改已落实"}, office)
		p.soon(20, 120, caseflow.ClosureDecision{Approved: true, Opinion: "同意不以评价人满意结案"}, caseflow.RoleLeader)
		p.soon(10, 60, caseflow.CitySubmission{Reference: w.ref("融政监管报", p.t)}, office)
	case !callable:
		p.soon(10, 60, caseflow.ClosureProposal{Reason: caseflow.ClosureNoContact,
			Explanation: "评价人未留联系方式，已调查了解办件详情，整改已落实"}, office)
		p.soon(20, 120, caseflow.ClosureDecision{Approved: true, Opinion: "同意结案"}, caseflow.RoleLeader)
		p.soon(10, 60, caseflow.CitySubmission{Reference: w.ref("融政监管报", p.t)}, office)
	default:
		p.days(w.r.IntN(2), satisfied, office)
		p.soon(10, 60, caseflow.CitySubmission{Reference: w.ref("融政监管报", p.t)}, office)
	}
	p.days(w.r.IntN(2), caseflow.Archive{}, office)
	return p.steps
}

// planOnSite plans an on-site complaint (第四条, Annex 2): registered and assigned, inspected
// on the spot or transferred, the window's feedback within 2 working days, the leader told,
// the complainant followed up, archived. At a township centre its leader in charge
// coordinates and signs.
func (w *walker) planOnSite(p *planner, j *job) {
	win, office := j.win, caseflow.RoleOffice
	p.soon(2, 15, caseflow.Registration{Content: j.complain.Content}, office)
	p.soon(5, 30, caseflow.Assignment{ResponsibleWindow: &win.w, Basis: "投诉人所指窗口"}, office)
	if w.r.IntN(2) == 0 {
		p.soon(10, 40, caseflow.Inspection{Findings: "现场调取监控，投诉情况基本属实"}, office)
	} else {
		p.soon(5, 30, caseflow.Transfer{}, office)
	}
	person := win.staff[w.r.IntN(len(win.staff))].Name
	p.days(1+w.r.IntN(2), caseflow.Report{Investigator: win.head.Name, Subject: person,
		Investigation: []string{"调取监控并询问当事人，投诉情况属实"},
		Measures:      []string{"当事人向投诉人当面致歉", "窗口开展作风纪律教育"},
		Finding: caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionAttitude,
			ResponsiblePerson: person}}}}, caseflow.RoleWindowHead)
	p.soon(30, 120, caseflow.LeaderReport{Summary: "窗口已调查处理并整改，当事人已致歉", Opinion: "同意"}, office)
	p.days(w.r.IntN(2), caseflow.ResultFollowUp{Outcome: "投诉人对处理结果表示满意", Satisfied: true}, office)
	p.soon(10, 60, caseflow.Archive{}, office)
}
