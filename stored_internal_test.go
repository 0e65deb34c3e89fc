package haochaping

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestStoredCodes pins the text code of every value of every enumeration. These codes are
// written to JSON, databases and the audit trail's hash: changing one breaks stored data, so
// a failure here means a rename reached a stored string. Rename the Go identifier instead,
// and keep the code. A new value is added at the end of its list, with a new code.
func TestStoredCodes(t *testing.T) {
	for name, tc := range map[string]struct {
		got  []string
		want []string
	}{
		"Level":      {levels.text[1:], []string{"very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied"}},
		"Mode":       {modes.text[1:], []string{"on_site", "online"}},
		"Channel":    {channels.text[1:], []string{"pc", "mobile", "qr_code", "device", "kiosk", "phone", "sms", "guangxi_app", "system_default"}},
		"Dimension":  {dimensions.text[1:], []string{"attitude", "quality", "efficiency", "environment", "other"}},
		"Gender":     {genders.text[1:], []string{"male", "female"}},
		"PartyKind":  {partyKinds.text[1:], []string{"natural_person", "legal_person"}},
		"OrgKind":    {orgKinds.text[1:], []string{"center", "real_estate_sub_center", "sub_center", "township_center", "department", "window"}},
		"WindowKind": {windowKinds.text[1:], []string{"business", "department", "sub_center"}},
	} {
		assert.Equal(t, tc.want, tc.got, "stored codes of %s changed", name)
	}
	// The constants keep their values: a reordered const block would change every code.
	for v, want := range map[interface{ String() string }]string{
		VerySatisfied: "very_satisfied", VeryDissatisfied: "very_dissatisfied",
		ModeOnSite: "on_site", ModeOnline: "online",
		ChannelPC: "pc", ChannelSystemDefault: "system_default", ChannelGuangxiApp: "guangxi_app",
		DimensionAttitude: "attitude", DimensionOther: "other",
		Male: "male", Female: "female", NaturalPerson: "natural_person", LegalPerson: "legal_person",
		OrgCountyCenter: "center", OrgRealEstateSubCenter: "real_estate_sub_center", OrgSubCenter: "sub_center",
		OrgTownshipCenter: "township_center", OrgDepartment: "department", OrgWindow: "window",
		BusinessWindow: "business", DepartmentWindow: "department", SubCenterWindow: "sub_center",
	} {
		assert.Equal(t, want, v.String())
	}
}
