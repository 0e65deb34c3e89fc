package caseflow_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/deadline"
)

var ctx = context.Background()

// at returns a time in Beijing time.
func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, haochaping.Location())
}

// Actors of the fixtures.
var (
	clerk     = caseflow.Actor{ID: "u-office-1", Name: "王五", Role: caseflow.RoleOffice}
	boss      = caseflow.Actor{ID: "u-leader-1", Name: "赵六", Role: caseflow.RoleLeader}
	staff     = caseflow.Actor{ID: "u-tax-1", Name: "钱七", Role: caseflow.RoleWindowStaff, Org: "w-tax"}
	head      = caseflow.Actor{ID: "u-tax-head", Name: "孙八", Role: caseflow.RoleWindowHead, Org: "w-tax"}
	otherHead = caseflow.Actor{ID: "u-ss-head", Name: "周九", Role: caseflow.RoleWindowHead, Org: "w-social"}
	taxLeader = caseflow.Actor{ID: "u-tax-leader", Name: "吴十", Role: caseflow.RoleOrgLeader, Org: "tax-bureau"}
	cityClerk = caseflow.Actor{ID: "u-city-1", Name: "郑一", Role: caseflow.RoleCityInspection}

	taxWindow = &haochaping.Window{ID: "w-tax", Name: "税务窗口", Kind: haochaping.DepartmentWindow,
		Center: "center", Department: "tax-bureau"}
	center   = haochaping.Org{ID: "center", Name: "融安县政务服务中心", Kind: haochaping.OrgCountyCenter}
	township = haochaping.Org{ID: "dajiang", Name: "大将镇政务服务中心", Kind: haochaping.OrgTownshipCenter}
)

// fixture is a service on a memory store with a settable clock and sequential case IDs.
type fixture struct {
	t     testing.TB
	svc   *caseflow.Service
	clock *caseflowtest.Clock
	n     int
}

func newFixture(t testing.TB, now time.Time) *fixture {
	f := &fixture{t: t, clock: new(caseflowtest.Clock)}
	f.clock.Set(now)
	f.svc = caseflow.NewService(caseflow.NewMemoryStore())
	f.svc.Now = f.clock.Now
	f.svc.Calendar = deadline.China()
	var mu sync.Mutex
	f.svc.NewID = func(k caseflow.Kind, _ time.Time) string {
		mu.Lock()
		defer mu.Unlock()
		f.n++
		return string(k)[:2] + "-" + string(rune('0'+f.n))
	}
	return f
}

// reach takes a new case of kind to state with the test kit, and returns a fixture on the
// kit's service and clock, and the case's ID.
func reach(t testing.TB, kind caseflow.Kind, state caseflow.State) (*fixture, string) {
	t.Helper()
	svc := caseflowtest.NewService()
	c := caseflowtest.To(t, svc, kind, state)
	return &fixture{t: t, svc: svc, clock: caseflowtest.ClockOf(svc)}, c.ID
}

// review returns a bad review rated shortly before now.
func review(id string, rated time.Time) haochaping.Review {
	opt, err := haochaping.LookupOption("1.3")
	if err != nil {
		panic(err)
	}
	return haochaping.Review{
		ID: id, MatterNumber: "450224-2026-000123", ServiceItem: "个人所得税申报",
		Level: haochaping.Dissatisfied, Options: []haochaping.Option{opt}, Channel: haochaping.ChannelDevice,
		Time: rated, Window: "w-tax", Department: "融安县税务局", Staff: "李四", AreaCode: "450224",
		Reviewer: haochaping.Reviewer{Name: "张三丰", Gender: haochaping.Male, Phone: "13812345678", Kind: haochaping.NaturalPerson},
	}
}

// receive opens a pushed case at the fixture's time.
func (f *fixture) receive(id string) *caseflow.Case {
	f.t.Helper()
	c, created, err := f.svc.Receive(ctx, review(id, f.clock.Now().Add(-10*time.Minute)))
	require.NoError(f.t, err)
	require.True(f.t, created)
	return c
}

// step takes a step at time t and requires it to succeed.
func (f *fixture) step(id string, t time.Time, actor caseflow.Actor, s caseflow.Step) *caseflow.Case {
	f.t.Helper()
	f.clock.Set(t)
	c, err := f.svc.Take(ctx, id, caseflow.Action{Actor: actor, Step: s})
	require.NoError(f.t, err, "step %s", s.Event())
	return c
}

// refused takes a step that must be refused with want, and checks the case is unchanged
// and the refusal's message is one for a clerk.
func (f *fixture) refused(id string, actor caseflow.Actor, s caseflow.Step, want error) *caseflow.RefusalError {
	f.t.Helper()
	before, err := f.svc.Get(ctx, id)
	require.NoError(f.t, err)
	_, err = f.svc.Take(ctx, id, caseflow.Action{Actor: actor, Step: s})
	require.ErrorIs(f.t, err, want)
	var r *caseflow.RefusalError
	require.ErrorAs(f.t, err, &r)
	after, err := f.svc.Get(ctx, id)
	require.NoError(f.t, err)
	require.Equal(f.t, before, after, "a refused step changed the case")
	assertClerkMessage(f.t, r)
	return r
}

// Step contents of the fixtures.
var (
	registration = caseflow.Registration{ResponsibleWindow: taxWindow, ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}
	justified    = caseflow.FollowUp{Outcome: "评价人反映窗口人员态度生硬", Materials: []string{"评价器视频", "通话录音"}, Reason: "态度生硬", Verdict: caseflow.VerdictJustified}
	mistaken     = caseflow.FollowUp{Outcome: "评价人表示误按了不满意", Reason: "误按", Materials: []string{"评价器视频", "通话录音"}, Verdict: caseflow.VerdictMistaken}
	meeting      = caseflow.Meeting{ResponsiblePerson: "李四", Measures: []string{"开展服务礼仪培训"}}
	report       = caseflow.Report{
		Investigator: "孙八", Subject: "李四", Investigation: []string{"调取监控，属实"},
		Measures: []string{"开展服务礼仪培训", "窗口负责人每日抽查"},
		Finding:  caseflow.Finding{Causes: []caseflow.Cause{{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: "李四"}}},
	}
	verification = caseflow.OfficeVerification{Result: "整改已落实"}
	review1      = caseflow.LeaderReview{Opinion: "同意，报市督查科"}
	satisfied    = caseflow.ResultFollowUp{Outcome: "评价人对整改结果满意", Satisfied: true}
	materials    = caseflow.AppealMaterials{Verdict: caseflow.VerdictMistaken, Reasons: "评价人误按"}
)

// date is the test shorthand for a calendar date.
func date(y int, m time.Month, day int) deadline.Date {
	return deadline.Date{Year: y, Month: m, Day: day}
}

// verify checks a trail chained without a key.
func verify(trail []*caseflow.Entry) error {
	_, err := caseflow.Verify(trail, nil)
	return err
}

// zeros reads as an endless run of zero bytes: a fixed salt for reproducible trails.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
