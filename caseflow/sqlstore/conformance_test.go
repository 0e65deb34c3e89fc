package sqlstore_test

import (
	"testing"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/storetest"
)

// TestConformance runs the store's conformance suite on every database.
func TestConformance(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			storetest.Run(t, func(t *testing.T, keys *caseflow.Keyring) caseflow.Store {
				return open(t, d, keys)
			})
		})
	}
}
