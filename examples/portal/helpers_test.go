package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// testSecret is the push secret of the test portals.
var testSecret = []byte("a push secret of thirty-two bytes or more")

// portal is a portal under test on a fresh SQLite file, with a clock the test moves.
type portal struct {
	*Server
	URL   string
	mu    sync.Mutex
	clock time.Time
}

// newPortal starts a portal on loopback (httptest), on a new SQLite file.
func newPortal(t testing.TB) *portal {
	t.Helper()
	db, err := OpenDatabase(t.Context(), filepath.Join(t.TempDir(), "portal.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return startPortal(t, db)
}

// startPortal starts a portal over db.
func startPortal(t testing.TB, db *Database) *portal {
	p := &portal{clock: time.Now()}
	srv, err := NewServer(Config{Database: db, Auth: DemoUsers(), PushSecret: testSecret, Now: p.now})
	require.NoError(t, err)
	p.Server, p.URL = srv, startPortalOver(t, srv)
	return p
}

// startPortalOver serves srv on loopback until the test ends and returns its URL.
func startPortalOver(t testing.TB, srv *Server) string {
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return hs.URL
}

func (p *portal) now() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.clock
}

// advance moves the portal's clock on.
func (p *portal) advance(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clock = p.clock.Add(d)
}

// as returns a client signed in as the demo user.
func (p *portal) as(t testing.TB, user string) *Client {
	t.Helper()
	c := NewClient(p.URL)
	require.NoError(t, c.Login(context.Background(), user, DemoPassword))
	return c
}

// pushCase pushes a bad review of a new matter and returns its case's ID.
func (p *portal) pushCase(t testing.TB, matter string) string {
	t.Helper()
	a, err := NewClient(p.URL).Push(context.Background(), DemoPush(matter, p.now().Add(-10*time.Minute)), testSecret, p.now())
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, a.Status, a.Text())
	var rc receipt
	require.NoError(t, json.Unmarshal(a.Body, &rc))
	require.True(t, rc.Created)
	return rc.Case
}

// state is what a test compares before and after a refused request: every case's version
// and the number of ratings in the ledger.
type state struct {
	Versions map[string]int64
	Ratings  int
}

// snapshot reads the portal's state.
func (p *portal) snapshot(t testing.TB) state {
	t.Helper()
	ctx := context.Background()
	s := state{Versions: map[string]int64{}}
	cases, _, err := p.db.Store.List(ctx, caseflow.Filter{}, caseflow.Page{})
	require.NoError(t, err)
	for _, c := range cases {
		s.Versions[c.ID] = c.Version
	}
	for _, err := range p.db.Store.Ratings(ctx, haochaping.RatingQuery{}) {
		require.NoError(t, err)
		s.Ratings++
	}
	return s
}

// walkTo takes the case on through DemoWalk, from where it stands, up to, not including,
// the step with this event.
func (p *portal) walkTo(t testing.TB, id, event string) {
	t.Helper()
	c, err := p.svc.Get(context.Background(), id)
	require.NoError(t, err)
	for _, st := range DemoWalk[len(c.Trail)-1:] {
		if st.Event == event {
			return
		}
		a, err := p.as(t, st.User).Post(context.Background(), "/cases/"+id+"/steps/"+st.Event, st.Form)
		require.NoError(t, err)
		require.Equal(t, http.StatusSeeOther, a.Status, "%s: %s", st.Event, a.Text())
	}
}
