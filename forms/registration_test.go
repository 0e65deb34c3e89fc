package forms_test

import (
	"strings"
	"testing"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/forms"
)

func TestRegistrationReceived(t *testing.T) {
	svc := caseflowtest.NewService()
	c := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateReceived)
	d, err := forms.Registration(c, forms.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	if d.Name != "registration" || d.Title != "差评办件转办登记表" {
		t.Errorf("name, title = %q, %q", d.Name, d.Title)
	}
	for name, want := range map[string]string{
		"评价人姓名": "张**", "性别": "男", "评价时间": "2026年11月16日 8:50", "联系方式": "138****1234",
		"办理编号": "450224-2026-000123", "办理事项": "个人所得税申报",
	} {
		if got := cellText(after(t, d, name)); got != want {
			t.Errorf("cell after %s = %q, want %q", name, got, want)
		}
	}
	// A fresh case: what no step has filled stays blank, to be written in by hand.
	for _, name := range []string{"转办时间", "调查人", "调查对象", "电话", "调查结果是否满意", "分管领导意见"} {
		if c := after(t, d, name); len(c.Lines) != 0 {
			t.Errorf("cell after %s = %q, want blank", name, c.Lines)
		}
	}
	if got := cellText(after(t, d, "县政管办签收记录")); strings.Contains(got, "2026") || !strings.HasPrefix(got, "签收人：") {
		t.Errorf("sign-off before registration = %q, want blanks", got)
	}
	if got := cellText(after(t, d, "差评内容")); !strings.Contains(got, "☑2.“好差评”系统推送差评件") ||
		!strings.Contains(got, "☐1.现场投诉差评件") {
		t.Errorf("差评类型 = %q, want the pushed kind checked", got)
	}
	rows := tables(d)[0].Rows
	if got := cellText(rows[4].Cells[1]); !strings.Contains(got, "不满意") || !strings.Contains(got, "工作人员服务态度生硬") {
		t.Errorf("差评内容 = %q, want the level and the option", got)
	}
	for _, i := range []int{4, 7, 9} {
		if rows[i].Height == 0 {
			t.Errorf("row %d (%q): want a height to write in", i, rows[i].Cells[0].Lines)
		}
	}
}

func TestRegistrationArchived(t *testing.T) {
	svc := caseflowtest.NewService()
	c := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateArchived)
	d, err := forms.Registration(c, forms.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	reg := c.LastEntry(caseflow.EventRegister)
	for name, want := range map[string]string{
		"转办时间": "2026年11月16日 10:30", "调查人": "孙伟", "调查对象": "李娜",
		"调查结果是否满意": "满意", "分管领导意见": "同意，报市督查科",
		"县政管办签收记录": "签收人：" + reg.Actor.Name + "　　　　　　　　签收时间：2026年11月16日 9:30",
	} {
		if got := cellText(after(t, d, name)); got != want {
			t.Errorf("cell after %s = %q, want %q", name, got, want)
		}
	}
	rows := tables(d)[0].Rows
	if got, want := rows[7].Cells[1].Lines, []string{"采取措施：", "1、开展服务礼仪培训", "2、窗口负责人每日抽查"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("采取措施 = %q, want %q", got, want)
	}
}

func TestRegistrationOnSite(t *testing.T) {
	svc := caseflowtest.NewService()
	c := caseflowtest.To(t, svc, caseflow.KindOnSiteComplaint, caseflow.StateArchived)
	d, err := forms.Registration(c, forms.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	for name, want := range map[string]string{
		"评价人姓名": "刘*", "联系方式": "139****5678", "办理编号": "450224-2026-000456", "性别": "女",
		"分管领导意见": "同意", "调查结果是否满意": "满意",
	} {
		if got := cellText(after(t, d, name)); got != want {
			t.Errorf("cell after %s = %q, want %q", name, got, want)
		}
	}
	if got := cellText(after(t, d, "差评内容")); !strings.Contains(got, "☑1.现场投诉差评件") {
		t.Errorf("差评类型 = %q, want the on-site kind checked", got)
	}
	full := forms.DefaultOptions()
	full.Full = true
	d, _ = forms.Registration(c, full)
	if got := cellText(after(t, d, "评价人姓名")); got != "刘芳" {
		t.Errorf("full: name = %q, want 刘芳", got)
	}
}

func TestRegistrationAnonymous(t *testing.T) {
	svc := caseflowtest.NewService()
	r := caseflowtest.AnonymousReview()
	r.Time = caseflowtest.ClockOf(svc).Now()
	c, _, err := svc.Receive(t.Context(), r)
	if err != nil {
		t.Fatal(err)
	}
	d, err := forms.Registration(c, forms.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	if got := cellText(after(t, d, "评价人姓名")); got != "匿名" {
		t.Errorf("name = %q, want 匿名", got)
	}
	if got := after(t, d, "联系方式"); len(got.Lines) != 0 {
		t.Errorf("phone = %q, want blank", got.Lines)
	}
}

func TestNilCase(t *testing.T) {
	builders := map[string]func(*caseflow.Case, forms.Options) (*forms.Document, error){
		"registration": forms.Registration, "report": forms.InvestigationReport, "callbacks": forms.Callbacks,
		"appeal": forms.AppealApplication, "closure": forms.ClosingApproval, "summary": forms.Summary,
	}
	for name, b := range builders {
		if _, err := b(nil, forms.DefaultOptions()); err == nil {
			t.Errorf("%s(nil): want an error", name)
		}
	}
	if _, err := forms.ForCase(nil, forms.DefaultOptions()); err == nil {
		t.Error("ForCase(nil): want an error")
	}
	if _, err := forms.SealPage(nil, forms.DefaultOptions()); err == nil {
		t.Error("SealPage(nil): want an error")
	}
}
