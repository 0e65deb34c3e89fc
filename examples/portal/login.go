package main

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// loginData is the sign-in page's.
type loginData struct {
	Next, Username string
	Demo           []User // the demo's users, listed on the page; nil for a county's own
}

// loginPage is GET /login.
func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "login", page{Title: "登录", Data: s.loginData(r.URL.Query().Get("next"), "")})
}

func (s *Server) loginData(next, username string) loginData {
	d := loginData{Next: localPath(next), Username: username}
	if l, ok := s.auth.(*UserList); ok {
		d.Demo = l.Users()
	}
	return d
}

// login is POST /login: a session for the user whose credentials these are.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, errForm(err))
		return
	}
	name, next := r.PostFormValue("username"), r.PostFormValue("next")
	u, err := s.auth.Authenticate(r.Context(), name, r.PostFormValue("password"))
	if err != nil {
		if !errors.Is(err, ErrBadCredentials) {
			s.fail(w, r, err)
			return
		}
		s.log.Info("sign-in refused") // never the name typed: it may be a password
		s.render(w, http.StatusUnauthorized, "login", page{Title: "登录", Message: "用户名或密码不正确", Data: s.loginData(next, "")})
		return
	}
	s.sessions.issue(w, u.ID)
	s.log.Info("signed in", "user", u.ID, "role", u.Role)
	http.Redirect(w, r, localPath(next), http.StatusSeeOther)
}

// logout is POST /logout.
func (s *Server) logout(w http.ResponseWriter, r *http.Request, v visit) {
	s.sessions.revoke(v.Session)
	s.sessions.clear(w)
	s.log.Info("signed out", "user", v.User.ID)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// localPath returns next if it is a path of this site, else "/": a sign-in never sends the
// user to another site. Control characters and backslashes are refused whole, for browsers
// drop a tab or a newline from a URL and read a backslash as a slash ("/\t/evil" is "//evil").
func localPath(next string) string {
	if strings.ContainsFunc(next, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return "/"
	}
	return next
}
