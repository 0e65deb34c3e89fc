package forms_test

import (
	"strings"
	"testing"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/forms"
)

func TestInvestigationReport(t *testing.T) {
	c := caseflowtest.To(t, caseflowtest.NewService(), caseflow.KindSystemPushed, caseflow.StateReported)
	d, err := forms.InvestigationReport(c, forms.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	if d.Name != "report" || d.Title != "关于450224-2026-000123差评办件调查整改报告" {
		t.Errorf("name, title = %q, %q", d.Name, d.Title)
	}
	got := strings.Join(texts(d), "\n")
	for _, want := range []string{
		"2026年11月16日税务窗口出现了一件评价结果为“不满意”的办件。",
		"一、申请人基本情况", "申请人：张**，男，", "办理事项：个人所得税申报，申办流水号：450224-2026-000123。",
		"二、服务人员接待情况\n1、________",
		"三、调查处理情况\n1、调取监控，情况属实",
		"四、整改措施\n1、开展服务礼仪培训\n2、窗口负责人每日抽查",
		"政府信息公开选项：主动公开",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
}

// A report not published (依申请公开) shows the applicant in full when asked.
func TestInvestigationReportOnRequest(t *testing.T) {
	svc := caseflowtest.NewService()
	c := openTo(t, svc, caseflow.StateRectifying)
	caseflowtest.ClockOf(svc).NextWorkday(nil, 9*3600e9)
	c = take(t, svc, c.ID, caseflowtest.WindowHead(), caseflow.Report{
		Investigator: "孙伟", Subject: "李娜", SubjectPhone: subjectPhone, Investigation: []string{"属实"},
		Measures: []string{"培训"}, Reception: []string{"窗口人员未一次性告知"},
		Finding:            caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: "李娜"}}},
		ApplicantEthnicity: "壮族", ApplicantOrigin: "柳州市", ApplicationSerial: "LS-001",
		Disclosure: caseflow.DisclosureOnRequest,
	})
	full := forms.DefaultOptions()
	full.Full = true
	d, err := forms.InvestigationReport(c, full)
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	got := strings.Join(texts(d), "\n")
	for _, want := range []string{
		"申请人：" + reviewerName + "，男，壮族，柳州市人，（身份证号码：" + reviewerID + "），电话号码：" + reviewerPhone,
		"申办流水号：LS-001", "1、窗口人员未一次性告知", "政府信息公开选项：依申请公开",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	d, _ = forms.InvestigationReport(c, forms.DefaultOptions())
	if contains(d, reviewerID) || contains(d, reviewerPhone) || !contains(d, "450224********1235") {
		t.Errorf("masked report:\n%s", strings.Join(texts(d), "\n"))
	}
}
