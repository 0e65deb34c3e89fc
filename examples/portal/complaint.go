package main

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// complaintData is the on-site complaint form's page.
type complaintData struct {
	Centers []haochaping.Org    // where the user may register a complaint
	Windows []haochaping.Window // the county's windows, any of which the complainant may name
	Form    url.Values          // what was typed, after a refusal
	ID      string              // the complaint's own ID: posting the form twice opens one case
	Now     string              // the default time, for <input type=datetime-local>
}

// complaintCenters are the centres where the user registers on-site complaints (第四条): any,
// for the office; their own, for the leader in charge of a sub-centre or township centre
// (第四条（二）); none for anyone else.
func (s *Server) complaintCenters(u User) []haochaping.Org {
	var cs []haochaping.Org
	for _, o := range s.chart.Orgs() {
		switch {
		case !o.Kind.IsCenter():
		case u.Role == caseflow.RoleOffice, u.Role == caseflow.RoleOrgLeader && o.ID == u.Org && o.Kind.LedByOwnLeader():
			cs = append(cs, o)
		}
	}
	return cs
}

// complaintPage is GET /complaints/new: the form of an on-site complaint (现场投诉, Annex 2).
func (s *Server) complaintPage(w http.ResponseWriter, r *http.Request, v visit) {
	s.showComplaint(w, v, http.StatusOK, nil, "")
}

// showComplaint draws the complaint form, filled with values after a refusal.
func (s *Server) showComplaint(w http.ResponseWriter, v visit, code int, values url.Values, refusal string) {
	d := complaintData{Centers: s.complaintCenters(v.User), Form: values,
		Now: s.now().In(haochaping.Location()).Format("2006-01-02T15:04")}
	if len(d.Centers) == 0 {
		s.render(w, http.StatusForbidden, "error", page{Title: "登记现场投诉", Visit: v, Message: errNoComplaints.message})
		return
	}
	if d.ID = values.Get("id"); d.ID == "" {
		b := make([]byte, 12)
		rand.Read(b)
		d.ID = "OS-" + hex.EncodeToString(b)
	}
	for _, o := range s.chart.Orgs() {
		if o.Kind == haochaping.OrgWindow {
			win, _ := s.chart.Window(o.ID)
			d.Windows = append(d.Windows, win)
		}
	}
	s.render(w, code, "complaint", page{Title: "登记现场投诉", Visit: v, Message: refusal, Data: d})
}

// errNoComplaints refuses the complaint form to those who do not register complaints.
var errNoComplaints = &pageError{http.StatusForbidden, "现场投诉由县政管办登记；分中心、乡镇的现场投诉由其单位分管领导登记（第四条）", "user registers no complaints"}

// receiveComplaint is POST /complaints: the complaint registered, a case opened (第四条).
func (s *Server) receiveComplaint(w http.ResponseWriter, r *http.Request, v visit) {
	f := r.PostForm
	centers := s.complaintCenters(v.User)
	var center haochaping.Org
	for _, c := range centers {
		if c.ID == f.Get("center") {
			center = c
		}
	}
	if center.ID == "" {
		if len(centers) == 0 {
			s.fail(w, r, errNoComplaints)
			return
		}
		s.showComplaint(w, v, http.StatusUnprocessableEntity, f, "请选择投诉所在的服务中心")
		return
	}
	at, err := time.ParseInLocation("2006-01-02T15:04", f.Get("time"), haochaping.Location())
	if err != nil {
		s.showComplaint(w, v, http.StatusUnprocessableEntity, f, "投诉时间应写作 2026-12-01T09:30 这样的日期和时间")
		return
	}
	cp := caseflow.Complaint{
		ID:           f.Get("id"),
		Complainant:  haochaping.Reviewer{Name: strings.TrimSpace(f.Get("name")), Phone: strings.TrimSpace(f.Get("phone"))},
		Time:         at,
		Content:      strings.TrimSpace(f.Get("content")),
		Center:       center,
		Window:       f.Get("window"),
		MatterNumber: strings.TrimSpace(f.Get("matterNumber")),
		ServiceItem:  strings.TrimSpace(f.Get("serviceItem")),
	}
	c, created, err := s.svc.Complain(r.Context(), v.User.Actor, cp)
	if err != nil {
		s.log.Info("complaint refused", "user", v.User.ID, "err", err)
		s.showComplaint(w, v, formStatus(err), f, message(err))
		return
	}
	s.log.Info("complaint received", "case", c.ID, "created", created, "user", v.User.ID, "center", center.ID)
	http.Redirect(w, r, "/cases/"+url.PathEscape(c.ID)+"?done=receive", http.StatusSeeOther)
}
