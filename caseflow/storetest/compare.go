package storetest

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

// sameCase requires got to encode as want does in the storage codec.
func sameCase(t *testing.T, want, got *caseflow.Case, msgAndArgs ...any) {
	t.Helper()
	unchanged(t, encode(t, want), got, msgAndArgs...)
}

// unchanged requires got to encode as want in the storage codec.
func unchanged(t *testing.T, want []byte, got *caseflow.Case, msgAndArgs ...any) {
	t.Helper()
	require.NotNil(t, got, msgAndArgs...)
	require.JSONEq(t, string(want), string(encode(t, got)), msgAndArgs...)
}

// encode returns the storage encoding of c ([caseflow.StoredCase]): every value in full.
func encode(t *testing.T, c *caseflow.Case) []byte {
	t.Helper()
	b, err := json.Marshal((*caseflow.StoredCase)(c))
	require.NoError(t, err, "case %s cannot be encoded in JSON, so it cannot be compared, nor kept by a store that encodes it", c.ID)
	return b
}

func cases(cs ...*caseflow.Case) []*caseflow.Case { return cs }

// ids returns the IDs of cs, never nil.
func ids(cs []*caseflow.Case) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

// notes returns the notes of a trail's entries.
func notes(trail []*caseflow.Entry) []string {
	out := make([]string, len(trail))
	for i, e := range trail {
		out[i] = e.Note
	}
	return out
}
