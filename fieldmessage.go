package haochaping

import (
	"errors"
	"fmt"
)

// Message returns the problem in Chinese, for a clerk: the field's label ([FieldLabel]),
// what is wrong with it, and what to do, e.g. "“评价人电话”格式不正确（“138****5678”），请核对推送数据。".
// It shows the value only for a code or a form, and only as Value holds it: masked where
// the field holds personal data. A field without a label is named as it was pushed,
// quoted. Error stays in English, for logs.
func (e *FieldError) Message() string {
	if e == nil {
		return ""
	}
	field := FieldLabel(e.Field)
	if field == "" {
		field = "字段" + quote(e.Field)
	} else {
		field = quote(field)
	}
	for _, p := range problemTexts {
		if errors.Is(e.Err, p.err) {
			s := fmt.Sprintf(p.text, field)
			if p.showValue && e.Value != "" {
				s += "（" + quote(e.Value) + "）"
			}
			return s + "，" + p.todo + "。"
		}
	}
	return field + "有误，请核对推送数据。"
}

// Message says in Chinese how many problems were left out of an error.
func (s *summary) Message() string { return fmt.Sprintf("另有%d处问题未列出。", s.n) }

// quote puts s in Chinese quotation marks.
func quote(s string) string { return "“" + s + "”" }

// problemTexts say in Chinese what each sentinel means, the field's label in place of %s,
// and what to do, in the order they are tried.
var problemTexts = []struct {
	err       error
	text      string
	showValue bool
	todo      string
}{
	{ErrRequired, "缺少%s", false, "请补全后重新推送"},
	{ErrUnknownCode, "%s的代码无法识别", true, "请核对推送数据"},
	{ErrMalformed, "%s格式不正确", true, "请核对推送数据"},
	{ErrInconsistent, "%s与其他字段不一致", false, "请核对推送数据"},
	{ErrFuture, "%s晚于当前时间", false, "请核对评价时间或系统时钟"},
	{ErrTooEarly, "%s早于好差评系统启用时间", false, "请核对评价时间"},
	{ErrTooLarge, "%s超出长度或数量限制", false, "请核对推送数据"},
	{ErrDuplicateKey, "%s重复出现", false, "同一字段只能推送一次"},
	{ErrMasked, "%s是打码后的值", false, "不能保存，请使用存储格式读取"},
}
