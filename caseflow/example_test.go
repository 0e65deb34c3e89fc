package caseflow_test

import (
	"context"
	"fmt"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// exampleService returns a service on a memory store whose clock reads now.
func exampleService(now *time.Time) *caseflow.Service {
	svc := caseflow.NewService(caseflow.NewMemoryStore())
	svc.Calendar = deadline.China()
	svc.Now = func() time.Time { return *now }
	svc.NewID = func(caseflow.Kind, time.Time) string { return "SP-1" }
	return svc
}

// A portal opens a case for a pushed bad review, and the office registers it.
func ExampleService_Receive() {
	ctx := context.Background()
	bj := haochaping.Location()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, bj)
	svc := exampleService(&now)

	r := haochaping.Review{ID: "450224-2026-000123#1#20261124T092000", MatterNumber: "450224-2026-000123",
		Level: haochaping.Dissatisfied, Channel: haochaping.ChannelDevice, Time: now.Add(-10 * time.Minute),
		Reviewer: haochaping.Reviewer{Name: "张三丰", Phone: "13812345678"}}
	c, created, err := svc.Receive(ctx, r)
	if err != nil {
		panic(err)
	}
	fmt.Println(created, c.StateLabel())
	_, created, _ = svc.Receive(ctx, r) // the same push again
	fmt.Println(created)

	clerk := caseflow.Actor{ID: "u1", Name: "王五", Role: caseflow.RoleOffice}
	window := &haochaping.Window{ID: "w-tax", Name: "税务窗口", Kind: haochaping.DepartmentWindow, Center: "center", Department: "tax-bureau"}
	now = now.Add(20 * time.Minute)
	c, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: clerk,
		Step: caseflow.Registration{ResponsibleWindow: window, ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}})
	if err != nil {
		panic(err)
	}
	fmt.Println(c.StateLabel())
	ds, _ := svc.Duties(c)
	for _, d := range ds {
		fmt.Println(d.Duty.Label(), d.Duty.Kind.Rule(), d.Duty.Deadline.Due.Format("01-02 15:04"), d.Status.Standing.Label())
	}
	// Output:
	// true 待登记
	// false
	// 已登记，待回访核实
	// 回访评价人 第六条 11-25 00:00 正常
	// 转办责任主体 附件3 11-25 00:00 正常
}

// A step taken by the wrong role is refused, naming the rule; the case is unchanged.
func ExampleService_Take_refused() {
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, haochaping.Location())
	svc := exampleService(&now)
	c, _, err := svc.Receive(ctx, haochaping.Review{ID: "r1", MatterNumber: "m1", Level: haochaping.VeryDissatisfied,
		Channel: haochaping.ChannelQRCode, Time: now.Add(-time.Minute), Anonymous: true})
	if err != nil {
		panic(err)
	}
	head := caseflow.Actor{ID: "u2", Name: "孙八", Role: caseflow.RoleWindowHead, Org: "w-tax"}
	_, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: head, Step: caseflow.Registration{}})
	fmt.Println(err)
	// Output:
	// caseflow: step register in state received: role may not take this step: actor.role "window_head": want office (县政管办) (第五条)
}

// The office's worklist: every duty at risk or overdue, soonest due first.
func ExampleService_AtRisk() {
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, haochaping.Location())
	svc := exampleService(&now)
	_, _, _ = svc.Receive(ctx, haochaping.Review{ID: "r1", MatterNumber: "m1", Level: haochaping.Dissatisfied,
		Channel: haochaping.ChannelDevice, Time: now.Add(-time.Minute), Anonymous: true})
	now = time.Date(2026, 11, 25, 9, 0, 0, 0, haochaping.Location()) // the next morning
	ds, _ := svc.AtRisk(ctx, caseflow.Filter{Open: true})
	for _, d := range ds {
		fmt.Println(d.Case.ID, d.Duty.Label(), d.Duty.Owner.Label(), d.Status.Standing.Label(), d.Status.DaysOverdue)
	}
	// Output:
	// SP-1 填写登记表并报告 县政管办 超期 1
	// SP-1 调查了解办件详情 县政管办 超期 1
	// SP-1 转办责任主体 县政管办 超期 1
}

// A county chains its trails under its own key: Verify says the trail is keyed, any edit
// shows, and a trail cut short no longer reaches the head its store keeps.
func ExampleVerify() {
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, haochaping.Location())
	keys, err := caseflow.NewKeyring("2026-1", map[string][]byte{
		"2026-1": []byte("county secret of 32 bytes or more, kept apart from the database"),
	})
	if err != nil {
		panic(err)
	}
	store := caseflow.NewMemoryStoreWithKeys(keys)
	svc := exampleService(&now)
	svc.Store, svc.Keys = store, keys
	c, _, _ := svc.Receive(ctx, haochaping.Review{ID: "r1", MatterNumber: "m1", Level: haochaping.Dissatisfied,
		Channel: haochaping.ChannelDevice, Time: now.Add(-time.Minute), Anonymous: true})
	c, _ = svc.Take(ctx, c.ID, caseflow.Action{Actor: caseflow.Actor{ID: "u1", Role: caseflow.RoleOffice},
		Step: caseflow.Urge{Message: "请今日登记"}, Note: "电话督促"})

	v, err := caseflow.Verify(c.Trail, keys)
	fmt.Println(v.Entries, v.Keyed, v.KeyIDs, err)

	forged := *c.Trail[1]
	forged.Note = "未督促"
	_, err = caseflow.Verify([]*caseflow.Entry{c.Trail[0], &forged}, keys)
	fmt.Println(err)

	head, _ := store.Head(ctx, c.ID)
	_, err = caseflow.VerifyHead(c.Trail[:1], keys, head)
	fmt.Println(err)
	// Output:
	// 2 true [2026-1] <nil>
	// caseflow: audit trail tampered at entry 2: content does not match its hash
	// caseflow: audit trail tampered at entry 2: the trail ends at entry 1, its head is at 2: entries were removed
}

// After a day ends, the office seals it: one root over the heads of the cases changed that
// day, printed, signed and filed. Later, even someone holding the county's key cannot
// rewrite that day unnoticed: VerifySeal checks a case's trail against the filed root.
func ExampleService_Seal() {
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, haochaping.Location())
	svc := exampleService(&now)
	c, _, _ := svc.Receive(ctx, haochaping.Review{ID: "r1", MatterNumber: "m1", Level: haochaping.Dissatisfied,
		Channel: haochaping.ChannelDevice, Time: now.Add(-time.Minute), Anonymous: true})

	seal, err := svc.Seal(ctx, "2026-11-24")
	if err != nil {
		panic(err)
	}
	proof, _ := seal.Proof(c.ID)
	fmt.Println(len(seal.Leaves), "case sealed on", seal.Day)

	now = now.AddDate(0, 0, 1) // the next day: later steps are allowed
	c, _ = svc.Take(ctx, c.ID, caseflow.Action{Actor: caseflow.Actor{ID: "u1", Role: caseflow.RoleOffice},
		Step: caseflow.Urge{Message: "请今日登记"}})
	fmt.Println(caseflow.VerifySeal(c.Trail, svc.Keys, seal.Root, proof))
	// Output:
	// 1 case sealed on 2026-11-24
	// <nil>
}

// Once a case is closed and its retention period ends, the office erases the reviewer's
// personal data (个人信息保护法 第四十七条). The trail hashed commitments, not the values, so
// it still verifies and the case still rebuilds from it.
func ExampleErasure() {
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, haochaping.Location())
	svc := exampleService(&now)
	office := caseflow.Actor{ID: "u1", Name: "王五", Role: caseflow.RoleOffice}
	c, _, _ := svc.Receive(ctx, haochaping.Review{ID: "r1", MatterNumber: "m1", Level: haochaping.Dissatisfied,
		Channel: haochaping.ChannelDevice, Time: now.Add(-time.Minute),
		Reviewer: haochaping.Reviewer{Name: "张三丰", Phone: "13812345678"}})
	for _, s := range []caseflow.Step{
		caseflow.WithdrawalRequest{Reason: caseflow.WithdrawalDuplicate, DuplicateOf: "SP-0", Detail: "重复推送"},
		caseflow.WithdrawalDecision{Approved: true, Opinion: "同意撤销"},
		caseflow.Erasure{Reason: "误立案件，无需保存"},
	} {
		actor := office
		if _, ok := s.(caseflow.WithdrawalDecision); ok {
			actor = caseflow.Actor{ID: "u2", Name: "赵六", Role: caseflow.RoleLeader}
		}
		var err error
		if c, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: actor, Step: s}); err != nil {
			panic(err)
		}
	}
	fmt.Printf("%s 评价人 %q 电话 %q\n", c.StateLabel(), c.Review.Reviewer.Name, c.Review.Reviewer.Phone)
	report, _ := svc.Audit(ctx, c.ID)
	fmt.Println(report.OK())
	// Output:
	// 误立案件，已撤销 评价人 "" 电话 ""
	// true
}
