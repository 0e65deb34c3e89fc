package stepform

import (
	"encoding/json"
	"net/url"
	"testing"

	"github.com/haochaping/haochaping/caseflow"
)

// FuzzJSON sends forms of any keys and values for the report and the registration: JSON
// never panics, and what it returns without error is valid JSON that DecodeStep reads
// (JSON checks the choices and dates DecodeStep would refuse).
func FuzzJSON(f *testing.F) {
	for _, seed := range []string{
		"",
		"csrf=x&investigator=%E5%BC%A0%E4%B8%89&measures=a%0D%0Ab",
		"finding.verdict=justified&finding.causes.0.dimension=quality&finding.causes.3.description=x",
		"finding.causes.1.dimension=bad&extension.until=2026-12-03",
		"extension.until=2026-02-30&finding.causes.100.dimension=other",
		"responsibleWindow=w-tax&reportedTo=leader&reportedTo=window_head&content=%3Cb%3E",
		"responsibleWindow=nowhere&reportedTo=x",
		"a.b.c.d.e=1&finding.causes.01.dimension=quality&finding..causes=1&%ff=%fe",
	} {
		f.Add(seed)
	}
	events := []caseflow.Event{caseflow.EventReport, caseflow.EventRegister}
	schemas := make([]json.RawMessage, len(events))
	for i, ev := range events {
		schemas[i] = schemaOf(f, ev)
	}
	f.Fuzz(func(t *testing.T, query string) {
		form, _ := url.ParseQuery(query) // the pairs that parse, as a server keeps them
		for i, schema := range schemas {
			data, err := JSON(schema, form, testWindow)
			if err != nil {
				continue
			}
			if !json.Valid(data) {
				t.Fatalf("%s: not JSON: %q", events[i], data)
			}
			ev := events[i]
			var content map[string]json.RawMessage
			if json.Unmarshal(data, &content) == nil && content["extension"] != nil {
				ev = caseflow.EventReportExtension // a report with an extension is one (Report.Event)
			}
			if _, err := caseflow.DecodeStep(ev, data); err != nil {
				t.Fatalf("%s: DecodeStep refuses %s: %v", ev, data, err)
			}
		}
	})
}

// FuzzFields draws forms of any schema: Fields and JSON never panic.
func FuzzFields(f *testing.F) {
	for _, st := range caseflow.StepTypes() {
		f.Add(string(st.Schema()), "")
	}
	f.Add(`{"type":"object","properties":{"a":{"type":"array","items":{"type":"object","properties":{"b":{"type":"string","enum":["x"]}}}}}}`, "a.0.b=x&a.3.b=y")
	f.Add(`{"type":"object","properties":{"w":{"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"},"kind":{"type":"string"},"center":{"type":"string"},"department":{"type":"string"}}}}}`, "w=w-tax")
	f.Fuzz(func(t *testing.T, schema, query string) {
		form, _ := url.ParseQuery(query)
		fields, err := Fields(json.RawMessage(schema), form, 2)
		if err != nil {
			return
		}
		if len(fields) > maxFields {
			t.Fatalf("%d fields", len(fields))
		}
		data, err := JSON(json.RawMessage(schema), form, testWindow)
		if err == nil && !json.Valid(data) {
			t.Fatalf("not JSON: %q", data)
		}
	})
}
