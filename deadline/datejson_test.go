package deadline_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/deadline"
)

func TestDateJSON(t *testing.T) {
	d := deadline.Date{Year: 2026, Month: 12, Day: 10}
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `"2026-12-10"`, string(b))
	for _, in := range []string{`"2026-12-10"`, `{"Year":2026,"Month":12,"Day":10}`} {
		var got deadline.Date
		require.NoError(t, json.Unmarshal([]byte(in), &got), in)
		assert.Equal(t, d, got, "the text form and the object form of stored trails")
	}
	var zero deadline.Date
	b, _ = json.Marshal(zero)
	assert.JSONEq(t, `""`, string(b))
	require.NoError(t, json.Unmarshal(b, &zero))
	for _, bad := range []string{`"2026-02-30"`, `"12/10/2026"`, `{"Year":2026,"Month":2,"Day":30}`, `3`, `{"Year":"x"}`} {
		var got deadline.Date
		err := json.Unmarshal([]byte(bad), &got)
		require.Error(t, err, bad)
		assert.Contains(t, err.Error(), "deadline: ", bad)
	}
}

func FuzzDateJSON(f *testing.F) {
	f.Add(`"2026-12-10"`)
	f.Add(`{"Year":2026,"Month":12,"Day":10}`)
	f.Fuzz(func(t *testing.T, s string) {
		var d deadline.Date
		if json.Unmarshal([]byte(s), &d) != nil {
			return
		}
		b, err := json.Marshal(d)
		require.NoError(t, err)
		var back deadline.Date
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, d, back, "a date read writes back the same")
	})
}
