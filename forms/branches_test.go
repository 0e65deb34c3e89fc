package forms_test

import (
	"strings"
	"testing"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/forms"
)

func TestCallbacks(t *testing.T) {
	c := caseflowtest.To(t, caseflowtest.NewService(), caseflow.KindSystemPushed, caseflow.StateClosureApproved)
	d, err := forms.Callbacks(c, forms.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	rows := tables(d)[0].Rows
	// The follow-up (第六条), the result follow-up is not reached: the attempts (回访未果).
	if got := cellText(rows[1].Cells[3]); got != "回访核实（第六条）" {
		t.Errorf("first callback kind = %q", got)
	}
	if got := cellText(rows[1].Cells[4]); got != "已联系上" {
		t.Errorf("first callback result = %q", got)
	}
	attempts := 0
	for _, r := range rows[1:] {
		if cellText(r.Cells[3]) == "回访未果" {
			attempts++
			if got := cellText(r.Cells[4]); got != "电话：无人接听或无法接通" {
				t.Errorf("attempt result = %q", got)
			}
		}
	}
	if want := caseflow.DefaultPolicy().ClosureAttempts; attempts != want {
		t.Errorf("%d attempts, want %d", attempts, want)
	}

	fresh := caseflowtest.To(t, caseflowtest.NewService(), caseflow.KindSystemPushed, caseflow.StateRegistered)
	d, _ = forms.Callbacks(fresh, forms.DefaultOptions())
	checkDocument(t, d)
	if rows := tables(d)[0].Rows; len(rows) != 4 || len(rows[1].Cells[1].Lines) != 0 || rows[1].Height == 0 {
		t.Errorf("a case not yet called: want 3 blank rows to write in, got %d rows", len(rows))
	}
}

func TestAppealApplication(t *testing.T) {
	c := caseflowtest.To(t, caseflowtest.NewService(), caseflow.KindSystemPushed, caseflow.StateAnnulled)
	o := forms.DefaultOptions()
	d, err := forms.AppealApplication(c, o)
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	if d.Name != "appeal" || !strings.HasPrefix(texts(d)[2], o.CityOffice) {
		t.Errorf("name %q, addressed %q", d.Name, texts(d)[2])
	}
	for name, want := range map[string]string{
		"申诉类型": "误评", "申诉理由": "评价器视频显示评价人误按", "申诉复核申请": "经核实属误评，申请撤销该差评",
		"分管领导意见": "同意申诉", "报送文号": "融政监管申〔2026〕1号", "复核结果": "申诉成立，差评撤销（柳政管督〔2026〕1号）",
	} {
		if got := cellText(after(t, d, name)); got != want {
			t.Errorf("cell after %s = %q, want %q", name, got, want)
		}
	}
	if got := after(t, d, "报送时间"); len(got.Lines) != 1 {
		t.Errorf("报送时间 = %q", got.Lines)
	}

	// Before the office applies, its parts stay blank.
	c = caseflowtest.To(t, caseflowtest.NewService(), caseflow.KindSystemPushed, caseflow.StateAppealSubmitted)
	d, _ = forms.AppealApplication(c, o)
	checkDocument(t, d)
	for _, name := range []string{"申诉复核申请", "分管领导意见", "报送时间", "报送文号", "复核结果"} {
		if got := after(t, d, name); len(got.Lines) != 0 {
			t.Errorf("cell after %s = %q, want blank", name, got.Lines)
		}
	}
}

func TestClosingApproval(t *testing.T) {
	c := caseflowtest.To(t, caseflowtest.NewService(), caseflow.KindSystemPushed, caseflow.StateClosureApproved)
	d, err := forms.ClosingApproval(c, forms.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	for name, want := range map[string]string{
		"结案原因": "无法联系", "情况说明": "多次致电均无人接听", "分管领导意见": "同意结案", "审批结果": "同意结案",
	} {
		if got := cellText(after(t, d, name)); got != want {
			t.Errorf("cell after %s = %q, want %q", name, got, want)
		}
	}
	if got := after(t, d, "回访未果记录"); len(got.Lines) != caseflow.DefaultPolicy().ClosureAttempts {
		t.Errorf("attempts = %q", got.Lines)
	}
}

func TestSummary(t *testing.T) {
	c := caseflowtest.To(t, caseflowtest.NewService(), caseflow.KindSystemPushed, caseflow.StateArchived)
	d, err := forms.Summary(c, forms.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	if got := cellText(after(t, d, "办理状态")); got != "已备案" {
		t.Errorf("办理状态 = %q", got)
	}
	ts := tables(d)
	if len(ts) != 3 || len(ts[1].Rows) != len(c.Trail)+1 || len(ts[2].Rows) != len(c.Duties)+1 {
		t.Fatalf("want facts, trail (%d) and duties (%d)", len(c.Trail), len(c.Duties))
	}
	if got := cellText(ts[1].Rows[2].Cells[3]); got != "当日填写登记表并向分管领导报告" {
		t.Errorf("step 2 = %q", got)
	}
	for _, r := range ts[2].Rows[1:] {
		if got := cellText(r.Cells[3]); !strings.HasPrefix(got, "按时完成") && !strings.HasPrefix(got, "已取消") {
			t.Errorf("duty %q: %q, want done on time", cellText(r.Cells[0]), got)
		}
	}
	open := caseflowtest.To(t, caseflowtest.NewService(), caseflow.KindSystemPushed, caseflow.StateRectifying)
	d, _ = forms.Summary(open, forms.DefaultOptions())
	if !contains(d, "未完成") {
		t.Error("an open case's summary: want its open duties 未完成")
	}
}

func TestSealPage(t *testing.T) {
	svc := caseflowtest.NewService()
	c := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateTransferred)
	s, err := svc.Seal(t.Context(), "2026-11-16")
	if err != nil {
		t.Fatal(err)
	}
	d, err := forms.SealPage(s, forms.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	if d.Name != "seal" || d.Subtitle != "2026年11月16日" || !contains(d, s.Root.String()) {
		t.Errorf("seal page %q %q lacks the root", d.Name, d.Subtitle)
	}
	rows := tables(d)[0].Rows
	if len(rows) != 2 || cellText(rows[1].Cells[1]) != c.ID || cellText(rows[1].Cells[3]) != c.Trail[len(c.Trail)-1].Hash.String() {
		t.Errorf("leaves = %v", rows)
	}
	if !contains(d, "经办人签字") || !contains(d, "负责人签字") {
		t.Error("want lines to sign")
	}
}
