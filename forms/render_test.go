package forms_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/forms"
)

// tool returns the path of a program the render tests need: it skips the test when the
// program is missing, and fails it when CI=true (.ci/run installs them).
func tool(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and %s is not installed (Debian: libreoffice-writer-nogui, chromium, poppler-utils)", names[0])
	}
	t.Skipf("skipping: %s is not installed (Debian: libreoffice-writer-nogui, chromium, poppler-utils, fonts-noto-cjk)", names[0])
	return ""
}

// rendered is a document rendered by a real renderer: its PDF's text and pages.
type rendered struct {
	name  string
	text  string
	pages int
	size  string // pdfinfo's page size, e.g. "595.276 x 841.89 pts (A4)"
}

// docxToPDF converts every .docx file of dir to PDF with LibreOffice, in one run, into out.
func docxToPDF(t *testing.T, dir, out string) {
	t.Helper()
	soffice := tool(t, "soffice", "libreoffice")
	files, err := filepath.Glob(filepath.Join(dir, "*.docx"))
	require.NoError(t, err)
	args := append([]string{"-env:UserInstallation=file://" + t.TempDir(), "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", out}, files...)
	cmd := exec.Command(soffice, args...)
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, "soffice: %s", b)
}

// htmlToPDF prints an HTML file to PDF with headless Chromium, which honours @page.
func htmlToPDF(t *testing.T, html, pdf string) {
	t.Helper()
	chromium := tool(t, "chromium", "chromium-browser", "google-chrome")
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir="+t.TempDir(),
		"--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+html)
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, "chromium: %s", b)
}

var pagesRe, sizeRe = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`), regexp.MustCompile(`(?m)^Page size:\s+(.*)$`)

// readPDF reads a PDF's text (pdftotext) and pages (pdfinfo).
func readPDF(t *testing.T, pdf string) rendered {
	t.Helper()
	text, err := exec.Command(tool(t, "pdftotext"), pdf, "-").Output()
	require.NoError(t, err, "pdftotext %s", pdf)
	info, err := exec.Command(tool(t, "pdfinfo"), pdf).Output()
	require.NoError(t, err, "pdfinfo %s", pdf)
	r := rendered{name: filepath.Base(pdf), text: string(text)}
	if m := pagesRe.FindSubmatch(info); m != nil {
		r.pages, _ = strconv.Atoi(string(m[1]))
	}
	if m := sizeRe.FindSubmatch(info); m != nil {
		r.size = string(m[1])
	}
	return r
}

// shown reports whether text, a PDF's text squeezed, shows part: whole, or in at most four
// pieces, each found somewhere, for a renderer wraps a cell's text where it likes and a PDF
// reader may read the wrapped lines of neighbouring cells in between.
func shown(text, part string) bool {
	for pieces := 0; part != "" && pieces < 4; pieces++ {
		r := []rune(part)
		n := len(r)
		for n > 0 && !strings.Contains(text, string(r[:n])) {
			n--
		}
		if n == 0 || n < 2 && n < len(r) {
			return false
		}
		part = string(r[n:])
	}
	return part == ""
}

// fields returns the texts of d that a reader must find on paper: the parts (between
// spaces) of every heading, paragraph and cell line, without punctuation (the lines left for
// hand-writing among it).
func fields(d *forms.Document) []string {
	var out []string
	add := func(s string) {
		for _, part := range strings.FieldsFunc(s, unicode.IsSpace) {
			if part = plain(part); part != "" {
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

// plain removes spaces and punctuation from s: pdftotext drops a hyphen that ends a line,
// and LibreOffice hangs a full-width comma in the margin, where pdftotext may lose it.
func plain(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			return -1
		}
		return r
	}, s)
}

// TestRealRenderersOpenEveryDocument converts every document of every example case to PDF,
// the .docx with LibreOffice and the HTML with Chromium, and reads each PDF back: A4 pages,
// every filled field found, and the registration form (Annex 4) on one page.
func TestRealRenderersOpenEveryDocument(t *testing.T) {
	tool(t, "soffice", "libreoffice")
	tool(t, "chromium", "chromium-browser", "google-chrome")
	tool(t, "pdftotext")
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
	wg.Go(func() { docxToPDF(t, dir, out) })
	for name := range docs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			htmlToPDF(t, filepath.Join(dir, name+".html"), filepath.Join(out, name+".html.pdf"))
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
				r := readPDF(t, pdf)
				assert.Contains(t, r.size, "A4", "%s: pages are A4 (%s)", r.name, r.size)
				got := plain(r.text)
				for _, f := range fields(d) {
					assert.True(t, shown(got, f), "%s: the PDF shows %q", r.name, f)
				}
				if d.Name == "registration" {
					assert.Equal(t, 1, r.pages, "%s: the registration form (Annex 4) fits on one page", r.name)
				}
			})
		}
	}
	if dst := os.Getenv("HAOCHAPING_RENDER_DIR"); dst != "" { // keep the PDFs to look at
		require.NoError(t, os.CopyFS(dst, os.DirFS(out)), fmt.Sprintf("copying to %s", dst))
	}
}
