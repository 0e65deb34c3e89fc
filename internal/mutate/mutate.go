// Package mutate changes everything a caller can change through the values it is given, for
// tests proving that a shared value is read-only in fact (STYLE.md rule 3): a test takes
// what a package hands out, mutates it with [All], and checks that the package behaves as
// before.
package mutate

import "reflect"

// All changes what can be changed through each of vs without unsafe: it follows pointers,
// interfaces, exported struct fields, slice and array elements and map values, sets every
// string it reaches to "x", flips bools, changes numbers, then clears and nils every slice
// and map and nils every pointer, interface and func it can set. Unexported fields are left
// alone, as a caller cannot reach them; so is a struct reached through a pointer as a whole
// (*p = T{} is possible through any pointer to any type).
func All(vs ...any) {
	w := walker{seen: map[seenKey]bool{}}
	for _, v := range vs {
		w.walk(reflect.ValueOf(v))
	}
}

type seenKey struct {
	p uintptr
	t reflect.Type
}

type walker struct{ seen map[seenKey]bool }

func (w *walker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		k := seenKey{v.Pointer(), v.Type()}
		if w.seen[k] {
			return
		}
		w.seen[k] = true
		w.walk(v.Elem())
	case reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				w.walk(v.Field(i))
			}
		}
	case reflect.Array:
		for i := range v.Len() {
			w.walk(v.Index(i))
		}
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		for i := range v.Len() {
			w.walk(v.Index(i))
		}
		for i := range v.Len() {
			if e := v.Index(i); e.CanSet() {
				e.SetZero()
			}
		}
	case reflect.Map:
		if v.IsNil() {
			return
		}
		iter := v.MapRange()
		for iter.Next() {
			e := reflect.New(iter.Value().Type()).Elem()
			e.Set(iter.Value())
			w.walk(e)
			v.SetMapIndex(iter.Key(), e)
		}
		v.Clear()
	case reflect.String:
		if v.CanSet() {
			v.SetString("x")
		}
		return
	case reflect.Bool:
		if v.CanSet() {
			v.SetBool(!v.Bool())
		}
		return
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.CanSet() {
			v.SetInt(^v.Int())
		}
		return
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if v.CanSet() {
			v.SetUint(^v.Uint())
		}
		return
	case reflect.Float32, reflect.Float64:
		if v.CanSet() {
			v.SetFloat(v.Float() + 1)
		}
		return
	}
	switch v.Kind() { // containers and references, after what they reach
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map, reflect.Func, reflect.Chan:
		if v.CanSet() {
			v.SetZero()
		}
	}
}
