// Command forms writes the documents of a bad-review case, as a county office prints and
// files them, to a folder: the registration and transfer form (差评办件转办登记表, Annex 4),
// the investigation and rectification report (Annex 5), the callback record, the case
// summary for the archive (备案) and the day's seal, each as plain text, Markdown,
// print-ready HTML (A4) and .docx for Word and WPS. The case is a pushed bad review taken
// from receipt to archive (第五条 to 第八条); the reviewer's personal data is masked, as in
// a document that leaves the office.
//
//	go run ./examples/forms              # into a new folder under the system's temporary folder
//	go run ./examples/forms -out forms   # into ./forms
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/examples/internal/journal"
	"github.com/haochaping/haochaping/forms"
)

// The people who take the steps, and the window the case is transferred to.
var (
	clerk  = caseflow.Actor{ID: "u-office-1", Name: "王五", Role: caseflow.RoleOffice}
	leader = caseflow.Actor{ID: "u-leader-1", Name: "赵六", Role: caseflow.RoleLeader}
	staff  = caseflow.Actor{ID: "u-tax-1", Name: "钱七", Role: caseflow.RoleWindowStaff, Org: "w-tax"}
	head   = caseflow.Actor{ID: "u-tax-head", Name: "孙八", Role: caseflow.RoleWindowHead, Org: "w-tax"}
	window = &haochaping.Window{ID: "w-tax", Name: "税务窗口", Kind: haochaping.BusinessWindow, Center: "center"}
)

func main() {
	out := flag.String("out", "", "the folder to write to (default: a new folder under the system's temporary folder)")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "forms:", err)
		os.Exit(1)
	}
}

// at returns a time of November 2026 in Beijing time.
func at(day, hour, minute int) time.Time {
	return time.Date(2026, 11, day, hour, minute, 0, 0, haochaping.Location())
}

func run(out string) error {
	if out == "" {
		dir, err := os.MkdirTemp("", "haochaping-forms-")
		if err != nil {
			return err
		}
		out = dir
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	ctx := context.Background()
	clk := &journal.Clock{T: at(23, 9, 0)}
	svc := journal.Service(clk)
	r := haochaping.Review{ID: "450224-2026-000777#1", MatterNumber: "450224-2026-000777", ServiceItem: "个人所得税汇算清缴",
		Level: haochaping.Dissatisfied, Channel: haochaping.ChannelDevice, Time: at(23, 8, 50), Window: window.ID,
		Staff: "李四", AreaCode: "450224", FreeText: "排队一个多小时，电话13987654321打不通",
		Reviewer: haochaping.Reviewer{Name: "韦小宝", Gender: haochaping.Male, Phone: "13987654321", Kind: haochaping.NaturalPerson}}
	c, _, err := svc.Receive(ctx, r)
	if err != nil {
		return err
	}
	if c, err = journal.Play(ctx, svc, clk, c.ID, false, []journal.Step{
		{At: at(23, 9, 30), Actor: clerk, Step: caseflow.Registration{ResponsibleWindow: window,
			ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}},
		{At: at(23, 10, 0), Actor: clerk, Step: caseflow.FollowUp{Outcome: "评价人反映排队时间过长", Reason: "高峰期只开一个窗口",
			Materials: []string{"评价器视频", "回访录音"}, Verdict: caseflow.VerdictJustified}},
		{At: at(23, 10, 20), Actor: clerk, Step: caseflow.Transfer{}},
		{At: at(23, 15, 0), Actor: staff, Step: caseflow.Meeting{ResponsiblePerson: "李四", Measures: []string{"高峰期增开一个窗口"}}},
		{At: at(24, 16, 0), Actor: head, Step: caseflow.Report{Investigator: "孙八", Subject: "李四", SubjectPhone: "13812345678",
			Reception:     []string{"11月23日8时许，评价人到税务窗口办理个人所得税汇算清缴，排队等候一小时有余"},
			Investigation: []string{"调取叫号记录，高峰期等候超过四十分钟", "当日仅开放一个窗口"},
			Measures:      []string{"高峰期增开窗口", "设置咨询引导岗"},
			Finding:       caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionEfficiency, ResponsiblePerson: "李四"}}}}},
		{At: at(25, 10, 0), Actor: clerk, Step: caseflow.OfficeVerification{Result: "已增开窗口，抽查等候时间均在十五分钟内"}},
		{At: at(26, 16, 0), Actor: leader, Step: caseflow.LeaderReview{Opinion: "同意，报市督查科"}},
		{At: at(27, 9, 30), Actor: clerk, Step: caseflow.ResultFollowUp{Outcome: "评价人对整改结果表示满意", Satisfied: true}},
		{At: at(27, 10, 30), Actor: clerk, Step: caseflow.CitySubmission{Reference: "融政监管报〔2026〕15号"}},
		{At: at(27, 15, 0), Actor: clerk, Step: caseflow.Archive{}},
	}); err != nil {
		return err
	}
	docs, err := forms.ForCase(c, forms.DefaultOptions())
	if err != nil {
		return err
	}
	seal, err := svc.Seal(ctx, "2026-11-27")
	if err != nil {
		return err
	}
	page, err := forms.SealPage(seal, forms.DefaultOptions())
	if err != nil {
		return err
	}
	docs = append(docs, page)
	fmt.Printf("案件 %s（%s）的文书已写入 %s：\n", c.ID, c.StateLabel(), out)
	for _, d := range docs {
		for _, f := range formats {
			var b bytes.Buffer
			if err := f.render(&b, d); err != nil {
				return fmt.Errorf("%s.%s: %w", d.Name, f.ext, err)
			}
			name := filepath.Join(out, d.Name+"."+f.ext)
			if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
				return err
			}
		}
		fmt.Printf("  %s.{txt,md,html,docx}  %s\n", d.Name, d.Title)
	}
	return nil
}

// formats are the formats the documents are written in, by file extension.
var formats = []struct {
	ext    string
	render func(*bytes.Buffer, *forms.Document) error
}{
	{"txt", func(b *bytes.Buffer, d *forms.Document) error { return forms.Text(b, d) }},
	{"md", func(b *bytes.Buffer, d *forms.Document) error { return forms.Markdown(b, d) }},
	{"html", func(b *bytes.Buffer, d *forms.Document) error { return forms.HTML(b, d, forms.DefaultStyle()) }},
	{"docx", func(b *bytes.Buffer, d *forms.Document) error { return forms.DOCX(b, d, forms.DefaultStyle()) }},
}
