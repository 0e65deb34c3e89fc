package scoring

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/haochaping/haochaping/caseflow"
)

// Target is whom a deduction falls on.
type Target string

// The targets of a deduction.
const (
	TargetPerson Target = "person" // the responsible person (责任人)
	TargetWindow Target = "window" // the window (业务窗口)
	TargetUnit   Target = "unit"   // the window's unit: its department, or else its centre
)

// Label returns the target in Chinese: 责任人, 窗口 or 单位.
func (t Target) Label() string {
	switch t {
	case TargetPerson:
		return "责任人"
	case TargetWindow:
		return "窗口"
	case TargetUnit:
		return "单位"
	}
	return string(t)
}

// Line is one deduction of an appraisal: the case, the rule, the article behind it, what in
// the case the rule applied to, and whom it deducts how many points from. Lines explain an
// appraisal line by line.
type Line struct {
	Case string `json:"case"`
	// At is when the case was archived (备案): the period the line counts in.
	At      time.Time `json:"at"`
	Rule    string    `json:"rule"`
	Label   string    `json:"label"`
	Article string    `json:"article"`
	// Reason is what in the case the rule applied to, in Chinese: "服务态度", "其他：叫号系统故障",
	// "报送调查整改报告超期", "第2轮整改", "结案：无法联系".
	Reason string `json:"reason"`
	Target Target `json:"target"`
	// Person is the responsible person, for TargetPerson; Window and Unit are always set.
	Person     string `json:"person,omitempty"`
	Window     string `json:"window"`
	WindowName string `json:"windowName,omitempty"`
	Unit       string `json:"unit"`
	Points     Points `json:"points"`
}

// Appraisal is the deductions of a period (绩效扣分台账): every line, in the order of the
// cases' archive times, then case ID, then the order the rules apply in (the verdict, the
// causes, the closing, the rounds, the overdue duties), then person, window, unit.
type Appraisal struct {
	Period Period `json:"period"`
	// Rules and Illustrative are the name of the rules applied and whether they are an
	// illustration no county adopted.
	Rules        string `json:"rules"`
	Illustrative bool   `json:"illustrative,omitempty"`
	Lines        []Line `json:"lines"`
	// Cases counts the cases archived in the period; Scored those of them with a founded
	// finding, whose rules applied; Exempt those found mistaken or untrue (第十条 "经查属").
	Cases, Scored, Exempt int
	// Unassigned lists the cases archived in the period without a responsible window,
	// which nothing can be deducted from: the office should look at them.
	Unassigned []string `json:"unassigned,omitempty"`
}

// Appraise applies the rules to the cases archived (备案) in the period: the finding is final
// then, after any appeal. A case counts in the period its archive time falls in, so that
// an appraisal is reproducible from the cases alone, whatever order they come in and
// whenever it is computed. A case withdrawn as opened in error, or found mistaken or untrue
// (annulled on appeal or not), deducts nothing (第十条 "经查属"). For a founded case, the
// rules apply to its verdict, to each cause of its finding, to its closing without a
// satisfied reviewer, to each extra round of rectification, and to each duty fulfilled
// late; a thing no rule names deducts nothing.
//
// It stops at the first error of the stream and returns it.
func Appraise(rules *Rules, p Period, cases iter.Seq2[*caseflow.Case, error]) (*Appraisal, error) {
	if rules == nil {
		return nil, fmt.Errorf("scoring: appraise: no rules")
	}
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	if !p.Valid() {
		return nil, fmt.Errorf("scoring: appraise: period %v: want From before To", p)
	}
	a := &Appraisal{Period: p.In(), Rules: rules.Name, Illustrative: rules.Illustrative, Lines: []Line{}}
	for c, err := range cases {
		if err != nil {
			return nil, fmt.Errorf("scoring: reading cases: %w", err)
		}
		if c == nil || c.State != caseflow.StateArchived || !p.Contains(c.ArchivedAt()) {
			continue
		}
		a.Cases++
		switch {
		case c.Finding.Verdict != caseflow.VerdictJustified:
			a.Exempt++
			continue
		case c.ResponsibleWindow == nil:
			a.Unassigned = append(a.Unassigned, c.ID)
			continue
		}
		a.Scored++
		a.Lines = append(a.Lines, deductions(rules, c)...)
	}
	slices.SortStableFunc(a.Lines, func(x, y Line) int {
		return cmp.Or(x.At.Compare(y.At), strings.Compare(x.Case, y.Case))
	})
	slices.Sort(a.Unassigned)
	return a, nil
}

// deductions returns the lines the rules give case c, whose finding is founded and whose
// window is known, in the order Appraisal documents.
func deductions(rules *Rules, c *caseflow.Case) []Line {
	w := c.ResponsibleWindow
	base := Line{Case: c.ID, At: c.ArchivedAt(), Window: w.ID, WindowName: w.Name, Unit: w.Parent()}
	var lines []Line
	apply := func(t Trigger, d *caseflow.Duty, reason, person string) {
		r := rules.find(t, w.Kind)
		if r == nil {
			return
		}
		l := base
		l.Rule, l.Label, l.Article, l.Reason = r.ID, r.Label, r.article(d), reason
		for _, x := range []struct {
			t Target
			p Points
		}{{TargetPerson, r.Person}, {TargetWindow, r.Window}, {TargetUnit, r.Unit}} {
			if x.p == 0 || (x.t == TargetPerson && person == "") {
				continue
			}
			l.Target, l.Points, l.Person = x.t, x.p, ""
			if x.t == TargetPerson {
				l.Person = person
			}
			lines = append(lines, l)
		}
	}
	apply(Trigger{Verdict: caseflow.VerdictJustified}, nil, "差评属实", "")
	// 第十条: attitude, quality and efficiency deduct from the responsible person, the
	// environment from the window; each cause is applied once.
	for _, cause := range c.Finding.Causes {
		reason := cause.Dimension.Label()
		if cause.Description != "" {
			reason += "：" + cause.Description
		}
		apply(Trigger{Cause: cause.Dimension}, nil, reason, cause.ResponsiblePerson)
	}
	// 第八条: a case closed without a satisfied reviewer, with the leader's approval.
	if cl := c.Closure; cl != nil && cl.Decided && cl.Approved && !cl.Lapsed {
		apply(Trigger{Closure: cl.Reason}, nil, "不以评价人满意结案："+cl.Reason.Label(), "")
	}
	// 第八条: each time the reviewer was not satisfied with the result and the case went
	// back to the window.
	for i := range c.Rounds() {
		apply(Trigger{Round: true}, nil, fmt.Sprintf("评价人不满意，第%d次退回整改", i+1), "")
	}
	// 第十条: the window's rectification record; a duty fulfilled after its due time.
	for _, d := range c.Duties {
		if Late(d) && unitRole(d.Owner) {
			apply(Trigger{Overdue: d.Kind}, d, d.Label()+"超期", "")
		}
	}
	return lines
}

// Late reports whether duty d was fulfilled after its due time: a timed duty, closed, not
// cancelled and not on time (entered late counts as late, as [caseflow.Duty.OnTime] says).
func Late(d *caseflow.Duty) bool { return d.Timed && !d.Open() && !d.Cancelled && !d.OnTime }

// Account is the deductions of one person, window or unit: its total and its lines.
type Account struct {
	Target Target `json:"target"`
	// ID is the person's name for a person (within its window), else the window's or
	// unit's ID; Window and Unit say where the person or window is.
	ID     string `json:"id"`
	Window string `json:"window,omitempty"`
	Unit   string `json:"unit"`
	Points Points `json:"points"`
	Lines  []Line `json:"lines"`
}

// ByPerson returns the account of each responsible person: the lines deducting from them,
// by unit, window and name.
func (a *Appraisal) ByPerson() []Account {
	return a.accounts(func(l Line) (Account, bool) {
		return Account{Target: TargetPerson, ID: l.Person, Window: l.Window, Unit: l.Unit}, l.Target == TargetPerson
	})
}

// ByWindow returns the account of each window: the lines deducting from the window
// itself (its environment, its rectification record, its closings and rounds), by unit
// and window. A person's deduction is the person's, not the window's.
func (a *Appraisal) ByWindow() []Account {
	return a.accounts(func(l Line) (Account, bool) {
		return Account{Target: TargetWindow, ID: l.Window, Window: l.Window, Unit: l.Unit}, l.Target == TargetWindow
	})
}

// ByUnit returns the account of each unit (单位绩效考评, 第十条 "纳入单位绩效考评"): every
// line of the unit, whether it deducts from its people, its windows or the unit itself.
func (a *Appraisal) ByUnit() []Account {
	return a.accounts(func(l Line) (Account, bool) { return Account{Target: TargetUnit, ID: l.Unit, Unit: l.Unit}, true })
}

// accounts groups the lines into the accounts key gives them, sorted by unit, window and
// ID, each account's lines in the appraisal's order.
func (a *Appraisal) accounts(key func(Line) (Account, bool)) []Account {
	type id struct {
		t                Target
		id, window, unit string
	}
	index := map[id]int{}
	var out []Account
	for _, l := range a.Lines {
		k, ok := key(l)
		if !ok {
			continue
		}
		i, seen := index[id{k.Target, k.ID, k.Window, k.Unit}]
		if !seen {
			i = len(out)
			index[id{k.Target, k.ID, k.Window, k.Unit}] = i
			out = append(out, k)
		}
		out[i].Points += l.Points
		out[i].Lines = append(out[i].Lines, l)
	}
	slices.SortStableFunc(out, func(x, y Account) int {
		return cmp.Or(strings.Compare(x.Unit, y.Unit), strings.Compare(x.Window, y.Window), strings.Compare(x.ID, y.ID))
	})
	return out
}

// Total returns the points of all the lines.
func (a *Appraisal) Total() Points {
	var t Points
	for _, l := range a.Lines {
		t += l.Points
	}
	return t
}
