package forms

import (
	"fmt"

	"github.com/haochaping/haochaping/caseflow"
)

// AppealApplication returns the appeal review application (差评申诉复核申请, 第九条) of case
// c to the city office (o.CityOffice): the case, the window's appeal materials (误评 or
// 不实差评, and why), the office's application, the leader's opinion and the submission;
// the parts not yet done stay blank. The reviewer's personal data are masked unless
// o.Full. It returns an error wrapping [ErrNotApplicable] for a case without an appeal,
// and an error for a nil case.
func AppealApplication(c *caseflow.Case, o Options) (*Document, error) {
	if c == nil {
		return nil, errNoCase
	}
	a := c.Appeal
	if a == nil {
		return nil, fmt.Errorf("forms: appeal application of case %s: no appeal: %w", c.ID, ErrNotApplicable)
	}
	m := newMasker(c, o.Full)
	number, item := matter(c)
	_, at, _, _ := person(c)
	level := levelOf(c)
	var verdict, reasons string
	if a.Materials != nil {
		verdict, reasons = a.Materials.Verdict.Label(), m.text(a.Materials.Reasons)
	}
	decision := ""
	if d := a.Decision; d != nil {
		decision = map[bool]string{true: "申诉成立，差评撤销", false: "申诉不成立"}[d.Upheld] + "（" + d.Reference + "）"
		if d.Reason != "" {
			decision += "：" + m.text(d.Reason)
		}
	}

	t := fieldTable(
		field("办件编号", c.ID),
		field("办理编号", number),
		field("办理事项", item),
		field("责任主体", windowName(c)),
		field("评价人", personName(c, m)),
		field("评价时间", formatTime(o, at)),
		field("评价等级", level),
		field("差评内容", m.texts(reviewContent(c))...),
		field("申诉类型", verdict),
		field("申诉理由", reasons),
		field("申诉复核申请", m.text(a.Application)),
		field("分管领导意见", m.text(a.Opinion)),
		field("报送时间", formatTime(o, a.SubmittedAt)),
		field("报送文号", a.Reference),
		field("复核结果", decision),
	)
	d := &Document{Name: "appeal", Title: "差评申诉复核申请", Subtitle: c.ID, Blocks: []Block{
		&Paragraph{Text: orBlank(o.CityOffice) + "："},
		&Paragraph{Text: "经" + orBlank(o.OfficeShort) + "回访核实，下列差评办件属于误评或不实差评，根据《" +
			"融安县政务服务中心差评办件处理办法（试行）》第九条，现提出申诉复核申请，请予复核。", Indent: true},
		t,
		&Paragraph{Text: orBlank(o.Office), Align: AlignRight},
		&Paragraph{Text: orBlank(formatDay(o, a.SubmittedAt)), Align: AlignRight},
	}}
	return d, nil
}
