// Command vendor is a portal's integration, as a vendor writes it from go doc:
// the rating system pushes a review over HTTP and a case opens; each person asks which steps
// they may take and posts one as JSON; the office lists the overdue duties; every committed
// step sends a notice. Run with -addr :8080 to serve; without it the program drives itself
// through a whole case on a demo clock (demo.go), prints what each person sees, and exits.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

func main() {
	addr := flag.String("addr", "", "serve the API on this address; empty runs the demo and exits")
	flag.Parse()
	svc := caseflow.NewService(caseflow.NewMemoryStore())
	svc.OnCommit = func(_ context.Context, c caseflow.Committed) { // the portal's SMS and notices go here
		step, _ := c.Case.Workflow().Step(c.Entry.Event, c.Entry.From)
		fmt.Printf("    通知：办件%s已办理“%s”，现为“%s”\n", c.Case.ID, step.Label, c.Case.StateLabel())
	}
	if *addr != "" {
		log.Fatal(http.ListenAndServe(*addr, api(svc)))
	}
	demo(svc)
}

// api is the portal's HTTP API over the service.
func api(svc *caseflow.Service) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /push", handle(func(r *http.Request, body []byte) (any, error) {
		format := haochaping.NationalPush()
		format.Decrypter = decrypt // the platform's cipher (SM4 under the county's key) goes here
		rv, err := haochaping.DecodePushed(body, format)
		if err != nil {
			return nil, err
		}
		c, created, err := svc.Receive(r.Context(), rv)
		if err != nil {
			return nil, err
		}
		return map[string]any{"case": c.ID, "state": c.StateLabel(), "created": created}, nil
	}))
	mux.Handle("GET /cases/{id}/steps", handle(func(r *http.Request, _ []byte) (any, error) {
		steps, err := svc.Allowed(r.Context(), r.PathValue("id"), actor(r))
		var labels []string
		for _, s := range steps {
			labels = append(labels, string(s.Event)+" "+s.Label)
		}
		return map[string]any{"steps": labels}, err
	}))
	mux.Handle("POST /cases/{id}/steps/{event}", handle(func(r *http.Request, body []byte) (any, error) {
		step, err := caseflow.DecodeStep(caseflow.Event(r.PathValue("event")), body)
		if err != nil {
			return nil, err
		}
		c, err := svc.Take(r.Context(), r.PathValue("id"), caseflow.Action{Actor: actor(r), Step: step})
		if err != nil {
			return nil, err
		}
		return map[string]any{"state": c.StateLabel()}, nil
	}))
	mux.Handle("GET /worklist", handle(func(r *http.Request, _ []byte) (any, error) {
		ds, err := svc.AtRisk(r.Context(), caseflow.Filter{Open: true}, deadline.Overdue)
		var lines []string
		for _, d := range ds {
			lines = append(lines, fmt.Sprintf("%s %s：%s，%s，超期%d个工作日", d.Case.ID, d.Duty.Owner.Label(),
				d.Duty.Label(), svc.Calendar.FormatDue(d.Duty.Deadline.Due, svc.Now()), d.Status.DaysOverdue))
		}
		return map[string]any{"overdue": lines}, err
	}))
	return mux
}

// handle reads a request's body (1 MiB at most) and writes fn's answer as JSON, or its error
// in Chinese for the clerk with the status of its kind.
func handle(fn func(r *http.Request, body []byte) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		var v any
		if err != nil {
			err = fmt.Errorf("%w: %v", haochaping.ErrTooLarge, err)
		} else {
			v, err = fn(r, body)
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		if err != nil {
			w.WriteHeader(status(err))
			v = map[string]string{"error": caseflow.Message(err)}
		}
		_ = json.NewEncoder(w).Encode(v)
	})
}

// status is the HTTP status of an error: the one table that translates the library's errors.
func status(err error) int {
	switch {
	case errors.Is(err, haochaping.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, caseflow.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, caseflow.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, haochaping.ErrMalformed):
		return http.StatusBadRequest
	case errors.As(err, new(*caseflow.RefusalError)), errors.As(err, new(*haochaping.FieldError)):
		return http.StatusUnprocessableEntity
	}
	return http.StatusInternalServerError
}
