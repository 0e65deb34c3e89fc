package caseflow

import (
	"fmt"
	"log/slog"

	"github.com/haochaping/haochaping"
)

// Role is what a person does in the handling of a case; each step says which roles may take
// it (第三条 to 第九条).
type Role string

// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	// RoleOffice is a clerk of the county supervision office (县政管办): registers, calls back,
	// transfers, verifies, submits and archives.
	RoleOffice Role = "office"
	// RoleLeader is the leader in charge of the rating work ("好差评"工作分管领导): reviews
	// (审阅) reports and appeal applications.
	RoleLeader Role = "leader"
	// RoleWindowStaff is a member of staff of the responsible window (窗口工作人员).
	RoleWindowStaff Role = "window_staff"
	// RoleWindowHead is the head of the responsible window (窗口负责人): approves and submits the
	// window's report (第五条).
	RoleWindowHead Role = "window_head"
	// RoleOrgLeader is the leader in charge of a sub-centre, township centre or the window's
	// department (单位分管领导): coordinates on-site complaints there and signs their reports
	// (第四条（二）), and approves appeal materials (第九条).
	RoleOrgLeader Role = "unit_leader"
	// RoleCityInspection is the city office that receives reports and decides appeals
	// (柳州市政务服务监督管理办公室督查科, CityInspection in the glossary).
	RoleCityInspection Role = "city_inspection"
	// RoleSystem is the rating system (好差评系统) pushing a bad review; it only opens cases.
	RoleSystem Role = "system"
)

var roleLabels = map[Role]string{
	RoleOffice:         "县政管办",
	RoleLeader:         "“好差评”工作分管领导",
	RoleWindowStaff:    "窗口工作人员",
	RoleWindowHead:     "窗口负责人",
	RoleOrgLeader:      "单位分管领导",
	RoleCityInspection: "市督查科",
	RoleSystem:         "好差评系统",
}

// Valid reports whether r is one of the roles above.
func (r Role) Valid() bool { _, ok := roleLabels[r]; return ok }

// Label returns the Chinese name of the role, e.g. "窗口负责人".
func (r Role) Label() string {
	if l, ok := roleLabels[r]; ok {
		return l
	}
	return fmt.Sprintf("Role(%q)", string(r))
}

// windowRole reports whether r acts for the responsible window and so must name it.
func (r Role) windowRole() bool { return r == RoleWindowStaff || r == RoleWindowHead }

// Actor is the person taking a step. Office, leader and city actors act for the whole county;
// window staff and heads act for one window, and an organisation's leader in charge for the
// centre or stationed department they lead.
type Actor struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role Role   `json:"role"`
	// Org is the ID of the organisation ([haochaping.Org]) the actor acts for: the window,
	// for window staff and heads; the sub-centre, township centre or stationed department
	// led, for RoleOrgLeader; empty for the county-wide roles.
	Org string `json:"org,omitempty"`
}

// String shows the actor as "窗口负责人 李四 (w-tax)".
func (a Actor) String() string {
	s := a.Role.Label()
	if a.Name != "" && a.Name != s {
		s += " " + a.Name
	}
	if a.Org != "" {
		s += " (" + a.Org + ")"
	}
	return s
}

// LogValue logs the actor as a group of its ID, role and scope.
func (a Actor) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", a.ID), slog.String("role", string(a.Role)),
		slog.String("org", a.Org))
}

// Validate reports what is missing from a, or wrong with it: an ID, a known role, the window
// of a window role and the organisation of RoleOrgLeader; an ID, organisation or name of
// more than 256 bytes or with control characters (which would forge a log line). The error is a *RefusalError wrapping ErrBadActor.
func (a Actor) Validate() error {
	switch {
	case a.ID == "":
		return badActor("actor.id", a.ID, "an actor needs an ID", "")
	case len(a.ID) > maxIDBytes, haochaping.HasControl(a.ID):
		return badActor("actor.id", "", "an ID has at most 256 bytes and no control characters", hintID)
	case len(a.Org) > maxIDBytes, haochaping.HasControl(a.Org):
		return badActor("actor.org", "", "an ID has at most 256 bytes and no control characters", hintID)
	case len(a.Name) > maxIDBytes, haochaping.HasControl(a.Name):
		return badActor("actor.name", "", "a name has at most 256 bytes and no control characters", hintID)
	case !a.Role.Valid():
		return badActor("actor.role", string(a.Role), "want office, leader, window_staff, window_head, unit_leader, city_inspection or system",
			"无法识别，请使用县政管办、分管领导、窗口工作人员、窗口负责人、单位分管领导或市督查科的账号办理")
	case a.Role.windowRole() && a.Org == "":
		return badActor("actor.org", a.Org, "window staff and heads must name their window", "未填写：窗口工作人员和窗口负责人须注明所在窗口")
	case a.Role == RoleOrgLeader && a.Org == "":
		return badActor("actor.org", a.Org, "an organisation's leader in charge must name the centre or department led",
			"未填写：单位分管领导须注明所分管的中心或部门")
	}
	return nil
}

// maxIDBytes is the most bytes of an ID or a name: more is hostile input, not a name.
const maxIDBytes = 256

// badActor returns a refusal of an actor, with a Chinese hint where the field alone does not
// say what to do.
func badActor(field, value, detail, hint string) error {
	return &RefusalError{Err: ErrBadActor, Field: field, Value: value, Detail: detail, Hint: hint}
}

// hintID is the hint of an ID or a name too long or with control characters.
const hintID = "过长或含有控制字符，最多256字节，请核对"
