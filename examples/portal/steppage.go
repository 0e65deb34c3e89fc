package main

import (
	"cmp"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/examples/internal/stepform"
)

// callbackSteps are the steps the office takes on the phone with the reviewer: their form
// shows the reviewer's name and number in full (第六条, 第八条), and no other page does.
var callbackSteps = []caseflow.Event{
	caseflow.EventFollowUp, caseflow.EventFollowUpMistaken, caseflow.EventContactAttempt,
	caseflow.EventResultFollowUp, caseflow.EventResultFollowUpUnsatisfied, caseflow.EventClosurePropose,
}

// stepData is a step form's page.
type stepData struct {
	Case   caseData
	Step   caseflow.AllowedStep
	Fields []stepform.Field
	// Windows are the county's windows, for a field that names the responsible window.
	Windows []haochaping.Window
	Note    string
}

// stepPage is GET /cases/{id}/steps/{event}: the form of a step the user may take now.
func (s *Server) stepPage(w http.ResponseWriter, r *http.Request, v visit) {
	s.showStep(w, r, v, http.StatusOK, nil, "")
}

// takeStep is POST /cases/{id}/steps/{event}: the form's content taken as the step. A
// refusal shows the form again, as it was filled, with the reason in Chinese.
func (s *Server) takeStep(w http.ResponseWriter, r *http.Request, v visit) {
	id, ev := r.PathValue("id"), caseflow.Event(r.PathValue("event"))
	if _, err := s.readCase(r.Context(), v.User, id); err != nil {
		s.fail(w, r, err)
		return
	}
	st, ok := caseflow.StepTypeOf(ev)
	if !ok {
		s.fail(w, r, errNoSuchPage)
		return
	}
	content, err := stepform.JSON(st.Schema(), r.PostForm, s.windowByID)
	var step caseflow.Step
	if err == nil {
		step, err = caseflow.DecodeStep(ev, content)
	}
	if err == nil {
		_, err = s.svc.Take(r.Context(), id, caseflow.Action{Actor: v.User.Actor, Step: step, Note: r.PostFormValue("note")})
	}
	if err != nil {
		s.log.Info("step refused", "case", id, "event", ev, "user", v.User.ID, "err", err)
		s.showStep(w, r, v, formStatus(err), r.PostForm, message(err))
		return
	}
	http.Redirect(w, r, "/cases/"+url.PathEscape(id)+"?done="+url.QueryEscape(string(ev)), http.StatusSeeOther)
}

// showStep draws a step's form, filled with values after a refusal.
func (s *Server) showStep(w http.ResponseWriter, r *http.Request, v visit, code int, values url.Values, refusal string) {
	id, ev := r.PathValue("id"), caseflow.Event(r.PathValue("event"))
	c, err := s.readCase(r.Context(), v.User, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cd, err := s.caseData(c, v.User, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	i := slices.IndexFunc(cd.Steps, func(a caseflow.AllowedStep) bool { return a.Event == ev })
	if i >= 0 && v.User.Role == caseflow.RoleOffice && slices.Contains(callbackSteps, ev) {
		// the office calls the reviewer: the name and number in full, on this form alone
		cd.Particulars = s.particulars(c, true)
		s.log.Info("personal data shown", "user", v.User.ID, "case", c.ID, "event", ev)
	}
	if i < 0 {
		if refusal == "" { // a step the user may not take now: say so, and why if the workflow can
			s.fail(w, r, errNotAllowed)
			return
		}
		// the step was refused and is no longer offered: show the refusal on the case page
		s.render(w, code, "case", page{Title: "办件 " + c.ID, Visit: v, Message: refusal, Data: cd})
		return
	}
	d := stepData{Case: cd, Step: cd.Steps[i], Note: values.Get("note")}
	if d.Fields, err = stepform.Fields(d.Step.Content.Schema(), values, 2); err != nil {
		// a refused form too large to draw again (stepform's limits): drawn empty, refusal kept
		s.log.Info("form drawn empty", "case", c.ID, "event", ev, "err", err)
		if d.Fields, err = stepform.Fields(d.Step.Content.Schema(), nil, 2); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if ev == caseflow.EventReport { // an extension makes the report the other step, 报送报告，说明理由和整改期限
		d.Fields = slices.DeleteFunc(d.Fields, func(f stepform.Field) bool { return strings.HasPrefix(f.Name, "extension.") })
	}
	requiredFirst(d.Fields)
	for _, o := range s.chart.Orgs() {
		if o.Kind == haochaping.OrgWindow {
			win, _ := s.chart.Window(o.ID)
			d.Windows = append(d.Windows, win)
		}
	}
	s.render(w, code, "step", page{Title: d.Step.Label, Visit: v, Message: refusal, Data: d})
}

// windowByID is the responsible window a form names by ID, from the county's chart.
func (s *Server) windowByID(id string) (any, error) {
	win, err := s.chart.Window(id)
	if err != nil {
		return nil, errors.New("不是本县的窗口")
	}
	return win, nil
}

// requiredFirst puts first the fields a step requires, then the other parts of the content
// it requires (认定的原因 of a required 认定), then the optional ones, keeping the schema's
// order within each: the clerk fills in what the step needs first.
func requiredFirst(fs []stepform.Field) {
	top := func(f stepform.Field) string { name, _, _ := strings.Cut(f.Name, "."); return name }
	required := map[string]bool{}
	for _, f := range fs {
		if f.Required {
			required[top(f)] = true
		}
	}
	rank := func(f stepform.Field) int {
		switch {
		case f.Required:
			return 0
		case required[top(f)]:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(fs, func(a, b stepform.Field) int { return cmp.Compare(rank(a), rank(b)) })
}
