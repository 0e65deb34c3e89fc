package stepform

import (
	"encoding/json"
	"fmt"
	"strings"
)

// node is a parsed schema: a property, the root or the item of an array of objects.
type node struct {
	name     string // the property's name; "" for the root and an array's item
	title    string // the Chinese title, the name when the schema has none
	typ      string // "object", "array", "string" or "boolean"
	kind     Kind   // how to draw a leaf; "" for an object or an array of objects
	required bool   // required by the parent object
	hidden   bool   // a const: the schema fixes the value, which is neither drawn nor read
	props    []*node
	items    *node    // the item of an array of objects
	options  []Option // of a KindSelect or KindChoices
	fields   int      // the root's count of fields, one item for each array of objects
}

// container reports whether n holds fields rather than being one: an object or an array of
// objects (a window is one field).
func (n *node) container() bool { return n.kind == "" }

// count returns the fields drawn for n, one item for each array of objects.
func count(n *node) int {
	switch {
	case n.hidden:
		return 0
	case !n.container():
		return 1
	case n.items != nil:
		return count(n.items)
	}
	c := 0
	for _, p := range n.props {
		c += count(p)
	}
	return c
}

// ignored are keywords that neither change how a field is drawn nor what JSON sends: notes,
// and checks DecodeStep and the workflow make.
var ignored = map[string]bool{
	"$schema": true, "$id": true, "$comment": true, "description": true, "default": true, "examples": true,
	"additionalProperties": true, "pattern": true, "minLength": true, "maxLength": true,
	"minItems": true, "maxItems": true, "uniqueItems": true, "deprecated": true, "readOnly": true, "writeOnly": true,
}

// parseNode parses the schema of the property name at path (dotted, "items" for an array's
// item), depth levels down.
func parseNode(data []byte, name, path string, depth int) (*node, error) {
	fail := func(format string, args ...any) error {
		where := path
		if where == "" {
			where = "(root)"
		}
		return fmt.Errorf("stepform: schema %s: %s", where, fmt.Sprintf(format, args...))
	}
	if depth > maxDepth {
		return nil, fail("nested more than %d deep", maxDepth)
	}
	ms, err := members(data)
	if err != nil {
		return nil, fail("%v", err)
	}
	n := &node{name: name}
	var format string
	var required []string
	var props, items, oneOf, enum json.RawMessage
	for _, m := range ms {
		var err error
		switch m.key {
		case "type":
			err = json.Unmarshal(m.raw, &n.typ)
		case "title":
			err = json.Unmarshal(m.raw, &n.title)
		case "format":
			err = json.Unmarshal(m.raw, &format)
		case "required":
			err = json.Unmarshal(m.raw, &required)
		case "properties":
			props = m.raw
		case "items":
			items = m.raw
		case "oneOf":
			oneOf = m.raw
		case "enum":
			enum = m.raw
		case "const":
			n.hidden = true
		default:
			if !ignored[m.key] {
				return nil, fail("keyword %q not supported", m.key)
			}
		}
		if err != nil {
			return nil, fail("%s: %v", m.key, err)
		}
	}
	if n.title == "" {
		n.title = name
	}
	if (oneOf != nil || enum != nil) && n.typ != "string" {
		return nil, fail("choices of a %q", n.typ)
	}
	if oneOf != nil && enum != nil {
		return nil, fail("both oneOf and enum")
	}
	if (props != nil || required != nil) && n.typ != "object" {
		return nil, fail("properties of a %q", n.typ)
	}
	if (items != nil) != (n.typ == "array") {
		return nil, fail("items of a %q", n.typ)
	}
	switch n.typ {
	case "string":
		n.kind = KindText
		switch {
		case oneOf != nil || enum != nil:
			n.kind = KindSelect
			if n.options, err = parseOptions(oneOf, enum); err != nil {
				return nil, fail("%v", err)
			}
		case format == "date":
			n.kind = KindDate
		}
	case "boolean":
		n.kind = KindCheck
	case "object":
		if err := n.parseProperties(props, required, path, depth); err != nil {
			return nil, err
		}
		if isWindow(n.props) {
			n.kind = KindWindow
		}
	case "array":
		item, err := parseNode(items, "", join(path, "items"), depth+1)
		if err != nil {
			return nil, err
		}
		switch {
		case item.hidden:
			return nil, fail("items are a const")
		case item.kind == KindSelect:
			n.kind, n.options = KindChoices, item.options
		case item.kind == KindText:
			n.kind = KindLines
		case item.kind == KindDate:
			return nil, fail("items of format date not supported")
		case item.typ == "object" && item.kind != KindWindow:
			n.items = item
		default:
			return nil, fail("items of type %q not supported", item.typ)
		}
	default:
		return nil, fail("type %q not supported", n.typ)
	}
	return n, nil
}

// parseProperties parses the properties of object n, keeping their order, and marks those
// required.
func (n *node) parseProperties(props json.RawMessage, required []string, path string, depth int) error {
	ms, err := members(props)
	if props == nil {
		ms, err = nil, nil
	}
	if err != nil {
		return fmt.Errorf("stepform: schema %s: properties: %v", path, err)
	}
	for _, m := range ms {
		if m.key == "" || strings.Contains(m.key, ".") {
			return fmt.Errorf("stepform: schema %s: property %q: a name empty or with a dot", path, m.key)
		}
		p, err := parseNode(m.raw, m.key, join(path, m.key), depth+1)
		if err != nil {
			return err
		}
		n.props = append(n.props, p)
	}
	for _, r := range required {
		p := n.prop(r)
		if p == nil {
			return fmt.Errorf("stepform: schema %s: required %q is not a property", path, r)
		}
		p.required = true
	}
	return nil
}

// prop returns the property of n called name, nil if none.
func (n *node) prop(name string) *node {
	for _, p := range n.props {
		if p.name == name {
			return p
		}
	}
	return nil
}

// windowProperties are the JSON names of the fields of a haochaping.Window.
var windowProperties = []string{"id", "name", "kind", "center", "department"}

// isWindow reports whether props are exactly those of a haochaping.Window, in any order.
func isWindow(props []*node) bool {
	if len(props) != len(windowProperties) {
		return false
	}
	for _, name := range windowProperties {
		found := false
		for _, p := range props {
			found = found || p.name == name
		}
		if !found {
			return false
		}
	}
	return true
}

// join joins the parts of a path or a form field's name with dots.
func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}
