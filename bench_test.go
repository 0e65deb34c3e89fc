package haochaping_test

import (
	"testing"

	hcp "github.com/haochaping/haochaping"
)

// benchRecord is a bad review of the national interface with the option codes given.
func benchRecord(codes string) []byte {
	return []byte(`{"projectNo":"450224-2026-000123","taskCode":"T1","taskName":"不动产登记","proDepart":"县自然资源局",
		"proManager":"李四","pf":"4","satisfaction":"2","evalDetail":"` + codes + `","writingEvaluation":"材料要跑两次",
		"assessTime":"2026-11-20 10:15:00","assessNumber":1,"userName":"张三丰","userProp":1,"areaCode":"450224"}`)
}

// BenchmarkDecodePushed decodes one pushed record: with Annex 1's codes (as before the
// national list) and with national codes, classified through the crosswalk.
func BenchmarkDecodePushed(b *testing.B) {
	for _, bc := range []struct{ name, codes string }{{"annex1", "1.1,3.3"}, {"national", "209,213,510"}} {
		body := benchRecord(bc.codes)
		f := hcp.NationalPush() // a portal builds its format once
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := hcp.DecodePushed(body, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
