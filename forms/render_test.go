package forms_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/forms"
	"github.com/haochaping/haochaping/internal/rendertest"
)

// fields returns the texts of d that a reader must find on paper: the parts (between
// spaces) of every heading, paragraph and cell line, without punctuation (the lines left for
// hand-writing among it).
func fields(d *forms.Document) []string {
	var out []string
	add := func(s string) {
		for _, part := range strings.FieldsFunc(s, unicode.IsSpace) {
			if part = rendertest.Plain(part); part != "" {
				out = append(out, part)
			}
		}
	}
	add(d.Title)
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *forms.Heading:
			add(b.Text)
		case *forms.Paragraph:
			add(b.Text)
		case *forms.Table:
			for _, row := range b.Rows {
				for _, c := range row.Cells {
					for _, l := range c.Lines {
						add(l)
					}
				}
			}
		}
	}
	return out
}

// TestRealRenderersOpenEveryDocument converts every document of every example case to PDF,
// the .docx with LibreOffice and the HTML with Chromium, and reads each PDF back: A4 pages,
// every filled field found, and the registration form (Annex 4) on one page.
func TestRealRenderersOpenEveryDocument(t *testing.T) {
	rendertest.Tool(t, "soffice")
	rendertest.Tool(t, "chromium")
	rendertest.Tool(t, "pdftotext")
	dir, out := t.TempDir(), t.TempDir()
	docs := map[string]*forms.Document{}
	for _, ex := range exampleCases(t) {
		for _, d := range ex.documents(t) {
			name := ex.name + "-" + d.Name
			docs[name] = d
			var docx, html bytes.Buffer
			require.NoError(t, forms.DOCX(&docx, d, forms.DefaultStyle()))
			require.NoError(t, forms.HTML(&html, d, forms.DefaultStyle()))
			require.NoError(t, os.WriteFile(filepath.Join(dir, name+".docx"), docx.Bytes(), 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(dir, name+".html"), html.Bytes(), 0o644))
		}
	}
	// LibreOffice converts every .docx in one run; Chromium prints one page per run and
	// spends its time waiting (on D-Bus, among others), so the pages print side by side.
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	docx, err := filepath.Glob(filepath.Join(dir, "*.docx"))
	require.NoError(t, err)
	wg.Go(func() { assert.NoError(t, rendertest.Office(t, out, docx...)) })
	for name := range docs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			assert.NoError(t, rendertest.HTML(t, filepath.Join(dir, name+".html"), filepath.Join(out, name+".html.pdf")))
		})
	}
	wg.Wait()
	for name, d := range docs {
		for _, format := range []string{"docx", "html"} {
			t.Run(name+"."+format, func(t *testing.T) {
				pdf := filepath.Join(out, name+".pdf")
				if format == "html" {
					pdf = filepath.Join(out, name+".html.pdf")
				}
				r := rendertest.Read(t, pdf)
				assert.Contains(t, r.Size, "A4", "%s: pages are A4 (%s)", r.Name, r.Size)
				got := rendertest.Plain(r.Text)
				for _, f := range fields(d) {
					assert.True(t, rendertest.Shown(got, f), "%s: the PDF shows %q", r.Name, f)
				}
				if d.Name == "registration" {
					assert.Equal(t, 1, r.Pages, "%s: the registration form (Annex 4) fits on one page", r.Name)
				}
			})
		}
	}
	if dst := os.Getenv("HAOCHAPING_RENDER_DIR"); dst != "" { // keep the PDFs to look at
		require.NoError(t, os.CopyFS(dst, os.DirFS(out)), fmt.Sprintf("copying to %s", dst))
	}
}
