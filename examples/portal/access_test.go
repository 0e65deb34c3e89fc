package main

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A window's staff and head read and step their own window's cases only; another unit's
// window, or a township's leader, reads none of it (404, as if it did not exist), and
// changes nothing. The office, the leader, the city office and the department's leader read it.
func TestAccessAnotherUnitsCase(t *testing.T) {
	p := newPortal(t)
	id := p.pushCase(t, "450224-2026-000400")
	p.walkTo(t, id, "meeting") // registered, called back, transferred to the tax window
	ctx := context.Background()
	path := "/cases/" + id
	for _, user := range []string{"li", "zheng", "zhou"} {
		c := p.as(t, user)
		for _, get := range []string{path, path + "/steps/meeting", path + "/documents/registration.docx", path + "/documents/registration.html"} {
			a, err := c.Get(ctx, get)
			require.NoError(t, err)
			assert.Equal(t, http.StatusNotFound, a.Status, "%s GET %s", user, get)
			assert.Contains(t, a.Text(), "未找到该办件")
			assert.NotContains(t, a.Text(), "税务")
		}
		before := p.snapshot(t)
		a, err := c.Post(ctx, path+"/steps/meeting", DemoWalk[3].Form)
		require.NoError(t, err)
		assert.Equal(t, http.StatusNotFound, a.Status, "%s POST meeting", user)
		assert.Equal(t, before, p.snapshot(t))
		a, err = c.Get(ctx, "/")
		require.NoError(t, err)
		assert.NotContains(t, a.Text(), id, "%s's worklist", user)
	}
	for _, user := range []string{"wang", "zhao", "chen", "qian", "sun", "wu"} {
		a, err := p.as(t, user).Get(ctx, path)
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, a.Status, user)
	}
	a, err := p.as(t, "qian").Get(ctx, "/")
	require.NoError(t, err)
	assert.Contains(t, a.Text(), id, "the window's worklist lists its meeting")
	assert.Contains(t, a.Text(), "召开专题分析会")
}

// A step of another role is refused with 403 and a reason in Chinese, and changes nothing;
// its form is not offered.
func TestWrongRole(t *testing.T) {
	p := newPortal(t)
	id := p.pushCase(t, "450224-2026-000401")
	ctx := context.Background()
	before := p.snapshot(t)
	for _, user := range []string{"zhao", "chen"} {
		c := p.as(t, user)
		a, err := c.Get(ctx, "/cases/"+id+"/steps/register")
		require.NoError(t, err)
		assert.Equal(t, http.StatusForbidden, a.Status)
		assert.Contains(t, a.Text(), "您现在不能办理该步骤")
		a, err = c.Post(ctx, "/cases/"+id+"/steps/register", DemoWalk[0].Form)
		require.NoError(t, err)
		assert.Equal(t, http.StatusForbidden, a.Status, a.Text())
		assert.Contains(t, a.Text(), "县政管办")
		assert.Equal(t, before, p.snapshot(t))
	}
	a, err := p.as(t, "wang").Post(ctx, "/cases/"+id+"/steps/archive", url.Values{})
	require.NoError(t, err)
	assert.Equal(t, http.StatusConflict, a.Status, "a step the state does not allow")
	assert.Equal(t, before, p.snapshot(t))
	a, err = p.as(t, "wang").Post(ctx, "/cases/"+id+"/steps/fly", url.Values{})
	require.NoError(t, err)
	assert.Equal(t, http.StatusNotFound, a.Status)
	a, err = p.as(t, "wang").Get(ctx, "/cases/no-such-case")
	require.NoError(t, err)
	assert.Equal(t, http.StatusNotFound, a.Status)
}
