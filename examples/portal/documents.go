package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/forms"
	"github.com/haochaping/haochaping/scoring"
	"github.com/haochaping/haochaping/scoring/xlsx"
)

// formats are the formats a document is served in, by file extension.
var formats = map[string]struct {
	contentType string
	attachment  bool
	write       func(*bytes.Buffer, *forms.Document) error
}{
	".html": {"text/html; charset=utf-8", false, func(b *bytes.Buffer, d *forms.Document) error { return forms.HTML(b, d, forms.DefaultStyle()) }},
	".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", true, func(b *bytes.Buffer, d *forms.Document) error { return forms.DOCX(b, d, forms.DefaultStyle()) }},
	".md":   {"text/markdown; charset=utf-8", true, func(b *bytes.Buffer, d *forms.Document) error { return forms.Markdown(b, d) }},
}

// document is GET /cases/{id}/documents/{name}.{html,docx,md}: one of the case's documents
// (Annex 4's registration form, Annex 5's report…), personal data masked.
func (s *Server) document(w http.ResponseWriter, r *http.Request, v visit) {
	file := r.PathValue("file")
	ext := path.Ext(file)
	f, ok := formats[ext]
	if !ok {
		s.fail(w, r, errNoSuchPage)
		return
	}
	c, err := s.readCase(r.Context(), v.User, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	docs, err := forms.ForCase(c, s.docs)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, d := range docs {
		if d.Name != strings.TrimSuffix(file, ext) {
			continue
		}
		var buf bytes.Buffer
		if err := f.write(&buf, d); err != nil {
			s.fail(w, r, err)
			return
		}
		s.serveFile(w, f.contentType, f.attachment, d.Title+"-"+c.ID+ext, buf.Bytes())
		return
	}
	s.fail(w, r, errNoSuchPage)
}

// serveFile writes a file, as an attachment (a download) when asked.
func (s *Server) serveFile(w http.ResponseWriter, contentType string, attachment bool, name string, b []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", "no-store")
	if attachment {
		h.Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(name))
	}
	w.Write(b)
}

// bulletin is GET /bulletin?month=2026-11: the monthly bulletin (通报) as a print-ready page
// with its charts; the month defaults to the current one.
func (s *Server) bulletin(w http.ResponseWriter, r *http.Request, _ visit) {
	s.serveBulletin(w, r, "text/html; charset=utf-8", "", scoring.WriteHTML)
}

// bulletinXLSX is GET /bulletin.xlsx?month=2026-11: the bulletin as a workbook with charts.
func (s *Server) bulletinXLSX(w http.ResponseWriter, r *http.Request, _ visit) {
	s.serveBulletin(w, r, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", xlsx.Write)
}

// serveBulletin writes the month's bulletin with write; an ext downloads it as 通报-<month><ext>.
func (s *Server) serveBulletin(w http.ResponseWriter, r *http.Request, contentType, ext string,
	write func(io.Writer, *scoring.Bulletin) error) {
	b, err := s.buildBulletin(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := write(&buf, b); err != nil {
		s.fail(w, r, err)
		return
	}
	s.serveFile(w, contentType, ext != "", "通报-"+b.Period.Key()+ext, buf.Bytes())
}

// errBadMonth is a month the bulletin cannot be made for.
var errBadMonth = &pageError{http.StatusBadRequest, "月份应写作 2026-11 这样的年-月，且不晚于本月", "month not YYYY-MM or in the future"}

// bulletinTTL is how long a month's bulletin is served as made: it reads every case of
// the county, and every unit may open it (a 通报 is circulated to all of them, 第三条), so
// that a burst of readers makes it once.
const bulletinTTL = time.Minute

// bulletins keeps the bulletins made, by month, each with when it was made.
type bulletins struct {
	mu   sync.Mutex // held while one is made: readers of the same moment wait for it
	made map[string]madeBulletin
}

type madeBulletin struct {
	b  *scoring.Bulletin
	at time.Time
}

// buildBulletin returns the bulletin of the month the request asks for (the current month
// by default), made within the last bulletinTTL or made now.
func (s *Server) buildBulletin(r *http.Request) (*scoring.Bulletin, error) {
	now := s.now()
	p := scoring.MonthOf(now)
	if m := r.URL.Query().Get("month"); m != "" {
		t, err := time.ParseInLocation("2006-01", m, haochaping.Location())
		if err != nil || t.After(now) || t.Year() < 2019 {
			return nil, errBadMonth
		}
		p = scoring.Month(t.Year(), t.Month())
	}
	s.bulletins.mu.Lock()
	defer s.bulletins.mu.Unlock()
	if m, ok := s.bulletins.made[p.Key()]; ok && now.Sub(m.at) < bulletinTTL && !now.Before(m.at) {
		return m.b, nil
	}
	b, err := s.makeBulletin(r.Context(), p, now)
	if err != nil {
		return nil, err
	}
	if s.bulletins.made == nil {
		s.bulletins.made = map[string]madeBulletin{}
	}
	s.bulletins.made[p.Key()] = madeBulletin{b, now}
	return b, nil
}

// makeBulletin makes the bulletin of month p from the ledger (counted by GROUP BY in the
// database) and the stored cases, over six months for the trend.
func (s *Server) makeBulletin(ctx context.Context, p scoring.Period, now time.Time) (*scoring.Bulletin, error) {
	names := map[string]string{}
	for _, o := range s.chart.Orgs() {
		names[o.ID] = o.Name
	}
	rep, err := scoring.NewReport(scoring.Definition{Names: names}, now, scoring.Months(p, 6)...)
	if err != nil {
		return nil, err
	}
	if err := rep.AddRatingCounts(ctx, s.db.Store); err != nil {
		return nil, err
	}
	// Every case, not only the six months': a case received earlier may be archived, and
	// scored, in the month (第十条). A county with years of cases filters by archive time.
	if err := rep.AddCases(scoring.StoredCases(ctx, s.db.Store, caseflow.Filter{})); err != nil {
		return nil, err
	}
	opts := scoring.BulletinOptions{Date: now}
	if s.rules != nil {
		if opts.Appraisal, err = scoring.Appraise(s.rules, p, scoring.StoredCases(ctx, s.db.Store, caseflow.Filter{})); err != nil {
			return nil, err
		}
	}
	return scoring.BuildBulletin(rep, p, opts)
}
