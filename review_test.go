package haochaping_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

var now = time.Date(2026, 11, 26, 9, 0, 0, 0, hcp.Location())

func clock() time.Time { return now }

func opt(t *testing.T, code string) hcp.Option {
	t.Helper()
	o, err := hcp.LookupOption(code)
	require.NoError(t, err)
	return o
}

// validReview is a bad review that passes validation; tests break one field at a time.
func validReview(t *testing.T) hcp.Review {
	return hcp.Review{
		ID:           "P1#1",
		MatterNumber: "P1",
		ServiceItem:  "不动产登记",
		Level:        hcp.Dissatisfied,
		Options:      []hcp.Option{opt(t, "1.1"), opt(t, "4.2")},
		FreeText:     "指引不清",
		Channel:      hcp.ChannelDevice,
		Time:         now.Add(-time.Hour),
		Window:       "不动产登记窗口",
		AreaCode:     "450224",
		Reviewer:     reviewer,
	}
}

func TestReviewValid(t *testing.T) {
	r := validReview(t)
	v := hcp.Validator{Now: clock}
	require.NoError(t, v.Validate(r))
	assert.True(t, r.IsBad())
	assert.Equal(t, hcp.ModeOnSite, r.Mode())

	r.Anonymous, r.Reviewer = true, hcp.Reviewer{}
	assert.NoError(t, v.Validate(r), "anonymous ratings name nobody")

	r = validReview(t)
	r.Reviewer.Kind, r.Reviewer.IDNumber = hcp.LegalPerson, "91450224MA5K00001C"
	assert.NoError(t, v.Validate(r), "a legal person may give its credit code")

	r = validReview(t)
	r.Time = now.Add(30 * time.Second)
	assert.NoError(t, v.Validate(r), "within the default clock skew")
}

// fieldErrors flattens a joined validation error to field -> sentinel, and checks the
// message of each is one for a clerk.
func fieldErrors(t *testing.T, err error) map[string]error {
	t.Helper()
	require.Error(t, err)
	assertClerkMessages(t, err)
	got := map[string]error{}
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *hcp.FieldError
		require.True(t, errors.As(e, &fe), "%v is a FieldError", e)
		got[fe.Field] = fe.Err
	}
	return got
}

func TestReviewValidateEveryFailure(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(r *hcp.Review)
		field  string
		want   error
	}{
		{"no id", func(r *hcp.Review) { r.ID = " " }, "id", hcp.ErrRequired},
		{"no matter number", func(r *hcp.Review) { r.MatterNumber = "" }, "matterNumber", hcp.ErrRequired},
		{"level outside the code system", func(r *hcp.Review) { r.Level = 9 }, "level", hcp.ErrUnknownCode},
		{"no channel", func(r *hcp.Review) { r.Channel = 0 }, "channel", hcp.ErrUnknownCode},
		{"no time", func(r *hcp.Review) { r.Time = time.Time{} }, "time", hcp.ErrRequired},
		{"time in the future", func(r *hcp.Review) { r.Time = now.Add(time.Hour) }, "time", hcp.ErrFuture},
		{"option of another list", func(r *hcp.Review) { r.Options[0].List = "national" }, "options[0]", hcp.ErrUnknownCode},
		{"option made up", func(r *hcp.Review) {
			r.Options[1] = hcp.Option{List: "rongan-2021-annex1", Code: "4.9", Dimension: hcp.DimensionEnvironment, Label: "x"}
		}, "options[1]", hcp.ErrUnknownCode},
		{"option twice", func(r *hcp.Review) { r.Options[1] = r.Options[0] }, "options[1]", hcp.ErrInconsistent},
		{"classification not derived from the options", func(r *hcp.Review) {
			r.Classification = hcp.Classification{Crosswalk: hcp.NationalToAnnex1().ID(), Options: r.Options[:1]}
		}, "classification", hcp.ErrInconsistent},
		{"classification by no crosswalk", func(r *hcp.Review) {
			r.Classification = hcp.Classification{Options: r.Options}
		}, "classification.crosswalk", hcp.ErrRequired},
		{"service number", func(r *hcp.Review) { r.ServiceNumber = 100 }, "serviceNumber", hcp.ErrMalformed},
		{"data source", func(r *hcp.Review) { r.DataSource = "13\n3" }, "dataSource", hcp.ErrMalformed},
		{"default rating that is bad", func(r *hcp.Review) { r.Default = true }, "default", hcp.ErrInconsistent},
		{"default channel without default flag", func(r *hcp.Review) {
			r.Channel, r.Level, r.Options = hcp.ChannelSystemDefault, hcp.VerySatisfied, nil
		}, "default", hcp.ErrInconsistent},
		{"area code", func(r *hcp.Review) { r.AreaCode = "4502" }, "areaCode", hcp.ErrMalformed},
		{"real name without a name", func(r *hcp.Review) { r.Reviewer.Name = "" }, "reviewer.name", hcp.ErrRequired},
		{"gender unknown", func(r *hcp.Review) { r.Reviewer.Gender = 7 }, "reviewer.gender", hcp.ErrUnknownCode},
		{"gender contradicts ID", func(r *hcp.Review) { r.Reviewer.Gender = hcp.Female }, "reviewer.gender", hcp.ErrInconsistent},
		{"party kind unknown", func(r *hcp.Review) { r.Reviewer.Kind = 5 }, "reviewer.kind", hcp.ErrUnknownCode},
		{"phone that is not a phone", func(r *hcp.Review) { r.Reviewer.Phone = "12345" }, "reviewer.phone", hcp.ErrMalformed},
		{"ID check digit", func(r *hcp.Review) { r.Reviewer.IDNumber = "450224199001011234" }, "reviewer.idNumber", hcp.ErrMalformed},
		{"credit code for a natural person", func(r *hcp.Review) { r.Reviewer.IDNumber = "91450224MA5K00001C" }, "reviewer.idNumber", hcp.ErrMalformed},
	}
	v := hcp.Validator{Now: clock}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := validReview(t)
			tc.break_(&r)
			errs := fieldErrors(t, v.Validate(r))
			require.Contains(t, errs, tc.field, "%v", errs)
			assert.ErrorIs(t, errs[tc.field], tc.want)
			assert.ErrorIs(t, v.Validate(r), tc.want)
		})
	}
}

func TestReviewValidateReportsEveryProblemAtOnce(t *testing.T) {
	r := hcp.Review{Level: hcp.Satisfied, Options: []hcp.Option{opt(t, "1.1"), opt(t, "1.1")},
		Reviewer: hcp.Reviewer{Phone: "1", IDNumber: "4502241990"}}
	errs := fieldErrors(t, hcp.Validator{Now: clock}.Validate(r))
	for _, f := range []string{"id", "matterNumber", "channel", "time", "options[1]", "reviewer.name",
		"reviewer.phone", "reviewer.idNumber"} {
		assert.Contains(t, errs, f)
	}
	msg := hcp.Validator{Now: clock}.Validate(r).Error()
	assert.Contains(t, msg, `reviewer.idNumber "450*****90": malformed: want 18 characters, got 10`)
}

func TestReviewValidateWithAnotherList(t *testing.T) {
	l, err := hcp.ParseOptionList([]byte("@list\tnational\n@source\tx\n207\tattitude\t态度差\n"))
	require.NoError(t, err)
	o, _ := l.Lookup("207")
	r := validReview(t)
	r.Options = []hcp.Option{o}
	r.Level = hcp.Satisfied // not a bad-only list
	assert.NoError(t, hcp.Validator{Now: clock, Options: l}.Validate(r))
	assert.ErrorIs(t, hcp.Validator{Now: clock}.Validate(r), hcp.ErrUnknownCode, "not an Annex 1 option")
}

func TestReviewValidateDefaultsToTheCurrentTime(t *testing.T) {
	r := validReview(t)
	r.Time = time.Now().Add(24 * time.Hour)
	assert.ErrorIs(t, r.Validate(), hcp.ErrFuture)
	r.Time = time.Now().Add(-time.Minute)
	assert.NoError(t, r.Validate())
}

func TestDefaultRatingIsNeverBad(t *testing.T) {
	r := validReview(t)
	r.Default = true
	assert.False(t, r.IsBad())
	r.Default, r.Level = false, hcp.BasicallySatisfied
	assert.False(t, r.IsBad())
}

func TestReviewRenderingsMaskPersonalData(t *testing.T) {
	r := validReview(t)
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("x", "review", r)
	for _, s := range []string{r.String(), fmt.Sprintf("%v|%+v|%s", r, r, r), logs.String()} {
		assert.NotContains(t, s, "三丰")
		assert.NotContains(t, s, "12345678")
		assert.NotContains(t, s, "199001011235")
	}
	assert.Equal(t, `评价 P1#1 办件 P1 不满意 现场评价仪 2026-11-26 08:00:00 事项 不动产登记 [1.1 不一次性告知] [4.2 服务标识不清晰] 其他 "指引不清" 评价人 张** 男 138****5678 450224********1235`, r.String())
	assert.Contains(t, logs.String(), `"options":"1.1,4.2"`)
	r.Anonymous = true
	assert.Contains(t, r.String(), "评价人 匿名")
}

// The storage codec keeps every field in full, byte for byte as releases before issue 10
// encoded a Review (the golden string was printed by the main branch then): stored
// reviews and the audit hashes over them stay valid.
func TestStoredReviewEncodesAsEarlierReleases(t *testing.T) {
	r := validReview(t)
	r.FollowUp = true
	r.Department, r.Staff, r.ServiceItemCode, r.DepartmentCode = "县自然资源局", "李四", "T1", "D1"
	b, err := json.Marshal((*hcp.StoredReview)(&r))
	require.NoError(t, err)
	assert.Equal(t, `{"id":"P1#1","matterNumber":"P1","serviceItem":"不动产登记","serviceItemCode":"T1","level":"dissatisfied","options":[{"list":"rongan-2021-annex1","code":"1.1","dimension":"attitude","label":"不一次性告知"},{"list":"rongan-2021-annex1","code":"4.2","dimension":"environment","label":"服务标识不清晰"}],"freeText":"指引不清","channel":"device","time":"2026-11-26T08:00:00+08:00","window":"不动产登记窗口","department":"县自然资源局","departmentCode":"D1","staff":"李四","areaCode":"450224","reviewer":{"name":"张三丰","gender":"male","phone":"13812345678","idNumber":"450224199001011235","kind":"natural_person"},"followUp":true}`, string(b))
	var back hcp.StoredReview
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, r.Time.Equal(back.Time))
	back.Time = r.Time
	assert.Equal(t, r, hcp.Review(back), "nothing lost")
	assert.NoError(t, hcp.Validator{Now: clock}.Validate(hcp.Review(back)))
}

func FuzzReviewUnmarshalJSON(f *testing.F) {
	f.Add([]byte(`{"id":"a","matterNumber":"b","level":"dissatisfied","channel":"device","time":"2026-11-20T10:00:00+08:00","options":[{"list":"rongan-2021-annex1","code":"1.1","dimension":"attitude","label":"不一次性告知"}],"reviewer":{"name":"张三","gender":"male","phone":"13812345678"}}`))
	f.Add([]byte(`{"level":"x","channel":7}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r hcp.Review
		if json.Unmarshal(data, &r) != nil {
			return
		}
		_ = r.String()
		v := hcp.Validator{Now: clock}
		if v.Validate(r) != nil {
			return
		}
		b, err := json.Marshal(hcp.StoredReview(r))
		if err != nil {
			t.Fatalf("a valid review does not encode: %v", err)
		}
		var back hcp.Review
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("a valid review does not decode again: %v", err)
		}
		if v.Validate(back) != nil {
			t.Fatalf("a valid review is invalid after a round trip: %s", b)
		}
	})
}
