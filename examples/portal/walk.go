package main

import (
	"fmt"
	"net/url"
	"time"

	"github.com/haochaping/haochaping"
)

// DemoPush is a bad review as the national interface pushes it: matter number, rated at
// time t (written in Beijing time, as the interface does), 2 = 不满意, 测评内容 214 服务态度生硬,
// by a named reviewer, at the tax bureau.
func DemoPush(matter string, t time.Time) []byte {
	return fmt.Appendf(nil, `{"projectNo":%q,"assessNumber":1,"pf":"4","satisfaction":"2","evalDetail":"214",`+
		`"assessTime":%q,"userName":"张三丰","mobile":"13812345678","proDepart":"融安县税务局","proDepartCode":"tax-bureau",`+
		`"taskName":"个人所得税汇算清缴"}`, matter, t.In(haochaping.Location()).Format("2006-01-02 15:04:05"))
}

// DemoRating is a good rating (5 = 非常满意) of matter at time t: it goes to the ledger and
// opens no case.
func DemoRating(matter string, t time.Time) []byte {
	return fmt.Appendf(nil, `{"projectNo":%q,"assessNumber":1,"pf":"1","satisfaction":"5",`+
		`"assessTime":%q,"proDepart":"融安县税务局","proDepartCode":"tax-bureau"}`, matter, t.In(haochaping.Location()).Format("2006-01-02 15:04:05"))
}

// WalkStep is one step of a case, as a person takes it in the portal: who, which step,
// and what they type into its form (field names as package stepform names them).
type WalkStep struct {
	User  string
	Event string
	Form  url.Values
}

// DemoWalk takes a system-pushed bad review from registration to the archive (Annex 3):
// registered and reported to the leader the same day (第五条), called back and found
// justified (第六条), transferred to the tax window, a meeting held and the report sent in
// (第五条), verified by the office and reviewed by the leader (第七条), the reviewer called back
// and satisfied (第八条), reported to the city office and archived.
var DemoWalk = []WalkStep{
	{"wang", "register", url.Values{"responsibleWindow": {"w-tax"}, "reportedTo": {"leader", "window_head"}}},
	{"wang", "callback", url.Values{"outcome": {"评价人反映窗口人员态度生硬"}, "reason": {"态度生硬"}, "materials": {"评价器视频\n通话录音"}}},
	{"wang", "transfer", url.Values{}},
	{"qian", "meeting", url.Values{"responsiblePerson": {"钱七"}, "measures": {"开展服务礼仪培训"}, "attendees": {"孙八\n钱七"}}},
	{"sun", "report", url.Values{"investigator": {"孙八"}, "subject": {"钱七"}, "investigation": {"调取评价器视频，情况属实"},
		"measures": {"开展服务礼仪培训"}, "finding.verdict": {"justified"},
		"finding.causes.0.dimension": {"attitude"}, "finding.causes.0.responsiblePerson": {"钱七"}}},
	{"wang", "verify", url.Values{"result": {"整改已落实"}}},
	{"zhao", "leader_review", url.Values{"opinion": {"同意，报市督查科"}}},
	{"wang", "recall", url.Values{"outcome": {"评价人对整改结果满意"}}},
	{"wang", "submit_city", url.Values{}},
	{"wang", "archive", url.Values{}},
}
