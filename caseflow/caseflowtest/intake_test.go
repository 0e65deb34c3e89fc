package caseflowtest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
)

func TestReviewIsAValidBadReview(t *testing.T) {
	v := haochaping.Validator{Now: caseflowtest.Start}
	for name, r := range map[string]haochaping.Review{"real name": caseflowtest.Review(), "anonymous": caseflowtest.AnonymousReview()} {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, v.Validate(r))
			assert.True(t, r.IsBad())
			assert.Equal(t, caseflowtest.Window().ID, r.Window)
			assert.True(t, r.Time.Before(caseflowtest.Start()))
		})
	}
	r := caseflowtest.Review()
	require.NoError(t, haochaping.CheckPhone(r.Reviewer.Phone))
	assert.NotEqual(t, r.ID, caseflowtest.Review().ID, "an ID per call")
	r.Level = haochaping.VeryDissatisfied
	assert.NoError(t, v.Validate(r), "a test changes what it needs")
	assert.Equal(t, haochaping.Dissatisfied, caseflowtest.Review().Level, "and no other test's review")
}

// 第六条: the office calls a reviewer who gave a number, and investigates instead for one who
// did not.
func TestReviewsOpenCallableOrNot(t *testing.T) {
	svc := caseflowtest.NewService()
	noPhone := caseflowtest.Review()
	noPhone.Reviewer.Phone = ""
	for _, tc := range []struct {
		name     string
		r        haochaping.Review
		callable bool
	}{
		{"with a phone", caseflowtest.Review(), true},
		{"anonymous", caseflowtest.AnonymousReview(), false},
		{"without a phone", noPhone, false},
	} {
		c, created, err := svc.Receive(t.Context(), tc.r)
		require.NoError(t, err, tc.name)
		assert.True(t, created, tc.name)
		assert.Equal(t, tc.callable, c.Callable(), tc.name)
	}
}

// 第四条: the office opens a complaint at the county centre; at a township centre its own
// leader in charge does.
func TestComplaintsOpen(t *testing.T) {
	svc := caseflowtest.NewService()
	c, _, err := svc.Complain(t.Context(), caseflowtest.Clerk(), caseflowtest.Complaint())
	require.NoError(t, err)
	assert.Equal(t, caseflowtest.County().ID, c.Center())
	assert.True(t, c.Callable())

	_, _, err = svc.Complain(t.Context(), caseflowtest.Clerk(), caseflowtest.TownshipComplaint())
	require.ErrorIs(t, err, caseflow.ErrWrongRole)
	c, _, err = svc.Complain(t.Context(), caseflowtest.TownshipLeader(), caseflowtest.TownshipComplaint())
	require.NoError(t, err)
	assert.Equal(t, caseflowtest.Township().ID, c.Center())
	assert.NotEqual(t, caseflowtest.Complaint().ID, caseflowtest.Complaint().ID, "an ID per call")
}

func TestActorsAreValidAndNamed(t *testing.T) {
	roles := map[caseflow.Role]int{}
	for _, a := range []caseflow.Actor{caseflowtest.Clerk(), caseflowtest.Leader(), caseflowtest.WindowStaff(),
		caseflowtest.WindowHead(), caseflowtest.DepartmentLeader(), caseflowtest.TownshipLeader(), caseflowtest.CityInspector()} {
		require.NoError(t, a.Validate(), "%s", a)
		assert.NotEmpty(t, a.Name)
		roles[a.Role]++
	}
	for _, r := range []caseflow.Role{caseflow.RoleOffice, caseflow.RoleLeader, caseflow.RoleWindowStaff,
		caseflow.RoleWindowHead, caseflow.RoleOrgLeader, caseflow.RoleCityInspection} {
		assert.NotZero(t, roles[r], "no actor of role %s", r)
	}
	w := caseflowtest.Window()
	assert.Equal(t, w.ID, caseflowtest.WindowHead().Org)
	assert.Equal(t, w.Department, caseflowtest.DepartmentLeader().Org, "第九条: the leader of the window's department")
	assert.Equal(t, caseflowtest.County().ID, w.Center)
	assert.Equal(t, caseflowtest.Township().ID, caseflowtest.TownshipWindow().Center)
	assert.True(t, caseflowtest.Township().Kind.LedByOwnLeader())
}

func TestNewService(t *testing.T) {
	svc := caseflowtest.NewService()
	clk := caseflowtest.ClockOf(svc)
	require.NotNil(t, clk)
	assert.Nil(t, caseflowtest.ClockOf(caseflow.NewService(caseflow.NewMemoryStore())))
	assert.NotSame(t, clk, caseflowtest.ClockOf(caseflowtest.NewService()), "a clock per service")

	clk.Advance(time.Hour)
	c, _, err := svc.Receive(t.Context(), caseflowtest.Review())
	require.NoError(t, err)
	assert.Equal(t, "SP-20261116-0001", c.ID)
	assert.Equal(t, caseflowtest.Start().Add(time.Hour), c.ReceivedAt.In(haochaping.Location()), "the service reads the kit's clock")
	c, _, err = svc.Complain(t.Context(), caseflowtest.Clerk(), caseflowtest.Complaint())
	require.NoError(t, err)
	assert.Equal(t, "OS-20261116-0002", c.ID)
}

// The fixed Rand salts every case alike: the same review walked on two services leaves the
// same trail, hash for hash.
func TestNewServiceIsReproducible(t *testing.T) {
	r := caseflowtest.Review()
	var trails [2][]*caseflow.Entry
	for i := range trails {
		svc := caseflowtest.NewService()
		c, _, err := svc.Receive(t.Context(), r)
		require.NoError(t, err)
		c, err = caseflowtest.Walk(t.Context(), svc, c.ID, caseflow.StateArchived)
		require.NoError(t, err)
		trails[i] = c.Trail
	}
	require.Len(t, trails[1], len(trails[0]))
	for i, e := range trails[0] {
		assert.Equal(t, e.Hash, trails[1][i].Hash, "entry %d", e.Seq)
	}
}
