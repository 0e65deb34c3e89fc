package sqlstore_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/caseflow/storetest"
)

// kitService returns a service of the test kit (its clock, fixed salts, numbered IDs) on
// store, chaining trails under keys.
func kitService(store caseflow.Store, keys *caseflow.Keyring) *caseflow.Service {
	svc := caseflowtest.NewService()
	svc.Store, svc.Keys = store, keys
	return svc
}

// stateCases opens a case for every state of the pushed workflow (withdrawn included), a
// few of the on-site one, an anonymous review and a township complaint, each walked from
// Start through valid steps, and returns their IDs in the order they were opened.
func stateCases(t *testing.T, svc *caseflow.Service) []string {
	t.Helper()
	ctx := t.Context()
	clk := caseflowtest.ClockOf(svc)
	var ids []string
	for _, s := range caseflow.SystemPushed().States() {
		clk.Set(time.Time{}) // each case from Monday morning: every walk in office hours
		ids = append(ids, caseflowtest.To(t, svc, caseflow.KindSystemPushed, s.State).ID)
	}
	for _, s := range []caseflow.State{caseflow.StateRegistered, caseflow.StateHandling, caseflow.StateReportedToLeader, caseflow.StateArchived} {
		clk.Set(time.Time{})
		ids = append(ids, caseflowtest.To(t, svc, caseflow.KindOnSiteComplaint, s).ID)
	}
	clk.Set(time.Time{})
	c, _, err := svc.Receive(ctx, caseflowtest.AnonymousReview())
	require.NoError(t, err)
	_, err = caseflowtest.Walk(ctx, svc, c.ID, caseflow.StateTransferred)
	require.NoError(t, err)
	ids = append(ids, c.ID)
	clk.Set(time.Time{})
	c, _, err = svc.Complain(ctx, caseflowtest.TownshipLeader(), caseflowtest.TownshipComplaint())
	require.NoError(t, err)
	_, err = caseflowtest.Walk(ctx, svc, c.ID, caseflow.StateHandling)
	require.NoError(t, err)
	return append(ids, c.ID)
}

// snapshot is what a test compares of a store before and after it is reopened.
type snapshot struct {
	cases  map[string][]byte // ID → the case as a store encodes it (json of StoredCase)
	heads  map[string]caseflow.Head
	duties map[string][]byte // ID → json of svc.Duties
	scan   []byte            // json of every OpenDuty ScanDuties gives, in its order
	// scanned are the duties ScanDuties gives, by case, as dutyKey writes them.
	scanned map[string][]string
}

// take reads every case of ids from svc's store.
func take(t *testing.T, svc *caseflow.Service, ids []string) snapshot {
	t.Helper()
	ctx := t.Context()
	s := snapshot{cases: map[string][]byte{}, heads: map[string]caseflow.Head{}, duties: map[string][]byte{},
		scanned: map[string][]string{}}
	for _, id := range ids {
		c, err := svc.Get(ctx, id)
		require.NoError(t, err)
		s.cases[id], err = json.Marshal((*caseflow.StoredCase)(c))
		require.NoError(t, err)
		s.heads[id], err = svc.Store.Head(ctx, id)
		require.NoError(t, err)
		ds, err := svc.Duties(c)
		require.NoError(t, err)
		s.duties[id], err = json.Marshal(ds)
		require.NoError(t, err)
	}
	var all []caseflow.OpenDuty
	require.NoError(t, svc.Store.ScanDuties(ctx, caseflow.Filter{}, func(d caseflow.OpenDuty) error {
		all = append(all, d)
		s.scanned[d.Case.ID] = append(s.scanned[d.Case.ID], dutyKey(d.Duty))
		return nil
	}))
	var err error
	s.scan, err = json.Marshal(all)
	require.NoError(t, err)
	return s
}

// dutyKey writes what identifies an open timed duty and its deadline, times in UTC.
func dutyKey(d *caseflow.Duty) string {
	return fmt.Sprintf("%s owed by %s for %q, started by #%d, retimed by #%d, limit %q, due %s, warn %s",
		d.Kind, d.Owner, d.Org, d.StartedBy, d.RetimedBy, d.Limit,
		d.Deadline.Due.UTC().Format(time.RFC3339Nano), d.Deadline.Warn.UTC().Format(time.RFC3339Nano))
}

// TestRestartKeepsEveryCaseItsTrailAndDuties writes cases in every state through a service,
// drops the store and its handle, opens a new handle and store on the same tables, as a
// portal restarting does, and finds every case as it was: the same encoding, a trail that
// audits to its head, the same duties in the case and in the duties table; then steps go
// on on the reopened store.
func TestRestartKeepsEveryCaseItsTrailAndDuties(t *testing.T) {
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			ctx := t.Context()
			keys := storetest.Keys()
			p := newPlace(t, d, keys)
			store, db := p.open(t)
			svc := kitService(store, keys)
			ids := stateCases(t, svc)
			require.GreaterOrEqual(t, len(ids), 20)
			before := take(t, svc, ids)
			require.NotEmpty(t, before.scanned, "some cases owe timed duties")
			require.NoError(t, db.Close(), "the first process stops")

			store2, _ := p.open(t)
			svc2 := kitService(store2, keys)
			svc2.NewID = caseflow.RandomID // the kit's numbering starts again; the store's IDs go on
			clk := caseflowtest.ClockOf(svc2)
			clk.Set(caseflowtest.ClockOf(svc).Now()) // the same time, for the duties' standing
			after := take(t, svc2, ids)

			listed, _, err := store2.List(ctx, caseflow.Filter{}, caseflow.Page{})
			require.NoError(t, err)
			require.Len(t, listed, len(ids), "the reopened store lists every case")
			for i, c := range listed {
				assert.Equal(t, ids[i], c.ID, "listed in the order they were created")
			}
			for _, id := range ids {
				assert.JSONEq(t, string(before.cases[id]), string(after.cases[id]), "case %s reads back as it was", id)
				assert.Equal(t, before.heads[id], after.heads[id], "case %s: its head", id)
				assert.JSONEq(t, string(before.duties[id]), string(after.duties[id]), "case %s: its duties", id)
				rep, err := svc2.Audit(ctx, id)
				require.NoError(t, err)
				assert.True(t, rep.OK(), "%s", rep)
				assert.Equal(t, before.heads[id], rep.Verification.Head)

				// The duties table agrees with the case: its open timed duties, in order.
				c, err := svc2.Get(ctx, id)
				require.NoError(t, err)
				ds, err := svc2.Duties(c)
				require.NoError(t, err)
				var timed []string
				for _, d := range ds {
					if d.Duty.Timed {
						timed = append(timed, dutyKey(d.Duty))
					}
				}
				assert.Equal(t, timed, after.scanned[id], "case %s: ScanDuties gives its open timed duties", id)
			}
			assert.JSONEq(t, string(before.scan), string(after.scan), "ScanDuties gives the same duties")

			// Steps go on on the reopened store: every open case is urged, then archived
			// (or, where the kit has no route there, withdrawn).
			clk.NextWorkday(nil, 9*time.Hour)
			for _, id := range ids {
				c, err := svc2.Get(ctx, id)
				require.NoError(t, err)
				if c.Closed() {
					continue
				}
				urged, err := svc2.Take(ctx, id, caseflow.Action{Actor: caseflowtest.Clerk(),
					Step: caseflow.Urge{Message: "请尽快办理"}, Note: "after the restart"})
				require.NoError(t, err, "case %s in %s", id, c.State)
				require.Len(t, urged.Trail, before.heads[id].Seq+1)
				assert.Equal(t, c.Version+1, urged.Version)
				if _, err := caseflowtest.Walk(ctx, svc2, id, caseflow.StateArchived); err != nil {
					// No route of the kit's from here to the archive: withdraw it instead.
					_, err = caseflowtest.Walk(ctx, svc2, id, caseflow.StateWithdrawn)
					require.NoError(t, err, "case %s from %s", id, c.State)
				}
			}
			for _, id := range ids {
				rep, err := svc2.Audit(ctx, id)
				require.NoError(t, err)
				assert.True(t, rep.OK(), "%s", rep)
			}
			var open int
			require.NoError(t, store2.ScanDuties(ctx, caseflow.Filter{Open: true}, func(caseflow.OpenDuty) error {
				open++
				return nil
			}))
			t.Logf("%d cases read back after the restart and went on (%d open duties left)", len(ids), open)
		})
	}
}
