package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
	"github.com/haochaping/haochaping/examples/internal/journal"
	"github.com/haochaping/haochaping/examples/internal/testdb"
)

// envInt reads a positive number from the environment, or gives def.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// TestLoadPushes is the webhook under load on loopback: HAOCHAPING_LOAD_PUSHERS concurrent
// pushers (200) for HAOCHAPING_LOAD_SECONDS (10), each pushing new bad reviews, signed, as
// fast as the portal answers, against the SQLite store and against PostgreSQL. It reports
// pushes per second and the latency, and checks that every push made exactly one case and
// one ledger row, and that the same pushes again make none.
func TestLoadPushes(t *testing.T) {
	if raceDetector {
		t.Skip("skipping the load test under the race detector: CI runs it in its pass without")
	}
	if testing.Short() {
		t.Skip("skipping the load test in -short mode")
	}
	pushers, seconds := envInt("HAOCHAPING_LOAD_PUSHERS", 200), envInt("HAOCHAPING_LOAD_SECONDS", 10)
	t.Run("sqlite", func(t *testing.T) {
		store, db, err := sqlstore.OpenSQLite(t.Context(), filepath.Join(t.TempDir(), "load.db"), sqlstore.Config{Keys: journal.Keys()})
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		loadPushes(t, &Database{Name: "SQLite", Store: store, Keys: journal.Keys(), db: db}, pushers, time.Duration(seconds)*time.Second)
	})
	t.Run("postgres", func(t *testing.T) {
		store, db := testdb.Store(t, "postgres", journal.Keys())
		poolServer(db)
		loadPushes(t, &Database{Name: "PostgreSQL", Store: store, Keys: journal.Keys(), db: db}, pushers, time.Duration(seconds)*time.Second)
	})
}

// loadResult is what one pusher saw.
type loadResult struct {
	bodies    [][]byte
	cases     []string
	latencies []time.Duration
	failures  []string
}

func loadPushes(t *testing.T, db *Database, pushers int, d time.Duration) {
	p := startPortal(t, db)
	p.Server.now, p.Server.push.now = time.Now, time.Now // the real clock: pushes are signed now
	p.Server.svc.Now, p.Server.sessions.now = time.Now, time.Now
	p.Server.log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	transport := &http.Transport{MaxIdleConns: pushers, MaxIdleConnsPerHost: pushers}
	defer transport.CloseIdleConnections()
	ctx := context.Background()
	results := make([]loadResult, pushers)
	start := time.Now()
	end := start.Add(d)
	var wg sync.WaitGroup
	for w := range pushers {
		wg.Go(func() {
			c := NewClient(p.URL)
			c.HTTP.Transport = transport
			r := &results[w]
			for n := 0; time.Now().Before(end); n++ {
				body := DemoPush(fmt.Sprintf("LOAD-%03d-%06d", w, n), start.Add(-time.Hour))
				t0 := time.Now()
				a, err := c.Push(ctx, body, testSecret, time.Now())
				r.latencies = append(r.latencies, time.Since(t0))
				var rc receipt
				switch {
				case err != nil:
					r.failures = append(r.failures, err.Error())
				case a.Status != http.StatusOK || json.Unmarshal(a.Body, &rc) != nil || !rc.Created || !rc.Recorded:
					r.failures = append(r.failures, fmt.Sprintf("%d %s", a.Status, a.Body))
				default:
					r.bodies, r.cases = append(r.bodies, body), append(r.cases, rc.Case)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	var lat []time.Duration
	var failures []string
	cases := map[string]bool{}
	var ok int
	for _, r := range results {
		lat = append(lat, r.latencies...)
		failures = append(failures, r.failures...)
		for _, id := range r.cases {
			cases[id] = true
		}
		ok += len(r.cases)
	}
	slices.Sort(lat)
	pct := func(q float64) time.Duration { return lat[min(len(lat)-1, int(q*float64(len(lat))))] }
	t.Logf("%s: %d pushers × %s: %d pushes, %.0f pushes/s, latency p50 %s, p99 %s, max %s, %d failed",
		db.Name, pushers, d, len(lat), float64(len(lat))/elapsed.Seconds(), pct(0.5).Round(time.Millisecond),
		pct(0.99).Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond), len(failures))
	require.Empty(t, failures, "every push is answered with a new case")
	require.NotZero(t, ok)
	assert.Len(t, cases, ok, "each push its own case")

	st := p.snapshot(t)
	assert.Len(t, st.Versions, ok, "exactly one case per push")
	assert.Equal(t, ok, st.Ratings, "exactly one ledger row per push")
	for id := range cases {
		require.Contains(t, st.Versions, id)
	}

	// The rating system retries: the same pushes again, concurrently, add nothing.
	var again sync.WaitGroup
	for w := range min(pushers, 50) {
		again.Go(func() {
			c := NewClient(p.URL)
			c.HTTP.Transport = transport
			for _, body := range results[w].bodies[:min(len(results[w].bodies), 5)] {
				a, err := c.Push(ctx, body, testSecret, time.Now())
				if assert.NoError(t, err) {
					assert.Equal(t, http.StatusOK, a.Status)
					assert.Contains(t, a.Text(), `"created":false,"recorded":false`)
				}
			}
		})
	}
	again.Wait()
	assert.Equal(t, st, p.snapshot(t), "retried pushes change nothing")
	n := 0
	for _, err := range db.Store.Ratings(ctx, haochaping.RatingQuery{}) {
		require.NoError(t, err)
		n++
	}
	listed, _, err := db.Store.List(ctx, caseflow.Filter{Open: true}, caseflow.Page{})
	require.NoError(t, err)
	assert.Equal(t, ok, n)
	assert.Len(t, listed, ok)
}
