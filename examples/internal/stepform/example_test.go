package stepform_test

import (
	"fmt"
	"net/url"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/examples/internal/stepform"
)

// The meeting's form: its fields, then the JSON of a form as a browser sends it, which
// DecodeStep takes.
func ExampleJSON() {
	st, _ := caseflow.StepTypeOf(caseflow.EventMeeting)
	fields, err := stepform.Fields(st.Schema(), nil, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range fields {
		fmt.Println(f.Name, f.Kind, f.Label, f.Required)
	}

	form := url.Values{
		"csrf":              {"3f9a0c"},
		"responsiblePerson": {" 李四 "},
		"measures":          {"对当班人员批评教育\r\n\r\n开展服务礼仪培训\r\n"},
		"attendees":         {""},
	}
	data, err := stepform.JSON(st.Schema(), form, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(data))
	step, err := caseflow.DecodeStep(caseflow.EventMeeting, data)
	fmt.Println(step.Event(), err)
	// Output:
	// attendees lines 参会人员 false
	// measures lines 整改措施 true
	// responsiblePerson text 责任人 true
	// {"measures":["对当班人员批评教育","开展服务礼仪培训"],"responsiblePerson":"李四"}
	// meeting <nil>
}
