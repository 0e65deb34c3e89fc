package haochaping_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

// controls are characters that forge a line or reverse the text around them.
var controls = []string{"\n", "\r", "\x00", "\x1b", "\x7f", "\u0085", "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff"}

// assertNoControls fails if s holds any of controls raw.
func assertNoControls(t *testing.T, s string, msgAndArgs ...any) {
	t.Helper()
	for _, c := range controls {
		assert.NotContains(t, s, c, append([]any{strconv.Quote(c)}, msgAndArgs...)...)
	}
}

// assertNoControlsInErrors fails if any error joined in err holds a control character raw.
func assertNoControlsInErrors(t *testing.T, err error, msgAndArgs ...any) {
	t.Helper()
	joined, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "a joined error")
	for _, e := range joined.Unwrap() {
		assertNoControls(t, e.Error(), msgAndArgs...)
		var fe *hcp.FieldError
		if errors.As(e, &fe) {
			assertNoControls(t, fe.Value, msgAndArgs...)
		}
	}
}

// Regression (issue 10): IDs and codes took any character, so a newline or U+202E in a
// matter number reached logs and keys.
func TestControlCharactersRefusedInIDsAndCodes(t *testing.T) {
	for _, c := range controls {
		for _, field := range []string{"projectNo", "taskCode", "proDepartCode", "areaCode"} {
			value := "45" + c + "0224"
			push := map[string]any{"projectNo": "P", "assessNumber": 1, "pf": 4, "satisfaction": 2,
				"assessTime": "2026-11-20 10:15:00", field: value}
			body, _ := json.Marshal(push)
			_, err := hcp.DecodePushed(body, hcp.NationalPush())
			require.ErrorIs(t, err, hcp.ErrMalformed, "%s %q", field, c)
			assert.Contains(t, err.Error(), field+` "`)
			assertNoControlsInErrors(t, err, field)
		}
		// An option code with a control character does not refuse the record (第二条: the
		// level decides); it is kept as unknown, escaped.
		body, _ := json.Marshal(map[string]any{"projectNo": "P", "assessNumber": 1, "pf": 4, "satisfaction": 2,
			"assessTime": "2026-11-20 10:15:00", "evalDetail": "1.1,3" + c + ".3"})
		r, err := hcp.DecodePushed(body, hcp.NationalPush())
		require.NoError(t, err)
		require.NotEmpty(t, r.Classification.Unknown, "%q", c) // white space separates codes: "3" and ".3"
		for _, u := range r.Classification.Unknown {
			assert.False(t, hcp.HasControl(u), "%q", c)
		}
		v := hcp.Validator{Now: clock}
		for field, set := range map[string]func(*hcp.Review, string){
			"id":              func(r *hcp.Review, s string) { r.ID = s },
			"matterNumber":    func(r *hcp.Review, s string) { r.MatterNumber = s },
			"serviceItemCode": func(r *hcp.Review, s string) { r.ServiceItemCode = s },
			"departmentCode":  func(r *hcp.Review, s string) { r.DepartmentCode = s },
			"areaCode":        func(r *hcp.Review, s string) { r.AreaCode = s },
		} {
			r := validReview(t)
			set(&r, "P"+c+"1")
			errs := fieldErrors(t, v.Validate(r))
			assert.ErrorIs(t, errs[field], hcp.ErrMalformed, "%s %q", field, c)
			assertNoControlsInErrors(t, v.Validate(r), field)
		}
	}
}

// Regression (issue 10): free text keeps control characters, but no rendering of a review
// prints them raw: a newline in a name or the free text forged a log line.
func TestRenderingsEscapeControlCharacters(t *testing.T) {
	r := validReview(t)
	r.FreeText = "窗口\n2026-11-20 INFO forged\x00\u2028\u202e反转"
	r.ServiceItem, r.Window, r.Staff, r.Department = "不动产\r登记", "窗\x1b口", "李\u0085四", "部\u2029门"
	r.Reviewer.Name = "\n张三丰"
	r.ID = "P1\n#1"
	var jsonLog, textLog bytes.Buffer
	for _, h := range []slog.Handler{slog.NewJSONHandler(&jsonLog, nil), slog.NewTextHandler(&textLog, nil)} {
		slog.New(h).Info("x", "review", r, "reviews", []hcp.Review{r}, "reviewer", r.Reviewer)
	}
	b, err := json.Marshal(r)
	require.NoError(t, err)
	outputs := []string{r.String(), r.Reviewer.String(), r.Reviewer.GoString(), string(b),
		strings.TrimSuffix(jsonLog.String(), "\n"), strings.TrimSuffix(textLog.String(), "\n")}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%x"} {
		outputs = append(outputs, fmt.Sprintf(verb, r), fmt.Sprintf(verb, r.Reviewer))
	}
	for i, s := range outputs {
		assertNoControls(t, s, "output %d: %s", i, s)
	}
	assert.Equal(t, 1, strings.Count(jsonLog.String(), "\n"), "one log line")
	assert.Equal(t, 1, strings.Count(textLog.String(), "\n"), "one log line")
}

// Regression (issue 10): a rating time of 1970 or 2000 passed validation, though no rating
// system existed then.
func TestValidatorRefusesRatingsBeforeTheRatingSystem(t *testing.T) {
	assert.Equal(t, time.Date(2019, 1, 1, 0, 0, 0, 0, hcp.Location()), hcp.RatingSystemStart())
	v := hcp.Validator{Now: clock}
	r := validReview(t)
	r.Time = hcp.RatingSystemStart().Add(-time.Second)
	err := v.Validate(r)
	assert.ErrorIs(t, fieldErrors(t, err)["time"], hcp.ErrTooEarly)
	assert.ErrorContains(t, err, "2019-01-01T00:00:00+08:00")
	r.Time = hcp.RatingSystemStart()
	assert.NoError(t, v.Validate(r))

	v.Since = time.Date(2021, 3, 1, 0, 0, 0, 0, hcp.Location())
	r.Time = v.Since.Add(-time.Hour)
	assert.ErrorIs(t, v.Validate(r), hcp.ErrTooEarly, "a county sets its own start")
}

// Regression (issue 10): a matter number pushed with full-width hyphens or spaces around it
// gave another review ID, so one review opened two cases.
func TestNormalizeIDGivesOneKey(t *testing.T) {
	assert.Equal(t, "450224-2026-000123", hcp.NormalizeID(" 450224－2026－000123 "))
	assert.Equal(t, "450224-2026-000123", hcp.NormalizeID("\u3000４５０２２４-2026-000123\t"))
	const push = `{"projectNo":%q,"assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00"}`
	a, err := hcp.DecodePushed(fmt.Appendf(nil, push, " 450224－2026－000123 "), hcp.NationalPush())
	require.NoError(t, err)
	b, err := hcp.DecodePushed(fmt.Appendf(nil, push, "450224-2026-000123"), hcp.NationalPush())
	require.NoError(t, err)
	assert.Equal(t, b.ID, a.ID)
	assert.Equal(t, "450224-2026-000123#1#20261120T101500", a.ID)
	assert.Equal(t, " 450224－2026－000123 ", a.MatterNumber, "kept as pushed, for display")
	assert.Equal(t, b.Key(), a.Key())
	assert.Equal(t, hcp.Review{ID: "P#1"}.Key(), hcp.Review{ID: " Ｐ#1"}.Key())
}

// Regression (issue 10): errors echoed pushed values in full, so a phone or an ID number
// typed into a code field reached the logs.
func TestErrorsDoNotEchoPersonalData(t *testing.T) {
	personal := []string{"13812345678", "450224199001011235", "138 1234 5678", "１３８１２３４５６７８"}
	for _, field := range []string{"evalDetail", "assessTime", "pf", "satisfaction", "levelCode", "evalNum",
		"assessNumber", "userProp", "projectNo", "areaCode"} {
		for _, value := range personal {
			for _, lit := range []string{strconv.Quote(value), strconv.Quote(value + "\n"), value} {
				if lit == value && !strings.Contains("pf satisfaction levelCode evalNum assessNumber userProp", field) {
					continue // only numeric fields take bare numbers
				}
				if lit == value && strings.ContainsAny(value, " ８") {
					continue
				}
				_, err := hcp.DecodePushed([]byte(`{"`+field+`":`+lit+`}`), hcp.NationalPush())
				require.Error(t, err)
				assertNoPersonalData(t, err.Error(), value, field)
			}
		}
	}
	for _, value := range personal {
		assertNoPersonalData(t, hcp.CheckCreditCode(value).Error(), value, "CheckCreditCode")
		_, err := hcp.PFCommon.Channel(13812345678)
		assertNoPersonalData(t, err.Error(), "13812345678", "PFVariant.Channel")
		_, err = hcp.InterfaceCodes.Level(13812345678)
		assertNoPersonalData(t, err.Error(), "13812345678", "LevelCodes.Level")
	}
}

func assertNoPersonalData(t *testing.T, msg, value, field string) {
	t.Helper()
	assert.NotContains(t, msg, value, field)
	assert.NotContains(t, msg, "12345678", field)
	assert.NotContains(t, msg, "19900101", field)
	assert.NotContains(t, msg, "１２３４", field)
}
