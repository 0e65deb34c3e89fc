package haochaping_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/push")

// goldenFormats are the layouts the golden records are decoded with: the presets, the
// national and Zhejiang ones with a decrypter for their encrypted fields, the list page's
// with the channel its page lists.
func goldenFormats() map[string]hcp.PushFormat {
	formats := hcp.Presets()
	for _, name := range []string{"national", "zhejiang"} {
		f := formats[name]
		f.Decrypter = base64Decrypter
		formats[name] = f
	}
	f := formats["list-page"]
	f.Defaults = map[string]string{"channel": "2"}
	formats["list-page"] = f
	return formats
}

// TestGoldenRecords decodes one good and one bad record of each layout preset and compares
// what it read, the Annex 1 classification included, with its golden file (go test -run
// TestGoldenRecords -update rewrites them).
func TestGoldenRecords(t *testing.T) {
	records, err := filepath.Glob("testdata/push/*.json")
	require.NoError(t, err)
	require.Len(t, records, 8, "a good and a bad record of each of the four layouts")
	formats := goldenFormats()
	for _, path := range records {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		layout := name[:strings.LastIndex(name, "-")]
		t.Run(name, func(t *testing.T) {
			f, ok := formats[layout]
			require.True(t, ok, "layout %s", layout)
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			r, err := hcp.DecodePushed(data, f)
			require.NoError(t, err)
			require.NoError(t, hcp.Validator{Now: clock}.Validate(r))
			assert.Equal(t, strings.HasSuffix(name, "-bad"), r.IsBad())
			got := golden(t, layout, r)
			want := strings.TrimSuffix(path, ".json") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(want, []byte(got), 0o644))
			}
			b, err := os.ReadFile(want)
			require.NoError(t, err)
			assert.Equal(t, string(b), got)
		})
	}
}

// golden renders what a review decoded to: the one-line summary, the classification, and
// the masked JSON.
func golden(t *testing.T, layout string, r hcp.Review) string {
	j, err := json.MarshalIndent(r, "", "  ")
	require.NoError(t, err)
	var b strings.Builder
	fmt.Fprintf(&b, "layout: %s\nbad: %v\ncallable: %v\n", layout, r.IsBad(), r.Callable())
	fmt.Fprintf(&b, "review: %s\n", r)
	label := r.Classification.Label()
	if label == "" {
		label = "— (no bad-review option)"
	}
	fmt.Fprintf(&b, "classification (附件1): %s\n", label)
	for _, o := range r.Classification.Conflicts {
		fmt.Fprintf(&b, "conflict: %s (%s), rated %s\n", o, o.Level.Label(), r.Level.Label())
	}
	fmt.Fprintf(&b, "json: %s\n", j)
	return b.String()
}
