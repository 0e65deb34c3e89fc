package caseflow

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/haochaping/haochaping/deadline"
)

// Policy holds the rules a county has in force: the time limit of each duty, and the
// settings for what the measures leave open. The zero Rule leaves a duty untimed: it is
// recorded when it starts and when it is done, but never falls due; [Policy.Validate] refuses
// it for a duty the measures time. Another county starts from [DefaultPolicy] and changes
// fields, or decodes its own JSON file, which starts from the default too
// ([Policy.UnmarshalJSON]).
//
// Every case records the name, version and digest of the policy it was opened under, and each
// step records the deadlines it started, so that a later policy moves the deadlines of open
// cases only through an explicit step ([Retime], 第十二条).
type Policy struct {
	// Name and Version identify the rules, as the county names them; a case records them.
	Name    string `json:"name"`
	Version string `json:"version"`

	// Register: fill in the registration form and report to the leaders the day a pushed
	// bad review is received. 第五条, Annex 3 step 2: 当日.
	Register deadline.Rule `json:"register"`
	// FollowUp: call the reviewer back the day the bad review is received. 第六条: 当日.
	FollowUp deadline.Rule `json:"followUp"`
	// Investigate: for a review with no number to call (anonymous, or none given), the
	// office investigates the matter itself instead (第六条: 调查了解办件详情), the same day.
	Investigate deadline.Rule `json:"investigate"`
	// Transfer: transfer the case to the responsible window the day it is received.
	// Annex 3 step 3: 当日转办.
	Transfer deadline.Rule `json:"transfer"`
	// Meeting: the window holds its analysis meeting the day of the transfer.
	// 第五条 立即召开; Annex 3: 转办当日.
	Meeting deadline.Rule `json:"meeting"`
	// Report: the window submits its investigation and rectification report, approved by
	// its head, within 2 working days of the transfer. 第五条.
	Report deadline.Rule `json:"report"`
	// ReRectification: the window's report again after an unsatisfied reviewer sent the case
	// back (第八条). Not in the measures, which time only the first report; the default gives
	// the new round the first one's 2 working days (第五条), counted from the follow-up.
	ReRectification deadline.Rule `json:"reRectification"`
	// OfficeReport: the office verifies the rectification and puts the detailed report to
	// the leader within 2 working days of the window's report. Annex 3 (县政管办…2个工作日内
	// 形成详细调查整改报告报送分管领导审阅).
	OfficeReport deadline.Rule `json:"officeReport"`
	// LeaderReview: the leader in charge reviews the report (第七条: 经分管领导审阅). The
	// measures set the leader no limit of their own, so the default leaves it untimed; it is
	// due by the time the city report is, whichever limit is earlier.
	LeaderReview deadline.Rule `json:"leaderReview"`
	// CityReport: the report, reviewed by the leader, reaches the city office within 4
	// working days of receipt. Annex 3 (自收到差评办件的4个工作日内).
	CityReport deadline.Rule `json:"cityReport"`
	// CityReportFromReport: the same report within 2 working days of the window's report.
	// 第七条 (在2个工作日内将差评办件的调查整改报告经分管领导审阅后报…督查科). The city report
	// falls due at the earlier of the two limits.
	CityReportFromReport deadline.Rule `json:"cityReportFromReport"`
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

	// MaxExtension is the furthest a window's own rectification deadline (整改期限, 第五条)
	// may lie, in working days from its report. Not in the measures, which let the window
	// name the deadline; the default, 250 (a working year), refuses only a date that is
	// surely a typing error.
	MaxExtension int `json:"maxExtension"`
	// ClosureAttempts is how many follow-up attempts that reached nobody (无法联系) the office
	// records before it may propose closing a case whose reviewer is never satisfied (第八条
	// leaves this open). Not in the measures; the default, 3, is three calls on different
	// occasions, as service centres commonly require before recording a reviewer unreachable.
	ClosureAttempts int `json:"closureAttempts"`
	// ClosureRefusals is how many refusals of a follow-up (拒绝回访) the office records before it
	// may propose closing. Not in the measures; the default, 1: a reviewer who declines is
	// not called again and again.
	ClosureRefusals int `json:"closureRefusals"`
	// ClosureRounds is how many times an unsatisfied reviewer must have sent the case back
	// for rectification (第八条) before the office may propose closing it as 多次整改仍不满意.
	// Not in the measures; the default, 2, is two further rounds after the first.
	ClosureRounds int `json:"closureRounds"`
	// ActiveDisclosureOnly refuses a report whose disclosure option is not 主动公开. Not in the
	// measures as a choice: Annex 5 prints only 主动公开. The default, false, also accepts
	// 依申请公开 and 不予公开, the other classes of the 政府信息公开条例, since a report naming a
	// reviewer may not be fit to publish.
	ActiveDisclosureOnly bool `json:"activeDisclosureOnly"`
	// MaxBackdateHours is how many hours before it is entered a step, or the receipt of a
	// review or complaint, may be dated ([Action.At]): a clerk enters at 15:00 the callback
	// made at 10:00. Not in the measures; 0 means the default, 72 hours, which reach from a
	// Friday afternoon over a weekend to Monday morning. Deadlines count from the date given
	// (第六条: 收到差评件当日), and an entry made after its duty's due time is late however it is
	// dated ([Duty.EnteredLate]).
	MaxBackdateHours int `json:"maxBackdateHours,omitempty"`
}

// defaultMaxBackdateHours is MaxBackdateHours when the policy leaves it 0.
const defaultMaxBackdateHours = 72

// maxBackdate returns how far back a step may be dated.
func (p *Policy) maxBackdate() time.Duration {
	if p.MaxBackdateHours == 0 {
		return defaultMaxBackdateHours * time.Hour
	}
	return time.Duration(p.MaxBackdateHours) * time.Hour
}

// DefaultPolicy returns the rules of the Rong'an measures (融政监管字〔2021〕2号), with the
// library's defaults for what the measures leave open (each field says which).
func DefaultPolicy() Policy {
	return Policy{
		Name: "rongan", Version: "融政监管字〔2021〕2号",
		Register:             deadline.SameDay(),   // 第五条, Annex 3
		FollowUp:             deadline.SameDay(),   // 第六条
		Investigate:          deadline.SameDay(),   // 第六条
		Transfer:             deadline.SameDay(),   // Annex 3
		Meeting:              deadline.SameDay(),   // 第五条, Annex 3
		Report:               deadline.Workdays(2), // 第五条
		ReRectification:      deadline.Workdays(2), // not in the measures: as 第五条
		OfficeReport:         deadline.Workdays(2), // Annex 3
		CityReport:           deadline.Workdays(4), // Annex 3
		CityReportFromReport: deadline.Workdays(2), // 第七条
		AppealMaterials:      deadline.Workdays(1), // 第九条
		AppealApplication:    deadline.SameDay(),   // 第九条
		ApplicationReview:    deadline.SameDay(),   // 第九条
		AppealToCity:         deadline.Workdays(1), // Annex 3
		Feedback:             deadline.Workdays(2), // 第四条
		// LeaderReview and Accept untimed: 第七条 and Annex 2 set no limit of their own.
		MaxExtension: 250, ClosureAttempts: 3, ClosureRefusals: 1, ClosureRounds: 2, // not in the measures
	}
}

// policyRules lists the time limits of a policy by duty, with the field's JSON name and
// whether the measures time the duty (a policy may then not leave it untimed).
// CityReportFromReport, the second limit of the city report, and ReRectification, the
// report of a later round, are listed under their own names after the duty's first limit.
var policyRules = [...]policyRule{
	{DutyRegister, "register", func(p *Policy) *deadline.Rule { return &p.Register }, true},
	{DutyFollowUp, "followUp", func(p *Policy) *deadline.Rule { return &p.FollowUp }, true},
	{DutyInvestigate, "investigate", func(p *Policy) *deadline.Rule { return &p.Investigate }, true},
	{DutyTransfer, "transfer", func(p *Policy) *deadline.Rule { return &p.Transfer }, true},
	{DutyMeeting, "meeting", func(p *Policy) *deadline.Rule { return &p.Meeting }, true},
	{DutyReport, "report", func(p *Policy) *deadline.Rule { return &p.Report }, true},
	{DutyReport, "reRectification", func(p *Policy) *deadline.Rule { return &p.ReRectification }, false},
	{DutyOfficeReport, "officeReport", func(p *Policy) *deadline.Rule { return &p.OfficeReport }, true},
	{DutyLeaderReview, "leaderReview", func(p *Policy) *deadline.Rule { return &p.LeaderReview }, false},
	{DutyCityReport, "cityReport", func(p *Policy) *deadline.Rule { return &p.CityReport }, true},
	{DutyCityReport, "cityReportFromReport", func(p *Policy) *deadline.Rule { return &p.CityReportFromReport }, true},
	{DutyAppealMaterials, "appealMaterials", func(p *Policy) *deadline.Rule { return &p.AppealMaterials }, true},
	{DutyAppealApplication, "appealApplication", func(p *Policy) *deadline.Rule { return &p.AppealApplication }, true},
	{DutyApplicationReview, "applicationReview", func(p *Policy) *deadline.Rule { return &p.ApplicationReview }, true},
	{DutyAppealToCity, "appealToCity", func(p *Policy) *deadline.Rule { return &p.AppealToCity }, true},
	{DutyFeedback, "feedback", func(p *Policy) *deadline.Rule { return &p.Feedback }, true},
	{DutyAccept, "accept", func(p *Policy) *deadline.Rule { return &p.Accept }, false},
}

type policyRule struct {
	duty  DutyKind
	field string
	rule  func(*Policy) *deadline.Rule
	timed bool // the measures time the duty
}

// limit returns the rule of the limit named field (a JSON name of policyRules); ok is false
// for another name.
func (p *Policy) limit(field string) (r deadline.Rule, ok bool) {
	for _, pr := range policyRules {
		if pr.field == field {
			return *pr.rule(p), true
		}
	}
	return deadline.Rule{}, false
}

// rule returns the limit of duty k; the zero Rule when the duty is untimed. The city
// report's is its limit from receipt; the window's own rectification deadline (DutyRectify)
// comes from its report.
func (p *Policy) rule(k DutyKind) (field string, r deadline.Rule) {
	for _, pr := range policyRules {
		if pr.duty == k {
			return pr.field, *pr.rule(p)
		}
	}
	return "", deadline.Rule{}
}

// Validate reports every problem with p at once, naming the field: a limit that is set but
// invalid (Workdays(-1), say); no limit on a duty the measures time (a policy file that left
// it out, or said "none"); and a closure threshold or extension bound below 1.
func (p Policy) Validate() error {
	var errs []error
	for _, pr := range policyRules {
		switch r := *pr.rule(&p); {
		case r != (deadline.Rule{}) && !r.Valid():
			errs = append(errs, fmt.Errorf("caseflow: policy %s: invalid rule %s", pr.field, r))
		case r == (deadline.Rule{}) && pr.timed:
			errs = append(errs, fmt.Errorf("caseflow: policy %s: the measures time this duty (%s): give it a limit", pr.field, pr.duty.Rule()))
		}
	}
	for _, n := range []struct {
		field string
		v     int
	}{{"maxExtension", p.MaxExtension}, {"closureAttempts", p.ClosureAttempts},
		{"closureRefusals", p.ClosureRefusals}, {"closureRounds", p.ClosureRounds}} {
		if n.v < 1 {
			errs = append(errs, fmt.Errorf("caseflow: policy %s: %d: want 1 or more", n.field, n.v))
		}
	}
	if p.MaxBackdateHours < 0 || p.MaxBackdateHours > 720 {
		errs = append(errs, fmt.Errorf("caseflow: policy maxBackdateHours: %d: want 0 (the default, 72) to 720 (30 days)", p.MaxBackdateHours))
	}
	if p.MaxExtension > 250 {
		errs = append(errs, fmt.Errorf("caseflow: policy maxExtension: %d: want at most 250 working days", p.MaxExtension))
	}
	return errors.Join(errs...)
}

// maxPolicySize bounds a policy file: a policy is a few hundred bytes.
const maxPolicySize = 64 << 10

// UnmarshalJSON decodes a policy file. It starts from [DefaultPolicy], so a file that names
// only what the county changes leaves every other rule as the measures set it; it refuses
// unknown fields (a misspelt "reprot" would otherwise be dropped silently), a file over
// 64 KiB, and a result that does not pass [Policy.Validate].
func (p *Policy) UnmarshalJSON(b []byte) error {
	if len(b) > maxPolicySize {
		return fmt.Errorf("caseflow: policy: %d bytes, more than %d", len(b), maxPolicySize)
	}
	type plain Policy
	v := plain(DefaultPolicy())
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(&v); err != nil {
		return fmt.Errorf("caseflow: policy: %w", err)
	}
	if d.More() {
		return errors.New("caseflow: policy: more than one JSON value")
	}
	if err := Policy(v).Validate(); err != nil {
		return err
	}
	if def := DefaultPolicy(); v.Name != def.Name && v.Version == def.Version {
		return fmt.Errorf("caseflow: policy %q: give its own version; %q is the Rong'an measures'", v.Name, v.Version)
	}
	*p = Policy(v)
	return nil
}

// Digest returns the SHA-256, in hex, of the policy's JSON encoding: two policies with the
// same digest apply the same rules. A case records it (第十二条).
func (p Policy) Digest() string {
	type plain Policy // the encoding of the fields, whatever methods Policy has
	b, _ := json.Marshal(plain(p))
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
