package caseflow

import "time"

// Appeal collects the appeal branch of a case (第九条): the window's materials, the office's
// application, the leader's review and the city's decision.
type Appeal struct {
	Materials   *AppealMaterials `json:"materials,omitempty"`
	Application string           `json:"application,omitempty"` // 申诉复核申请
	Declined    string           `json:"declined,omitempty"`    // why the office did not confirm
	Opinion     string           `json:"opinion,omitempty"`     // the leader's review
	SubmittedAt time.Time        `json:"submittedAt,omitempty"` // when it went to the city
	Reference   string           `json:"reference,omitempty"`   // the submission's reference
	Decision    *CityDecision    `json:"decision,omitempty"`
}

// appeal returns a copy of the case's appeal record to change, so that earlier versions of
// the case keep theirs.
func (c *Case) appeal() *Appeal {
	a := new(Appeal)
	if c.Appeal != nil {
		*a = *c.Appeal
	}
	c.Appeal = a
	return a
}

// AppealMaterials are the window's appeal materials (申诉撤销材料), approved by its leader in
// charge, for a review the follow-up found mistaken or untrue (第九条). Attach the evidence to
// the step.
type AppealMaterials struct {
	Verdict Verdict `json:"verdict"` // Mistaken or Untrue
	Reasons string  `json:"reasons"`
}

// Event returns EventAppealMaterials.
func (AppealMaterials) Event() Event { return EventAppealMaterials }

func (m AppealMaterials) check(*Case) *RefusalError {
	if !m.Verdict.appealable() {
		return missing("第九条", "appealMaterials.verdict", string(m.Verdict), "an appeal is for a mistaken or untrue review").
			hinted("应为误评或不实差评")
	}
	return requireText("第九条", "appealMaterials.reasons", m.Reasons, "an appeal states its reasons")
}

func (m AppealMaterials) apply(c *Case, _ *Entry) { c.appeal().Materials = &m }

// AppealConfirmation is the office's confirmation of the appeal and its appeal review
// application (申诉复核申请, 第九条).
type AppealConfirmation struct {
	Application string `json:"application"`
}

// Event returns EventAppealConfirm.
func (AppealConfirmation) Event() Event { return EventAppealConfirm }

func (a AppealConfirmation) check(*Case) *RefusalError {
	return requireText("第九条", "appealConfirmation.application", a.Application, "write the appeal review application")
}

func (a AppealConfirmation) apply(c *Case, _ *Entry) { c.appeal().Application = a.Application }

// AppealDecline is the office finding, on investigation, that the review is not mistaken or
// untrue after all: the case goes to rectification and its deadlines start again.
type AppealDecline struct {
	Reason string `json:"reason"`
}

// Event returns EventAppealDecline.
func (AppealDecline) Event() Event { return EventAppealDecline }

func (d AppealDecline) check(*Case) *RefusalError {
	return requireText("第九条", "appealDecline.reason", d.Reason, "say why the appeal is not confirmed")
}

func (d AppealDecline) apply(c *Case, _ *Entry) {
	c.appeal().Declined = d.Reason
	c.Finding = Finding{Verdict: VerdictJustified}
}

// ApplicationReview is the leader in charge's review (审阅) of the appeal review application.
type ApplicationReview struct {
	Opinion string `json:"opinion"`
}

// Event returns EventApplicationReview.
func (ApplicationReview) Event() Event { return EventApplicationReview }

func (r ApplicationReview) check(*Case) *RefusalError {
	return requireText("第九条", "applicationReview.opinion", r.Opinion, "the leader's review records an opinion")
}

func (r ApplicationReview) apply(c *Case, _ *Entry) { c.appeal().Opinion = r.Opinion }

// AppealSubmission is the office's submission of the reviewed application to the city office
// (报柳州市政务服务监督管理办公室督查科提出申诉复核, 第九条).
type AppealSubmission struct {
	Reference string `json:"reference,omitempty"`
}

// Event returns EventAppealSubmit.
func (AppealSubmission) Event() Event { return EventAppealSubmit }

func (AppealSubmission) check(*Case) *RefusalError { return nil }

func (s AppealSubmission) apply(c *Case, e *Entry) {
	a := c.appeal()
	a.SubmittedAt, a.Reference = e.Time, s.Reference
}

// CityDecision is the city office's decision on the appeal. Upheld annuls the review: no
// deduction (第十条). Rejected sends the case to rectification with its deadlines restarting
// from the decision.
type CityDecision struct {
	Upheld bool `json:"upheld"`
	// Reference is the city's reply (document number or record), required.
	Reference string `json:"reference"`
	Reason    string `json:"reason,omitempty"`
}

// Event returns EventAppealUpheld or EventAppealRejected.
func (d CityDecision) Event() Event {
	if d.Upheld {
		return EventAppealUpheld
	}
	return EventAppealRejected
}

func (d CityDecision) check(*Case) *RefusalError {
	return requireText("第九条", "cityDecision.reference", d.Reference, "record the city office's reply")
}

func (d CityDecision) apply(c *Case, _ *Entry) {
	a := c.appeal()
	a.Decision = &d
	if d.Upheld && a.Materials != nil {
		c.Finding = Finding{Verdict: a.Materials.Verdict}
		return
	}
	c.Finding = Finding{Verdict: VerdictJustified}
}
