package caseflow_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

// The storage codec reads anything without panicking, and a case it reads encodes back to a
// form it reads to the same encoding.
func FuzzStoredCase(f *testing.F) {
	_, c := archivedCase(f)
	b, err := json.Marshal((*caseflow.StoredCase)(c))
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"id":"x","trail":[{"seq":1,"event":"receive","step":{"case":"x"},"salt":"AAAA"}]}`))
	f.Add([]byte(`{"review":{"reviewer":{"phone":"138****5678"}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var c caseflow.Case
		if err := json.Unmarshal(b, (*caseflow.StoredCase)(&c)); err != nil {
			return
		}
		_, _ = c.Digest()
		out, err := json.Marshal((*caseflow.StoredCase)(&c))
		if err != nil {
			return // content the library never writes (an unknown level, say) need not encode
		}
		var again caseflow.Case
		require.NoError(t, json.Unmarshal(out, (*caseflow.StoredCase)(&again)), "%s", out)
		out2, err := json.Marshal((*caseflow.StoredCase)(&again))
		require.NoError(t, err)
		require.JSONEq(t, string(out), string(out2))
	})
}
