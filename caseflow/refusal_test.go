package caseflow_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

func TestRefusals(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	received := f.receive("r-received").ID
	rectifying := toRectifying(f)
	f.clock.Set(at(2026, 11, 25, 9, 0))
	blankWindow := &haochaping.Window{ID: " ", Kind: haochaping.BusinessWindow}

	for _, tc := range []struct {
		name  string
		id    string
		actor caseflow.Actor
		step  caseflow.Step
		want  error
		rule  string
		field string
	}{
		{"第五条 only the office registers", received, head, registration, caseflow.ErrWrongRole, "第五条", "actor.role"},
		{"第五条 registration names the window", received, clerk, caseflow.Registration{ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}, caseflow.ErrMissing, "第五条", "registration.responsibleWindow"},
		{"第五条 registration reports to the leaders", received, clerk, caseflow.Registration{ResponsibleWindow: taxWindow}, caseflow.ErrMissing, "第五条", "registration.reportedTo"},
		{"第五条 a window needs an ID", received, clerk, caseflow.Registration{ResponsibleWindow: blankWindow, ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}, caseflow.ErrMissing, "第五条", "registration.responsibleWindow.id"},
		{"第五条 a window needs a kind", received, clerk, caseflow.Registration{ResponsibleWindow: &haochaping.Window{ID: "w"}, ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}, caseflow.ErrMissing, "第五条", "registration.responsibleWindow.kind"},
		{"a callback before registration is in the wrong state", received, clerk, justified, caseflow.ErrWrongState, "", ""},
		{"the meeting needs a transfer first", received, staff, meeting, caseflow.ErrWrongState, "", ""},
		{"第五条 a report needs measures", rectifying, head, caseflow.Report{Investigator: "孙八", Subject: "李四", Investigation: []string{"属实"}, Finding: report.Finding}, caseflow.ErrMissing, "第五条", "report.measures"},
		{"第五条 a report's measures are not blank", rectifying, head, func() caseflow.Report { r := report; r.Measures = []string{"培训", " "}; return r }(), caseflow.ErrMissing, "第五条", "report.measures[1]"},
		{"第五条 a report names its investigator", rectifying, head, func() caseflow.Report { r := report; r.Investigator = ""; return r }(), caseflow.ErrMissing, "第五条", "report.investigator"},
		{"第十条 a report attributes a cause", rectifying, head, func() caseflow.Report { r := report; r.Finding = caseflow.Finding{}; return r }(), caseflow.ErrMissing, "第十条", "report.finding.causes"},
		{"第十条 a staff cause names the responsible person", rectifying, head, func() caseflow.Report {
			r := report
			r.Finding = caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionAttitude}}}
			return r
		}(), caseflow.ErrMissing, "第十条", "report.finding.causes[0].responsiblePerson"},
		{"第十条 其他 is described", rectifying, head, func() caseflow.Report {
			r := report
			r.Finding = caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionOther}}}
			return r
		}(), caseflow.ErrMissing, "第十条", "report.finding.causes[0].description"},
		{"附件5 disclosure is one of three", rectifying, head, func() caseflow.Report { r := report; r.Disclosure = "secret"; return r }(), caseflow.ErrMissing, "附件5", "report.disclosure"},
		{"第五条 an extension says why", rectifying, head, func() caseflow.Report {
			r := report
			r.Extension = &caseflow.Extension{Until: date(2026, 12, 11)}
			return r
		}(), caseflow.ErrMissing, "第五条", "report.extension.reason"},
		{"第五条 an extension gives a deadline", rectifying, head, func() caseflow.Report {
			r := report
			r.Extension = &caseflow.Extension{Reason: "设备采购"}
			return r
		}(), caseflow.ErrMissing, "第五条", "report.extension.until"},
		{"第五条 an extension's deadline is in the future", rectifying, head, func() caseflow.Report {
			r := report
			r.Extension = &caseflow.Extension{Reason: "设备采购", Until: date(2026, 11, 25)}
			return r
		}(), caseflow.ErrMissing, "第五条", "report.extension.until"},
		{"第五条 only the window head submits the report", rectifying, staff, report, caseflow.ErrWrongRole, "第五条", "actor.role"},
		{"第五条 the head of another window may not", rectifying, otherHead, report, caseflow.ErrWrongOrg, "第五条", "actor.org"},
		{"the office may not write the window's report", rectifying, clerk, report, caseflow.ErrWrongRole, "第五条", "actor.role"},
		{"第五条 urging says what", rectifying, clerk, caseflow.Urge{}, caseflow.ErrMissing, "第五条", "urge.message"},
		{"only the office urges", rectifying, head, caseflow.Urge{Message: "快"}, caseflow.ErrWrongRole, "第五条", "actor.role"},
		{"an actor needs an ID", rectifying, caseflow.Actor{Role: caseflow.RoleOffice}, caseflow.Urge{Message: "快"}, caseflow.ErrBadActor, "第五条", "actor.id"},
		{"an actor needs a known role", rectifying, caseflow.Actor{ID: "x", Role: "mayor"}, caseflow.Urge{Message: "快"}, caseflow.ErrBadActor, "第五条", "actor.role"},
		{"window staff name their window", rectifying, caseflow.Actor{ID: "x", Role: caseflow.RoleWindowHead}, report, caseflow.ErrBadActor, "第五条", "actor.org"},
		{"organisation leaders name the organisation led", rectifying, caseflow.Actor{ID: "x", Role: caseflow.RoleOrgLeader}, report, caseflow.ErrBadActor, "第五条", "actor.org"},
		{"the rating system only opens cases", rectifying, caseflow.Actor{ID: "sys", Role: caseflow.RoleSystem}, caseflow.Urge{Message: "快"}, caseflow.ErrWrongRole, "第五条", "actor.role"},
		{"a case cannot be received twice", rectifying, clerk, caseflow.Intake{Case: "x", Kind: caseflow.KindSystemPushed}, caseflow.ErrWrongState, "", ""},
		{"an on-site step is not a pushed step", rectifying, clerk, caseflow.LeaderReport{Summary: "x"}, caseflow.ErrWrongState, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := f.refused(tc.id, tc.actor, tc.step, tc.want)
			assert.Equal(t, tc.rule, r.Rule)
			assert.Equal(t, tc.field, r.Field)
			assert.Equal(t, tc.step.Event(), r.Event)
			assert.Contains(t, r.Error(), string(tc.step.Event()))
			if tc.rule != "" {
				assert.Contains(t, r.Error(), "("+tc.rule+")")
			}
		})
	}
}

func TestRefusalOfWrongStateListsTheNextSteps(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	r := f.refused(id, clerk, caseflow.Archive{}, caseflow.ErrWrongState)
	assert.Equal(t, caseflow.StateReceived, r.State)
	assert.Contains(t, r.Error(), "register, urge")
	assert.Contains(t, r.Error(), "待登记")
}

func TestRefusalOfEvidenceWithoutHash(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	_, err := f.svc.Take(ctx, id, caseflow.Action{Actor: clerk, Step: registration,
		Evidence: []caseflow.Evidence{{Name: "录像.mp4"}}})
	assert.ErrorIs(t, err, caseflow.ErrMissing)
	assert.ErrorContains(t, err, "evidence[0]")
	ev := caseflow.NewEvidence("录像.mp4", "oss://evidence/1.mp4", []byte("video"))
	c, err := f.svc.Take(ctx, id, caseflow.Action{Actor: clerk, Step: registration, Evidence: []caseflow.Evidence{ev}, Note: "已调取录像"})
	require.NoError(t, err)
	assert.Equal(t, []caseflow.Evidence{ev}, c.Trail[1].Evidence)
	assert.Equal(t, "已调取录像", c.Trail[1].Note)
}

func TestRefusalOfStepDatedBeforeThePrevious(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	f.clock.Set(at(2026, 11, 24, 9, 0))
	_, err := f.svc.Take(ctx, id, caseflow.Action{Actor: clerk, Step: registration})
	assert.ErrorIs(t, err, caseflow.ErrTimeOrder)
}

func TestRefusalOfNilStepAndUnknownCase(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	_, err := f.svc.Take(ctx, id, caseflow.Action{Actor: clerk})
	assert.ErrorIs(t, err, caseflow.ErrMissing)
	_, err = f.svc.Take(ctx, "nope", caseflow.Action{Actor: clerk, Step: registration})
	assert.ErrorIs(t, err, caseflow.ErrNotFound)
}

func TestRefusalOfMissingContentOnEveryStep(t *testing.T) {
	// Each step type refuses its zero value with ErrMissing, naming a field, when taken in a
	// state where it is allowed.
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	type stage struct {
		actor caseflow.Actor
		zero  caseflow.Step
		good  caseflow.Step
	}
	pushed := []stage{
		{clerk, caseflow.Registration{}, registration},
		{clerk, caseflow.FollowUp{}, justified},
		{clerk, nil, caseflow.Transfer{}},
		{staff, caseflow.Meeting{}, meeting},
		{head, caseflow.Report{}, report},
		{clerk, caseflow.OfficeVerification{}, verification},
		{boss, caseflow.LeaderReview{}, review1},
		{clerk, caseflow.ResultFollowUp{Satisfied: true}, satisfied},
	}
	appeal := []stage{
		{clerk, caseflow.Registration{}, registration},
		{clerk, caseflow.FollowUp{Verdict: caseflow.VerdictUntrue}, caseflow.FollowUp{Outcome: "经核实不实", Reason: "称窗口拒收材料", Materials: []string{"评价器视频", "通话录音"}, Verdict: caseflow.VerdictUntrue}},
		{clerk, nil, caseflow.Transfer{}},
		{taxLeader, caseflow.AppealMaterials{Verdict: caseflow.VerdictUntrue}, nil},
		{taxLeader, caseflow.AppealMaterials{}, materials},
		{clerk, caseflow.AppealConfirmation{}, nil},
		{clerk, caseflow.AppealDecline{}, caseflow.AppealConfirmation{Application: "申请"}},
		{boss, caseflow.ApplicationReview{}, caseflow.ApplicationReview{Opinion: "同意"}},
		{clerk, nil, caseflow.AppealSubmission{}},
		{cityClerk, caseflow.CityDecision{Upheld: true}, nil},
	}
	for i, path := range [][]stage{pushed, appeal} {
		f.clock.Set(at(2026, 11, 24, 9, 30))
		id := f.receive("path" + string(rune('a'+i))).ID
		now := at(2026, 11, 24, 9, 40)
		for _, s := range path {
			if s.zero != nil {
				r := f.refused(id, s.actor, s.zero, caseflow.ErrMissing)
				assert.NotEmpty(t, r.Field, "%T", s.zero)
				assert.NotEmpty(t, r.Rule, "%T", s.zero)
			}
			if s.good != nil {
				now = now.Add(time.Minute)
				f.step(id, now, s.actor, s.good)
			}
		}
	}
}

func TestRefusalErrorText(t *testing.T) {
	r := &caseflow.RefusalError{Event: caseflow.EventReport, State: caseflow.StateRectifying, Rule: "第五条",
		Err: caseflow.ErrMissing, Field: "report.measures", Detail: "a report states its corrective measures"}
	assert.Equal(t, `caseflow: step report in state rectifying: required content missing: report.measures "": a report states its corrective measures (第五条)`, r.Error())
	assert.True(t, errors.Is(r, caseflow.ErrMissing))
}
