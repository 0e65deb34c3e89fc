package main

import (
	"cmp"
	"context"
	"crypto/hmac"
	"encoding/base64"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
	"github.com/haochaping/haochaping/scoring"
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
	// Complaints is true for a user who registers on-site complaints.
	Complaints bool
}

// worklist is GET /: the user's duties, soonest due first, at-risk and overdue marked; then
// what awaits them with no deadline (an untimed duty, a decision such as the city office's on
// an appeal, the archiving); then a page of the open cases of their unit.
func (s *Server) worklist(w http.ResponseWriter, r *http.Request, v visit) {
	ctx, now := r.Context(), s.now()
	after, err := s.readCursor(r.URL.Query().Get("after"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var d worklistData
	listed := map[string]bool{} // cases with a timed duty listed
	err = s.db.Store.ScanDuties(ctx, s.scope(v.User), func(od caseflow.OpenDuty) error {
		if s.owes(v.User, od.Case.Kind, od.Duty) {
			d.Items = append(d.Items, s.workItem(od, now))
			listed[od.Case.ID] = true
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	slices.SortStableFunc(d.Items, func(a, b workItem) int { return a.due.Compare(b.due) })
	waiting, err := s.awaiting(r.Context(), v.User, listed)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Items = append(d.Items, waiting...)
	if len(d.Items) > worklistLimit {
		d.Items, d.More = d.Items[:worklistLimit], true
	}
	cases, next, err := s.db.Store.List(ctx, s.scope(v.User), caseflow.Page{After: after, Limit: casesPerPage})
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
	d.Next = s.cursor(next)
	d.Complaints = len(s.complaintCenters(v.User)) > 0
	for i := range 6 {
		d.Months = append(d.Months, now.In(haochaping.Location()).AddDate(0, -i, 1-now.In(haochaping.Location()).Day()).Format("2006-01"))
	}
	s.render(w, http.StatusOK, "worklist", page{Title: "工作台", Visit: v, Data: d})
}

// awaitingScan bounds the open cases the worklist reads whole for what awaits the user with
// no deadline; a county with more open cases than this lists the rest on the case pages.
const awaitingScan = 1000

// awaiting lists what awaits the user on the open cases of their scope that have no timed
// duty of theirs listed: their untimed duties (a leader's second review, 第八条), and the steps
// only they may take now that no duty names (the city office's decision on an appeal, 第九条;
// the leader's on a withdrawal, 第三条; the office's archiving), oldest case first.
func (s *Server) awaiting(ctx context.Context, u User, listed map[string]bool) ([]workItem, error) {
	var items []workItem
	scanned := 0
	for c, err := range scoring.StoredCases(ctx, s.db.Store, s.scope(u)) {
		if err != nil {
			return nil, err
		}
		if scanned++; scanned > awaitingScan {
			break
		}
		if listed[c.ID] {
			continue
		}
		for _, du := range c.OpenDuties() {
			if !du.Timed && s.owes(u, c.Kind, du) {
				items = append(items, workItem{Case: c.ID, State: c.StateLabel(), Window: s.windowName(c),
					Duty: du.Label(), Owner: du.Owner.Label(), Rule: du.Rule(), Due: "不计时限"})
			}
		}
		steps, err := s.svc.AllowedOn(c, u.Actor)
		if err != nil {
			return nil, err
		}
		for _, st := range decisions(c, steps) {
			items = append(items, workItem{Case: c.ID, State: c.StateLabel(), Window: s.windowName(c),
				Duty: st.Label, Owner: u.Role.Label(), Rule: st.Rule, Due: "—"})
		}
	}
	return items, nil
}

// decisions are the steps of those allowed that move the case on: not those allowed in every
// state with no condition (督促办理, 按新规则重新计时, 申请撤销, 删除个人信息).
func decisions(c *caseflow.Case, steps []caseflow.AllowedStep) []caseflow.AllowedStep {
	anywhere := c.Workflow().Anywhere()
	return slices.DeleteFunc(slices.Clone(steps), func(st caseflow.AllowedStep) bool {
		return slices.ContainsFunc(anywhere, func(d caseflow.StepDef) bool { return d.Event == st.Event && d.When == "" })
	})
}

// errBadCursor is a page cursor the portal did not give.
var errBadCursor = &pageError{http.StatusBadRequest, "翻页参数无效，请从工作台首页重新翻页", "page cursor not signed by the portal"}

// cursor signs a store's page cursor, so that a user cannot hand the store one of their own
// (another unit's case ID, say, whose existence the answer would tell).
func (s *Server) cursor(next string) string {
	if next == "" {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(next)) + "." + base64.RawURLEncoding.EncodeToString(s.sessions.mac("cursor", []byte(next)))
}

// readCursor returns the store's cursor a signed one carries, or errBadCursor.
func (s *Server) readCursor(signed string) (string, error) {
	if signed == "" {
		return "", nil
	}
	c, m, ok := strings.Cut(signed, ".")
	next, err1 := strictBase64.DecodeString(c)
	mac, err2 := strictBase64.DecodeString(m)
	if !ok || err1 != nil || err2 != nil || !hmac.Equal(mac, s.sessions.mac("cursor", next)) {
		return "", errBadCursor
	}
	return string(next), nil
}

// caseRow describes an open case as the worklist lists it, with the decisions the user may
// take on it now.
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
	for _, st := range decisions(c, steps) {
		row.Steps = append(row.Steps, st.Label)
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
		it.StandingLabel += "（" + strconv.Itoa(st.DaysOverdue) + "个工作日）"
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
