// Package ledgertest is the conformance suite every [haochaping.Ledger] must pass: the
// memory ledger ([haochaping.MemoryLedger]), the SQL ledger of caseflow/sqlstore, and any
// ledger a vendor writes, so that they give identical figures for the statistics of 第三条
// (every rating by unit, channel and period).
//
// The suite checks the contract of [haochaping.Ledger]: ratings read back as
// [haochaping.Review.ForLedger] gives them, times equal and in Asia/Shanghai, with no
// personal data; idempotency on [haochaping.Review.Key] across batches, within a batch and
// across IDs that normalise alike, the first recorded kept, and the counts Record returns;
// every [haochaping.RatingQuery] field alone and combined, with the time bounds [From, To)
// to the nanosecond; the order by time then key; batches refused whole, named by index and
// field, without personal data in the error; cancelled contexts; concurrent overlapping
// batches; an iterator the caller breaks; and a batch of 10,000 ratings.
//
// An adapter runs the suite from a test of its own, giving a constructor that returns a
// fresh, empty ledger for each subtest and cleans up after it with t.Cleanup. Subtests run
// in parallel, so the constructor must be safe for concurrent use:
//
//	func TestLedgerConformance(t *testing.T) {
//		ledgertest.Run(t, func(t *testing.T) haochaping.Ledger {
//			db := openEmptyDatabase(t) // e.g. a new schema, dropped in t.Cleanup
//			return sqlstore.NewLedger(db)
//		})
//	}
//
// An SQL ledger keeps times to the microsecond, as [haochaping.Review.ForLedger] does, orders
// keys bytewise (a binary collation, such as COLLATE "C"), and rounds the query's time
// bounds up to the next microsecond before passing them to the database. It refuses what
// [haochaping.ValidateRatings] refuses, before writing anything.
package ledgertest
