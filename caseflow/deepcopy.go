package caseflow

import (
	"reflect"
	"time"
)

// deepCopy returns a copy of v sharing nothing a caller could change through it: every
// pointer, list and map reachable through exported fields is copied, and so is the value in
// an interface. Strings, times and unexported state (a deadline.Rule's) are values and are
// copied with their structs. It serves [Case.Clone], so that what a store hands out is a copy
// in fact, whatever fields the types gain later.
func deepCopy[T any](v T) T {
	src := reflect.ValueOf(&v).Elem()
	out := reflect.New(src.Type()).Elem()
	copyPlan(src.Type())(out, src)
	return out.Interface().(T)
}

// copier sets dst, a settable value of src's type, to a deep copy of src.
type copier func(dst, src reflect.Value)

// copyPlans keeps the copier of each type.
var copyPlans = &plans[copier]{forward: func(get func() copier) copier {
	return func(dst, src reflect.Value) { get()(dst, src) }
}}

func init() { copyPlans.of = copierOf }

func copyPlan(t reflect.Type) copier { return copyPlans.get(t) }

// buildCopier returns the copier of a type inside one being built.
func buildCopier(t reflect.Type) copier { return copyPlans.build(t) }

// plain reports whether a value of t holds nothing a caller could change through it once
// copied by assignment.
func plain(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface, reflect.Chan, reflect.Func:
		return t == reflect.TypeFor[*time.Location]() // zones are shared and never changed
	case reflect.Array:
		return plain(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && !plain(f.Type) {
				return false
			}
		}
	}
	return true
}

func copierOf(t reflect.Type) copier {
	if plain(t) {
		return func(dst, src reflect.Value) { dst.Set(src) }
	}
	switch t.Kind() {
	case reflect.Pointer:
		elem := buildCopier(t.Elem())
		return func(dst, src reflect.Value) {
			if src.IsNil() {
				dst.SetZero()
				return
			}
			p := reflect.New(t.Elem())
			elem(p.Elem(), src.Elem())
			dst.Set(p)
		}
	case reflect.Slice:
		elem := buildCopier(t.Elem())
		return func(dst, src reflect.Value) {
			if src.IsNil() {
				dst.SetZero()
				return
			}
			s := reflect.MakeSlice(t, src.Len(), src.Len())
			for i := 0; i < src.Len(); i++ {
				elem(s.Index(i), src.Index(i))
			}
			dst.Set(s)
		}
	case reflect.Array:
		elem := buildCopier(t.Elem())
		return func(dst, src reflect.Value) {
			for i := 0; i < src.Len(); i++ {
				elem(dst.Index(i), src.Index(i))
			}
		}
	case reflect.Map:
		key, elem := buildCopier(t.Key()), buildCopier(t.Elem())
		return func(dst, src reflect.Value) {
			if src.IsNil() {
				dst.SetZero()
				return
			}
			m := reflect.MakeMapWithSize(t, src.Len())
			for it := src.MapRange(); it.Next(); {
				k, v := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
				key(k, it.Key())
				elem(v, it.Value())
				m.SetMapIndex(k, v)
			}
			dst.Set(m)
		}
	case reflect.Interface:
		return func(dst, src reflect.Value) {
			if src.IsNil() {
				dst.SetZero()
				return
			}
			v := reflect.New(src.Elem().Type()).Elem()
			copyPlan(v.Type())(v, src.Elem())
			dst.Set(v)
		}
	case reflect.Struct:
		type field struct {
			i    int
			copy copier
		}
		var deep []field
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && !plain(f.Type) {
				deep = append(deep, field{i, buildCopier(f.Type)})
			}
		}
		return func(dst, src reflect.Value) {
			dst.Set(src) // unexported state and plain fields by value
			for _, f := range deep {
				f.copy(dst.Field(f.i), src.Field(f.i))
			}
		}
	}
	// Channels and functions are shared: no case holds one.
	return func(dst, src reflect.Value) { dst.Set(src) }
}
