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
func TestUnitKindLedByOwnLeader_第四条(t *testing.T) {
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
		"W":{"id":"w1","name":"不动产登记窗口","kind":"department","unit":"bdc","department":"县自然资源局"}}`, string(b))
	var back struct {
		U hcp.Org
		W hcp.Window
	}
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, u, back.U)
	assert.Equal(t, w, back.W)

	assertJSONRoundTrip(t, hcp.OrgCountyCenter, hcp.OrgRealEstateSubCenter, hcp.OrgSubCenter, hcp.OrgTownshipCenter)
	assertJSONRoundTrip(t, hcp.BusinessWindow, hcp.DepartmentWindow, hcp.SubCenterWindow)
	assert.Equal(t, "不动产分中心", hcp.OrgRealEstateSubCenter.String())
	assert.Equal(t, "进驻部门窗口", hcp.DepartmentWindow.String())
	assert.Equal(t, "分中心窗口", hcp.SubCenterWindow.String())
	assert.True(t, hcp.BusinessWindow.Valid())
	assert.False(t, hcp.OrgKind(9).Valid())
	var k hcp.WindowKind
	assert.ErrorIs(t, k.UnmarshalText([]byte("kiosk")), hcp.ErrUnknownCode)
	var uk hcp.OrgKind
	assert.ErrorIs(t, uk.UnmarshalText([]byte("x")), hcp.ErrUnknownCode)
}
