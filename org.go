package haochaping

// OrgKind is the kind of service centre a unit is (第四条).
type OrgKind uint8

const (
	// OrgCountyCenter is the county service centre (县政务服务中心).
	OrgCountyCenter OrgKind = iota + 1
	// OrgRealEstateSubCenter is the real-estate sub-centre (不动产分中心), handled like the
	// centre itself (第四条（一）).
	OrgRealEstateSubCenter
	// OrgSubCenter is any other sub-centre of the county centre (其余分中心).
	OrgSubCenter
	// OrgTownshipCenter is a township service centre (乡（镇）政务服务中心).
	OrgTownshipCenter
)

var unitKinds = enum[OrgKind]{
	kind:  "unit kind",
	label: []string{"", "县政务服务中心", "不动产分中心", "分中心", "乡（镇）政务服务中心"},
	text:  []string{"", "center", "real_estate_sub_center", "sub_center", "township_center"},
}

// Valid reports whether k is a known unit kind.
func (k OrgKind) Valid() bool { return unitKinds.valid(k) }

// String returns the Chinese label, e.g. "不动产分中心".
func (k OrgKind) String() string { return unitKinds.String(k) }

// MarshalText encodes k as its stable text code, e.g. "township_center".
func (k OrgKind) MarshalText() ([]byte, error) { return unitKinds.marshal(k) }

// UnmarshalText decodes a text code written by [OrgKind.MarshalText] or a Chinese label.
func (k *OrgKind) UnmarshalText(b []byte) error { return unitKinds.unmarshal(b, k) }

// UnmarshalJSON decodes a JSON string as UnmarshalText does, and refuses JSON numbers.
func (k *OrgKind) UnmarshalJSON(b []byte) error { return unitKinds.unmarshalJSON(b, k) }

// LedByOwnLeader reports whether on-site complaints at a unit of this kind are coordinated
// by the unit's own leader in charge (单位分管领导), who signs the rectification report before
// it goes to the office.
//
// 第四条（一）: at the county centre and the real-estate sub-centre, the office (县政管办)
// coordinates. 第四条（二）: at other sub-centres and township centres, the unit's leader in
// charge coordinates and signs.
func (k OrgKind) LedByOwnLeader() bool { return k == OrgSubCenter || k == OrgTownshipCenter }

// Org is a service centre: the county centre, a sub-centre or a township centre.
type Org struct {
	ID   string  `json:"id"`
	Name string  `json:"name"`
	Kind OrgKind `json:"kind"`
}

// WindowKind is the kind of a service window (业务窗口).
type WindowKind uint8

const (
	// BusinessWindow is a business window of the centre (业务窗口).
	BusinessWindow WindowKind = iota + 1
	// DepartmentWindow is a window of a department stationed in the centre (进驻部门窗口).
	DepartmentWindow
	// SubCenterWindow is a window of a sub-centre (分中心窗口).
	SubCenterWindow
)

var windowKinds = enum[WindowKind]{
	kind:  "window kind",
	label: []string{"", "业务窗口", "进驻部门窗口", "分中心窗口"},
	text:  []string{"", "business", "department", "sub_center"},
}

// Valid reports whether k is a known window kind.
func (k WindowKind) Valid() bool { return windowKinds.valid(k) }

// String returns the Chinese label, e.g. "进驻部门窗口".
func (k WindowKind) String() string { return windowKinds.String(k) }

// MarshalText encodes k as its stable text code, e.g. "department".
func (k WindowKind) MarshalText() ([]byte, error) { return windowKinds.marshal(k) }

// UnmarshalText decodes a text code written by [WindowKind.MarshalText] or a Chinese label.
func (k *WindowKind) UnmarshalText(b []byte) error { return windowKinds.unmarshal(b, k) }

// UnmarshalJSON decodes a JSON string as UnmarshalText does, and refuses JSON numbers.
func (k *WindowKind) UnmarshalJSON(b []byte) error { return windowKinds.unmarshalJSON(b, k) }

// Window is a service window, the unit a bad-review case is transferred to
// (承办窗口 / 责任主体).
type Window struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	Kind       WindowKind `json:"kind"`
	Center     string     `json:"unit"`                 // ID of the Unit the window sits in
	Department string     `json:"department,omitempty"` // the stationed department, for department windows
}
