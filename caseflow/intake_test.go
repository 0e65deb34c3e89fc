package caseflow_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

func TestReceiveIsIdempotentOnTheReviewID(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	r := review("450224-2026-000123#1#20261124T092000", at(2026, 11, 24, 9, 20))
	c1, created, err := f.svc.Receive(ctx, r)
	require.NoError(t, err)
	require.True(t, created)
	f.step(c1.ID, at(2026, 11, 24, 10, 0), clerk, registration)

	f.clock.Set(at(2026, 11, 24, 10, 5))
	c2, created, err := f.svc.Receive(ctx, r)
	require.NoError(t, err)
	assert.False(t, created, "the same push again opens no second case")
	assert.Equal(t, c1.ID, c2.ID)
	assert.Equal(t, caseflow.StateRegistered, c2.State, "and returns the case as it stands")
	all, _, err := f.svc.Store.List(ctx, caseflow.Filter{}, caseflow.Page{})
	require.NoError(t, err)
	assert.Len(t, all, 1)
	assert.Equal(t, "review:"+r.ID, c2.Key())
}

func TestReceiveRefusesWhatIsNotABadReview(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	for _, tc := range []struct {
		name  string
		edit  func(*haochaping.Review)
		field string
	}{
		{"第二条 基本满意 is not a bad review", func(r *haochaping.Review) { r.Level = haochaping.BasicallySatisfied; r.Options = nil }, "review.level"},
		{"第二条 满意 is not a bad review", func(r *haochaping.Review) { r.Level = haochaping.Satisfied; r.Options = nil }, "review.level"},
		{"a default rating is never a bad review", func(r *haochaping.Review) { r.Default = true }, "review.default"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := review("r1", at(2026, 11, 24, 9, 20))
			tc.edit(&r)
			_, _, err := f.svc.Receive(ctx, r)
			require.ErrorIs(t, err, caseflow.ErrNotBad)
			var re *caseflow.RefusalError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, tc.field, re.Field)
			assert.Equal(t, "第二条", re.Rule)
		})
	}
	all, _, err := f.svc.Store.List(ctx, caseflow.Filter{}, caseflow.Page{})
	require.NoError(t, err)
	assert.Empty(t, all)
}

func TestReceiveValidatesTheReview(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	r := review("", at(2026, 11, 24, 9, 20))
	r.Reviewer.Phone = "12345"
	_, _, err := f.svc.Receive(ctx, r)
	require.Error(t, err)
	var fe *haochaping.FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorContains(t, err, "id")
	assert.ErrorContains(t, err, "reviewer.phone")
	assert.NotContains(t, err.Error(), "12345", "personal data stays masked in errors")
}

func TestComplainValidatesAndIsIdempotentOnItsID(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	good := caseflow.Complaint{ID: "cp-9", Time: at(2026, 11, 24, 9, 0), Content: "态度差", Center: center}
	for _, tc := range []struct {
		name  string
		edit  func(*caseflow.Complaint)
		field string
	}{
		{"第四条 a complaint says what", func(c *caseflow.Complaint) { c.Content = " " }, "complaint.content"},
		{"第四条 a complaint says where", func(c *caseflow.Complaint) { c.Center = haochaping.Org{} }, "complaint.center.id"},
		{"第四条 the centre has a kind", func(c *caseflow.Complaint) { c.Center.Kind = 0 }, "complaint.center.kind"},
		{"第四条 a window is not a centre", func(c *caseflow.Complaint) { c.Center.Kind = haochaping.OrgWindow }, "complaint.center.kind"},
		{"第四条 a department is not a centre", func(c *caseflow.Complaint) { c.Center.Kind = haochaping.OrgDepartment }, "complaint.center.kind"},
		{"第四条 a complaint says when", func(c *caseflow.Complaint) { c.Time = time.Time{} }, "complaint.time"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cp := good
			tc.edit(&cp)
			_, _, err := f.svc.Complain(ctx, clerk, cp)
			require.ErrorIs(t, err, caseflow.ErrMissing)
			var re *caseflow.RefusalError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, tc.field, re.Field)
		})
	}
	c1, created, err := f.svc.Complain(ctx, clerk, good)
	require.NoError(t, err)
	require.True(t, created)
	c2, created, err := f.svc.Complain(ctx, clerk, good)
	require.NoError(t, err)
	assert.False(t, created)
	assert.Equal(t, c1.ID, c2.ID)
	noID := good
	noID.ID = ""
	c3, created, err := f.svc.Complain(ctx, clerk, noID)
	require.NoError(t, err)
	assert.True(t, created, "without an ID every complaint is a new case")
	assert.NotEqual(t, c1.ID, c3.ID)
	assert.Empty(t, c3.Key())
}

func TestRandomIDs(t *testing.T) {
	a := caseflow.RandomID(caseflow.KindSystemPushed, at(2026, 11, 24, 9, 30))
	b := caseflow.RandomID(caseflow.KindOnSiteComplaint, at(2026, 11, 24, 9, 30))
	assert.Regexp(t, `^SP-20261124-[0-9a-f]{12}$`, a)
	assert.Regexp(t, `^OS-20261124-[0-9a-f]{12}$`, b)
	assert.NotEqual(t, a, caseflow.RandomID(caseflow.KindSystemPushed, at(2026, 11, 24, 9, 30)))
}

func TestCaseRenderingsMaskPersonalData(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	c := f.receive("r1")
	cp, _, err := f.svc.Complain(ctx, clerk, caseflow.Complaint{Time: at(2026, 11, 24, 9, 0),
		Complainant: haochaping.Reviewer{Name: "李雷", Phone: "13912345678"}, Content: "我的电话13912345678", Center: center})
	require.NoError(t, err)
	for _, x := range []*caseflow.Case{c, cp} {
		var logs bytes.Buffer
		slog.New(slog.NewJSONHandler(&logs, nil)).Info("case", "case", x)
		for _, s := range []string{x.String(), fmt.Sprint(x), logs.String()} {
			assert.NotContains(t, s, "13812345678")
			assert.NotContains(t, s, "13912345678")
			assert.NotContains(t, s, "张三丰")
			assert.NotContains(t, s, "李雷")
		}
		assert.Contains(t, x.String(), x.ID)
	}
	assert.Contains(t, c.String(), "138****5678")
	assert.Contains(t, cp.String(), "李*")
}

func TestActorAndLabels(t *testing.T) {
	assert.Equal(t, "窗口负责人 孙八 (w-tax)", head.String())
	assert.Equal(t, "单位分管领导 吴十 (tax-bureau)", taxLeader.String())
	assert.Equal(t, `Role("mayor")`, caseflow.Role("mayor").Label())
	assert.Equal(t, "现场投诉差评件", caseflow.KindOnSiteComplaint.Label())
	assert.Equal(t, "“好差评”系统推送差评件", caseflow.KindSystemPushed.Label())
	assert.Equal(t, "误评", caseflow.VerdictMistaken.Label())
	assert.Equal(t, "不实差评", caseflow.VerdictUntrue.Label())
	assert.Equal(t, "属实", caseflow.VerdictJustified.Label())
	assert.Equal(t, "主动公开", caseflow.DisclosureActive.Label())
	assert.Equal(t, "好差评系统", caseflow.Actor{ID: "s", Name: "好差评系统", Role: caseflow.RoleSystem}.String())
	for a, want := range map[caseflow.Accountable]string{caseflow.AccountablePerson: "责任人", caseflow.AccountableWindow: "窗口",
		caseflow.AccountableNone: "不扣分", caseflow.AccountableUndetermined: "待认定"} {
		assert.Equal(t, want, a.Label())
	}
	assert.Equal(t, caseflow.AccountableUndetermined, caseflow.Finding{}.Accountable())
	assert.Equal(t, caseflow.AccountableUndetermined, caseflow.Finding{Verdict: caseflow.VerdictJustified}.Accountable())
	assert.Equal(t, "依申请公开", caseflow.DisclosureOnRequest.Label())
	assert.Equal(t, "不予公开", caseflow.DisclosureNone.Label())
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("step", "actor", head)
	assert.Contains(t, logs.String(), `"org":"w-tax"`)
}

func TestZeroServiceFieldsTakeTheDefaults(t *testing.T) {
	now := at(2026, 11, 24, 9, 30)
	svc := &caseflow.Service{Store: caseflow.NewMemoryStore(), Now: func() time.Time { return now }}
	c, created, err := svc.Receive(ctx, review("r1", now.Add(-time.Minute)))
	require.NoError(t, err)
	assert.True(t, created)
	assert.Regexp(t, `^SP-20261124-[0-9a-f]{12}$`, c.ID)
	assert.True(t, c.Duty(caseflow.DutyRegister).Timed, "the zero Policy means the Rong'an policy")
	ds, err := svc.Duties(c)
	require.NoError(t, err)
	assert.Len(t, ds, 3)
}
