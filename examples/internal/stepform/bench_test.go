package stepform

import (
	"net/url"
	"testing"

	"github.com/haochaping/haochaping/caseflow"
)

// BenchmarkJSON turns a report's form, two causes and a few lines filled in, into JSON.
func BenchmarkJSON(b *testing.B) {
	schema := schemaOf(b, caseflow.EventReport)
	form := url.Values{
		"csrf":                               {"3f9a0c"},
		"investigator":                       {"张三"},
		"subject":                            {"县税务局窗口 李四"},
		"subjectPhone":                       {"13800000000"},
		"reception":                          {"窗口工作人员接待时语气生硬\r\n未一次性告知所需材料"},
		"investigation":                      {"调取窗口监控录像\r\n询问当班工作人员\r\n电话联系评价人核实"},
		"measures":                           {"对当班人员批评教育\r\n开展服务礼仪培训\r\n完善一次性告知单"},
		"disclosure":                         {"not"},
		"finding.verdict":                    {"justified"},
		"finding.causes.0.dimension":         {"attitude"},
		"finding.causes.0.responsiblePerson": {"李四"},
		"finding.causes.0.description":       {"接待时语气生硬"},
		"finding.causes.1.dimension":         {"efficiency"},
		"finding.causes.1.description":       {"未一次性告知"},
		"finding.causes.2.dimension":         {""},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := JSON(schema, form, testWindow); err != nil {
			b.Fatal(err)
		}
	}
}
