package haochaping_test

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

// base64Decrypter stands in for a platform's cipher: it decodes base64, and refuses what
// is not.
var base64Decrypter = hcp.DecryptFunc(func(field, value string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(value)
	if err != nil {
		return "", errors.New("not base64")
	}
	return string(b), nil
})

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func TestEncryptedFieldsWithoutADecrypterLeaveNoCallableNumber(t *testing.T) {
	body := `{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00",
		"userName":"张三丰","mobile":"` + b64("13812345678") + `","certKeyGOV":"` + b64("450224199001011235") + `"}`
	r, err := hcp.DecodePushed([]byte(body), hcp.NationalPush())
	require.NoError(t, err)
	assert.Equal(t, []string{"mobile", "certKeyGOV"}, r.Encrypted)
	assert.Empty(t, r.Reviewer.Phone)
	assert.Empty(t, r.Reviewer.IDNumber)
	assert.False(t, r.Callable(), "no callable number without a decrypter")

	f := hcp.NationalPush()
	f.Decrypter = base64Decrypter
	r, err = hcp.DecodePushed([]byte(body), f)
	require.NoError(t, err)
	assert.Empty(t, r.Encrypted)
	assert.Equal(t, "13812345678", r.Reviewer.Phone)
	assert.Equal(t, "450224199001011235", r.Reviewer.IDNumber)
	assert.True(t, r.Callable())
	assert.NoError(t, hcp.Validator{Now: clock}.Validate(r))
}

// A field the Decrypter fails on (a changed key, a value sent in plain text, a "0"
// placeholder, cipher text too long) is left unread: the bad review is kept, without a
// callable number, and the Decrypter's error, which may hold the plain text, is not shown.
func TestUndecryptableFieldIsLeftUnread(t *testing.T) {
	f := hcp.NationalPush()
	f.Decrypter = hcp.DecryptFunc(func(field, value string) (string, error) {
		b, err := base64.StdEncoding.DecodeString(value)
		if err != nil {
			return "", fmt.Errorf("bad padding in %q (plain 13812345678)\nlevel=INFO msg=forged", value)
		}
		if string(b) == "panic" {
			panic("the decrypter broke")
		}
		return string(b), nil
	})
	for _, v := range []string{"0", "13812345678!", strings.Repeat("A", 9000), b64("panic")} {
		body := `{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00","userName":"张三丰","mobile":"` + v + `"}`
		r, err := hcp.DecodePushed([]byte(body), f)
		require.NoError(t, err, "the bad review is kept")
		assert.Equal(t, []string{"mobile"}, r.Encrypted)
		assert.False(t, r.Callable())
		assert.NotContains(t, fmt.Sprint(r, r.LogValue()), "13812345678")
	}
}

func TestRequiredFieldArrivingEncryptedSaysSo(t *testing.T) {
	f := hcp.NationalPush()
	f.Encrypted = append(f.Encrypted, "projectNo")
	_, err := hcp.DecodePushed([]byte(`{"projectNo":"xyz","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00"}`), f)
	assert.ErrorContains(t, err, `projectNo "": required: it arrived encrypted and could not be decrypted`)
}

func TestLayoutLackingARatingNumberReadsAFirstRating(t *testing.T) {
	body := `{"projectNo":"P","pf":4,"satisfaction":5,"assessTime":"2026-11-20 10:15:00","name":"王五","serviceNumber":3}`
	r, err := hcp.DecodePushed([]byte(body), hcp.ShandongPush())
	require.NoError(t, err)
	assert.False(t, r.FollowUp)
	assert.Equal(t, "P#1#20261120T101500", r.ID)
	assert.Equal(t, 3, r.ServiceNumber)
	assert.Equal(t, "王五", r.Reviewer.Name)
	assert.False(t, r.Anonymous)

	_, err = hcp.DecodePushed([]byte(`{"projectNo":"P","pf":4,"satisfaction":5,"assessTime":"2026-11-20 10:15:00"}`), hcp.NationalPush())
	assert.ErrorContains(t, err, `assessNumber "": required`, "a layout that names the field requires it")

	_, err = hcp.DecodePushed([]byte(strings.Replace(body, `"serviceNumber":3`, `"serviceNumber":100`, 1)), hcp.ShandongPush())
	assert.ErrorContains(t, err, `serviceNumber "100": malformed: want 1 to 99`)
}

func TestLayoutLackingARequiredFieldIsRefusedNamingTheLayout(t *testing.T) {
	body := []byte(`{"number":"P","levelCode":2,"contentCode":"209","words":"慢","submitTime":"2026-11-20 10:15:00"}`)
	_, err := hcp.DecodePushed(body, hcp.ListPagePush())
	require.ErrorIs(t, err, hcp.ErrRequired)
	assert.ErrorContains(t, err, `channel "": required: layout "list-page" has no field for it: name one in Fields or give Defaults["channel"]`)

	f := hcp.ListPagePush()
	f.Defaults = map[string]string{"channel": "2"}
	r, err := hcp.DecodePushed(body, f)
	require.NoError(t, err)
	assert.Equal(t, hcp.ChannelMobile, r.Channel)
	assert.True(t, r.Anonymous)

	f.Defaults["channel"] = "9"
	_, err = hcp.DecodePushed(body, f)
	assert.ErrorContains(t, err, `defaults.channel "9": unknown code`, "a bad default names itself")
}

func TestAliasesMustAgree(t *testing.T) {
	f := hcp.ZhejiangPush()
	f.Decrypter = base64Decrypter
	body := `{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00",
		"certkeyGOV":"` + b64("450224199001011235") + `","certKeyGOV":"` + b64("450224199001011243") + `"}`
	_, err := hcp.DecodePushed([]byte(body), f)
	require.ErrorIs(t, err, hcp.ErrInconsistent)
	assert.ErrorContains(t, err, `certKeyGOV "": inconsistent: certkeyGOV and certKeyGOV differ`)
	assert.NotContains(t, err.Error(), "4502241990", "the values are personal: not shown")
}

func TestRatingTimeLayouts(t *testing.T) {
	want := time.Date(2026, 11, 20, 10, 15, 0, 0, hcp.Location())
	for _, s := range []string{`"2026-11-20 10:15:00"`, `"20261120T101500"`, `"2026-11-20T10:15:00"`,
		`"2026/11/20 10:15:00"`, `"20261120101500"`, `1795140900000`, `"1795140900000"`} {
		body := `{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":` + s + `}`
		r, err := hcp.DecodePushed([]byte(body), hcp.NationalPush())
		require.NoError(t, err, s)
		assert.True(t, want.Equal(r.Time), "%s: %s", s, r.Time)
	}
}

func TestParsePushFormat(t *testing.T) {
	f, err := hcp.ParsePushFormat([]byte(`{
		"name": "xx-vendor", "base": "national",
		"fields": {"matterNumber": ["bjbh"], "reviewerPhone": ["sjhm"], "dataSource": []},
		"encrypted": ["sjhm"], "defaults": {"ratingNumber": "1"}, "location": "Asia/Urumqi"}`))
	require.NoError(t, err)
	assert.Equal(t, "xx-vendor", f.Name)
	assert.Equal(t, hcp.InterfaceCodes, f.Levels, "from the base")
	assert.Equal(t, []string{"bjbh"}, f.Fields.MatterNumber)
	assert.Equal(t, []string{"satisfaction", "levelCode", "evalNum"}, f.Fields.Level, "from the base")
	assert.Empty(t, f.Fields.DataSource, "an empty list removes the base's names")
	assert.Equal(t, "Asia/Urumqi", f.Location.String())
	f.Decrypter = base64Decrypter
	r, err := hcp.DecodePushed([]byte(`{"bjbh":"P","pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00","sjhm":"`+b64("13812345678")+`","dataSource":"x\n"}`), f)
	require.NoError(t, err)
	assert.Equal(t, "P", r.MatterNumber)
	assert.Equal(t, "13812345678", r.Reviewer.Phone)
	assert.Empty(t, r.DataSource)
	assert.Equal(t, "Asia/Urumqi", r.Time.Location().String())

	assert.Equal(t, []string{"projectNo"}, hcp.NationalPush().Fields.MatterNumber, "the preset is not changed")
}

func TestParsePushFormatRefusesWhatCannotRead(t *testing.T) {
	cases := map[string]struct{ data, want string }{
		"not JSON":         {`{`, "push format: unexpected EOF"},
		"two values":       {`{"name":"a","base":"national"} {}`, "more than one JSON value"},
		"unknown setting":  {`{"name":"a","base":"national","colour":1}`, `unknown field "colour"`},
		"unknown field":    {`{"name":"a","base":"national","fields":{"mood":["x"]}}`, `unknown field "mood"`},
		"duplicate key":    {`{"name":"a","name":"b","base":"national"}`, "duplicate key"},
		"no name":          {`{"base":"national"}`, `name "": required`},
		"unknown base":     {`{"name":"a","base":"mars"}`, `base "mars": unknown code: want one of [list-page national shandong zhejiang]`},
		"no code systems":  {`{"name":"a","fields":{"matterNumber":["a"],"level":["b"],"channel":["c"],"time":["d"]}}`, `levels "": unknown code`},
		"pf variant":       {`{"name":"a","base":"national","channels":"mars"}`, `channels "mars": unknown code`},
		"required missing": {`{"name":"a","base":"list-page"}`, `fields.channel "": required: layout "a" has no field for it and no default`},
		"field twice":      {`{"name":"a","base":"national","fields":{"staff":["projectNo"]}}`, `fields.staff "projectNo": inconsistent: push field projectNo is read for matterNumber too`},
		"empty name":       {`{"name":"a","base":"national","fields":{"staff":[""]}}`, `fields.staff "": malformed`},
		"control char":     {`{"name":"a","base":"national","fields":{"staff":["a\u202e"]}}`, `malformed: a name of 1 to 64 bytes without control characters`},
		"too many names":   {`{"name":"a","base":"national","fields":{"staff":["1","2","3","4","5","6","7","8","9"]}}`, `fields.staff "9": too large`},
		"encrypted unread": {`{"name":"a","base":"national","encrypted":["idCard"]}`, `encrypted "idCard": inconsistent: not a field the layout reads`},
		"default unknown":  {`{"name":"a","base":"national","defaults":{"mood":"1"}}`, `defaults "mood": unknown code`},
		"location":         {`{"name":"a","base":"national","location":"../../etc/passwd"}`, `location "../../etc/passwd": unknown code`},
		"too large":        {`{"name":"` + strings.Repeat("a", 70000) + `"}`, "the limit is 65536"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := hcp.ParsePushFormat([]byte(tc.data))
			assert.ErrorContains(t, err, tc.want)
		})
	}
}

func FuzzParsePushFormat(f *testing.F) {
	f.Add([]byte(`{"name":"xx","base":"national","fields":{"matterNumber":["bjbh"]},"encrypted":["mobile"],"defaults":{"channel":"4"}}`))
	f.Add([]byte(`{"name":"a","levels":"gbt39046","channels":"zhejiang","fields":{"matterNumber":["a"],"level":["b"],"channel":["c"],"time":["d"]}}`))
	f.Add([]byte(`{"name":"a","base":"list-page","defaults":{"channel":"2"},"location":"UTC"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		pf, err := hcp.ParsePushFormat(data)
		if err != nil {
			if len(err.Error()) > 4096 {
				t.Fatalf("error of %d bytes", len(err.Error()))
			}
			return
		}
		// A format that was accepted decodes records without panicking.
		_, _ = hcp.DecodePushed([]byte(`{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":2,"assessTime":"2026-11-20 10:15:00"}`), pf)
		_, _ = hcp.DecodePushed(data, pf)
	})
}
