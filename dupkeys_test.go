package haochaping_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

// Regression (issue 10): with a key given twice the last value won, so a 不满意 followed by
// a 非常满意 opened no case. Such a push is refused, naming the key, at the top and nested,
// also when one copy of the key is written with escapes.
func TestDecodePushedRefusesDuplicateKeys(t *testing.T) {
	const base = `"projectNo":"P","assessNumber":1,"pf":4,"assessTime":"2026-11-20 10:15:00"`
	for body, field := range map[string]string{
		`{` + base + `,"satisfaction":2,"satisfaction":5}`:                                          "satisfaction",
		`{` + base + `,"satisfaction":2,"\u0073atisfaction":5}`:                                     "satisfaction",
		`{` + base + `,"satisfaction":2,"extra":{"a":1,"b":{},"a":2}}`:                              "extra.a",
		`{` + base + `,"satisfaction":2,"list":[{"k":1},{"k":2,"k":3}]}`:                            "list.k",
		`{"projectNo":"P",` + base[len(`"projectNo":"P",`):] + `,"projectNo":"Q","satisfaction":2}`: "projectNo",
	} {
		_, err := hcp.DecodePushed([]byte(body), hcp.NationalPush())
		require.ErrorIs(t, err, hcp.ErrDuplicateKey, body)
		var fe *hcp.FieldError
		require.ErrorAs(t, err, &fe, body)
		assert.Equal(t, field, fe.Field, body)
	}
	r, err := hcp.DecodePushed([]byte(`{`+base+`,"satisfaction":2,"a":{"satisfaction":5},"b":[{"k":1},{"k":2}]}`), hcp.NationalPush())
	require.NoError(t, err, "one key in different objects is no duplicate")
	assert.Equal(t, hcp.Dissatisfied, r.Level)
}
