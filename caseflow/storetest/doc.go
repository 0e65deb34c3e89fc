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
// drops or rewrites stored entries failing with [caseflow.ErrTampered]; copies that the
// caller may change; every [caseflow.Filter] field and their combinations, in creation
// order; cancelled contexts; and concurrent steps on one case and concurrent receipts of one
// review.
//
// An adapter runs the suite from a test of its own, giving a constructor that returns a
// fresh, empty store for each subtest and cleans up after it with t.Cleanup:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) caseflow.Store {
//			db := openEmptyDatabase(t) // e.g. a new schema, dropped in t.Cleanup
//			return sqlstore.New(db)
//		})
//	}
//
// Cases are compared by their storage encoding ([caseflow.StoredCase], which keeps personal
// data in full and the trail's salt), so a store may keep them in any form as long as it
// gives back cases that encode as they were stored: times as the same instants in the
// same zone (Asia/Shanghai), and every field, duty and trail entry. The cases are received
// in November 2026, and timed with the official calendar [deadline.China].
package storetest
