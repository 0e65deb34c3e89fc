// Package browser is a small harness for end-to-end tests that drive headless Chromium from
// Go with github.com/chromedp/chromedp.
//
// A test starts one browser, opens a tab and runs chromedp actions in it:
//
//	b := browser.Start(t)
//	tab := b.Tab(t)
//	tab.Run(t,
//		chromedp.Navigate(srv.URL),
//		chromedp.SendKeys(chromedp.CSS("#name"), "张三"),
//		chromedp.Click(chromedp.CSS("button[type=submit]")),
//		chromedp.WaitVisible(chromedp.CSS("#result")),
//	)
//	if got := tab.Text(t, "#result"); got != "你好，张三" {
//		t.Errorf("result %q", got)
//	}
//	if msgs := tab.Console(); len(msgs) > 0 {
//		t.Errorf("console: %q", msgs)
//	}
//
// chromedp v0.23 has a generic action type: an action that returns nothing is a
// chromedp.Action[chromedp.Void], which is what [Tab.Run] takes; [Get] runs one action that
// returns a value, such as chromedp.Evaluate[int] or chromedp.Value.
//
// # Finding Chromium
//
// [Start] runs the program named by the environment variable HAOCHAPING_CHROMIUM, or else
// the first of chromium, chromium-browser and google-chrome found on PATH (Debian's package
// is chromium). When none is found the test is skipped, or fails when the environment
// variable CI is "true", as .ci/run sets it. A HAOCHAPING_CHROMIUM that names no program
// fails the test: the setting is a mistake, not a missing browser.
//
// The browser is started headless with a fresh profile in t.TempDir and with the flags that a
// machine with no network needs: --headless --no-sandbox --disable-gpu --disable-quic
// --no-first-run --disable-background-networking --disable-component-update --disable-sync,
// on top of chromedp's defaults. It is closed gracefully at t.Cleanup, so that no child
// process writes into the profile while the testing package removes it.
//
// # Time limits
//
// Each action that [Tab.Run] runs, and each of [Tab.Text], [Tab.Location], [Tab.Screenshot]
// and [Get], has [ActionTimeout]; [Tab.Download] waits at most [ActionTimeout] for the click
// and as long again for the download to complete.
//
// # Failures and artefacts
//
// An action that fails ends the test with t.Fatalf, naming the action's place in the list,
// the error, the tab's current URL and a full-page screenshot saved under [ArtefactDir].
//
// Screenshots go to $HAOCHAPING_ARTEFACTS/<package path in the module>/<test name>/ when the
// environment variable is set (for CI to collect), and otherwise to
// artefacts/<test name>/ inside the test's package directory, which the repository's
// .gitignore ignores (the pattern **/artefacts/). Files there are overwritten by the next
// run and never removed.
//
// # Console
//
// Each tab records what the page writes to the console from the moment the tab opens:
// calls of the console API (console.log, console.error, ...), uncaught exceptions and
// unhandled promise rejections, and entries of the browser's log above the verbose level
// (a failed resource load, for example), except the failure of /favicon.ico, which Chromium
// asks for by itself. [Tab.Console] returns them; a portal test asserts that there are none. Events that Chromium sent before the reply to the last command are
// always there, because the tab records them on the goroutine that reads its messages.
//
// # Cookies
//
// An httptest server listens on http://127.0.0.1, which Chromium counts as a secure context:
// it keeps a cookie marked Secure that such a server sets over plain HTTP and sends it
// back, so a portal can mark its session cookie Secure and still be tested without TLS.
// This package's tests check it.
//
// # Concurrency
//
// A [Tab] is for one goroutine at a time. Tabs of one browser may be used from parallel
// tests; they share the browser's cookies.
package browser
