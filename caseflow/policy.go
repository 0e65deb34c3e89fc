package caseflow

import (
	"errors"
	"fmt"

	"github.com/haochaping/haochaping/deadline"
)

// Policy holds the time limits of the measures, one per duty. The zero Rule leaves a duty
// untimed: it is recorded when it starts and when it is done, but never falls due. Another
// county embeds its own numbers by changing the fields of [DefaultPolicy].
type Policy struct {
	// Register: fill in the registration form and report to the leaders the day a pushed
	// bad review is received. 第五条, Annex 3 step 2: 当日.
	Register deadline.Rule `json:"register"`
	// FollowUp: call the reviewer back the day the bad review is received. 第六条: 当日.
	FollowUp deadline.Rule `json:"followUp"`
	// Transfer: transfer the case to the responsible window the day it is received.
	// Annex 3 step 3: 当日转办.
	Transfer deadline.Rule `json:"transfer"`
	// Meeting: the window holds its analysis meeting the day of the transfer.
	// 第五条 立即召开; Annex 3: 转办当日.
	Meeting deadline.Rule `json:"meeting"`
	// Report: the window submits its investigation and rectification report, approved by
	// its head, within 2 working days of the transfer. 第五条.
	Report deadline.Rule `json:"report"`
	// OfficeReport: the office verifies the rectification and puts the detailed report to
	// the leader within 2 working days of the window's report. Annex 3 (县政管办…2个工作日内
	// 形成详细调查整改报告报送分管领导审阅); 第七条.
	OfficeReport deadline.Rule `json:"officeReport"`
	// LeaderReview: the leader in charge reviews the report (第七条: 经分管领导审阅). The
	// measures set the leader no limit of their own, so the default leaves it untimed; the
	// city report's limit bounds it.
	LeaderReview deadline.Rule `json:"leaderReview"`
	// CityReport: the report, reviewed by the leader, reaches the city office within 4
	// working days of receipt. Annex 3.
	CityReport deadline.Rule `json:"cityReport"`
	// AppealMaterials: the window submits appeal materials, approved by its leader in
	// charge, within 1 working day of receipt. 第九条.
	AppealMaterials deadline.Rule `json:"appealMaterials"`
	// AppealApplication: the office confirms, writes the appeal review application, has it
	// reviewed and submits it to the city the day the materials arrive. 第九条: 当日.
	AppealApplication deadline.Rule `json:"appealApplication"`
	// ApplicationReview: the leader in charge reviews the appeal review application the day the
	// office writes it. 第九条: 当日…经“好差评”分管领导审阅后，当日报.
	ApplicationReview deadline.Rule `json:"applicationReview"`
	// AppealToCity: the appeal reaches the city within 1 working day of receipt. Annex 3.
	AppealToCity deadline.Rule `json:"appealToCity"`
	// Feedback: on site, the responsible window feeds back its rectification report within
	// 2 working days. 第四条（一）（二）.
	Feedback deadline.Rule `json:"feedback"`
	// Accept: on site, registration and acceptance. The measures set no limit (Annex 2), so
	// the default leaves it untimed.
	Accept deadline.Rule `json:"accept"`
}

// DefaultPolicy returns the limits of the Rong'an measures (融政监管字〔2021〕2号).
func DefaultPolicy() Policy {
	return Policy{
		Register:     deadline.SameDay(),   // 第五条, Annex 3
		FollowUp:     deadline.SameDay(),   // 第六条
		Transfer:     deadline.SameDay(),   // Annex 3
		Meeting:      deadline.SameDay(),   // 第五条, Annex 3
		Report:       deadline.Workdays(2), // 第五条
		OfficeReport: deadline.Workdays(2), // Annex 3, 第七条
		// LeaderReview untimed: 第七条 sets the leader no limit of its own.
		CityReport:        deadline.Workdays(4), // Annex 3
		AppealMaterials:   deadline.Workdays(1), // 第九条
		AppealApplication: deadline.SameDay(),   // 第九条
		ApplicationReview: deadline.SameDay(),   // 第九条
		AppealToCity:      deadline.Workdays(1), // Annex 3
		Feedback:          deadline.Workdays(2), // 第四条
	}
}

// rule returns the limit of duty k; the zero Rule when the duty is untimed.
func (p Policy) rule(k DutyKind) deadline.Rule {
	switch k {
	case DutyRegister:
		return p.Register
	case DutyFollowUp:
		return p.FollowUp
	case DutyTransfer:
		return p.Transfer
	case DutyMeeting:
		return p.Meeting
	case DutyReport:
		return p.Report
	case DutyOfficeReport:
		return p.OfficeReport
	case DutyLeaderReview:
		return p.LeaderReview
	case DutyCityReport:
		return p.CityReport
	case DutyAppealMaterials:
		return p.AppealMaterials
	case DutyAppealApplication:
		return p.AppealApplication
	case DutyApplicationReview:
		return p.ApplicationReview
	case DutyAppealToCity:
		return p.AppealToCity
	case DutyFeedback:
		return p.Feedback
	case DutyAccept:
		return p.Accept
	}
	return deadline.Rule{}
}

// Validate reports every limit that is set but invalid (Workdays(-1), say), naming the field.
func (p Policy) Validate() error {
	var errs []error
	for _, k := range dutyKinds {
		if r := p.rule(k); r != (deadline.Rule{}) && !r.Valid() {
			errs = append(errs, fmt.Errorf("caseflow: policy %s: invalid rule %s", k, r))
		}
	}
	return errors.Join(errs...)
}
