package caseflowtest

import (
	"strconv"
	"sync/atomic"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// serial numbers the reviews and complaints the kit builds, so that each has its own ID.
var serial atomic.Int64

// newID returns prefix followed by a number no other call returned.
func newID(prefix string) string { return prefix + strconv.FormatInt(serial.Add(1), 10) }

// rated is when the kit's reviews were rated and its complaints made: ten minutes before Start.
func rated() time.Time { return Start().Add(-10 * time.Minute) }

// Review returns a valid bad review (差评) of the kit's [Window], rated 不满意 ten minutes
// before [Start] on the rating device, by a reviewer who gave a (fake) mobile number, with an
// ID no other call returns. Change what the test needs: Level to haochaping.VeryDissatisfied,
// Time when the clock runs before Start, Reviewer.Phone to "" for a reviewer who left no
// number, whom the office investigates instead of calling (第六条).
func Review() haochaping.Review {
	opt, err := haochaping.LookupOption("1.3") // Annex 1: 工作人员服务态度生硬
	if err != nil {
		panic("caseflowtest: " + err.Error()) // the embedded Annex 1 lost an option
	}
	return haochaping.Review{
		ID: newID("kit-review-"), MatterNumber: "450224-2026-000123", ServiceItem: "个人所得税申报",
		Level: haochaping.Dissatisfied, Options: []haochaping.Option{opt}, Channel: haochaping.ChannelDevice,
		Time: rated(), Window: Window().ID, Department: "融安县税务局", Staff: WindowStaff().Name, AreaCode: "450224",
		Reviewer: haochaping.Reviewer{Name: "张晓明", Gender: haochaping.Male, Phone: "13800001234",
			Kind: haochaping.NaturalPerson},
	}
}

// AnonymousReview returns a [Review] rated anonymously, naming no reviewer: there is no
// number to call, and the office investigates the matter instead (第六条).
func AnonymousReview() haochaping.Review {
	r := Review()
	r.Anonymous, r.Reviewer = true, haochaping.Reviewer{}
	return r
}

// Complaint returns a valid on-site complaint (现场投诉) about the kit's [Window], made at the
// [County] centre ten minutes before [Start] by a complainant who gave a (fake) mobile number,
// with an ID no other call returns. The office opens it ([Clerk]).
func Complaint() caseflow.Complaint {
	return caseflow.Complaint{
		ID:          newID("kit-complaint-"),
		Complainant: haochaping.Reviewer{Name: "刘芳", Gender: haochaping.Female, Phone: "13900005678", Kind: haochaping.NaturalPerson},
		Time:        rated(), Content: "窗口工作人员办理时玩手机，态度冷淡", Center: County(), Window: Window().ID,
		MatterNumber: "450224-2026-000456", ServiceItem: "个人所得税申报",
	}
}

// TownshipComplaint returns a [Complaint] made at the [Township] centre about its
// [TownshipWindow]. The township's own leader in charge opens it ([TownshipLeader], 第四条（二）).
func TownshipComplaint() caseflow.Complaint {
	cp := Complaint()
	cp.Center, cp.Window, cp.ServiceItem, cp.Content = Township(), TownshipWindow().ID, "社保卡补办", "排队时间长，取号机故障"
	return cp
}
