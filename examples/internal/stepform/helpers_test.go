package stepform

import (
	"encoding/json"
	"errors"
	"net/url"
	"testing"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/stretchr/testify/require"
)

// schemaOf returns the schema of event ev's content.
func schemaOf(t testing.TB, ev caseflow.Event) json.RawMessage {
	t.Helper()
	st, ok := caseflow.StepTypeOf(ev)
	require.True(t, ok, ev)
	return st.Schema()
}

var errUnknownWindow = errors.New("unknown window")

// taxWindow is the one window testWindow knows.
var taxWindow = haochaping.Window{ID: "w-tax", Name: "税务窗口", Kind: haochaping.DepartmentWindow,
	Center: "center", Department: "tax-bureau"}

// testWindow resolves the window ID "w-tax".
func testWindow(id string) (any, error) {
	if id != taxWindow.ID {
		return nil, errUnknownWindow
	}
	return taxWindow, nil
}

// fill returns a form filling every field with a plausible value: the first choice, a date,
// two lines, the tax window, a ticked box, a text naming the field.
func fill(fields []Field) url.Values {
	form := url.Values{}
	for _, f := range fields {
		switch f.Kind {
		case KindText:
			form.Set(f.Name, "测试："+f.Label)
		case KindLines:
			form.Set(f.Name, "甲\n乙")
		case KindSelect:
			for _, o := range f.Options {
				if o.Value != "" {
					form.Set(f.Name, o.Value)
					break
				}
			}
		case KindChoices:
			form.Set(f.Name, f.Options[0].Value)
		case KindDate:
			form.Set(f.Name, "2026-12-03")
		case KindCheck:
			form.Set(f.Name, "on")
		case KindWindow:
			form.Set(f.Name, taxWindow.ID)
		}
	}
	return form
}

// names returns the names of fields.
func names(fields []Field) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Name
	}
	return out
}

// field returns the field called name.
func field(t testing.TB, fields []Field, name string) Field {
	t.Helper()
	for _, f := range fields {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no field %q in %v", name, names(fields))
	return Field{}
}
