package main

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// sessionCookie is the session cookie's name. The cookie is Secure, HttpOnly and
// SameSite=Lax, and its __Host- prefix makes browsers refuse one set by another host (a
// sibling subdomain) or for another path; browsers keep such a cookie on http://127.0.0.1
// and http://localhost, which they count as secure origins, and a county serves the portal
// over HTTPS.
const sessionCookie = "__Host-haochaping_session"

// session is what the cookie carries, signed with HMAC-SHA-256 under the server's key: the
// user's ID (the user is looked up on every request), when it ends, and a random ID the
// form token is derived from.
type session struct {
	User    string `json:"u"`
	Expires int64  `json:"e"`
	ID      string `json:"i"`
}

// strictBase64 reads a cookie's parts refusing the non-canonical spellings of a value (other
// trailing bits), so that a session has one cookie: FuzzSessionCookie found a second one.
var strictBase64 = base64.RawURLEncoding.Strict()

// sessions issues and checks session cookies. A signed-out session is remembered until it
// would have ended, so that a copy of its cookie is refused too; the list lives in memory,
// which suits one process: a county running several keeps it in their shared store.
type sessions struct {
	key []byte
	ttl time.Duration
	now func() time.Time

	mu      sync.Mutex
	revoked map[string]int64 // session ID → when it would have ended (Unix seconds)
}

// revoke ends a session before its time.
func (ss *sessions) revoke(s session) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	now := ss.now().Unix()
	if ss.revoked == nil {
		ss.revoked = map[string]int64{}
	}
	for id, end := range ss.revoked { // forget those that have ended anyway
		if end <= now {
			delete(ss.revoked, id)
		}
	}
	ss.revoked[s.ID] = s.Expires
}

// isRevoked reports whether the session was signed out.
func (ss *sessions) isRevoked(s session) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	_, ok := ss.revoked[s.ID]
	return ok
}

// issue starts a session for the user.
func (ss *sessions) issue(w http.ResponseWriter, user string) {
	id := make([]byte, 16)
	rand.Read(id)
	value := ss.encode(session{User: user, Expires: ss.now().Add(ss.ttl).Unix(), ID: hex.EncodeToString(id)})
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: value, Path: "/", MaxAge: int(ss.ttl.Seconds()),
		Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// encode is the cookie's value of a session: its JSON and its MAC, each in base64url.
func (ss *sessions) encode(s session) string {
	payload, _ := json.Marshal(s)
	return base64.RawURLEncoding.EncodeToString(payload) + "." + base64.RawURLEncoding.EncodeToString(ss.mac("session", payload))
}

// clear ends the session in the browser.
func (ss *sessions) clear(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// read returns the request's session, if it carries a valid one that has not ended.
func (ss *sessions) read(r *http.Request) (session, bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || len(c.Value) > 512 {
		return session{}, false
	}
	p, m, ok := strings.Cut(c.Value, ".")
	payload, err1 := strictBase64.DecodeString(p)
	mac, err2 := strictBase64.DecodeString(m)
	if !ok || err1 != nil || err2 != nil || !hmac.Equal(mac, ss.mac("session", payload)) {
		return session{}, false
	}
	var s session
	if json.Unmarshal(payload, &s) != nil || s.User == "" || ss.now().Unix() >= s.Expires || ss.isRevoked(s) {
		return session{}, false
	}
	return s, true
}

// token is the session's form token: every form carries it, and a POST without it is
// refused, beside the cross-origin check.
func (ss *sessions) token(s session) string {
	return base64.RawURLEncoding.EncodeToString(ss.mac("csrf", []byte(s.ID)))
}

// validToken reports whether t is the session's form token.
func (ss *sessions) validToken(s session, t string) bool {
	return hmac.Equal([]byte(t), []byte(ss.token(s)))
}

func (ss *sessions) mac(purpose string, b []byte) []byte {
	h := hmac.New(sha256.New, ss.key)
	h.Write([]byte(purpose + "\x00"))
	h.Write(b)
	return h.Sum(nil)
}

// visit is a signed-in request: the user, their session and its form token.
type visit struct {
	User    User
	Session session
	Token   string
}

type visitKey struct{}

// signedIn lets through requests of a signed-in user, with the user in the context; others
// go to the sign-in page (a GET) or are refused (any other method). A POST must carry the
// session's form token.
func (s *Server) signedIn(next func(http.ResponseWriter, *http.Request, visit)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ses, ok := s.sessions.read(r)
		var u User
		var err error
		if ok {
			u, err = s.auth.Lookup(r.Context(), ses.User)
		}
		if !ok || err != nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			s.fail(w, r, errSignedOut)
			return
		}
		v := visit{User: u, Session: ses, Token: s.sessions.token(ses)}
		if info, ok := r.Context().Value(requestKey{}).(*requestInfo); ok {
			info.user.Store(u.ID) // for the request's log line
		}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
			if err := r.ParseForm(); err != nil {
				s.fail(w, r, errForm(err))
				return
			}
			if !s.sessions.validToken(ses, r.PostFormValue("csrf")) {
				s.fail(w, r, errFormToken)
				return
			}
		}
		next(w, r.WithContext(context.WithValue(r.Context(), visitKey{}, v)), v)
	})
}
