package sqlstore_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
	"github.com/haochaping/haochaping/caseflow/storetest"
)

// twoServices returns two services sharing one fresh set of tables on d, as two processes
// of a portal do: each has a *sql.DB of its own, a store on it and a kit clock; both have
// the same keys, calendar and policy, and random case IDs (two processes cannot number cases
// in one sequence).
func twoServices(t *testing.T, d sqlstore.Dialect) [2]*caseflow.Service {
	t.Helper()
	keys := storetest.Keys()
	p := newPlace(t, d, keys)
	var svcs [2]*caseflow.Service
	for i := range svcs {
		store, _ := p.open(t)
		svcs[i] = kitService(store, keys)
		svcs[i].NewID = caseflow.RandomID
		svcs[i].Retries = 1000 // 16 steppers on a few cases: conflicts are expected, failures not
	}
	return svcs
}

// TestTwoServicesReceivingTheSameReviewsOpenOneCaseEach pushes each of 50 reviews 16 times,
// 8 times through each of two services on separate handles, from 16 goroutines at once: every
// receipt succeeds, each review opens exactly one case, and every receipt of it returns that
// case.
func TestTwoServicesReceivingTheSameReviewsOpenOneCaseEach(t *testing.T) {
	const reviews, perService = 50, 8
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			ctx := t.Context()
			svcs := twoServices(t, d)
			rs := make([]haochaping.Review, reviews)
			for i := range rs {
				rs[i] = caseflowtest.Review()
			}
			type receipt struct {
				review  int
				id      string
				created bool
				err     error
			}
			got := make([][]receipt, 2*perService)
			var wg sync.WaitGroup
			start := make(chan struct{})
			for g := range got {
				svc := svcs[g%2]
				wg.Go(func() {
					<-start
					for _, i := range rand.Perm(reviews) {
						c, created, err := svc.Receive(ctx, rs[i])
						r := receipt{review: i, created: created, err: err}
						if err == nil {
							r.id = c.ID
						}
						got[g] = append(got[g], r)
					}
				})
			}
			close(start)
			wg.Wait()

			ids := make([]string, reviews)
			created := make([]int, reviews)
			var errs []error
			for g, rcs := range got {
				for _, r := range rcs {
					if r.err != nil {
						errs = append(errs, fmt.Errorf("goroutine %d, review %d: %w", g, r.review, r.err))
						continue
					}
					if ids[r.review] == "" {
						ids[r.review] = r.id
					}
					assert.Equal(t, ids[r.review], r.id, "review %d: every receipt returns its one case", r.review)
					if r.created {
						created[r.review]++
					}
				}
			}
			require.NoError(t, errors.Join(errs...), "a duplicate receipt is no error")
			for i, n := range created {
				assert.Equal(t, 1, n, "review %d: receipts told they created its case", i)
			}

			for _, svc := range svcs { // both processes see the same 50 cases
				listed, _, err := svc.Store.List(ctx, caseflow.Filter{}, caseflow.Page{})
				require.NoError(t, err)
				require.Len(t, listed, reviews)
				seen := map[string]bool{}
				for _, c := range listed {
					seen[c.ID] = true
					assert.EqualValues(t, 1, c.Version, "case %s", c.ID)
					assert.Len(t, c.Trail, 1, "case %s", c.ID)
				}
				for i, r := range rs {
					assert.True(t, seen[ids[i]], "review %d's case %s is listed", i, ids[i])
					c, err := svc.Store.GetByKey(ctx, "review:"+r.Key())
					require.NoError(t, err)
					assert.Equal(t, ids[i], c.ID)
				}
			}
			for _, id := range ids {
				rep, err := svcs[0].Audit(ctx, id)
				require.NoError(t, err)
				assert.True(t, rep.OK(), "%s", rep)
			}
		})
	}
}

// TestTwoServicesSteppingTheSameCasesLoseNoStep has 16 goroutines, 8 on each of two
// services on separate handles, urge the same 5 cases at once, each step noted uniquely:
// every step succeeds (conflicts are retaken), each is in its case's trail exactly once, no
// other entry is, and every trail audits.
func TestTwoServicesSteppingTheSameCasesLoseNoStep(t *testing.T) {
	const cases, perService, steps = 5, 8, 10
	for _, d := range dialects {
		t.Run(string(d), func(t *testing.T) {
			ctx := t.Context()
			svcs := twoServices(t, d)
			ids := make([]string, cases)
			for i := range ids {
				c, _, err := svcs[i%2].Receive(ctx, caseflowtest.Review())
				require.NoError(t, err)
				ids[i] = c.ID
			}

			type step struct {
				id, note string
				err      error
			}
			got := make([][]step, 2*perService)
			var wg sync.WaitGroup
			start := make(chan struct{})
			for g := range got {
				svc := svcs[g%2]
				wg.Go(func() {
					<-start
					clerk := caseflowtest.Clerk()
					clerk.ID = fmt.Sprintf("clerk-%02d", g)
					for i := range steps {
						s := step{id: ids[(g+i)%cases], note: fmt.Sprintf("service %d goroutine %02d step %02d", g%2, g, i)}
						c, err := svc.Take(ctx, s.id, caseflow.Action{Actor: clerk, Step: caseflow.Urge{Message: "请尽快办理"}, Note: s.note})
						if err == nil && c.Trail[len(c.Trail)-1].Note != s.note {
							err = fmt.Errorf("the case returned ends with %q", c.Trail[len(c.Trail)-1].Note)
						}
						s.err = err
						got[g] = append(got[g], s)
					}
				})
			}
			close(start)
			wg.Wait()

			taken := map[string]map[string]int{} // case → note → steps that returned success
			var errs []error
			for g, ss := range got {
				for _, s := range ss {
					if s.err != nil {
						errs = append(errs, fmt.Errorf("goroutine %d, %s on %s: %w", g, s.note, s.id, s.err))
						continue
					}
					if taken[s.id] == nil {
						taken[s.id] = map[string]int{}
					}
					taken[s.id][s.note]++
				}
			}
			require.NoError(t, errors.Join(errs...))

			for _, id := range ids {
				for i, svc := range svcs {
					c, err := svc.Get(ctx, id)
					require.NoError(t, err)
					inTrail := map[string]int{}
					for _, e := range c.Trail[1:] {
						inTrail[e.Note]++
					}
					assert.Equal(t, taken[id], inTrail, "case %s read by service %d: each step taken is in the trail once, and nothing else", id, i)
					assert.Len(t, c.Trail, 1+len(taken[id]))
					assert.EqualValues(t, 1+len(taken[id]), c.Version, "the version counts the receipt and every step")
					rep, err := svc.Audit(ctx, id)
					require.NoError(t, err)
					assert.True(t, rep.OK(), "%s", rep)
				}
			}
		})
	}
}
