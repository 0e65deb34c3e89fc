package sqlstore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
)

// A portal keeps its cases in an embedded SQLite file, which survives a restart.
func ExampleOpenSQLite() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "haochaping")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "cases.db")

	svc := caseflowtest.NewService() // a service on a fixed clock; use caseflow.NewService
	store, db, err := sqlstore.OpenSQLite(ctx, path, sqlstore.Config{Keys: svc.Keys})
	if err != nil {
		fmt.Println(err)
		return
	}
	svc.Store = store
	c, _, err := svc.Receive(ctx, caseflowtest.Review())
	if err != nil {
		fmt.Println(err)
		return
	}
	db.Close() // the portal stops

	store, db, err = sqlstore.OpenSQLite(ctx, path, sqlstore.Config{Keys: svc.Keys})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	svc.Store = store
	back, err := svc.Get(ctx, c.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	report, _ := svc.Audit(ctx, c.ID)
	fmt.Println(back.ID, back.StateLabel(), len(back.Trail), "entry", report.OK())
	pending, _ := store.Pending(ctx)
	fmt.Println("outbox:", pending)
	// Output:
	// SP-20261116-0001 待登记 1 entry true
	// outbox: 1
}
