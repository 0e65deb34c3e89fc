package caseflow_test

import (
	"testing"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/storetest"
)

func TestMemoryStoreConformance(t *testing.T) {
	storetest.Run(t, func(*testing.T) caseflow.Store { return caseflow.NewMemoryStore() })
}
