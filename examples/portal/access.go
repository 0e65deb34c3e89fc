package main

import (
	"context"

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

// owes reports whether the duty is the user's to do: the office's worklist is every duty
// (it supervises them all, 第三条), another's only the duties of their role and organisation.
func owes(u User, d *caseflow.Duty) bool {
	switch {
	case u.Role == caseflow.RoleOffice:
		return true
	case windowRole(u):
		return (d.Owner == caseflow.RoleWindowStaff || d.Owner == caseflow.RoleWindowHead) && d.Org == u.Org
	}
	return d.Owner == u.Role && (countyWide(u) || d.Org == u.Org)
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
