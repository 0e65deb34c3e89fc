package haochaping_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

// codes.md: interface codes 1 = 非常不满意 … 5 = 非常满意; GB/T 39046-2020 A.8 1 = 非常满意 … 5 = 非常不满意.
var levelTable = []struct {
	level     hcp.Level
	label     string
	text      string
	iface, gb int
	points    int
	bad       bool
}{
	{hcp.VerySatisfied, "非常满意", "very_satisfied", 5, 1, 10, false},
	{hcp.Satisfied, "满意", "satisfied", 4, 2, 8, false},
	{hcp.BasicallySatisfied, "基本满意", "basically_satisfied", 3, 3, 6, false},
	{hcp.Dissatisfied, "不满意", "dissatisfied", 2, 4, 3, true},
	{hcp.VeryDissatisfied, "非常不满意", "very_dissatisfied", 1, 5, 0, true},
}

func TestLevelsBothCodeSystemsBothWays(t *testing.T) {
	require.Equal(t, len(levelTable), len(hcp.Levels()))
	for i, tc := range levelTable {
		t.Run(tc.label, func(t *testing.T) {
			assert.Equal(t, tc.level, hcp.Levels()[i], "Levels() order, best first")
			assert.Equal(t, tc.label, tc.level.Label())
			assert.True(t, tc.level.Valid())

			got, err := hcp.InterfaceCodes.Level(tc.iface)
			require.NoError(t, err)
			assert.Equal(t, tc.level, got, "interface code %d", tc.iface)
			code, err := hcp.InterfaceCodes.Code(tc.level)
			require.NoError(t, err)
			assert.Equal(t, tc.iface, code)

			got, err = hcp.GBT39046Codes.Level(tc.gb)
			require.NoError(t, err)
			assert.Equal(t, tc.level, got, "GB/T code %d", tc.gb)
			code, err = hcp.GBT39046Codes.Code(tc.level)
			require.NoError(t, err)
			assert.Equal(t, tc.gb, code)

			pts, err := hcp.GuangxiPoints().Of(tc.level)
			require.NoError(t, err)
			assert.Equal(t, tc.points, pts)
		})
	}
}

// 第二条: a bad review is 不满意 or 非常不满意, nothing else.
func TestLevelIsBad_第二条(t *testing.T) {
	for _, tc := range levelTable {
		assert.Equal(t, tc.bad, tc.level.IsBad(), tc.label)
	}
	assert.False(t, hcp.Level(0).IsBad())
	assert.False(t, hcp.Level(6).IsBad())
}

func TestLevelCodesRefuseBadInput(t *testing.T) {
	for _, code := range []int{0, 6, -1, 100} {
		for _, sys := range []hcp.LevelCodes{hcp.InterfaceCodes, hcp.GBT39046Codes} {
			_, err := sys.Level(code)
			require.ErrorIs(t, err, hcp.ErrUnknownCode, "%s %d", sys, code)
			var fe *hcp.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "level code", fe.Field)
		}
	}
	_, err := hcp.LevelCodes(0).Level(2)
	assert.ErrorContains(t, err, "choose InterfaceCodes or GBT39046Codes")
	_, err = hcp.LevelCodes(9).Code(hcp.Dissatisfied)
	assert.ErrorIs(t, err, hcp.ErrUnknownCode)
	_, err = hcp.InterfaceCodes.Code(hcp.Level(0))
	assert.ErrorIs(t, err, hcp.ErrUnknownCode)
	_, err = hcp.GuangxiPoints().Of(hcp.Level(7))
	assert.ErrorIs(t, err, hcp.ErrUnknownCode)
	assert.Equal(t, "haochaping.Level(7)", hcp.Level(7).String())
	assert.Equal(t, "LevelCodes(3)", hcp.LevelCodes(3).String())
	assert.Equal(t, "interface codes", hcp.InterfaceCodes.String())
	assert.Equal(t, "GB/T 39046-2020 A.8 codes", hcp.GBT39046Codes.String())
}

func TestLevelTextRoundTrip(t *testing.T) {
	for _, tc := range levelTable {
		b, err := json.Marshal(tc.level)
		require.NoError(t, err)
		assert.Equal(t, `"`+tc.text+`"`, string(b))
		var l hcp.Level
		require.NoError(t, json.Unmarshal(b, &l))
		assert.Equal(t, tc.level, l)
		require.NoError(t, l.UnmarshalText([]byte(tc.label)), "Chinese label accepted")
		assert.Equal(t, tc.level, l)
	}
	var l hcp.Level
	err := l.UnmarshalText([]byte("bad"))
	assert.True(t, errors.Is(err, hcp.ErrUnknownCode))
	assert.ErrorContains(t, err, `level "bad"`)
	_, err = json.Marshal(hcp.Level(0))
	assert.Error(t, err)
}

func TestEnumsRefuseJSONNumbers(t *testing.T) {
	var r hcp.Review
	err := json.Unmarshal([]byte(`{"level":2}`), &r)
	require.ErrorIs(t, err, hcp.ErrMalformed, "a bare number could be read in either code system")
	assert.ErrorContains(t, err, `want a text code such as "very_satisfied"`)
	err = json.Unmarshal([]byte(`{"reviewer":{"gender":1}}`), &r)
	assert.ErrorIs(t, err, hcp.ErrMalformed)
	require.NoError(t, json.Unmarshal([]byte(`{"level":null,"channel":"二维码"}`), &r))
	assert.Equal(t, hcp.Level(0), r.Level)
	assert.Equal(t, hcp.ChannelQRCode, r.Channel)
}
