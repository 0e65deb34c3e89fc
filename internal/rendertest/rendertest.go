// Package rendertest opens documents in real renderers for tests: LibreOffice converts
// .docx and .xlsx files to PDF, headless Chromium prints HTML to PDF, and poppler reads the
// PDFs back. A test whose renderer is missing skips, and fails under CI=true, where .ci/run
// installs them from Debian's packages (libreoffice-writer-nogui, libreoffice-calc-nogui,
// chromium, poppler-utils, fonts-noto-cjk).
package rendertest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// Tool returns the path of the first of the programs found: it skips t when none is, and
// fails it when CI=true.
func Tool(t testing.TB, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	const debian = "Debian: libreoffice-writer-nogui, libreoffice-calc-nogui, chromium, poppler-utils, fonts-noto-cjk"
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and %s is not installed (%s)", names[0], debian)
	}
	t.Skipf("skipping: %s is not installed (%s)", names[0], debian)
	return ""
}

// Office converts the office files (.docx, .xlsx) to PDF with LibreOffice, in one run, into
// the folder out; each PDF is named after its file. Call [Tool] for "soffice" first, on the
// test's goroutine: Office may run on another, and returns what went wrong.
func Office(t testing.TB, out string, files ...string) error {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return err
	}
	args := append([]string{"-env:UserInstallation=file://" + t.TempDir(), "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", out}, files...)
	if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		return fmt.Errorf("soffice: %w: %s", err, b)
	}
	return nil
}

// HTML prints an HTML file to PDF with headless Chromium, which honours @page. Call [Tool]
// for "chromium" first, on the test's goroutine: HTML may run on another, and returns what
// went wrong.
func HTML(t testing.TB, html, pdf string) error {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(html)
	if err != nil {
		return err
	}
	b, err := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir="+t.TempDir(),
		"--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+abs).CombinedOutput()
	if err != nil {
		return fmt.Errorf("chromium: %w: %s", err, b)
	}
	return nil
}

// PDF is a document as a renderer printed it: its text, as pdftotext reads it, and its
// pages.
type PDF struct {
	Name  string
	Text  string
	Pages int
	Size  string // pdfinfo's page size, e.g. "595.276 x 841.89 pts (A4)"
}

var pagesRe, sizeRe = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`), regexp.MustCompile(`(?m)^Page size:\s+(.*)$`)

// Read reads a PDF's text (pdftotext) and pages (pdfinfo).
func Read(t testing.TB, pdf string) PDF {
	t.Helper()
	text, err := exec.Command(Tool(t, "pdftotext"), pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	info, err := exec.Command(Tool(t, "pdfinfo"), pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	r := PDF{Name: filepath.Base(pdf), Text: string(text)}
	if m := pagesRe.FindSubmatch(info); m != nil {
		r.Pages, _ = strconv.Atoi(string(m[1]))
	}
	if m := sizeRe.FindSubmatch(info); m != nil {
		r.Size = string(m[1])
	}
	return r
}

// Shown reports whether text, a PDF's text squeezed by Plain, shows part: whole, or in at
// most four pieces, each found somewhere, for a renderer wraps a cell's text where it likes
// and a PDF reader may read the wrapped lines of neighbouring cells in between.
func Shown(text, part string) bool {
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

// Plain removes spaces and punctuation from s: pdftotext drops a hyphen that ends a line,
// and LibreOffice hangs a full-width comma in the margin, where pdftotext may lose it.
func Plain(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			return -1
		}
		return r
	}, s)
}
