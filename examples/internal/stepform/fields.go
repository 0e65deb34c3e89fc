package stepform

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Fields returns the fields of a form for schema, in the order the schema's JSON writes its
// properties, each object's fields where the object is. An array of objects gets repeat
// items, or as many as the values fill in (its last item with a value; up to 100), each
// item's fields named by index from 0. values, the form as submitted (nil for an empty
// form), give the fields' values and make the fields an optional object requires required
// once the object has a value. It returns an error for a schema it cannot draw: a type or
// keyword it does not know, nesting deeper than 4 parts of a name, more than 200 fields
// (those returned too), a schema over 256 KiB.
func Fields(schema json.RawMessage, values url.Values, repeat int) ([]Field, error) {
	root, err := parse(schema)
	if err != nil {
		return nil, err
	}
	d := &drawer{form: values, repeat: min(max(repeat, 0), maxItems), indexes: indexes(values)}
	if !d.object(root, "", "", true) {
		return nil, fmt.Errorf("stepform: a form of more than %d fields", maxFields)
	}
	return d.out, nil
}

// drawer lists the fields of a form.
type drawer struct {
	form    url.Values
	repeat  int
	indexes map[string][]int
	out     []Field
}

// object adds the fields of object n, named under prefix, in group; active says whether the
// object is required or filled in, and so its required fields too. It returns false past
// maxFields.
func (d *drawer) object(n *node, prefix, group string, active bool) bool {
	for _, p := range n.props {
		name := join(prefix, p.name)
		switch {
		case p.hidden:
		case p.items != nil:
			if !d.array(p, name, group) {
				return false
			}
		case p.container():
			if !d.object(p, name, subgroup(group, p.title), (active && p.required) || d.present(p, name)) {
				return false
			}
		default:
			d.leaf(p, name, group, active && p.required)
			if len(d.out) > maxFields {
				return false
			}
		}
	}
	return true
}

// array adds the items of the array of objects n called name.
func (d *drawer) array(n *node, name, group string) bool {
	items := d.repeat
	for _, i := range d.indexes[name] {
		if i < maxItems && d.present(n.items, itemName(name, i)) {
			items = max(items, i+1)
		}
	}
	for i := range items {
		in := itemName(name, i)
		if !d.object(n.items, in, subgroup(group, fmt.Sprintf("%s %d", n.title, i+1)), d.present(n.items, in)) {
			return false
		}
	}
	return true
}

// leaf adds the field of leaf n.
func (d *drawer) leaf(n *node, name, group string, required bool) {
	f := Field{Name: name, Label: n.title, Group: group, Kind: n.kind, Required: required, Value: d.form.Get(name)}
	switch n.kind {
	case KindSelect:
		if !required {
			f.Options = append(f.Options, Option{})
		}
		f.Options = append(f.Options, n.options...)
	case KindChoices:
		f.Options = slices.Clone(n.options)
		for _, v := range d.form[name] {
			if !blank(v) {
				f.Values = append(f.Values, v)
			}
		}
	case KindLines:
		f.Value = strings.Join(d.form[name], "\n")
		f.Values = lines(d.form[name])
	}
	d.out = append(d.out, f)
}

// present reports whether the form fills in a field of n, named name.
func (d *drawer) present(n *node, name string) bool {
	switch {
	case n.hidden:
		return false
	case n.items != nil:
		for _, i := range d.indexes[name] {
			if i < maxItems && d.present(n.items, itemName(name, i)) {
				return true
			}
		}
		return false
	case n.container():
		for _, p := range n.props {
			if d.present(p, join(name, p.name)) {
				return true
			}
		}
		return false
	}
	return filled(n, d.form, name)
}

// subgroup returns the group of a field inside group titled title.
func subgroup(group, title string) string {
	if group == "" {
		return title
	}
	return group + " · " + title
}
