package haochaping_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

func TestMasking(t *testing.T) {
	cases := []struct {
		fn       func(string) string
		in, want string
	}{
		{hcp.MaskIDNumber, "450224199001011234", "450224********1234"},
		{hcp.MaskIDNumber, "45022419900101", "4502*******101"},
		{hcp.MaskIDNumber, "4502241234", "450*****34"},
		{hcp.MaskIDNumber, "13812345678", "138******78"},         // a phone in the ID field
		{hcp.MaskIDNumber, "450224900101123", "4502********123"}, // a first-generation 15-digit ID hides its birth date
		{hcp.MaskIDNumber, "", ""},
		{hcp.MaskPhone, "13812345678", "138****5678"},
		{hcp.MaskPhone, "0772-8123456", "077******456"},
		{hcp.MaskPhone, "23456789", "23****89"},
		{hcp.MaskPhone, "1234567", "12****7"},
		{hcp.MaskName, "张三丰", "张**"},
		{hcp.MaskName, "欧阳", "欧*"},
		{hcp.MaskName, "张", "*"},
		{hcp.MaskName, "", ""},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, tc.fn(tc.in), tc.in)
	}
}

var reviewer = hcp.Reviewer{Name: "张三丰", Gender: hcp.Male, Phone: "13812345678",
	IDNumber: "450224199001011235", Kind: hcp.NaturalPerson}

func TestReviewerRenderingsMaskPersonalData(t *testing.T) {
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("x", "reviewer", reviewer)
	slog.New(slog.NewTextHandler(&logs, nil)).Info("x", "reviewer", reviewer)
	renderings := []string{
		reviewer.String(), fmt.Sprint(reviewer), fmt.Sprintf("%v %+v %#v %s", reviewer, reviewer, reviewer, reviewer),
		fmt.Sprintf("%+v", struct{ R hcp.Reviewer }{reviewer}), logs.String(),
	}
	for _, s := range renderings {
		assert.NotContains(t, s, "三丰")
		assert.NotContains(t, s, "12345678")
		assert.NotContains(t, s, "19900101")
	}
	assert.Equal(t, "张** 男 138****5678 450224********1235", reviewer.String())
	assert.Contains(t, logs.String(), `"idNumber":"450224********1235"`)
	assert.Equal(t, "匿名", hcp.Reviewer{}.String())
}

func TestCheckIDNumber_GB11643(t *testing.T) {
	now := time.Date(2026, 11, 26, 0, 0, 0, 0, hcp.Location())
	for _, ok := range []string{"450224199001011235", "11010519491231002X", "450224200002290024"} {
		assert.NoError(t, hcp.CheckIDNumber(ok, now), ok)
	}
	bad := map[string]string{
		"450224199001011234": `check character is '4', want '5'`,
		"11010519491231002x": `check character is 'x', want 'X'`,
		"4502241990010112":   "want 18 characters, got 16",
		"45022419900101123A": "", // A is no check character
		"4502241990A1011235": "character 11 is not a digit",
		"050224199001011235": "region code cannot start with 0",
		"450224199002301235": "the birth date (characters 7 to 14) is not a date",
		"440301209912310012": "the birth date (characters 7 to 14) is not a date", // in the future
		"450224189912311235": "the birth date (characters 7 to 14) is not a date",
		"４50224199001011235": "character 1 is not a digit 0-9",
		"45022419900101123Ｘ": "character 18 is not a digit or X",
	}
	for id, want := range bad {
		err := hcp.CheckIDNumber(id, now)
		require.ErrorIs(t, err, hcp.ErrMalformed, id)
		assert.ErrorContains(t, err, want, id)
		assert.NotContains(t, err.Error(), id, "the number itself is masked")
		if len(id) >= 14 {
			assert.NotContains(t, err.Error(), id[6:14], "so is the birth date")
		}
	}
}

func TestCheckCreditCode_GB32100(t *testing.T) {
	assert.NoError(t, hcp.CheckCreditCode("91450224MA5K00001C"))
	assert.ErrorContains(t, hcp.CheckCreditCode("91450224MA5K00001D"), "check character is 'D', want 'C'")
	assert.ErrorContains(t, hcp.CheckCreditCode("91450224MA5K0000IC"), "character 17 is not in")
	assert.ErrorContains(t, hcp.CheckCreditCode("9145"), "want 18 characters")
}

func TestCheckPhone(t *testing.T) {
	for _, ok := range []string{"13812345678", "19912345678", "+8613812345678", "8613812345678",
		"0772-8123456", "010-12345678", "07728123456"} {
		assert.NoError(t, hcp.CheckPhone(ok), ok)
	}
	for _, bad := range []string{"12812345678", "1381234567", "138123456789", "abc", "0772-12345",
		"772-8123456", "+85213812345678", "-", "0", "138 1234 5678"} {
		err := hcp.CheckPhone(bad)
		assert.ErrorIs(t, err, hcp.ErrMalformed, bad)
	}
}

func TestGenderAndPartyKindText(t *testing.T) {
	assertJSONRoundTrip(t, hcp.Male, hcp.Female)
	assertJSONRoundTrip(t, hcp.NaturalPerson, hcp.LegalPerson)
	var g hcp.Gender
	require.NoError(t, g.UnmarshalText([]byte("女")))
	assert.Equal(t, hcp.Female, g)
	assert.Equal(t, "", hcp.Gender(0).Label())
	assert.Equal(t, "法人", hcp.LegalPerson.Label())
	assert.Equal(t, "", hcp.PartyKind(0).Label())
}

// Regression: no fmt verb prints personal data in full.
func TestEveryVerbMasks(t *testing.T) {
	r := hcp.Review{ID: "P#1", MatterNumber: "P", Level: hcp.Dissatisfied, Channel: hcp.ChannelDevice,
		Reviewer: reviewer, FreeText: "请打13812345678或查身份证450224199001011235"}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%x", "%10.3v"} {
		for _, v := range []any{reviewer, r, &r, []hcp.Reviewer{reviewer}, struct{ R hcp.Review }{r}} {
			s := fmt.Sprintf(verb, v)
			assert.NotContains(t, s, "三丰", verb)
			assert.NotContains(t, s, "12345678", verb)
			assert.NotContains(t, s, "19900101", verb)
		}
	}
	assert.Equal(t, `"张** 男 138****5678 450224********1235"`, fmt.Sprintf("%q", reviewer))
}

func TestMaskText(t *testing.T) {
	assert.Equal(t, "电话138****5678，身份证450224********123X，工号12****7，第3号窗口",
		hcp.MaskText("电话13812345678，身份证45022419900101123X，工号1234567，第3号窗口"))
	assert.Equal(t, "没有数字", hcp.MaskText("没有数字"))
}

func TestReviewerValidate(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, hcp.Location())
	assert.NoError(t, hcp.Reviewer{Name: "张三", Phone: "13812345678"}.Validate(now))
	assert.NoError(t, hcp.Reviewer{}.Validate(now), "a name is the record's rule, not the reviewer's")
	err := hcp.Reviewer{Phone: "12345", IDNumber: "123", Gender: 9}.Validate(now)
	for _, field := range []string{"reviewer.phone", "reviewer.idNumber", "reviewer.gender"} {
		assert.ErrorContains(t, err, field)
	}
	assert.NotContains(t, err.Error(), "12345")
}
