package haochaping

import (
	"fmt"
	"slices"
	"strings"
)

// OrgChart is a county's organisations as the measures name them (第四条, 第五条): the county
// centre, its sub-centres (the real-estate one among them) and the township centres below
// it, the departments stationed in each centre, and the windows of centres and departments.
// Each organisation has one identifier, unique across the chart, and one parent.
//
// An OrgChart is immutable and safe for concurrent use. A portal makes one at start-up from
// its own records (for example JSON decoded into []Org) and turns the window a case goes to
// into the [Window] the case records with [OrgChart.Window].
type OrgChart struct {
	byID map[string]int
	orgs []Org
}

// allowedParents says, for each kind, which kinds its parent may be; nil for the root.
var allowedParents = [...][]OrgKind{
	OrgCountyCenter:        nil,
	OrgRealEstateSubCenter: {OrgCountyCenter},
	OrgSubCenter:           {OrgCountyCenter},
	OrgTownshipCenter:      {OrgCountyCenter},
	OrgDepartment:          {OrgCountyCenter, OrgRealEstateSubCenter, OrgSubCenter, OrgTownshipCenter},
	OrgWindow:              {OrgCountyCenter, OrgRealEstateSubCenter, OrgSubCenter, OrgTownshipCenter, OrgDepartment},
}

// NewOrgChart returns the chart of orgs, in the order given. It reports every problem at
// once, as joined *FieldError values naming the entry ("orgs[3].parent"): an empty or
// repeated ID, an unknown kind, a county centre with a parent or a second county centre,
// a parent that is not in the chart, and a parent of the wrong kind (a sub-centre or
// township centre belongs to the county centre; a department to a centre; a window to a
// centre or a department).
func NewOrgChart(orgs ...Org) (*OrgChart, error) {
	oc := &OrgChart{byID: make(map[string]int, len(orgs)), orgs: make([]Org, len(orgs))}
	copy(oc.orgs, orgs)
	var p problems
	roots := 0
	for i, o := range oc.orgs {
		field := fmt.Sprintf("orgs[%d]", i)
		switch _, dup := oc.byID[o.ID]; {
		case strings.TrimSpace(o.ID) == "":
			p.add(field+".id", o.ID, ErrRequired, "every organisation needs an ID")
		case dup:
			p.add(field+".id", o.ID, ErrInconsistent, "the ID is already used by orgs[%d]", oc.byID[o.ID])
		default:
			oc.byID[o.ID] = i
		}
		if !o.Kind.Valid() {
			p.add(field+".kind", o.Kind.String(), ErrUnknownCode, "want one of %s", strings.Join(orgKinds.text[1:], ", "))
		}
		if o.Kind == OrgCountyCenter {
			if roots++; roots > 1 {
				p.add(field+".kind", o.Kind.String(), ErrInconsistent, "a chart has one county centre")
			}
		}
	}
	for i, o := range oc.orgs {
		if !o.Kind.Valid() {
			continue
		}
		field := fmt.Sprintf("orgs[%d].parent", i)
		want := allowedParents[o.Kind]
		if want == nil {
			if o.Parent != "" {
				p.add(field, o.Parent, ErrInconsistent, "the county centre has no parent")
			}
			continue
		}
		j, ok := oc.byID[o.Parent]
		switch {
		case o.Parent == "":
			p.add(field, o.Parent, ErrRequired, "a %s belongs to a %s", o.Kind, kindList(want))
		case !ok:
			p.add(field, o.Parent, ErrInconsistent, "no organisation with this ID in the chart")
		case !slices.Contains(want, oc.orgs[j].Kind):
			p.add(field, o.Parent, ErrInconsistent, "a %s belongs to a %s, not a %s", o.Kind, kindList(want), oc.orgs[j].Kind)
		}
	}
	if err := p.err(0); err != nil {
		return nil, err
	}
	return oc, nil
}

func kindList(ks []OrgKind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = k.String()
	}
	return strings.Join(s, " or ")
}

// Orgs returns a copy of the chart's organisations, in the order given to [NewOrgChart].
func (oc *OrgChart) Orgs() []Org { return append([]Org(nil), oc.orgs...) }

// Org returns the organisation with the given ID; ok is false when the chart has none.
func (oc *OrgChart) Org(id string) (o Org, ok bool) {
	i, ok := oc.byID[id]
	if !ok {
		return Org{}, false
	}
	return oc.orgs[i], true
}

// Center returns the service centre the organisation id belongs to: the organisation itself
// when it is a centre, else the centre above its department or itself. ok is false when the
// chart has no organisation id.
func (oc *OrgChart) Center(id string) (c Org, ok bool) {
	o, ok := oc.Org(id)
	for ok && !o.Kind.IsCenter() {
		o, ok = oc.Org(o.Parent)
	}
	return o, ok
}

// Window returns the window id as a case records it: its kind, the centre it sits in and,
// for a window of a stationed department, the department. A window under a department is a
// department window (进驻部门窗口); one directly under a sub-centre, a sub-centre window
// (分中心窗口); one directly under the county centre or a township centre, a business window
// (业务窗口). It returns a *FieldError wrapping ErrUnknownCode when id is not in the chart,
// or ErrInconsistent when it is not a window.
func (oc *OrgChart) Window(id string) (Window, error) {
	o, ok := oc.Org(id)
	switch {
	case !ok:
		return Window{}, &FieldError{Field: "window", Value: id, Err: ErrUnknownCode, Detail: "no organisation with this ID in the chart"}
	case o.Kind != OrgWindow:
		return Window{}, &FieldError{Field: "window", Value: id, Err: ErrInconsistent, Detail: "the organisation is a " + o.Kind.String() + ", not a window"}
	}
	w := Window{ID: o.ID, Name: o.Name, Kind: BusinessWindow}
	parent, _ := oc.Org(o.Parent)
	if parent.Kind == OrgDepartment {
		w.Kind, w.Department = DepartmentWindow, parent.ID
	}
	center, _ := oc.Center(o.Parent)
	w.Center = center.ID
	if w.Kind == BusinessWindow && (center.Kind == OrgSubCenter || center.Kind == OrgRealEstateSubCenter) {
		w.Kind = SubCenterWindow
	}
	return w, nil
}
