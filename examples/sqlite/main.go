// Command sqlite shows a portal keeping its cases in the embedded SQLite file of package
// caseflow/sqlstore, and a case surviving a restart. The rating system pushes a bad review
// and a good one: both go to the ratings ledger (评价台账, the denominators of 第三条), the bad
// one opens a case. The office registers and transfers it (第五条, 第六条); then the portal
// stops. Started again on the same file, it finds the case where it was, checks its audit
// trail against the head the store keeps, and the window and the office take it to the
// archive (第七条, 第八条). Every committed step waits in the outbox, which the portal
// delivers (here: prints) at least once.
//
//	go run ./examples/sqlite                  # on a new file in a temporary directory
//	go run ./examples/sqlite -db cases.db     # on a file of your own: run it twice
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
	"github.com/haochaping/haochaping/examples/internal/journal"
)

func main() {
	db := flag.String("db", "", "the SQLite file (default: a new file in a temporary directory, removed at the end)")
	flag.Parse()
	if err := run(*db); err != nil {
		fmt.Fprintln(os.Stderr, "sqlite:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	if path == "" {
		dir, err := os.MkdirTemp("", "haochaping-sqlite")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "cases.db")
	}
	ctx := context.Background()
	clk := &journal.Clock{T: journal.November(23, 9, 0)}

	// First start: the pushes arrive.
	svc, store, closeDB, err := start(ctx, path, clk)
	if err != nil {
		return err
	}
	bad, window := journal.TaxReview(), journal.TaxWindow
	good := haochaping.Review{ID: "450224-2026-000778#1", MatterNumber: "450224-2026-000778", ServiceItem: "个人所得税汇算清缴",
		Level: haochaping.VerySatisfied, Channel: haochaping.ChannelDevice, Time: journal.November(23, 8, 55), Window: window.ID, AreaCode: "450224"}
	added, err := store.Record(ctx, []haochaping.Review{bad, good}) // every rating, good and bad
	if err != nil {
		return err
	}
	fmt.Printf("评价台账：新增 %d 条\n", added)
	c, created, err := svc.Receive(ctx, bad)
	if err != nil {
		return err
	}
	if !created { // a file of an earlier run: the case is already there
		fmt.Printf("案件 %s 已在库中，状态：%s\n", c.ID, c.StateLabel())
		closeDB()
		return nil
	}
	steps := journal.TaxSteps()
	if c, err = journal.Play(ctx, svc, clk, c.ID, false, steps[:3]); err != nil { // the office's, the first day
		return err
	}
	fmt.Printf("立案并转办：%s，状态：%s，审计记录 %d 条\n", c.ID, c.StateLabel(), len(c.Trail))
	if err := deliver(ctx, store); err != nil {
		return err
	}
	closeDB()
	fmt.Println("—— 门户停止，重新启动 ——")

	// Second start, on the same file: the case is where it was.
	svc, store, closeDB, err = start(ctx, path, clk)
	if err != nil {
		return err
	}
	defer closeDB()
	c, err = svc.Get(ctx, c.ID)
	if err != nil {
		return err
	}
	fmt.Printf("读回：%s，状态：%s，审计记录 %d 条\n", c.ID, c.StateLabel(), len(c.Trail))
	if err := journal.Audit(ctx, svc, c.ID); err != nil {
		return err
	}
	work, err := svc.AtRiskFirst(ctx, caseflow.Filter{}, 10)
	if err != nil {
		return err
	}
	fmt.Printf("即将超期或超期的职责：%d 项\n", len(work))
	if c, err = journal.Play(ctx, svc, clk, c.ID, false, steps[3:]); err != nil { // the window's and the rest
		return err
	}
	fmt.Printf("结案：%s，状态：%s，审计记录 %d 条\n", c.ID, c.StateLabel(), len(c.Trail))
	if err := journal.Audit(ctx, svc, c.ID); err != nil {
		return err
	}
	n := 0
	for _, err := range store.Ratings(ctx, haochaping.RatingQuery{Window: window.ID}) {
		if err != nil {
			return err
		}
		n++
	}
	fmt.Printf("评价台账：%s 共 %d 条评价\n", window.Name, n)
	return deliver(ctx, store)
}

// start opens the store on the file at path and a service on it, as a portal does when it
// starts, and returns the function that closes the file.
func start(ctx context.Context, path string, clk *journal.Clock) (*caseflow.Service, *sqlstore.Store, func(), error) {
	svc := journal.Service(clk)
	store, db, err := sqlstore.OpenSQLite(ctx, path, sqlstore.Config{Keys: svc.Keys})
	if err != nil {
		return nil, nil, nil, err
	}
	svc.Store = store
	return svc, store, func() { db.Close() }, nil
}

// deliver hands the outbox's committed steps to the portal's hook: here, it prints them.
func deliver(ctx context.Context, store *sqlstore.Store) error {
	n, err := store.Deliver(ctx, 0, 0, func(_ context.Context, c caseflow.Committed) error {
		fmt.Printf("  通知：%s 第%d步 → %s\n", c.Case.ID, c.Entry.Seq, c.Case.Workflow().Label(c.Entry.To))
		return nil
	})
	if err == nil {
		fmt.Printf("  已送达 %d 个步骤\n", n)
	}
	return err
}
