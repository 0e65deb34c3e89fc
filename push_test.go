package haochaping_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

const pushedBad = `{
  "projectNo": "450224-2026-000123", "taskCode": "T1", "taskName": "不动产登记",
  "proDepart": "县自然资源局", "proDepartCode": "D1", "proManager": "李四",
  "pf": "4", "satisfaction": "2", "levelCode": 2, "evalDetail": "1.1, 3.3",
  "writingEvaluation": "材料要跑两次", "assessTime": "2026-11-20 10:15:00", "assessNumber": 1,
  "userName": "张三丰", "userProp": "1", "areaCode": "450224", "extra": {"ignored": true}
}`

func TestDecodePushed(t *testing.T) {
	r, err := hcp.DecodePushed([]byte(pushedBad), hcp.NationalPush())
	require.NoError(t, err)
	assert.Equal(t, hcp.Review{
		ID: "450224-2026-000123#1#20261120T101500", MatterNumber: "450224-2026-000123", ServiceItem: "不动产登记",
		ServiceItemCode: "T1", Level: hcp.Dissatisfied, Options: []hcp.Option{opt(t, "1.1"), opt(t, "3.3")},
		Classification: hcp.Classification{Crosswalk: "national-rongan-2021", Options: []hcp.Option{opt(t, "1.1"), opt(t, "3.3")}},
		FreeText:       "材料要跑两次", Channel: hcp.ChannelDevice,
		Time:       time.Date(2026, 11, 20, 10, 15, 0, 0, hcp.Location()),
		Department: "县自然资源局", DepartmentCode: "D1", Staff: "李四", AreaCode: "450224",
		Reviewer: hcp.Reviewer{Name: "张三丰", Kind: hcp.NaturalPerson},
	}, r)
	assert.NoError(t, hcp.Validator{Now: clock}.Validate(r))
	assert.True(t, r.IsBad())
}

// codes.md: the same number is a different level in each code system.
func TestDecodePushedCodeSystemsAreExplicit(t *testing.T) {
	body := []byte(`{"projectNo":"P","assessNumber":2,"pf":1,"satisfaction":1,"assessTime":"20261120T101500"}`)
	r, err := hcp.DecodePushed(body, hcp.NationalPush())
	require.NoError(t, err)
	assert.Equal(t, hcp.VeryDissatisfied, r.Level, "interface code 1")
	assert.True(t, r.FollowUp)
	assert.True(t, r.Anonymous)
	assert.Equal(t, "P#2#20261120T101500", r.ID)
	assert.Equal(t, time.Date(2026, 11, 20, 10, 15, 0, 0, hcp.Location()), r.Time)

	r, err = hcp.DecodePushed(body, hcp.PushFormat{Levels: hcp.GBT39046Codes, Channels: hcp.PFCommon})
	require.NoError(t, err)
	assert.Equal(t, hcp.VerySatisfied, r.Level, "GB/T code 1")

	_, err = hcp.DecodePushed(body, hcp.PushFormat{Channels: hcp.PFCommon})
	assert.ErrorContains(t, err, "choose InterfaceCodes or GBT39046Codes")
	_, err = hcp.DecodePushed(body, hcp.PushFormat{Levels: hcp.InterfaceCodes})
	assert.ErrorContains(t, err, "choose PFCommon or PFZhejiang")
}

func TestDecodePushedZhejiangDefaultRating(t *testing.T) {
	body := []byte(`{"projectNo":"P","assessNumber":1,"pf":7,"satisfaction":5,"assessTime":"2026-11-20 10:15:00"}`)
	r, err := hcp.DecodePushed(body, hcp.PushFormat{Levels: hcp.InterfaceCodes, Channels: hcp.PFZhejiang})
	require.NoError(t, err)
	assert.True(t, r.Default)
	assert.Equal(t, hcp.ChannelSystemDefault, r.Channel)
	assert.False(t, r.IsBad())
	r, err = hcp.DecodePushed(body, hcp.NationalPush())
	require.NoError(t, err)
	assert.Equal(t, hcp.ChannelSMS, r.Channel, "pf 7 is 短信 in the common variant")
}

func TestDecodePushedWithLocationAndList(t *testing.T) {
	l, err := hcp.ParseOptionList([]byte("@list\tnational\n@source\tx\n207\tattitude\t态度差\n"))
	require.NoError(t, err)
	body := []byte(`{"projectNo":"P","assessNumber":1,"pf":2,"evalNum":2,"evalDetail":"207","assessTime":"2026-11-20 10:15:00"}`)
	r, err := hcp.DecodePushed(body, hcp.PushFormat{Levels: hcp.InterfaceCodes, Channels: hcp.PFCommon,
		Options: l, Location: time.UTC})
	require.NoError(t, err)
	assert.Equal(t, "national", r.Options[0].List)
	assert.Equal(t, time.Date(2026, 11, 20, 10, 15, 0, 0, time.UTC), r.Time)
}

func TestDecodePushedErrorsNameEveryField(t *testing.T) {
	cases := map[string]struct{ body, want string }{
		"not JSON":          {`{`, "pushed record: not a JSON object"},
		"array":             {`[]`, "pushed record: not a JSON object"},
		"null":              {`null`, "not a JSON object: null"},
		"missing all":       {`{}`, "projectNo \"\": required"},
		"missing level":     {`{}`, `satisfaction "": required`},
		"missing pf":        {`{}`, `pf "": required`},
		"missing time":      {`{}`, `assessTime "": required`},
		"missing number":    {`{}`, `assessNumber "": required`},
		"blank project":     {`{"projectNo":"  "}`, `projectNo "  ": required`},
		"object as string":  {`{"projectNo":{}}`, `projectNo "<object>": malformed: want a string`},
		"personal data":     {`{"userName":["张三丰","13812345678"]}`, `userName "<array>": malformed: want a string`},
		"boolean":           {`{"taskName":true}`, `taskName "<boolean>"`},
		"level not number":  {`{"satisfaction":"two"}`, `satisfaction "two": malformed`},
		"level out of code": {`{"satisfaction":6}`, `satisfaction "6": unknown code`},
		"levels disagree":   {`{"satisfaction":2,"evalNum":"1"}`, `evalNum "1": inconsistent: satisfaction says dissatisfied, evalNum says very_dissatisfied`},
		"pf":                {`{"pf":9}`, `pf "9": unknown code`},
		"pf fraction":       {`{"pf":1.5}`, `pf "1.5": malformed: want a whole number`},
		"assess number":     {`{"assessNumber":3}`, `assessNumber "3": unknown code`},
		"time":              {`{"assessTime":"2026/11/20"}`, `assessTime "2026/11/20": malformed`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := hcp.DecodePushed([]byte(tc.body), hcp.NationalPush())
			assert.ErrorContains(t, err, tc.want)
			assertClerkMessages(t, err)
		})
	}
}

// FuzzDecodePushed decodes each input with every layout preset, a declared layout, one with
// defaults for every required field and a decrypter, and a custom code system. Whatever
// decodes has its required fields, options and a classification the validator accepts,
// and conflicts that are options it was pushed with.
func FuzzDecodePushed(f *testing.F) {
	f.Add([]byte(pushedBad))
	f.Add([]byte(`{"projectNo":"P","assessNumber":2,"pf":7,"satisfaction":1,"assessTime":"20261120T101500"}`))
	f.Add([]byte(`{"satisfaction":"9","evalDetail":",,"}`))
	seeds, _ := filepath.Glob("testdata/push/*.json")
	for _, path := range seeds {
		b, err := os.ReadFile(path)
		require.NoError(f, err)
		f.Add(b)
	}
	declared, err := hcp.ParsePushFormat([]byte(`{"name":"d","base":"shandong","fields":{"reviewerPhone":["sjhm"]},"encrypted":["sjhm"],"defaults":{"channel":"4"}}`))
	require.NoError(f, err)
	declared.Decrypter = base64Decrypter
	defaulted := hcp.NationalPush()
	defaulted.Defaults = map[string]string{"level": "2", "channel": "4", "ratingNumber": "1", "time": "2026-11-20 10:15:00"}
	defaulted.Decrypter = base64Decrypter
	formats := []hcp.PushFormat{declared, defaulted, {Levels: hcp.GBT39046Codes, Channels: hcp.PFZhejiang}}
	for _, p := range goldenFormats() {
		formats = append(formats, p)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range formats {
			r, err := hcp.DecodePushed(data, format)
			if err != nil {
				if strings.TrimSpace(err.Error()) == "" {
					t.Fatal("an error that says nothing")
				}
				continue
			}
			if r.MatterNumber == "" || r.ID == "" || !r.Level.Valid() || !r.Channel.Valid() || r.Time.IsZero() {
				t.Fatalf("decoded without a required field: %+v", r)
			}
			if len(r.Options) > 0 && r.Classification.IsZero() {
				t.Fatalf("options left unclassified: %+v", r)
			}
			for _, c := range r.Classification.Conflicts {
				if !slices.Contains(r.Options, c) {
					t.Fatalf("conflict %v is not an option pushed", c)
				}
			}
			if err := (hcp.Validator{Now: clock}).Validate(r); err != nil {
				for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
					var fe *hcp.FieldError
					if errors.As(e, &fe) && (strings.HasPrefix(fe.Field, "classification") || strings.HasPrefix(fe.Field, "options")) {
						t.Fatalf("the validator refuses the options the decoder read: %v", err)
					}
				}
			}
			_ = r.String()
			if _, err := json.Marshal(r); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// The same push twice has one ID; two on-site ratings of one matter at two visits have two.
func TestDecodePushedIDs(t *testing.T) {
	first := []byte(`{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00"}`)
	again := []byte(`{"assessTime":"2026-11-20 10:15:00","projectNo":"P","assessNumber":"1","pf":"4","satisfaction":"2"}`)
	later := []byte(`{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-23 09:00:00"}`)
	a, err := hcp.DecodePushed(first, hcp.NationalPush())
	require.NoError(t, err)
	b, err := hcp.DecodePushed(again, hcp.NationalPush())
	require.NoError(t, err)
	c, err := hcp.DecodePushed(later, hcp.NationalPush())
	require.NoError(t, err)
	assert.Equal(t, a.ID, b.ID)
	assert.NotEqual(t, a.ID, c.ID)
	for _, body := range [][]byte{first, []byte(`{"userName":["张三丰","13812345678"],"writingEvaluation":{"phone":"13812345678"}}`)} {
		_, err := hcp.DecodePushed(body, hcp.NationalPush())
		if err != nil {
			assert.NotContains(t, err.Error(), "13812345678")
			assert.NotContains(t, err.Error(), "三丰")
		}
	}
}
