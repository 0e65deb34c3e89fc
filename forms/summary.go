package forms

import (
	"strconv"

	"github.com/haochaping/haochaping/caseflow"
)

// trailGrid is the grid of the summary's trail, in twips (8845 in all):
//
//	+----+--------------+------------+--------------+---------------+
//	|序号| 时间          | 办理人      | 办理步骤      | 备注           |
//	+----+--------------+------------+--------------+---------------+
var trailGrid = []int{900, 2100, 2500, 1900, 1445}

// dutiesGrid is the grid of the summary's duties, in twips (8845 in all):
//
//	+--------------+------------+--------------+-------------------+
//	| 事项          | 承办        | 期限          | 完成情况            |
//	+--------------+------------+--------------+-------------------+
var dutiesGrid = []int{2400, 1800, 2200, 2445}

// Summary returns the summary of case c for the archive (差评办件备案表): its key facts, then
// its full trail (seq, time, who, step, note) and its duties (what, who owes it, by when,
// and whether it was done on time or is still open). The reviewer's personal data, in the
// facts and in the notes, are masked unless o.Full. It returns an error for a nil case.
func Summary(c *caseflow.Case, o Options) (*Document, error) {
	if c == nil {
		return nil, errNoCase
	}
	m := newMasker(c, o.Full)
	number, item := matter(c)
	_, at, _, _ := person(c)
	level := levelOf(c)
	facts := fieldTable(
		field("办件编号", c.ID),
		field("差评类型", c.Kind.Label()),
		field("办理状态", c.StateLabel()),
		field("收到时间", formatTime(o, c.ReceivedAt)),
		field("办理编号", number),
		field("办理事项", item),
		field("评价人", personName(c, m)),
		field("评价时间", formatTime(o, at)),
		field("评价等级", level),
		field("差评内容", m.texts(reviewContent(c))...),
		field("责任主体", windowName(c)),
		field("转办时间", formatTime(o, c.TransferredAt())),
		field("认定", c.Finding.Label()),
		field("报市督查科时间", formatTime(o, c.SubmittedAt())),
		field("备案时间", formatTime(o, c.ArchivedAt())),
	)

	trail := &Table{Widths: trailGrid, Rows: []Row{
		row(label(1, "序号"), label(1, "时间"), label(1, "办理人"), label(1, "办理步骤"), label(1, "备注")),
	}}
	for _, e := range c.Trail {
		trail.Rows = append(trail.Rows, row(value(1, strconv.Itoa(e.Seq)), value(1, formatTime(o, e.Time)),
			value(1, actorName(e.Actor)), value(1, stepLabel(c, e)), value(1, m.text(e.Note))))
	}

	duties := &Table{Widths: dutiesGrid, Rows: []Row{
		row(label(1, "事项"), label(1, "承办"), label(1, "期限"), label(1, "完成情况")),
	}}
	for _, d := range c.Duties {
		duties.Rows = append(duties.Rows, row(value(1, d.Label()+"（"+d.Rule()+"）"), value(1, d.Owner.Label()),
			value(1, due(o, d)), value(1, done(c, o, d))))
	}

	return &Document{Name: "summary", Title: "差评办件备案表", Subtitle: c.ID, Blocks: []Block{
		&Heading{Text: "一、基本情况"}, facts,
		&Heading{Text: "二、办理记录"}, trail,
		&Heading{Text: "三、办理时限"}, duties,
	}}, nil
}

// due is when duty d is due, or 不限时 for an untimed duty.
func due(o Options, d *caseflow.Duty) string {
	if !d.Timed {
		return "不限时"
	}
	return formatTime(o, d.Deadline.Due)
}

// done says whether duty d was done, on time or late, or cancelled, or is still open.
func done(c *caseflow.Case, o Options, d *caseflow.Duty) string {
	at := formatTime(o, c.ClosedAt(d))
	switch {
	case d.Open():
		return "未完成"
	case d.Cancelled:
		return "已取消（" + at + "）"
	case d.OnTime:
		return "按时完成（" + at + "）"
	}
	return "超期完成（" + at + "）"
}
