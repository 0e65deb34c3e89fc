package caseflow_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// BenchmarkFullCase runs a system-pushed case from intake to archive through the service and
// the memory store, hashing every trail entry and digesting the case at every step: the
// integrity issue asks ≤ 100 µs and ≤ 20 KB per case. "sha256" chains the trail without a
// key, "hmac" under a county key: the difference is the cost of keyed hashing.
func BenchmarkFullCase(b *testing.B) {
	keys, err := caseflow.NewKeyring("k1", map[string][]byte{"k1": []byte("a county key of thirty-two bytes or more")})
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range []struct {
		name string
		keys *caseflow.Keyring
	}{{"sha256", nil}, {"hmac", keys}} {
		b.Run(k.name, func(b *testing.B) { benchmarkFullCase(b, k.keys) })
	}
}

func benchmarkFullCase(b *testing.B, keys *caseflow.Keyring) {
	f := newFixture(b, at(2026, 11, 24, 9, 30))
	f.svc.Store, f.svc.Keys = caseflow.NewMemoryStoreWithKeys(keys), keys
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

// BenchmarkAtRisk100k lists the at-risk and overdue duties across 100,000 open cases in the
// memory store: the issue asks ≤ 50 ms. The cases, received over four weeks, stand as open
// cases of a busy office do: 40% under an extended rectification deadline, 30% awaiting the
// city's appeal decision, 20% received in the last working day at their first steps, and 10%
// stalled at the window with their report overdue.
func BenchmarkAtRisk100k(b *testing.B) { benchmarkAtRisk(b, realisticMix, caseflow.Filter{Open: true}) }

// realisticMix returns the receipt time and steps of the i-th case of BenchmarkAtRisk100k.
func realisticMix(i int) (received time.Time, steps []caseflow.Action) {
	old := at(2026, 10, 26, 9, 0).Add(time.Duration(i) * (24 * 24 * time.Hour / 100_000))
	switch i % 10 {
	case 0, 1, 2, 3:
		ext := report
		until, _ := deadline.China().AddWorkdays(old, 30) // a working day six weeks on
		ext.Extension = &caseflow.Extension{Reason: "需采购设备", Until: deadline.DateOf(until, haochaping.Location())}
		return old, rectifying(caseflow.Action{Actor: head, Step: ext}, caseflow.Action{Actor: clerk, Step: verification},
			caseflow.Action{Actor: boss, Step: review1}, caseflow.Action{Actor: clerk, Step: caseflow.CitySubmission{}})
	case 4, 5, 6:
		return old, appealing()
	case 7, 8:
		fresh := at(2026, 11, 30, 8, 0).Add(time.Duration(i%1000) * 7 * time.Second)
		return fresh, rectifying()[:i%4]
	}
	return old, rectifying()[:3]
}

// BenchmarkAtRisk100kByWindow is the same listing for one window's worklist: a filter the
// store's index cannot answer alone, so it reads each case with a duty at risk.
func BenchmarkAtRisk100kByWindow(b *testing.B) {
	benchmarkAtRisk(b, realisticMix, caseflow.Filter{Window: "w-tax"})
}

// BenchmarkAtRisk100kAllOverdue is the worst case: 100,000 cases left untouched or stalled at
// the window for up to four weeks, so that nearly every open duty is overdue and listed.
func BenchmarkAtRisk100kAllOverdue(b *testing.B) {
	benchmarkAtRisk(b, func(i int) (time.Time, []caseflow.Action) {
		t := at(2026, 11, 2, 8, 0).Add(time.Duration(i) * (28 * 24 * time.Hour / 100_000))
		if i%3 == 0 {
			return t, rectifying()[:3]
		}
		return t, nil
	}, caseflow.Filter{Open: true})
}

// rectifying returns the steps from registration to the window's meeting, then more.
func rectifying(more ...caseflow.Action) []caseflow.Action {
	return append([]caseflow.Action{{Actor: clerk, Step: registration}, {Actor: clerk, Step: justified},
		{Actor: clerk, Step: caseflow.Transfer{}}, {Actor: staff, Step: meeting}}, more...)
}

// appealing returns the steps from registration to the appeal's submission to the city.
func appealing() []caseflow.Action {
	return []caseflow.Action{{Actor: clerk, Step: registration}, {Actor: clerk, Step: mistaken},
		{Actor: clerk, Step: caseflow.Transfer{}}, {Actor: taxLeader, Step: materials},
		{Actor: clerk, Step: caseflow.AppealConfirmation{Application: "申请撤销"}},
		{Actor: boss, Step: caseflow.ApplicationReview{Opinion: "同意"}}, {Actor: clerk, Step: caseflow.AppealSubmission{}}}
}

func benchmarkAtRisk(b *testing.B, mix func(i int) (time.Time, []caseflow.Action), filter caseflow.Filter) {
	f := newFixture(b, at(2026, 11, 2, 9, 0))
	n := 0
	f.svc.NewID = func(caseflow.Kind, time.Time) string { n++; return fmt.Sprint("c", n) }
	for i := 0; i < 100_000; i++ {
		t, steps := mix(i)
		f.clock.Set(t)
		c, _, err := f.svc.Receive(ctx, review(fmt.Sprint("r", i), t.Add(-time.Minute)))
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range steps {
			t = t.Add(10 * time.Minute)
			f.clock.Set(t)
			if _, err := f.svc.Take(ctx, c.ID, s); err != nil {
				b.Fatal(err)
			}
		}
	}
	f.clock.Set(at(2026, 11, 30, 16, 0))
	runtime.GC() // the setup's garbage is not the listing's
	var found int
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ds, err := f.svc.AtRisk(ctx, filter)
		if err != nil {
			b.Fatal(err)
		}
		found = len(ds)
	}
	b.ReportMetric(float64(found), "duties")
}

// BenchmarkVerify checks the hash chain of an archived case's trail of 11 entries.
func BenchmarkVerify(b *testing.B) {
	_, c := archivedCase(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := verify(c.Trail); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkContention64 has 64 goroutines take 10 urges each on one case at once, through the
// service and the memory store: an op is the 640 steps. conflicts/op counts the steps that
// still returned ErrConflict. The sub-benchmark immediate retakes a step at once, 8 times
// (RetryDelay < 0, the behaviour before backoff), for comparison.
func BenchmarkContention64(b *testing.B) {
	for _, bc := range []struct {
		name    string
		retries int
		delay   time.Duration
	}{{"default", 0, 0}, {"immediate", 8, -1}} {
		b.Run(bc.name, func(b *testing.B) {
			f := newFixture(b, at(2026, 11, 24, 9, 30))
			n := 0
			f.svc.NewID = func(caseflow.Kind, time.Time) string { n++; return fmt.Sprint("c", n) }
			f.svc.Retries, f.svc.RetryDelay = bc.retries, bc.delay
			var conflicts int64
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				c, _, err := f.svc.Receive(ctx, review(fmt.Sprint("r", i), at(2026, 11, 24, 9, 20)))
				if err != nil {
					b.Fatal(err)
				}
				conflicts += contend(b, f.svc, c.ID, 64, 10)
			}
			b.ReportMetric(float64(conflicts)/float64(b.N), "conflicts/op")
		})
	}
}

// BenchmarkAllowed lists the steps of a case for one person, as a portal does for every case
// page it draws.
func BenchmarkAllowed(b *testing.B) {
	f := newFixture(b, at(2026, 11, 24, 9, 30))
	c := f.receive("r1")
	c = f.step(c.ID, at(2026, 11, 24, 10, 0), clerk, registration)
	b.ReportAllocs()
	for b.Loop() {
		if steps, err := f.svc.AllowedOn(c, clerk); err != nil || len(steps) == 0 {
			b.Fatal(err, steps)
		}
	}
}

// BenchmarkDecodeStep decodes a window's report posted as JSON, as a portal does for every
// step it receives.
func BenchmarkDecodeStep(b *testing.B) {
	body := []byte(`{"investigator":"孙八","subject":"钱七","investigation":["调取评价器视频，情况属实"],` +
		`"measures":["开展服务礼仪培训","窗口负责人每日抽查"],"finding":{"causes":[{"dimension":"attitude","responsiblePerson":"钱七"}]}}`)
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := caseflow.DecodeStep(caseflow.EventReport, body); err != nil {
			b.Fatal(err)
		}
	}
}
