package caseflow_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// Personal data of the fixtures that no default rendering may show.
var personal = []string{"张三丰", "13812345678", "450224199001011235", "13900001111", "18612345678"}

// leaks returns the personal data that out shows in full.
func leaks(out string) []string {
	var found []string
	for _, p := range personal {
		if bytes.Contains([]byte(out), []byte(p)) {
			found = append(found, p)
		}
	}
	return found
}

// A case with a named, phoned reviewer who wrote a phone in the free text, and a report
// naming a phone, as every rendering meets one.
func caseWithPersonalData(t *testing.T) (*caseflow.Case, caseflow.Complaint) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	c, err := f.svc.Get(ctx, reportedWithPersonalData(f))
	require.NoError(t, err)
	cp := caseflow.Complaint{ID: "cp", Center: center, Time: at(2026, 11, 24, 9, 0), Content: "投诉人电话13812345678",
		Complainant: haochaping.Reviewer{Name: "张三丰", Phone: "13812345678", IDNumber: "450224199001011235"}}
	return c, cp
}

// reportedWithPersonalData opens a case for a review whose reviewer gives a name, phone and
// ID number and writes a phone in the free text, and takes it to the window's report, which
// names a phone; it returns the case's ID.
func reportedWithPersonalData(f *fixture) string {
	f.t.Helper()
	r := review("r1", at(2026, 11, 24, 9, 20))
	r.Reviewer.IDNumber = "450224199001011235"
	r.FreeText = "请回电 186 1234 5678"
	c, _, err := f.svc.Receive(ctx, r)
	require.NoError(f.t, err)
	f.step(c.ID, at(2026, 11, 24, 10, 0), clerk, registration)
	f.step(c.ID, at(2026, 11, 24, 11, 0), clerk, justified)
	f.step(c.ID, at(2026, 11, 24, 11, 30), clerk, caseflow.Transfer{})
	f.step(c.ID, at(2026, 11, 24, 15, 0), staff, meeting)
	rep := report
	rep.SubjectPhone = "13900001111"
	f.step(c.ID, at(2026, 11, 25, 16, 0), head, rep)
	return c.ID
}

// Finding 6 of the integrity issue: encoding/json, slog's JSON and text handlers and fmt
// showed names, phones and ID numbers in full for a case value, entries, intakes, lists and
// maps of them, a complaint under %#v or %d, and a report's phone.
func TestEveryDefaultRenderingMasksPersonalData(t *testing.T) {
	c, cp := caseWithPersonalData(t)
	rep, ok := c.LastEntry(caseflow.EventReport).Step.(caseflow.Report)
	require.True(t, ok)
	values := map[string]any{
		"*Case": c, "Case": *c, "[]*Case": []*caseflow.Case{c}, "map of cases": map[string]*caseflow.Case{"a": c},
		"*Entry": c.Trail[0], "Entry": *c.Trail[0], "[]*Entry": c.Trail, "Intake": c.Trail[0].Step,
		"Complaint": cp, "*Complaint": &cp, "Report": rep, "*Report": &rep, "Review": *c.Review,
		"[]Review": []haochaping.Review{*c.Review}, "struct": struct{ C caseflow.Complaint }{cp},
	}
	for name, v := range values {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		assert.Empty(t, leaks(string(b)), "encoding/json of %s", name)
		for _, h := range []func(*bytes.Buffer) slog.Handler{
			func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
			func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		} {
			var out bytes.Buffer
			slog.New(h(&out)).Info("case", "v", v)
			assert.Empty(t, leaks(out.String()), "slog of %s: %s", name, out.String())
		}
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%x"} {
			assert.Empty(t, leaks(fmt.Sprintf(verb, v)), "fmt %s of %s", verb, name)
		}
	}
}

// The storage codec keeps what the default encoding masks, and the default decoders refuse
// a masked copy, so that one is never stored back in place of the data.
func TestMaskedJSONCannotBeStoredBack(t *testing.T) {
	c, _ := caseWithPersonalData(t)
	full, err := json.Marshal((*caseflow.StoredCase)(c))
	require.NoError(t, err)
	assert.Len(t, leaks(string(full)), 4, "the storage codec keeps every value")

	var back caseflow.Case
	require.NoError(t, json.Unmarshal(full, (*caseflow.StoredCase)(&back)))
	assert.Equal(t, c.Review.Reviewer, back.Review.Reviewer)
	salt := c.Trail[0].Step.(caseflow.Intake).Salt
	assert.Len(t, salt, 32)
	assert.Equal(t, salt, back.Trail[0].Step.(caseflow.Intake).Salt, "the storage codec keeps the salt")
	assert.NotContains(t, string(must(json.Marshal(c.Trail[0]))), "salt", "the default encoding leaves it out")

	masked, err := json.Marshal(c)
	require.NoError(t, err)
	var m caseflow.Case
	require.ErrorIs(t, json.Unmarshal(masked, (*caseflow.StoredCase)(&m)), haochaping.ErrMasked)
	require.ErrorIs(t, json.Unmarshal(masked, &m), haochaping.ErrMasked)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
