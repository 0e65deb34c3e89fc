package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/internal/rendertest"
	"github.com/haochaping/haochaping/scoring"
)

// The bulletin opens in real programs: Chromium prints the HTML page, with its SVG charts,
// on A4, and LibreOffice reads the workbook, native charts and all; both show the title,
// every unit and every unit's ratings.
func TestBulletinOpensInChromiumAndLibreOffice(t *testing.T) {
	rendertest.Tool(t, "chromium")
	rendertest.Tool(t, "soffice")
	rendertest.Tool(t, "pdftotext")
	dir, out := t.TempDir(), t.TempDir()
	require.NoError(t, run(dir, 4, 8, "2026-11", "", ""))
	data, err := os.ReadFile(filepath.Join(dir, "通报-2026-11.json"))
	require.NoError(t, err)
	var b scoring.Bulletin
	require.NoError(t, json.Unmarshal(data, &b))
	html, book := filepath.Join(dir, "通报-2026-11.html"), filepath.Join(dir, "通报-2026-11.xlsx")
	var wg sync.WaitGroup
	wg.Go(func() { assert.NoError(t, rendertest.HTML(t, html, filepath.Join(out, "html.pdf"))) })
	wg.Go(func() { assert.NoError(t, rendertest.Office(t, out, book)) })
	wg.Wait()

	units := sectionTable(t, &b, "各单位评价情况")
	for _, pdf := range []string{"html.pdf", "通报-2026-11.pdf"} {
		t.Run(pdf, func(t *testing.T) {
			r := rendertest.Read(t, filepath.Join(out, pdf))
			text := rendertest.Plain(r.Text)
			assert.True(t, rendertest.Shown(text, rendertest.Plain(b.Title)), "the title")
			for _, row := range units.Rows {
				assert.True(t, rendertest.Shown(text, rendertest.Plain(row[1].Text)), "unit %s", row[1].Text)
				assert.Contains(t, text, rendertest.Plain(row[2].Format(scoring.FormatInt)), "ratings of %s", row[1].Text)
			}
			if pdf == "html.pdf" {
				assert.Contains(t, r.Size, "A4")
			}
		})
	}
	if dst := os.Getenv("HAOCHAPING_RENDER_DIR"); dst != "" { // keep the PDFs to look at
		require.NoError(t, os.CopyFS(dst, os.DirFS(out)))
	}
}

// sectionTable returns the table of the section headed heading.
func sectionTable(t *testing.T, b *scoring.Bulletin, heading string) *scoring.Table {
	t.Helper()
	for _, s := range b.Sections {
		if s.Heading == heading {
			return s.Table
		}
	}
	t.Fatalf("no section %s", heading)
	return nil
}
