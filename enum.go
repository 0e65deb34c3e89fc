package haochaping

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// enum holds the reference data of a small enumeration: for each value, its Chinese
// label (shown to people) and its stable text code (used in JSON and data files).
// Value 0 is always invalid.
type enum[T ~uint8] struct {
	kind   string   // the type's name in messages, e.g. "level"
	labels []string // indexed by value
	text   []string // indexed by value
}

func (e *enum[T]) valid(v T) bool { return v > 0 && int(v) < len(e.text) }

func (e *enum[T]) values() []T {
	vs := make([]T, 0, len(e.text)-1)
	for i := 1; i < len(e.text); i++ {
		vs = append(vs, T(i))
	}
	return vs
}

// label returns the Chinese label of v, shown to people.
func (e *enum[T]) label(v T) string {
	if !e.valid(v) {
		return fmt.Sprintf("%T(%d)", v, uint8(v))
	}
	return e.labels[v]
}

// String returns the stable text code of v, for logs and identifiers.
func (e *enum[T]) String(v T) string {
	if !e.valid(v) {
		return fmt.Sprintf("%T(%d)", v, uint8(v))
	}
	return e.text[v]
}

func (e *enum[T]) marshal(v T) ([]byte, error) {
	if !e.valid(v) {
		return nil, fmt.Errorf("haochaping: %s: invalid value %d", e.kind, uint8(v))
	}
	return []byte(e.text[v]), nil
}

// parse returns the value whose text code or Chinese label is s.
func (e *enum[T]) parse(s string) (T, error) {
	for i := 1; i < len(e.text); i++ {
		if e.text[i] == s || e.labels[i] == s {
			return T(i), nil
		}
	}
	return 0, &FieldError{Field: e.kind, Value: s, Err: ErrUnknownCode,
		Detail: "want one of " + strings.Join(e.text[1:], ", ")}
}

func (e *enum[T]) unmarshal(b []byte, v *T) error {
	p, err := e.parse(string(b))
	if err != nil {
		return err
	}
	*v = p
	return nil
}

// unmarshalJSON accepts a JSON string holding a text code or label, and null (which leaves
// v alone). A JSON number is refused: a bare number could be read in the wrong code system.
func (e *enum[T]) unmarshalJSON(b []byte, v *T) error {
	if string(b) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &FieldError{Field: e.kind, Value: string(b), Err: ErrMalformed,
			Detail: "want a text code such as " + strconv.Quote(e.text[1])}
	}
	return e.unmarshal([]byte(s), v)
}
