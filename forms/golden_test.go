package forms_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/forms"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite the golden files of every document of the example cases")

// renderers are the formats, by file extension.
var renderers = map[string]func(*bytes.Buffer, *forms.Document) error{
	"txt":  func(b *bytes.Buffer, d *forms.Document) error { return forms.Text(b, d) },
	"md":   func(b *bytes.Buffer, d *forms.Document) error { return forms.Markdown(b, d) },
	"html": func(b *bytes.Buffer, d *forms.Document) error { return forms.HTML(b, d, forms.DefaultStyle()) },
	"docx": func(b *bytes.Buffer, d *forms.Document) error { return forms.DOCX(b, d, forms.DefaultStyle()) },
}

// TestGoldenDocuments renders every document of every example case in every format and
// compares it with its golden file under testdata/golden/<case>/<document>.<format>; run
// with -update-golden to rewrite them after a deliberate change, and read the diff.
func TestGoldenDocuments(t *testing.T) {
	for _, ex := range exampleCases(t) {
		for _, d := range ex.documents(t) {
			for ext, render := range renderers {
				t.Run(ex.name+"/"+d.Name+"."+ext, func(t *testing.T) {
					var b bytes.Buffer
					require.NoError(t, render(&b, d))
					path := filepath.Join("testdata", "golden", ex.name, d.Name+"."+ext)
					if *updateGolden {
						require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
						require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
						return
					}
					want, err := os.ReadFile(path)
					require.NoError(t, err, "no golden file: run go test ./forms -run TestGoldenDocuments -update-golden")
					if ext == "docx" {
						assert.True(t, bytes.Equal(want, b.Bytes()), "%s differs from its golden file", path)
						return
					}
					assert.Equal(t, string(want), b.String(), "%s differs from its golden file", path)
				})
			}
		}
	}
}
