package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/haochaping/haochaping/caseflow"
)

// schemaNode is the part of a step's JSON schema that names its content in Chinese.
type schemaNode struct {
	Title      string                 `json:"title"`
	Properties map[string]*schemaNode `json:"properties"`
	Items      *schemaNode            `json:"items"`
	OneOf      []struct {
		Const any    `json:"const"`
		Title string `json:"title"`
	} `json:"oneOf"`
}

// stepContent is what a step recorded, as the trail shows it: "title：value" for each filled
// field, in Chinese, from the step's schema; phones masked as the step's JSON masks them
// (mask the rest with the case's forms.TextMasker). It is empty for a step without content
// or one it cannot read.
func stepContent(e *caseflow.Entry) string {
	st, ok := caseflow.StepTypeOf(e.Event)
	if !ok || e.Step == nil {
		return ""
	}
	var schema schemaNode
	var value any
	b, err := json.Marshal(e.Step)
	if err != nil || json.Unmarshal(st.Schema(), &schema) != nil || json.Unmarshal(b, &value) != nil {
		return ""
	}
	var parts []string
	describe(&schema, value, "", false, &parts)
	return strings.Join(parts, "；")
}

// describe appends the filled fields of value under schema n, titled prefix; inItem says
// value is a field of a list's item, named without the list's title.
func describe(n *schemaNode, value any, prefix string, inItem bool, parts *[]string) {
	title := cmp.Or(n.Title, prefix)
	switch v := value.(type) {
	case map[string]any:
		if n.Properties["id"] != nil && n.Properties["name"] != nil && v["name"] != nil { // a window: its name
			*parts = append(*parts, title+"："+fmt.Sprint(v["name"]))
			return
		}
		for _, name := range slices.Sorted(maps.Keys(n.Properties)) { // the schema's order
			if x, ok := v[name]; ok {
				describe(n.Properties[name], x, title, inItem, parts)
			}
		}
	case []any:
		var items []string
		for _, x := range v {
			if n.Items == nil {
				continue
			}
			if _, ok := x.(map[string]any); !ok { // a list of texts or options: the items alone
				items = append(items, label(n.Items, x))
				continue
			}
			var sub []string
			describe(n.Items, x, title, true, &sub)
			items = append(items, strings.Join(sub, "，"))
		}
		if len(items) > 0 {
			*parts = append(*parts, title+"："+strings.Join(items, "、"))
		}
	case string, float64, bool:
		if s := label(n, v); s != "" {
			// an item's field within its list: 认定的原因的方面 under 认定的原因 is 方面
			short, cut := strings.CutPrefix(title, prefix+"的")
			if !cut || !inItem {
				short = title
			}
			*parts = append(*parts, short+"："+s)
		}
	}
}

// label is a scalar as the clerk reads it: an option's title, 是 or 否, or the text.
func label(n *schemaNode, v any) string {
	for _, o := range n.OneOf {
		if o.Const == v {
			return o.Title
		}
	}
	switch v := v.(type) {
	case bool:
		if v {
			return "是"
		}
		return "否"
	case string:
		return v
	}
	return fmt.Sprint(v)
}
