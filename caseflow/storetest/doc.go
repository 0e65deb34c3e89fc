// Package storetest is the conformance suite every [caseflow.Store] must pass: the memory
// store, the SQL store, and any store a vendor writes.
//
// The store keeps what the measures ask the office to keep (第三条: supervise, check and count
// the bad-review cases and follow their rectification through to the report): each case,
// its duties and its audit trail, where no step may ever be lost or rewritten. The suite
// checks the contract of [caseflow.Store] on cases made by a real [caseflow.Service], so
// that they carry real duties and hash-chained trails: creation at version 1 and the
// uniqueness of IDs and intake keys; [caseflow.ErrNotFound]; optimistic concurrency, where a
// stale update fails with [caseflow.ErrConflict] and writes nothing; updates whose trail
// drops or rewrites stored entries failing with [caseflow.ErrTampered]; the forgeries of an
// attacker without the county's key (an entry with a garbage hash, one chained under another
// key or with plain SHA-256 after keyed ones, case fields changed beside their step, a trail
// cut short against the head the store keeps); an erasure of personal data, whose rewritten
// entries the store must keep; copies that the caller may change through every pointer; every [caseflow.Filter] field and their combinations, in creation
// order; cancelled contexts; and concurrent steps on one case and concurrent receipts of one
// review.
//
// An adapter runs the suite from a test of its own, giving a constructor that returns a
// fresh, empty store for each subtest and cleans up after it with t.Cleanup. The subtests run
// in parallel, so the constructor must be safe to call concurrently, and whatever the stores
// share must be released with t.Cleanup too, since Run returns before the subtests finish:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T, keys *caseflow.Keyring) caseflow.Store {
//			db := openEmptyDatabase(t) // e.g. a new schema, dropped in t.Cleanup
//			return sqlstore.New(db, keys)
//		})
//	}
//
// Cases are compared by their storage encoding ([caseflow.StoredCase], which keeps personal
// data in full and the trail's salt), so a store may keep them in any form as long as it
// gives back cases that encode as they were stored: times as the same instants in the
// same zone (Asia/Shanghai), and every field, duty and trail entry. The cases are received
// in November 2026, and timed with the official calendar [deadline.China].
package storetest
