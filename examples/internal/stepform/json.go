package stepform

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"time"
)

// JSON turns a submitted form into the step's JSON content for caseflow.DecodeStep, the
// fields of schema in its order. Only the schema's fields are read: other keys, such as
// "csrf", are ignored. What is not filled in is left out: blank text, blank lines, an empty
// select, an unticked checkbox, wholly empty objects and array items (the items that are
// left keep their order, their indexes closed up). Text is trimmed, its line ends "\n"; a
// KindLines has one item a line, each trimmed; a KindCheck is true when its value is "on"
// or "true"; a KindWindow's value is an ID, and window(id) gives the value put in its place
// (a haochaping.Window). Required fields are not checked: DecodeStep and the workflow refuse
// what is missing with their own messages.
//
// It returns a *FieldError for a value not one of its field's choices, a date not
// YYYY-MM-DD, a value over 64 KiB or the values read over 1 MiB in all, an array of more
// than 100 items, and an ID window refuses (wrapping its error); another error for a schema
// Fields refuses, or a window field filled in with window nil.
func JSON(schema json.RawMessage, form url.Values, window func(id string) (any, error)) ([]byte, error) {
	root, err := parse(schema)
	if err != nil {
		return nil, err
	}
	b := &builder{form: form, window: window, indexes: indexes(form)}
	out, err := b.object(root, "", 0)
	if err != nil {
		return nil, err
	}
	if out == nil {
		return []byte("{}"), nil
	}
	return out, nil
}

// builder writes a form's JSON.
type builder struct {
	form    url.Values
	window  func(string) (any, error)
	indexes map[string][]int
	read    int // bytes of the values read
}

// object returns the JSON of object n named prefix, nil when none of its fields is filled
// in; item is the number of the array item it is in (from 1), 0 outside arrays.
func (b *builder) object(n *node, prefix string, item int) ([]byte, error) {
	var out []byte
	for _, p := range n.props {
		if p.hidden {
			continue
		}
		v, err := b.value(p, join(prefix, p.name), item)
		if err != nil {
			return nil, err
		}
		if v == nil {
			continue
		}
		if out == nil {
			out = append(out, '{')
		} else {
			out = append(out, ',')
		}
		out = appendJSON(out, p.name)
		out = append(out, ':')
		out = append(out, v...)
	}
	if out == nil {
		return nil, nil
	}
	return append(out, '}'), nil
}

// value returns the JSON of property n named name, nil when it is not filled in.
func (b *builder) value(n *node, name string, item int) ([]byte, error) {
	switch {
	case n.items != nil:
		return b.array(n, name)
	case n.container():
		return b.object(n, name, item)
	}
	return b.leaf(n, name, item)
}

// array returns the JSON of the array of objects n named name: its items filled in, in the
// order of their indexes.
func (b *builder) array(n *node, name string) ([]byte, error) {
	var out []byte
	for _, i := range b.indexes[name] {
		v, err := b.object(n.items, itemName(name, i), i+1)
		if err != nil {
			return nil, err
		}
		if v == nil {
			continue
		}
		if i >= maxItems {
			return nil, fieldError(n, name, 0, nil, fmt.Sprintf("最多填写 %d 项", maxItems),
				"item %d, at most %d items", i, maxItems)
		}
		if out == nil {
			out = append(out, '[')
		} else {
			out = append(out, ',')
		}
		out = append(out, v...)
	}
	if out == nil {
		return nil, nil
	}
	return append(out, ']'), nil
}

// leaf returns the JSON of leaf n named name, nil when it is not filled in.
func (b *builder) leaf(n *node, name string, item int) ([]byte, error) {
	vs := b.form[name]
	if n.kind != KindLines && n.kind != KindChoices && len(vs) > 1 {
		vs = vs[:1] // a single value: the first, as url.Values.Get reads it
	}
	for _, v := range vs {
		if len(v) > maxValueBytes {
			return nil, fieldError(n, name, item, nil, fmt.Sprintf("内容过长，不能超过 %d KiB，请精简", maxValueBytes>>10),
				"a value of %d bytes, more than %d", len(v), maxValueBytes)
		}
		if b.read += len(v); b.read > maxFormBytes {
			return nil, fieldError(n, name, item, nil, fmt.Sprintf("填写后表单内容超过 %d MiB，请精简", maxFormBytes>>20),
				"the values read reach %d bytes, more than %d", b.read, maxFormBytes)
		}
	}
	var v string
	if len(vs) > 0 {
		v = text(vs[0])
	}
	switch n.kind {
	case KindLines:
		if ls := lines(vs); len(ls) > 0 {
			return json.Marshal(ls)
		}
		return nil, nil
	case KindChoices:
		return b.choices(n, name, item, vs)
	case KindCheck:
		if len(vs) > 0 && checked(vs[0]) {
			return []byte("true"), nil
		}
		return nil, nil
	}
	if v == "" {
		return nil, nil
	}
	switch n.kind {
	case KindSelect:
		if !slices.ContainsFunc(n.options, func(o Option) bool { return o.Value == v }) {
			return nil, fieldError(n, name, item, nil, "不是可选的值", "%q is not one of the choices", v)
		}
	case KindDate:
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return nil, fieldError(n, name, item, nil, "不是有效的日期，请按“年-月-日”填写",
				"%q is not a date YYYY-MM-DD", v)
		}
	case KindWindow:
		return b.windowJSON(n, name, item, v)
	}
	return appendJSON(nil, v), nil
}

// choices returns the JSON of the checkboxes n named name, the values vs ticked, in the
// order of the choices.
func (b *builder) choices(n *node, name string, item int, vs []string) ([]byte, error) {
	ticked := map[string]bool{}
	for _, v := range vs {
		v = text(v)
		if v == "" {
			continue
		}
		if !slices.ContainsFunc(n.options, func(o Option) bool { return o.Value == v }) {
			return nil, fieldError(n, name, item, nil, "不是可选的值", "%q is not one of the choices", v)
		}
		ticked[v] = true
	}
	var out []string
	for _, o := range n.options {
		if ticked[o.Value] {
			out = append(out, o.Value)
		}
	}
	if out == nil {
		return nil, nil
	}
	return json.Marshal(out)
}

// windowJSON returns the JSON of the window whose ID the window field n named name holds.
func (b *builder) windowJSON(n *node, name string, item int, id string) ([]byte, error) {
	if b.window == nil {
		return nil, fmt.Errorf("stepform: %s: a window ID and no window function", name)
	}
	w, err := b.window(id)
	if err == nil && w == nil {
		err = errors.New("no window")
	}
	if err != nil {
		return nil, fieldError(n, name, item, err, "不是可选的窗口，请重新选择", "window %q: %v", id, err)
	}
	out, err := json.Marshal(w)
	if err == nil && (len(out) == 0 || out[0] != '{') {
		err = fmt.Errorf("window %q is not a JSON object", id)
	}
	if err != nil {
		return nil, fmt.Errorf("stepform: %s: %w", name, err)
	}
	return out, nil
}

// appendJSON appends the JSON string of s.
func appendJSON(out []byte, s string) []byte {
	b, _ := json.Marshal(s) // a string always encodes
	return append(out, b...)
}
