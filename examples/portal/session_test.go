package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Signing in gives a Secure, HttpOnly cookie; a wrong password gives none and does not say
// whether the user exists.
func TestSignIn(t *testing.T) {
	p := newPortal(t)
	ctx := t.Context()
	post := func(form url.Values) Answer {
		a, err := NewClient(p.URL).Do(ctx, http.MethodPost, "/login", strings.NewReader(form.Encode()),
			http.Header{"Content-Type": {"application/x-www-form-urlencoded"}})
		require.NoError(t, err)
		return a
	}
	a := post(url.Values{"username": {"wang"}, "password": {DemoPassword}, "next": {"/bulletin"}})
	require.Equal(t, http.StatusSeeOther, a.Status)
	assert.Equal(t, "/bulletin", a.Location)
	ck := a.Header.Get("Set-Cookie")
	for _, attr := range []string{"Secure", "HttpOnly", "SameSite=Lax", "Path=/"} {
		assert.Contains(t, ck, attr)
	}
	for _, tc := range []url.Values{
		{"username": {"wang"}, "password": {"wrong"}},
		{"username": {"nobody"}, "password": {DemoPassword}},
		{"username": {""}, "password": {""}},
	} {
		a := post(tc)
		assert.Equal(t, http.StatusUnauthorized, a.Status)
		assert.Contains(t, a.Text(), "用户名或密码不正确")
		assert.Empty(t, a.Header.Get("Set-Cookie"))
	}
	for _, next := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"} {
		a := post(url.Values{"username": {"wang"}, "password": {DemoPassword}, "next": {next}})
		assert.Equal(t, "/", a.Location, "a sign-in never leads to another site: %s", next)
	}
}

// A page without a valid session leads to the sign-in; a forged, altered or ended session
// counts as none.
func TestSessions(t *testing.T) {
	p := newPortal(t)
	ctx := t.Context()
	c := p.as(t, "wang")
	a, err := c.Get(ctx, "/")
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, a.Status)

	anon := NewClient(p.URL)
	a, err = anon.Get(ctx, "/cases/x?y=1")
	require.NoError(t, err)
	assert.Equal(t, http.StatusSeeOther, a.Status)
	assert.Equal(t, "/login?next="+url.QueryEscape("/cases/x?y=1"), a.Location)

	forged := NewClient(p.URL)
	payload, mac, _ := strings.Cut(c.cookie, ".")
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	require.NoError(t, err)
	other := base64.RawURLEncoding.EncodeToString(bytes.Replace(raw, []byte(`"wang"`), []byte(`"zhao"`), 1))
	for _, v := range []string{other + "." + mac, payload + "." + mac[:len(mac)-2] + "AA", payload, "", strings.Repeat("A", 600)} {
		forged.cookie = v
		a, err := forged.Get(ctx, "/")
		require.NoError(t, err)
		assert.Equal(t, http.StatusSeeOther, a.Status, "cookie %.40q", v)
	}

	p.advance(9 * time.Hour) // sessions last 8 hours
	a, err = c.Get(ctx, "/")
	require.NoError(t, err)
	assert.Equal(t, http.StatusSeeOther, a.Status)

	c = p.as(t, "wang")
	a, err = c.Post(ctx, "/logout", nil)
	require.NoError(t, err)
	assert.Equal(t, http.StatusSeeOther, a.Status)
	assert.Empty(t, c.cookie)
}

// Cross-site request forgery: a form posted without the session's token, or from another
// site, is refused before it is read, and changes nothing.
func TestCSRF(t *testing.T) {
	p := newPortal(t)
	id := p.pushCase(t, "450224-2026-000300")
	ctx := t.Context()
	c := p.as(t, "wang")
	path := "/cases/" + id + "/steps/register"
	form := DemoWalk[0].Form
	before := p.snapshot(t)
	for _, tc := range []struct {
		name   string
		token  string
		header http.Header
	}{
		{"no token", "", nil},
		{"another session's token", p.as(t, "zhao").token, nil},
		{"posted from another site", c.token, http.Header{"Sec-Fetch-Site": {"cross-site"}}},
		{"another origin", c.token, http.Header{"Origin": {"https://evil.example"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := url.Values{"csrf": {tc.token}}
			for k, v := range form {
				f[k] = v
			}
			h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
			for k, v := range tc.header {
				h[k] = v
			}
			a, err := c.Do(ctx, http.MethodPost, path, strings.NewReader(f.Encode()), h)
			require.NoError(t, err)
			assert.Equal(t, http.StatusForbidden, a.Status, a.Text())
			assert.Equal(t, before, p.snapshot(t))
		})
	}
	a, err := c.Do(ctx, http.MethodPost, "/login", strings.NewReader("username=wang&password=demo"),
		http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "Sec-Fetch-Site": {"cross-site"}})
	require.NoError(t, err)
	assert.Equal(t, http.StatusForbidden, a.Status, "a sign-in from another site is refused too (login CSRF)")
	a, err = c.Post(ctx, path, form)
	require.NoError(t, err)
	assert.Equal(t, http.StatusSeeOther, a.Status, "the same form with the token, from the portal, is taken")
}

// A form over 1 MiB is refused whole.
func TestFormTooLarge(t *testing.T) {
	p := newPortal(t)
	id := p.pushCase(t, "450224-2026-000301")
	before := p.snapshot(t)
	a, err := p.as(t, "wang").Post(context.Background(), "/cases/"+id+"/steps/register",
		url.Values{"content": {strings.Repeat("办", maxFormBytes/3+1)}})
	require.NoError(t, err)
	assert.Equal(t, http.StatusRequestEntityTooLarge, a.Status)
	assert.Contains(t, a.Text(), "过大")
	assert.Equal(t, before, p.snapshot(t))
}
