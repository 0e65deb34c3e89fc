// Command unreachable shows a pushed bad review whose reviewer cannot be reached after the
// rectification (第八条 wants the window to ensure the reviewer is satisfied, and says nothing
// of a reviewer who never answers). The window rectifies and reports, the office verifies,
// the leader reviews; then the office calls the reviewer back three times without an answer,
// recording each attempt. A proposal to close before the policy's three attempts is refused;
// after them the office proposes closing as 无法联系, the leader in charge approves, the report
// goes to the city within its limit (the earlier of 第七条 and Annex 3) and the case is
// archived, marked as closed without a satisfied reviewer so that statistics can tell it
// apart. A second case shows an anonymous review: nobody to call, so the office investigates
// the matter itself the same day (第六条 调查了解办件详情).
//
//	go run ./examples/unreachable
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/examples/internal/journal"
)

// The people who take the steps, and the window the case is transferred to.
var (
	clerk  = caseflow.Actor{ID: "u-office-1", Name: "王五", Role: caseflow.RoleOffice}
	leader = caseflow.Actor{ID: "u-leader-1", Name: "赵六", Role: caseflow.RoleLeader}
	staff  = caseflow.Actor{ID: "u-social-1", Name: "钱七", Role: caseflow.RoleWindowStaff, Org: "w-social"}
	head   = caseflow.Actor{ID: "u-social-head", Name: "孙八", Role: caseflow.RoleWindowHead, Org: "w-social"}
	window = &haochaping.Window{ID: "w-social", Name: "社保窗口", Kind: haochaping.BusinessWindow, Center: "center"}
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "unreachable:", err)
		os.Exit(1)
	}
}

func run() error {
	ctx := context.Background()
	clk := &journal.Clock{}
	svc := journal.Service(clk)
	reported := caseflow.Registration{ResponsibleWindow: window,
		ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}} // 第五条: both, the same day

	fmt.Println("一、评价人无法联系，经分管领导批准结案")
	c, err := receive(ctx, svc, clk, "450224-2026-000912", at(11, 16, 9, 5), false)
	if err != nil {
		return err
	}
	noAnswer := caseflow.ContactAttempt{Channel: "电话", Result: caseflow.ContactNoAnswer}
	if c, err = journal.Play(ctx, svc, clk, c.ID, true, []journal.Step{
		{At: at(11, 16, 9, 30), Actor: clerk, Step: reported},
		{At: at(11, 16, 10, 0), Actor: clerk, Step: caseflow.FollowUp{Outcome: "评价人反映社保卡补办要跑两次",
			Reason: "未一次性告知需带户口本", Materials: []string{"评价器视频", "回访录音"}, Verdict: caseflow.VerdictJustified}},
		{At: at(11, 16, 10, 20), Actor: clerk, Step: caseflow.Transfer{}},
		{At: at(11, 16, 15, 0), Actor: staff, Step: caseflow.Meeting{ResponsiblePerson: "李四", Measures: []string{"制作一次性告知单"}}},
		{At: at(11, 17, 16, 0), Actor: head, Step: caseflow.Report{Investigator: "孙八", Subject: "李四",
			Investigation: []string{"调取评价器视频，窗口未告知需带户口本，属实"}, Measures: []string{"制作一次性告知单", "窗口人员业务培训"},
			Finding: caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: "李四"}}}}},
		{At: at(11, 18, 10, 0), Actor: clerk, Step: caseflow.OfficeVerification{Result: "一次性告知单已上墙，培训已开展"}},
		{At: at(11, 18, 11, 0), Actor: leader, Step: caseflow.LeaderReview{Opinion: "同意，报市督查科"}},
		{At: at(11, 18, 14, 30), Actor: clerk, Step: noAnswer},
		{At: at(11, 18, 16, 45), Actor: clerk, Step: noAnswer},
	}); err != nil {
		return err
	}

	// Two attempts only: the policy asks for three before the office may propose.
	early := caseflow.ClosureProposal{Reason: caseflow.ClosureUnreachable, Explanation: "两次致电无人接听"}
	clk.T = at(11, 18, 17, 0)
	_, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: clerk, Step: early})
	var refusal *caseflow.RefusalError
	if !errors.As(err, &refusal) {
		return fmt.Errorf("a proposal after two attempts must be refused, got %v", err)
	}
	fmt.Printf("%s  拟结案被拒绝：%s\n", svc.Calendar.FormatTime(clk.T), caseflow.Message(err))

	if c, err = journal.Play(ctx, svc, clk, c.ID, true, []journal.Step{
		{At: at(11, 19, 9, 0), Actor: clerk, Step: caseflow.ContactAttempt{Channel: "短信及电话", Result: caseflow.ContactNoAnswer,
			Note: "短信告知整改结果，请其回电"}},
		{At: at(11, 19, 9, 30), Actor: clerk, Step: caseflow.ClosureProposal{Reason: caseflow.ClosureUnreachable,
			Explanation: "11月18日、19日三次致电无人接听，已短信告知整改结果"}},
		{At: at(11, 19, 10, 0), Actor: leader, Step: caseflow.ClosureDecision{Approved: true, Opinion: "同意按无法联系结案，整改结果已短信告知"}},
		{At: at(11, 19, 11, 0), Actor: clerk, Step: caseflow.CitySubmission{Reference: "融政监管报〔2026〕31号"}},
		{At: at(11, 19, 15, 0), Actor: clerk, Step: caseflow.Archive{}},
	}); err != nil {
		return err
	}
	if !c.ClosedUnsatisfied() {
		return fmt.Errorf("case %s: must be marked closed without a satisfied reviewer", c.ID)
	}
	fmt.Printf("结案方式：经分管领导批准不以评价人满意结案（%s）；领导意见：%s\n", c.Closure.Reason.Label(), c.Closure.Opinion)
	fmt.Printf("认定（第十条）：%s；绩效扣分对象：%s\n", c.Finding.Label(), c.Finding.Accountable().Label())
	journal.Closed(svc, c)
	if err := journal.Audit(ctx, svc, c.ID); err != nil {
		return err
	}

	fmt.Println("\n二、匿名评价：无联系方式，县政管办当日调查了解办件详情")
	if c, err = receive(ctx, svc, clk, "450224-2026-000955", at(11, 20, 16, 40), true); err != nil {
		return err
	}
	if c, err = journal.Play(ctx, svc, clk, c.ID, true, []journal.Step{
		{At: at(11, 20, 16, 50), Actor: clerk, Step: reported},
		{At: at(11, 20, 17, 20), Actor: clerk, Step: caseflow.FollowUp{Outcome: "调阅评价器视频和办件材料：排队叫号系统故障约40分钟",
			Materials: []string{"评价器视频", "叫号系统日志"}, Verdict: caseflow.VerdictJustified}},
	}); err != nil {
		return err
	}
	fmt.Printf("核实方式：%s（评价人匿名，未留联系电话）\n", c.FollowUp.Contact.Label())
	return nil
}

// receive opens a case at t for a bad review of the social-security window rated five
// minutes earlier; an anonymous review leaves no number to call.
func receive(ctx context.Context, svc *caseflow.Service, clk *journal.Clock, matter string, t time.Time, anonymous bool) (*caseflow.Case, error) {
	rated := t.Add(-5 * time.Minute)
	r := haochaping.Review{
		ID: matter + "#1#" + rated.Format("20060102T150405"), MatterNumber: matter, ServiceItem: "社会保障卡补领",
		Level: haochaping.VeryDissatisfied, Channel: haochaping.ChannelDevice, Time: rated,
		Window: window.ID, Staff: "李四", AreaCode: "450224", Anonymous: anonymous,
	}
	if !anonymous {
		r.Reviewer = haochaping.Reviewer{Name: "韦小宝", Gender: haochaping.Male, Phone: "13987654321", Kind: haochaping.NaturalPerson}
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
