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

	"github.com/haochaping/haochaping/examples/internal/journal"
	"github.com/haochaping/haochaping/forms"
)

func main() {
	out := flag.String("out", "", "the folder to write to (default: a new folder under the system's temporary folder)")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "forms:", err)
		os.Exit(1)
	}
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
	clk := &journal.Clock{T: journal.November(23, 9, 0)}
	svc := journal.Service(clk)
	c, _, err := svc.Receive(ctx, journal.TaxReview())
	if err != nil {
		return err
	}
	if c, err = journal.Play(ctx, svc, clk, c.ID, false, journal.TaxSteps()); err != nil {
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
