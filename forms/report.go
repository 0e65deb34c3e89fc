package forms

import (
	"fmt"
	"strings"

	"github.com/haochaping/haochaping/caseflow"
)

// InvestigationReport returns the investigation and rectification report (差评办件调查整改
// 报告, Annex 5) of case c: the opening paragraph, the applicant's particulars (一、), the
// staff's reception of the applicant (二、), the investigation (三、) and the corrective
// measures (四、), each numbered as the window wrote them, and the disclosure option
// (政府信息公开选项). Before the window reports, the numbered items are blanks to write on.
//
// A report marked 主动公开 (the default) is published: it masks the applicant's personal
// data even with o.Full. It returns an error for a nil case.
func InvestigationReport(c *caseflow.Case, o Options) (*Document, error) {
	if c == nil {
		return nil, errNoCase
	}
	r := c.Report
	if r == nil {
		r = &caseflow.Report{}
	}
	disclosure := r.Disclosure
	if disclosure == "" {
		disclosure = caseflow.DisclosureActive
	}
	m := newMasker(c, o.Full && disclosure != caseflow.DisclosureActive)

	number, _ := matter(c)
	if number == "" {
		number = c.ID
	}
	d := &Document{Name: "report", Title: "关于" + number + "差评办件调查整改报告"}
	add := func(bs ...Block) { d.Blocks = append(d.Blocks, bs...) }
	para := func(s string) *Paragraph { return &Paragraph{Text: s, Indent: true} }
	items := func(ss []string) {
		if len(ss) == 0 {
			ss = []string{blank}
		}
		for _, s := range numbered(m.texts(ss)) {
			add(para(s))
		}
	}

	add(para(opening(c, o)))
	add(&Heading{Text: "一、申请人基本情况"}, para(applicant(c, r, m)))
	add(&Heading{Text: "二、服务人员接待情况"})
	items(r.Reception)
	add(&Heading{Text: "三、调查处理情况"})
	items(r.Investigation)
	add(&Heading{Text: "四、整改措施"})
	items(r.Measures)
	if ext := r.Extension; ext != nil {
		add(para(fmt.Sprintf("因%s，无法在期限内整改完毕，整改期限至%s。", m.text(ext.Reason), formatDate(ext.Until))))
	}
	add(&Paragraph{Text: "政府信息公开选项：" + disclosure.Label()})
	return d, nil
}

// opening is the report's first paragraph: the day of the review, the window, the level.
func opening(c *caseflow.Case, o Options) string {
	_, at, _, _ := person(c)
	what := "一件评价结果为“" + blank + "”的办件"
	switch {
	case c.Review != nil:
		what = "一件评价结果为“" + c.Review.Level.Label() + "”的办件"
	case c.Complaint != nil:
		what = "一件现场投诉办件"
	}
	return orBlank(formatDay(o, at)) + orBlank(windowName(c)) + "出现了" + what +
		"。经过调查了解，现将调查情况报告如下："
}

// applicant is the paragraph of 一、申请人基本情况, its blanks left to write in.
func applicant(c *caseflow.Case, r *caseflow.Report, m masker) string {
	p, _, _, _ := person(c)
	number, item := matter(c)
	serial := r.ApplicationSerial
	if serial == "" {
		serial = number
	}
	origin := r.ApplicantOrigin
	if origin != "" && !strings.HasSuffix(origin, "人") {
		origin += "人"
	}
	content := strings.Join(reviewContent(c), "；")
	return fmt.Sprintf("申请人：%s，%s，%s，%s，（身份证号码：%s），电话号码：%s。办理事项：%s，申办流水号：%s。评价内容：%s",
		orBlank(personName(c, m)), orBlank(p.Gender.Label()), orBlank(r.ApplicantEthnicity), orBlank(origin),
		orBlank(m.idNumber(p.IDNumber)), orBlank(m.phone(p.Phone)), orBlank(item), orBlank(serial),
		orBlank(m.text(content)))
}
