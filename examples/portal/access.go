package main

import (
	"context"
	"slices"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// Who reads what. The office, the leader in charge and the city office act for the whole
// county and read every case; window staff and heads read the cases of their window; an
// organisation's leader in charge reads those of the centre or department they lead. The
// workflow itself refuses a step to anyone else (caseflow.ErrWrongOrg); the portal also
// keeps them from reading the case, and answers 404 as if it did not exist.

// countyWide reports whether the user's role acts for the whole county.
func countyWide(u User) bool {
	switch u.Role {
	case caseflow.RoleOffice, caseflow.RoleLeader, caseflow.RoleCityInspection:
		return true
	}
	return false
}

// windowRole reports whether the user works at a window.
func windowRole(u User) bool {
	return u.Role == caseflow.RoleWindowStaff || u.Role == caseflow.RoleWindowHead
}

// canRead reports whether the user may read the case.
func canRead(u User, c *caseflow.Case) bool {
	switch {
	case countyWide(u):
		return true
	case windowRole(u):
		return c.ResponsibleWindow != nil && c.ResponsibleWindow.ID == u.Org
	case u.Role == caseflow.RoleOrgLeader:
		return c.Center() == u.Org || (c.ResponsibleWindow != nil && c.ResponsibleWindow.Department == u.Org)
	}
	return false
}

// scope is the filter of the cases the user reads, open ones only.
func (s *Server) scope(u User) caseflow.Filter {
	f := caseflow.Filter{Open: true}
	switch {
	case countyWide(u):
	case windowRole(u):
		f.Window = u.Org
	case u.Role == caseflow.RoleOrgLeader:
		if o, ok := s.chart.Org(u.Org); ok && o.Kind == haochaping.OrgDepartment {
			f.Department = u.Org
		} else {
			f.Center = u.Org
		}
	default:
		f.Window = "\x00" // nobody's
	}
	return f
}

// owes reports whether the duty of a case of kind k is the user's to do: the office's
// worklist is every duty (it supervises them all, 第三条); another's, the duties of their
// organisation that a step of their role fulfils: a window's staff hold the meeting, its
// head sends the report (第五条).
func (s *Server) owes(u User, k caseflow.Kind, d *caseflow.Duty) bool {
	if u.Role == caseflow.RoleOffice {
		return true
	}
	return s.fulfils[fulfilKey{k, d.Kind, u.Role}] && (countyWide(u) || d.Org == u.Org)
}

// fulfilKey names a duty of a workflow and a role.
type fulfilKey struct {
	kind caseflow.Kind
	duty caseflow.DutyKind
	role caseflow.Role
}

// fulfilment is, for each workflow, which roles take a step that fulfils each duty.
func fulfilment() map[fulfilKey]bool {
	m := map[fulfilKey]bool{}
	for _, k := range []caseflow.Kind{caseflow.KindSystemPushed, caseflow.KindOnSiteComplaint} {
		for _, sd := range caseflow.WorkflowOf(k).Steps() {
			for _, d := range sd.Fulfils {
				for _, r := range append(slices.Clone(sd.Roles), sd.OwnLeaderRoles...) {
					m[fulfilKey{k, d, r}] = true
				}
			}
		}
	}
	return m
}

// readCase returns the case if the user may read it, and caseflow.ErrNotFound otherwise.
func (s *Server) readCase(ctx context.Context, u User, id string) (*caseflow.Case, error) {
	c, err := s.svc.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if !canRead(u, c) {
		s.log.Warn("case refused to a user of another unit", "case", id, "user", u.ID, "org", u.Org)
		return nil, caseflow.ErrNotFound
	}
	return c, nil
}
