package caseflowtest

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
	"weak"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// clocks holds the clock of each service NewService made, by a weak pointer to the service,
// so that a service no longer used is collected with its entry.
var clocks sync.Map // weak.Pointer[caseflow.Service] → *Clock

// NewService returns a service for a test: a fresh caseflow.NewMemoryStore, a new [Clock]
// reading [Start] ([ClockOf] returns it), a fixed Rand so that salts and trail hashes are the
// same from run to run, and case IDs numbered in order: "SP-20261116-0001" for a pushed review,
// "OS-…" for an on-site complaint. The policy and calendar are the defaults. Change its fields
// (Store, Keys, Policy…) before first use, as with caseflow.NewService.
func NewService() *caseflow.Service {
	clk := new(Clock)
	svc := caseflow.NewService(caseflow.NewMemoryStore())
	svc.Now, svc.Rand, svc.NewID = clk.Now, zeros{}, sequentialIDs()
	key := weak.Make(svc)
	clocks.Store(key, clk)
	runtime.AddCleanup(svc, func(k weak.Pointer[caseflow.Service]) { clocks.Delete(k) }, key)
	return svc
}

// ClockOf returns the clock of a service made by [NewService], or nil for another service.
func ClockOf(svc *caseflow.Service) *Clock {
	if clk, ok := clocks.Load(weak.Make(svc)); ok {
		return clk.(*Clock)
	}
	return nil
}

// sequentialIDs returns a caseflow.Service.NewID numbering the cases in order.
func sequentialIDs() func(caseflow.Kind, time.Time) string {
	var n atomic.Int64
	return func(k caseflow.Kind, received time.Time) string {
		prefix := "SP"
		if k == caseflow.KindOnSiteComplaint {
			prefix = "OS"
		}
		return fmt.Sprintf("%s-%s-%04d", prefix, received.In(haochaping.Location()).Format("20060102"), n.Add(1))
	}
}

// zeros reads as an endless run of zero bytes: a fixed salt for reproducible trails.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
