package browser

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
)

// record is the tab's listener: it keeps each console message, uncaught exception and
// browser log entry above the verbose level as a line. It runs on the goroutine that reads
// the tab's messages, so it only formats and appends.
func (tb *Tab) record(ev any) {
	var line string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		line = "console." + string(ev.Type) + ": " + argsText(ev.Args) + stackPlace(ev.StackTrace)
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		if d == nil {
			return
		}
		text := d.Text
		if d.Exception != nil {
			// The description of an Error holds its stack after the message.
			desc, _, _ := strings.Cut(value(d.Exception), "\n    at ")
			text = strings.TrimSpace(text + " " + desc)
		}
		line = "exception: " + text + place(d.URL, d.LineNumber)
		if d.URL == "" {
			line += stackPlace(d.StackTrace)
		}
	case *log.EventEntryAdded:
		e := ev.Entry
		if e == nil || e.Level == log.EntryLevelVerbose || isFavicon(e) {
			return
		}
		line = "log." + string(e.Level) + " (" + string(e.Source) + "): " + e.Text + place(e.URL, e.LineNumber)
	default:
		return
	}
	tb.mu.Lock()
	tb.console = append(tb.console, line)
	tb.mu.Unlock()
}

// isFavicon reports whether the entry is the failure of /favicon.ico, which Chromium asks
// for by itself when a page names no icon: a site without that file is no fault of its
// pages. An icon that a page names and that fails to load is still recorded.
func isFavicon(e *log.Entry) bool {
	if e.Source != log.EntrySourceNetwork {
		return false
	}
	u, err := url.Parse(e.URL)
	return err == nil && u.Path == "/favicon.ico"
}

// argsText joins the arguments of a console call as the console shows them, without
// applying a format such as %s.
func argsText(args []*runtime.RemoteObject) string {
	s := make([]string, len(args))
	for i, a := range args {
		s[i] = value(a)
	}
	return strings.Join(s, " ")
}

// value is one value as text: a string as it is, another primitive as its value, an object
// as its description.
func value(o *runtime.RemoteObject) string {
	if o == nil {
		return "null"
	}
	if o.Type == runtime.RemoteObjectTypeString {
		var s string
		if json.Unmarshal(o.Value, &s) == nil {
			return s
		}
	}
	switch {
	case o.Type == runtime.RemoteObjectTypeUndefined:
		return "undefined"
	case o.UnserializableValue != "":
		return string(o.UnserializableValue)
	case o.Description != "":
		return o.Description
	case len(o.Value) > 0:
		return string(o.Value)
	}
	return string(o.Type)
}

// stackPlace is the place of the top frame of the stack, or "".
func stackPlace(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	return place(st.CallFrames[0].URL, st.CallFrames[0].LineNumber)
}

// place is " (url:line)", with the protocol's line counted from 1, or "" when url is empty.
func place(url string, line int64) string {
	if url == "" {
		return ""
	}
	return fmt.Sprintf(" (%s:%d)", url, line+1)
}
