package main

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"slices"
)

//go:embed templates/*.html
var templateFiles embed.FS

// templates are the pages, each parsed with the layout.
var templates = func() map[string]*template.Template {
	layout := template.Must(template.New("layout.html").Funcs(template.FuncMap{
		"has": func(list []string, v string) bool { return slices.Contains(list, v) },
	}).ParseFS(templateFiles, "templates/layout.html"))
	pages := map[string]*template.Template{}
	for _, name := range []string{"login", "worklist", "case", "step", "complaint", "error"} {
		pages[name] = template.Must(template.Must(layout.Clone()).ParseFS(templateFiles, "templates/"+name+".html"))
	}
	return pages
}()

// page is what every page shows: its title, who is signed in, and a message (a refusal or
// a step done); Data is the page's own.
type page struct {
	Title   string
	Visit   visit
	Message string
	Done    string
	Data    any
}

// render writes a page; a page that fails to render is a server error, written before any
// byte of it has left.
func (s *Server) render(w http.ResponseWriter, code int, name string, p page) {
	var buf bytes.Buffer
	if err := templates[name].ExecuteTemplate(&buf, "layout.html", p); err != nil {
		s.log.Error("render", "page", name, "err", err)
		http.Error(w, "系统错误", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}
