package haochaping_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
)

// The national list: 40 options in use, eight per star level, and 33 retired; the first
// digit of each code is its star level (push interface code).
func TestNationalOptionList(t *testing.T) {
	l := hcp.NationalOptions()
	assert.Equal(t, "national", l.ID())
	assert.Equal(t, "2020-05", l.Version())
	assert.False(t, l.BadOnly(), "the list offers options with every level")
	inUse := map[hcp.Level]int{}
	retired := 0
	for _, o := range l.Options() {
		star, err := strconv.Atoi(o.Code[:1])
		require.NoError(t, err)
		want, err := hcp.InterfaceCodes.Level(star)
		require.NoError(t, err)
		assert.Equal(t, want, o.Level, "code %s: its first digit is its star level", o.Code)
		assert.Zero(t, o.Dimension, "code %s: the list does not sort by Annex 1's dimensions", o.Code)
		if o.Retired {
			retired++
		} else {
			inUse[o.Level]++
		}
	}
	assert.Equal(t, 33, retired)
	for _, lv := range hcp.Levels() {
		assert.Equal(t, 8, inUse[lv], "%s: eight options in use", lv.Label())
	}
	for code, label := range map[string]string{"510": "一窗受理一次办结", "209": "未在承诺时间内办结",
		"213": "窗口人员业务不熟练", "115": "服务态度差效率低", "314": "服务态度一般", "107": "在办事指南列明的审批条件之外附加新的审批条件"} {
		o, err := l.Lookup(code)
		require.NoError(t, err)
		assert.Equal(t, label, o.Label)
	}
}

// 第十条 and 附件1: every bad national code, in use and retired, and what it means in Annex 1.
// "other" stands for 其他. The table is written from the two lists' texts, apart from the
// data file, so that a change to either shows here.
func TestCrosswalkEveryNationalCode_附件1(t *testing.T) {
	want := map[string]string{
		// 2★ in use
		"207": "2.2", "208": "1.1,2.2", "209": "3.5", "210": "2.3", "211": "2.6", "212": "3.3", "213": "3.4", "214": "1.3",
		// 1★ in use
		"108": "2.8", "109": "2.2,2.8", "110": "3.5", "111": "2.2", "112": "2.6", "113": "2.5", "114": "2.5", "115": "1.3,3.4",
		// 2★ retired
		"201": "2.2", "202": "1.1,2.2", "203": "2.3", "204": "2.5", "205": "4.5", "206": "3.3",
		// 1★ retired
		"101": "2.2,2.8", "102": "2.6", "103": "3.5", "104": "2.1", "105": "2.5", "106": "2.1,2.3", "107": "2.8",
	}
	x := hcp.NationalToAnnex1()
	assert.Len(t, x.Entries(), len(want), "one entry per bad national code")
	for _, o := range hcp.NationalOptions().Options() {
		e, err := x.Entry(o.Code)
		if !o.Level.IsBad() {
			assert.ErrorIs(t, err, hcp.ErrUnknownCode, "good option %s means nothing to Annex 1", o.Code)
			continue
		}
		require.NoError(t, err, o.Code)
		var got []string
		for _, to := range e.To {
			assert.Equal(t, "rongan-2021-annex1", to.List)
			got = append(got, to.Code)
		}
		if e.Other {
			got = append(got, "other")
			assert.NotEmpty(t, e.Note, "%s means 其他: the reason is given", o.Code)
		}
		assert.Equal(t, want[o.Code], strings.Join(got, ","), "national %s %s", o.Code, o.Label)
	}
}

// Where the national list and Annex 1 say the same thing in the same words, the crosswalk
// maps one to the other.
func TestCrosswalkMapsIdenticalLabels(t *testing.T) {
	x := hcp.NationalToAnnex1()
	for _, e := range x.Entries() {
		for _, a := range hcp.Annex1().Options() {
			if a.Label == e.From.Label {
				assert.Contains(t, e.To, a, "national %s and Annex 1 %s say the same", e.From.Code, a.Code)
			}
		}
	}
}

func TestClassifyDerivesTheComplaintAndFlagsConflicts(t *testing.T) {
	x := hcp.NationalToAnnex1()
	n := func(code string) hcp.Option {
		o, err := hcp.NationalOptions().Lookup(code)
		require.NoError(t, err)
		return o
	}
	c, err := x.Classify(hcp.VeryDissatisfied, []hcp.Option{n("115"), n("214"), n("113"), n("510")})
	require.NoError(t, err)
	assert.Equal(t, "national-rongan-2021", c.Crosswalk)
	assert.Equal(t, []hcp.Option{opt(t, "1.3"), opt(t, "2.5"), opt(t, "3.4")}, c.Options, "each once, in Annex 1's order")
	assert.Equal(t, []hcp.Option{n("214"), n("510")}, c.Conflicts, "a 2★ and a 5★ option in a 1★ rating")
	assert.Equal(t, []hcp.Dimension{hcp.DimensionAttitude, hcp.DimensionQuality, hcp.DimensionEfficiency}, c.Dimensions())
	assert.Equal(t, "服务态度：1.3 工作人员服务态度生硬；服务质量：2.5 多头跑窗口和部门，跑动次数与承诺的不一致；服务效率：3.4 工作人员业务不熟练", c.Label())

	c, err = x.Classify(hcp.Satisfied, []hcp.Option{opt(t, "1.1")})
	require.NoError(t, err)
	assert.Equal(t, []hcp.Option{opt(t, "1.1")}, c.Options, "an Annex 1 option means itself")
	assert.Equal(t, []hcp.Option{opt(t, "1.1")}, c.Conflicts, "a bad-review option in a good rating")

	_, err = x.Classify(hcp.Dissatisfied, []hcp.Option{{List: "elsewhere", Code: "1"}})
	assert.ErrorIs(t, err, hcp.ErrUnknownCode)
	tampered := n("209")
	tampered.Label = "改过的"
	_, err = x.Classify(hcp.Dissatisfied, []hcp.Option{tampered})
	assert.ErrorIs(t, err, hcp.ErrUnknownCode, "an option must be its list's")
}

// A county loads its own crosswalk; a code may mean 其他, with the reason.
func TestParseCrosswalkOfACounty(t *testing.T) {
	from, err := hcp.ParseOptionList([]byte("@list\tcity\n@source\tx\n1\t-\t叫号机坏了\tstars=1\n2\t-\t慢\tstars=2\n3\t-\t好\tstars=5\n"))
	require.NoError(t, err)
	x, err := hcp.ParseCrosswalk([]byte("@crosswalk\tcity-annex1\n@source\t县政管办\n@from\tcity\n@to\trongan-2021-annex1\n"+
		"1\tother,4.5\t叫号机故障附件1未列\n2\t3.3\n"), from, hcp.Annex1())
	require.NoError(t, err)
	one, _ := from.Lookup("1")
	c, err := x.Classify(hcp.VeryDissatisfied, []hcp.Option{one})
	require.NoError(t, err)
	assert.Equal(t, []hcp.Option{one}, c.Other)
	assert.Equal(t, []hcp.Option{opt(t, "4.5")}, c.Options)
	assert.Equal(t, []hcp.Dimension{hcp.DimensionEnvironment, hcp.DimensionOther}, c.Dimensions())
	assert.Equal(t, "服务环境：4.5 服务设施设备不便民；其他：1 叫号机坏了", c.Label())
}

func TestParseCrosswalkRefusesWhatItCannotRead(t *testing.T) {
	from, err := hcp.ParseOptionList([]byte("@list\tcity\n@source\tx\n1\t-\t坏\tstars=1\n2\t-\t慢\tstars=2\n3\t-\t好\tstars=5\n"))
	require.NoError(t, err)
	head := "@crosswalk\tc\n@source\ts\n@from\tcity\n@to\trongan-2021-annex1\n"
	cases := map[string]struct{ data, want string }{
		"no header":       {"1\t1.1\n2\t1.1\n", "@crosswalk, @source, @from and @to are required"},
		"wrong lists":     {strings.Replace(head, "@from\tcity", "@from\tnational", 1) + "1\t1.1\n2\t1.1\n", "written from national to rongan-2021-annex1, given lists city and"},
		"unmapped":        {head + "1\t1.1\n", "bad options of city not mapped: 2"},
		"good mapped":     {head + "1\t1.1\n2\t1.1\n3\t1.1\n", "line 7: code 3 is a 非常满意 option: only bad options are classified"},
		"unknown code":    {head + "1\t1.1\n2\t1.1\n9\t1.1\n", `line 7: code "9" is not in list city`},
		"unknown target":  {head + "1\t9.9\n2\t1.1\n", `line 5: target "9.9" is not in list rongan-2021-annex1`},
		"target twice":    {head + "1\t1.1,1.1\n2\t1.1\n", "line 5: target 1.1 appears twice"},
		"other no reason": {head + "1\tother\n2\t1.1\n", "line 5: a code that means 其他 needs the reason as its note"},
		"twice":           {head + "1\t1.1\n1\t1.2\n2\t1.1\n", `line 6: code "1" appears twice`},
		"fields":          {head + "1\n2\t1.1\n", "line 5: want a code, its targets and an optional note"},
		"header value":    {"@crosswalk\n" + head + "1\t1.1\n2\t1.1\n", "line 1: @crosswalk takes one value"},
		"control":         {head + "1\t1.1\tx\u202e\n2\t1.1\n", "line 5: a control or format character in the note"},
		"too large":       {strings.Repeat("#", 1<<20+1), "the limit is 1048576"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := hcp.ParseCrosswalk([]byte(tc.data), from, hcp.Annex1())
			assert.ErrorContains(t, err, tc.want)
		})
	}
	_, err = hcp.ParseCrosswalk([]byte(head), nil, hcp.Annex1())
	assert.ErrorContains(t, err, "both option lists are required")
}

func TestParseOptionListAttributes(t *testing.T) {
	l, err := hcp.ParseOptionList([]byte("@list\tn\n@source\tx\n@version\t2022\n209\t-\t未在承诺时间内办结\tstars=2\n101\tattitude\t旧\tstars=1\tretired\n"))
	require.NoError(t, err)
	assert.Equal(t, "2022", l.Version())
	o, err := l.Lookup("101")
	require.NoError(t, err)
	assert.Equal(t, hcp.Option{List: "n", Code: "101", Dimension: hcp.DimensionAttitude, Label: "旧", Level: hcp.VeryDissatisfied, Retired: true}, o)
	for data, want := range map[string]string{
		"@list\tn\n@source\tx\n1\t-\ta\tstars=6\n":            "line 3: stars=6: want 1 to 5",
		"@list\tn\n@source\tx\n1\t-\ta\tshiny\n":              `line 3: attribute "shiny": want stars=N or retired`,
		"@list\tn\n@source\tx\n1\t-\ta\u2028b\n":              "line 3: a control or format character in a code or a label",
		"@list\tn\n@source\tx\n" + strings.Repeat("#", 1<<20): "the limit is 1048576",
	} {
		_, err := hcp.ParseOptionList([]byte(data))
		assert.ErrorContains(t, err, want)
	}
}

func FuzzParseCrosswalk(f *testing.F) {
	f.Add([]byte("@crosswalk\tc\n@source\ts\n@from\tnational\n@to\trongan-2021-annex1\n209\t3.5\n115\t1.3,3.4\tnote\n213\tother\treason\n"))
	f.Add([]byte("@crosswalk\n\t\t\n#\n1\t\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := hcp.ParseCrosswalk(data, hcp.NationalOptions(), hcp.Annex1())
		if err != nil {
			return
		}
		// An accepted crosswalk maps every bad national option, to options of Annex 1.
		for _, o := range hcp.NationalOptions().Options() {
			e, err := x.Entry(o.Code)
			if o.Level.IsBad() != (err == nil) {
				t.Fatalf("option %s: bad %v, mapped %v", o.Code, o.Level.IsBad(), err == nil)
			}
			for _, to := range e.To {
				if !hcp.Annex1().Contains(to) {
					t.Fatalf("target %v is not Annex 1's", to)
				}
			}
			if err == nil && len(e.To) == 0 && !e.Other {
				t.Fatalf("option %s maps to nothing", o.Code)
			}
		}
	})
}
