package caseflow

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
)

// The canonical encoding is the form a case is digested in ([Case.Digest]): a compact binary
// encoding of the Go values themselves, not of any text codec, so that neither masking in
// JSON nor the zone a store hands times back in changes a digest. It is for hashing only and
// is never decoded.
//
//   - A struct is each of its exported fields that does not encode as its zero value does,
//     as two bytes standing for its JSON name (fieldID) and its value, then 0xffff: a field added later, left zero,
//     changes no digest of a stored case. A field
//     that can hold personal data (a Reviewer, a *Review) counts as set even when zero: its
//     personal values may be erased, leaving it zero, and their commitments still count.
//   - A time is its instant (Unix seconds and nanoseconds), whatever its zone.
//   - A string or byte list is its length and bytes; a list its length and elements (nil
//     and empty alike); a map its length and entries in key order; a pointer a presence byte
//     and its element; an interface its dynamic type's name and value.
//   - A struct with no exported fields (deadline.Rule) is its unexported fields in order.
//   - A field tagged `canon:"-"` is left out.
//   - A string field tagged `personal:"true"` (a name, a phone, an ID number, free text) is
//     its commitment under the case's salt (see commit), or the commitment recorded when the
//     value was erased: a trail hashes no personal data, and stays verifiable once it is gone.
type canonEncoder func(b []byte, v reflect.Value, cx *canonCtx) []byte

// canonCtx is what the encoding of personal data needs: the case's salt, and the
// commitments to values already erased.
type canonCtx struct {
	salt   []byte
	erased map[string]Digest
	cache  *commitCache // may be nil
	err    error        // a personal value that cannot be committed to: no salt
}

var canonCtxs = sync.Pool{New: func() any { return new(canonCtx) }}

// appendCanonicalWith appends the canonical encoding of v with the case's salt, erased
// commitments and commitment cache (nil for none).
func appendCanonicalWith(b []byte, v reflect.Value, salt []byte, erased map[string]Digest, cache *commitCache) ([]byte, error) {
	cx := canonCtxs.Get().(*canonCtx)
	*cx = canonCtx{salt: salt, erased: erased, cache: cache}
	b, err := appendCanonical(b, v, cx)
	*cx = canonCtx{}
	canonCtxs.Put(cx)
	return b, err
}

// appendCanonical appends the canonical encoding of v; the invalid Value (of a nil
// interface) is a zero byte. It returns cx.err, set when a personal value is present but
// the salt is gone.
func appendCanonical(b []byte, v reflect.Value, cx *canonCtx) ([]byte, error) {
	if !v.IsValid() {
		return append(b, 0), nil
	}
	b = canonPlan(v.Type())(b, v, cx)
	return b, cx.err
}

// canonPlans keeps the encoder of each type.
var canonPlans = &plans[canonEncoder]{forward: func(get func() canonEncoder) canonEncoder {
	return func(b []byte, v reflect.Value, cx *canonCtx) []byte { return get()(b, v, cx) }
}}

func init() { canonPlans.of = planOf }

// canonPlan returns the encoder of t, building it once.
func canonPlan(t reflect.Type) canonEncoder { return canonPlans.get(t) }

// buildPlan returns the encoder of a type inside one being built.
func buildPlan(t reflect.Type) canonEncoder { return canonPlans.build(t) }

var timeType = reflect.TypeFor[time.Time]()

func planOf(t reflect.Type) canonEncoder {
	switch {
	case t == timeType:
		return func(b []byte, v reflect.Value, cx *canonCtx) []byte {
			var tm time.Time
			if v.CanAddr() {
				tm = *(*time.Time)(v.Addr().UnsafePointer())
			} else {
				tm = v.Interface().(time.Time)
			}
			if tm.IsZero() {
				return append(b, 0)
			}
			b = binary.AppendVarint(append(b, 1), tm.Unix())
			return binary.AppendUvarint(b, uint64(tm.Nanosecond()))
		}
	case t.Kind() == reflect.Struct && len(exportedFields(t)) == 0:
		// A value type with its state unexported (deadline.Rule): its fields, read only.
		plans := make([]canonEncoder, t.NumField())
		for i := range plans {
			plans[i] = buildPlan(t.Field(i).Type)
		}
		return func(b []byte, v reflect.Value, cx *canonCtx) []byte {
			for i, p := range plans {
				b = p(b, v.Field(i), cx)
			}
			return b
		}
	}
	switch t.Kind() {
	case reflect.String:
		return func(b []byte, v reflect.Value, cx *canonCtx) []byte { return appendString(b, v.String()) }
	case reflect.Bool:
		return func(b []byte, v reflect.Value, cx *canonCtx) []byte {
			if v.Bool() {
				return append(b, 1)
			}
			return append(b, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(b []byte, v reflect.Value, cx *canonCtx) []byte { return binary.AppendVarint(b, v.Int()) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(b []byte, v reflect.Value, cx *canonCtx) []byte { return binary.AppendUvarint(b, v.Uint()) }
	case reflect.Float32, reflect.Float64:
		return func(b []byte, v reflect.Value, cx *canonCtx) []byte {
			return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float()))
		}
	case reflect.Pointer:
		elem := buildPlan(t.Elem())
		return func(b []byte, v reflect.Value, cx *canonCtx) []byte {
			if v.IsNil() {
				return append(b, 0)
			}
			return elem(append(b, 1), v.Elem(), cx)
		}
	case reflect.Interface:
		return func(b []byte, v reflect.Value, cx *canonCtx) []byte {
			if v.IsNil() {
				return append(b, 0)
			}
			v = v.Elem()
			b = appendString(append(b, 1), v.Type().String())
			return canonPlan(v.Type())(b, v, cx)
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return func(b []byte, v reflect.Value, cx *canonCtx) []byte {
				if t.Kind() == reflect.Array {
					b = binary.AppendUvarint(b, uint64(v.Len()))
					for i := 0; i < v.Len(); i++ {
						b = append(b, byte(v.Index(i).Uint()))
					}
					return b
				}
				return appendBytes(b, v.Bytes())
			}
		}
		elem := buildPlan(t.Elem())
		return func(b []byte, v reflect.Value, cx *canonCtx) []byte {
			b = binary.AppendUvarint(b, uint64(v.Len()))
			for i := 0; i < v.Len(); i++ {
				b = elem(b, v.Index(i), cx)
			}
			return b
		}
	case reflect.Map:
		key, elem := buildPlan(t.Key()), buildPlan(t.Elem())
		return func(b []byte, v reflect.Value, cx *canonCtx) []byte {
			type kv struct{ k, v []byte }
			entries := make([]kv, 0, v.Len())
			for it := v.MapRange(); it.Next(); {
				entries = append(entries, kv{key(nil, it.Key(), cx), elem(nil, it.Value(), cx)})
			}
			slices.SortFunc(entries, func(x, y kv) int { return cmp.Compare(string(x.k), string(y.k)) })
			b = binary.AppendUvarint(b, uint64(len(entries)))
			for _, e := range entries {
				b = append(append(b, e.k...), e.v...)
			}
			return b
		}
	case reflect.Struct:
		fields := exportedFields(t)
		plans := make([]canonEncoder, len(fields))
		always := make([]bool, len(fields)) // holds personal data, whose erasure leaves it zero
		for i, f := range fields {
			plans[i] = buildPlan(t.Field(f.index).Type)
			always[i] = !f.personal && holdsPersonal(t.Field(f.index).Type, map[reflect.Type]bool{})
			if f.personal {
				plans[i] = personalPlan(f.key)
			}
		}
		// A field is left out when it encodes as its zero value does: comparing bytes is
		// cheaper than reflect's IsZero, which walks a struct field twice.
		var zeroOnce sync.Once
		zero := make([][]byte, len(fields))
		return func(b []byte, v reflect.Value, cx *canonCtx) []byte {
			zeroOnce.Do(func() {
				for i, f := range fields {
					zero[i] = plans[i](nil, reflect.Zero(t.Field(f.index).Type), &canonCtx{})
				}
			})
			for i, f := range fields {
				start := len(b)
				b = append(b, byte(f.id>>8), byte(f.id))
				mark := len(b)
				b = plans[i](b, v.Field(f.index), cx)
				if !always[i] && bytes.Equal(b[mark:], zero[i]) {
					b = b[:start]
				}
			}
			return append(b, 0xff, 0xff) // no field's ID (see fieldID)
		}
	}
	// Channels and functions have no place in a case: digest them as their kind only.
	kind := t.Kind().String()
	return func(b []byte, _ reflect.Value, _ *canonCtx) []byte { return appendString(b, kind) }
}

// canonField is an exported field of a struct: its index, its JSON name, and for a field of
// personal data (tagged `personal:"true"`) the key of its commitment: the type's name and
// the field's, as in "Reviewer.phone".
type canonField struct {
	index    int
	name     string
	id       uint16 // fieldID(name)
	personal bool
	key      string
}

// fieldID is the two bytes that stand for a field's JSON name in the canonical encoding:
// FNV-1a of the name folded to 16 bits, never 0xffff (the end of a struct). Names, not
// positions, so that reordering fields changes no digest; TestFieldIDsAreUnique checks no
// two fields of one struct share an ID.
func fieldID(name string) uint16 {
	h := fnv.New32a()
	io.WriteString(h, name)
	id := uint16(h.Sum32() ^ h.Sum32()>>16)
	if id == 0xffff {
		id = 0xfffe
	}
	return id
}

// holdsPersonal reports whether a value of t can hold a personal field.
func holdsPersonal(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return holdsPersonal(t.Elem(), seen)
	case reflect.Struct:
		if t == timeType {
			return false
		}
		for _, f := range exportedFields(t) {
			if f.personal || holdsPersonal(t.Field(f.index).Type, seen) {
				return true
			}
		}
	}
	return false
}

// personalPlan encodes a personal string as its commitment under the case's salt, or the
// commitment recorded when it was erased.
func personalPlan(key string) canonEncoder {
	return func(b []byte, v reflect.Value, cx *canonCtx) []byte {
		s := v.String()
		switch {
		case s == "":
			d := cx.erased[key]
			return append(b, d[:]...)
		case cx.salt == nil:
			if cx.err == nil {
				cx.err = fmt.Errorf("caseflow: personal value %s present without the case's salt", key)
			}
			return b
		}
		d := cx.cache.commit(cx.salt, key, s)
		return append(b, d[:]...)
	}
}

var fieldCache sync.Map // reflect.Type → []canonField

// exportedFields returns the exported fields of struct type t not left out of JSON, with
// their JSON names; the list is shared: do not change it.
func exportedFields(t reflect.Type) []canonField {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]canonField)
	}
	fs := structFields(t)
	fieldCache.Store(t, fs)
	return fs
}

func structFields(t reflect.Type) []canonField {
	var out []canonField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case f.Tag.Get("canon") == "-", name == "-":
			continue
		case name == "":
			name = f.Name
		}
		personal := f.Tag.Get("personal") == "true" && f.Type.Kind() == reflect.String
		out = append(out, canonField{i, name, fieldID(name), personal, t.Name() + "." + name})
	}
	return out
}

// appendBytes appends p with its length before it.
func appendBytes(b, p []byte) []byte { return append(binary.AppendUvarint(b, uint64(len(p))), p...) }

// appendString appends s with its length before it.
func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}
