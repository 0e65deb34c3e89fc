// Command portal is the whole library behind a small web portal a vendor can read in an
// afternoon and copy from: the rating system pushes its ratings to POST /push (signed with
// a shared secret), every bad review opens a case (差评办件), and each person of the measures
// signs in to do their step in a browser: the office (县政管办), the leader in charge
// (“好差评”工作分管领导), window staff and heads, a township's or department's leader in charge
// and the city office (市督查科). Each sees the worklist of their role and unit, soonest due
// first; a case page shows its state, duties, trail and the steps the person may take now,
// with a form for each; the documents of Annexes 4 and 5 print as HTML, .docx and Markdown,
// and the monthly bulletin (通报) as HTML and .xlsx.
//
//	go run ./examples/portal                       # SQLite file portal.db, http://127.0.0.1:8080
//	go run ./examples/portal -db 'postgres://portal@127.0.0.1:5432/test?sslmode=disable'
//	go run ./examples/portal -smoke                # start, check every route on loopback, exit
//
// The database comes from -db or HAOCHAPING_PORTAL_DB: a file name opens the embedded
// SQLite store, a postgres:// URL PostgreSQL. The push secret comes from
// HAOCHAPING_PUSH_SECRET (none: pushes are taken unsigned, and the portal says so), the
// trail key from HAOCHAPING_TRAIL_KEY, the session key from HAOCHAPING_SESSION_KEY (none:
// a random one, so that sessions end with the process).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/haochaping/haochaping/examples/internal/demorules"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "the address to serve on")
	db := flag.String("db", os.Getenv("HAOCHAPING_PORTAL_DB"), "an SQLite file or a postgres:// URL (default portal.db; env HAOCHAPING_PORTAL_DB)")
	smoke := flag.Bool("smoke", false, "start on a free loopback port, check every route and exit (as CI runs it)")
	flag.Parse()
	log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *addr, *db, *smoke, log); err != nil {
		fmt.Fprintln(os.Stderr, "portal:", err)
		os.Exit(1)
	}
}

// run opens the database, starts the portal and serves until ctx ends (or, in smoke mode,
// until the checks have run), then shuts down gracefully.
func run(ctx context.Context, addr, dsn string, smoke bool, log *slog.Logger) error {
	if smoke {
		addr = "127.0.0.1:0"
		if dsn == "" {
			dir, err := os.MkdirTemp("", "haochaping-portal")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			dsn = dir + "/smoke.db"
		}
	}
	if dsn == "" {
		dsn = "portal.db"
	}
	secret := []byte(os.Getenv("HAOCHAPING_PUSH_SECRET"))
	if smoke && len(secret) == 0 {
		secret = []byte("the smoke run's own push secret") // so that signatures are checked too
	}
	db, err := OpenDatabase(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	rules, err := demorules.Rules() // illustrative: a county reads its own with scoring.ParseRules
	if err != nil {
		return err
	}
	srv, err := NewServer(Config{
		Rules:      rules,
		Database:   db,
		Auth:       DemoUsers(),
		PushSecret: secret,
		SessionKey: []byte(os.Getenv("HAOCHAPING_SESSION_KEY")),
		Logger:     log,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	url := "http://" + ln.Addr().String()
	log.Info("portal started", "url", url, "database", db.Name, "signedPushes", srv.signed())
	if smoke {
		err = Smoke(ctx, url, srv)
	} else {
		printWelcome(os.Stdout, url, db.Name, srv)
		select {
		case <-ctx.Done():
		case err = <-served:
		}
	}
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if serr := hs.Shutdown(shut); serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	log.Info("portal stopped")
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}
