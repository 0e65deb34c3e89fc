package forms

import (
	"fmt"

	"github.com/haochaping/haochaping/caseflow"
)

// ClosingApproval returns the closing approval (结案审批表) of case c, closed without a
// satisfied reviewer (第八条): the case, the office's reason and explanation, the attempts
// to reach the reviewer, and the leader's decision and opinion, blank until the leader
// decides. The reviewer's personal data are masked unless o.Full. It returns an error
// wrapping [ErrNotApplicable] for a case nobody proposed to close, and an error for a nil
// case.
func ClosingApproval(c *caseflow.Case, o Options) (*Document, error) {
	if c == nil {
		return nil, errNoCase
	}
	cl := c.Closure
	if cl == nil {
		return nil, fmt.Errorf("forms: closing approval of case %s: no closure proposed: %w", c.ID, ErrNotApplicable)
	}
	m := newMasker(c, o.Full)
	number, item := matter(c)

	var attempts []string
	for _, e := range c.Trail {
		if a, ok := e.Step.(caseflow.ContactAttempt); ok {
			s := fmt.Sprintf("%d、%s %s：%s", len(attempts)+1, formatTime(o, e.Time), a.Channel, a.Result.Label())
			if a.Note != "" {
				s += "（" + m.text(a.Note) + "）"
			}
			attempts = append(attempts, s)
		}
	}
	var proposed, decidedAt, decision string
	if e := c.LastEntry(caseflow.EventClosurePropose); e != nil {
		proposed = actorName(e.Actor) + "　" + formatTime(o, e.Time)
	}
	switch {
	case cl.Lapsed:
		decision = "拟结案申请已失效"
	case cl.Decided:
		decision = map[bool]string{true: "同意结案", false: "不同意结案"}[cl.Approved]
		if e := c.LastEntry(caseflow.EventClosureApprove, caseflow.EventClosureReject); e != nil {
			decidedAt = formatTime(o, e.Time)
		}
	}

	t := fieldTable(
		field("办件编号", c.ID),
		field("差评类型", c.Kind.Label()),
		field("办理编号", number),
		field("办理事项", item),
		field("责任主体", windowName(c)),
		field("评价人", personName(c, m)),
		field("结案原因", cl.Reason.Label()),
		field("情况说明", m.text(cl.Explanation)),
		field("回访未果记录", attempts...),
		field("申请人及时间", proposed),
		Row{Cells: []Cell{label(1, "分管领导意见"), value(1, m.text(cl.Opinion))}, Height: opinionHeight},
		field("审批结果", decision),
		field("审批时间", decidedAt),
	)
	return &Document{Name: "closure", Title: "差评办件结案审批表", Subtitle: c.ID, Blocks: []Block{t}}, nil
}
