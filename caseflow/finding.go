package caseflow

import (
	"fmt"
	"slices"
	"strconv"

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
	return unknownLabel(string(v))
}

// appealable reports whether v is grounds for an appeal (第九条).
func (v Verdict) appealable() bool { return v == VerdictMistaken || v == VerdictUntrue }

// Finding is the conclusion of a case that performance appraisal (第十条) reads: whether the
// review was founded, and if so what caused it and who answers for it. The window proposes it
// in its report; the office confirms or amends it at its verification (第七条 核实).
type Finding struct {
	Verdict Verdict `json:"verdict"`
	// Causes are what a founded review is attributed to, one or more (a review may fault the
	// staff's attitude and the hall's environment together). Empty unless the verdict is
	// VerdictJustified.
	Causes []Cause `json:"causes,omitempty"`
}

// Cause is one cause of a founded bad review under 第十条: its dimension, what it was, and the
// member of staff answerable when the cause is a person's.
type Cause struct {
	// Dimension is 服务态度, 服务质量, 服务效率, 服务环境 or 其他. 第十条's list (服务态度、服务质量、
	// 服务效率等方面) is open ("等"): 其他 takes a cause it does not name, described.
	Dimension haochaping.Dimension `json:"dimension"`
	// Description says what the cause was; required for 其他.
	Description string `json:"description,omitempty"`
	// ResponsiblePerson is the member of staff answerable (责任人). Required for attitude,
	// quality and efficiency, whose deductions fall on the window's responsible person; not
	// given for the environment, whose deduction falls on the window; for 其他, given when the
	// cause is a person's.
	ResponsiblePerson string `json:"responsiblePerson,omitempty"`
}

// Accountable returns who answers for the cause under 第十条: the responsible person when
// one is named, else the window.
func (c Cause) Accountable() Accountable {
	if c.ResponsiblePerson != "" {
		return AccountablePerson
	}
	return AccountableWindow
}

// Label returns the cause in Chinese, e.g. "服务态度（责任人 李四）" or "其他：叫号系统故障".
func (c Cause) Label() string {
	s := c.Dimension.Label()
	if c.Description != "" {
		s += "：" + c.Description
	}
	if c.ResponsiblePerson != "" {
		s += "（责任人 " + c.ResponsiblePerson + "）"
	}
	return s
}

// Label returns the finding in Chinese, e.g. "属实：服务态度（责任人 李四）；服务环境", or
// "待认定" while there is none.
func (f Finding) Label() string {
	if f.Verdict == "" {
		return AccountableUndetermined.Label()
	}
	s := f.Verdict.Label()
	for i, c := range f.Causes {
		sep := "；"
		if i == 0 {
			sep = "："
		}
		s += sep + c.Label()
	}
	return s
}

// clone returns a copy of f with its own list of causes.
func (f Finding) clone() Finding { f.Causes = slices.Clone(f.Causes); return f }

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
	// AccountablePersonAndWindow: causes of both kinds, each deducted as 第十条 says.
	AccountablePersonAndWindow Accountable = "person_and_window"
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
	case AccountablePersonAndWindow:
		return "责任人和窗口"
	}
	return unknownLabel(string(a))
}

// Accountable returns who answers for the finding under 第十条: the responsible person for
// causes of 服务态度, 服务质量 and 服务效率 (and of 其他 naming a person), the window for 服务环境
// (and 其他 naming nobody), both when the causes are of both kinds; nobody for a mistaken or
// untrue review; undetermined while a founded review has no cause yet (before the report, or
// after an appeal was turned down).
func (f Finding) Accountable() Accountable {
	switch {
	case f.Verdict.appealable():
		return AccountableNone
	case f.Verdict != VerdictJustified || len(f.Causes) == 0:
		return AccountableUndetermined
	}
	a := f.Causes[0].Accountable()
	for _, c := range f.Causes[1:] {
		if c.Accountable() != a {
			return AccountablePersonAndWindow
		}
	}
	return a
}

// maxCauses bounds the causes of one finding: there are five dimensions.
const maxCauses = 16

// check reports what a justified finding lacks (第十条): at least one cause, each with a
// known dimension, a description for 其他, a responsible person for attitude, quality and
// efficiency, and none for the environment.
func (f Finding) check(field string) *RefusalError {
	if len(f.Causes) == 0 || len(f.Causes) > maxCauses {
		return missing("第十条", field+".causes", strconv.Itoa(len(f.Causes)),
			"attribute the bad review to one or more causes: 服务态度, 服务质量, 服务效率, 服务环境 or 其他").
			hinted("应有1至16项，每项为服务态度、服务质量、服务效率、服务环境或其他")
	}
	for i, c := range f.Causes {
		at := fmt.Sprintf("%s.causes[%d]", field, i)
		switch c.Dimension {
		case haochaping.DimensionAttitude, haochaping.DimensionQuality, haochaping.DimensionEfficiency:
			if blank(c.ResponsiblePerson) {
				return missing("第十条", at+".responsiblePerson", c.ResponsiblePerson,
					"a cause of attitude, quality or efficiency names the responsible person (责任人)")
			}
		case haochaping.DimensionEnvironment:
			if c.ResponsiblePerson != "" {
				return missing("第十条", at+".responsiblePerson", "",
					"the environment is the window's: its deduction falls on the window, not a person").
					hinted("不应填写：服务环境的问题由窗口承担绩效扣分")
			}
		case haochaping.DimensionOther:
			if blank(c.Description) {
				return missing("第十条", at+".description", c.Description, "describe a cause of 其他")
			}
		default:
			return missing("第十条", at+".dimension", c.Dimension.String(),
				"want attitude, quality, efficiency, environment or other").hinted("应为服务态度、服务质量、服务效率、服务环境或其他")
		}
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
	return unknownLabel(string(d))
}
