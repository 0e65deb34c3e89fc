package caseflow

import (
	"slices"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/deadline"
)

// Registration is the office's registration of a case on the registration and transfer form
// (差评办件转办登记表, Annex 4). The signer and time of the office's sign-off (签收人, 签收时间)
// are the step's actor and time.
type Registration struct {
	// ResponsibleWindow is the responsible window (承办窗口 / 责任主体) the case will be
	// transferred to; required for a pushed review (第五条), set by an [Assignment] for an
	// on-site complaint.
	ResponsibleWindow *haochaping.Window `json:"responsibleWindow,omitempty"`
	// Content is the bad-review content (差评内容) as the office writes it; empty means the
	// review's options and text, or the complaint, speak for themselves.
	Content string `json:"content,omitempty"`
	// ReportedTo are the roles the office reported the case to. 第五条: a pushed review is
	// reported to the leader in charge of the rating work (RoleLeader) and the head of the
	// responsible window (RoleWindowHead), both.
	ReportedTo []Role `json:"reportedTo,omitempty"`
}

// Event returns EventRegister.
func (Registration) Event() Event { return EventRegister }

func (r Registration) check(c *Case) *RefusalError {
	if r.ResponsibleWindow != nil {
		if err := checkWindow(kindRule(c, "第五条"), "registration.responsibleWindow", r.ResponsibleWindow); err != nil {
			return err
		}
	}
	if c.Kind != KindSystemPushed {
		return nil
	}
	if r.ResponsibleWindow == nil {
		return missing("第五条", "registration.responsibleWindow", "", "name the responsible window the case is transferred to")
	}
	for _, role := range r.ReportedTo {
		if !role.Valid() {
			return missing("第五条", "registration.reportedTo", string(role), "want roles such as leader and window_head").
				hinted("有无法识别的角色，请重新选择")
		}
	}
	for _, want := range [...]Role{RoleLeader, RoleWindowHead} {
		if !slices.Contains(r.ReportedTo, want) {
			return missing("第五条", "registration.reportedTo", string(want),
				"report to the leader in charge of the rating work (leader) and the head of the window (window_head)").
				hinted("应包括“好差评”工作分管领导和窗口负责人")
		}
	}
	return nil
}

func (r Registration) clone() Step {
	r.ResponsibleWindow, r.ReportedTo = cloneWindow(r.ResponsibleWindow), slices.Clone(r.ReportedTo)
	return r
}

func (r Registration) apply(c *Case, _ *Entry) {
	c.Registration = &r
	if r.ResponsibleWindow != nil {
		c.ResponsibleWindow = r.ResponsibleWindow
	}
}

// kindRule returns the article a step's content answers to: pushed for a system-pushed case,
// 第四条 for an on-site complaint.
func kindRule(c *Case, pushed string) string {
	if c.Kind == KindOnSiteComplaint {
		return "第四条"
	}
	return pushed
}

// checkWindow refuses a window without an ID, a known kind or the centre it sits in, and a
// department window without its department: the leader in charge who approves for the window
// is found by them.
func checkWindow(rule, field string, w *haochaping.Window) *RefusalError {
	switch {
	case blank(w.ID):
		return missing(rule, field+".id", w.ID, "a window needs its ID")
	case !w.Kind.Valid():
		return missing(rule, field+".kind", w.Kind.String(), "want a business, department or sub-centre window").
			hinted("应为业务窗口、进驻部门窗口或分中心窗口")
	case blank(w.Center):
		return missing(rule, field+".center", w.Center, "name the centre the window sits in")
	case w.Kind == haochaping.DepartmentWindow && blank(w.Department):
		return missing(rule, field+".department", w.Department, "a department window names its department")
	}
	return nil
}

// cloneWindow returns a copy of w, so that a case keeps no pointer into the caller's data.
func cloneWindow(w *haochaping.Window) *haochaping.Window {
	if w == nil {
		return nil
	}
	cp := *w
	return &cp
}

// FollowUp is the office's first follow-up of the reviewer and its verification of the
// review (回访核实, 第六条): whether the reviewer was reached, what they said, the evidence
// collected, and whether the review is founded. A mistaken or untrue verdict sends the case
// down the appeal branch (第九条). A review with no number to call is verified by the
// office's own investigation of the matter (调查了解办件详情), recorded with ContactNoNumber.
type FollowUp struct {
	// Contact is whether the reviewer was reached: empty means ContactReached for a review
	// with a number to call and ContactNoNumber for one without ([Case.Callable]).
	Contact ContactResult `json:"contact,omitempty"`
	// Outcome is what the follow-up, or the investigation, found (回访情况).
	Outcome string `json:"outcome"`
	// Reason is the reason for the dissatisfaction as the reviewer gave it (不满意原因):
	// required when the reviewer was reached (第六条 了解记录不满意原因).
	Reason string `json:"reason,omitempty"`
	// Materials list the evidence collected and kept (佐证材料: the rating device's video, the
	// call record, the matter's file…); 第六条 收集整理佐证材料. Attach the files themselves
	// to the action, hashed.
	Materials []string `json:"materials"`
	// Verdict is VerdictJustified, VerdictMistaken or VerdictUntrue.
	Verdict Verdict `json:"verdict"`
}

// Event returns EventFollowUpMistaken for a mistaken or untrue verdict, EventFollowUp
// otherwise.
func (cb FollowUp) Event() Event {
	if cb.Verdict.appealable() {
		return EventFollowUpMistaken
	}
	return EventFollowUp
}

func (cb FollowUp) check(c *Case) *RefusalError {
	contact := cb.contact(c)
	switch {
	case cb.Verdict != VerdictJustified && !cb.Verdict.appealable():
		return missing("第六条", "followUp.verdict", string(cb.Verdict), "want justified, mistaken or untrue").
			hinted("应为属实、误评或不实差评")
	case contact == ContactNoNumber && c.Callable():
		return missing("第六条", "followUp.contact", string(contact), "the reviewer gave a number: call it").
			hinted("不应为无联系方式：评价人留有电话，请电话回访")
	case contact != ContactNoNumber && !c.Callable():
		return missing("第六条", "followUp.contact", string(contact),
			"the review gives no number to call: record the office's own investigation (no_number)").
			hinted("应为无联系方式：评价人未留电话，由县政管办调查了解办件详情")
	case !contact.valid():
		return missing("第六条", "followUp.contact", string(contact), "want reached, no_answer, wrong_number, refused or no_number").
			hinted("应为已联系上、无人接听或无法接通、号码错误或空号、拒绝回访或无联系方式")
	}
	return firstRefusal(
		requireText("第六条", "followUp.outcome", cb.Outcome, "record what the follow-up found"),
		cb.reason(contact),
		requireList("第六条", "followUp.materials", cb.Materials, "list the evidence collected (收集整理佐证材料)"))
}

// contact returns the follow-up's contact result, the default filled in.
func (cb FollowUp) contact(c *Case) ContactResult {
	switch {
	case cb.Contact != "":
		return cb.Contact
	case c.Callable():
		return ContactReached
	}
	return ContactNoNumber
}

// reason refuses a follow-up that reached the reviewer without the reason for the
// dissatisfaction (第六条 了解记录不满意原因).
func (cb FollowUp) reason(contact ContactResult) *RefusalError {
	if contact != ContactReached {
		return nil
	}
	return requireText("第六条", "followUp.reason", cb.Reason, "record why the reviewer was dissatisfied (不满意原因)")
}

func (cb FollowUp) clone() Step { cb.Materials = slices.Clone(cb.Materials); return cb }

// apply records the follow-up. A founded review is Justified from now on; a review the office
// finds mistaken or untrue stays undetermined until the city upholds the appeal (第九条).
func (cb FollowUp) apply(c *Case, _ *Entry) {
	cb.Contact = cb.contact(c)
	c.FollowUp = &cb
	if cb.Verdict == VerdictJustified {
		c.Finding = Finding{Verdict: VerdictJustified}
	}
}

// Transfer is the office's transfer of the case to the responsible window (转办), with the
// registration form. Its time is the transfer time (转办时间) of Annex 4.
type Transfer struct{}

// Event returns EventTransfer.
func (Transfer) Event() Event { return EventTransfer }

func (Transfer) check(*Case) *RefusalError { return nil }

func (Transfer) apply(*Case, *Entry) {}

// Meeting is the window's analysis meeting (差评办件专题分析会, 第五条): the responsible person
// and the measures decided.
type Meeting struct {
	ResponsiblePerson string   `json:"responsiblePerson"` // 责任人
	Measures          []string `json:"measures"`          // 整改措施
	Attendees         []string `json:"attendees,omitempty"`
}

// Event returns EventMeeting.
func (Meeting) Event() Event { return EventMeeting }

func (m Meeting) check(*Case) *RefusalError {
	return firstRefusal(
		requireText("第五条", "meeting.responsiblePerson", m.ResponsiblePerson, "name the responsible person (落实责任人)"),
		requireList("第五条", "meeting.measures", m.Measures, "decide the corrective measures (制定整改措施)"))
}

func (m Meeting) clone() Step {
	m.Measures, m.Attendees = slices.Clone(m.Measures), slices.Clone(m.Attendees)
	return m
}

func (m Meeting) apply(c *Case, _ *Entry) { c.Meeting = &m }

// Report is the window's investigation and rectification report (差评办件调查整改报告,
// Annex 5), also the investigation part of the registration form (Annex 4). On site it is
// the feedback of 第四条.
type Report struct {
	Investigator string `json:"investigator"`                           // 调查人
	Subject      string `json:"subject"`                                // 调查对象
	SubjectPhone string `json:"subjectPhone,omitempty" personal:"true"` // 电话
	// Reception is how the staff received the applicant (服务人员接待情况).
	Reception []string `json:"reception,omitempty"`
	// Investigation is what the investigation found and did (调查处理情况).
	Investigation []string `json:"investigation"`
	// Measures are the corrective measures (整改措施).
	Measures []string `json:"measures"`
	// Finding is the cause under 第十条; its Verdict is Justified (or empty, which means the
	// same). On site the investigation may instead find the complaint Untrue or Mistaken.
	Finding Finding `json:"finding"`
	// ApplicantEthnicity and ApplicantOrigin are the applicant's 民族 and native city
	// (***市人), which Annex 5 records and the rating system does not push.
	ApplicantEthnicity string `json:"applicantEthnicity,omitempty"`
	ApplicantOrigin    string `json:"applicantOrigin,omitempty"`
	// ApplicationSerial is the application serial number (申办流水号) of Annex 5, when it
	// differs from the review's matter number.
	ApplicationSerial string     `json:"applicationSerial,omitempty"`
	Disclosure        Disclosure `json:"disclosure,omitempty"` // 政府信息公开选项; empty means 主动公开
	// Extension, when rectification cannot be finished in time, says why and by when
	// (第五条: 说明理由和整改期限); the case then tracks that deadline.
	Extension *Extension `json:"extension,omitempty"`
}

// Extension is a window's own rectification deadline (整改期限) and the reason for it.
type Extension struct {
	Reason string        `json:"reason"`
	Until  deadline.Date `json:"until"`
}

// Event returns EventReportExtension when the report asks for an extension, EventReport
// otherwise.
func (r Report) Event() Event {
	if r.Extension != nil {
		return EventReportExtension
	}
	return EventReport
}

func (r Report) check(c *Case) *RefusalError {
	rule := kindRule(c, "第五条")
	if err := firstRefusal(
		requireText(rule, "report.investigator", r.Investigator, "name the investigator (调查人)"),
		requireText(rule, "report.subject", r.Subject, "name who was investigated (调查对象)"),
		requireList(rule, "report.investigation", r.Investigation, "say what the investigation found (调查处理情况)"),
		requireList(rule, "report.measures", r.Measures, "a report states its corrective measures (整改措施)"),
	); err != nil {
		return err
	}
	switch v := r.Finding.Verdict; {
	case v == "" || v == VerdictJustified:
		if err := r.Finding.check("report.finding"); err != nil {
			return err
		}
	case v.appealable() && c.Kind == KindOnSiteComplaint:
		// 第十条 deducts for what the investigation finds (经查属…); an on-site complaint
		// found untrue costs nothing. A pushed review is annulled only on appeal (第九条).
	default:
		return missing(rule, "report.finding.verdict", string(v),
			"a report's finding is justified; a pushed review found mistaken or untrue goes to appeal (第九条)").
			hinted(hintJustifiedOnly)
	}
	switch r.Disclosure {
	case "", DisclosureActive, DisclosureOnRequest, DisclosureNone:
	default:
		return missing("附件5", "report.disclosure", string(r.Disclosure), "want active, on_request or not").
			hinted("应为主动公开、依申请公开或不予公开")
	}
	if r.Extension != nil {
		if err := requireText(rule, "report.extension.reason", r.Extension.Reason,
			"a report that cannot finish in time says why (说明理由)"); err != nil {
			return err
		}
		if r.Extension.Until == (deadline.Date{}) {
			return missing(rule, "report.extension.until", "", "a report that cannot finish in time gives the rectification deadline (整改期限)")
		}
	}
	return nil
}

func (r Report) clone() Step {
	r.Reception, r.Investigation, r.Measures = slices.Clone(r.Reception), slices.Clone(r.Investigation), slices.Clone(r.Measures)
	r.Finding = r.Finding.clone()
	if r.Extension != nil {
		ext := *r.Extension
		r.Extension = &ext
	}
	return r
}

func (r Report) apply(c *Case, _ *Entry) {
	if r.Finding.Verdict == "" {
		r.Finding.Verdict = VerdictJustified
	}
	if r.Disclosure == "" {
		r.Disclosure = DisclosureActive
	}
	c.Report = &r
	c.Finding = r.Finding
}

// Rectification is the window's word that rectification under an extension is finished.
type Rectification struct {
	// Done lists what was done (整改完成情况).
	Done []string `json:"done"`
}

// Event returns EventRectificationDone.
func (Rectification) Event() Event { return EventRectificationDone }

func (r Rectification) check(*Case) *RefusalError {
	return requireList("第五条", "rectification.done", r.Done, "say what was done to rectify")
}

func (r Rectification) clone() Step { r.Done = slices.Clone(r.Done); return r }

func (r Rectification) apply(c *Case, _ *Entry) { c.Rectification = &r }

// OfficeVerification is the office's verification of the rectification against the follow-up,
// the evidence and the result (核实, 第七条). The office confirms the finding the window
// proposed in its report, or amends it: the amendment, and why, stay in the trail.
type OfficeVerification struct {
	Result string `json:"result"`
	// Finding, when set, amends the window's finding (第十条 deducts for what is found on
	// investigation, 经查属…); nil confirms it.
	Finding *Finding `json:"finding,omitempty"`
	// Amendment says why the office amends the finding; required with Finding.
	Amendment string `json:"amendment,omitempty"`
}

// Event returns EventOfficeVerify.
func (OfficeVerification) Event() Event { return EventOfficeVerify }

func (v OfficeVerification) check(*Case) *RefusalError {
	if err := requireText("第七条", "officeVerification.result", v.Result, "record what the verification found"); err != nil {
		return err
	}
	if v.Finding == nil {
		return nil
	}
	if v.Finding.Verdict != "" && v.Finding.Verdict != VerdictJustified {
		return missing("第七条", "officeVerification.finding.verdict", string(v.Finding.Verdict),
			"a rectified review is founded; a mistaken or untrue one goes to appeal (第九条)").hinted(hintJustifiedOnly)
	}
	return firstRefusal(v.Finding.check("officeVerification.finding"),
		requireText("第七条", "officeVerification.amendment", v.Amendment, "say why the window's finding is amended"))
}

func (v OfficeVerification) clone() Step {
	if v.Finding != nil {
		f := v.Finding.clone()
		v.Finding = &f
	}
	return v
}

func (v OfficeVerification) apply(c *Case, _ *Entry) {
	if v.Finding != nil {
		c.Finding = Finding{Verdict: VerdictJustified, Causes: v.Finding.Causes}
	}
}

// LeaderReview is the leader in charge's review (审阅) of the report: the opinion
// (分管领导意见) of Annex 4.
type LeaderReview struct {
	Opinion string `json:"opinion"`
}

// Event returns EventLeaderReview.
func (LeaderReview) Event() Event { return EventLeaderReview }

func (l LeaderReview) check(*Case) *RefusalError {
	return requireText("第七条", "leaderReview.opinion", l.Opinion, "the leader's review records an opinion (分管领导意见)")
}

func (l LeaderReview) apply(c *Case, _ *Entry) { c.LeaderOpinion = l.Opinion }

// ResultFollowUp is the office's follow-up on the result of the rectification: the second
// follow-up of a reviewer (再次回访, 第八条), or the follow-up of an on-site complainant
// (回访投诉人处理结果, Annex 2): the reviewer is told the result and says whether
// they are satisfied. An unsatisfied reviewer sends the case back to the window.
type ResultFollowUp struct {
	Outcome   string `json:"outcome"`
	Satisfied bool   `json:"satisfied"`
}

// Event returns EventResultFollowUp when the reviewer is satisfied,
// EventResultFollowUpUnsatisfied otherwise.
func (r ResultFollowUp) Event() Event {
	if r.Satisfied {
		return EventResultFollowUp
	}
	return EventResultFollowUpUnsatisfied
}

func (r ResultFollowUp) check(c *Case) *RefusalError {
	rule := "第八条"
	if c.Kind == KindOnSiteComplaint {
		rule = "附件2"
	}
	return requireText(rule, "resultFollowUp.outcome", r.Outcome, "record what the reviewer said (回访结果)")
}

func (r ResultFollowUp) apply(c *Case, _ *Entry) { c.ResultFollowUp = &r }

// CitySubmission is the office's submission of the leader-reviewed report to the city
// office (报柳州市政务服务监督管理办公室督查科, Annex 3).
type CitySubmission struct {
	// Reference is the submission's document number or tracking reference, if any.
	Reference string `json:"reference,omitempty"`
}

// Event returns EventSubmitCity.
func (CitySubmission) Event() Event { return EventSubmitCity }

func (CitySubmission) check(*Case) *RefusalError { return nil }

func (CitySubmission) apply(*Case, *Entry) {}

// Archive is the office's archiving of the case (备案), its last step.
type Archive struct{}

// Event returns EventArchive.
func (Archive) Event() Event { return EventArchive }

func (Archive) check(*Case) *RefusalError { return nil }

func (Archive) apply(*Case, *Entry) {}

// Urge is the office urging the window on (督促办理, 第五条; 第六条). It changes no state and
// is recorded in the trail.
type Urge struct {
	Message string `json:"message"`
}

// Event returns EventUrge.
func (Urge) Event() Event { return EventUrge }

func (u Urge) check(c *Case) *RefusalError {
	return requireText(kindRule(c, "第五条"), "urge.message", u.Message, "say what the window is urged to do")
}

func (Urge) apply(*Case, *Entry) {}
