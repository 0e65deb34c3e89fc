package caseflow_test

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// quoted matches a span in Chinese quotation marks: a value, or a label, quoted.
var quoted = regexp.MustCompile(`“[^”]*”`)

// personalData are the reviewers' and complainants' names, and the complaint contents, of
// the tests; longDigits matches a phone or an ID number unmasked.
var (
	personalData = []string{"张三丰", "李雷", "态度差", "排队久", "排队时间长", "玩手机", "乱收费"}
	longDigits   = regexp.MustCompile(`[0-9]{7,}`)
)

// assertClerkMessage checks what a clerk reads of a refusal: a message that is not empty,
// starts with the refusal's article when it has one, holds no ASCII letter outside the
// spans in Chinese quotation marks (“…”, where a value such as an organisation's ID is
// shown), and no personal data: no name or complaint content of the tests, and no run of 7
// digits or more (a phone or an ID number unmasked).
func assertClerkMessage(t testing.TB, r *caseflow.RefusalError) {
	t.Helper()
	msg := r.Message()
	require.NotEmpty(t, msg)
	if r.Rule != "" {
		assert.True(t, strings.HasPrefix(msg, r.Rule+"："), "%q names the article %s", msg, r.Rule)
	}
	assert.NotRegexp(t, `[A-Za-z]`, quoted.ReplaceAllString(msg, ""), "%q: English outside a quoted value", msg)
	assert.NotRegexp(t, longDigits, msg)
	for _, p := range personalData {
		assert.NotContains(t, msg, p)
	}
	assert.NotContains(t, msg, "该项内容", "%q: the field %q has no label", msg, r.Field)
}

func TestRefusalMessages(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	received := f.receive("r-received").ID
	rectifying := toRectifying(f)
	f.clock.Set(at(2026, 11, 25, 9, 0))
	for _, tc := range []struct {
		name  string
		id    string
		actor caseflow.Actor
		step  caseflow.Step
		err   error
		want  string
	}{
		{"第五条 a report names its investigator", rectifying, head, func() caseflow.Report { r := report; r.Investigator = ""; return r }(), caseflow.ErrMissing,
			"第五条：调查整改报告缺少“调查人”，请填写调查人后再提交。"},
		{"a blank item of a list", rectifying, head, func() caseflow.Report { r := report; r.Measures = []string{"培训", " "}; return r }(), caseflow.ErrMissing,
			"第五条：调查整改报告的“整改措施第2项”为空，请填写或删除该项。"},
		{"第十条 the environment is the window's", rectifying, head, func() caseflow.Report {
			r := report
			r.Finding = caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionEnvironment, ResponsiblePerson: "李四"}}}
			return r
		}(), caseflow.ErrMissing, "第十条：调查整改报告的“认定的原因第1项的责任人”不应填写：服务环境的问题由窗口承担绩效扣分。"},
		{"第五条 only the window head reports", rectifying, staff, report, caseflow.ErrWrongRole,
			"第五条：“报送调查整改报告”应由窗口负责人办理，窗口工作人员不能办理。"},
		{"第五条 the head of another window", rectifying, otherHead, report, caseflow.ErrWrongOrg,
			"第五条：“报送调查整改报告”只能由承办本办件的单位办理，“w-social”不是本办件的承办单位，请由承办单位的人员办理。"},
		{"an actor with an unknown role", rectifying, caseflow.Actor{ID: "x", Role: "mayor"}, caseflow.Urge{Message: "快"}, caseflow.ErrBadActor,
			"第五条：“办理人角色”无法识别，请使用县政管办、分管领导、窗口工作人员、窗口负责人、单位分管领导或市督查科的账号办理。"},
		{"a step in the wrong state", received, staff, meeting, caseflow.ErrWrongState,
			"当前状态“待登记”不能办理“召开专题分析会”；现在可办理：“当日填写登记表并向分管领导报告”、“督促办理”、“按新规则重新计时”、“误立案件，申请撤销”、“分管领导同意撤销”、“分管领导不同意撤销”。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := f.refused(tc.id, tc.actor, tc.step, tc.err)
			assert.Equal(t, tc.want, r.Message())
		})
	}
}

func TestRefusalMessageOfAnAppealTransferredByTheWindow(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	f.step(id, at(2026, 11, 24, 9, 40), clerk, registration)
	f.step(id, at(2026, 11, 24, 9, 50), clerk, justified)
	r := f.refused(id, staff, caseflow.Transfer{}, caseflow.ErrWrongRole)
	assert.Equal(t, "附件3：“当日转办责任主体”应由县政管办办理，窗口工作人员不能办理。", r.Message())
}

func TestMessage(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	_, refusal := f.svc.Take(ctx, id, caseflow.Action{Actor: clerk, Step: caseflow.Registration{}})
	var r *caseflow.RefusalError
	require.ErrorAs(t, refusal, &r)

	bad := review("r2", at(2026, 11, 24, 9, 20))
	bad.MatterNumber, bad.Reviewer.Phone = "", "12345"
	_, _, invalid := f.svc.Receive(ctx, bad)
	require.Error(t, invalid)
	many := haochaping.Validator{Now: f.clock.Now, Limits: haochaping.Limits{Problems: 1}}.Validate(bad)
	_, notFound := f.svc.Get(ctx, "nope")
	cancelled, cancel := context.WithCancel(ctx)
	cancel()

	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"no error", nil, ""},
		{"a refusal", refusal, r.Message()},
		{"a refusal wrapped", fmt.Errorf("portal: %w", refusal), r.Message()},
		{"refusals joined", errors.Join(refusal, refusal), r.Message() + "\n" + r.Message()},
		{"a review's every problem", invalid, "缺少“办件编号”，请补全后重新推送。\n“评价人电话”格式不正确（“1***5”），请核对推送数据。"},
		{"problems beyond the limit", many, "缺少“办件编号”，请补全后重新推送。\n另有1处问题未列出。"},
		{"no such case", notFound, "未找到该办件。"},
		{"a conflict", fmt.Errorf("caseflow: case x: %w", caseflow.ErrConflict), "办件已被他人更新，请刷新后重试。"},
		{"a year the calendar lacks", fmt.Errorf("caseflow: step x: %w", deadline.ErrNotCovered), "日历未包含该年度的节假日安排，请更新日历。"},
		{"a cancelled request", cancelled.Err(), "操作已取消。"},
		{"a deadline passed", context.DeadlineExceeded, "操作超时，请稍后重试。"},
		{"a store's error", errors.New("sql: connection refused"), "系统错误，请联系管理员。"},
		{"another library's message", englishMessage{}, "系统错误，请联系管理员。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, caseflow.Message(tc.err))
		})
	}
}

// englishMessage is another library's error with a Message method, in English.
type englishMessage struct{}

func (englishMessage) Error() string   { return "rpc error" }
func (englishMessage) Message() string { return "upstream unavailable" }

// Every refusal the existing tests trigger through fixture.refused has its message checked
// there; this adds those of an intake and of a complaint.
func TestRefusalMessagesOfIntakes(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	good := review("r1", at(2026, 11, 24, 9, 20))
	good.Level = haochaping.Satisfied
	_, _, err := f.svc.Receive(ctx, good)
	var r *caseflow.RefusalError
	require.ErrorAs(t, err, &r)
	assertClerkMessage(t, r)
	assert.Equal(t, "第二条：该评价为“满意”，只有不满意和非常不满意的评价才作为差评办件立案。", r.Message())

	cp := caseflow.Complaint{ID: "cp-1", Center: center, Time: at(2026, 11, 24, 10, 20), Content: "排队久",
		Complainant: haochaping.Reviewer{Name: "李雷", Phone: "13912345678"}}
	_, _, err = f.svc.Complain(ctx, clerk, cp)
	require.ErrorAs(t, err, &r)
	assertClerkMessage(t, r)
	assert.Equal(t, "第四条：现场投诉的“投诉时间”晚于当前时间，请核对后重新填写。", r.Message())
	assert.Equal(t, r.Message(), caseflow.Message(err))

	cp.Time, cp.Center.Kind = at(2026, 11, 24, 9, 20), haochaping.OrgWindow
	_, _, err = f.svc.Complain(ctx, clerk, cp)
	require.ErrorAs(t, err, &r)
	assertClerkMessage(t, r)

	f.clock.Set(at(2026, 11, 24, 9, 31))
	_, err = f.svc.Take(ctx, f.receive("r3").ID, caseflow.Action{Actor: clerk, Step: registration, Note: strings.Repeat("长", 5000)})
	require.ErrorAs(t, err, &r)
	assertClerkMessage(t, r)
	assert.Equal(t, "“备注”内容过长或条目过多，请精简后再提交。", r.Message())
}
