package monthgen

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
	"github.com/haochaping/haochaping/scoring"
)

// maxUnits bounds Config.Units.
const maxUnits = 200

// Config says what to generate. Its zero value but for Months is the default county: 12
// stationed departments, 20000 ratings a month, about 0.6% of them bad, cases walked.
type Config struct {
	// Seed chooses the data: the same seed and config give the same data, byte for byte.
	Seed uint64
	// Units is how many stationed departments (进驻部门) the county centre has, each with 1
	// to 4 windows (0 means 12, at most 200: past the 16 departments the generator knows,
	// their branches, 分局); two township centres (乡（镇）政务服务中心), with one or two
	// business windows each, are rated as units of their own besides.
	Units int
	// Months are the periods to generate ratings for, oldest first, each a calendar month
	// (scoring.Months(scoring.Month(2026, time.November), 6)); required.
	Months []scoring.Period
	// RatingsPerMonth is the number of ratings (评价数) a month across the county; 0 means
	// 20000.
	RatingsPerMonth int
	// BadShare is the county's share of bad ratings (差评: 不满意 and 非常不满意) among all;
	// 0 means 0.006. Each unit's share varies around it, one or two units' notably above.
	BadShare float64
	// Cases walks every bad review of the last month, and a few of the month before, through
	// a caseflow.Service as real cases; false generates the ratings only (for benchmarks).
	Cases bool
	// CaseMonths is how many of the last months' bad reviews are walked as cases: 0 means 1,
	// the last month's (with a few of the month before); a benchmark asks for more.
	CaseMonths int
	// Now is the time the data is as of: no step is taken after it. The zero time means
	// 09:00 of the fifth working day after the last month ends (the day the bulletin is
	// drafted). It must not fall before the last month's end.
	Now time.Time
}

// Data is a generated county's month(s): its organisations, its ratings and its cases.
type Data struct {
	// Orgs is the org chart: the county centre "center", the real-estate sub-centre
	// "sub-realestate", the township centres "t-…", the departments "d-01"… and the windows
	// "w-01-1"…, in an order haochaping.NewOrgChart accepts.
	Orgs []haochaping.Org
	// Names gives the Chinese name of every organisation by ID, for scoring.Definition.Names.
	Names map[string]string
	// Ratings are all the ratings of the months, good and bad, in time order; each passes
	// haochaping.ValidateRatings, and its DepartmentCode is its unit's ID.
	Ratings []haochaping.Review
	// Cases are the cases as stored after their last step before Now, in the order they
	// were received; nil without Config.Cases.
	Cases []*caseflow.Case
	// Service is the service the cases live in (a memory store); its clock reads Now. Nil
	// without Config.Cases.
	Service *caseflow.Service
}

// Errors of Generate.
var (
	// ErrConfig is wrapped by the errors of a config Generate cannot use.
	ErrConfig = errors.New("monthgen: invalid config")
)

// withDefaults returns cfg with every zero field set to its default, or an error wrapping
// ErrConfig.
func (cfg Config) withDefaults(cal *deadline.Calendar) (Config, error) {
	if cfg.Units == 0 {
		cfg.Units = 12
	}
	if cfg.RatingsPerMonth == 0 {
		cfg.RatingsPerMonth = 20000
	}
	if cfg.BadShare == 0 {
		cfg.BadShare = 0.006
	}
	var errs []error
	if len(cfg.Months) == 0 {
		errs = append(errs, errors.New("no months: give Months, e.g. scoring.Months(scoring.Month(2026, time.November), 6)"))
	}
	for i, p := range cfg.Months {
		if !p.IsMonth() {
			errs = append(errs, fmt.Errorf("months[%d] %v is not a calendar month: use scoring.Month", i, p))
		} else if i > 0 && p.From.Before(cfg.Months[i-1].To) {
			errs = append(errs, fmt.Errorf("months[%d] %v: give the months oldest first, without overlap", i, p))
		}
	}
	if cfg.Units < 1 || cfg.Units > maxUnits {
		errs = append(errs, fmt.Errorf("units %d: want 1 to %d", cfg.Units, maxUnits))
	}
	if cfg.RatingsPerMonth < 0 {
		errs = append(errs, fmt.Errorf("ratingsPerMonth %d: want 1 or more", cfg.RatingsPerMonth))
	}
	if !(cfg.BadShare > 0 && cfg.BadShare < 0.2) {
		errs = append(errs, fmt.Errorf("badShare %v: want a share above 0 and below 0.2", cfg.BadShare))
	}
	if cfg.CaseMonths < 0 || cfg.CaseMonths > len(cfg.Months) {
		errs = append(errs, fmt.Errorf("caseMonths %d: want 0 (meaning 1) to the %d months", cfg.CaseMonths, len(cfg.Months)))
	}
	if len(errs) > 0 {
		return cfg, fmt.Errorf("%w: %w", ErrConfig, errors.Join(errs...))
	}
	last := cfg.Months[len(cfg.Months)-1]
	if cfg.Now.IsZero() {
		day, err := cal.AddWorkdays(last.To.Add(-time.Nanosecond), 5)
		if err != nil && !errors.Is(err, deadline.ErrProvisional) {
			return cfg, fmt.Errorf("%w: now: %w", ErrConfig, err)
		}
		cfg.Now = day.Add(9 * time.Hour)
	}
	if cfg.Now.Before(last.To) {
		return cfg, fmt.Errorf("%w: now %s falls before the end of the last month %v", ErrConfig,
			cfg.Now.Format(time.RFC3339), last)
	}
	return cfg, nil
}

// Generate generates the data cfg asks for: the org chart, the ratings of every month and,
// with cfg.Cases, the cases of the last month's bad reviews as a service holds them at
// cfg.Now. It returns an error wrapping ErrConfig for a config it cannot use, the refusal
// of a step should the generator's plan of a case break a rule (a bug: report it), or
// ctx's error when ctx is done.
func Generate(ctx context.Context, cfg Config) (*Data, error) {
	cal := caseflow.DefaultCalendar()
	cfg, err := cfg.withDefaults(cal)
	if err != nil {
		return nil, err
	}
	// One stream for the chart and profiles, another for the ratings, another for the cases,
	// so that changing one part's draws leaves the others' data as it was.
	r := rand.New(rand.NewPCG(cfg.Seed, 0x6d6f6e746867656e)) // "monthgen"
	c, err := newCounty(r, cfg)
	if err != nil {
		return nil, err
	}
	c.profile(r, cfg.BadShare)
	d := &Data{Orgs: c.orgs, Names: c.names, Ratings: make([]haochaping.Review, 0, len(cfg.Months)*cfg.RatingsPerMonth)}
	g := newRatingGen(c, cal, cfg.Seed)
	for _, p := range cfg.Months {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d.Ratings, err = g.month(d.Ratings, p, cfg.RatingsPerMonth)
		if err != nil {
			return nil, err
		}
	}
	if !cfg.Cases {
		return d, nil
	}
	w := newWalker(c, cal, cfg)
	if err := w.walk(ctx, d.Ratings); err != nil {
		return nil, err
	}
	d.Cases, d.Service = w.cases, w.svc
	return d, nil
}
