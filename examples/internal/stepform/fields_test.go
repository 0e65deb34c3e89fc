package stepform

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Fields come in the order the schema's JSON writes its properties, not sorted.
func TestFieldsOrder(t *testing.T) {
	for _, tc := range []struct {
		name   string
		schema string
		want   []string
	}{
		{"as written", `{"type":"object","properties":{"zeta":{"type":"string"},"alpha":{"type":"string"},"mid":{"type":"boolean"}}}`,
			[]string{"zeta", "alpha", "mid"}},
		{"nested where the object is", `{"type":"object","properties":{"b":{"type":"string"},"o":{"type":"object","properties":{"y":{"type":"string"},"x":{"type":"string"}}},"a":{"type":"string"}}}`,
			[]string{"b", "o.y", "o.x", "a"}},
		{"consts left out", `{"type":"object","properties":{"a":{"type":"string"},"fixed":{"type":"boolean","const":true},"b":{"type":"string"}}}`,
			[]string{"a", "b"}},
		{"no properties", `{"type":"object","properties":{},"required":[]}`, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fields, err := Fields(json.RawMessage(tc.schema), nil, 1)
			require.NoError(t, err)
			assert.Equal(t, tc.want, names(fields))
		})
	}
	// The report's, as caseflow writes it (alphabetically, as Go encodes a map).
	fields, err := Fields(schemaOf(t, caseflow.EventReport), nil, 1)
	require.NoError(t, err)
	assert.Equal(t, []string{"applicantEthnicity", "applicantOrigin", "applicationSerial", "disclosure",
		"extension.reason", "extension.until", "finding.causes.0.description", "finding.causes.0.dimension",
		"finding.causes.0.responsiblePerson", "finding.verdict", "investigation", "investigator", "measures",
		"reception", "subject", "subjectPhone"}, names(fields))
}

// Each field has its kind, its innermost title and its group's, and is required when its
// object is required or filled in.
func TestFieldsOfReport(t *testing.T) {
	schema := schemaOf(t, caseflow.EventReport)
	fields, err := Fields(schema, nil, 1)
	require.NoError(t, err)
	for _, tc := range []struct {
		name, label, group string
		kind               Kind
		required           bool
	}{
		{"investigator", "调查人", "", KindText, true},
		{"subjectPhone", "调查对象电话", "", KindText, false},
		{"investigation", "调查处理情况", "", KindLines, true},
		{"disclosure", "政府信息公开选项", "", KindSelect, false},
		{"extension.reason", "延期整改的理由", "延期整改", KindText, false},
		{"extension.until", "延期整改的期限", "延期整改", KindDate, false},
		{"finding.verdict", "认定的结论", "认定", KindSelect, true},
		{"finding.causes.0.dimension", "认定的原因的方面", "认定 · 认定的原因 1", KindSelect, false},
		{"finding.causes.0.description", "认定的原因的说明", "认定 · 认定的原因 1", KindText, false},
	} {
		f := field(t, fields, tc.name)
		assert.Equal(t, tc.label, f.Label, tc.name)
		assert.Equal(t, tc.group, f.Group, tc.name)
		assert.Equal(t, tc.kind, f.Kind, tc.name)
		assert.Equal(t, tc.required, f.Required, tc.name)
	}
	// A select not required starts with an empty choice; a required one does not.
	assert.Equal(t, []Option{{}, {"active", "主动公开"}, {"on_request", "依申请公开"}, {"not", "不予公开"}},
		field(t, fields, "disclosure").Options)
	assert.Equal(t, []Option{{"justified", "属实"}, {"mistaken", "误评"}, {"untrue", "不实差评"}},
		field(t, fields, "finding.verdict").Options)

	// Filled in, an optional object's and an item's required fields are required.
	fields, err = Fields(schema, url.Values{"extension.until": {"2026-12-03"}, "finding.causes.0.description": {"态度生硬"}}, 1)
	require.NoError(t, err)
	assert.True(t, field(t, fields, "extension.reason").Required)
	assert.True(t, field(t, fields, "finding.causes.0.dimension").Required)
	assert.False(t, field(t, fields, "finding.causes.0.responsiblePerson").Required)
	assert.Equal(t, []Option{{"attitude", "服务态度"}, {"quality", "服务质量"}, {"efficiency", "服务效率"},
		{"environment", "服务环境"}, {"other", "其他"}}, field(t, fields, "finding.causes.0.dimension").Options)
}

// The window and the checkboxes of the registration.
func TestFieldsOfRegistration(t *testing.T) {
	fields, err := Fields(schemaOf(t, caseflow.EventRegister), url.Values{"reportedTo": {"leader", "window_head"}, "responsibleWindow": {"w-tax"}}, 1)
	require.NoError(t, err)
	assert.Equal(t, []string{"content", "reportedTo", "responsibleWindow"}, names(fields))
	w := field(t, fields, "responsibleWindow")
	assert.Equal(t, Field{Name: "responsibleWindow", Label: "责任主体", Kind: KindWindow, Value: "w-tax"}, w)
	r := field(t, fields, "reportedTo")
	assert.Equal(t, KindChoices, r.Kind)
	assert.Equal(t, []string{"leader", "window_head"}, r.Values)
	assert.Len(t, r.Options, 6)
	assert.Equal(t, Option{"office", "县政管办"}, r.Options[0])
}

// An array of objects gets repeat items, or as many as the values fill in.
func TestFieldsItems(t *testing.T) {
	schema := schemaOf(t, caseflow.EventReport)
	causes := func(fields []Field) []string {
		var out []string
		for _, f := range fields {
			if strings.HasPrefix(f.Name, "finding.causes.") {
				out = append(out, f.Name+" "+f.Group)
			}
		}
		return out
	}
	fields, err := Fields(schema, nil, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"finding.causes.0.description 认定 · 认定的原因 1", "finding.causes.0.dimension 认定 · 认定的原因 1",
		"finding.causes.0.responsiblePerson 认定 · 认定的原因 1",
		"finding.causes.1.description 认定 · 认定的原因 2", "finding.causes.1.dimension 认定 · 认定的原因 2",
		"finding.causes.1.responsiblePerson 认定 · 认定的原因 2",
	}, causes(fields))

	fields, err = Fields(schema, nil, 0)
	require.NoError(t, err)
	assert.Empty(t, causes(fields))

	// Item 2 filled in: three items, item 1 empty; blank values and other keys count for none.
	values := url.Values{"finding.causes.2.dimension": {"quality"}, "finding.causes.5.dimension": {" "},
		"finding.causes.7.bogus": {"x"}, "finding.causes.01.dimension": {"quality"}}
	fields, err = Fields(schema, values, 1)
	require.NoError(t, err)
	assert.Len(t, causes(fields), 9)
	assert.Equal(t, "quality", field(t, fields, "finding.causes.2.dimension").Value)
	assert.True(t, field(t, fields, "finding.causes.2.dimension").Required)
	assert.False(t, field(t, fields, "finding.causes.1.dimension").Required)

	// Beyond 200 fields, an error.
	_, err = Fields(schema, nil, 100)
	require.ErrorContains(t, err, "more than 200 fields")
	_, err = Fields(schema, url.Values{"finding.causes.99.dimension": {"quality"}}, 1)
	require.ErrorContains(t, err, "more than 200 fields")
}

// A schema Fields cannot draw is an error, of Fields and JSON.
func TestFieldsMalformedSchema(t *testing.T) {
	deep := `{"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"object","properties":{"c":{"type":"object","properties":{"d":{"type":"object","properties":{"e":{"type":"string"}}}}}}}}}}}`
	var many strings.Builder
	many.WriteString(`{"type":"object","properties":{`)
	for i := range 201 {
		if i > 0 {
			many.WriteString(",")
		}
		many.WriteString(`"f` + strings.Repeat("x", i) + `":{"type":"string"}`)
	}
	many.WriteString(`}}`)
	big := `{"type":"object","title":"` + strings.Repeat("长", 90_000) + `","properties":{}}`
	for _, tc := range []struct {
		name, schema, want string
	}{
		{"empty", ``, "not a JSON object"},
		{"not JSON", `{"type":`, "(root)"},
		{"trailing data", `{"type":"object","properties":{}} {}`, "data after"},
		{"an array", `[]`, "not a JSON object"},
		{"not an object", `{"type":"string"}`, "not an object"},
		{"unknown type", `{"type":"object","properties":{"n":{"type":"integer"}}}`, `schema n: type "integer" not supported`},
		{"no type", `{"type":"object","properties":{"n":{"title":"x"}}}`, `type "" not supported`},
		{"type list", `{"type":"object","properties":{"n":{"type":["string","null"]}}}`, "schema n: type"},
		{"unknown keyword", `{"type":"object","properties":{"n":{"type":"string","$ref":"#/x"}}}`, `keyword "$ref" not supported`},
		{"array of arrays", `{"type":"object","properties":{"n":{"type":"array","items":{"type":"array","items":{"type":"string"}}}}}`, `items of type "array"`},
		{"array of dates", `{"type":"object","properties":{"n":{"type":"array","items":{"type":"string","format":"date"}}}}`, "items of format date"},
		{"array of booleans", `{"type":"object","properties":{"n":{"type":"array","items":{"type":"boolean"}}}}`, `items of type "boolean"`},
		{"array without items", `{"type":"object","properties":{"n":{"type":"array"}}}`, "items of a"},
		{"choices of a boolean", `{"type":"object","properties":{"n":{"type":"boolean","oneOf":[{"const":"a"}]}}}`, "choices of a"},
		{"non-string const", `{"type":"object","properties":{"n":{"type":"string","oneOf":[{"const":1}]}}}`, "oneOf"},
		{"empty const", `{"type":"object","properties":{"n":{"type":"string","oneOf":[{"const":""}]}}}`, "empty or twice"},
		{"no choices", `{"type":"object","properties":{"n":{"type":"string","oneOf":[]}}}`, "no choices"},
		{"required missing", `{"type":"object","properties":{},"required":["x"]}`, `required "x" is not a property`},
		{"dotted name", `{"type":"object","properties":{"a.b":{"type":"string"}}}`, "with a dot"},
		{"key twice", `{"type":"object","properties":{"a":{"type":"string"},"a":{"type":"string"}}}`, `key "a" twice`},
		{"too deep", deep, "nested more than 4 deep"},
		{"too many fields", many.String(), "201 fields, more than 200"},
		{"too big", big, "more than 262144"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Fields(json.RawMessage(tc.schema), nil, 1)
			require.ErrorContains(t, err, tc.want)
			_, err = JSON(json.RawMessage(tc.schema), url.Values{}, testWindow)
			require.ErrorContains(t, err, tc.want)
		})
	}
}

// The options returned are the caller's: changing them changes no later form.
func TestFieldsOptionsCopied(t *testing.T) {
	schema := schemaOf(t, caseflow.EventRegister)
	fields, err := Fields(schema, nil, 1)
	require.NoError(t, err)
	field(t, fields, "reportedTo").Options[0].Label = "changed"
	fields, err = Fields(schema, nil, 1)
	require.NoError(t, err)
	assert.Equal(t, "县政管办", field(t, fields, "reportedTo").Options[0].Label)
}

// An optional object is filled in by any of its fields that JSON would send: lines, a ticked
// choice or box, a text; blank lines and an unticked box fill in nothing.
func TestFieldsObjectFilledIn(t *testing.T) {
	schema := json.RawMessage(`{"type":"object","properties":{"o":{"type":"object","title":"附加","required":["name"],"properties":{
		"name":{"type":"string","title":"名称"},
		"notes":{"type":"array","items":{"type":"string"}},
		"tags":{"type":"array","items":{"type":"string","enum":["a","b"]}},
		"urgent":{"type":"boolean","title":"加急"}}}}}`)
	for _, tc := range []struct {
		form   url.Values
		filled bool
	}{
		{url.Values{}, false},
		{url.Values{"o.notes": {" \r\n "}, "o.tags": {""}, "o.urgent": {"off"}, "o.name": {" "}}, false},
		{url.Values{"o.notes": {"\n甲"}}, true},
		{url.Values{"o.tags": {"", "b"}}, true},
		{url.Values{"o.urgent": {"on"}}, true},
		{url.Values{"o.name": {"x"}}, true},
	} {
		fields, err := Fields(schema, tc.form, 1)
		require.NoError(t, err)
		assert.Equal(t, tc.filled, field(t, fields, "o.name").Required, tc.form)
		assert.False(t, field(t, fields, "o.urgent").Required, tc.form)
		assert.Equal(t, tc.form.Get("o.urgent") == "on", field(t, fields, "o.urgent").Checked(), tc.form)
		assert.Equal(t, "附加", field(t, fields, "o.notes").Group)
		assert.Equal(t, "notes", field(t, fields, "o.notes").Label, "a property without a title is labelled by its name")
	}
}
