package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Smoke checks a running portal at base from outside, as CI runs it: health, the webhook
// (a push, its retry, a good rating; a bad signature and a stale timestamp when pushes are
// signed; an oversize body), every person's sign-in and worklist, a whole pushed case taken
// through the forms to the archive, a window of another unit refused, an on-site complaint,
// the documents and the bulletin. It prints one line per check and returns the first failure.
func Smoke(ctx context.Context, base string, srv *Server) error {
	start := time.Now()
	secret := srv.push.secret
	sys := NewClient(base)
	check := func(what string, a Answer, err error, want int, contains string) error {
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if a.Status != want || !strings.Contains(a.Text(), contains) {
			return fmt.Errorf("%s: status %d (want %d), body %.200q", what, a.Status, want, a.Text())
		}
		fmt.Printf("ok  %s → %d\n", what, a.Status)
		return nil
	}
	a, err := sys.Get(ctx, "/healthz")
	if err := check("GET /healthz", a, err, http.StatusOK, "ok"); err != nil {
		return err
	}
	now := srv.now()
	matter := "450224-" + now.Format("20060102150405.000000")
	body := DemoPush(matter, now.Add(-10*time.Minute))
	a, err = sys.Push(ctx, body, secret, now)
	if err := check("POST /push a bad review", a, err, http.StatusOK, `"created":true`); err != nil {
		return err
	}
	var rc receipt
	if err := json.Unmarshal(a.Body, &rc); err != nil || rc.Case == "" {
		return fmt.Errorf("push receipt %q: no case", a.Text())
	}
	a, err = sys.Push(ctx, body, secret, now)
	if err := check("POST /push the same again", a, err, http.StatusOK, `"created":false,"recorded":false`); err != nil {
		return err
	}
	a, err = sys.Push(ctx, DemoRating(matter+"-good", now.Add(-time.Minute)), secret, now)
	if err := check("POST /push a good rating", a, err, http.StatusOK, `"recorded":true`); err != nil {
		return err
	}
	if len(secret) > 0 {
		a, err = sys.Push(ctx, body, []byte("not the secret, not the secret!!"), now)
		if err := check("POST /push signed with another secret", a, err, http.StatusUnauthorized, "签名"); err != nil {
			return err
		}
		a, err = sys.Push(ctx, body, secret, now.Add(-time.Hour))
		if err := check("POST /push replayed an hour later", a, err, http.StatusUnauthorized, "时间"); err != nil {
			return err
		}
	}
	big := bytes.Repeat([]byte(" "), maxPushBytes+1)
	a, err = sys.Do(ctx, http.MethodPost, "/push", bytes.NewReader(big), nil)
	if err := check("POST /push over 64 KiB", a, err, http.StatusRequestEntityTooLarge, "过大"); err != nil {
		return err
	}

	people := map[string]*Client{}
	for _, u := range DemoUsers().Users() {
		c := NewClient(base)
		if err := c.Login(ctx, u.ID, DemoPassword); err != nil {
			return err
		}
		a, err := c.Get(ctx, "/")
		if err := check("GET / as "+u.ID+" ("+u.Title+")", a, err, http.StatusOK, "待办事项"); err != nil {
			return err
		}
		people[u.ID] = c
	}
	casePath := "/cases/" + url.PathEscape(rc.Case)
	for _, st := range DemoWalk {
		a, err := people[st.User].Post(ctx, casePath+"/steps/"+st.Event, st.Form)
		if err := check("POST "+st.Event+" as "+st.User, a, err, http.StatusSeeOther, ""); err != nil {
			return err
		}
		if st.Event == "transfer" { // now the tax window's: another window may not read it
			a, err := people["li"].Get(ctx, casePath)
			if err := check("GET the case as another unit's window head", a, err, http.StatusNotFound, "未找到"); err != nil {
				return err
			}
		}
	}
	a, err = people["wang"].Get(ctx, casePath)
	if err := check("GET the archived case", a, err, http.StatusOK, "已备案"); err != nil {
		return err
	}
	a, err = people["zhou"].Post(ctx, "/complaints", url.Values{"center": {"town-changan"}, "id": {"OS-" + matter},
		"time": {now.In(srv.svc.Calendar.Location()).Format("2006-01-02T15:04")}, "content": {"取号机故障，排队时间长"}, "window": {"w-changan"}})
	if err := check("POST /complaints an on-site complaint at the township (第四条)", a, err, http.StatusSeeOther, ""); err != nil {
		return err
	}
	for _, f := range []string{"registration.docx", "registration.html", "registration.md", "report.docx", "summary.html"} {
		a, err := people["wang"].Get(ctx, casePath+"/documents/"+f)
		if err := check("GET document "+f, a, err, http.StatusOK, ""); err != nil {
			return err
		}
		if strings.Contains(a.Text(), "13812345678") || strings.Contains(a.Text(), "张三丰") {
			return fmt.Errorf("document %s shows the reviewer's personal data", f)
		}
	}
	a, err = people["chen"].Get(ctx, "/bulletin")
	if err := check("GET /bulletin", a, err, http.StatusOK, "通报"); err != nil {
		return err
	}
	a, err = people["chen"].Get(ctx, "/bulletin.xlsx")
	if err := check("GET /bulletin.xlsx", a, err, http.StatusOK, "PK"); err != nil {
		return err
	}
	fmt.Printf("smoke checks passed in %.1f s\n", time.Since(start).Seconds())
	return nil
}

// printWelcome prints where the portal is and who may sign in.
func printWelcome(w io.Writer, url, database string, srv *Server) {
	fmt.Fprintf(w, "政务服务“好差评”差评办件门户：%s（数据库：%s）\n", url, database)
	fmt.Fprintf(w, "评价推送接口：POST %s/push", url)
	if srv.signed() {
		fmt.Fprintln(w, "（须签名，见 push.go）")
	} else {
		fmt.Fprintln(w, "（未设置 HAOCHAPING_PUSH_SECRET：不验签，仅供演示）")
	}
	fmt.Fprintf(w, "演示用户（密码均为 %s）：\n", DemoPassword)
	if l, ok := srv.auth.(*UserList); ok {
		for _, u := range l.Users() {
			fmt.Fprintf(w, "  %-6s %s，%s\n", u.ID, u.Name, u.Title)
		}
	}
	fmt.Fprintln(w, "按 Ctrl+C 退出。")
}
