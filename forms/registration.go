package forms

import (
	"strings"

	"github.com/haochaping/haochaping/caseflow"
)

// registrationGrid is the grid of the registration form (Annex 4), in twips, summing to
// the text width of [DefaultStyle] (8845): ten columns, so that each label holds its
// characters on one line at 四号 (14 pt, 280 twips a character, 216 of cell margins) and
// the values fit: a phone or a matter number in 1765, a time in 3016.
//
//	    0      1     2   3    4    5    6   7    8      9
//	+------+-------+---------+----+---------+-------------------+
//	|评价人| (name)          |性别|(g) |评价时间| (time)           |
//	| 姓名 |                 |    |    |        |                  |
//	+------+---------------------------+--------+------------------+
//	|联系方式| (phone)                 |办理编号| (matter number)  |
//	+------+---------------------------+--------+------------------+
//	|办理事项| (service item)          |转办时间| (time)           |
//	+------+-------------------------------------------------------+
//	| 差评 | 差评类型：☐1.现场投诉差评件  ☑2.“好差评”系统推送差评件   |
//	| 内容 +-------------------------------------------------------+
//	|      | (content)                                    tall     |
//	+------+-------------------------------------------------------+
//	|县政管办| 签收人：…                签收时间：…                   |
//	|签收记录|                                                      |
//	+------+-------+---------+---------+---------+------+----------+
//	|差评办件|调查人| (name)  |调查对象 | (name)  | 电话 | (phone)  |
//	|调查处理+-------+---------+---------+---------+------+----------+
//	|情况   | 采取措施：1、… 2、…                           tall     |
//	|      +---------------------------+---------------------------+
//	|      | 调查结果是否满意            | 满意 / 不满意              |
//	+------+---------------------------+---------------------------+
//	|分管领导| (opinion)                                   tall     |
//	| 意见 |                                                       |
//	+------+-------------------------------------------------------+
//
// Column edges: 0, 1420, 2540, 3069, 3869, 4489, 5289, 5829, 6280, 7080, 8845.
var registrationGrid = []int{1420, 1120, 529, 800, 620, 800, 540, 451, 800, 1765}

// The least heights of the rows left for writing by hand, in twips (567 to the cm).
const (
	contentHeight  = 1701 // 3 cm
	measuresHeight = 2268 // 4 cm
	opinionHeight  = 1701
)

// Registration returns the registration and transfer form (差评办件转办登记表, Annex 4) of
// case c as it stands: the fields a step has not yet filled stay blank, to be written in by
// hand. The reviewer's (or, on site, the complainant's) name and phone are masked unless
// o.Full. It returns an error for a nil case.
func Registration(c *caseflow.Case, o Options) (*Document, error) {
	if c == nil {
		return nil, errNoCase
	}
	m := newMasker(c, o.Full)
	p, ratedAt, anonymous, _ := person(c)
	number, item := matter(c)
	phone := ""
	if !anonymous {
		phone = m.phone(p.Phone)
	}

	var investigator, subject, subjectPhone string
	var measures []string
	switch {
	case c.Report != nil:
		investigator, subject, subjectPhone = c.Report.Investigator, c.Report.Subject, m.phone(c.Report.SubjectPhone)
		measures = c.Report.Measures
	case c.Meeting != nil:
		measures = c.Meeting.Measures
	}
	satisfied := ""
	if r := c.ResultFollowUp; r != nil {
		satisfied = map[bool]string{true: "满意", false: "不满意"}[r.Satisfied]
	}

	t := &Table{Widths: registrationGrid, Rows: []Row{
		row(label(1, "评价人", "姓名"), value(2, personName(c, m)), label(1, "性别"), value(1, p.Gender.Label()),
			label(2, "评价时间"), value(3, formatTime(o, ratedAt))),
		row(label(1, "联系方式"), value(4, phone), label(2, "办理编号"), value(3, number)),
		row(label(1, "办理事项"), value(4, item), label(2, "转办时间"), value(3, formatTime(o, c.TransferredAt()))),
		row(merged(label(1, "差评", "内容")), value(9, kindLine(c.Kind))),
		{Cells: []Cell{continued(), value(9, m.texts(reviewContent(c))...)}, Height: contentHeight},
		row(label(1, orOffice(o.OfficeShort), "签收记录"), value(9, signOff(c, o))),
		row(merged(label(1, "差评办件调查处理情况")), label(1, "调查人"), value(2, investigator),
			label(2, "调查对象"), value(2, subject), label(1, "电话"), value(1, subjectPhone)),
		{Cells: []Cell{continued(), value(9, append([]string{"采取措施："}, numbered(m.texts(measures))...)...)},
			Height: measuresHeight},
		row(continued(), label(4, "调查结果是否满意"), value(5, satisfied)),
		{Cells: []Cell{label(1, "分管领导", "意见"), value(9, m.text(c.LeaderOpinion))}, Height: opinionHeight},
	}}
	return &Document{Name: "registration", Title: "差评办件转办登记表", Subtitle: c.ID, Blocks: []Block{t}}, nil
}

// merged makes cell the start of a vertical merge.
func merged(cell Cell) Cell { cell.Merge = MergeStart; return cell }

// continued is the cell continuing a one-column merge from the row above.
func continued() Cell { return Cell{Span: 1, Merge: MergeContinue} }

// orOffice returns short, or 县政管办 when the options leave it empty.
func orOffice(short string) string {
	if short == "" {
		return "县政管办"
	}
	return short
}

// kindLine is the 差评类型 line of Annex 4, the case's kind checked.
func kindLine(k caseflow.Kind) string {
	box := func(kind caseflow.Kind) string {
		if k == kind {
			return "☑"
		}
		return "☐"
	}
	return "差评类型：" + box(caseflow.KindOnSiteComplaint) + "1." + caseflow.KindOnSiteComplaint.Label() +
		"　　" + box(caseflow.KindSystemPushed) + "2." + caseflow.KindSystemPushed.Label()
}

// reviewContent is the bad-review content (差评内容), unmasked: the office's own words at
// registration, or else the review's level, options and text, or the complaint.
func reviewContent(c *caseflow.Case) []string {
	if c.Registration != nil && strings.TrimSpace(c.Registration.Content) != "" {
		return []string{c.Registration.Content}
	}
	switch {
	case c.Review != nil:
		r := c.Review
		lines := []string{"评价等级：" + r.Level.Label()}
		if l := r.Classification.Label(); l != "" {
			lines = append(lines, "差评选项："+l)
		} else if len(r.Options) > 0 {
			opts := make([]string, len(r.Options))
			for i, op := range r.Options {
				opts[i] = op.String()
			}
			lines = append(lines, "差评选项："+strings.Join(opts, "；"))
		}
		if r.FreeText != "" {
			lines = append(lines, "其他："+r.FreeText)
		}
		return lines
	case c.Complaint != nil:
		return []string{"投诉内容：" + c.Complaint.Content}
	}
	return nil
}

// signOff is the office's sign-off of the form (签收人, 签收时间): the actor and time of the
// registration, blanks to write on before it.
func signOff(c *caseflow.Case, o Options) string {
	const gap = "　　　　　　　　"
	e := c.LastEntry(caseflow.EventRegister)
	if e == nil {
		return "签收人：" + gap + "签收时间："
	}
	return "签收人：" + e.Actor.Name + gap + "签收时间：" + formatTime(o, e.Time)
}
