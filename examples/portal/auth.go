package main

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"slices"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// ErrBadCredentials is a sign-in refused: an unknown user or a wrong password, which the
// portal does not tell apart.
var ErrBadCredentials = errors.New("portal: unknown user or wrong password")

// User is a person who may sign in: who they are to the workflow (caseflow.Actor: role and
// organisation) and what the pages call them.
type User struct {
	caseflow.Actor
	// Title says what they do, in Chinese, for the page header: "税务窗口 窗口负责人".
	Title string
}

// Authenticator is the portal's sign-in, which a county replaces with its own (its unified
// identity platform, LDAP, a staff table): Authenticate checks credentials, Lookup finds
// the user of a session on every request, so that a user removed or moved to another
// window loses the old rights at once.
type Authenticator interface {
	// Authenticate returns the user with these credentials, or an error wrapping
	// ErrBadCredentials.
	Authenticate(ctx context.Context, username, password string) (User, error)
	// Lookup returns the user with this ID, or an error wrapping ErrBadCredentials.
	Lookup(ctx context.Context, id string) (User, error)
}

// UserList is an Authenticator over a fixed list of users sharing one password: the demo's.
type UserList struct {
	users    []User
	password [sha256.Size]byte
}

// DemoPassword is every demo user's password.
const DemoPassword = "demo"

// DemoUsers returns the demo's people, one or more for each role of the measures, in the
// organisations of DemoOrgs.
func DemoUsers() *UserList {
	return &UserList{password: sha256.Sum256([]byte(DemoPassword)), users: []User{
		{caseflow.Actor{ID: "wang", Name: "王五", Role: caseflow.RoleOffice}, "县政管办"},
		{caseflow.Actor{ID: "zhao", Name: "赵六", Role: caseflow.RoleLeader}, "“好差评”工作分管领导"},
		{caseflow.Actor{ID: "qian", Name: "钱七", Role: caseflow.RoleWindowStaff, Org: "w-tax"}, "税务窗口 窗口工作人员"},
		{caseflow.Actor{ID: "sun", Name: "孙八", Role: caseflow.RoleWindowHead, Org: "w-tax"}, "税务窗口 窗口负责人"},
		{caseflow.Actor{ID: "wu", Name: "吴九", Role: caseflow.RoleOrgLeader, Org: "tax-bureau"}, "县税务局 单位分管领导"},
		{caseflow.Actor{ID: "li", Name: "李四", Role: caseflow.RoleWindowHead, Org: "w-social"}, "社保窗口 窗口负责人"},
		{caseflow.Actor{ID: "zheng", Name: "郑十", Role: caseflow.RoleWindowHead, Org: "w-changan"}, "长安镇综合窗口 窗口负责人"},
		{caseflow.Actor{ID: "zhou", Name: "周一", Role: caseflow.RoleOrgLeader, Org: "town-changan"}, "长安镇政务服务中心 单位分管领导"},
		{caseflow.Actor{ID: "chen", Name: "陈二", Role: caseflow.RoleCityInspection}, "市督查科"},
	}}
}

// Users returns the list's users.
func (l *UserList) Users() []User { return slices.Clone(l.users) }

// Authenticate implements Authenticator; the password is compared in constant time.
func (l *UserList) Authenticate(ctx context.Context, username, password string) (User, error) {
	u, err := l.Lookup(ctx, username)
	sum := sha256.Sum256([]byte(password))
	if subtle.ConstantTimeCompare(sum[:], l.password[:]) != 1 || err != nil {
		return User{}, ErrBadCredentials
	}
	return u, nil
}

// Lookup implements Authenticator.
func (l *UserList) Lookup(_ context.Context, id string) (User, error) {
	for _, u := range l.users {
		if u.ID == id {
			return u, nil
		}
	}
	return User{}, ErrBadCredentials
}

// DemoOrgs are the demo county's organisations: the county centre with the tax bureau's and
// the social-security bureau's windows and a general window, and a township centre with its
// window. A county builds its chart from its own records.
func DemoOrgs() []haochaping.Org {
	return []haochaping.Org{
		{ID: "center", Name: "融安县政务服务中心", Kind: haochaping.OrgCountyCenter},
		{ID: "tax-bureau", Name: "融安县税务局", Kind: haochaping.OrgDepartment, Parent: "center"},
		{ID: "w-tax", Name: "税务窗口", Kind: haochaping.OrgWindow, Parent: "tax-bureau"},
		{ID: "hrss-bureau", Name: "融安县人力资源和社会保障局", Kind: haochaping.OrgDepartment, Parent: "center"},
		{ID: "w-social", Name: "社保窗口", Kind: haochaping.OrgWindow, Parent: "hrss-bureau"},
		{ID: "w-general", Name: "综合受理窗口", Kind: haochaping.OrgWindow, Parent: "center"},
		{ID: "town-changan", Name: "长安镇政务服务中心", Kind: haochaping.OrgTownshipCenter, Parent: "center"},
		{ID: "w-changan", Name: "长安镇综合窗口", Kind: haochaping.OrgWindow, Parent: "town-changan"},
	}
}
