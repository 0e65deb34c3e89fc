package main

import (
	"cmp"
	"net/http"
	"slices"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// Limits of one worklist page: the duties listed (read from the duties' index), and the
// open cases (each read whole, so fewer: with 200 open cases, the office's worklist took
// 52 ms listing 100 of them, 21 ms listing 25; BenchmarkWorklist).
const (
	worklistLimit = 100
	casesPerPage  = 25
)

// workItem is one duty of the worklist.
type workItem struct {
	Case, State, Window string
	Duty, Owner, Rule   string
	Due                 string
	due                 time.Time
	// Standing is the CSS class of its standing (on_time, at_risk, overdue); StandingLabel
	// its Chinese label, with the working days overdue.
	Standing, StandingLabel string
}

// caseRow is one case of the worklist's list of cases: with its matter number, which a clerk
// knows it by, and the steps the user may take on it now (archiving, say, which is no duty).
type caseRow struct {
	ID, Matter, Kind, State, Window, Received, Due string
	Steps                                          []string
}

// worklistData is the worklist page's.
type worklistData struct {
	Items  []workItem
	More   bool
	Cases  []caseRow
	Next   string   // the cursor of the next page of cases
	Months []string // the bulletins to open, latest first: "2026-11"
}

// worklist is GET /: the user's duties, soonest due first, at-risk and overdue marked, and
// the open cases of their unit.
func (s *Server) worklist(w http.ResponseWriter, r *http.Request, v visit) {
	ctx, now := r.Context(), s.now()
	var d worklistData
	err := s.db.Store.ScanDuties(ctx, s.scope(v.User), func(od caseflow.OpenDuty) error {
		if owes(v.User, od.Duty) {
			d.Items = append(d.Items, s.workItem(od, now))
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	slices.SortStableFunc(d.Items, func(a, b workItem) int { return a.due.Compare(b.due) })
	if len(d.Items) > worklistLimit {
		d.Items, d.More = d.Items[:worklistLimit], true
	}
	cases, next, err := s.db.Store.List(ctx, s.scope(v.User), caseflow.Page{After: r.URL.Query().Get("after"), Limit: casesPerPage})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, c := range cases {
		row, err := s.caseRow(c, v.User, now)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		d.Cases = append(d.Cases, row)
	}
	d.Next = next
	for i := range 6 {
		d.Months = append(d.Months, now.In(haochaping.Location()).AddDate(0, -i, 1-now.In(haochaping.Location()).Day()).Format("2006-01"))
	}
	s.render(w, http.StatusOK, "worklist", page{Title: "工作台", Visit: v, Data: d})
}

// caseRow describes an open case as the worklist lists it, with the steps of the workflow
// the user may take on it now (not those allowed anywhere: 督促办理, 申请撤销…).
func (s *Server) caseRow(c *caseflow.Case, u User, now time.Time) (caseRow, error) {
	row := caseRow{ID: c.ID, Kind: c.Kind.Label(), State: c.StateLabel(), Window: cmp.Or(s.windowName(c), "未指定"),
		Received: s.svc.Calendar.FormatTime(c.ReceivedAt)}
	if c.Review != nil {
		row.Matter = c.Review.MatterNumber
	} else if c.Complaint != nil {
		row.Matter = c.Complaint.MatterNumber
	}
	if due, ok := c.Due(); ok {
		row.Due = s.svc.Calendar.FormatDue(due, now)
	}
	steps, err := s.svc.AllowedOn(c, u.Actor)
	anywhere := c.Workflow().Anywhere()
	for _, st := range steps {
		if !slices.ContainsFunc(anywhere, func(d caseflow.StepDef) bool { return d.Event == st.Event }) {
			row.Steps = append(row.Steps, st.Label)
		}
	}
	return row, err
}

// workItem describes an open duty as the worklist shows it.
func (s *Server) workItem(od caseflow.OpenDuty, now time.Time) workItem {
	it := workItem{Case: od.Case.ID, State: od.Case.StateLabel(), Window: s.orgName(od.Case.Window),
		Duty: od.Duty.Label(), Owner: od.Duty.Owner.Label(), Rule: od.Duty.Rule(),
		Due: s.svc.Calendar.FormatDue(od.Due, now), due: od.Due}
	st, err := s.svc.Calendar.Status(od.Duty.Deadline, now)
	if err != nil { // a year past the calendar's notices: say nothing rather than guess
		return it
	}
	it.Standing, it.StandingLabel = standingClass(st.Standing), st.Standing.Label()
	if st.DaysOverdue > 0 {
		it.StandingLabel += "（" + itoa(st.DaysOverdue) + "个工作日）"
	}
	return it
}

// standingClass is the CSS class of a standing.
func standingClass(st deadline.Standing) string {
	switch st {
	case deadline.Overdue:
		return "overdue"
	case deadline.AtRisk:
		return "at_risk"
	}
	return "on_time"
}
