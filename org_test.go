package haochaping_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

// 第四条（一）: the centre and the real-estate sub-centre are coordinated by the office;
// 第四条（二）: other sub-centres and township centres by their own leader in charge.
func TestOrgKindLedByOwnLeader_第四条(t *testing.T) {
	assert.False(t, hcp.OrgCountyCenter.LedByOwnLeader())
	assert.False(t, hcp.OrgRealEstateSubCenter.LedByOwnLeader())
	assert.True(t, hcp.OrgSubCenter.LedByOwnLeader())
	assert.True(t, hcp.OrgTownshipCenter.LedByOwnLeader())
}

func TestOrganisationJSON(t *testing.T) {
	w := hcp.Window{ID: "w1", Name: "不动产登记窗口", Kind: hcp.DepartmentWindow, Center: "bdc", Department: "县自然资源局"}
	u := hcp.Org{ID: "bdc", Name: "融安县不动产登记分中心", Kind: hcp.OrgRealEstateSubCenter}
	b, err := json.Marshal(struct {
		U hcp.Org
		W hcp.Window
	}{u, w})
	require.NoError(t, err)
	assert.JSONEq(t, `{"U":{"id":"bdc","name":"融安县不动产登记分中心","kind":"real_estate_sub_center"},
		"W":{"id":"w1","name":"不动产登记窗口","kind":"department","center":"bdc","department":"县自然资源局"}}`, string(b))
	var back struct {
		U hcp.Org
		W hcp.Window
	}
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, u, back.U)
	assert.Equal(t, w, back.W)

	assertJSONRoundTrip(t, hcp.OrgCountyCenter, hcp.OrgRealEstateSubCenter, hcp.OrgSubCenter, hcp.OrgTownshipCenter,
		hcp.OrgDepartment, hcp.OrgWindow)
	assertJSONRoundTrip(t, hcp.BusinessWindow, hcp.DepartmentWindow, hcp.SubCenterWindow)
	assert.Equal(t, "不动产分中心", hcp.OrgRealEstateSubCenter.Label())
	assert.Equal(t, "进驻部门窗口", hcp.DepartmentWindow.Label())
	assert.Equal(t, "分中心窗口", hcp.SubCenterWindow.Label())
	assert.True(t, hcp.BusinessWindow.Valid())
	assert.False(t, hcp.OrgKind(9).Valid())
	var k hcp.WindowKind
	assert.ErrorIs(t, k.UnmarshalText([]byte("kiosk")), hcp.ErrUnknownCode)
	var uk hcp.OrgKind
	assert.ErrorIs(t, uk.UnmarshalText([]byte("x")), hcp.ErrUnknownCode)
}

// rongan is a small chart: the county centre with a business window and a stationed tax
// bureau with its window, the real-estate sub-centre with its own window and a stationed
// natural-resources bureau, and a township centre.
func rongan(t *testing.T) *hcp.OrgChart {
	t.Helper()
	oc, err := hcp.NewOrgChart(
		hcp.Org{ID: "center", Name: "融安县政务服务中心", Kind: hcp.OrgCountyCenter},
		hcp.Org{ID: "w-social", Name: "社保窗口", Kind: hcp.OrgWindow, Parent: "center"},
		hcp.Org{ID: "tax", Name: "县税务局", Kind: hcp.OrgDepartment, Parent: "center"},
		hcp.Org{ID: "w-tax", Name: "税务窗口", Kind: hcp.OrgWindow, Parent: "tax"},
		hcp.Org{ID: "bdc", Name: "不动产登记分中心", Kind: hcp.OrgRealEstateSubCenter, Parent: "center"},
		hcp.Org{ID: "w-bdc", Name: "不动产综合窗口", Kind: hcp.OrgWindow, Parent: "bdc"},
		hcp.Org{ID: "zrzy", Name: "县自然资源局", Kind: hcp.OrgDepartment, Parent: "bdc"},
		hcp.Org{ID: "w-zrzy", Name: "自然资源窗口", Kind: hcp.OrgWindow, Parent: "zrzy"},
		hcp.Org{ID: "dajiang", Name: "大将镇政务服务中心", Kind: hcp.OrgTownshipCenter, Parent: "center"},
		hcp.Org{ID: "w-dajiang", Name: "大将镇综合窗口", Kind: hcp.OrgWindow, Parent: "dajiang"},
	)
	require.NoError(t, err)
	return oc
}

// 第五条: a case goes to 业务窗口（含进驻部门窗口或分中心窗口）; the chart tells which, and the
// centre and department the window belongs to.
func TestOrgChartWindow_第五条(t *testing.T) {
	oc := rongan(t)
	for id, want := range map[string]hcp.Window{
		"w-social":  {ID: "w-social", Name: "社保窗口", Kind: hcp.BusinessWindow, Center: "center"},
		"w-tax":     {ID: "w-tax", Name: "税务窗口", Kind: hcp.DepartmentWindow, Center: "center", Department: "tax"},
		"w-bdc":     {ID: "w-bdc", Name: "不动产综合窗口", Kind: hcp.SubCenterWindow, Center: "bdc"},
		"w-zrzy":    {ID: "w-zrzy", Name: "自然资源窗口", Kind: hcp.DepartmentWindow, Center: "bdc", Department: "zrzy"},
		"w-dajiang": {ID: "w-dajiang", Name: "大将镇综合窗口", Kind: hcp.BusinessWindow, Center: "dajiang"},
	} {
		got, err := oc.Window(id)
		require.NoError(t, err, id)
		assert.Equal(t, want, got, id)
		parent, ok := oc.Org(got.Parent())
		require.True(t, ok, id)
		assert.Contains(t, []hcp.OrgKind{hcp.OrgDepartment, hcp.OrgCountyCenter, hcp.OrgRealEstateSubCenter, hcp.OrgTownshipCenter}, parent.Kind)
	}
	_, err := oc.Window("tax")
	assert.ErrorIs(t, err, hcp.ErrInconsistent, "a department is not a window")
	_, err = oc.Window("nope")
	assert.ErrorIs(t, err, hcp.ErrUnknownCode)

	c, ok := oc.Center("w-zrzy")
	assert.True(t, ok)
	assert.Equal(t, "bdc", c.ID)
	c, ok = oc.Center("center")
	assert.True(t, ok)
	assert.Equal(t, "center", c.ID)
	_, ok = oc.Center("nope")
	assert.False(t, ok)

	orgs := oc.Orgs()
	orgs[0].Name = "changed"
	again, _ := oc.Org("center")
	assert.Equal(t, "融安县政务服务中心", again.Name, "Orgs returns a copy")
}

func TestOrgChartRefusesBadNesting(t *testing.T) {
	center := hcp.Org{ID: "c", Name: "中心", Kind: hcp.OrgCountyCenter}
	for name, tc := range map[string]struct {
		orgs  []hcp.Org
		field string
		err   error
	}{
		"empty ID":         {[]hcp.Org{{ID: " ", Kind: hcp.OrgCountyCenter}}, "orgs[0].id", hcp.ErrRequired},
		"repeated ID":      {[]hcp.Org{center, {ID: "c", Kind: hcp.OrgWindow, Parent: "c"}}, "orgs[1].id", hcp.ErrInconsistent},
		"unknown kind":     {[]hcp.Org{center, {ID: "x", Kind: 9, Parent: "c"}}, "orgs[1].kind", hcp.ErrUnknownCode},
		"two roots":        {[]hcp.Org{center, {ID: "c2", Kind: hcp.OrgCountyCenter}}, "orgs[1].kind", hcp.ErrInconsistent},
		"root with parent": {[]hcp.Org{{ID: "c", Kind: hcp.OrgCountyCenter, Parent: "c"}}, "orgs[0].parent", hcp.ErrInconsistent},
		"no parent":        {[]hcp.Org{center, {ID: "w", Kind: hcp.OrgWindow}}, "orgs[1].parent", hcp.ErrRequired},
		"missing parent":   {[]hcp.Org{center, {ID: "w", Kind: hcp.OrgWindow, Parent: "d"}}, "orgs[1].parent", hcp.ErrInconsistent},
		"window under window": {[]hcp.Org{center, {ID: "w", Kind: hcp.OrgWindow, Parent: "c"},
			{ID: "w2", Kind: hcp.OrgWindow, Parent: "w"}}, "orgs[2].parent", hcp.ErrInconsistent},
		"township under a sub-centre": {[]hcp.Org{center, {ID: "s", Kind: hcp.OrgSubCenter, Parent: "c"},
			{ID: "t", Kind: hcp.OrgTownshipCenter, Parent: "s"}}, "orgs[2].parent", hcp.ErrInconsistent},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := hcp.NewOrgChart(tc.orgs...)
			require.ErrorIs(t, err, tc.err)
			var fe *hcp.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
		})
	}
}

func TestOrgChartReportsEveryProblem(t *testing.T) {
	_, err := hcp.NewOrgChart(hcp.Org{ID: "", Kind: hcp.OrgCountyCenter}, hcp.Org{ID: "w", Kind: hcp.OrgWindow},
		hcp.Org{ID: "d", Kind: hcp.OrgDepartment, Parent: "w"})
	require.Error(t, err)
	assert.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 3)
}
