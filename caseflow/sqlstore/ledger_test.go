package sqlstore_test

import (
	"testing"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/ledgertest"
)

// TestLedgerConformance runs the ledger's conformance suite on every database.
func TestLedgerConformance(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			ledgertest.Run(t, func(t *testing.T) haochaping.Ledger { return open(t, d, nil) })
		})
	}
}
