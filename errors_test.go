package haochaping_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	hcp "github.com/haochaping/haochaping"
)

// Regression (issue 8): error messages began with the package name in some packages and not in
// others. Every error this package returns starts with "haochaping: ", once, even when it
// quotes another of its errors; each line of a joined error does too.
func TestErrorsNameThePackage(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, hcp.Location())
	var lvl hcp.Level
	errs := map[string]error{}
	_, errs["PFVariant.Channel"] = hcp.PFCommon.Channel(9)
	_, errs["PFVariant.Code"] = hcp.PFVariant(0).Code(hcp.ChannelDevice)
	_, errs["LevelCodes.Level"] = hcp.InterfaceCodes.Level(6)
	_, errs["LevelCodes.Code"] = hcp.LevelCodes(0).Code(hcp.Satisfied)
	_, errs["LookupOption"] = hcp.LookupOption("9.9")
	_, errs["ParseOptionList"] = hcp.ParseOptionList([]byte("@list\tx\n1.1\tmood\t态度\n"))
	_, errs["NewOrgChart"] = hcp.NewOrgChart(hcp.Org{ID: "w", Kind: hcp.OrgWindow})
	errs["CheckIDNumber"] = hcp.CheckIDNumber("123", now)
	errs["CheckPhone"] = hcp.CheckPhone("123")
	errs["CheckCreditCode"] = hcp.CheckCreditCode("123")
	_, errs["DecodePushed"] = hcp.DecodePushed([]byte("[]"), hcp.NationalPush())
	_, errs["DecodePushed, fields"] = hcp.DecodePushed([]byte(`{"satisfaction":6}`), hcp.NationalPush())
	errs["Review.Validate"] = hcp.Review{}.Validate()
	errs["Reviewer.Validate"] = hcp.Reviewer{Phone: "1"}.Validate(now)
	_, errs["Level.MarshalText"] = hcp.Level(0).MarshalText()
	errs["Level.UnmarshalText"] = lvl.UnmarshalText([]byte("meh"))
	errs["Level.UnmarshalJSON"] = lvl.UnmarshalJSON([]byte("3"))
	for name, err := range errs {
		if !assert.Error(t, err, name) {
			continue
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			assert.True(t, strings.HasPrefix(line, "haochaping: "), "%s: %q", name, line)
			assert.Equal(t, 1, strings.Count(line, "haochaping: "), "%s names the package once: %q", name, line)
		}
	}
}
