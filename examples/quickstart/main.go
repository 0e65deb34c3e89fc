// Command quickstart shows a vendor a bad review pushed by the rating system (好差评系统)
// handled from push to archive (第五条 to 第八条, Annex 3). It decodes the pushed record,
// validates it, prints and logs it with the reviewer's personal data masked, then takes the
// case through package caseflow on a fixed clock: after each step it prints who took it and
// the open duties with their deadlines; at the end the finding that performance appraisal
// reads (第十条), whether each duty was done on time, and the verified audit trail.
//
//	go run ./examples/quickstart               # the sample record below
//	go run ./examples/quickstart record.json   # a record of your own
package main

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
	"github.com/haochaping/haochaping/examples/internal/journal"
)

// pushed is a bad review as the national push interface sends it: interface level codes
// (2 = 不满意), common pf codes (4 = 现场评价仪), national option codes (测评内容: 208 没有
// 提供材料清单, 213 窗口人员业务不熟练), and the reviewer's phone and ID number encrypted.
const pushed = `{
  "projectNo": "450224-2026-000123", "taskCode": "11450224MB1234567X", "taskName": "不动产登记（转移登记）",
  "proDepart": "融安县自然资源局", "proManager": "李四",
  "pf": "4", "satisfaction": "2", "evalDetail": "208,213", "writingEvaluation": "材料要跑两次才收齐",
  "assessTime": "2026-11-20 10:15:00", "assessNumber": 1,
  "userName": "张三丰", "userProp": 1, "areaCode": "450224",
  "mobile": "ZGVtbzoxMzgxMjM0NTY3OA==", "certKeyGOV": "ZGVtbzo0NTAyMjQxOTkwMDEwMTEyMzU="
}`

// demoDecrypter stands in for the platform's cipher. The platforms push the phone and the ID
// number encrypted, often with SM4 under a key they give the county; a portal puts its
// decryption here. This one only reads the demo's base64 with a "demo:" prefix.
var demoDecrypter = haochaping.DecryptFunc(func(field, value string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(value)
	plain, ok := strings.CutPrefix(string(b), "demo:")
	if err != nil || !ok {
		return "", errors.New("not the demo's cipher text")
	}
	return plain, nil
})

// The county's organisations (第四条, 第五条): a portal loads them from its own records. Each
// has one ID and a parent; the window of the case sits in the real-estate sub-centre, under
// the natural-resources bureau stationed there.
var orgs = []haochaping.Org{
	{ID: "center", Name: "融安县政务服务中心", Kind: haochaping.OrgCountyCenter},
	{ID: "real-estate", Name: "融安县不动产登记分中心", Kind: haochaping.OrgRealEstateSubCenter, Parent: "center"},
	{ID: "natural-resources", Name: "融安县自然资源局", Kind: haochaping.OrgDepartment, Parent: "real-estate"},
	{ID: "w-bdc", Name: "不动产登记窗口", Kind: haochaping.OrgWindow, Parent: "natural-resources"},
}

// The people who take the steps; window staff and heads act for their window (Actor.Org).
var (
	clerk  = caseflow.Actor{ID: "u-office-1", Name: "王五", Role: caseflow.RoleOffice}
	leader = caseflow.Actor{ID: "u-leader-1", Name: "赵六", Role: caseflow.RoleLeader}
	staff  = caseflow.Actor{ID: "u-bdc-1", Name: "钱七", Role: caseflow.RoleWindowStaff, Org: "w-bdc"}
	head   = caseflow.Actor{ID: "u-bdc-head", Name: "孙八", Role: caseflow.RoleWindowHead, Org: "w-bdc"}
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	body := []byte(pushed)
	if len(args) > 0 {
		b, err := os.ReadFile(args[0])
		if err != nil {
			return err
		}
		body = b
	}
	format := haochaping.NationalPush()
	format.Decrypter = demoDecrypter
	r, err := haochaping.DecodePushed(body, format)
	if err != nil {
		fmt.Println(caseflow.Message(err))
		return fmt.Errorf("decode: %w", err)
	}
	if err := r.Validate(); err != nil {
		fmt.Println(caseflow.Message(err)) // for the clerk; the error, in English, for the log
		return fmt.Errorf("validate: %w", err)
	}
	points, err := haochaping.GuangxiPoints().Of(r.Level)
	if err != nil {
		return err
	}
	fmt.Println("评价：", r) // String masks the reviewer
	fmt.Printf("方式：%s；差评：%s；分值：%d\n", r.Mode().Label(), map[bool]string{true: "是", false: "否"}[r.IsBad()], points)
	for _, o := range r.Options {
		fmt.Printf("测评内容：%s（%s）\n", o, o.Level.Label())
	}
	// The crosswalk turns the national codes into Annex 1's: the reviewer's complaint, which
	// pre-fills the cause the window proposes. The deduction follows the finding (第十条).
	fmt.Println("附件1归类：", r.Classification.Label())
	for _, o := range r.Classification.Conflicts {
		fmt.Printf("注意：选项 %s 与评价等级%s不符\n", o, r.Level.Label())
	}
	log := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: dropTime}))
	log.Info("pushed review", "review", r) // LogValue masks the reviewer
	if !r.IsBad() {
		fmt.Println("不是差评，不立案（第二条）")
		return nil
	}

	// The office receives the review a minute after the rating (a portal uses time.Now at the
	// push); every later step is dated on the clock below, so that the output stays the same.
	received := r.Time.Add(time.Minute)
	cal := deadline.China()
	if _, err := cal.AddWorkdays(received, 10); errors.Is(err, deadline.ErrNotCovered) {
		cal = caseflow.DefaultCalendar() // past the last official notice: provisional deadlines
	}
	now := received        // the service's clock: it stands still between steps
	keys := journal.Keys() // the county's key: the trail is chained with HMAC-SHA-256 under it
	svc := caseflow.NewService(caseflow.NewMemoryStoreWithKeys(keys))
	svc.Keys = keys
	svc.Calendar, svc.Now = cal, func() time.Time { return now }
	svc.NewID = func(_ caseflow.Kind, at time.Time) string { return "SP-" + at.Format("20060102") + "-0001" } // not random

	chart, err := haochaping.NewOrgChart(orgs...)
	if err != nil {
		return fmt.Errorf("organisations: %w", err)
	}
	window, err := chart.Window("w-bdc") // a department window of the real-estate sub-centre
	if err != nil {
		return err
	}

	ctx := context.Background()
	c, _, err := svc.Receive(ctx, r)
	if err != nil {
		return fmt.Errorf("receive: %w", err)
	}
	fmt.Printf("\n立案：%s %s\n", c.ID, c.Kind.Label())
	for _, cause := range c.SuggestedCauses(svc.Crosswalk) { // a portal pre-fills the window's report with these
		fmt.Printf("评价人反映（预填原因）：%s\n", cause.Label())
	}
	if err := journal.Show(svc, c); err != nil {
		return err
	}
	for _, s := range []struct {
		day, hour, minute int // working days after receipt (0: the day of receipt), time of day
		actor             caseflow.Actor
		step              caseflow.Step
	}{
		{0, 10, 30, clerk, caseflow.Registration{ResponsibleWindow: &window, ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}},
		{0, 11, 0, clerk, caseflow.FollowUp{Outcome: "评价人称补交材料时才被告知还缺一份", Materials: []string{"评价器视频", "通话录音"}, Reason: "未一次性告知所需材料", Verdict: caseflow.VerdictJustified}},
		{0, 11, 20, clerk, caseflow.Transfer{}},
		{0, 15, 0, staff, caseflow.Meeting{ResponsiblePerson: "李四", Measures: []string{"制作转移登记一次性告知单", "收件时逐项核对材料清单"}}},
		{1, 16, 0, head, caseflow.Report{Investigator: "孙八", Subject: "李四",
			Investigation: []string{"调取窗口录像，收件时未告知需补交完税证明"}, Measures: []string{"一次性告知单已上墙", "窗口负责人每日抽查收件"},
			Finding: caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: "李四"}}}}},
		{2, 10, 0, clerk, caseflow.OfficeVerification{Result: "告知单已上墙，抽查三件均已一次性告知"}},
		{3, 16, 0, leader, caseflow.LeaderReview{Opinion: "同意，报市督查科"}},
		{4, 9, 30, clerk, caseflow.ResultFollowUp{Outcome: "评价人对整改结果表示满意", Satisfied: true}},
		{4, 10, 30, clerk, caseflow.CitySubmission{Reference: "融政监管报〔2026〕12号"}},
		{4, 15, 0, clerk, caseflow.Archive{}},
	} {
		t, err := day(cal, received, s.day, s.hour, s.minute)
		if err != nil {
			return err
		}
		if !t.After(now) {
			t = now.Add(time.Minute) // never before the last step
		}
		now = t
		if c, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: s.actor, Step: s.step}); err != nil {
			return err // a *caseflow.RefusalError says which rule refused the step
		}
		if err := journal.Show(svc, c); err != nil {
			return err
		}
	}

	fmt.Printf("\n结案：%s [%s]\n", c.ID, c.StateLabel())
	log.Info("case archived", "case", c)
	f := c.Finding
	fmt.Printf("评价人反映（附件1）：%s\n", c.Review.Classification.Label())
	fmt.Printf("调查认定（第十条）：%s，%s\n", f.Label(), accountable[f.Accountable()])
	journal.Closed(svc, c)
	if err := journal.Audit(ctx, svc, c.ID); err != nil {
		return err
	}
	return nil
}

// accountable says in Chinese what 第十条 does with a finding.
var accountable = map[caseflow.Accountable]string{
	caseflow.AccountablePerson:          "对窗口责任人绩效扣分",
	caseflow.AccountableWindow:          "对业务窗口绩效扣分",
	caseflow.AccountablePersonAndWindow: "对窗口责任人和业务窗口绩效扣分",
	caseflow.AccountableNone:            "不扣分",
}

// day returns hour:minute on the n-th working day after the day of receipt, or for n = 0 on
// the day the same-day duties fall due (the next working day for a review received on a day
// off).
func day(cal *deadline.Calendar, received time.Time, n, hour, minute int) (time.Time, error) {
	d, err := cal.AddWorkdays(received, n)
	if n == 0 {
		d, err = cal.Due(received, deadline.SameDay())
		d = d.Add(-24 * time.Hour) // due at 24:00: back to 00:00 of that day
	}
	if err != nil && !errors.Is(err, deadline.ErrProvisional) {
		return time.Time{}, err
	}
	return d.Add(time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute), nil
}

// dropTime removes the wall-clock time from log records, so that the output stays the same.
func dropTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey && len(groups) == 0 {
		return slog.Attr{}
	}
	return a
}
