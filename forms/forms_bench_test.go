package forms_test

import (
	"bytes"
	"testing"

	"github.com/haochaping/haochaping/forms"
)

// BenchmarkCaseDocuments renders every document of an archived case (registration, report,
// callbacks, summary) in every format (text, Markdown, HTML, .docx): what a portal does to
// show or print a case's file.
func BenchmarkCaseDocuments(b *testing.B) {
	var c exampleCase
	for _, ex := range exampleCases(b) {
		if ex.name == "quickstart" {
			c = ex
		}
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		docs, err := forms.ForCase(c.c, forms.DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			for _, render := range renderers {
				buf.Reset()
				if err := render(&buf, d); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}
