package haochaping

// OrgKind is the kind of an organisation the measures name (第四条, 第五条): a service centre
// of one of four kinds, a department stationed in a centre, or a window.
//
// Stored: the text codes below go into databases and audit trails. Never change or reuse one;
// add new kinds at the end.
type OrgKind uint8

const (
	// OrgCountyCenter is the county service centre (县政务服务中心), the root of the chart.
	OrgCountyCenter OrgKind = iota + 1 // "center"
	// OrgRealEstateSubCenter is the real-estate sub-centre (不动产分中心), handled like the
	// county centre itself (第四条（一）).
	OrgRealEstateSubCenter // "real_estate_sub_center"
	// OrgSubCenter is any other sub-centre of the county centre (其余分中心).
	OrgSubCenter // "sub_center"
	// OrgTownshipCenter is a township service centre (乡（镇）政务服务中心).
	OrgTownshipCenter // "township_center"
	// OrgDepartment is a department stationed in a centre (进驻部门), such as the tax bureau.
	OrgDepartment // "department"
	// OrgWindow is a service window (窗口) of a centre or of a stationed department.
	OrgWindow // "window"
)

var orgKinds = enum[OrgKind]{
	kind:   "org kind",
	labels: []string{"", "县政务服务中心", "不动产分中心", "分中心", "乡（镇）政务服务中心", "进驻部门", "窗口"},
	text:   []string{"", "center", "real_estate_sub_center", "sub_center", "township_center", "department", "window"},
}

// Valid reports whether k is a known kind.
func (k OrgKind) Valid() bool { return orgKinds.valid(k) }

// Label returns the Chinese label, e.g. "不动产分中心".
func (k OrgKind) Label() string { return orgKinds.label(k) }

// String returns the stable text code, e.g. "real_estate_sub_center".
func (k OrgKind) String() string { return orgKinds.String(k) }

// MarshalText encodes k as its stable text code, e.g. "township_center".
func (k OrgKind) MarshalText() ([]byte, error) { return orgKinds.marshal(k) }

// UnmarshalText decodes a text code written by [OrgKind.MarshalText] or a Chinese label.
func (k *OrgKind) UnmarshalText(b []byte) error { return orgKinds.unmarshal(b, k) }

// UnmarshalJSON decodes a JSON string as UnmarshalText does, and refuses JSON numbers.
func (k *OrgKind) UnmarshalJSON(b []byte) error { return orgKinds.unmarshalJSON(b, k) }

// IsCenter reports whether k is a service centre: the county centre, a sub-centre or a
// township centre.
func (k OrgKind) IsCenter() bool { return k >= OrgCountyCenter && k <= OrgTownshipCenter }

// LedByOwnLeader reports whether on-site complaints at a centre of this kind are coordinated
// by the centre's own leader in charge (单位分管领导), who signs the rectification report
// before it goes to the office.
//
// 第四条（一）: at the county centre and the real-estate sub-centre, the office (县政管办)
// coordinates. 第四条（二）: at other sub-centres and township centres, the centre's leader in
// charge coordinates and signs.
func (k OrgKind) LedByOwnLeader() bool { return k == OrgSubCenter || k == OrgTownshipCenter }

// Org is one organisation of the measures: a service centre, a stationed department or a
// window, with its own identifier and the identifier of the organisation it belongs to.
// An [OrgChart] holds a county's organisations and checks how they nest.
type Org struct {
	ID   string  `json:"id"`
	Name string  `json:"name"`
	Kind OrgKind `json:"kind"`
	// Parent is the ID of the organisation this one belongs to: the county centre for a
	// sub-centre or township centre, a centre for a department, a centre or a department
	// for a window. It is empty for the county centre.
	Parent string `json:"parent,omitempty"`
}
