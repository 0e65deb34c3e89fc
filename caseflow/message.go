package caseflow

import (
	"context"
	"errors"
	"reflect"
	"strings"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/deadline"
)

// Message returns what a portal shows a clerk for any error the library returns, in
// Chinese, one line per problem: the [RefusalError.Message] of every refusal and the
// [haochaping.FieldError.Message] of every invalid field in err's tree (errors joined by
// validation, or wrapped), and for another error a short message of the sentinel it wraps
// (ErrNotFound is "未找到该办件。", ErrConflict "办件已被他人更新，请刷新后重试。"). An error
// it does not know is "系统错误，请联系管理员。": the English text is for the log, never for
// the clerk. Message(nil) is "".
func Message(err error) string {
	if err == nil {
		return ""
	}
	return strings.Join(messages(err, nil), "\n")
}

// messages appends the messages of err's tree to out: the message of the first refusal or
// invalid field on err's chain of single wraps, else those of every error it joins, else
// the message of the sentinel it wraps.
func messages(err error, out []string) []string {
	end := err
	for u := errors.Unwrap(end); u != nil; u = errors.Unwrap(end) {
		end = u
	}
	var joined interface{ Unwrap() []error }
	isJoined := errors.As(end, &joined)
	if m, ok := errors.AsType[messager](err); ok && ownType(m) && !(isJoined && joins(joined, m)) {
		if text := m.Message(); text != "" { // "" from a nil refusal
			return append(out, text)
		}
	}
	if isJoined {
		for _, child := range joined.Unwrap() {
			out = messages(child, out)
		}
		return out
	}
	for _, s := range sentinelMessages {
		if errors.Is(err, s.err) {
			return append(out, s.text)
		}
	}
	return append(out, "系统错误，请联系管理员。")
}

// joins reports whether m is in the tree of one of the errors joined, rather than on the
// chain above them.
func joins(joined interface{ Unwrap() []error }, m messager) bool {
	for _, child := range joined.Unwrap() {
		if cm, ok := errors.AsType[messager](child); ok && cm == m {
			return true
		}
	}
	return false
}

// messager is an error with a Chinese message for a clerk.
type messager interface {
	error
	Message() string
}

// ownType reports whether m is of a type of this module's packages (a *RefusalError, a
// *haochaping.FieldError, the summary of problems beyond the limit): another library's
// Message method may well be in English.
func ownType(m messager) bool {
	t := reflect.TypeOf(m)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.PkgPath() {
	case "github.com/haochaping/haochaping", "github.com/haochaping/haochaping/caseflow":
		return true
	}
	return false
}

// sentinelMessages say in Chinese what the errors a portal meets outside a refusal mean,
// and what to do.
var sentinelMessages = []struct {
	err  error
	text string
}{
	{ErrNotFound, "未找到该办件。"},
	{ErrConflict, "办件已被他人更新，请刷新后重试。"},
	{ErrDuplicate, "该办件已存在，请勿重复立案。"},
	{ErrTampered, "办件的审计记录校验未通过，可能已被篡改，请联系管理员。"},
	{ErrBadCursor, "列表翻页参数无效，请从第一页重新查看。"},
	{haochaping.ErrTooLarge, "提交的内容过大，请精简后再提交。"},
	{deadline.ErrNotCovered, "日历未包含该年度的节假日安排，请更新日历。"},
	{context.DeadlineExceeded, "操作超时，请稍后重试。"},
	{context.Canceled, "操作已取消。"},
}
