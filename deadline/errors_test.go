package deadline_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/haochaping/haochaping/deadline"
)

// Regression (issue 8): error messages began with the package name in some places and not in
// others. Every error this package returns starts with "deadline: ".
func TestErrorsNameThePackage(t *testing.T) {
	c := deadline.China()
	var st deadline.Standing
	var r deadline.Rule
	errs := map[string]error{}
	_, errs["ParseDate"] = deadline.ParseDate("2026-02-30")
	_, errs["ParseArrangements"] = deadline.ParseArrangements([]byte("year x"))
	_, errs["ParseArrangements, no year"] = deadline.ParseArrangements(nil)
	_, errs["ParseHolidayCN"] = deadline.ParseHolidayCN([]byte("{"))
	_, errs["ParseHolidayCN, no year"] = deadline.ParseHolidayCN([]byte("{}"))
	_, errs["ParseHolidayCN, bad day"] = deadline.ParseHolidayCN([]byte(`{"year":2027,"days":[{"name":"x"}]}`))
	errs["Arrangement.Validate"] = deadline.Arrangement{Year: 1900}.Validate()
	errs["Arrangement.Validate, empty"] = deadline.Arrangement{Year: 2027}.Validate()
	errs["OfficeHours.Validate"] = deadline.OfficeHours{}.Validate()
	_, errs["New"] = deadline.New(nil)
	_, errs["With"] = c.With(deadline.Arrangement{Year: 2027})
	_, errs["WithOfficeHours"] = c.WithOfficeHours(deadline.OfficeHours{})
	_, errs["WithDayEnd"] = c.WithDayEnd(9)
	_, errs["WithRisk"] = c.WithRisk(deadline.Risk{Share: 2})
	_, errs["Due"] = c.Due(time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC), deadline.Workdays(1))
	_, errs["Due, no rule"] = c.Due(time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), deadline.Rule{})
	_, errs["IsWorkday"] = c.IsWorkday(time.Date(2003, 1, 1, 0, 0, 0, 0, time.UTC))
	_, errs["Standing.MarshalText"] = deadline.Standing(0).MarshalText()
	errs["Standing.UnmarshalText"] = st.UnmarshalText([]byte("late"))
	_, errs["Rule.MarshalText"] = deadline.Workdays(-1).MarshalText()
	errs["Rule.UnmarshalText"] = r.UnmarshalText([]byte("soon"))
	for name, err := range errs {
		if assert.Error(t, err, name) {
			assert.True(t, strings.HasPrefix(err.Error(), "deadline: "), "%s: %q", name, err)
		}
	}
}
