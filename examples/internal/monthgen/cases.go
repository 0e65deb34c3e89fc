package monthgen

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
	"github.com/haochaping/haochaping/examples/internal/journal"
	"github.com/haochaping/haochaping/scoring"
)

// scenario is how a generated case goes.
type scenario int

const (
	scRectified      scenario = iota // rectified on time, the reviewer satisfied, archived
	scReportLate                     // the window's report a working day or two after its due
	scStuck                          // the window has not reported at Now: open, urged, overdue
	scExtension                      // rectification deadline (整改期限), then done, satisfied
	scAppealUpheld                   // mistaken or untrue, the city upholds the appeal: annulled
	scAppealRejected                 // mistaken by the office's view, the city rejects: rectified
	scUnreachable                    // rectified, the reviewer unreachable: closed with approval
	scNoContact                      // no number to call: investigated, closed with approval
	scSecondRound                    // the reviewer unsatisfied once, then satisfied
	scOnSite                         // an on-site complaint (第四条)
	// The previous month's cases: closed late, or still open.
	scPrevReportLate    // the report a week late, then closed
	scPrevExtensionLate // rectification finished after its own deadline
	scPrevExtensionOpen // an extension reaching past Now: open
	scNumScenarios
)

// demoKey chains the generated trails: a demonstration key, never for real cases.
var demoKey = []byte("monthgen demonstration key: never use it for real cases")

// job is one case to open and walk.
type job struct {
	sc       scenario
	review   *haochaping.Review // nil for an on-site complaint
	complain *caseflow.Complaint
	opener   caseflow.Actor // who records a complaint
	at       time.Time      // receipt
	win      *window
}

// planned is one step of a case, when and by whom (a role preferred where the step allows
// several).
type planned struct {
	at     time.Time
	step   caseflow.Step
	prefer caseflow.Role
}

// walker opens the cases and takes their steps on a service whose clock it moves.
type walker struct {
	c       *county
	cal     *deadline.Calendar
	cfg     Config
	r       *rand.Rand
	svc     *caseflow.Service
	clock   time.Time
	winByID map[string]*window
	unitBy  map[string]*unit
	refs    map[string]int // document numbers issued, by series and year
	cases   []*caseflow.Case
}

func newWalker(c *county, cal *deadline.Calendar, cfg Config) *walker {
	w := &walker{c: c, cal: cal, cfg: cfg, r: rand.New(rand.NewPCG(cfg.Seed, 0x63617365)),
		winByID: map[string]*window{}, unitBy: map[string]*unit{}, refs: map[string]int{}}
	for _, win := range c.windows {
		w.winByID[win.w.ID] = win
	}
	for _, u := range c.units {
		w.unitBy[u.id] = u
	}
	keys, err := caseflow.NewKeyring("monthgen", map[string][]byte{"monthgen": demoKey})
	if err != nil {
		panic(err) // the key above is long enough
	}
	var seed [32]byte
	binary.LittleEndian.PutUint64(seed[:], cfg.Seed)
	svc := caseflow.NewService(caseflow.NewMemoryStoreWithKeys(keys))
	svc.Keys, svc.Calendar, svc.Rand = keys, cal, rand.NewChaCha8(seed)
	svc.Now = func() time.Time { return w.clock }
	svc.NewID = journal.NumberedIDs()
	w.svc = svc
	return w
}

// walk opens and walks the cases of the last month's bad reviews (of the last
// Config.CaseMonths months'), a few of the month before, and a few on-site complaints, in
// the order they were received.
func (w *walker) walk(ctx context.Context, ratings []haochaping.Review) error {
	last := w.cfg.Months[len(w.cfg.Months)-1]
	span := scoring.Period{From: w.cfg.Months[len(w.cfg.Months)-max(w.cfg.CaseMonths, 1)].From, To: last.To}
	prev := span.From.Add(-time.Nanosecond)
	prevMonth := scoring.MonthOf(prev)
	var jobs, prevJobs []*job
	for i := range ratings {
		rv := &ratings[i]
		if !rv.IsBad() {
			continue
		}
		switch {
		case span.Contains(rv.Time):
			jobs = append(jobs, &job{review: rv, win: w.winByID[rv.Window], at: w.receipt(rv.Time)})
		case prevMonth.Contains(rv.Time) && rv.Time.Sub(prevMonth.From) > prevMonth.To.Sub(prevMonth.From)/2:
			prevJobs = append(prevJobs, &job{review: rv, win: w.winByID[rv.Window], at: w.receipt(rv.Time)})
		}
	}
	w.assign(jobs)
	// A few of the month before: closed late, or still open.
	prevScenarios := []scenario{scPrevReportLate, scPrevExtensionLate, scStuck, scPrevExtensionOpen}
	for _, sc := range prevScenarios {
		k := slices.IndexFunc(prevJobs, func(j *job) bool { return j.review.Callable() && j.sc == 0 })
		if k < 0 {
			break
		}
		prevJobs[k].sc = sc
		jobs = append(jobs, prevJobs[k])
		prevJobs = slices.Delete(prevJobs, k, k+1)
	}
	jobs = append(jobs, w.complaints(last)...)
	slices.SortStableFunc(jobs, func(a, b *job) int { return a.at.Compare(b.at) })
	for _, j := range jobs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if j.at.After(w.cfg.Now) {
			continue
		}
		c, err := w.run(ctx, j)
		if err != nil {
			return err
		}
		w.cases = append(w.cases, c)
	}
	w.clock = w.cfg.Now
	for i, c := range w.cases { // as stored
		got, err := w.svc.Get(ctx, c.ID)
		if err != nil {
			return err
		}
		w.cases[i] = got
	}
	return nil
}

// assign gives each of the last month's bad reviews its scenario, by its unit's habits, then
// makes sure every scenario occurs once at least where a review can take it.
func (w *walker) assign(jobs []*job) {
	for _, j := range jobs {
		u := j.win.unit
		if !j.review.Callable() {
			j.sc = pick(w.r, []float64{scNoContact: 0.82, scAppealUpheld: 0.12, scStuck: u.stuck})
			continue
		}
		j.sc = pick(w.r, []float64{scRectified: 0.58, scReportLate: u.late, scStuck: u.stuck, scExtension: 0.05,
			scAppealUpheld: 0.07, scAppealRejected: 0.03, scUnreachable: 0.04, scSecondRound: 0.05})
	}
	has := func(sc scenario) bool { return slices.ContainsFunc(jobs, func(j *job) bool { return j.sc == sc }) }
	if !has(scNoContact) {
		if k := slices.IndexFunc(jobs, func(j *job) bool { return !j.review.Callable() }); k >= 0 {
			jobs[k].sc = scNoContact
		}
	}
	// The extension first, on the earliest review, so that it is done by Now; the case
	// still with the window last, on the latest.
	for _, sc := range []scenario{scExtension, scReportLate, scAppealUpheld, scAppealRejected, scUnreachable, scSecondRound} {
		if has(sc) {
			continue
		}
		if k := slices.IndexFunc(jobs, func(j *job) bool { return j.sc == scRectified }); k >= 0 {
			jobs[k].sc = sc
		}
	}
	if !has(scStuck) {
		for k := len(jobs) - 1; k >= 0; k-- {
			if jobs[k].sc == scRectified {
				jobs[k].sc = scStuck
				break
			}
		}
	}
}

// pick returns an index of weights at random, by weight.
func pick(r *rand.Rand, weights []float64) scenario {
	total := 0.0
	for _, x := range weights {
		total += x
	}
	x := r.Float64() * total
	for i, wt := range weights {
		if x < wt {
			return scenario(i)
		}
		x -= wt
	}
	return scenario(len(weights) - 1)
}

// complaints returns the on-site complaints of month p: two at the county centre, one at
// each township centre.
func (w *walker) complaints(last scoring.Period) []*job {
	_, work, err := (&ratingGen{cal: w.cal}).days(last)
	if err != nil {
		return nil
	}
	var county, townshipWins [][]*window
	var countyWins []*window
	for _, win := range w.c.windows {
		if win.w.Center == centerID {
			countyWins = append(countyWins, win)
		}
	}
	county = append(county, countyWins, countyWins)
	for _, t := range townships {
		townshipWins = append(townshipWins, w.unitBy[t.id].windows)
	}
	contents := []string{
		"投诉窗口工作人员办理时接听私人电话，让群众久等",
		"投诉窗口一次性告知不到位，补交材料跑了三趟",
		"投诉窗口工作人员说话态度生硬，不愿解释办理流程",
		"投诉窗口午休前提前停止取号",
	}
	var jobs []*job
	for i, wins := range slices.Concat(county, townshipWins) {
		if len(wins) == 0 {
			continue
		}
		win := wins[w.r.IntN(len(wins))]
		center := w.c.centers[win.w.Center]
		t := w.officeTime(work[w.r.IntN(len(work))])
		opener := w.c.clerks[i%len(w.c.clerks)]
		if center.Kind.LedByOwnLeader() {
			opener = w.unitBy[center.ID].leader
		}
		cp := &caseflow.Complaint{ID: fmt.Sprintf("TS-%s-%02d", t.Format("200601"), i+1),
			Complainant: haochaping.Reviewer{Name: reviewerName(w.r), Gender: haochaping.Female, Kind: haochaping.NaturalPerson,
				Phone: "139" + fmt.Sprintf("%08d", w.r.IntN(100_000_000))},
			Time: t, Content: contents[i%len(contents)], Center: center, Window: win.w.ID,
			ServiceItem: win.unit.items[w.r.IntN(len(win.unit.items))]}
		jobs = append(jobs, &job{sc: scOnSite, complain: cp, opener: opener, win: win,
			at: t.Add(time.Duration(5+w.r.IntN(20)) * time.Minute)})
	}
	return jobs
}

// run opens the case of j and takes its planned steps up to Now.
func (w *walker) run(ctx context.Context, j *job) (*caseflow.Case, error) {
	w.clock = j.at
	var (
		c   *caseflow.Case
		err error
	)
	if j.review != nil {
		c, _, err = w.svc.Receive(ctx, *j.review)
	} else {
		c, _, err = w.svc.Complain(ctx, j.opener, *j.complain)
	}
	if err != nil {
		return nil, fmt.Errorf("monthgen: opening the case of %s: %w", j.label(), err)
	}
	for _, s := range w.plan(j) {
		if s.at.After(w.cfg.Now) {
			break
		}
		w.clock = s.at
		a, err := w.actor(c, s.step.Event(), s.prefer)
		if err != nil {
			return nil, err
		}
		if c, err = w.svc.Take(ctx, c.ID, caseflow.Action{Actor: a, Step: s.step}); err != nil {
			return nil, fmt.Errorf("monthgen: case %s (scenario %d): step %s by %s at %s: %w",
				j.label(), j.sc, s.step.Event(), a, s.at.Format(time.DateTime), err)
		}
	}
	return c, nil
}

func (j *job) label() string {
	if j.review != nil {
		return j.review.ID
	}
	return j.complain.ID
}

// actor returns who takes event on c now: of the preferred role where the workflow allows
// it, else of the first role it allows, acting for the case's window or organisation.
func (w *walker) actor(c *caseflow.Case, ev caseflow.Event, prefer caseflow.Role) (caseflow.Actor, error) {
	def, ok := c.Workflow().Step(ev, c.State)
	if !ok {
		return caseflow.Actor{}, fmt.Errorf("monthgen: case %s: no step %s from %s (a bug in the generator's plan)", c.ID, ev, c.State)
	}
	roles := def.Roles
	if def.OwnLeaderRoles != nil && c.Complaint != nil && c.Complaint.Center.Kind.LedByOwnLeader() {
		roles = def.OwnLeaderRoles
	}
	role := roles[0]
	if slices.Contains(roles, prefer) {
		role = prefer
	}
	var win *window
	if c.ResponsibleWindow != nil {
		win = w.winByID[c.ResponsibleWindow.ID]
	}
	switch role {
	case caseflow.RoleOffice:
		return w.c.clerks[len(c.ID)%len(w.c.clerks)], nil
	case caseflow.RoleLeader:
		return w.c.leader, nil
	case caseflow.RoleCityInspection:
		return w.c.city, nil
	case caseflow.RoleWindowStaff:
		if win != nil {
			return win.staff[0], nil
		}
	case caseflow.RoleWindowHead:
		if win != nil {
			return win.head, nil
		}
	case caseflow.RoleOrgLeader:
		org := ""
		switch {
		case c.Complaint != nil:
			org = c.Complaint.Center.ID
		case win != nil && win.w.Department != "":
			org = win.w.Department
		case win != nil:
			org = win.w.Center
		}
		if u := w.unitBy[org]; u != nil {
			return u.leader, nil
		}
	}
	return caseflow.Actor{}, fmt.Errorf("monthgen: case %s: no %s for step %s (a bug in the generator's chart)", c.ID, role, ev)
}

// Times. The office receives a push in office hours, a few minutes after it arrives; one that
// arrives after hours is received when the office opens.

// inOffice reports whether t falls in office hours of a working day.
func (w *walker) inOffice(t time.Time) bool {
	if ok, err := w.cal.IsWorkday(t); !ok || (err != nil && !errors.Is(err, deadline.ErrProvisional)) {
		return false
	}
	off := t.Sub(midnight(t))
	for _, s := range w.cal.OfficeHours().Sessions {
		if off >= s.Start && off < s.End {
			return true
		}
	}
	return false
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// receipt returns when the office receives a push of a rating made at t.
func (w *walker) receipt(t time.Time) time.Time {
	at := t.Add(time.Duration(2+w.r.IntN(20)) * time.Minute)
	if w.inOffice(at) {
		return at
	}
	day := midnight(at)
	for _, s := range w.cal.OfficeHours().Sessions {
		if open := day.Add(s.Start); open.After(at) && w.inOffice(open) {
			return open.Add(time.Duration(5+w.r.IntN(25)) * time.Minute)
		}
	}
	next, _ := w.cal.AddWorkdays(at, 1)
	return next.Add(w.cal.OfficeHours().Sessions[0].Start + time.Duration(5+w.r.IntN(25))*time.Minute)
}

// officeTime returns a time in office hours of the day at midnight d.
func (w *walker) officeTime(d time.Time) time.Time {
	ss := w.cal.OfficeHours().Sessions
	s := ss[w.r.IntN(len(ss))]
	span := s.End - s.Start - 20*time.Minute
	return d.Add(s.Start + 10*time.Minute + time.Duration(w.r.Int64N(int64(span/time.Minute)))*time.Minute)
}

// ref returns the next document number of a series, e.g. 融政监管报〔2026〕3号.
func (w *walker) ref(series string, t time.Time) string {
	key := fmt.Sprintf("%s%d", series, t.Year())
	w.refs[key]++
	return fmt.Sprintf("%s〔%d〕%d号", series, t.Year(), w.refs[key])
}
