package haochaping_test

import (
	"encoding/hex"
	"fmt"

	"github.com/haochaping/haochaping"
)

// A national push: national option codes, classified in Annex 1's terms; the reviewer's
// phone arrives encrypted and is decrypted by the caller's Decrypter (here hex stands in
// for the platform's SM4).
func ExampleDecodePushed_national() {
	body := []byte(`{"projectNo":"450224-2026-000123","assessNumber":1,"pf":"4","satisfaction":"2",
		"evalDetail":"209,510","assessTime":"2026-11-20 10:15:00","userName":"张三丰","mobile":"3133383132333435363738"}`)
	f := haochaping.NationalPush()
	f.Decrypter = haochaping.DecryptFunc(func(field, value string) (string, error) {
		b, err := hex.DecodeString(value)
		return string(b), err
	})
	r, err := haochaping.DecodePushed(body, f)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.IsBad(), r.Callable(), r.Reviewer)
	fmt.Println(r.Classification.Label())
	for _, o := range r.Classification.Conflicts {
		fmt.Printf("conflict: %s (%s)\n", o, o.Level.Label())
	}
	// Output:
	// true true 张** 138****5678
	// 服务效率：3.5 未在承诺时限内办结
	// conflict: 510 一窗受理一次办结 (非常满意)
}

// Without a Decrypter the encrypted fields are left unread: the review has no callable
// number, and says why.
func ExampleReview_Callable() {
	body := []byte(`{"projectNo":"P","assessNumber":1,"pf":4,"satisfaction":1,"assessTime":"2026-11-20 10:15:00",
		"userName":"张三丰","mobile":"3133383132333435363738"}`)
	r, _ := haochaping.DecodePushed(body, haochaping.NationalPush())
	fmt.Println(r.Callable(), r.Encrypted)
	// Output:
	// false [mobile]
}

func ExampleNationalToAnnex1() {
	x := haochaping.NationalToAnnex1()
	e, _ := x.Entry("115")
	fmt.Println(e.From, "→", e.To)
	fmt.Println(e.Note)
	// Output:
	// 115 服务态度差效率低 → [1.3 工作人员服务态度生硬 3.4 工作人员业务不熟练]
	// 判断：一项选项指两个维度。态度差对应1.3；“效率低”在附件1无同名选项，取与窗口人员相关的效率选项3.4
}

// A vendor declares its own layout in JSON, starting from a preset.
func ExampleParsePushFormat() {
	f, err := haochaping.ParsePushFormat([]byte(`{
		"name": "xx-vendor", "base": "national",
		"fields": {"matterNumber": ["bjbh"], "reviewerPhone": ["sjhm"]},
		"encrypted": ["sjhm"], "defaults": {"ratingNumber": "1"}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := haochaping.DecodePushed([]byte(`{"bjbh":"P-1","pf":2,"satisfaction":2,"evalDetail":"213",
		"assessTime":"2026-11-20 10:15:00"}`), f)
	fmt.Println(r.ID, r.Classification.Label(), err)
	_, err = haochaping.DecodePushed([]byte(`{"pf":2,"satisfaction":2,"assessTime":"2026-11-20 10:15:00"}`), f)
	fmt.Println(err)
	// Output:
	// P-1#1#20261120T101500 服务效率：3.4 工作人员业务不熟练 <nil>
	// haochaping: bjbh "": required
}

// A 1★ rating with options of three star levels: what they mean in Annex 1, and which
// disagree with the level.
func ExampleCrosswalk_Classify() {
	var opts []haochaping.Option
	for _, code := range []string{"113", "214", "510"} {
		o, _ := haochaping.NationalOptions().Lookup(code)
		opts = append(opts, o)
	}
	c, err := haochaping.NationalToAnnex1().Classify(haochaping.VeryDissatisfied, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Label())
	for _, o := range c.Conflicts {
		fmt.Printf("与评价等级不符：%s（%s）\n", o, o.Level.Label())
	}
	// Output:
	// 服务态度：1.3 工作人员服务态度生硬；服务质量：2.5 多头跑窗口和部门，跑动次数与承诺的不一致
	// 与评价等级不符：214 服务态度生硬（不满意）
	// 与评价等级不符：510 一窗受理一次办结（非常满意）
}
