package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// call sends a request as user and returns the status and the body's error message.
func call(t *testing.T, srv *httptest.Server, user, method, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("X-User", user)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var v struct{ Case, Error string }
	_ = json.Unmarshal(b, &v)
	return resp.StatusCode, v.Case + v.Error
}

// Every error reaches the clerk in Chinese with the status of its kind, and changes nothing.
func TestAPIStatusesAndMessages(t *testing.T) {
	svc := caseflow.NewService(caseflow.NewMemoryStore())
	now := time.Date(2026, 11, 20, 9, 30, 0, 0, haochaping.Location())
	svc.Now = func() time.Time { return now }
	srv := httptest.NewServer(api(svc))
	defer srv.Close()
	st, id := call(t, srv, "", "POST", "/push", push("450224-2026-000999"))
	require.Equal(t, http.StatusOK, st)
	steps := "/cases/" + id + "/steps/"
	for _, tc := range []struct {
		name, user, method, path, body string
		status                         int
		message                        string
	}{
		{"a push that is not JSON", "", "POST", "/push", "{", http.StatusBadRequest, ""},
		{"a misspelt field", "wang", "POST", steps + "urge", `{"mesage":"请办理"}`, http.StatusBadRequest, "不是本步骤的内容"},
		{"an unknown step", "wang", "POST", steps + "fly", `{}`, http.StatusBadRequest, "不存在，请从可办理的步骤中选择"},
		{"a body over 1 MiB", "wang", "POST", steps + "urge", `{"message":"` + strings.Repeat("办", 1<<19) + `"}`, http.StatusRequestEntityTooLarge, "内容过大"},
		{"another role's step", "qian", "POST", steps + "register", `{}`, http.StatusUnprocessableEntity, "应由县政管办办理"},
		{"nobody signed in", "", "POST", steps + "urge", `{"message":"请办理"}`, http.StatusUnprocessableEntity, "办理人"},
		{"an unknown case", "wang", "GET", "/cases/no-such/steps", "", http.StatusNotFound, "未找到该办件"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, err := svc.Get(t.Context(), id)
			require.NoError(t, err)
			st, msg := call(t, srv, tc.user, tc.method, tc.path, tc.body)
			assert.Equal(t, tc.status, st)
			assert.Contains(t, msg, tc.message)
			assert.NotContains(t, msg, "系统错误")
			after, err := svc.Get(t.Context(), id)
			require.NoError(t, err)
			assert.Equal(t, before.Version, after.Version, "nothing changed")
		})
	}
}
