package haochaping

// WindowKind is the kind of a service window, as the measures list them: 业务窗口（含进驻部门
// 窗口或分中心窗口） (第五条).
//
// Stored: the text codes below go into databases and audit trails. Never change or reuse one;
// add new kinds at the end.
type WindowKind uint8

const (
	// BusinessWindow is a business window of a centre (业务窗口). Text code "business".
	BusinessWindow WindowKind = iota + 1
	// DepartmentWindow is a window of a department stationed in a centre (进驻部门窗口).
	// Text code "department".
	DepartmentWindow
	// SubCenterWindow is a window of a sub-centre (分中心窗口). Text code "sub_center".
	SubCenterWindow
)

var windowKinds = enum[WindowKind]{
	kind:   "window kind",
	labels: []string{"", "业务窗口", "进驻部门窗口", "分中心窗口"},
	text:   []string{"", "business", "department", "sub_center"},
}

// Valid reports whether k is a known window kind.
func (k WindowKind) Valid() bool { return windowKinds.valid(k) }

// Label returns the Chinese label, e.g. "进驻部门窗口".
func (k WindowKind) Label() string { return windowKinds.label(k) }

// String returns the stable text code, e.g. "department".
func (k WindowKind) String() string { return windowKinds.String(k) }

// MarshalText encodes k as its stable text code, e.g. "department".
func (k WindowKind) MarshalText() ([]byte, error) { return windowKinds.marshal(k) }

// UnmarshalText decodes a text code written by [WindowKind.MarshalText] or a Chinese label.
func (k *WindowKind) UnmarshalText(b []byte) error { return windowKinds.unmarshal(b, k) }

// UnmarshalJSON decodes a JSON string as UnmarshalText does, and refuses JSON numbers.
func (k *WindowKind) UnmarshalJSON(b []byte) error { return windowKinds.unmarshalJSON(b, k) }

// Window is a service window as a case records it when it is transferred there (承办窗口 /
// 责任主体): the window's own identifier and, so that the case needs no chart to be read, the
// identifiers of the centre it sits in and of its stationed department. [OrgChart.Window]
// makes one from a county's chart.
type Window struct {
	ID   string     `json:"id"`
	Name string     `json:"name"`
	Kind WindowKind `json:"kind"`
	// Center is the ID of the service centre the window sits in.
	Center string `json:"center"`
	// Department is the ID of the stationed department the window belongs to, for a
	// department window; empty otherwise.
	Department string `json:"department,omitempty"`
}

// Parent returns the ID of the organisation the window belongs to: its department, or else
// its centre.
func (w Window) Parent() string {
	if w.Department != "" {
		return w.Department
	}
	return w.Center
}
