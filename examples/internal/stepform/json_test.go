package stepform

import (
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What JSON sends of forms of the report and the registration.
func TestJSON(t *testing.T) {
	report := schemaOf(t, caseflow.EventReport)
	register := schemaOf(t, caseflow.EventRegister)
	for _, tc := range []struct {
		name   string
		schema json.RawMessage
		form   url.Values
		want   string
	}{
		{"empty form", report, url.Values{}, `{}`},
		{"nil form", report, nil, `{}`},
		{"blank values left out", report, url.Values{"investigator": {"  "}, "measures": {"\r\n \n"},
			"disclosure": {""}, "extension.reason": {""}, "finding.causes.0.dimension": {""}}, `{}`},
		{"text trimmed, line ends", report, url.Values{"investigator": {"  张三 \r\n李四\r\n"}},
			`{"investigator":"张三 \n李四"}`},
		{"lines trimmed", report, url.Values{"measures": {" 甲 \r\n\r\n　乙\n\n"}},
			`{"measures":["甲","乙"]}`},
		{"lines of several values", report, url.Values{"measures": {"甲\n乙", "丙"}},
			`{"measures":["甲","乙","丙"]}`},
		{"order of the schema", report, url.Values{"subject": {"窗口"}, "finding.verdict": {"justified"}, "investigator": {"张三"}},
			`{"finding":{"verdict":"justified"},"investigator":"张三","subject":"窗口"}`},
		{"two items", report, url.Values{
			"finding.causes.0.dimension": {"attitude"}, "finding.causes.0.description": {"态度生硬"},
			"finding.causes.1.dimension": {"efficiency"}, "finding.causes.1.responsiblePerson": {"李四"}},
			`{"finding":{"causes":[{"description":"态度生硬","dimension":"attitude"},{"dimension":"efficiency","responsiblePerson":"李四"}]}}`},
		{"empty items dropped, indexes closed up", report, url.Values{
			"finding.causes.0.dimension": {""}, "finding.causes.1.description": {" "},
			"finding.causes.2.dimension": {"quality"}, "finding.causes.10.dimension": {"other"}},
			`{"finding":{"causes":[{"dimension":"quality"},{"dimension":"other"}]}}`},
		{"an object filled in", report, url.Values{"extension.until": {"2026-12-03"}},
			`{"extension":{"until":"2026-12-03"}}`},
		{"unknown keys ignored", report, url.Values{"csrf": {"x"}, "bogus": {"1"}, "finding.bogus": {"1"},
			"finding.causes.x.dimension": {"quality"}, "finding.causes.01.dimension": {"quality"},
			"finding.causes.-1.dimension": {"quality"}, "finding.causes.0.dimension.x": {"quality"},
			"extension": {"x"}, "finding.causes": {"x"}, "a.b.c.d.e.f": {"x"}, "": {"x"},
			"investigator": {"张三"}},
			`{"investigator":"张三"}`},
		{"the first of several values", report, url.Values{"investigator": {"张三", "李四"}},
			`{"investigator":"张三"}`},
		{"window and choices", register, url.Values{"responsibleWindow": {" w-tax "}, "reportedTo": {"window_head", "", "leader", "leader"}},
			`{"reportedTo":["leader","window_head"],"responsibleWindow":{"id":"w-tax","name":"税务窗口","kind":"department","center":"center","department":"tax-bureau"}}`},
		{"HTML in text", register, url.Values{"content": {"<b>&</b>"}},
			`{"content":"\u003cb\u003e\u0026\u003c/b\u003e"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := JSON(tc.schema, tc.form, testWindow)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(data))
		})
	}
}

// Booleans: ticked when "on" or "true", left out otherwise; consts neither read nor sent.
func TestJSONCheck(t *testing.T) {
	schema := json.RawMessage(`{"type":"object","properties":{"urgent":{"type":"boolean","title":"加急"},"fixed":{"type":"boolean","const":true}}}`)
	for v, want := range map[string]string{"on": `{"urgent":true}`, "true": `{"urgent":true}`,
		"false": `{}`, "off": `{}`, "": `{}`, "yes": `{}`} {
		data, err := JSON(schema, url.Values{"urgent": {v}, "fixed": {"on"}}, nil)
		require.NoError(t, err)
		assert.Equal(t, want, string(data), v)
	}
	// The recall's satisfied is fixed by the event: not sent, DecodeStep sets it.
	data, err := JSON(schemaOf(t, caseflow.EventResultFollowUp), url.Values{"outcome": {"满意"}, "satisfied": {"false"}}, nil)
	require.NoError(t, err)
	assert.Equal(t, `{"outcome":"满意"}`, string(data))
}

// A value JSON refuses is a *FieldError naming the field, with a message for the clerk.
func TestJSONFieldErrors(t *testing.T) {
	report := schemaOf(t, caseflow.EventReport)
	register := schemaOf(t, caseflow.EventRegister)
	long := strings.Repeat("长", maxValueBytes/3+1) // 3 bytes a character
	var many []string
	for range maxFormBytes/maxValueBytes + 1 {
		many = append(many, strings.Repeat("a", maxValueBytes))
	}
	for _, tc := range []struct {
		name   string
		schema json.RawMessage
		form   url.Values
		field  string
		label  string
		msg    string
	}{
		{"bad enum", report, url.Values{"finding.verdict": {"maybe"}},
			"finding.verdict", "认定的结论", "「认定的结论」不是可选的值"},
		{"bad enum of an item", report, url.Values{"finding.causes.1.dimension": {"Attitude"}},
			"finding.causes.1.dimension", "认定的原因的方面", "「认定的原因的方面」（第 2 项）不是可选的值"},
		{"bad choice", register, url.Values{"reportedTo": {"leader", "mayor"}},
			"reportedTo", "报告对象", "「报告对象」不是可选的值"},
		{"bad date", report, url.Values{"extension.until": {"2026-02-30"}},
			"extension.until", "延期整改的期限", "「延期整改的期限」不是有效的日期，请按“年-月-日”填写"},
		{"date as typed", report, url.Values{"extension.until": {"2026/12/03"}},
			"extension.until", "延期整改的期限", "「延期整改的期限」不是有效的日期，请按“年-月-日”填写"},
		{"value too long", report, url.Values{"investigator": {long}},
			"investigator", "调查人", "「调查人」内容过长，不能超过 64 KiB，请精简"},
		{"line too long", report, url.Values{"measures": {"甲", long}},
			"measures", "整改措施", "「整改措施」内容过长，不能超过 64 KiB，请精简"},
		{"form too big", report, url.Values{"measures": many},
			"measures", "整改措施", "「整改措施」填写后表单内容超过 1 MiB，请精简"},
		{"too many items", report, url.Values{"finding.causes.100.dimension": {"quality"}},
			"finding.causes", "认定的原因", "「认定的原因」最多填写 100 项"},
		{"unknown window", register, url.Values{"responsibleWindow": {"w-nowhere"}},
			"responsibleWindow", "责任主体", "「责任主体」不是可选的窗口，请重新选择"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := JSON(tc.schema, tc.form, testWindow)
			fe, ok := errors.AsType[*FieldError](err)
			require.True(t, ok, "%v", err)
			assert.Equal(t, tc.field, fe.Name)
			assert.Equal(t, tc.label, fe.Label)
			assert.Equal(t, tc.msg, fe.Message)
			assert.True(t, strings.HasPrefix(fe.Error(), "stepform: "+tc.field+": "), fe.Error())
		})
	}
	// The window function's error is wrapped.
	_, err := JSON(register, url.Values{"responsibleWindow": {"w-nowhere"}}, testWindow)
	require.ErrorIs(t, err, errUnknownWindow)
	assert.Equal(t, `stepform: responsibleWindow: window "w-nowhere": unknown window`, err.Error())

	// Values past the limits in keys JSON does not read are no error.
	_, err = JSON(report, url.Values{"csrf": many, "investigator": {"张三", long}}, testWindow)
	require.NoError(t, err)
}

// A window field needs a window function that gives a JSON object.
func TestJSONWindowFunction(t *testing.T) {
	register := schemaOf(t, caseflow.EventRegister)
	form := url.Values{"responsibleWindow": {"w-tax"}}
	_, err := JSON(register, form, nil)
	require.ErrorContains(t, err, "no window function")
	for _, w := range []func(string) (any, error){
		func(string) (any, error) { return nil, nil },
		func(string) (any, error) { return (*struct{})(nil), nil },
		func(string) (any, error) { return "w-tax", nil },
		func(string) (any, error) { return make(chan int), nil },
	} {
		_, err := JSON(register, form, w)
		require.Error(t, err)
	}
	// Unfilled, the window function is not called.
	data, err := JSON(register, url.Values{"responsibleWindow": {""}}, nil)
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(data))
}
