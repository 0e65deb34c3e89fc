// Command appeal shows the appeal branch of a pushed bad review (第九条, Annex 3). The
// office's follow-up finds the review mistaken (误评); the window's leader in charge submits
// appeal materials within 1 working day, the office confirms them and writes the appeal
// review application, the leader in charge reviews it and it goes to the city office the
// same day; the city upholds the appeal, the review is annulled and nobody is docked under
// 第十条. The case is received the day before the National Day holiday, so its 1-working-day
// limits fall after the holiday. A second case shows an appeal the city rejects: the case
// goes back to rectification with its deadlines restarting from the decision.
//
//	go run ./examples/appeal
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/examples/internal/journal"
)

// The people who take the steps, and the window the cases are transferred to.
var (
	clerk     = caseflow.Actor{ID: "u-office-1", Name: "王五", Role: caseflow.RoleOffice}
	leader    = caseflow.Actor{ID: "u-leader-1", Name: "赵六", Role: caseflow.RoleLeader}
	taxLeader = caseflow.Actor{ID: "u-tax-leader", Name: "吴十", Role: caseflow.RoleOrgLeader, Org: "tax-bureau"}
	cityClerk = caseflow.Actor{ID: "u-city-1", Name: "郑一", Role: caseflow.RoleCityInspection}
	taxWindow = &haochaping.Window{ID: "w-tax", Name: "税务窗口", Kind: haochaping.DepartmentWindow,
		Center: "center", Department: "tax-bureau"}
	registration = caseflow.Registration{ResponsibleWindow: taxWindow, ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "appeal:", err)
		os.Exit(1)
	}
}

func run() error {
	ctx := context.Background()
	clk := &journal.Clock{}
	svc := journal.Service(clk)

	fmt.Println("一、误评，申诉成立")
	c, err := receive(ctx, svc, clk, "450224-2026-000456", at(9, 30, 9, 40))
	if err != nil {
		return err
	}
	c, err = journal.Play(ctx, svc, clk, c.ID, true, []journal.Step{
		{At: at(9, 30, 10, 0), Actor: clerk, Step: registration},
		{At: at(9, 30, 10, 30), Actor: clerk, Step: caseflow.FollowUp{Outcome: "评价人表示办理顺利，误按了“不满意”", Reason: "误按", Materials: []string{"评价器视频", "通话录音"}, Verdict: caseflow.VerdictMistaken}},
		{At: at(9, 30, 11, 0), Actor: clerk, Step: caseflow.Transfer{}},
		{At: at(10, 8, 9, 30), Actor: taxLeader, Step: caseflow.AppealMaterials{Verdict: caseflow.VerdictMistaken, Reasons: "评价人回访时确认误评，附回访录音"}},
		{At: at(10, 8, 11, 0), Actor: clerk, Step: caseflow.AppealConfirmation{Application: "经回访核实属误评，申请撤销该差评"}},
		{At: at(10, 8, 15, 0), Actor: leader, Step: caseflow.ApplicationReview{Opinion: "同意报市督查科申诉复核"}},
		{At: at(10, 8, 16, 0), Actor: clerk, Step: caseflow.AppealSubmission{Reference: "融政监管申〔2026〕5号"}},
		{At: at(10, 10, 10, 0), Actor: cityClerk, Step: caseflow.CityDecision{Upheld: true, Reference: "柳政监管复〔2026〕18号"}},
		{At: at(10, 10, 11, 0), Actor: clerk, Step: caseflow.Archive{}},
	})
	if err != nil {
		return err
	}
	f := c.Finding
	fmt.Printf("认定（第十条）：%s，%s\n", f.Label(), f.Accountable().Label())
	if f.Accountable() != caseflow.AccountableNone {
		return fmt.Errorf("case %s: an upheld appeal must leave nobody accountable, got %s", c.ID, f.Accountable())
	}
	journal.Closed(svc, c)
	if err := journal.Audit(ctx, svc, c.ID); err != nil {
		return err
	}

	fmt.Println("\n二、不实差评，申诉不成立，重新整改")
	if c, err = receive(ctx, svc, clk, "450224-2026-000789", at(10, 8, 9, 10)); err != nil {
		return err
	}
	if _, err = journal.Play(ctx, svc, clk, c.ID, false, []journal.Step{
		{At: at(10, 8, 9, 30), Actor: clerk, Step: registration},
		{At: at(10, 8, 10, 0), Actor: clerk, Step: caseflow.FollowUp{Outcome: "评价人称窗口拒收材料，窗口称材料不全", Reason: "认为窗口拒收材料", Materials: []string{"评价器视频", "通话录音"}, Verdict: caseflow.VerdictUntrue}},
		{At: at(10, 8, 10, 20), Actor: clerk, Step: caseflow.Transfer{}},
		{At: at(10, 8, 14, 30), Actor: taxLeader, Step: caseflow.AppealMaterials{Verdict: caseflow.VerdictUntrue, Reasons: "申请材料缺少完税证明，依规不予受理"}},
		{At: at(10, 8, 15, 0), Actor: clerk, Step: caseflow.AppealConfirmation{Application: "经核实属不实差评，申请撤销该差评"}},
		{At: at(10, 8, 15, 30), Actor: leader, Step: caseflow.ApplicationReview{Opinion: "同意"}},
		{At: at(10, 8, 16, 0), Actor: clerk, Step: caseflow.AppealSubmission{}},
	}); err != nil {
		return err
	}
	fmt.Println("（登记、回访核实、转办、申诉撤销材料、申诉复核申请、审阅、报市督查科：略）")
	c, err = journal.Play(ctx, svc, clk, c.ID, true, []journal.Step{
		{At: at(10, 9, 10, 0), Actor: cityClerk, Step: caseflow.CityDecision{Upheld: false, Reference: "柳政监管复〔2026〕21号",
			Reason: "窗口未一次性告知所缺材料"}},
	})
	if err != nil {
		return err
	}
	fmt.Printf("认定：%s（申诉不成立），待窗口重新召开专题分析会并报送调查整改报告；10月10日（周六）调休上班，计入工作日\n", c.Finding.Verdict.Label())
	return nil
}

// receive opens a case at t for a bad review of the tax window rated five minutes earlier.
func receive(ctx context.Context, svc *caseflow.Service, clk *journal.Clock, matter string, t time.Time) (*caseflow.Case, error) {
	rated := t.Add(-5 * time.Minute)
	r := haochaping.Review{
		ID: matter + "#1#" + rated.Format("20060102T150405"), MatterNumber: matter, ServiceItem: "个人所得税申报",
		Level: haochaping.Dissatisfied, Channel: haochaping.ChannelQRCode, Time: rated,
		Window: taxWindow.ID, Department: "国家税务总局融安县税务局", Staff: "李四", AreaCode: "450224",
		Reviewer: haochaping.Reviewer{Name: "张三丰", Gender: haochaping.Male, Phone: "13812345678", Kind: haochaping.NaturalPerson},
	}
	clk.T = t
	c, _, err := svc.Receive(ctx, r)
	if err != nil {
		return nil, fmt.Errorf("receive: %w", err)
	}
	fmt.Println(c) // String masks the reviewer
	return c, journal.Show(svc, c)
}

// at returns a time in 2026, Beijing time.
func at(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, haochaping.Location())
}
