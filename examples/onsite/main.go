// Command onsite shows a complaint made on site (现场投诉, 第四条, Annex 2) at a township
// centre. There the township centre's own leader in charge (单位分管领导) coordinates the
// handling (第四条（二）): records the complaint, registers it, determines the responsible
// window, transfers it, and signs the window's rectification report, due within 2 working
// days; the county office then reports to its leader in charge, calls the complainant back
// and archives the case. The complaint is made the day before the Mid-Autumn holiday, so
// the report falls due after it. The program also shows two refused steps: the county office
// registering the township's complaint, and the leader of another township.
//
//	go run ./examples/onsite
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// The township centre, its window complained of, and the people who take the steps.
var (
	township = haochaping.Unit{ID: "dajiang", Name: "大将镇政务服务中心", Kind: haochaping.TownshipCenter}
	window   = &haochaping.Window{ID: "w-dj-social", Name: "大将镇社保窗口", Kind: haochaping.BusinessWindow, Unit: "dajiang"}

	clerk       = caseflow.Actor{ID: "u-office-1", Name: "王五", Role: caseflow.RoleOffice}
	djLeader    = caseflow.Actor{ID: "u-dj-leader", Name: "韦九", Role: caseflow.RoleUnitLeader, Unit: township.ID}
	otherLeader = caseflow.Actor{ID: "u-ca-leader", Name: "覃二", Role: caseflow.RoleUnitLeader, Unit: "chang-an"}
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "onsite:", err)
		os.Exit(1)
	}
}

func run() error {
	ctx := context.Background()
	clk := &clock{t: at(9, 24, 10, 10)}
	svc := caseflow.NewService(caseflow.NewMemoryStore())
	svc.Calendar, svc.Now = deadline.China(), clk.Now
	svc.NewID = func(_ caseflow.Kind, received time.Time) string { return "OS-" + received.Format("20060102") + "-0001" }

	c, _, err := svc.Complain(ctx, djLeader, caseflow.Complaint{
		ID:          "dajiang-2026-0924-01",
		Complainant: haochaping.Reviewer{Name: "陆春梅", Gender: haochaping.Female, Phone: "13907721234"},
		Time:        at(9, 24, 10, 5),
		Content:     "社保窗口工作人员推诿，让我去县城办理",
		Unit:        township, Window: "社保窗口", ServiceItem: "城乡居民养老保险参保登记",
	})
	if err != nil {
		return fmt.Errorf("complain: %w", err)
	}
	fmt.Println(c) // String masks the complainant
	if err := show(svc, c); err != nil {
		return err
	}

	// Refused: at a township centre the county office does not register (第四条（二）), nor
	// does another township's leader. The case is unchanged.
	for _, a := range []caseflow.Actor{clerk, otherLeader} {
		clk.t = clk.t.Add(time.Minute)
		_, err := svc.Take(ctx, c.ID, caseflow.Action{Actor: a, Step: caseflow.Registration{}})
		var refusal *caseflow.RefusalError
		if !errors.As(err, &refusal) {
			return fmt.Errorf("%s registering: want a refusal, got %v", a.ID, err)
		}
		fmt.Printf("%s  拒绝 %s：%s\n", stamp(clk.t), a, err)
	}

	for _, s := range []struct {
		at    time.Time
		actor caseflow.Actor
		step  caseflow.Step
	}{
		{at(9, 24, 10, 20), djLeader, caseflow.Registration{Content: "投诉社保窗口推诿"}},
		{at(9, 24, 10, 30), djLeader, caseflow.Assignment{Window: window, Basis: "投诉人指认社保窗口"}},
		{at(9, 24, 10, 40), djLeader, caseflow.Transfer{}},
		{at(9, 29, 16, 0), djLeader, caseflow.Report{Investigator: "韦九", Subject: "黄五",
			Investigation: []string{"该事项可在镇中心办理，工作人员对新系统不熟而推诿"},
			Measures:      []string{"当日为投诉人办结参保登记", "组织窗口人员学习新系统"},
			Finding:       caseflow.Finding{Cause: haochaping.Attitude, ResponsiblePerson: "黄五"}}},
		{at(9, 30, 9, 30), clerk, caseflow.LeaderReport{Summary: "大将镇社保窗口推诿，已办结并整改"}},
		{at(9, 30, 10, 30), clerk, caseflow.Recall{Outcome: "投诉人对处理结果满意", Satisfied: true}},
		{at(9, 30, 11, 0), clerk, caseflow.Archive{}},
	} {
		clk.t = s.at
		if c, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: s.actor, Step: s.step}); err != nil {
			return err
		}
		if err := show(svc, c); err != nil {
			return err
		}
	}

	f := c.Finding
	fmt.Printf("认定（第十条）：%s，原因 %s，责任人 %s，对窗口责任人绩效扣分（Accountable = %s）\n",
		f.Verdict.Label(), f.Cause, f.ResponsiblePerson, f.Accountable())
	for _, d := range c.Duties {
		due, done := "不计时", map[bool]string{true: "按时完成", false: "超期完成"}[d.OnTime]
		if d.Timed {
			due = "截止 " + stamp(d.Deadline.Due)
		}
		fmt.Printf("时限 %s %s：%s，%s %s\n", d.Kind.Rule(), d.Label(), due, stamp(c.ClosedAt(d)), done)
	}
	if err := caseflow.Verify(c.Trail); err != nil {
		return err
	}
	fmt.Printf("审计链：%d 条记录校验通过，末条哈希 %s\n", len(c.Trail), c.Trail[len(c.Trail)-1].Hash)
	return nil
}

// show prints the case's last step and its open duties.
func show(svc *caseflow.Service, c *caseflow.Case) error {
	e := c.Trail[len(c.Trail)-1]
	fmt.Printf("%s  %s —— %s；%s\n", stamp(e.Time), stepLabel(c, e), e.Actor.Role.Label(), c.Workflow().Label(e.To))
	open, err := svc.Duties(c)
	if err != nil {
		return err
	}
	for _, d := range open {
		owner := d.Duty.Owner.Label()
		if d.Duty.Unit != "" {
			owner += "（" + d.Duty.Unit + "）"
		}
		due := "不计时"
		if d.Duty.Timed {
			due = fmt.Sprintf("%s，%s 前，%s", d.Duty.Deadline.Rule, stamp(d.Duty.Deadline.Due), d.Status.State)
		}
		fmt.Printf("      待办 %s %s：%s，%s\n", d.Duty.Kind.Rule(), owner, d.Duty.Label(), due)
	}
	return nil
}

// stepLabel returns the Chinese label of trail entry e's step.
func stepLabel(c *caseflow.Case, e *caseflow.Entry) string {
	if def, ok := c.Workflow().Step(e.Event, e.From); ok {
		return def.Label
	}
	for _, def := range c.Workflow().Steps { // the intake: its entry has no From state
		if def.Event == e.Event {
			return def.Label
		}
	}
	return string(e.Event)
}

// clock is the service's clock; it stands still between steps.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time { return c.t }

// at returns a time in 2026, Beijing time.
func at(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, haochaping.Location())
}

var weekdays = [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// stamp writes t as "2026-09-24 周四 10:10", and a due time of midnight as 24:00 of the day
// before, as people read it.
func stamp(t time.Time) string {
	t = t.In(haochaping.Location())
	hm := t.Format("15:04")
	if hm == "00:00" {
		t, hm = t.Add(-time.Minute), "24:00"
	}
	return t.Format("2006-01-02 ") + weekdays[t.Weekday()] + " " + hm
}
