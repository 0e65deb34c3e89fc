package haochaping_test

import (
	"testing"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/ledgertest"
)

func TestMemoryLedgerConformance(t *testing.T) {
	ledgertest.Run(t, func(t *testing.T) haochaping.Ledger { return haochaping.NewMemoryLedger() })
}
