package forms_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/forms"
)

// names returns the names of docs.
func names(docs []*forms.Document) string {
	var ns []string
	for _, d := range docs {
		ns = append(ns, d.Name)
	}
	return strings.Join(ns, ",")
}

func TestForCase(t *testing.T) {
	tests := []struct {
		kind  caseflow.Kind
		state caseflow.State
		want  string
	}{
		{caseflow.KindSystemPushed, caseflow.StateReceived, "registration,summary"},
		{caseflow.KindSystemPushed, caseflow.StateTransferred, "registration,callbacks,summary"},
		{caseflow.KindSystemPushed, caseflow.StateReported, "registration,report,callbacks,summary"},
		{caseflow.KindSystemPushed, caseflow.StateArchived, "registration,report,callbacks,summary"},
		{caseflow.KindSystemPushed, caseflow.StateAnnulled, "registration,callbacks,appeal,summary"},
		{caseflow.KindSystemPushed, caseflow.StateClosureApproved, "registration,report,callbacks,closure,summary"},
		{caseflow.KindOnSiteComplaint, caseflow.StateArchived, "registration,report,callbacks,summary"},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind)+"/"+string(tt.state), func(t *testing.T) {
			c := caseflowtest.To(t, caseflowtest.NewService(), tt.kind, tt.state)
			docs, err := forms.ForCase(c, forms.DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			if got := names(docs); got != tt.want {
				t.Errorf("documents = %s, want %s", got, tt.want)
			}
			for _, d := range docs {
				checkDocument(t, d)
			}
		})
	}
}

// 个人信息: no document shows the reviewer's name, phone or ID number, nor the phone of the
// person investigated, unless asked for in full; a 主动公开 report never does.
func TestMasking(t *testing.T) {
	secrets := []string{reviewerName, reviewerPhone, reviewerID, subjectPhone}
	for _, state := range []caseflow.State{caseflow.StateReceived, caseflow.StateArchived, caseflow.StateAnnulled,
		caseflow.StateClosureApproved} {
		t.Run(string(state), func(t *testing.T) {
			svc := caseflowtest.NewService()
			c := openTo(t, svc, state)
			if c.Report != nil {
				c.Report.SubjectPhone = subjectPhone
			}
			c.LeaderOpinion = "已电话" + reviewerPhone + "告知" + reviewerName
			docs, err := forms.ForCase(c, forms.DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range docs {
				for _, s := range secrets {
					if contains(d, s) {
						t.Errorf("%s shows %q masked", d.Name, s)
					}
				}
			}
			full := forms.DefaultOptions()
			full.Full = true
			docs, err = forms.ForCase(c, full)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range docs {
				switch {
				case d.Name == "report":
					for _, s := range secrets {
						if contains(d, s) {
							t.Errorf("a 主动公开 report shows %q in full", s)
						}
					}
				case !contains(d, reviewerName):
					t.Errorf("%s: full: want the reviewer's name %s", d.Name, reviewerName)
				}
			}
		})
	}
}

func TestNotApplicable(t *testing.T) {
	c := caseflowtest.To(t, caseflowtest.NewService(), caseflow.KindSystemPushed, caseflow.StateArchived)
	if _, err := forms.AppealApplication(c, forms.DefaultOptions()); !errors.Is(err, forms.ErrNotApplicable) {
		t.Errorf("AppealApplication without an appeal: err = %v, want ErrNotApplicable", err)
	}
	if _, err := forms.ClosingApproval(c, forms.DefaultOptions()); !errors.Is(err, forms.ErrNotApplicable) {
		t.Errorf("ClosingApproval without a closure: err = %v, want ErrNotApplicable", err)
	}
}
