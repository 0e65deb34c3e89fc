package haochaping_test

import (
	"errors"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/internal/fieldsites"
)

// quoted matches a span in Chinese quotation marks: a label or a value, quoted.
var quoted = regexp.MustCompile(`“[^”]*”`)

// assertClerkMessages checks the message of every FieldError in err's tree: not empty, no
// ASCII letter outside the spans in Chinese quotation marks (“…”, where a code or a masked
// value is shown), no name of the tests' reviewers and no run of 7 digits or more (a phone
// or an ID number unmasked).
func assertClerkMessages(t *testing.T, err error) {
	t.Helper()
	for _, fe := range fieldErrorsOf(err) {
		msg := fe.Message()
		require.NotEmpty(t, msg)
		assert.NotRegexp(t, `[A-Za-z]`, quoted.ReplaceAllString(msg, ""), "%q: English outside a quoted value", msg)
		assert.NotRegexp(t, `[0-9]{7,}`, msg)
		assert.NotContains(t, msg, "张三丰")
	}
}

// fieldErrorsOf returns the FieldErrors of err's tree.
func fieldErrorsOf(err error) []*hcp.FieldError {
	if joined, ok := errors.AsType[interface {
		error
		Unwrap() []error
	}](err); ok {
		var out []*hcp.FieldError
		for _, e := range joined.Unwrap() {
			out = append(out, fieldErrorsOf(e)...)
		}
		return out
	}
	if fe, ok := errors.AsType[*hcp.FieldError](err); ok {
		return []*hcp.FieldError{fe}
	}
	return nil
}

func TestFieldErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		err  *hcp.FieldError
		want string
	}{
		{&hcp.FieldError{Field: "time", Err: hcp.ErrRequired}, "缺少“评价时间”，请补全后重新推送。"},
		{&hcp.FieldError{Field: "reviewer.phone", Value: "1***5", Err: hcp.ErrMalformed}, "“评价人电话”格式不正确（“1***5”），请核对推送数据。"},
		{&hcp.FieldError{Field: "satisfaction", Value: "6", Err: hcp.ErrUnknownCode}, "“评价等级”的代码无法识别（“6”），请核对推送数据。"},
		{&hcp.FieldError{Field: "options[1]", Value: "1.1", Err: hcp.ErrInconsistent}, "“评价选项第2项”与其他字段不一致，请核对推送数据。"},
		{&hcp.FieldError{Field: "time", Err: hcp.ErrFuture}, "“评价时间”晚于当前时间，请核对评价时间或系统时钟。"},
		{&hcp.FieldError{Field: "freeText", Err: hcp.ErrTooLarge}, "“文字评价”超出长度或数量限制，请核对推送数据。"},
		{&hcp.FieldError{Field: "fields.level", Err: hcp.ErrRequired}, "缺少“评价等级的推送字段名”，请补全后重新推送。"},
		{&hcp.FieldError{Field: "orgs[3].parent", Err: hcp.ErrInconsistent}, "“单位第4项的上级单位”与其他字段不一致，请核对推送数据。"},
		{&hcp.FieldError{Field: "customField", Err: hcp.ErrDuplicateKey}, "字段“customField”重复出现，同一字段只能推送一次。"},
	} {
		assert.Equal(t, tc.want, tc.err.Message(), tc.err.Field)
	}
}

func TestFieldLabel(t *testing.T) {
	for path, want := range map[string]string{
		"reviewer.phone": "评价人电话", "satisfaction": "评价等级", "level": "评价等级", "evalNum": "评价等级",
		"options[0]": "评价选项第1项", "classification.unknown[2]": "无法识别的选项代码第3项",
		"defaults.channel": "评价渠道的默认值", "orgs[0].id": "单位第1项的编号", "customField": "", "fields.nonsense": "",
	} {
		assert.Equal(t, want, hcp.FieldLabel(path), path)
	}
}

// The messages of the validation errors the review tests produce, and of a decoder's.
func TestFieldErrorMessagesOfValidation(t *testing.T) {
	r := hcp.Review{Level: hcp.Satisfied, Options: []hcp.Option{opt(t, "1.1"), opt(t, "1.1")},
		Reviewer: hcp.Reviewer{Name: "张三丰", Phone: "13812345678", IDNumber: "4502241990"}}
	err := hcp.Validator{Now: clock}.Validate(r)
	require.Error(t, err)
	assertClerkMessages(t, err)
	_, err = hcp.DecodePushed([]byte(`{"userName":["张三丰","13812345678"],"satisfaction":"two","pf":9}`), hcp.NationalPush())
	require.Error(t, err)
	assertClerkMessages(t, err)
	assert.NotEmpty(t, fieldErrorsOf(err))
}

// Every field a validation or decoding site names has a Chinese label. The test reads the
// package's source: the string-literal field arguments of problems.add and the Field of
// every FieldError composite literal; of a field built with fmt.Sprintf or by
// concatenation, the literal before the first verb or variable part.
func TestFieldErrorFieldsHaveLabels(t *testing.T) {
	fields, err := fieldsites.Find(".", map[string]fieldsites.Arg{"add": {Index: 0, MinArgs: 1}}, "FieldError")
	require.NoError(t, err)
	assert.Greater(t, len(fields), 30, "the sites found")
	for field, where := range fields {
		assert.NotEmpty(t, hcp.FieldLabel(field), "%s: field %q has no label", where, field)
	}
}
