package caseflow

import (
	"fmt"

	"github.com/haochaping/haochaping"
)

// Verdict is what the office's follow-up and verification (回访核实) found the review to be.
type Verdict string

// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	// VerdictJustified: the review is founded and the window must rectify (需要整改的差评办件).
	VerdictJustified Verdict = "justified"
	// VerdictMistaken: the reviewer rated by mistake (误评). 第九条.
	VerdictMistaken Verdict = "mistaken"
	// VerdictUntrue: the review is not true (不实差评). 第九条.
	VerdictUntrue Verdict = "untrue"
)

// Label returns the Chinese term: 属实, 误评 or 不实差评.
func (v Verdict) Label() string {
	switch v {
	case VerdictJustified:
		return "属实"
	case VerdictMistaken:
		return "误评"
	case VerdictUntrue:
		return "不实差评"
	}
	return fmt.Sprintf("Verdict(%q)", string(v))
}

// appealable reports whether v is grounds for an appeal (第九条).
func (v Verdict) appealable() bool { return v == VerdictMistaken || v == VerdictUntrue }

// Finding is the conclusion of a case that performance appraisal (第十条) reads: whether the
// review was founded, and if so its cause and who answers for it.
type Finding struct {
	Verdict Verdict `json:"verdict"`
	// Cause is the dimension the bad review is attributed to: 服务态度, 服务质量, 服务效率
	// or 服务环境. Empty unless the verdict is Justified.
	Cause haochaping.Dimension `json:"cause,omitempty"`
	// ResponsiblePerson is the member of staff answerable (责任人) when the cause is attitude,
	// quality or efficiency.
	ResponsiblePerson string `json:"responsiblePerson,omitempty"`
}

// Accountable says who 第十条 holds accountable for a finding.
type Accountable string

// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	// AccountableUndetermined: the investigation has not yet found a cause.
	AccountableUndetermined Accountable = "undetermined"
	// AccountableNone: a mistaken or untrue review, annulled on appeal; no deduction.
	AccountableNone Accountable = "none"
	// AccountablePerson: the responsible person of the window (attitude, quality, efficiency).
	AccountablePerson Accountable = "person"
	// AccountableWindow: the window itself (environment).
	AccountableWindow Accountable = "window"
)

// Label returns the Chinese answer, e.g. "责任人".
func (a Accountable) Label() string {
	switch a {
	case AccountableUndetermined:
		return "待认定"
	case AccountableNone:
		return "不扣分"
	case AccountablePerson:
		return "责任人"
	case AccountableWindow:
		return "窗口"
	}
	return fmt.Sprintf("Accountable(%q)", string(a))
}

// Accountable returns who answers for the finding under 第十条: the responsible person for
// 服务态度, 服务质量 and 服务效率; the window for 服务环境; nobody for a mistaken or untrue
// review; undetermined while a founded review has no cause yet (before the report, or after
// an appeal was turned down).
func (f Finding) Accountable() Accountable {
	switch {
	case f.Verdict.appealable():
		return AccountableNone
	case f.Verdict != VerdictJustified:
		return AccountableUndetermined
	}
	switch f.Cause {
	case haochaping.DimensionEnvironment:
		return AccountableWindow
	case haochaping.DimensionAttitude, haochaping.DimensionQuality, haochaping.DimensionEfficiency:
		return AccountablePerson
	}
	return AccountableUndetermined
}

// check reports what a justified finding lacks: 第十条 needs a cause among the four
// dimensions, and a responsible person unless the cause is the environment.
func (f Finding) check(field string) *RefusalError {
	switch f.Cause {
	case haochaping.DimensionAttitude, haochaping.DimensionQuality, haochaping.DimensionEfficiency:
		if f.ResponsiblePerson == "" {
			return missing("第十条", field+".responsiblePerson", "",
				"a bad review caused by attitude, quality or efficiency names the responsible person (责任人)")
		}
	case haochaping.DimensionEnvironment:
	default:
		return missing("第十条", field+".cause", f.Cause.String(),
			"attribute the bad review to 服务态度, 服务质量, 服务效率 or 服务环境")
	}
	return nil
}

// Disclosure is the government information disclosure option of a report (政府信息公开选项,
// Annex 5).
type Disclosure string

// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	DisclosureActive    Disclosure = "active"     // 主动公开
	DisclosureOnRequest Disclosure = "on_request" // 依申请公开
	DisclosureNone      Disclosure = "not"        // 不予公开
)

// Label returns the Chinese option, e.g. "主动公开".
func (d Disclosure) Label() string {
	switch d {
	case DisclosureActive:
		return "主动公开"
	case DisclosureOnRequest:
		return "依申请公开"
	case DisclosureNone:
		return "不予公开"
	}
	return fmt.Sprintf("Disclosure(%q)", string(d))
}
