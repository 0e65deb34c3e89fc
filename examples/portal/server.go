package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/forms"
	"github.com/haochaping/haochaping/scoring"
)

// Config is what a portal is made of; the zero value of each optional field is the demo's.
type Config struct {
	// Database keeps the cases and the ratings ledger (required).
	Database *Database
	// Auth signs people in (required): DemoUsers, or the county's own.
	Auth Authenticator
	// Orgs are the county's organisations; nil means DemoOrgs.
	Orgs []haochaping.Org
	// PushSecret is the secret the rating system signs its pushes with (HMAC-SHA-256 over the
	// timestamp and the body, see push.go); empty takes pushes unsigned, as a demo may.
	PushSecret []byte
	// SessionKey signs the session cookies, 32 bytes or more; empty means a random key, so
	// that sessions end when the process does.
	SessionKey []byte
	// Rules are the county's deduction rules (第十条) for the bulletin's appraisal; nil leaves
	// the deductions out.
	Rules *scoring.Rules
	// Logger receives the portal's structured logs; nil discards them.
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Server is the portal: the library's service over the database, and the pages and the
// webhook in front of it. It is an http.Handler, safe for concurrent use.
type Server struct {
	svc       *caseflow.Service
	db        *Database
	auth      Authenticator
	chart     *haochaping.OrgChart
	sessions  *sessions
	push      pushVerifier
	fulfils   map[fulfilKey]bool
	bulletins bulletins
	rules     *scoring.Rules
	docs      forms.Options
	log       *slog.Logger
	now       func() time.Time
	handler   http.Handler
}

// Limits of what the portal reads.
const (
	maxPushBytes = 64 << 10 // one pushed record
	maxFormBytes = 1 << 20  // one step's form
	// requestTimeout bounds a request's handling; the bulletin of a large county is the
	// slowest page.
	requestTimeout = 30 * time.Second
)

// NewServer makes a portal from c.
func NewServer(c Config) (*Server, error) {
	if c.Database == nil || c.Auth == nil {
		return nil, errors.New("portal: Config needs a Database and an Auth")
	}
	if c.Orgs == nil {
		c.Orgs = DemoOrgs()
	}
	chart, err := haochaping.NewOrgChart(c.Orgs...)
	if err != nil {
		return nil, fmt.Errorf("portal: organisations: %w", err)
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	key := c.SessionKey
	if len(key) == 0 {
		key = make([]byte, 32)
		rand.Read(key)
	} else if len(key) < 32 {
		return nil, errors.New("portal: the session key must be 32 bytes or more")
	}
	svc := caseflow.NewService(c.Database.Store)
	svc.Keys, svc.Now, svc.Logger = c.Database.Keys, c.Now, c.Logger
	svc.OnCommit = func(_ context.Context, cm caseflow.Committed) { // the county's SMS and notices go here
		c.Logger.Info("step committed", "case", cm.Case.ID, "event", cm.Entry.Event, "state", cm.Case.State, "actor", cm.Entry.Actor.ID)
	}
	s := &Server{
		svc: svc, db: c.Database, auth: c.Auth, chart: chart, rules: c.Rules,
		sessions: &sessions{key: key, ttl: 8 * time.Hour, now: c.Now},
		push:     pushVerifier{secret: c.PushSecret, window: 5 * time.Minute, now: c.Now},
		docs:     forms.DefaultOptions(), fulfils: fulfilment(),
		log: c.Logger, now: c.Now,
	}
	s.docs.Calendar = svc.Calendar
	s.handler = s.routes()
	return s, nil
}

// signed reports whether pushes must be signed.
func (s *Server) signed() bool { return len(s.push.secret) > 0 }

// routes registers every route in one place.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("POST /push", s.receivePush)
	mux.HandleFunc("GET /login", s.loginPage)
	mux.HandleFunc("POST /login", s.login)
	mux.Handle("POST /logout", s.signedIn(s.logout))
	mux.Handle("GET /{$}", s.signedIn(s.worklist))
	mux.Handle("GET /complaints/new", s.signedIn(s.complaintPage))
	mux.Handle("POST /complaints", s.signedIn(s.receiveComplaint))
	mux.Handle("GET /cases/{id}", s.signedIn(s.casePage))
	mux.Handle("GET /cases/{id}/steps/{event}", s.signedIn(s.stepPage))
	mux.Handle("POST /cases/{id}/steps/{event}", s.signedIn(s.takeStep))
	mux.Handle("GET /cases/{id}/documents/{file}", s.signedIn(s.document))
	mux.Handle("GET /bulletin", s.signedIn(s.bulletin))
	mux.Handle("GET /bulletin.xlsx", s.signedIn(s.bulletinXLSX))
	// Cross-origin protection (Sec-Fetch-Site and Origin) on every unsafe request: a form
	// posted from another site is refused before any handler reads it. The webhook is a
	// server's call, which sends neither header and passes.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, errCrossOrigin)
	}))
	var h http.Handler = cop.Handler(mux)
	h = http.TimeoutHandler(h, requestTimeout, "请求处理超时，请稍后重试")
	return s.logged(h)
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// logged logs each request (method, path, status, duration; never a form or a body), sets
// the headers every answer carries, and turns a panic into a 500.
func (s *Server) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		info := &requestInfo{}
		r = r.WithContext(context.WithValue(r.Context(), requestKey{}, info))
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		if r.TLS != nil { // served over HTTPS: browsers are to come back over HTTPS alone
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				http.Error(rec, "系统错误", http.StatusInternalServerError)
			}
			s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status, "user", info.user.Load(), "ms", s.now().Sub(start).Milliseconds())
		}()
		next.ServeHTTP(rec, r)
	})
}

// requestInfo is what the handlers tell the request's log line: who was signed in.
type requestInfo struct{ user atomic.Value } // string; set by the handler's goroutine

type requestKey struct{}

// statusRecorder remembers the status a handler wrote, for the log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// healthz answers 200 when the database does, for a load balancer.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.db.Ping(ctx); err != nil {
		s.log.Error("health check", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "database unavailable")
		return
	}
	fmt.Fprintln(w, "ok")
}
