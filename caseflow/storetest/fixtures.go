package storetest

import (
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// at returns a time in Beijing time.
func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, haochaping.Location())
}

// Actors, organisations and step contents of the cases.
var (
	clerk      = caseflow.Actor{ID: "u-office-1", Name: "王五", Role: caseflow.RoleOffice}
	boss       = caseflow.Actor{ID: "u-leader-1", Name: "赵六", Role: caseflow.RoleLeader}
	staff      = caseflow.Actor{ID: "u-tax-1", Name: "钱七", Role: caseflow.RoleWindowStaff, Org: "w-tax"}
	head       = caseflow.Actor{ID: "u-tax-head", Name: "孙八", Role: caseflow.RoleWindowHead, Org: "w-tax"}
	townLeader = caseflow.Actor{ID: "u-dajiang-leader", Name: "吴十", Role: caseflow.RoleOrgLeader, Org: "dajiang"}

	center     = haochaping.Org{ID: "center", Name: "融安县政务服务中心", Kind: haochaping.OrgCountyCenter}
	township   = haochaping.Org{ID: "dajiang", Name: "大将镇政务服务中心", Kind: haochaping.OrgTownshipCenter}
	taxWindow  = &haochaping.Window{ID: "w-tax", Name: "税务窗口", Kind: haochaping.DepartmentWindow, Center: "center", Department: "tax-bureau"}
	townWindow = &haochaping.Window{ID: "w-dajiang", Name: "大将镇综合窗口", Kind: haochaping.BusinessWindow, Center: "dajiang"}

	registration = caseflow.Registration{ResponsibleWindow: taxWindow, ReportedTo: []caseflow.Role{caseflow.RoleLeader, caseflow.RoleWindowHead}}
)

// review returns a bad review with the given ID, rated at rated.
func review(id string, rated time.Time) haochaping.Review {
	opt, err := haochaping.LookupOption("1.3")
	if err != nil {
		panic(err)
	}
	return haochaping.Review{
		ID: id, MatterNumber: "450224-2026-000123", ServiceItem: "个人所得税申报",
		Level: haochaping.Dissatisfied, Options: []haochaping.Option{opt}, Channel: haochaping.ChannelDevice,
		Time: rated, Window: "w-tax", Department: "融安县税务局", Staff: "李四", AreaCode: "450224",
		Reviewer: haochaping.Reviewer{Name: "张三丰", Gender: haochaping.Male, Phone: "13812345678", Kind: haochaping.NaturalPerson},
	}
}

// complaint returns a complaint made at center shortly before now; id may be empty.
func complaint(id string, center haochaping.Org, now time.Time) caseflow.Complaint {
	return caseflow.Complaint{
		ID: id, Center: center, Time: now.Add(-5 * time.Minute), Content: "窗口人员态度生硬",
		Complainant: haochaping.Reviewer{Name: "张三丰", Phone: "13812345678", Kind: haochaping.NaturalPerson},
	}
}

// urge returns an office actor's urge, noted note.
func urge(actor caseflow.Actor, note string) caseflow.Action {
	return caseflow.Action{Actor: actor, Step: caseflow.Urge{Message: "请尽快办理 " + note}, Note: note}
}
