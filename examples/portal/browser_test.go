package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/haochaping/haochaping/examples/internal/browser"
)

// walkStates are the states of the case, as the page labels them, after each step of
// DemoWalk: the test's own record of Annex 3, so that the pages are not checked against
// themselves.
var walkStates = map[string]string{
	"register":      "已登记，待回访核实",
	"callback":      "回访核实需整改，待转办",
	"transfer":      "已转办，待召开专题分析会",
	"meeting":       "整改中",
	"report":        "调查整改报告已反馈，待核实",
	"verify":        "整改已核实，待分管领导审阅",
	"leader_review": "分管领导已审阅，待再次回访",
	"recall":        "评价人对整改结果满意，待报市督查科",
	"submit_city":   "已报市督查科，待备案",
	"archive":       "已备案",
}

// noDuty are the steps of DemoWalk that no duty of the worklist stands for.
var noDuty = map[string]bool{"archive": true}

// onlookers are the demo users who take no step of DemoWalk, and whether each may read the
// case once it is at the tax window: the city office reads every case, the tax bureau's
// leader those of the bureau's window; another window and the township do not.
var onlookers = map[string]bool{
	"chen":  true,  // 市督查科
	"wu":    true,  // 县税务局 单位分管领导
	"li":    false, // 社保窗口 窗口负责人
	"zheng": false, // 长安镇综合窗口 窗口负责人
	"zhou":  false, // 长安镇政务服务中心 单位分管领导
}

// The whole of Annex 3 in a real browser: the rating system pushes a bad review, and each
// person signs in, finds the case on the worklist, opens its step and fills in the form as
// a clerk does, until the case is archived; the people of other units do not see it; the
// registration form downloads as Word with the reviewer masked; the bulletin draws its
// charts; and no page writes to the console. Screenshots of the pages are left in
// browser.ArtefactDir for a person to look at.
func TestEndToEndInChromium(t *testing.T) {
	if raceDetector {
		t.Skip("the browser tests run without the race detector")
	}
	if testing.Short() {
		t.Skip("drives Chromium: not in -short mode")
	}
	began := time.Now()
	p := newPortal(t)
	b := browser.Start(t)
	e := &e2e{t: t, tab: b.Tab(t), base: p.URL}
	started := time.Now()

	// The rating system's call, not a person's.
	e.id = p.pushCase(t, "450224-2026-001000")
	caseLink := `a[href="/cases/` + e.id + `"]`

	for i, st := range DemoWalk {
		stepBegan := time.Now()
		want, ok := walkStates[st.Event]
		if !ok {
			t.Fatalf("step %d of DemoWalk, %s: the test does not know the state it leads to", i+1, st.Event)
		}
		e.signIn(st.User)
		if e.at() != "/" { // a second step of the same person: back to the worklist
			e.follow(`header a[href="/"]`)
		}
		if i == 0 {
			e.contains("#worklist", e.id, "the office's worklist has the case's registration due")
			e.tab.Screenshot(t, "worklist")
		}
		// The case is among the person's 待办事项 when the step is a duty with a time limit,
		// and among the 未结办件 of their unit in any case (备案 is no duty: nothing is due).
		switch {
		case e.has(`#worklist ` + caseLink):
			e.follow(`#worklist ` + caseLink)
		case !noDuty[st.Event] || !e.has(`#cases `+caseLink):
			t.Fatalf("%s's worklist does not list the case for %s: %q", st.User, st.Event, e.tab.Text(t, "main"))
		default:
			e.follow(`#cases ` + caseLink)
		}
		e.path("/cases/" + e.id)
		if st.Event == "verify" { // mid-way: the window's report is in, the office verifies it
			e.tab.Screenshot(t, "case")
		}
		e.follow(`#steps a[data-event="` + st.Event + `"]`)
		e.path("/cases/" + e.id + "/steps/" + st.Event)
		e.fill(st.Form)
		if st.Event == "report" {
			e.tab.Screenshot(t, "step-report")
		}
		e.follow("#submit")
		if got, want := e.at(), "/cases/"+e.id+"?done="+st.Event; got != want {
			t.Fatalf("%s as %s: the form went to %s, want %s; the page says %q", st.Event, st.User, got, want, e.tab.Text(t, "main"))
		}
		e.contains(".msg.ok", "已办理：", "%s as %s", st.Event, st.User)
		if got := e.tab.Text(t, "#state"); got != want {
			t.Errorf("after %s as %s the case is %q, want %q", st.Event, st.User, got, want)
		}

		t.Logf("%-13s as %-5s %v", st.Event, st.User, time.Since(stepBegan).Round(time.Millisecond))

		if st.Event == "transfer" { // the case is at the tax window now: who else sees it
			for _, u := range DemoUsers().Users() {
				if !involved(u.ID) {
					lookBegan := time.Now()
					e.onlooker(u.ID, caseLink)
					t.Logf("%-13s as %-5s %v", "(looks)", u.ID, time.Since(lookBegan).Round(time.Millisecond))
				}
			}
		}
	}
	for _, u := range DemoUsers().Users() {
		if !e.seen[u.ID] {
			t.Errorf("demo user %s never signed in", u.ID)
		}
	}
	e.tab.Screenshot(t, "case-archived")

	// Annex 4 as Word, from the archived case's page.
	name, docx := e.tab.Download(t, chromedp.Click(chromedp.CSS(`[data-doc="registration-docx"]`)))
	if !strings.HasSuffix(name, ".docx") || !strings.Contains(name, "差评办件转办登记表") {
		t.Errorf("the registration form downloads as %q", name)
	}
	t.Logf("downloaded %s, %d bytes", name, len(docx))
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("%s: %d bytes, not a zip: %v", name, len(docx), err)
	}
	var document []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			document, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	switch {
	case document == nil:
		t.Errorf("%s has no word/document.xml", name)
	case bytes.Contains(document, []byte("13812345678")), bytes.Contains(document, []byte("张三丰")):
		t.Errorf("%s shows the reviewer's name or phone in full", name)
	case !bytes.Contains(document, []byte(e.id)):
		t.Errorf("%s does not name the case %s", name, e.id)
	}

	// The monthly bulletin, from the header.
	e.follow(`header a[href="/bulletin"]`)
	e.path("/bulletin")
	e.contains("body", "通报", "the bulletin")
	e.contains("body", "融安县税务局", "the bulletin")
	if n := browser.Get(t, e.tab, chromedp.Evaluate[int]("document.querySelectorAll('svg').length")); n == 0 {
		t.Error("the bulletin draws no chart (no <svg>)")
	}
	e.tab.Screenshot(t, "bulletin")

	// The only entries are the failed loads of the case by those who may not read it.
	msgs := e.tab.Console()
	for range e.refused {
		i := slices.IndexFunc(msgs, func(m string) bool {
			return strings.Contains(m, "status of 404") && strings.Contains(m, "("+e.base+"/cases/"+e.id+":")
		})
		if i < 0 {
			t.Errorf("the console does not tell of the 404 of the case page to one of %q", e.refused)
			break
		}
		msgs = slices.Delete(msgs, i, i+1)
	}
	if len(msgs) > 0 {
		t.Errorf("console:\n%s", strings.Join(msgs, "\n"))
	}
	t.Logf("screenshots in %s", browser.ArtefactDir(t))
	t.Logf("Chromium and its tab started in %v; the push, the walk to the archive, the onlookers, the Word form and the bulletin took %v; %v in all",
		started.Sub(began).Round(time.Millisecond), time.Since(started).Round(time.Millisecond), time.Since(began).Round(time.Millisecond))
}

// e2e drives one tab of the portal as one person after another.
type e2e struct {
	t    *testing.T
	tab  *browser.Tab
	base string
	id   string          // the case
	user string          // who is signed in, "" for nobody yet
	seen map[string]bool // who has signed in
	// refused are the users who were refused the case page, each a 404 in the console.
	refused []string
}

// signIn signs in as the demo user through the sign-in page, signing the last user out
// with the header's 退出 button first; it does nothing if the user is signed in already.
func (e *e2e) signIn(user string) {
	t := e.t
	t.Helper()
	if user == e.user {
		return
	}
	if e.user == "" {
		e.tab.Run(t, chromedp.Navigate(e.base+"/")) // goes to the sign-in page
	} else {
		e.follow(`header form[action="/logout"] button`)
	}
	e.path("/login")
	e.tab.Run(t,
		chromedp.SendKeys(chromedp.CSS("#username"), user),
		chromedp.SendKeys(chromedp.CSS("#password"), DemoPassword),
	)
	e.follow("#signin")
	e.path("/")
	u, err := DemoUsers().Lookup(context.Background(), user)
	if err != nil {
		t.Fatal(err)
	}
	e.contains("header", u.Name, "signed in as %s", user)
	e.user = user
	if e.seen == nil {
		e.seen = map[string]bool{}
	}
	e.seen[user] = true
}

// onlooker signs in as a user who takes no step and checks what their worklist and the
// case page show them.
func (e *e2e) onlooker(user, caseLink string) {
	t := e.t
	t.Helper()
	reads, ok := onlookers[user]
	if !ok {
		t.Fatalf("the test does not know whether %s may read the case", user)
	}
	e.signIn(user)
	list := e.tab.Text(t, "main")
	if got := strings.Contains(list, e.id); got != reads {
		t.Errorf("%s's worklist lists the case: %v, want %v", user, got, reads)
	}
	if reads {
		e.follow(`#cases ` + caseLink)
		e.contains("#state", walkStates["transfer"], "%s reads the case", user)
		e.contains("#steps", "您现在没有可办理的步骤", "%s has no step on the case", user)
		e.follow(`header a[href="/"]`)
		return
	}
	resp := browser.Get(t, e.tab, chromedp.NavigateResponse(e.base+"/cases/"+e.id))
	if resp.Status != 404 {
		t.Errorf("%s opens the case: HTTP %d, want 404", user, resp.Status)
	}
	e.refused = append(e.refused, user)
	e.contains("main", "未找到该办件", "%s opens the case", user)
	if strings.Contains(e.tab.Text(t, "body"), "13812345678") {
		t.Errorf("%s reads the reviewer's phone", user)
	}
}

// involved reports whether the user takes a step of DemoWalk.
func involved(user string) bool {
	return slices.ContainsFunc(DemoWalk, func(st WalkStep) bool { return st.User == user })
}

// follow clicks the first element that the CSS selector matches and waits for the page it
// leads to; an answer of 400 or more fails the test.
func (e *e2e) follow(sel string) {
	e.t.Helper()
	e.tab.Run(e.t, func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
		resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel)))
		if err == nil && resp != nil && resp.Status >= 400 {
			err = fmt.Errorf("clicking %s: HTTP %d %s", sel, resp.Status, resp.StatusText)
		}
		return chromedp.Void{}, err
	})
}

// has reports whether an element of the tab's page matches the CSS selector, at once.
func (e *e2e) has(sel string) bool {
	e.t.Helper()
	q, _ := json.Marshal(sel)
	return browser.Get(e.t, e.tab, chromedp.Evaluate[bool](`document.querySelector(`+string(q)+`) !== null`))
}

// at returns the path and query of the tab's page.
func (e *e2e) at() string {
	e.t.Helper()
	u, err := url.Parse(e.tab.Location(e.t))
	if err != nil {
		e.t.Fatal(err)
	}
	return u.RequestURI()
}

// path checks the path of the tab's page.
func (e *e2e) path(want string) {
	e.t.Helper()
	u, _ := url.Parse(e.tab.Location(e.t))
	if u == nil || u.Path != want {
		e.t.Fatalf("as %q: at %s, want %s; the page says %q", e.user, e.tab.Location(e.t), want, e.tab.Text(e.t, "body"))
	}
}

// contains checks that the text of the first element that sel matches contains want.
func (e *e2e) contains(sel, want string, format string, args ...any) {
	e.t.Helper()
	if got := e.tab.Text(e.t, sel); !strings.Contains(got, want) {
		e.t.Errorf("%s: %s says %q, want %q in it", fmt.Sprintf(format, args...), sel, got, want)
	}
}

// fill fills in the step's form with the values: the value of each text input and text
// area set (a list one item a line), the option of each select chosen by its value and
// checked to be there, and the boxes of a list of choices ticked with a click.
func (e *e2e) fill(form url.Values) {
	t := e.t
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(form)) {
		vs := form[name]
		id, _ := json.Marshal("f-" + name)
		sel := `[id=` + string(id) + `]` // names are dotted: finding.causes.0.dimension
		tag := browser.Get(t, e.tab, chromedp.Evaluate[string](`(document.getElementById(`+string(id)+`) || {tagName: ""}).tagName`))
		switch tag {
		case "INPUT", "TEXTAREA", "SELECT":
			value := strings.Join(vs, "\n")
			e.tab.Run(t, chromedp.SetValue(chromedp.CSS(sel), value))
			if got := browser.Get(t, e.tab, chromedp.Value(chromedp.CSS(sel))); got != value {
				t.Fatalf("field %s (%s) holds %q after setting %q: no such option?", name, strings.ToLower(tag), got, value)
			}
		case "DIV": // a list of choices
			for _, v := range vs {
				box := sel + ` input[type=checkbox][value="` + v + `"]`
				e.tab.Run(t, chromedp.Click(chromedp.CSS(box)))
				if !browser.Get(t, e.tab, chromedp.JavascriptAttribute[bool](chromedp.CSS(box), "checked")) {
					t.Fatalf("field %s: the box %s is not ticked after a click", name, v)
				}
			}
		default:
			t.Fatalf("the form has no field %s (f-%s); the page says %q", name, name, e.tab.Text(t, "main"))
		}
	}
}
