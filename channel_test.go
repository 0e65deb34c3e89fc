package haochaping_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

// codes.md, 评价渠道 pf: both variants agree on 1–5 and differ on 6 and 7.
func TestPFCodesBothVariants(t *testing.T) {
	common := []hcp.Channel{hcp.ChannelPC, hcp.ChannelMobile, hcp.ChannelQRCode, hcp.ChannelDevice,
		hcp.ChannelKiosk, hcp.ChannelPhone, hcp.ChannelSMS}
	zhejiang := []hcp.Channel{hcp.ChannelPC, hcp.ChannelMobile, hcp.ChannelQRCode, hcp.ChannelDevice,
		hcp.ChannelKiosk, hcp.ChannelSMS, hcp.ChannelSystemDefault}
	for variant, want := range map[hcp.PFVariant][]hcp.Channel{hcp.PFCommon: common, hcp.PFZhejiang: zhejiang} {
		for i, c := range want {
			code := i + 1
			got, err := variant.Channel(code)
			require.NoError(t, err)
			assert.Equal(t, c, got, "%s pf %d", variant, code)
			back, err := variant.Code(c)
			require.NoError(t, err)
			assert.Equal(t, code, back, "%s %s", variant, c)
		}
		for _, bad := range []int{0, 8, -3} {
			_, err := variant.Channel(bad)
			assert.ErrorIs(t, err, hcp.ErrUnknownCode)
		}
	}
	_, err := hcp.PFCommon.Code(hcp.ChannelSystemDefault)
	assert.ErrorIs(t, err, hcp.ErrUnknownCode, "the common variant has no default-rating channel")
	_, err = hcp.PFZhejiang.Code(hcp.ChannelPhone)
	assert.ErrorIs(t, err, hcp.ErrUnknownCode, "Zhejiang's variant has no phone")
	_, err = hcp.PFVariant(0).Channel(1)
	assert.ErrorContains(t, err, "choose PFCommon or PFZhejiang")
	_, err = hcp.PFVariant(0).Code(hcp.ChannelPC)
	assert.ErrorIs(t, err, hcp.ErrUnknownCode)
	assert.Equal(t, "PFVariant(0)", hcp.PFVariant(0).String())
}

// 第五条: 现场评价仪, 二维码, 广西政务APP push bad reviews.
func TestSeedChannels_第五条(t *testing.T) {
	assert.Equal(t, "现场评价仪", hcp.ChannelDevice.Label())
	assert.Equal(t, "二维码", hcp.ChannelQRCode.Label())
	assert.Equal(t, "广西政务APP", hcp.ChannelGuangxiApp.Label())
	code, err := hcp.PFCommon.Code(hcp.ChannelGuangxiApp)
	require.NoError(t, err)
	assert.Equal(t, 2, code, "the app reports as 移动端")
}

// 第二条: on-site "一次一评", online "一事一评".
func TestChannelMode_第二条(t *testing.T) {
	onSite := map[hcp.Channel]bool{hcp.ChannelQRCode: true, hcp.ChannelDevice: true, hcp.ChannelKiosk: true}
	for _, c := range hcp.Channels() {
		want := hcp.ModeOnline
		if onSite[c] {
			want = hcp.ModeOnSite
		}
		assert.Equal(t, want, c.Mode(), c.String())
	}
	assert.Equal(t, hcp.Mode(0), hcp.Channel(0).Mode())
	assert.Equal(t, `现场服务"一次一评"`, hcp.ModeOnSite.Label())
	assert.Equal(t, `网上服务"一事一评"`, hcp.ModeOnline.Label())
	assert.True(t, hcp.ModeOnline.Valid())
	assert.False(t, hcp.Mode(3).Valid())
}

func TestChannelAndModeText(t *testing.T) {
	for _, c := range hcp.Channels() {
		assert.True(t, c.Valid())
	}
	assertJSONRoundTrip(t, hcp.Channels()...)
	assertJSONRoundTrip(t, hcp.ModeOnSite, hcp.ModeOnline)
	var c hcp.Channel
	assert.ErrorIs(t, c.UnmarshalText([]byte("fax")), hcp.ErrUnknownCode)
	var m hcp.Mode
	assert.ErrorIs(t, json.Unmarshal([]byte(`"walk-in"`), &m), hcp.ErrUnknownCode)
}

// Not in the measures: whether a QR code rates on site or online is a setting, on site by
// default.
func TestQRCodeMode_not_in_the_measures(t *testing.T) {
	assert.Equal(t, hcp.ModeOnSite, hcp.ChannelQRCode.Mode())
	assert.Equal(t, hcp.ModeOnline, hcp.ModeRules{QRCodeOnline: true}.Mode(hcp.ChannelQRCode))
	assert.Equal(t, hcp.ModeOnSite, hcp.ModeRules{QRCodeOnline: true}.Mode(hcp.ChannelDevice))
	assert.Equal(t, hcp.Mode(0), hcp.ModeRules{}.Mode(hcp.Channel(0)))
}
