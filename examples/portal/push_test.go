package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// 第三条: every rating goes to the ledger; a bad review opens one case, however often it is
// pushed; the answer is a receipt, never the case.
func TestPush第三条EveryRatingToTheLedgerOneCasePerBadReview(t *testing.T) {
	p := newPortal(t)
	ctx := t.Context()
	sys := NewClient(p.URL)
	body := DemoPush("450224-2026-000001", p.now().Add(-time.Hour))
	a, err := sys.Push(ctx, body, testSecret, p.now())
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, a.Status, a.Text())
	var first receipt
	require.NoError(t, json.Unmarshal(a.Body, &first))
	assert.True(t, first.Created)
	assert.True(t, first.Recorded)
	assert.Equal(t, "待登记", first.State)
	assert.NotContains(t, a.Text(), "张", "the receipt carries no personal data")
	assert.NotContains(t, a.Text(), "138")

	a, err = sys.Push(ctx, body, testSecret, p.now().Add(time.Minute)) // the rating system's retry
	require.NoError(t, err)
	var again receipt
	require.NoError(t, json.Unmarshal(a.Body, &again))
	assert.Equal(t, receipt{Case: first.Case, State: "待登记"}, again)

	a, err = sys.Push(ctx, DemoRating("450224-2026-000002", p.now().Add(-time.Hour)), testSecret, p.now())
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, a.Status, a.Text())
	assert.JSONEq(t, `{"created":false,"recorded":true}`, a.Text(), "a good rating opens no case")

	st := p.snapshot(t)
	assert.Len(t, st.Versions, 1)
	assert.Equal(t, 2, st.Ratings)
}

// Bad pushes are refused with the status of their fault and change nothing.
func TestPushRefusals(t *testing.T) {
	p := newPortal(t)
	p.pushCase(t, "450224-2026-000100")
	now := p.now()
	body := DemoPush("450224-2026-000101", now.Add(-time.Hour))
	signed := func(ts time.Time, secret []byte, b []byte) http.Header {
		return http.Header{headerTimestamp: {strconv.FormatInt(ts.Unix(), 10)}, headerSignature: {Sign(secret, ts.Unix(), b)}}
	}
	for _, tc := range []struct {
		name    string
		body    []byte
		header  http.Header
		status  int
		message string
	}{
		{"no signature", body, http.Header{headerTimestamp: {strconv.FormatInt(now.Unix(), 10)}}, http.StatusUnauthorized, "签名"},
		{"no timestamp", body, http.Header{headerSignature: {Sign(testSecret, now.Unix(), body)}}, http.StatusUnauthorized, "时间戳"},
		{"another secret", body, signed(now, []byte("another secret of thirty-two bytes"), body), http.StatusUnauthorized, "签名"},
		{"the body changed after signing", bytes.Replace(body, []byte("000101"), []byte("000102"), 1), signed(now, testSecret, body), http.StatusUnauthorized, "签名"},
		{"replayed six minutes later", body, signed(now.Add(-6*time.Minute), testSecret, body), http.StatusUnauthorized, "时间窗口"},
		{"dated six minutes ahead", body, signed(now.Add(6*time.Minute), testSecret, body), http.StatusUnauthorized, "时间窗口"},
		{"a timestamp that is not a number", body, http.Header{headerTimestamp: {"yesterday"}, headerSignature: {Sign(testSecret, now.Unix(), body)}}, http.StatusUnauthorized, "时间戳"},
		{"over 64 KiB", bytes.Repeat([]byte("x"), maxPushBytes+1), nil, http.StatusRequestEntityTooLarge, "过大"},
		{"not JSON", []byte("{"), signed(now, testSecret, []byte("{")), http.StatusBadRequest, ""},
		{"no matter number", []byte(`{"assessNumber":1,"pf":"4","satisfaction":"2","assessTime":"2026-11-20 09:15:00"}`), nil, http.StatusUnprocessableEntity, "办件编号"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := p.snapshot(t)
			h := tc.header
			if h == nil {
				h = signed(now, testSecret, tc.body)
			}
			a, err := NewClient(p.URL).Do(context.Background(), http.MethodPost, "/push", bytes.NewReader(tc.body), h)
			require.NoError(t, err)
			assert.Equal(t, tc.status, a.Status, a.Text())
			var e struct{ Error string }
			require.NoError(t, json.Unmarshal(a.Body, &e), a.Text())
			assert.Contains(t, e.Error, tc.message)
			assert.NotContains(t, e.Error, "13812345678")
			assert.Equal(t, before, p.snapshot(t), "nothing changed")
		})
	}
}

// Without a secret configured, pushes are taken unsigned (a demo); the portal says so.
func TestPushUnsignedWhenNoSecret(t *testing.T) {
	db, err := OpenDatabase(t.Context(), t.TempDir()+"/p.db")
	require.NoError(t, err)
	defer db.Close()
	srv, err := NewServer(Config{Database: db, Auth: DemoUsers()})
	require.NoError(t, err)
	assert.False(t, srv.signed())
	var out strings.Builder
	printWelcome(&out, "http://127.0.0.1:8080", db.Name, srv)
	assert.Contains(t, out.String(), "不验签")
	for _, u := range DemoUsers().Users() {
		assert.Contains(t, out.String(), u.ID)
	}
	a, err := NewClient(startPortalOver(t, srv)).Push(context.Background(), DemoPush("450224-2026-000200", time.Now().Add(-time.Hour)), nil, time.Time{})
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, a.Status, a.Text())
}

// The signature is HMAC-SHA-256 over the timestamp, a dot and the body, as push.go says.
func TestSignIsDocumented(t *testing.T) {
	// computed independently: printf '1796176800.{}' | openssl dgst -sha256 -hmac 'k'
	assert.Equal(t, "sha256=78f62fb2998f3e7bf29a5809e3d187a7214e5269eb9a07058284a3c94e0df20e", Sign([]byte("k"), 1796176800, []byte("{}")))
}
