package forms_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/forms"
)

// The personal data of the reviewer the tests open cases for.
const (
	reviewerName  = "欧阳晓明"
	reviewerPhone = "13812345678"
	reviewerID    = "450224199001011235"
	subjectPhone  = "13987654321"
)

// personalReview is the kit's review by a reviewer whose name, phone and ID number are
// known, who also wrote their phone into the free text.
func personalReview(svc *caseflow.Service) haochaping.Review {
	r := caseflowtest.Review()
	r.Time = caseflowtest.ClockOf(svc).Now().Add(-10 * time.Minute)
	r.Reviewer.Name, r.Reviewer.Phone, r.Reviewer.IDNumber = reviewerName, reviewerPhone, reviewerID
	r.FreeText = "请打" + reviewerPhone + "联系我"
	return r
}

// openTo opens a case for personalReview and walks it to state.
func openTo(t *testing.T, svc *caseflow.Service, state caseflow.State) *caseflow.Case {
	t.Helper()
	c, _, err := svc.Receive(t.Context(), personalReview(svc))
	if err != nil {
		t.Fatal(err)
	}
	if c, err = caseflowtest.Walk(t.Context(), svc, c.ID, state); err != nil {
		t.Fatal(err)
	}
	return c
}

// take takes one step on case id as actor a.
func take(t *testing.T, svc *caseflow.Service, id string, a caseflow.Actor, s caseflow.Step) *caseflow.Case {
	t.Helper()
	caseflowtest.ClockOf(svc).Advance(30 * time.Minute)
	c, err := svc.Take(context.Background(), id, caseflow.Action{Actor: a, Step: s})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// checkDocument checks what every document must hold: a name and a title, every table's
// grid as wide as the text of DefaultStyle, every row's spans summing to its grid, every
// MergeContinue under a MergeStart (or another MergeContinue) of the same column and span,
// and no "<nil>" or zero time in any text.
func checkDocument(t *testing.T, d *forms.Document) {
	t.Helper()
	if d.Name == "" || d.Title == "" {
		t.Errorf("document %q %q: want a name and a title", d.Name, d.Title)
	}
	for bi, b := range d.Blocks {
		tb, ok := b.(*forms.Table)
		if !ok {
			continue
		}
		sum := 0
		for _, w := range tb.Widths {
			sum += w
		}
		if want := forms.DefaultStyle().TextWidth(); sum != want {
			t.Errorf("%s: table %d: grid %v sums to %d, want %d", d.Name, bi, tb.Widths, sum, want)
		}
		var above map[int]forms.Cell // the cells of the row above, by grid column
		for ri, r := range tb.Rows {
			here, col := map[int]forms.Cell{}, 0
			for ci, c := range r.Cells {
				span := max(c.Span, 1)
				if c.Merge == forms.MergeContinue {
					up, ok := above[col]
					if !ok || up.Merge == forms.MergeNone || max(up.Span, 1) != span {
						t.Errorf("%s: table %d row %d cell %d: MergeContinue without a merged cell above", d.Name, bi, ri, ci)
					}
					if len(c.Lines) > 0 {
						t.Errorf("%s: table %d row %d cell %d: MergeContinue holds text %q", d.Name, bi, ri, ci, c.Lines)
					}
				}
				here[col] = c
				col += span
			}
			if col != len(tb.Widths) {
				t.Errorf("%s: table %d row %d: spans sum to %d, want %d", d.Name, bi, ri, col, len(tb.Widths))
			}
			above = here
		}
	}
	for _, s := range texts(d) {
		if strings.Contains(s, "<nil>") || strings.Contains(s, "0001-01-01") || zeroDay.MatchString(s) {
			t.Errorf("%s: text %q shows a nil or zero value", d.Name, s)
		}
	}
}

// zeroDay matches the zero time as the forms would write it.
var zeroDay = regexp.MustCompile(`(^|[^0-9])1年1月1日`)

// texts returns every text of the document: title, subtitle, headings, paragraphs and
// cell lines.
func texts(d *forms.Document) []string {
	out := []string{d.Title, d.Subtitle}
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *forms.Heading:
			out = append(out, b.Text)
		case *forms.Paragraph:
			out = append(out, b.Text)
		case *forms.Table:
			for _, r := range b.Rows {
				for _, c := range r.Cells {
					out = append(out, c.Lines...)
				}
			}
		}
	}
	return out
}

// tables returns the document's tables.
func tables(d *forms.Document) []*forms.Table {
	var out []*forms.Table
	for _, b := range d.Blocks {
		if t, ok := b.(*forms.Table); ok {
			out = append(out, t)
		}
	}
	return out
}

// after returns the cell after the first label cell whose text is name (lines joined),
// in any table of d; it fails the test when there is none.
func after(t *testing.T, d *forms.Document, name string) forms.Cell {
	t.Helper()
	for _, tb := range tables(d) {
		for _, r := range tb.Rows {
			for i, c := range r.Cells {
				if c.Label && strings.Join(c.Lines, "") == name && i+1 < len(r.Cells) {
					return r.Cells[i+1]
				}
			}
		}
	}
	t.Fatalf("%s: no cell after %q", d.Name, name)
	return forms.Cell{}
}

// cellText returns a cell's lines joined by newlines.
func cellText(c forms.Cell) string { return strings.Join(c.Lines, "\n") }

// contains reports whether any text of d contains s.
func contains(d *forms.Document, s string) bool {
	return slices.ContainsFunc(texts(d), func(x string) bool { return strings.Contains(x, s) })
}
