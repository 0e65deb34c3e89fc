package main

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/examples/internal/stepform"
)

// pageError is an error of the portal's own, with its status and what the clerk reads.
type pageError struct {
	status  int
	message string // in Chinese, for the clerk
	detail  string // in English, for the log
}

func (e *pageError) Error() string { return "portal: " + e.detail }

var (
	errCrossOrigin = &pageError{http.StatusForbidden, "已拒绝来自其他网站的提交", "cross-origin request refused"}
	errSignedOut   = &pageError{http.StatusUnauthorized, "请先登录", "not signed in"}
	errFormToken   = &pageError{http.StatusForbidden, "表单已失效，请返回刷新后重新提交", "form token missing or wrong"}
	errNoSuchPage  = &pageError{http.StatusNotFound, "页面不存在", "no such page"}
	errNotAllowed  = &pageError{http.StatusForbidden, "您现在不能办理该步骤", "step not among the user's allowed steps"}
	errUnsigned    = &pageError{http.StatusUnauthorized, "推送未签名或签名不符", "push signature missing or wrong"}
	errStale       = &pageError{http.StatusUnauthorized, "推送时间戳缺失或超出有效时间窗口", "push timestamp missing or outside the replay window"}
)

// errForm is a form the portal could not read: too large, or not a form.
func errForm(err error) error {
	if errors.As(err, new(*http.MaxBytesError)) {
		return &pageError{http.StatusRequestEntityTooLarge, "提交的内容过大", err.Error()}
	}
	return &pageError{http.StatusBadRequest, "提交的内容无法读取", err.Error()}
}

// status is the HTTP status of an error: the one table that translates the library's errors.
func status(err error) int {
	var pe *pageError
	switch {
	case errors.As(err, &pe):
		return pe.status
	case errors.Is(err, haochaping.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, caseflow.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, caseflow.ErrWrongRole), errors.Is(err, caseflow.ErrWrongOrg):
		return http.StatusForbidden
	case errors.Is(err, caseflow.ErrWrongState), errors.Is(err, caseflow.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, haochaping.ErrMalformed), errors.Is(err, caseflow.ErrBadCursor):
		return http.StatusBadRequest
	case errors.As(err, new(*caseflow.RefusalError)), errors.As(err, new(*haochaping.FieldError)),
		errors.As(err, new(*stepform.FieldError)):
		return http.StatusUnprocessableEntity
	}
	return http.StatusInternalServerError
}

// formStatus is the status of a form's content refused: 422 where status says 400 (malformed),
// for the request was read; the content is what is wrong.
func formStatus(err error) int {
	if code := status(err); code != http.StatusBadRequest {
		return code
	}
	return http.StatusUnprocessableEntity
}

// message is what the clerk reads of an error, in Chinese; never personal data, for the
// library's messages mask it.
func message(err error) string {
	var pe *pageError
	var fe *stepform.FieldError
	switch {
	case errors.As(err, &pe):
		return pe.message
	case errors.As(err, &fe):
		return fe.Message
	}
	return caseflow.Message(err)
}

// fail answers a request with an error: JSON for the webhook, a page for people. A server
// error is logged with its detail; the clerk reads only 系统错误.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := status(err)
	if code >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	} else {
		s.log.Info("request refused", "method", r.Method, "path", r.URL.Path, "status", code, "err", err)
	}
	if r.URL.Path == "/push" {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(code)
		_ = json.NewEncoder(w).Encode(map[string]string{"error": message(err)})
		return
	}
	v, _ := r.Context().Value(visitKey{}).(visit)
	s.render(w, code, "error", page{Title: http.StatusText(code), Visit: v, Message: message(err)})
}
