package main

import (
	"cmp"
	"net/http"
	"strconv"
	"strings"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/forms"
)

// field is one line of a case's particulars.
type field struct{ Label, Value string }

// dutyRow is one duty of a case.
type dutyRow struct {
	Label, Owner, Org, Rule, Due string
	Standing, StandingLabel      string
	Done                         string // 按期办结, 逾期办结, 已撤销; empty while open
}

// trailRow is one step of a case's trail.
type trailRow struct {
	Seq               int
	Time, Actor, Step string
	From, To, Note    string
	Content           string // what the step recorded, in Chinese
	Late              bool
}

// docLink is one document of a case.
type docLink struct{ Name, Title string }

// caseData is the case page's.
type caseData struct {
	ID, Kind, State string
	Particulars     []field
	Duties          []dutyRow
	Trail           []trailRow
	Steps           []caseflow.AllowedStep
	Documents       []docLink
}

// casePage is GET /cases/{id}: the case's particulars (personal data masked), its duties,
// its trail, the steps the user may take now and its documents.
func (s *Server) casePage(w http.ResponseWriter, r *http.Request, v visit) {
	c, err := s.readCase(r.Context(), v.User, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.caseData(c, v.User, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := page{Title: "办件 " + c.ID, Visit: v, Data: d}
	if ev := r.URL.Query().Get("done"); ev != "" {
		if st, ok := caseflow.StepTypeOf(caseflow.Event(ev)); ok {
			p.Done = "已办理：" + st.Label + "。办件现为“" + c.StateLabel() + "”。"
		}
	}
	s.render(w, http.StatusOK, "case", p)
}

// caseData describes the case for the user; full shows the reviewer's name and phone in
// full, for the office's callback alone.
func (s *Server) caseData(c *caseflow.Case, u User, full bool) (caseData, error) {
	now := s.now()
	d := caseData{ID: c.ID, Kind: c.Kind.Label(), State: c.StateLabel(), Particulars: s.particulars(c, full)}
	statuses, err := s.svc.Duties(c)
	if err != nil {
		return d, err
	}
	open := map[*caseflow.Duty]caseflow.DutyStatus{}
	for _, st := range statuses {
		open[st.Duty] = st
	}
	for _, du := range c.Duties {
		row := dutyRow{Label: du.Label(), Owner: du.Owner.Label(), Org: s.orgName(du.Org), Rule: du.Rule()}
		if du.Timed {
			row.Due = s.svc.Calendar.FormatDue(du.Deadline.Due, now)
		}
		switch st, ok := open[du]; {
		case du.Cancelled:
			row.Done = "已撤销"
		case !du.Open() && du.OnTime:
			row.Done = "按期办结"
		case !du.Open():
			row.Done = "逾期办结"
		case ok && st.Status.Standing != 0:
			row.Standing, row.StandingLabel = standingClass(st.Status.Standing), st.Status.Standing.Label()
		}
		d.Duties = append(d.Duties, row)
	}
	wf := c.Workflow()
	mask := forms.TextMasker(c) // what clerks and the reviewer wrote may name the reviewer
	for _, e := range c.Trail {
		row := trailRow{Seq: e.Seq, Time: s.svc.Calendar.FormatTime(e.Time), Actor: actorLabel(e.Actor), Step: string(e.Event),
			From: wf.Label(e.From), To: wf.Label(e.To), Note: mask(e.Note), Late: e.Late, Content: mask(stepContent(e))}
		if sd, ok := wf.Step(e.Event, e.From); ok {
			row.Step = sd.Label
		}
		if e.Seq == 1 {
			row.From = ""
		}
		d.Trail = append(d.Trail, row)
	}
	if d.Steps, err = s.svc.AllowedOn(c, u.Actor); err != nil {
		return d, err
	}
	docs, err := forms.ForCase(c, s.docs)
	if err != nil {
		return d, err
	}
	for _, doc := range docs {
		d.Documents = append(d.Documents, docLink{Name: doc.Name, Title: doc.Title})
	}
	return d, nil
}

// particulars are the case's facts: the rating, the reviewer (masked unless full), the
// responsible window and the finding.
func (s *Server) particulars(c *caseflow.Case, full bool) []field {
	var fs []field
	add := func(label, value string) {
		if value != "" {
			fs = append(fs, field{label, value})
		}
	}
	add("受理时间", s.svc.Calendar.FormatTime(c.ReceivedAt))
	if rv := c.Review; rv != nil {
		add("办件编号", rv.MatterNumber)
		add("办理事项", rv.ServiceItem)
		add("受理部门", rv.Department)
		add("评价时间", s.svc.Calendar.FormatTime(rv.Time))
		add("评价渠道", rv.Channel.Label())
		add("评价等级", rv.Level.Label())
		var opts []string
		for _, o := range rv.Options {
			opts = append(opts, o.Code+" "+o.Label)
		}
		add("差评选项", strings.Join(opts, "；"))
		if full {
			add("文字评价", rv.FreeText)
		} else {
			add("文字评价", forms.TextMasker(c)(rv.FreeText))
		}
		who := rv.Reviewer
		switch {
		case rv.Anonymous:
			add("评价人", "匿名")
		case full:
			add("评价人", who.Name)
			add("联系电话", who.Phone)
		default:
			add("评价人", haochaping.MaskName(who.Name))
			add("联系电话", haochaping.MaskPhone(who.Phone))
		}
	}
	if cp := c.Complaint; cp != nil {
		add("投诉地点", cp.Center.Name)
		add("投诉时间", s.svc.Calendar.FormatTime(cp.Time))
		add("办理编号", cp.MatterNumber)
		add("办理事项", cp.ServiceItem)
		add("被投诉窗口", s.orgName(cp.Window))
		if full {
			add("投诉人", cp.Complainant.Name)
			add("联系电话", cp.Complainant.Phone)
			add("投诉内容", cp.Content)
		} else {
			add("投诉人", haochaping.MaskName(cp.Complainant.Name))
			add("联系电话", haochaping.MaskPhone(cp.Complainant.Phone))
			add("投诉内容", forms.TextMasker(c)(cp.Content))
		}
	}
	add("责任主体", cmp.Or(s.windowName(c), "未指定"))
	if f := c.Finding; f.Verdict != "" {
		add("认定结论", f.Verdict.Label())
	}
	if n := c.Rounds(); n > 1 {
		add("整改轮次", strconv.Itoa(n))
	}
	return fs
}

// actorLabel names who took a step: a person's name and role, or the system.
func actorLabel(a caseflow.Actor) string {
	if a.Name == "" || a.Name == a.Role.Label() {
		return a.Role.Label()
	}
	return a.Name + "（" + a.Role.Label() + "）"
}

// windowName is the name of the case's responsible window, empty before it has one.
func (s *Server) windowName(c *caseflow.Case) string {
	if c.ResponsibleWindow == nil {
		return ""
	}
	return c.ResponsibleWindow.Name
}

// orgName is the name of an organisation of the chart, or its ID.
func (s *Server) orgName(id string) string {
	if o, ok := s.chart.Org(id); ok {
		return o.Name
	}
	return id
}
