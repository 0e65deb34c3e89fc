package caseflow

import (
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/haochaping/haochaping/deadline"
)

// schemas keeps the JSON schema of each event's content, built once.
var schemas sync.Map // Event → []byte

// schemaOf returns the JSON schema of t's content; the caller must not change it.
func schemaOf(t StepType) []byte {
	if b, ok := schemas.Load(t.Event); ok {
		return b.([]byte)
	}
	path := lowerFirst(t.typ.Name())
	s := typeSchema(t.typ, path, t)
	if t.Discriminator != "" { // the values this event takes, not all the type's
		props := s["properties"].(map[string]any)
		props[t.Discriminator] = discriminated(t, props[t.Discriminator].(map[string]any))
	}
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["title"] = t.Label
	b, err := json.Marshal(s) // maps encode with sorted keys: the schema is deterministic
	if err != nil {
		panic("caseflow: schema of " + t.Type + ": " + err.Error()) // only plain values above
	}
	schemas.Store(t.Event, b)
	return b
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// discriminated narrows the schema p of t's discriminator to the values of t's event: those
// whose content is a step of the event.
func discriminated(t StepType, p map[string]any) map[string]any {
	var candidates []any
	if p["type"] == "boolean" {
		candidates = []any{true, false}
	} else {
		candidates = append(candidates, p["oneOf"].([]any)...)
	}
	var keep []any
	for _, c := range candidates {
		v := c
		if alt, ok := c.(map[string]any); ok {
			v = alt["const"]
		}
		b, _ := json.Marshal(map[string]any{t.Discriminator: v})
		if s, err := t.strict(b); err == nil && s.Event() == t.Event {
			keep = append(keep, c)
		}
	}
	out := map[string]any{"type": p["type"], "title": p["title"]}
	switch {
	case p["type"] == "boolean":
		out["const"] = keep[0]
	default:
		out["oneOf"] = keep
	}
	return out
}

// choice is one allowed value of an enumerated field, with its Chinese label.
type choice struct{ code, label string }

// choices lists the values of the enumerated string types of step contents.
var choices = map[reflect.Type]func() []choice{
	reflect.TypeFor[Verdict]():          labelled(VerdictJustified, VerdictMistaken, VerdictUntrue),
	reflect.TypeFor[ContactResult]():    labelled(ContactReached, ContactNoAnswer, ContactWrongNumber, ContactRefused, ContactNoNumber),
	reflect.TypeFor[ClosureReason]():    func() []choice { return labelled(closureReasons...)() },
	reflect.TypeFor[WithdrawalReason](): labelled(WithdrawalDuplicate, WithdrawalTest, WithdrawalOther),
	reflect.TypeFor[Disclosure]():       labelled(DisclosureActive, DisclosureOnRequest, DisclosureNone),
	reflect.TypeFor[Role]():             labelled(RoleOffice, RoleLeader, RoleWindowStaff, RoleWindowHead, RoleOrgLeader, RoleCityInspection),
}

func labelled[T interface {
	~string
	Label() string
}](vs ...T) func() []choice {
	return func() []choice {
		out := make([]choice, len(vs))
		for i, v := range vs {
			out[i] = choice{string(v), v.Label()}
		}
		return out
	}
}

// codes lists the values of an enumeration of the root package (a uint8 with text codes,
// from 1 up): each value's code and label.
func codes(t reflect.Type) []choice {
	var out []choice
	for i := 1; i < 256; i++ {
		v := reflect.New(t).Elem()
		v.SetUint(uint64(i))
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			break
		}
		label := string(b)
		if l, ok := v.Interface().(interface{ Label() string }); ok {
			label = l.Label()
		}
		out = append(out, choice{string(b), label})
	}
	return out
}

var (
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	dateType      = reflect.TypeFor[deadline.Date]()
	digestType    = reflect.TypeFor[Digest]()
)

// typeSchema returns the schema of a value of type t at path (e.g. "report.extension");
// st is the step type whose content it describes, for the fields it omits or fixes.
func typeSchema(t reflect.Type, path string, st StepType) map[string]any {
	switch {
	case t == reflect.TypeFor[time.Time]():
		return map[string]any{"type": "string", "format": "date-time"}
	case t == dateType:
		return map[string]any{"type": "string", "format": "date"}
	case t == digestType:
		return map[string]any{"type": "string", "pattern": "^[0-9a-f]{64}$"}
	case choices[t] != nil:
		return oneOf(choices[t]())
	case t.Kind() == reflect.Uint8 && t.Implements(textMarshaler):
		return oneOf(codes(t))
	}
	switch t.Kind() {
	case reflect.Pointer:
		return typeSchema(t.Elem(), path, st)
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		return map[string]any{"type": "integer"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": typeSchema(t.Elem(), path, st)}
	case reflect.Struct:
		return structSchema(t, path, st)
	}
	return map[string]any{}
}

// structSchema returns the schema of a struct: its JSON fields as properties, those without
// omitempty required (but booleans, whose absence is false, and the event's discriminator).
func structSchema(t reflect.Type, path string, st StepType) map[string]any {
	props := map[string]any{}
	required := []string{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, ok := jsonField(f)
		if !ok {
			continue
		}
		if path == lowerFirst(st.typ.Name()) && slices.Contains(st.omit, name) {
			continue
		}
		p := typeSchema(f.Type, path+"."+name, st)
		if title := FieldLabel(path + "." + name); title != "" {
			p["title"] = title
		}
		props[name] = p
		optional := strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
		if !optional && f.Type.Kind() != reflect.Bool && name != st.Discriminator {
			required = append(required, name)
		}
	}
	return map[string]any{"type": "object", "properties": props, "required": required, "additionalProperties": false}
}

func oneOf(cs []choice) map[string]any {
	alts := make([]any, len(cs))
	for i, c := range cs {
		alts[i] = map[string]any{"const": c.code, "title": c.label}
	}
	return map[string]any{"type": "string", "oneOf": alts}
}
