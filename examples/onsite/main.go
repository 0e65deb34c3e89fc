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
	"github.com/haochaping/haochaping/examples/internal/journal"
)

// The township centre, its window complained of, and the people who take the steps.
var (
	township = haochaping.Org{ID: "dajiang", Name: "大将镇政务服务中心", Kind: haochaping.OrgTownshipCenter}
	window   = &haochaping.Window{ID: "w-dj-social", Name: "大将镇社保窗口", Kind: haochaping.BusinessWindow, Center: "dajiang"}

	clerk       = caseflow.Actor{ID: "u-office-1", Name: "王五", Role: caseflow.RoleOffice}
	djLeader    = caseflow.Actor{ID: "u-dj-leader", Name: "韦九", Role: caseflow.RoleOrgLeader, Org: township.ID}
	otherLeader = caseflow.Actor{ID: "u-ca-leader", Name: "覃二", Role: caseflow.RoleOrgLeader, Org: "chang-an"}
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "onsite:", err)
		os.Exit(1)
	}
}

func run() error {
	ctx := context.Background()
	clk := &journal.Clock{T: at(9, 24, 10, 10)}
	svc := journal.Service(clk)

	c, _, err := svc.Complain(ctx, djLeader, caseflow.Complaint{
		ID:          "dajiang-2026-0924-01",
		Complainant: haochaping.Reviewer{Name: "陆春梅", Gender: haochaping.Female, Phone: "13907721234"},
		Time:        at(9, 24, 10, 5),
		Content:     "社保窗口工作人员推诿，让我去县城办理",
		Center:      township, Window: "社保窗口", ServiceItem: "城乡居民养老保险参保登记",
	})
	if err != nil {
		return fmt.Errorf("complain: %w", err)
	}
	fmt.Println(c) // String masks the complainant
	if err := journal.Show(svc, c); err != nil {
		return err
	}

	// Refused: at a township centre the county office does not register (第四条（二）), nor
	// does another township's leader. The case is unchanged.
	for _, a := range []caseflow.Actor{clerk, otherLeader} {
		clk.T = clk.T.Add(time.Minute)
		_, err := svc.Take(ctx, c.ID, caseflow.Action{Actor: a, Step: caseflow.Registration{}})
		var refusal *caseflow.RefusalError
		if !errors.As(err, &refusal) {
			return fmt.Errorf("%s registering: want a refusal, got %v", a.ID, err)
		}
		fmt.Printf("%s  拒绝 %s：%s\n", svc.Calendar.FormatTime(clk.T), a, caseflow.Message(err))
	}

	for _, s := range []struct {
		at    time.Time
		actor caseflow.Actor
		step  caseflow.Step
	}{
		{at(9, 24, 10, 20), djLeader, caseflow.Registration{Content: "投诉社保窗口推诿"}},
		{at(9, 24, 10, 30), djLeader, caseflow.Assignment{ResponsibleWindow: window, Basis: "投诉人指认社保窗口"}},
		{at(9, 24, 10, 40), djLeader, caseflow.Transfer{}},
		{at(9, 29, 16, 0), djLeader, caseflow.Report{Investigator: "韦九", Subject: "黄五",
			Investigation: []string{"该事项可在镇中心办理，工作人员对新系统不熟而推诿"},
			Measures:      []string{"当日为投诉人办结参保登记", "组织窗口人员学习新系统"},
			Finding:       caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: "黄五"}}}}},
		{at(9, 30, 9, 30), clerk, caseflow.LeaderReport{Summary: "大将镇社保窗口推诿，已办结并整改"}},
		{at(9, 30, 10, 30), clerk, caseflow.ResultFollowUp{Outcome: "投诉人对处理结果满意", Satisfied: true}},
		{at(9, 30, 11, 0), clerk, caseflow.Archive{}},
	} {
		clk.T = s.at
		if c, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: s.actor, Step: s.step}); err != nil {
			return err
		}
		if err := journal.Show(svc, c); err != nil {
			return err
		}
	}

	f := c.Finding
	fmt.Printf("认定（第十条）：%s；绩效扣分对象：%s\n", f.Label(), f.Accountable().Label())
	journal.Closed(svc, c)
	if err := journal.Audit(ctx, svc, c.ID); err != nil {
		return err
	}
	return nil
}

// at returns a time in 2026, Beijing time.
func at(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, haochaping.Location())
}
