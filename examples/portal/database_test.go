package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The database is a file name (SQLite) or a postgres:// URL; its name in the logs never
// carries the password; another kind of URL is refused, naming what is wanted.
func TestOpenDatabase(t *testing.T) {
	ctx := context.Background()
	db, err := OpenDatabase(ctx, filepath.Join(t.TempDir(), "a.db"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(db.Name, "SQLite "))
	require.NoError(t, db.Close())

	_, err = OpenDatabase(ctx, "mysql://root:secret@127.0.0.1/test")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "postgres://")
	assert.NotContains(t, err.Error(), "secret")

	_, err = OpenDatabase(ctx, "postgres://portal:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	require.Error(t, err, "nothing listens on port 1")
	assert.NotContains(t, err.Error(), "secret")

	url := os.Getenv("HAOCHAPING_POSTGRES_URL")
	if url == "" {
		url = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	pg, err := OpenDatabase(ctx, url)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and PostgreSQL is not reachable: %v", err)
		}
		t.Skipf("skipping PostgreSQL: %v", err)
	}
	defer pg.Close()
	assert.True(t, strings.HasPrefix(pg.Name, "PostgreSQL 127.0.0.1:5432/"), pg.Name)
	p := startPortal(t, pg)
	id := p.pushCase(t, "PG-"+t.Name()+"-"+p.now().Format("150405.000000"))
	a, err := p.as(t, "wang").Get(ctx, "/cases/"+id)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, a.Status)
}

// The sign-in page lists the demo's users.
func TestLoginPage(t *testing.T) {
	p := newPortal(t)
	a, err := NewClient(p.URL).Get(context.Background(), "/login?next=/bulletin")
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, a.Status)
	for _, u := range DemoUsers().Users() {
		assert.Contains(t, a.Text(), u.ID+"："+u.Name)
	}
	assert.Contains(t, a.Text(), `name="next" value="/bulletin"`)
}
