package haochaping_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertJSONRoundTrip checks that each value survives JSON encoding as its text code, and
// that its Chinese label decodes to it too.
func assertJSONRoundTrip[T interface{ Label() string }](t *testing.T, values ...T) {
	t.Helper()
	for _, v := range values {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		var back T
		require.NoError(t, json.Unmarshal(b, &back), "%s", b)
		assert.Equal(t, v, back)
		label, err := json.Marshal(v.Label())
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(label, &back), "label %s", label)
		assert.Equal(t, v, back)
	}
}
