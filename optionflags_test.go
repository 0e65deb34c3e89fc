package haochaping_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

const flagBase = `"projectNo":"450224-2026-000123","assessNumber":1,"pf":4,"assessTime":"2026-11-20 10:15:00","userName":"张三丰"`

// 第二条: the level alone decides whether a rating is bad. No problem with its option codes
// refuses a bad review: separators of every kind, empty items, arrays, codes no list holds,
// codes given twice, too many codes.
func TestOptionProblemsNeverRefuseABadReview_第二条(t *testing.T) {
	cases := map[string]struct {
		evalDetail string
		options    []string
		unknown    []string
		unread     int
	}{
		"trailing comma":   {`"209,"`, []string{"209"}, nil, 0},
		"empty item":       {`"209,,213"`, []string{"209", "213"}, nil, 0},
		"full-width comma": {`"209，213"`, []string{"209", "213"}, nil, 0},
		"semicolon":        {`"209;213"`, []string{"209", "213"}, nil, 0},
		"spaces":           {`"209 213"`, []string{"209", "213"}, nil, 0},
		"array":            {`["209",213]`, []string{"209", "213"}, nil, 0},
		"twice":            {`"115,115"`, []string{"115"}, nil, 0},
		"unknown":          {`"209,216,1.9"`, []string{"209"}, []string{"216", "1.9"}, 0},
		"control":          {`"209,2\u202e16"`, []string{"209"}, []string{`2\u202e16`}, 0},
		"too many":         {`"` + strings.Repeat("209,", 40) + `213"`, []string{"209"}, nil, 9},
		"object":           {`{"a":1}`, nil, []string{"<object>"}, 0},
		"boolean":          {`true`, nil, []string{"<boolean>"}, 0},
		"nested array":     {`["209",["213"],{"x":1}]`, []string{"209"}, []string{"<array>", "<object>"}, 0},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			r, err := hcp.DecodePushed([]byte(`{`+flagBase+`,"satisfaction":1,"evalDetail":`+tc.evalDetail+`}`), hcp.NationalPush())
			require.NoError(t, err)
			assert.True(t, r.IsBad())
			assert.Equal(t, tc.options, codesOf(r.Options))
			assert.Equal(t, tc.unknown, r.Classification.Unknown)
			assert.Equal(t, tc.unread, r.Classification.Unread)
			assert.NoError(t, hcp.Validator{Now: clock}.Validate(r), "what decodes validates")
		})
	}
	r, err := hcp.DecodePushed([]byte(`{`+flagBase+`,"satisfaction":1,"evalDetail":"209,216"}`), hcp.NationalPush())
	require.NoError(t, err)
	assert.Contains(t, r.String(), "未知选项 [216]", "the office sees the code it could not read")
}

func TestValidatorChecksUnknownCodes(t *testing.T) {
	r, err := hcp.DecodePushed([]byte(`{`+flagBase+`,"satisfaction":1,"evalDetail":"209,216"}`), hcp.NationalPush())
	require.NoError(t, err)
	r.Classification.Unknown = []string{"213"}
	assert.ErrorIs(t, hcp.Validator{Now: clock}.Validate(r), hcp.ErrInconsistent, "213 is known")
	r.Classification.Unknown = []string{"2\n16"}
	assert.ErrorIs(t, hcp.Validator{Now: clock}.Validate(r), hcp.ErrMalformed)
}

func TestReviewWithoutOptionsIsUnclassified(t *testing.T) {
	r, err := hcp.DecodePushed([]byte(`{`+flagBase+`,"satisfaction":2}`), hcp.NationalPush())
	require.NoError(t, err)
	assert.True(t, r.Classification.IsZero())
}

// A level default stands in only when no level field is present: it never contradicts one.
func TestLevelDefaultStandsInOnlyWhenEveryAliasIsAbsent(t *testing.T) {
	f := hcp.NationalPush()
	f.Defaults = map[string]string{"level": "5"}
	r, err := hcp.DecodePushed([]byte(`{`+flagBase+`,"levelCode":2}`), f)
	require.NoError(t, err)
	assert.Equal(t, hcp.Dissatisfied, r.Level)
	r, err = hcp.DecodePushed([]byte(`{`+flagBase+`}`), f)
	require.NoError(t, err)
	assert.Equal(t, hcp.VerySatisfied, r.Level)

	_, err = hcp.DecodePushed([]byte(`{`+flagBase+`}`), hcp.NationalPush())
	assert.ErrorContains(t, err, `satisfaction "": required: give one of satisfaction, levelCode, evalNum`)
}

// An empty alias counts as absent: Zhejiang's certkeyGOV left empty beside certKeyGOV.
func TestEmptyAliasCountsAsAbsent(t *testing.T) {
	f := hcp.ZhejiangPush()
	f.Decrypter = base64Decrypter
	r, err := hcp.DecodePushed([]byte(`{`+flagBase+`,"satisfaction":2,"certkeyGOV":"","certKeyGOV":"`+b64("450224199001011235")+`"}`), f)
	require.NoError(t, err)
	assert.Equal(t, "450224199001011235", r.Reviewer.IDNumber)
	r, err = hcp.DecodePushed([]byte(`{`+flagBase+`,"satisfaction":2,"certkeyGOV":"`+b64("45022419900101123x")+`","certKeyGOV":"`+b64("45022419900101123X")+`"}`), f)
	require.NoError(t, err, "aliases differing in case only agree")
	assert.Equal(t, "45022419900101123x", r.Reviewer.IDNumber)
}

// An empty default counts as none: a record never decodes without its ID or level.
func TestEmptyDefaultCountsAsNone(t *testing.T) {
	f := hcp.ListPagePush()
	f.Defaults = map[string]string{"channel": " ", "ratingNumber": ""}
	_, err := hcp.DecodePushed([]byte(`{"number":"P1","levelCode":2,"submitTime":"2026-11-20 10:15:00"}`), f)
	assert.ErrorContains(t, err, `channel "": required: layout "list-page" has no field for it`)
	assert.ErrorContains(t, f.Check(), `defaults.channel " ": malformed`)
	f.Defaults = map[string]string{"channel": "2", "ratingNumber": ""}
	r, err := hcp.DecodePushed([]byte(`{"number":"P1","levelCode":2,"submitTime":"2026-11-20 10:15:00"}`), f)
	require.NoError(t, err)
	assert.Equal(t, "P1#1#20261120T101500", r.ID)
}

// The zero Fields read the national layout whole, its encrypted fields included.
func TestZeroFieldsReadTheNationalLayoutWhole(t *testing.T) {
	body := `{` + flagBase + `,"satisfaction":2,"mobile":"` + b64("13812345678") + `"}`
	r, err := hcp.DecodePushed([]byte(body), hcp.PushFormat{Levels: hcp.InterfaceCodes, Channels: hcp.PFCommon})
	require.NoError(t, err)
	assert.Empty(t, r.Reviewer.Phone, "cipher text is not read as a phone")
	assert.Equal(t, []string{"mobile"}, r.Encrypted)
	assert.NoError(t, hcp.PushFormat{Levels: hcp.InterfaceCodes, Channels: hcp.PFCommon}.Check())
}

func TestCheckFindsMistakesOfLayoutsBuiltInCode(t *testing.T) {
	f := hcp.ListPagePush()
	f.Defaults = map[string]string{"pf": "2"}
	f.Encrypted = []string{"phone"}
	err := f.Check()
	assert.ErrorContains(t, err, `defaults "pf": unknown code`)
	assert.ErrorContains(t, err, `encrypted "phone": inconsistent: not a field the layout reads`)
	assert.ErrorContains(t, err, `fields.channel "": required: layout "list-page" has no field for it and no default`)
	for name, p := range hcp.Presets() {
		if name != "list-page" {
			assert.NoError(t, p.Check(), name)
		}
	}
}

// Declarations spell keys exactly: "Encrypted" could otherwise hide "encrypted" from the
// duplicate check, as encoding/json matches keys ignoring case.
func TestDeclarationKeysMustBeSpeltExactly(t *testing.T) {
	for data, want := range map[string]string{
		`{"name":"v","base":"national","encrypted":["mobile"],"Encrypted":[]}`: `declaration "Encrypted": unknown code`,
		`{"name":"v","base":"national","fields":{"level":["x"],"Level":[]}}`:   `fields "Level": unknown code`,
		`{"name":"a","base":"national"} }`:                                     "data after it",
		`{"name":"a","base":"national","location":"Local"}`:                    `location "Local": unknown code`,
	} {
		_, err := hcp.ParsePushFormat([]byte(data))
		assert.ErrorContains(t, err, want, data)
	}
}

// LogValue leaves the review's lists alone, also under concurrent logging (go test -race).
func TestLogValueLeavesTheReviewAlone(t *testing.T) {
	from, to := hcp.NationalOptions(), hcp.Annex1()
	var b strings.Builder
	b.WriteString("@crosswalk\tx\n@source\ts\n@from\tnational\n@to\trongan-2021-annex1\n")
	for _, e := range hcp.NationalToAnnex1().Entries() {
		if e.From.Code == "208" {
			b.WriteString("208\tother\treason\n")
			continue
		}
		b.WriteString(e.From.Code + "\t" + strings.Join(codesOf(e.To), ",") + "\n")
	}
	x, err := hcp.ParseCrosswalk([]byte(b.String()), from, to)
	require.NoError(t, err)
	f := hcp.NationalPush()
	f.Crosswalk = x
	r, err := hcp.DecodePushed([]byte(`{`+flagBase+`,"satisfaction":2,"evalDetail":"209,213,214,208"}`), f)
	require.NoError(t, err)
	mine := append(r.Classification.Options, opt(t, "1.1"))
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { _ = r.LogValue().Resolve() })
	}
	wg.Wait()
	assert.Equal(t, opt(t, "1.1"), mine[len(mine)-1])
}

func codesOf(opts []hcp.Option) []string {
	var cs []string
	for _, o := range opts {
		cs = append(cs, o.Code)
	}
	return cs
}
