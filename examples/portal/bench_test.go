package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// BenchmarkPush is one signed push of a new bad review through the webhook's handler, on the
// SQLite store: the signature, the decoding, the case opened and the rating recorded.
func BenchmarkPush(b *testing.B) {
	p := newPortal(b)
	now := p.now()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		body := DemoPush(fmt.Sprintf("BENCH-%08d", i), now.Add(-time.Hour))
		r := httptest.NewRequest(http.MethodPost, "/push", strings.NewReader(string(body)))
		r.Header.Set(headerTimestamp, fmt.Sprint(now.Unix()))
		r.Header.Set(headerSignature, Sign(testSecret, now.Unix(), body))
		w := httptest.NewRecorder()
		p.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}

// BenchmarkWorklist is the office's worklist over HAOCHAPING_BENCH_CASES open cases (200).
func BenchmarkWorklist(b *testing.B) {
	p := newPortal(b)
	n := envInt("HAOCHAPING_BENCH_CASES", 200)
	for i := range n {
		p.pushCase(b, fmt.Sprintf("BENCH-%08d", i))
	}
	c := p.as(b, "wang")
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Cookie", sessionCookie+"="+c.cookie)
		w := httptest.NewRecorder()
		p.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatalf("%d", w.Code)
		}
	}
	b.ReportMetric(float64(n), "cases")
}

// BenchmarkCasePage is a case page with its duties, trail, allowed steps and documents.
func BenchmarkCasePage(b *testing.B) {
	p := newPortal(b)
	id := p.pushCase(b, "BENCH-CASE")
	p.walkTo(b, id, "verify")
	c := p.as(b, "wang")
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest(http.MethodGet, "/cases/"+id, nil)
		r.Header.Set("Cookie", sessionCookie+"="+c.cookie)
		w := httptest.NewRecorder()
		p.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatalf("%d", w.Code)
		}
	}
}
