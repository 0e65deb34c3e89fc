package monthgen

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/scoring"
)

// months are the six months of the tests, November 2026 the last.
func months() []scoring.Period { return scoring.Months(scoring.Month(2026, time.November), 6) }

// defaultData is the default config's data, generated once for the tests that read it.
var defaultData = sync.OnceValues(func() (*Data, error) {
	return Generate(context.Background(), Config{Seed: 1, Months: months(), Cases: true})
})

func data(t *testing.T) *Data {
	t.Helper()
	d, err := defaultData()
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return d
}

func TestSameSeedSameData(t *testing.T) {
	gen := func(seed uint64) *Data {
		d, err := Generate(t.Context(), Config{Seed: seed, Months: months()[4:], RatingsPerMonth: 5000, BadShare: 0.01, Cases: true})
		if err != nil {
			t.Fatalf("Generate: %v", err)
		}
		return d
	}
	a, b := gen(42), gen(42)
	stored := func(d *Data) []byte {
		rs := make([]haochaping.StoredReview, len(d.Ratings))
		for i, r := range d.Ratings {
			rs[i] = haochaping.StoredReview(r)
		}
		out, err := json.Marshal(struct {
			Orgs    []haochaping.Org
			Names   map[string]string
			Ratings []haochaping.StoredReview
		}{d.Orgs, d.Names, rs})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if !slices.Equal(stored(a), stored(b)) {
		t.Error("the same seed gave different orgs or ratings")
	}
	type sum struct {
		ID    string
		State caseflow.State
		Hash  caseflow.Digest
	}
	cases := func(d *Data) []sum {
		var out []sum
		for _, c := range d.Cases {
			out = append(out, sum{c.ID, c.State, c.Trail[len(c.Trail)-1].Hash})
		}
		return out
	}
	if !reflect.DeepEqual(cases(a), cases(b)) {
		t.Errorf("the same seed gave different cases:\n%v\n%v", cases(a), cases(b))
	}
	if len(a.Cases) == 0 {
		t.Fatal("no cases")
	}
	if c := gen(43); slices.Equal(stored(a), stored(c)) {
		t.Error("another seed gave the same ratings")
	}
}

func TestRatingsValid(t *testing.T) {
	d := data(t)
	if err := haochaping.ValidateRatings(d.Ratings); err != nil {
		t.Fatalf("ValidateRatings: %v", err)
	}
	if _, err := haochaping.NewOrgChart(d.Orgs...); err != nil {
		t.Fatalf("NewOrgChart: %v", err)
	}
	if got, want := len(d.Ratings), 6*20000; got != want {
		t.Errorf("%d ratings, want %d", got, want)
	}
	var bad, dflt, anon int
	channels := map[haochaping.Channel]int{}
	for i, r := range d.Ratings {
		if i > 0 && r.Time.Before(d.Ratings[i-1].Time) {
			t.Fatalf("ratings[%d] at %v before the one before", i, r.Time)
		}
		if _, ok := d.Names[r.Window]; !ok {
			t.Fatalf("ratings[%d]: window %q not in the chart", i, r.Window)
		}
		if d.Names[r.DepartmentCode] != r.Department {
			t.Fatalf("ratings[%d]: department %q is not unit %q", i, r.Department, r.DepartmentCode)
		}
		channels[r.Channel]++
		switch {
		case r.IsBad():
			bad++
			if err := r.Validate(); err != nil && !errors.Is(err, haochaping.ErrFuture) {
				t.Fatalf("bad review %s: %v", r.ID, err)
			}
		case r.Default:
			dflt++
		}
		if r.Anonymous {
			anon++
		}
	}
	n := float64(len(d.Ratings))
	t.Logf("bad %.2f%%, default %.1f%%, anonymous %.1f%%, channels %v", 100*float64(bad)/n, 100*float64(dflt)/n, 100*float64(anon)/n, channels)
	if s := float64(bad) / n; s < 0.004 || s > 0.01 {
		t.Errorf("bad share %.4f, want about 0.006", s)
	}
	if s := float64(dflt) / n; s < 0.10 || s > 0.20 {
		t.Errorf("default share %.3f, want 10-20%%", s)
	}
	if channels[haochaping.ChannelDevice] < channels[haochaping.ChannelGuangxiApp] {
		t.Errorf("more ratings by app than by device: %v", channels)
	}
}

// TestUnitsDiffer checks that one unit at least is notably worse than the median, so that
// rankings are worth reading.
func TestUnitsDiffer(t *testing.T) {
	d := data(t)
	all, bad := map[string]float64{}, map[string]float64{}
	for _, r := range d.Ratings {
		all[r.DepartmentCode]++
		if r.IsBad() {
			bad[r.DepartmentCode]++
		}
	}
	var shares []float64
	for u, n := range all {
		shares = append(shares, bad[u]/n)
	}
	sort.Float64s(shares)
	if worst, median := shares[len(shares)-1], shares[len(shares)/2]; worst < 2*median {
		t.Errorf("worst unit's bad share %.4f, median %.4f: want one notably worse", worst, median)
	}
}

// TestCaseMix checks that the default config's cases contain each kind of case the
// measures and the library's modelling know.
func TestCaseMix(t *testing.T) {
	d := data(t)
	now := d.Service.Now()
	last := months()[5]
	kinds := []struct {
		name string
		is   func(c *caseflow.Case) bool
	}{
		{"第八条 rectified, reviewer satisfied, archived", func(c *caseflow.Case) bool {
			return c.State == caseflow.StateArchived && c.ResultFollowUp != nil && c.ResultFollowUp.Satisfied && c.Rounds() == 0 &&
				c.Closure == nil && c.Appeal == nil
		}},
		{"第五条 report late", func(c *caseflow.Case) bool {
			d := c.Duty(caseflow.DutyReport)
			return d != nil && scoring.Late(d)
		}},
		{"第五条 still rectifying at now, overdue", func(c *caseflow.Case) bool {
			d := c.Duty(caseflow.DutyReport)
			return c.State == caseflow.StateRectifying && d != nil && d.Open() && d.Deadline.Due.Before(now)
		}},
		{"第五条 extension, then rectified", func(c *caseflow.Case) bool {
			return c.Report != nil && c.Report.Extension != nil && c.Rectification != nil
		}},
		{"第九条 appeal upheld, annulled, archived", func(c *caseflow.Case) bool {
			return c.Appeal != nil && c.Appeal.Decision != nil && c.Appeal.Decision.Upheld &&
				c.State == caseflow.StateArchived && c.Finding.Verdict != caseflow.VerdictJustified
		}},
		{"第九条 appeal rejected, then rectified", func(c *caseflow.Case) bool {
			return c.Appeal != nil && c.Appeal.Decision != nil && !c.Appeal.Decision.Upheld && c.Report != nil
		}},
		{"第八条 closed unreachable", func(c *caseflow.Case) bool {
			return c.ClosedUnsatisfied() && c.Closure.Reason == caseflow.ClosureUnreachable
		}},
		{"第六条 no number: investigated, closed", func(c *caseflow.Case) bool {
			return c.ClosedUnsatisfied() && c.Closure.Reason == caseflow.ClosureNoContact &&
				c.FollowUp.Contact == caseflow.ContactNoNumber
		}},
		{"第八条 second round, then satisfied", func(c *caseflow.Case) bool {
			return c.Rounds() == 1 && c.ResultFollowUp != nil && c.ResultFollowUp.Satisfied
		}},
		{"第四条（一） on-site complaint at the county centre", func(c *caseflow.Case) bool {
			return c.Kind == caseflow.KindOnSiteComplaint && c.Complaint.Center.Kind == haochaping.OrgCountyCenter
		}},
		{"第四条（二） on-site complaint at a township centre", func(c *caseflow.Case) bool {
			return c.Kind == caseflow.KindOnSiteComplaint && c.Complaint.Center.Kind == haochaping.OrgTownshipCenter
		}},
		{"the month before: still open", func(c *caseflow.Case) bool {
			return !last.Contains(c.ReceivedAt) && !c.Closed()
		}},
		{"the month before: closed late", func(c *caseflow.Case) bool {
			return !last.Contains(c.ReceivedAt) && c.Closed() && slices.ContainsFunc(c.Duties, scoring.Late)
		}},
	}
	for _, k := range kinds {
		n := 0
		for _, c := range d.Cases {
			if k.is(c) {
				n++
			}
		}
		t.Logf("%-48s %d", k.name, n)
		if n == 0 {
			t.Errorf("no case: %s", k.name)
		}
	}
	states := map[caseflow.State]int{}
	for _, c := range d.Cases {
		states[c.State]++
	}
	t.Logf("%d cases: %v", len(d.Cases), states)
}

// TestEveryBadReviewOfTheLastMonthIsACase checks that the last month's bad reviews are all
// received as cases, and that the cases' findings name the responsible person as 第十条
// wants.
func TestEveryBadReviewOfTheLastMonthIsACase(t *testing.T) {
	d := data(t)
	last := months()[5]
	opened := map[string]bool{}
	for _, c := range d.Cases {
		if c.Review != nil {
			opened[c.Review.ID] = true
		}
		for _, cause := range c.Finding.Causes {
			person := cause.ResponsiblePerson != ""
			if env := cause.Dimension == haochaping.DimensionEnvironment; env == person {
				t.Errorf("case %s: cause %s", c.ID, cause.Label())
			}
		}
	}
	for _, r := range d.Ratings {
		if r.IsBad() && last.Contains(r.Time) && !opened[r.ID] {
			t.Errorf("bad review %s of the last month has no case", r.ID)
		}
	}
}

// TestScoring feeds the data to package scoring, as examples/report does.
func TestScoring(t *testing.T) {
	d := data(t)
	rep, err := scoring.NewReport(scoring.Definition{Names: d.Names}, d.Service.Now(), months()...)
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.AddRatings(scoring.All(d.Ratings)); err != nil {
		t.Fatal(err)
	}
	if err := rep.AddCases(scoring.All(d.Cases)); err != nil {
		t.Fatal(err)
	}
}

func TestConfigErrors(t *testing.T) {
	for name, cfg := range map[string]Config{
		"no months":         {},
		"too many units":    {Months: months(), Units: 201},
		"case months":       {Months: months(), CaseMonths: 7},
		"now inside month":  {Months: months(), Now: months()[5].From.Add(time.Hour)},
		"bad share too big": {Months: months(), BadShare: 0.5},
	} {
		if _, err := Generate(t.Context(), cfg); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: got %v, want ErrConfig", name, err)
		}
	}
}

// TestMillionRatingsFast: a million ratings of one month, without cases, in under 5 s.
func TestMillionRatingsFast(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing test: not in -short or under the race detector")
	}
	start := time.Now()
	d, err := Generate(t.Context(), Config{Seed: 1, Months: months()[5:], RatingsPerMonth: 1_000_000})
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d ratings in %v", len(d.Ratings), took)
	if took > 5*time.Second {
		t.Errorf("took %v, want under 5s", took)
	}
}

func BenchmarkGenerateRatings(b *testing.B) {
	for b.Loop() {
		if _, err := Generate(b.Context(), Config{Seed: 1, Months: months()[5:]}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGenerateDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Generate(b.Context(), Config{Seed: 1, Months: months(), Cases: true}); err != nil {
			b.Fatal(err)
		}
	}
}
