package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// ActionTimeout limits each action that a [Tab] runs.
const ActionTimeout = 30 * time.Second

const (
	// startTimeout limits the start of Chromium and of its first tab.
	startTimeout = 60 * time.Second
	// closeTimeout is how long the cleanup waits for Chromium to close gracefully before it
	// kills the process.
	closeTimeout = 15 * time.Second
	// failTimeout limits each of the look-ups (URL, screenshot) that report a failure.
	failTimeout = 5 * time.Second
	// windowWidth and windowHeight are the size of the browser window. Headless Chromium
	// 156 keeps room for a toolbar in it: pages get a viewport of 1280×757, the least size
	// of a full-page screenshot.
	windowWidth, windowHeight = 1280, 900
)

// candidates are the programs that Start looks for on PATH, in order, after
// HAOCHAPING_CHROMIUM.
var candidates = []string{"chromium", "chromium-browser", "google-chrome"}

// Browser is a headless Chromium started by [Start] for one test. Open tabs with
// [Browser.Tab].
type Browser struct {
	ctx     context.Context // the chromedp context of the browser (and of its first tab)
	path    string
	product string
	tabs    atomic.Int64
}

// Start starts headless Chromium for a test and returns the browser; it is closed at
// t.Cleanup. When no Chromium is found (HAOCHAPING_CHROMIUM, then chromium,
// chromium-browser, google-chrome on PATH) it skips the test with a message, or fails it
// when the environment variable CI is "true".
func Start(t testing.TB) *Browser {
	t.Helper()
	path := chromiumPath(t)

	// The profile directory is made before the cleanup that closes the browser is
	// registered, so that the browser is gone when the testing package removes it.
	profile := t.TempDir()
	out := &tail{max: 16 << 10}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(windowWidth, windowHeight),
		chromedp.CombinedOutput(out),
	)
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, _ := chromedp.NewContext(allocCtx) // Cancel(ctx) and allocCancel end it

	began := time.Now()
	// The first Do starts the browser and binds its life to the context it is given, so it
	// gets no deadline of its own; the timer stops a browser that hangs at start instead.
	timer := time.AfterFunc(startTimeout, allocCancel)
	err := chromedp.Do(ctx)
	if !timer.Stop() {
		err = fmt.Errorf("no browser within %v (%v)", startTimeout, err)
	}
	if err != nil {
		allocCancel()
		if o := out.String(); o != "" {
			err = fmt.Errorf("%w\nChromium's output:\n%s", err, o)
		}
		t.Fatalf("browser: starting %s: %v", path, err)
	}
	b := &Browser{ctx: ctx, path: path}
	t.Cleanup(func() { b.close(t, allocCancel) })

	if v, err := chromedp.CallBrowser(ctx, cdpbrowser.GetVersion, cdp.Empty{}); err == nil {
		b.product = v.Product
	}
	t.Logf("browser: %s (%s) started in %v", b.product, path, time.Since(began).Round(time.Millisecond))
	return b
}

// chromiumPath returns the Chromium to run: HAOCHAPING_CHROMIUM, or the first candidate on
// PATH. It skips t when there is none, and fails it under CI=true.
func chromiumPath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("HAOCHAPING_CHROMIUM"); p != "" {
		full, err := exec.LookPath(p)
		if err != nil {
			t.Fatalf("browser: HAOCHAPING_CHROMIUM=%s: %v", p, err)
		}
		return full
	}
	for _, name := range candidates {
		if full, err := exec.LookPath(name); err == nil {
			return full
		}
	}
	const msg = "no Chromium found: set HAOCHAPING_CHROMIUM, or put one of %s on PATH (Debian: apt-get install chromium)"
	if os.Getenv("CI") == "true" {
		t.Fatalf("browser: CI=true and "+msg, strings.Join(candidates, ", "))
	}
	t.Skipf("browser: skipping: "+msg, strings.Join(candidates, ", "))
	return ""
}

// close closes Chromium gracefully, so that none of its processes writes into the profile
// after it; one that does not close in time is killed with the allocator.
func (b *Browser) close(t testing.TB, allocCancel context.CancelFunc) {
	done := make(chan error, 1)
	go func() { done <- chromedp.Cancel(b.ctx) }()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, context.Canceled) {
			t.Logf("browser: closing Chromium: %v", err)
		}
	case <-time.After(closeTimeout):
		t.Logf("browser: Chromium did not close within %v: killing it", closeTimeout)
	}
	allocCancel()
}

// Context returns the chromedp context of the browser, for chromedp.CallBrowser and
// chromedp.BrowserEvents. It has no deadline.
func (b *Browser) Context() context.Context { return b.ctx }

// Product returns the browser's name and version, such as "Chrome/156.0.8078.114", or ""
// when the browser did not tell.
func (b *Browser) Product() string { return b.product }

// Tab is a tab of a [Browser], with its own chromedp context. Its cookies are the browser's.
// A Tab is for one goroutine at a time.
type Tab struct {
	b   *Browser
	ctx context.Context
	n   int64 // the tab's number in its browser, from 1

	mu      sync.Mutex
	console []string
}

// Tab opens a new tab; it is closed at t.Cleanup. Each action run in it has
// [ActionTimeout].
func (b *Browser) Tab(t testing.TB) *Tab {
	t.Helper()
	tb := &Tab{b: b, n: b.tabs.Add(1)}
	// The listener sees every event of the tab from its start, on the goroutine that reads
	// the tab's messages, so that an event sent before the reply to a command is recorded
	// before the command returns.
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(tb.record))
	// As in Start: the first Do opens the tab and binds it to ctx, so no deadline on it.
	timer := time.AfterFunc(startTimeout, cancel)
	err := chromedp.Do(ctx)
	if !timer.Stop() {
		err = fmt.Errorf("the tab did not open within %v (%v)", startTimeout, err)
	}
	if err != nil {
		cancel()
		t.Fatalf("browser: opening tab %d: %v", tb.n, err)
	}
	tb.ctx = ctx
	t.Cleanup(func() {
		if err := chromedp.Cancel(ctx); err != nil && !errors.Is(err, context.Canceled) {
			t.Logf("browser: closing tab %d: %v", tb.n, err)
		}
	})
	return tb
}

// Context returns the chromedp context of the tab, for what the harness does not wrap
// (chromedp.Events, chromedp.Listen, chromedp.Call). It has no deadline; derive one with
// context.WithTimeout for each call.
func (tb *Tab) Context() context.Context { return tb.ctx }

// run runs one action in the tab with the deadline d.
func run[T any](tb *Tab, d time.Duration, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(tb.ctx, d)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil && errors.Is(err, context.DeadlineExceeded) {
		err = fmt.Errorf("%w (after %v)", err, d)
	}
	return v, err
}

// Run runs the actions in order, each with [ActionTimeout]. When one fails it ends the test
// (t.Fatalf) with the error, the tab's current URL and a screenshot saved in [ArtefactDir].
func (tb *Tab) Run(t testing.TB, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	for i, a := range actions {
		if _, err := run(tb, ActionTimeout, a); err != nil {
			tb.fail(t, "browser: action %d of %d: %v", i+1, len(actions), err)
		}
	}
}

// Get runs one action that returns a value, such as chromedp.Evaluate[int](...) or
// chromedp.Value(chromedp.CSS("#name")), with [ActionTimeout], and returns the value. It
// fails the test as [Tab.Run] does.
func Get[T any](t testing.TB, tb *Tab, a chromedp.Action[T]) T {
	t.Helper()
	v, err := run(tb, ActionTimeout, a)
	if err != nil {
		tb.fail(t, "browser: %v", err)
	}
	return v
}

// fail ends the test with the message, the tab's URL and a screenshot.
func (tb *Tab) fail(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	loc, err := run(tb, failTimeout, chromedp.Location())
	if err != nil {
		loc = fmt.Sprintf("unknown (%v)", err)
	}
	shot, err := tb.screenshot(t, fmt.Sprintf("failure-tab%d", tb.n), failTimeout)
	if err != nil {
		shot = fmt.Sprintf("none (%v)", err)
	}
	t.Fatalf("%s\n\tpage: %s\n\tscreenshot: %s", msg, loc, shot)
}

// Screenshot saves a full-page PNG of the tab as ArtefactDir(t)/name.png, logs its path and
// returns it. Characters that a file name cannot hold become "_".
func (tb *Tab) Screenshot(t testing.TB, name string) string {
	t.Helper()
	path, err := tb.screenshot(t, name, ActionTimeout)
	if err != nil {
		tb.fail(t, "browser: screenshot %q: %v", name, err)
	}
	t.Logf("browser: screenshot %s", path)
	return path
}

func (tb *Tab) screenshot(t testing.TB, name string, d time.Duration) (string, error) {
	png, err := run(tb, d, chromedp.FullScreenshot(100)) // quality 100 is PNG
	if err != nil {
		return "", err
	}
	dir, err := artefactDir(t)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, safeName(name)+".png")
	return path, os.WriteFile(path, png, 0o644)
}

// Text returns the visible text (innerText) of the first node that matches the CSS
// selector, waiting for it as chromedp.Text does.
func (tb *Tab) Text(t testing.TB, sel string) string {
	t.Helper()
	s, err := run(tb, ActionTimeout, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		tb.fail(t, "browser: text of %s: %v", sel, err)
	}
	return s
}

// Location returns the URL of the tab's page.
func (tb *Tab) Location(t testing.TB) string {
	t.Helper()
	s, err := run(tb, ActionTimeout, chromedp.Location())
	if err != nil {
		tb.fail(t, "browser: location: %v", err)
	}
	return s
}

// Download sets the browser to save downloads, with events, into a temporary directory,
// runs click, which must start one download, waits until it completes, and returns the
// file name that the server suggested (Content-Disposition) and the file's bytes. The click
// and the wait have [ActionTimeout] each.
func (tb *Tab) Download(t testing.TB, click chromedp.Action[chromedp.Void]) (filename string, content []byte) {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(tb.ctx, 2*ActionTimeout)
	defer cancel()
	// Subscribe before the click, so that no event is missed; the iterators queue the
	// events until they are read.
	begins := chromedp.Events(ctx, cdpbrowser.DownloadWillBegin)
	progress := chromedp.Events(ctx, cdpbrowser.DownloadProgress)

	// allowAndName saves the file under its download GUID, whatever its suggested name.
	_, err := run(tb, ActionTimeout, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
			Behavior:      cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName,
			DownloadPath:  dir,
			EventsEnabled: new(true),
		})
		return err
	}))
	if err != nil {
		tb.fail(t, "browser: download: setting the download behaviour: %v", err)
	}
	if _, err := run(tb, ActionTimeout, click); err != nil {
		tb.fail(t, "browser: download: the click: %v", err)
	}

	var begin cdpbrowser.EventDownloadWillBegin
	for ev, err := range begins {
		if err != nil {
			tb.fail(t, "browser: download: no download began: %v", err)
		}
		begin = ev
		break
	}
	for ev, err := range progress {
		if err != nil {
			tb.fail(t, "browser: download of %q (%s): not completed: %v", begin.SuggestedFilename, begin.URL, err)
		}
		if ev.GUID != begin.GUID {
			continue
		}
		switch ev.State {
		case cdpbrowser.DownloadProgressStateCompleted:
			path := ev.FilePath
			if path == "" {
				path = filepath.Join(dir, ev.GUID)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				tb.fail(t, "browser: download of %q: %v", begin.SuggestedFilename, err)
			}
			return begin.SuggestedFilename, b
		case cdpbrowser.DownloadProgressStateCanceled:
			tb.fail(t, "browser: download of %q (%s) was canceled", begin.SuggestedFilename, begin.URL)
		}
	}
	tb.fail(t, "browser: download of %q (%s): the events ended", begin.SuggestedFilename, begin.URL)
	return "", nil
}

// Console returns the console messages, uncaught exceptions and browser log entries that the
// tab has seen so far, oldest first, one line each, such as
// "console.error: 出错了 42 (http://127.0.0.1:8080/page:3)".
func (tb *Tab) Console() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return slices.Clone(tb.console)
}

// ArtefactDir returns the directory, made if need be, where the test's screenshots go:
// $HAOCHAPING_ARTEFACTS/<package path in the module>/<test name> when the environment
// variable is set, and otherwise artefacts/<test name> in the test's package directory
// (ignored by git). Subtests are subdirectories.
func ArtefactDir(t testing.TB) string {
	t.Helper()
	dir, err := artefactDir(t)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return dir
}

func artefactDir(t testing.TB) (string, error) {
	wd, err := os.Getwd() // go test runs a test in its package's directory
	if err != nil {
		return "", err
	}
	base := filepath.Join(wd, "artefacts")
	if env := os.Getenv("HAOCHAPING_ARTEFACTS"); env != "" {
		if base, err = filepath.Abs(env); err != nil {
			return "", err
		}
		base = filepath.Join(base, packagePath(wd))
	}
	parts := strings.Split(t.Name(), "/")
	for i, p := range parts {
		parts[i] = safeName(p)
	}
	dir := filepath.Join(append([]string{base}, parts...)...)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("artefact directory: %w", err)
	}
	return dir, nil
}

// packagePath returns the path of the directory dir in its module, such as
// examples/portal, or its base name outside a module.
func packagePath(dir string) string {
	for root := dir; ; {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			if rel, err := filepath.Rel(root, dir); err == nil && rel != "." {
				return rel
			}
			break
		}
		parent := filepath.Dir(root)
		if parent == root {
			break
		}
		root = parent
	}
	return filepath.Base(dir)
}

// safeName makes s a file name: separators, control characters and the characters that
// Windows refuses become "_", and so do the names "", "." and "..".
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, s)
	if s == "" || s == "." || s == ".." {
		s = "_" + s
	}
	return s
}

// tail keeps the last max bytes written to it: Chromium's output, shown when it fails to
// start.
type tail struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (w *tail) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b = append(w.b, p...)
	if len(w.b) > w.max {
		w.b = append(w.b[:0], w.b[len(w.b)-w.max:]...)
	}
	return len(p), nil
}

func (w *tail) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return string(w.b)
}
