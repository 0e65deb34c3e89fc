package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// FuzzSessionCookie: no cookie but one the portal issued is a session; none panics.
func FuzzSessionCookie(f *testing.F) {
	ss := &sessions{key: []byte("a session key of thirty-two bytes or more"), ttl: time.Hour, now: time.Now}
	valid := ss.encode(session{User: "wang", Expires: 1 << 40, ID: "0123456789abcdef"})
	f.Add(valid)
	f.Add(valid[:len(valid)-1])
	f.Add("e30.AAAA")
	f.Add("")
	f.Add(strings.Repeat(".", 700))
	f.Fuzz(func(t *testing.T, v string) {
		if v == valid {
			return
		}
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Cookie", sessionCookie+"="+v)
		if s, ok := ss.read(r); ok {
			t.Fatalf("cookie %q read as a session of %q", v, s.User)
		}
	})
}

// FuzzPush: whatever is pushed, signed or not, the webhook answers 200 or a 4xx, never a
// server error or a panic, and opens a case only with a 200.
func FuzzPush(f *testing.F) {
	p := newPortal(f)
	now := p.now()
	f.Add(DemoPush("450224-2026-009000", now.Add(-time.Hour)), now.Unix(), true)
	f.Add(DemoRating("450224-2026-009001", now.Add(-time.Hour)), now.Unix(), true)
	f.Add([]byte(`{"projectNo":"x","assessNumber":1,"pf":"4","satisfaction":"1","assessTime":"2019-01-01 00:00:00","evalDetail":"1,2,3"}`), now.Unix(), true)
	f.Add([]byte("{"), int64(-1), false)
	f.Add([]byte(`{"projectNo":"\u0000"}`), int64(1<<62), true)
	f.Fuzz(func(t *testing.T, body []byte, ts int64, sign bool) {
		r := httptest.NewRequest(http.MethodPost, "/push", strings.NewReader(string(body)))
		r.Header.Set(headerTimestamp, strconv.FormatInt(ts, 10))
		if sign {
			r.Header.Set(headerSignature, Sign(testSecret, ts, body))
		}
		w := httptest.NewRecorder()
		p.ServeHTTP(w, r)
		if w.Code >= 500 || (w.Code != http.StatusOK && strings.Contains(w.Body.String(), `"created":true`)) {
			t.Fatalf("push %q: %d %s", body, w.Code, w.Body)
		}
	})
}

// FuzzStepForm: whatever a signed-in clerk posts as a step's form, the portal answers with a
// page (a step taken, or a refusal in Chinese), never a server error or a panic.
func FuzzStepForm(f *testing.F) {
	p := newPortal(f)
	id := p.pushCase(f, "450224-2026-009100")
	c := p.as(f, "wang")
	for _, st := range DemoWalk {
		f.Add(st.Event, st.Form.Encode())
	}
	f.Add("report", "finding.causes.99.dimension=attitude&finding.verdict=x")
	f.Add("register", "responsibleWindow=nowhere&reportedTo=leader&reportedTo=%00")
	f.Fuzz(func(t *testing.T, event, form string) {
		values, err := url.ParseQuery(form)
		if err != nil || strings.ContainsAny(event, "/?#%") {
			return
		}
		values.Set("csrf", c.token)
		r := httptest.NewRequest(http.MethodPost, "/cases/"+id+"/steps/"+url.PathEscape(event), strings.NewReader(values.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Cookie", sessionCookie+"="+c.cookie)
		w := httptest.NewRecorder()
		p.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%s %q: %d %s", event, form, w.Code, w.Body)
		}
	})
}
