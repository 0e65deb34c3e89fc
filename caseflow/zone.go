package caseflow

import (
	"reflect"
	"sync"
	"time"
)

// setZone sets every time reachable from v, a pointer, to the zone loc, in place: through
// pointers, lists, maps and the values in interfaces (a trail entry's step). The storage
// codec writes times in UTC and reads them back in the zone cases are shown in, so that
// what a store keeps does not depend on the zone of the server that wrote it.
func setZone(v any, loc *time.Location) {
	walkZone(reflect.ValueOf(v), loc)
}

var timeHolders sync.Map // reflect.Type → bool: whether a value of the type can reach a time

// holdsTime reports whether a value of t can reach a time.Time.
func holdsTime(t reflect.Type) bool {
	if h, ok := timeHolders.Load(t); ok {
		return h.(bool)
	}
	timeHolders.Store(t, true) // a recursive type is walked; the walk stops at nil
	h := false
	switch t.Kind() {
	case reflect.Struct:
		h = t == timeType
		for i := 0; i < t.NumField() && !h; i++ {
			h = t.Field(i).IsExported() && holdsTime(t.Field(i).Type)
		}
	case reflect.Pointer, reflect.Slice, reflect.Array:
		h = holdsTime(t.Elem())
	case reflect.Map:
		h = holdsTime(t.Elem())
	case reflect.Interface:
		h = true
	}
	timeHolders.Store(t, h)
	return h
}

func walkZone(v reflect.Value, loc *time.Location) {
	if !v.IsValid() || !holdsTime(v.Type()) {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkZone(v.Elem(), loc)
		}
	case reflect.Struct:
		if v.Type() == timeType {
			if t := v.Interface().(time.Time); !t.IsZero() && v.CanSet() {
				v.Set(reflect.ValueOf(t.In(loc)))
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walkZone(v.Field(i), loc)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkZone(v.Index(i), loc)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(it.Value())
			walkZone(e, loc)
			v.SetMapIndex(it.Key(), e)
		}
	case reflect.Interface:
		if v.IsNil() || !v.CanSet() {
			return
		}
		e := reflect.New(v.Elem().Type()).Elem()
		e.Set(v.Elem())
		walkZone(e, loc)
		v.Set(e)
	}
}
