package storetest

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

// Run runs the conformance suite on the stores newStore makes. Each subtest calls newStore
// for a fresh, empty store (the List and ScanDuties subtests each query one store from their
// nested subtests, which only read it), with the subtest's t and the keys the store must
// check trails with (the suite's service chains them under the same keys; nil for a subtest
// of unkeyed trails): newStore may fail t, and register the store's clean-up with t.Cleanup.
// A store passes when every subtest does.
//
// The subtests run in parallel (t.Parallel), each on its own store, so newStore must be safe
// to call concurrently, and the stores it makes must not share state that one store's
// subtest could change under another's. Run returns before its parallel subtests finish: an
// adapter must release what its stores share (a database server, a connection pool) with
// t.Cleanup on the t it gives Run, not with a deferred call, which would run before them.
func Run(t *testing.T, newStore func(t *testing.T, keys *caseflow.Keyring) caseflow.Store) {
	t.Helper()
	f := factory(newStore)
	for _, s := range []struct {
		name string
		run  func(*testing.T, factory)
	}{
		{"Create", testCreate},
		{"NotFound", testNotFound},
		{"Update", testUpdate},
		{"Tamper", testTamper},
		{"Copies", testCopies},
		{"Forgery", testForgery},
		{"Erasure", testErasure},
		{"List", testList},
		{"ScanDuties", testScanDuties},
		{"Canceled", testCanceled},
		{"Concurrency", testConcurrency},
	} {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			s.run(t, f)
		})
	}
}

// factory makes the stores under test.
type factory func(t *testing.T, keys *caseflow.Keyring) caseflow.Store

// harness returns a harness on a fresh store checking trails under the suite's keys.
func (f factory) harness(t *testing.T) *harness { return f.harnessWith(t, Keys()) }

// harnessWith returns a harness on a fresh store checking trails under keys.
func (f factory) harnessWith(t *testing.T, keys *caseflow.Keyring) *harness {
	t.Helper()
	store := f(t, keys)
	require.NotNil(t, store, "newStore returned nil")
	return newHarness(t, store, keys)
}

// Keys returns the keyring the suite chains trails under, with two keys: "suite-old" and
// the current "suite-new".
func Keys() *caseflow.Keyring { return suiteKeys() }

var suiteKeys = sync.OnceValue(func() *caseflow.Keyring {
	k, err := caseflow.NewKeyring("suite-new", map[string][]byte{
		"suite-old": []byte("storetest: the retired key, 32 bytes or more"),
		"suite-new": []byte("storetest: the current key, 32 bytes or more"),
	})
	if err != nil {
		panic(err)
	}
	return k
})

var ctx = context.Background()
