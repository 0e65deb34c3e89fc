package haochaping_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

// annex1 is Annex 1 of the measures as printed, typo 时冋长 fixed (GLOSSARY.md).
var annex1 = []struct {
	code  string
	dim   hcp.Dimension
	label string
}{
	{"1.1", hcp.DimensionAttitude, "不一次性告知"},
	{"1.2", hcp.DimensionAttitude, "工作人员推诿扯皮"},
	{"1.3", hcp.DimensionAttitude, "工作人员服务态度生硬"},
	{"2.1", hcp.DimensionQuality, "不能跑一个大厅办完"},
	{"2.2", hcp.DimensionQuality, "服务指南看不懂、有错误、无样本、少清单"},
	{"2.3", hcp.DimensionQuality, "申请材料繁琐，同样材料多次提交"},
	{"2.4", hcp.DimensionQuality, "办事环节繁多、程序复杂"},
	{"2.5", hcp.DimensionQuality, "多头跑窗口和部门，跑动次数与承诺的不一致"},
	{"2.6", hcp.DimensionQuality, "承诺网办但无法在线办理"},
	{"2.7", hcp.DimensionQuality, "服务收费不透明不合理"},
	{"2.8", hcp.DimensionQuality, "在办事指南之外增加新的审批条件"},
	{"3.1", hcp.DimensionEfficiency, "咨询不方便、回复不及时"},
	{"3.2", hcp.DimensionEfficiency, "网上申请不便捷"},
	{"3.3", hcp.DimensionEfficiency, "排队等候时间长、重复取号排队"},
	{"3.4", hcp.DimensionEfficiency, "工作人员业务不熟练"},
	{"3.5", hcp.DimensionEfficiency, "未在承诺时限内办结"},
	{"4.1", hcp.DimensionEnvironment, "服务导询不到位"},
	{"4.2", hcp.DimensionEnvironment, "服务标识不清晰"},
	{"4.3", hcp.DimensionEnvironment, "窗口分区不合理"},
	{"4.4", hcp.DimensionEnvironment, "服务网络（系统）不稳定"},
	{"4.5", hcp.DimensionEnvironment, "服务设施设备不便民"},
}

// 附件1: five dimensions, 21 checkable options, 其他 free text.
func TestAnnex1EveryOptionLabel_附件1(t *testing.T) {
	opts := hcp.Options()
	require.Len(t, opts, 21)
	for i, want := range annex1 {
		got := opts[i]
		assert.Equal(t, "rongan-2021-annex1", got.List)
		assert.Equal(t, want.code, got.Code, "option %d", i)
		assert.Equal(t, want.dim, got.Dimension, want.code)
		assert.Equal(t, want.label, got.Label, want.code)
		looked, err := hcp.LookupOption(want.code)
		require.NoError(t, err)
		assert.Equal(t, got, looked)
		assert.True(t, hcp.Annex1().Contains(got))
	}
	for _, o := range opts {
		assert.NotContains(t, o.Label, "冋", "typo fixed")
		assert.NotEqual(t, hcp.DimensionOther, o.Dimension, "其他 is free text, not an option")
	}
	assert.True(t, hcp.Annex1().BadOnly())
	assert.Contains(t, hcp.Annex1().Source(), "融政监管字〔2021〕2号")
	assert.Equal(t, "1.1 不一次性告知", opts[0].String())
}

func TestAnnex1OptionsReturnsACopy(t *testing.T) {
	opts := hcp.Options()
	opts[0].Label = "changed"
	assert.Equal(t, "不一次性告知", hcp.Options()[0].Label)
}

func TestDimensions_附件1(t *testing.T) {
	want := []string{"服务态度", "服务质量", "服务效率", "服务环境", "其他"}
	for i, d := range hcp.Dimensions() {
		assert.Equal(t, want[i], d.Label())
		assert.True(t, d.Valid())
	}
	assertJSONRoundTrip(t, hcp.Dimensions()...)
	var d hcp.Dimension
	assert.ErrorIs(t, d.UnmarshalText([]byte("mood")), hcp.ErrUnknownCode)
	_, err := hcp.Dimension(0).MarshalText()
	assert.Error(t, err)
}

func TestLookupOptionUnknown(t *testing.T) {
	for _, code := range []string{"", "5.1", "1.4", "207", " 1.1"} {
		_, err := hcp.LookupOption(code)
		assert.ErrorIs(t, err, hcp.ErrUnknownCode, "%q", code)
		assert.ErrorContains(t, err, "rongan-2021-annex1")
	}
}

func TestOptionListContainsNeedsSameList(t *testing.T) {
	o, err := hcp.LookupOption("1.1")
	require.NoError(t, err)
	o.List = "national-2023"
	assert.False(t, hcp.Annex1().Contains(o), "same code, other list")
	o, _ = hcp.LookupOption("1.1")
	o.Label = "不一次告知"
	assert.False(t, hcp.Annex1().Contains(o), "same code, other label")
}

// A county can load the national option list instead of Annex 1 (codes.md: 207–214 …).
func TestParseOptionListNational(t *testing.T) {
	l, err := hcp.ParseOptionList([]byte("# national\r\n@list\tnational-v2\n@source\t全国一体化平台\n207\tattitude\t态度不好\r\n108\t服务效率\t办理慢\n"))
	require.NoError(t, err)
	assert.Equal(t, "national-v2", l.ID())
	assert.False(t, l.BadOnly())
	o, err := l.Lookup("108")
	require.NoError(t, err)
	assert.Equal(t, hcp.Option{List: "national-v2", Code: "108", Dimension: hcp.DimensionEfficiency, Label: "办理慢"}, o)
	assert.Len(t, l.Options(), 2)
}

func TestParseOptionListErrorsNameTheLine(t *testing.T) {
	cases := map[string]struct{ data, want string }{
		"missing header":  {"1\tattitude\tx\n", "@list and @source are required"},
		"no options":      {"@list\ta\n@source\tb\n", "no options"},
		"fields":          {"@list\ta\n@source\tb\n1 attitude x\n", "line 3: want code, dimension and label"},
		"dimension":       {"@list\ta\n@source\tb\n1\tmood\tx\n", `line 3: dimension "mood"`},
		"duplicate":       {"@list\ta\n@source\tb\n1\tattitude\tx\n1\tquality\ty\n", `line 4: code "1" appears twice`},
		"empty label":     {"@list\ta\n@source\tb\n1\tattitude\t \n", "line 3: empty code or label"},
		"header no value": {"@list\n@source\tb\n1\tattitude\tx\n", "line 1: @list takes one value"},
		"long line":       {"@list\ta\n@source\tb\n" + strings.Repeat("x", 70000), "token too long"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := hcp.ParseOptionList([]byte(tc.data))
			assert.ErrorContains(t, err, tc.want)
		})
	}
}

func FuzzParseOptionList(f *testing.F) {
	f.Add([]byte("@list\ta\n@source\tb\n@bad-only\n1.1\tattitude\t不一次性告知\n"))
	f.Add([]byte("@list\ta\n1\tmood\t\n\t\t\n#x"))
	f.Add([]byte("@list\tn\n@source\tx\n@version\t2022\n209\t-\t未在承诺时间内办结\tstars=2\n101\tattitude\t旧\tstars=1\tretired\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := hcp.ParseOptionList(data)
		if err != nil {
			return
		}
		for _, o := range l.Options() {
			got, err := l.Lookup(o.Code)
			if err != nil || got != o || !l.Contains(o) || o.List != l.ID() || (o.Dimension != 0 && !o.Dimension.Valid()) ||
				(o.Level != 0 && !o.Level.Valid()) || hcp.HasControl(o.Code+o.Label) {
				t.Fatalf("option %+v does not look itself up: %v", o, err)
			}
		}
	})
}
