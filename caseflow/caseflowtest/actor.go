package caseflowtest

import "github.com/haochaping/haochaping/caseflow"

// The actors of the kit, one for every role of the measures, named as a clerk sees them.
// Each call returns a new value: a test changes its copy, never another test's.

// Clerk returns a clerk of the county supervision office (县政管办, RoleOffice).
func Clerk() caseflow.Actor {
	return caseflow.Actor{ID: "kit-office", Name: "王敏", Role: caseflow.RoleOffice}
}

// Leader returns the leader in charge of the rating work ("好差评"工作分管领导, RoleLeader).
func Leader() caseflow.Actor {
	return caseflow.Actor{ID: "kit-leader", Name: "赵建国", Role: caseflow.RoleLeader}
}

// WindowStaff returns a member of staff (窗口工作人员) of the kit's [Window].
func WindowStaff() caseflow.Actor {
	return caseflow.Actor{ID: "kit-tax-staff", Name: "李娜", Role: caseflow.RoleWindowStaff, Org: Window().ID}
}

// WindowHead returns the head (窗口负责人) of the kit's [Window].
func WindowHead() caseflow.Actor {
	return caseflow.Actor{ID: "kit-tax-head", Name: "孙伟", Role: caseflow.RoleWindowHead, Org: Window().ID}
}

// DepartmentLeader returns the leader in charge of the [Window]'s department (单位分管领导,
// RoleOrgLeader), who approves its appeal materials (第九条).
func DepartmentLeader() caseflow.Actor {
	return caseflow.Actor{ID: "kit-tax-leader", Name: "吴强", Role: caseflow.RoleOrgLeader, Org: Window().Department}
}

// TownshipLeader returns the leader in charge of the [Township] centre (单位分管领导,
// RoleOrgLeader), who opens and coordinates the on-site complaints made there (第四条（二）).
func TownshipLeader() caseflow.Actor {
	return caseflow.Actor{ID: "kit-dajiang-leader", Name: "陈刚", Role: caseflow.RoleOrgLeader, Org: Township().ID}
}

// CityInspector returns a clerk of the city inspection office (柳州市政务服务监督管理办公室督查科,
// RoleCityInspection), who decides appeals.
func CityInspector() caseflow.Actor {
	return caseflow.Actor{ID: "kit-city", Name: "郑丽", Role: caseflow.RoleCityInspection}
}
