package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// demo drives the API as the rating system and the county's people would, on a clock that
// moves as the script says: it is not part of a portal.
func demo(svc *caseflow.Service) {
	now := time.Date(2026, 11, 20, 9, 30, 0, 0, haochaping.Location()) // a Friday
	svc.Now = func() time.Time { return now }
	srv := httptest.NewServer(api(svc))
	defer srv.Close()
	var id string
	for _, s := range script {
		now = now.Add(s.after)
		path := strings.ReplaceAll(s.path, "{id}", id)
		method := map[bool]string{true: "GET", false: "POST"}[s.body == ""]
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(s.body))
		req.Header.Set("X-User", s.user)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			log.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var receipt struct{ Case string }
		if json.Unmarshal(b, &receipt) == nil && receipt.Case != "" {
			id = receipt.Case
		}
		fmt.Printf("%s %s %s → %d %s", s.user, method, path, resp.StatusCode, b)
	}
}

// users are the demo's people; a real portal checks the rating system's signature on /push too.
var users = map[string]caseflow.Actor{
	"wang": {ID: "wang", Name: "王五", Role: caseflow.RoleOffice},
	"zhao": {ID: "zhao", Name: "赵六", Role: caseflow.RoleLeader},
	"qian": {ID: "qian", Name: "钱七", Role: caseflow.RoleWindowStaff, Org: "w-tax"},
	"sun":  {ID: "sun", Name: "孙八", Role: caseflow.RoleWindowHead, Org: "w-tax"},
}

// actor is the person signed in. The demo takes them from the X-User header, which
// authenticates nobody: a real portal takes the actor from its session (no user: 422).
func actor(r *http.Request) caseflow.Actor { return users[r.Header.Get("X-User")] }

// decrypt reads the demo's pushes, which are not encrypted.
var decrypt = haochaping.DecryptFunc(func(_, v string) (string, error) { return v, nil })

// window is the responsible window as the office picks it from the county's organisations.
const window = `"responsibleWindow":{"id":"w-tax","name":"税务窗口","kind":"department","center":"center","department":"tax-bureau"}`

// script is the case from push to archive (Annex 3), then a review nobody handles.
var script = []struct {
	after            time.Duration
	user, path, body string
}{
	{0, "", "/push", push("450224-2026-000123")},
	{10 * time.Minute, "qian", "/cases/{id}/steps/register", "{}"},
	{0, "wang", "/cases/{id}/steps", ""},
	{0, "wang", "/cases/{id}/steps/register", `{` + window + `,"reportedTo":["leader","window_head"]}`},
	{time.Hour, "wang", "/cases/{id}/steps/callback", `{"outcome":"评价人反映窗口人员态度生硬","reason":"态度生硬","materials":["评价器视频","通话录音"]}`},
	{10 * time.Minute, "wang", "/cases/{id}/steps/transfer", `{}`},
	{30 * time.Minute, "qian", "/cases/{id}/steps", ""},
	{0, "qian", "/cases/{id}/steps/meeting", `{"responsiblePerson":"钱七","measures":["开展服务礼仪培训"]}`},
	{72 * time.Hour, "sun", "/cases/{id}/steps/report", `{"investigator":"孙八","subject":"钱七","investigation":["调取评价器视频，情况属实"],` +
		`"measures":["开展服务礼仪培训"],"finding":{"causes":[{"dimension":"attitude","responsiblePerson":"钱七"}]}}`},
	{time.Hour, "wang", "/cases/{id}/steps/verify", `{"result":"整改已落实"}`},
	{time.Hour, "zhao", "/cases/{id}/steps/leader_review", `{"opinion":"同意，报市督查科"}`},
	{time.Hour, "wang", "/cases/{id}/steps/recall", `{"outcome":"评价人对整改结果满意"}`},
	{10 * time.Minute, "wang", "/cases/{id}/steps/submit_city", `{}`},
	{10 * time.Minute, "wang", "/cases/{id}/steps/archive", `{}`},
	{0, "", "/push", push("450224-2026-000456")},
	{72 * time.Hour, "wang", "/worklist", ""},
}

// push is a bad review as the national interface pushes it (2 = 不满意, 测评内容 214 服务
// 态度生硬), for matter number.
func push(number string) string {
	return `{"projectNo":"` + number + `","assessNumber":1,"pf":"4","satisfaction":"2","evalDetail":"214",` +
		`"assessTime":"2026-11-20 09:15:00","userName":"张三丰","mobile":"13812345678","proDepart":"融安县税务局"}`
}
