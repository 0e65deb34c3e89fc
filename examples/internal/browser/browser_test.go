package browser_test

import (
	"bytes"
	"fmt"
	"html"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/haochaping/haochaping/examples/internal/browser"
)

// docx stands for the bytes of a Word file: the download test checks that they arrive
// unchanged, NUL and high bytes included.
var docx = append([]byte("PK\x03\x04\x14\x00\x06\x00"), bytes.Repeat([]byte{0x00, 0xff, 0x7f, 0x80}, 1024)...)

const page = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title></head>
<body>%s</body></html>`

// server serves the pages of the tests.
func server(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	write := func(w http.ResponseWriter, title, body string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, page, title, body)
	}
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		write(w, "登记", `<form action="/submit" method="post">
<label>姓名 <input id="name" name="name" autocomplete="name"></label>
<button id="go" type="submit">提交</button>
</form>
<p><a id="dl" href="/download">下载登记表</a></p>`)
	})
	mux.HandleFunc("POST /submit", func(w http.ResponseWriter, r *http.Request) {
		write(w, "已提交", `<p id="result">你好，`+html.EscapeString(r.PostFormValue("name"))+`</p>`)
	})
	mux.HandleFunc("GET /download", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
		w.Header().Set("Content-Disposition", `attachment; filename="form.docx"; filename*=UTF-8''`+url.PathEscape("登记表.docx"))
		w.Write(docx)
	})
	mux.HandleFunc("GET /login", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "s3cr3t", Path: "/",
			Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
		write(w, "登录", `<p id="status">已登录</p>`)
	})
	mux.HandleFunc("GET /whoami", func(w http.ResponseWriter, r *http.Request) {
		who := "(none)"
		if c, err := r.Cookie("session"); err == nil {
			who = c.Value
		}
		write(w, "我是谁", `<p id="who">`+html.EscapeString(who)+`</p>`)
	})
	mux.HandleFunc("GET /console", func(w http.ResponseWriter, r *http.Request) {
		write(w, "控制台", `<p>console</p>
<script>console.error("出错了", 42);</script>
<script>throw new Error("boom");</script>`)
	})
	mux.HandleFunc("GET /zh", func(w http.ResponseWriter, r *http.Request) {
		write(w, "中文", `<h1 style="font-size:48px">好差评 · 政务服务评价</h1>
<p style="font-size:24px">办件编号 2026-0001：非常满意。窗口工作人员耐心细致，一次办结。</p>
<p style="font-size:24px">Latin text for comparison: The quick brown fox.</p>`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestBrowser(t *testing.T) {
	srv := server(t)

	began := time.Now()
	b := browser.Start(t)
	started := time.Since(began)
	began = time.Now()
	tab := b.Tab(t)
	opened := time.Since(began)
	t.Logf("Start took %v, Tab %v", started.Round(time.Millisecond), opened.Round(time.Millisecond))

	t.Run("Form", func(t *testing.T) {
		tab.Run(t,
			chromedp.Navigate(srv.URL+"/"),
			chromedp.SendKeys(chromedp.CSS("#name"), "张三"),
			chromedp.Click(chromedp.CSS("#go")),
			chromedp.WaitVisible(chromedp.CSS("#result")),
		)
		if got, want := tab.Text(t, "#result"), "你好，张三"; got != want {
			t.Errorf("result %q, want %q", got, want)
		}
		if got, want := tab.Location(t), srv.URL+"/submit"; got != want {
			t.Errorf("location %q, want %q", got, want)
		}
		if got := tab.Console(); len(got) > 0 {
			t.Errorf("console of a clean page: %q", got)
		}
	})

	t.Run("Download", func(t *testing.T) {
		tab.Run(t, chromedp.Navigate(srv.URL+"/"))
		name, content := tab.Download(t, chromedp.Click(chromedp.CSS("#dl")))
		if name != "登记表.docx" {
			t.Errorf("suggested file name %q, want 登记表.docx", name)
		}
		if !bytes.Equal(content, docx) {
			t.Errorf("downloaded %d bytes, want the %d served", len(content), len(docx))
		}
		if got, want := tab.Location(t), srv.URL+"/"; got != want {
			t.Errorf("location after the download %q, want %q", got, want)
		}
	})

	t.Run("SecureCookie", func(t *testing.T) {
		// srv.URL is http://127.0.0.1:port: Chromium counts loopback addresses as
		// potentially trustworthy, so it keeps a Secure cookie set over plain HTTP there.
		tab.Run(t, chromedp.Navigate(srv.URL+"/login"), chromedp.WaitVisible(chromedp.CSS("#status")))
		if !browser.Get(t, tab, chromedp.Evaluate[bool]("window.isSecureContext")) {
			t.Errorf("http://127.0.0.1 is not a secure context")
		}
		if got := browser.Get(t, tab, chromedp.Evaluate[string]("document.cookie")); got != "" {
			t.Errorf("document.cookie %q: the HttpOnly cookie is visible to scripts", got)
		}
		tab.Run(t, chromedp.Navigate(srv.URL+"/whoami"))
		if got := tab.Text(t, "#who"); got != "s3cr3t" {
			t.Errorf("the server got session cookie %q, want s3cr3t", got)
		}
		// Tabs share the browser's cookies.
		other := b.Tab(t)
		other.Run(t, chromedp.Navigate(srv.URL+"/whoami"))
		if got := other.Text(t, "#who"); got != "s3cr3t" {
			t.Errorf("another tab sent session cookie %q, want s3cr3t", got)
		}
	})

	t.Run("Console", func(t *testing.T) {
		tab := b.Tab(t)
		tab.Run(t, chromedp.Navigate(srv.URL+"/console"))
		got := tab.Console()
		want := []string{
			"console.error: 出错了 42 (" + srv.URL + "/console:4)",
			"exception: Uncaught Error: boom (" + srv.URL + "/console:5)",
		}
		if !slices.Equal(got, want) {
			t.Errorf("console:\n got %q\nwant %q", got, want)
		}
	})

	t.Run("Screenshot", func(t *testing.T) {
		tab.Run(t, chromedp.Navigate(srv.URL+"/zh"))
		path := tab.Screenshot(t, "cjk")
		if dir := browser.ArtefactDir(t); filepath.Dir(path) != dir {
			t.Errorf("screenshot %s is not in %s", path, dir)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if r := img.Bounds(); r.Dx() < 1000 || r.Dy() < 100 {
			t.Errorf("screenshot of %v", r)
		}
	})

	t.Run("RunFails", func(t *testing.T) {
		tab.Run(t, chromedp.Navigate(srv.URL+"/zh"))
		fake := &fatalTB{TB: t}
		var wg sync.WaitGroup
		wg.Go(func() {
			tab.Run(fake, chromedp.Evaluate[chromedp.Void]("throw new Error('on purpose')"))
		})
		wg.Wait()
		for _, want := range []string{"action 1 of 1", "on purpose", "page: " + srv.URL + "/zh", "screenshot: "} {
			if !strings.Contains(fake.msg, want) {
				t.Errorf("failure message %q lacks %q", fake.msg, want)
			}
		}
		_, shot, _ := strings.Cut(fake.msg, "screenshot: ")
		if _, err := os.Stat(shot); err != nil {
			t.Errorf("screenshot of the failure: %v", err)
		}
	})
}

// fatalTB records the message of Fatalf and ends the goroutine, as testing.T does.
type fatalTB struct {
	testing.TB
	msg string
}

func (f *fatalTB) Helper() {}

func (f *fatalTB) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestArtefactDir(t *testing.T) {
	t.Run("local/子测试:1", func(t *testing.T) {
		t.Setenv("HAOCHAPING_ARTEFACTS", "")
		wd, _ := os.Getwd()
		want := filepath.Join(wd, "artefacts", "TestArtefactDir", "local", "子测试_1")
		if got := browser.ArtefactDir(t); got != want {
			t.Errorf("ArtefactDir = %s, want %s", got, want)
		}
	})
	t.Run("env", func(t *testing.T) {
		dir := t.TempDir()
		t.Setenv("HAOCHAPING_ARTEFACTS", dir)
		want := filepath.Join(dir, "examples", "internal", "browser", "TestArtefactDir", "env")
		got := browser.ArtefactDir(t)
		if got != want {
			t.Errorf("ArtefactDir = %s, want %s", got, want)
		}
		if fi, err := os.Stat(got); err != nil || !fi.IsDir() {
			t.Errorf("ArtefactDir did not make %s: %v", got, err)
		}
	})
}
