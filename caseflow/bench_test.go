package caseflow_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/haochaping/haochaping/caseflow"
)

// BenchmarkFullCase runs a system-pushed case from intake to archive through the service and
// the memory store, hashing every trail entry: the issue asks ≤ 100 µs and ≤ 16 KB per case.
func BenchmarkFullCase(b *testing.B) {
	f := newFixture(&testing.T{}, at(2026, 11, 24, 9, 30))
	n := 0
	f.svc.NewID = func(caseflow.Kind, time.Time) string { n++; return fmt.Sprint("c", n) }
	steps := []struct {
		t     time.Time
		actor caseflow.Actor
		step  caseflow.Step
	}{
		{at(2026, 11, 24, 10, 0), clerk, registration},
		{at(2026, 11, 24, 11, 0), clerk, justified},
		{at(2026, 11, 24, 11, 30), clerk, caseflow.Transfer{}},
		{at(2026, 11, 24, 15, 0), staff, meeting},
		{at(2026, 11, 25, 16, 0), head, report},
		{at(2026, 11, 26, 10, 0), clerk, verification},
		{at(2026, 11, 26, 11, 0), boss, review1},
		{at(2026, 11, 26, 15, 0), clerk, satisfied},
		{at(2026, 11, 27, 9, 0), clerk, caseflow.CitySubmission{}},
		{at(2026, 11, 27, 10, 0), clerk, caseflow.Archive{}},
	}
	actions := make([]caseflow.Action, len(steps))
	for i, s := range steps {
		actions[i] = caseflow.Action{Actor: s.actor, Step: s.step}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.clock.Set(at(2026, 11, 24, 9, 30))
		c, _, err := f.svc.Receive(ctx, review(fmt.Sprint("r", i), at(2026, 11, 24, 9, 20)))
		if err != nil {
			b.Fatal(err)
		}
		for j, s := range steps {
			f.clock.Set(s.t)
			if _, err := f.svc.Take(ctx, c.ID, actions[j]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
