// Command vendor is a portal's integration in one file, as a vendor writes it from go doc:
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

// users stand in for the portal's sign-in: a real portal takes the actor from its session.
var users = map[string]caseflow.Actor{
	"wang": {ID: "wang", Name: "王五", Role: caseflow.RoleOffice},
	"zhao": {ID: "zhao", Name: "赵六", Role: caseflow.RoleLeader},
	"qian": {ID: "qian", Name: "钱七", Role: caseflow.RoleWindowStaff, Org: "w-tax"},
	"sun":  {ID: "sun", Name: "孙八", Role: caseflow.RoleWindowHead, Org: "w-tax"},
}

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
		steps, err := svc.Allowed(r.Context(), r.PathValue("id"), users[r.Header.Get("X-User")])
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
		c, err := svc.Take(r.Context(), r.PathValue("id"), caseflow.Action{Actor: users[r.Header.Get("X-User")], Step: step})
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
// in Chinese for the clerk: 422 for a refused step, 404 for an unknown case, 400 otherwise.
func handle(fn func(r *http.Request, body []byte) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		v, err := fn(r, body)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		if err != nil {
			status := map[bool]int{true: http.StatusUnprocessableEntity, false: http.StatusBadRequest}[errors.As(err, new(*caseflow.RefusalError))]
			if errors.Is(err, caseflow.ErrNotFound) {
				status = http.StatusNotFound
			}
			w.WriteHeader(status)
			v = map[string]string{"error": caseflow.Message(err)}
		}
		_ = json.NewEncoder(w).Encode(v)
	})
}
