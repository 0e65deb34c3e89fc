package haochaping

import "fmt"

// Mode is how a service is rated: on site once per visit, or online once per matter.
type Mode uint8

// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	// ModeOnSite is on-site rating, once per visit (现场服务"一次一评").
	ModeOnSite Mode = iota + 1
	// ModeOnline is online rating, once per matter (网上服务"一事一评").
	ModeOnline
)

var modes = enum[Mode]{
	kind:   "mode",
	labels: []string{"", `现场服务"一次一评"`, `网上服务"一事一评"`},
	text:   []string{"", "on_site", "online"},
}

// Valid reports whether m is one of the two modes.
func (m Mode) Valid() bool { return modes.valid(m) }

// Label returns the Chinese label, e.g. 现场服务"一次一评".
func (m Mode) Label() string { return modes.label(m) }

// String returns the stable text code, "on_site" or "online".
func (m Mode) String() string { return modes.String(m) }

// MarshalText encodes m as its stable text code: "on_site" or "online".
func (m Mode) MarshalText() ([]byte, error) { return modes.marshal(m) }

// UnmarshalText decodes a text code written by [Mode.MarshalText] or a Chinese label.
func (m *Mode) UnmarshalText(b []byte) error { return modes.unmarshal(b, m) }

// UnmarshalJSON decodes a JSON string as UnmarshalText does, and refuses JSON numbers.
func (m *Mode) UnmarshalJSON(b []byte) error { return modes.unmarshalJSON(b, m) }

// Channel is the channel a rating came through (评价渠道).
type Channel uint8

// The channels of the measures (第五条: 现场评价仪, 二维码, 广西政务APP) and of the national
// push interface (field pf, GB/T 39046-2020 表9).
// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	ChannelPC            Channel = iota + 1 // PC端 (广西数字政务一体化平台 and other web portals)
	ChannelMobile                           // 移动端 (移动服务端; 小程序)
	ChannelQRCode                           // 二维码
	ChannelDevice                           // 现场评价仪: the hall's rating device (政务大厅平板电脑（评价器）)
	ChannelKiosk                            // 政务大厅其他终端（自助终端）
	ChannelPhone                            // 电话 (12345 热线)
	ChannelSMS                              // 短信
	ChannelGuangxiApp                       // 广西政务APP, a mobile channel (pf 2)
	ChannelSystemDefault                    // 系统默认评价: a rating the system gave by default (Zhejiang pf 7)
)

var channels = enum[Channel]{
	kind: "channel",
	labels: []string{"", "PC端", "移动端", "二维码", "现场评价仪", "自助终端", "电话", "短信",
		"广西政务APP", "系统默认评价"},
	text: []string{"", "pc", "mobile", "qr_code", "device", "kiosk", "phone", "sms",
		"guangxi_app", "system_default"},
}

// Channels returns every channel.
func Channels() []Channel { return channels.values() }

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return channels.valid(c) }

// Label returns the Chinese label, e.g. "现场评价仪".
func (c Channel) Label() string { return channels.label(c) }

// String returns the stable text code, e.g. "device".
func (c Channel) String() string { return channels.String(c) }

// MarshalText encodes c as its stable text code, e.g. "device".
func (c Channel) MarshalText() ([]byte, error) { return channels.marshal(c) }

// UnmarshalText decodes a text code written by [Channel.MarshalText] or a Chinese label.
func (c *Channel) UnmarshalText(b []byte) error { return channels.unmarshal(b, c) }

// UnmarshalJSON decodes a JSON string as UnmarshalText does, and refuses JSON numbers.
func (c *Channel) UnmarshalJSON(b []byte) error { return channels.unmarshalJSON(b, c) }

// Mode returns how a rating through c is given, under the default [ModeRules]: the hall's
// device, QR code and kiosk rate on site, once per visit; the others rate online, once per
// matter. The system's default rating counts as online. It returns 0 for an invalid channel.
func (c Channel) Mode() Mode { return ModeRules{}.Mode(c) }

// ModeRules decide how a channel's ratings count where the measures are silent. 第二条 names
// the two modes (现场服务"一次一评", 网上服务"一事一评") and 第五条 the channels (现场评价仪、
// 二维码、广西政务APP), but no article says which mode a QR code is. The zero value is the
// library's default.
type ModeRules struct {
	// QRCodeOnline counts a rating by QR code as online, once per matter. Not in the
	// measures. The default, false, counts it as on site, once per visit, because service
	// halls post the codes at their windows and applicants scan them during the visit; a
	// county whose codes lead to an online matter's page sets it.
	QRCodeOnline bool
}

// Mode returns how a rating through c is given under r; 0 for an invalid channel.
func (r ModeRules) Mode(c Channel) Mode {
	switch c {
	case ChannelQRCode:
		if r.QRCodeOnline {
			return ModeOnline
		}
		return ModeOnSite
	case ChannelDevice, ChannelKiosk:
		return ModeOnSite
	case ChannelPC, ChannelMobile, ChannelPhone, ChannelSMS, ChannelGuangxiApp, ChannelSystemDefault:
		return ModeOnline
	}
	return 0
}

// PFVariant names one of the two variants of the push interface's channel codes (field pf).
// They agree on 1 to 5 and differ on 6 and 7, so the caller chooses explicitly; the zero
// value names no variant.
type PFVariant uint8

const (
	// PFCommon is the variant most provinces use: 6 电话, 7 短信.
	PFCommon PFVariant = iota + 1
	// PFZhejiang is Zhejiang's variant: 6 短信, 7 系统默认评价.
	PFZhejiang
)

// String names the variant.
func (v PFVariant) String() string {
	switch v {
	case PFCommon:
		return "common pf codes"
	case PFZhejiang:
		return "Zhejiang pf codes"
	}
	return fmt.Sprintf("PFVariant(%d)", uint8(v))
}

// pfCodes lists, per variant, the channel of each pf code 1 to 7.
var pfCodes = map[PFVariant][8]Channel{
	PFCommon:   {0, ChannelPC, ChannelMobile, ChannelQRCode, ChannelDevice, ChannelKiosk, ChannelPhone, ChannelSMS},
	PFZhejiang: {0, ChannelPC, ChannelMobile, ChannelQRCode, ChannelDevice, ChannelKiosk, ChannelSMS, ChannelSystemDefault},
}

func (v PFVariant) table() ([8]Channel, error) {
	t, ok := pfCodes[v]
	if !ok {
		return t, &FieldError{Field: "pf variant", Value: fmt.Sprint(uint8(v)), Err: ErrUnknownCode,
			Detail: "choose PFCommon or PFZhejiang"}
	}
	return t, nil
}

// Channel returns the channel that pf code stands for in variant v.
func (v PFVariant) Channel(code int) (Channel, error) {
	t, err := v.table()
	if err != nil {
		return 0, err
	}
	if code < 1 || code >= len(t) {
		return 0, &FieldError{Field: "pf", Value: excerpt(fmt.Sprint(code)), Err: ErrUnknownCode,
			Detail: fmt.Sprintf("%s run from 1 to 7", v)}
	}
	return t[code], nil
}

// Code returns the pf code of channel c in variant v. 广西政务APP reports as 移动端 (2).
// A channel the variant has no code for (电话 in Zhejiang's, 系统默认评价 in the common
// one) returns a *FieldError wrapping ErrUnknownCode.
func (v PFVariant) Code(c Channel) (int, error) {
	t, err := v.table()
	if err != nil {
		return 0, err
	}
	if c == ChannelGuangxiApp {
		c = ChannelMobile
	}
	for code := 1; code < len(t); code++ {
		if t[code] == c {
			return code, nil
		}
	}
	return 0, &FieldError{Field: "channel", Value: c.String(), Err: ErrUnknownCode,
		Detail: "no pf code in " + v.String()}
}
