package deadline_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/deadline"
)

// TestStoredCodes pins the text codes that deadlines and duty standings are stored and
// hashed with. A failure means a rename reached a stored string: rename the Go identifier and
// keep the code.
func TestStoredCodes(t *testing.T) {
	for v, want := range map[deadline.Standing]string{deadline.OnTime: "on_time", deadline.AtRisk: "at_risk", deadline.Overdue: "overdue"} {
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
	}
	for want, r := range map[string]deadline.Rule{"none": {}, "same_day": deadline.SameDay(), "workdays:1": deadline.Workdays(1),
		"workdays:4": deadline.Workdays(4), "workdays:250": deadline.Workdays(250)} {
		b, err := r.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
	}
}
