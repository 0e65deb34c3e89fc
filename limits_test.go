package haochaping_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

// hugePush returns a pushed record of about size bytes whose evalDetail lists unknown
// option codes "999,999,…", the shape of the 10 MB push of issue 10.
func hugePush(size int) []byte {
	head := `{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00","writingEvaluation":"`
	var b strings.Builder
	b.Grow(size + 8)
	b.WriteString(head)
	for b.Len() < size-2 {
		b.WriteString("x")
	}
	b.WriteString(`"}`)
	return []byte(b.String())
}

func TestDefaultLimits(t *testing.T) {
	assert.Equal(t, hcp.Limits{Push: 64 << 10, Text: 2000, Options: 32, Problems: 20, List: 100}, hcp.DefaultLimits())
}

// Regression (issue 10): a pushed record of any size was parsed whole. One over
// Limits.Push is refused before parsing, as field "record".
func TestDecodePushedRefusesAnOversizedRecordBeforeParsing(t *testing.T) {
	body := []byte(`{"projectNo":"` + strings.Repeat("P", 64<<10) + `"`) // not even JSON
	_, err := hcp.DecodePushed(body, hcp.NationalPush())
	require.ErrorIs(t, err, hcp.ErrTooLarge)
	var fe *hcp.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "record", fe.Field)
	assert.Contains(t, err.Error(), "the limit is 65536")

	f := hcp.NationalPush()
	f.Limits.Push = 1 << 20
	_, err = hcp.DecodePushed(body, f)
	assert.NotErrorIs(t, err, hcp.ErrTooLarge, "a raised limit lets the record be parsed")
}

// Regression (issue 10): a text of any length was accepted and echoed. One over
// Limits.Text is refused, and the error does not show it.
func TestDecodePushedRefusesALongTextWithoutEchoingIt(t *testing.T) {
	long := strings.Repeat("办", 2000) + "13812345678"
	body := []byte(`{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00",` +
		`"writingEvaluation":"` + long + `"}`)
	_, err := hcp.DecodePushed(body, hcp.NationalPush())
	require.ErrorIs(t, err, hcp.ErrTooLarge)
	assert.Contains(t, err.Error(), `writingEvaluation "": too large: 2011 characters; the limit is 2000`)
	assert.NotContains(t, err.Error(), "办办")
	assert.NotContains(t, err.Error(), "5678")

	f := hcp.NationalPush()
	f.Limits.Text = 3000
	r, err := hcp.DecodePushed(body, f)
	require.NoError(t, err)
	assert.Equal(t, long, r.FreeText)
}

// Regression (issue 10): evalDetail was split whole, however many codes it held. Codes
// beyond Limits.Options are counted, not looked up, and do not refuse the record (第二条:
// the level decides): a 10 MB list of codes costs one pass over it.
func TestDecodePushedStopsReadingOptionsAtTheLimit(t *testing.T) {
	var codes []string
	for _, o := range hcp.NationalOptions().Options()[:33] {
		codes = append(codes, o.Code)
	}
	body := []byte(`{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00","evalDetail":"` +
		strings.Join(codes, ",") + `"}`)
	r, err := hcp.DecodePushed(body, hcp.NationalPush())
	require.NoError(t, err)
	assert.Len(t, r.Options, 32)
	assert.Equal(t, 1, r.Classification.Unread)
	assert.Contains(t, r.String(), "另有1个选项未读")

	f := hcp.NationalPush()
	f.Limits.Options = 33
	r, err = hcp.DecodePushed(body, f)
	require.NoError(t, err)
	assert.Len(t, r.Options, 33)

	var b strings.Builder
	b.WriteString(`{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00","evalDetail":"`)
	for b.Len() < 10<<20 {
		b.WriteString("999,")
	}
	b.WriteString(`209"}`)
	f = hcp.NationalPush()
	f.Limits.Push = 11 << 20
	r, err = hcp.DecodePushed([]byte(b.String()), f)
	require.NoError(t, err)
	assert.Equal(t, []string{"999"}, r.Classification.Unknown)
	assert.Greater(t, r.Classification.Unread, 2_000_000)
}

// Regression (issue 10): an error listed every problem, so a push of a million bad codes
// made an error of a million lines. It lists Limits.Problems and sums up the rest, and
// errors.Is still finds the sentinels of those it sums up.
func TestErrorsListAtMostLimitsProblems(t *testing.T) {
	f := hcp.NationalPush()
	f.Fields.FreeText = nil
	var fields []string
	for i := range 25 {
		name := fmt.Sprintf("text%02d", i)
		f.Fields.FreeText = append(f.Fields.FreeText, name)
		fields = append(fields, `"`+name+`":[1]`)
	}
	body := []byte(`{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00",` +
		strings.Join(fields, ",") + `}`)
	_, err := hcp.DecodePushed(body, f)
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 21)
	assert.Equal(t, "haochaping: … and 5 more problems", lines[20])
	assert.ErrorIs(t, err, hcp.ErrMalformed)

	// The summed-up problems are still found by their sentinel.
	body = []byte(`{` + strings.Join(fields, ",") + `,"userProp":3,"satisfaction":9}`)
	f.Limits.Problems = 2
	_, err = hcp.DecodePushed(body, f)
	require.Error(t, err)
	assert.Len(t, strings.Split(err.Error(), "\n"), 3)
	assert.ErrorIs(t, err, hcp.ErrUnknownCode)
	assert.ErrorIs(t, err, hcp.ErrRequired)
}

// Regression (issue 10): refusing a 10 MB push made a 191 MB error string.
func TestRefusalOfA10MBPushIsShort(t *testing.T) {
	body := hugePush(10 << 20)
	raised := hcp.NationalPush()
	raised.Limits.Push = 11 << 20
	for name, f := range map[string]hcp.PushFormat{"default limits": hcp.NationalPush(), "raised push limit": raised} {
		_, err := hcp.DecodePushed(body, f)
		require.ErrorIs(t, err, hcp.ErrTooLarge, name)
		assert.Less(t, len(err.Error()), 4<<10, name)
	}
}

// Regression (issue 10): Validate checked neither the length of texts nor the number of
// options.
func TestValidatorRefusesLongTextsAndTooManyOptions(t *testing.T) {
	v := hcp.Validator{Now: clock}
	long := strings.Repeat("x", 2001)
	for field, set := range map[string]func(*hcp.Review){
		"id":                func(r *hcp.Review) { r.ID = long },
		"matterNumber":      func(r *hcp.Review) { r.MatterNumber = long },
		"serviceItem":       func(r *hcp.Review) { r.ServiceItem = long },
		"serviceItemCode":   func(r *hcp.Review) { r.ServiceItemCode = long },
		"freeText":          func(r *hcp.Review) { r.FreeText = long },
		"window":            func(r *hcp.Review) { r.Window = long },
		"department":        func(r *hcp.Review) { r.Department = long },
		"departmentCode":    func(r *hcp.Review) { r.DepartmentCode = long },
		"staff":             func(r *hcp.Review) { r.Staff = long },
		"areaCode":          func(r *hcp.Review) { r.AreaCode = long },
		"reviewer.name":     func(r *hcp.Review) { r.Reviewer.Name = long },
		"reviewer.phone":    func(r *hcp.Review) { r.Reviewer.Phone = long },
		"reviewer.idNumber": func(r *hcp.Review) { r.Reviewer.IDNumber = long },
	} {
		r := validReview(t)
		set(&r)
		errs := fieldErrors(t, v.Validate(r))
		require.Contains(t, errs, field)
		assert.ErrorIs(t, errs[field], hcp.ErrTooLarge, field)
		assert.NotContains(t, v.Validate(r).Error(), "xxxx", field)
		assert.NotErrorIs(t, hcp.Validator{Now: clock, Limits: hcp.Limits{Text: 2001}}.Validate(r), hcp.ErrTooLarge, field)
	}
	r := validReview(t)
	r.Options = make([]hcp.Option, 33)
	errs := fieldErrors(t, v.Validate(r))
	assert.ErrorIs(t, errs["options"], hcp.ErrTooLarge)
	assert.NotContains(t, errs, "options[0]", "options beyond the limit are not checked one by one")
}

// BenchmarkDecodePushedRefused10MB measures refusing the 10 MB push of issue 10: with a
// raised Push limit, so that the record is parsed and evalDetail read up to the limit, and
// with the default limits, which refuse it unread. Before issue 10 the first allocated
// about 750 MB.
func BenchmarkDecodePushedRefused10MB(b *testing.B) {
	body := hugePush(10 << 20)
	raised := hcp.NationalPush()
	raised.Limits.Push = 11 << 20
	for _, bc := range []struct {
		name string
		f    hcp.PushFormat
	}{{"raised push limit", raised}, {"default limits", hcp.NationalPush()}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, err := hcp.DecodePushed(body, bc.f); !errors.Is(err, hcp.ErrTooLarge) {
					b.Fatal(err)
				}
			}
		})
	}
}
