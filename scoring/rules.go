package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// Rules are a county's deduction rules (绩效扣分细则) for 第十条: which finding, closing,
// overdue duty or extra round of rectification deducts how many points from whom. The
// measures give no numbers (第十条 "根据实际"), so the library ships none: a county writes
// its rules in a JSON file, read by [ParseRules], and [Appraise] applies them to cases.
//
// A rule deducts from the responsible person (责任人), the window (业务窗口) or the unit the
// window belongs to (its department or centre), any of the three at once. Only a case whose
// review was found founded deducts anything (第十条 "经查属"): a mistaken or untrue review
// (误评, 不实差评), whether annulled on appeal or not, and a case withdrawn as opened in
// error deduct nothing, whatever the rules say.
type Rules struct {
	// Version is the format of the file: 1.
	Version int `json:"version"`
	// Name names the rules, as a ledger prints them: "某县差评办件绩效扣分细则（2026年版）".
	Name string `json:"name"`
	// Source is the document that adopted them (文号), where there is one.
	Source string `json:"source,omitempty"`
	// Illustrative is true for rules no county adopted, as the examples' file: every
	// ledger and bulletin made with them says so.
	Illustrative bool   `json:"illustrative,omitempty"`
	Rules        []Rule `json:"rules"`
}

// Rule is one deduction rule: what it applies to (When), what it deducts from whom, and
// the article behind it.
type Rule struct {
	// ID identifies the rule in a ledger line: "R1", "态度-1".
	ID string `json:"id"`
	// Label says what the rule deducts for, in Chinese: "服务态度差，扣责任人2分".
	Label string `json:"label"`
	// Article is the article a ledger line cites; empty takes the trigger's: 第十条 for a
	// cause or a verdict, 第八条 for a closing or an extra round, the duty's article for an
	// overdue duty (第五条 for the report, 第七条 for the city report…).
	Article string  `json:"article,omitempty"`
	When    Trigger `json:"when"`
	// Person, Window and Unit are the points deducted from the responsible person, the
	// window and its unit, each time the rule applies.
	Person Points `json:"person,omitempty"`
	Window Points `json:"window,omitempty"`
	Unit   Points `json:"unit,omitempty"`
}

// Trigger is what a rule applies to: exactly one of Cause, Verdict, Closure, Overdue and
// Round, narrowed to windows of one kind by WindowKind. A rule naming a window kind takes
// precedence over the rule without one for windows of that kind, so that a county can
// deduct differently from a stationed department's windows (per unit kind).
type Trigger struct {
	// Cause applies the rule once per cause of this dimension in a founded finding
	// (第十条): attitude, quality, efficiency, environment or other.
	Cause haochaping.Dimension `json:"cause,omitempty"`
	// Verdict applies the rule once per case with this verdict; only "justified" deducts
	// (第十条 "经查属"), so it is the only verdict a rule may name.
	Verdict caseflow.Verdict `json:"verdict,omitempty"`
	// Closure applies the rule once per case closed without a satisfied reviewer for this
	// reason (第八条; unreachable, no_contact, refused, unsatisfied).
	Closure caseflow.ClosureReason `json:"closure,omitempty"`
	// Overdue applies the rule once per duty of this kind that was fulfilled late: the
	// window's rectification record (第十条 整改落实情况), so only a duty the window or its
	// unit owes: "meeting", "report", "rectify", "feedback" or "appeal_materials".
	Overdue caseflow.DutyKind `json:"overdue,omitempty"`
	// Round applies the rule once per extra round of rectification: each time the
	// reviewer, called back on the result, was not satisfied and the case went back to the
	// window (第八条).
	Round bool `json:"round,omitempty"`
	// WindowKind narrows the rule to windows of this kind: business, department or
	// sub_center.
	WindowKind haochaping.WindowKind `json:"windowKind,omitempty"`
}

// Limits of a rules file.
const (
	maxRulesSize = 256 << 10 // a rules file is a few kilobytes
	maxRules     = 200
	maxRuleText  = 200 // characters of a label, a name or a source
	maxRuleID    = 64  // bytes
)

// ParseRules reads a county's deduction rules from JSON strictly: a file over 256 KiB, a
// field the format does not have (a misspelt "persn" would otherwise deduct nothing), a key
// given twice, a second JSON value, points that are negative, over 100 or with more than
// two decimals, and rules that do not pass [Rules.Validate] are refused, each problem named
// by its field ("rules[2].when.cause").
func ParseRules(r io.Reader) (*Rules, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxRulesSize+1))
	if err != nil {
		return nil, fmt.Errorf("scoring: reading rules: %w", err)
	}
	if len(data) > maxRulesSize {
		return nil, fmt.Errorf("scoring: rules: more than %d bytes", maxRulesSize)
	}
	if !utf8.Valid(data) {
		return nil, errors.New("scoring: rules: not UTF-8")
	}
	var rs Rules
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	if err := d.Decode(&rs); err != nil {
		return nil, fmt.Errorf("scoring: rules: %w", err)
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("scoring: rules: more than one JSON value")
	}
	if err := haochaping.CheckDuplicateKeys(data); err != nil {
		return nil, fmt.Errorf("scoring: rules: %w", err)
	}
	if err := rs.Validate(); err != nil {
		return nil, err
	}
	return &rs, nil
}

// Validate reports every problem of the rules at once: a version other than 1, a missing
// name, no rule or more than 200, and for each rule a missing or repeated ID, a missing
// label, a trigger that names none or more than one thing, an unknown code, a deduction
// from a person for a trigger that names none (the environment is the window's, 第十条),
// a rule deducting for a mistaken or untrue verdict (第十条 deducts only for a founded
// review), points out of range, and two rules for the same trigger and window kind.
func (rs *Rules) Validate() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("scoring: rules %s: %s", field, fmt.Sprintf(format, args...)))
	}
	if rs.Version != 1 {
		bad("version", "%d: want 1", rs.Version)
	}
	checkText(bad, "name", rs.Name, true)
	checkText(bad, "source", rs.Source, false)
	if len(rs.Rules) == 0 || len(rs.Rules) > maxRules {
		bad("rules", "%d rules: want 1 to %d", len(rs.Rules), maxRules)
	}
	ids := map[string]bool{}
	triggers := map[Trigger]string{}
	for i, r := range rs.Rules {
		at := fmt.Sprintf("rules[%d]", i)
		switch {
		case strings.TrimSpace(r.ID) == "":
			bad(at+".id", "required")
		case len(r.ID) > maxRuleID || haochaping.HasControl(r.ID):
			bad(at+".id", "%.20q: want at most %d bytes and no control character", r.ID, maxRuleID)
		case ids[r.ID]:
			bad(at+".id", "%q is used twice", r.ID)
		}
		ids[r.ID] = true
		checkText(bad, at+".label", r.Label, true)
		checkText(bad, at+".article", r.Article, false)
		r.When.check(bad, at, r)
		for _, p := range []struct {
			name string
			v    Points
		}{{"person", r.Person}, {"window", r.Window}, {"unit", r.Unit}} {
			if p.v < 0 || p.v > maxPoints {
				bad(at+"."+p.name, "%s: want 0 to 100", p.v)
			}
		}
		if prev, ok := triggers[r.When]; ok {
			bad(at+".when", "rule %q applies to the same thing: which one deducts is unclear", prev)
		}
		triggers[r.When] = r.ID
	}
	return errors.Join(errs...)
}

// check reports what makes t unfit for rule r.
func (t Trigger) check(bad func(field, format string, args ...any), at string, r Rule) {
	n := 0
	for _, set := range []bool{t.Cause != 0, t.Verdict != "", t.Closure != "", t.Overdue != "", t.Round} {
		if set {
			n++
		}
	}
	if n != 1 {
		bad(at+".when", "names %d things: want exactly one of cause, verdict, closure, overdue and round", n)
	}
	switch {
	case t.Cause != 0 && !t.Cause.Valid():
		bad(at+".when.cause", "%s: want attitude, quality, efficiency, environment or other", t.Cause)
	case t.Cause == haochaping.DimensionEnvironment && r.Person != 0:
		bad(at+".person", "%s: the environment is the window's, whose deduction falls on the window (第十条); deduct from the window", r.Person)
	case t.Verdict == caseflow.VerdictMistaken || t.Verdict == caseflow.VerdictUntrue:
		bad(at+".when.verdict", "%q: 第十条 deducts only for a review found founded (经查属); a mistaken or untrue review deducts nothing", t.Verdict)
	case t.Verdict != "" && t.Verdict != caseflow.VerdictJustified:
		bad(at+".when.verdict", "%.20q: want justified", t.Verdict)
	case t.Closure != "" && !t.Closure.Valid():
		bad(at+".when.closure", "%.20q: want unreachable, no_contact, refused or unsatisfied", t.Closure)
	case t.Overdue != "" && !t.Overdue.Valid():
		bad(at+".when.overdue", "%.20q is not a duty of the measures (report, rectify, feedback, meeting…)", t.Overdue)
	case t.Overdue != "" && !unitRole(t.Overdue.Owner()):
		bad(at+".when.overdue", "%q is owed by %s, not by the window or its unit: 第十条 appraises the window's rectification record (meeting, report, rectify, feedback, appeal_materials)",
			t.Overdue, t.Overdue.Owner().Label())
	}
	if t.Cause == 0 && r.Person != 0 {
		bad(at+".person", "%s: only a cause names a responsible person; deduct from the window or the unit", r.Person)
	}
	if t.WindowKind != 0 && !t.WindowKind.Valid() {
		bad(at+".when.windowKind", "%s: want business, department or sub_center", t.WindowKind)
	}
}

// checkText reports a text that is required and blank, too long, or holds a control
// character.
func checkText(bad func(field, format string, args ...any), field, s string, required bool) {
	switch {
	case required && strings.TrimSpace(s) == "":
		bad(field, "required")
	case utf8.RuneCountInString(s) > maxRuleText:
		bad(field, "%d characters, more than %d", utf8.RuneCountInString(s), maxRuleText)
	case haochaping.HasControl(s):
		bad(field, "a control character has no place here")
	}
}

// article returns the article a line of rule r cites for a duty d (nil unless the rule is
// for an overdue duty).
func (r *Rule) article(d *caseflow.Duty) string {
	switch {
	case r.Article != "":
		return r.Article
	case r.When.Cause != 0 || r.When.Verdict != "":
		return "第十条"
	case d != nil:
		return d.Rule()
	}
	return "第八条"
}

// find returns the rule for what t names, at a window of kind k: the rule naming k, else
// the rule naming no kind, else nil.
func (rs *Rules) find(t Trigger, k haochaping.WindowKind) *Rule {
	var general *Rule
	for i := range rs.Rules {
		r := &rs.Rules[i]
		w := r.When
		w.WindowKind = t.WindowKind
		if w != t {
			continue
		}
		switch r.When.WindowKind {
		case k:
			return r
		case 0:
			general = r
		}
	}
	return general
}

// unitRole reports whether a duty owed by role r is the window's or its unit's: the
// window's staff and head, and the unit's leader in charge (第九条's appeal materials).
// The office's and the leader's duties are not the window's record (第十条).
func unitRole(r caseflow.Role) bool {
	return r == caseflow.RoleWindowStaff || r == caseflow.RoleWindowHead || r == caseflow.RoleOrgLeader
}
