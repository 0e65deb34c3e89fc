package caseflow_test

import (
	"testing"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/storetest"
)

func TestMemoryStoreConformance(t *testing.T) {
	storetest.Run(t, func(_ *testing.T, keys *caseflow.Keyring) caseflow.Store {
		return caseflow.NewMemoryStoreWithKeys(keys)
	})
}
