package caseflow

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/haochaping/haochaping"
)

// checkSize refuses a step carrying more than the limits allow, before anything else reads
// it: a text of more than lim.Text runes, or a list of more than lim.List items, in the step
// content, the note or the evidence. The refusal names the field (by its JSON name) and the
// limit, never the value. It is a *RefusalError wrapping haochaping.ErrTooLarge.
func checkSize(act Action, lim haochaping.Limits) *RefusalError {
	if len(act.Evidence) > lim.List {
		return tooLarge("evidence", fmt.Sprintf("%d items; the limit is %d (Limits.List)", len(act.Evidence), lim.List))
	}
	if n := utf8.RuneCountInString(act.Note); n > lim.Text {
		return tooLarge("note", fmt.Sprintf("%d characters; the limit is %d (Limits.Text)", n, lim.Text))
	}
	for i, e := range act.Evidence {
		if utf8.RuneCountInString(e.Name)+utf8.RuneCountInString(e.Ref) > lim.Text {
			return tooLarge(fmt.Sprintf("evidence[%d]", i), fmt.Sprintf("the name and reference exceed %d characters (Limits.Text)", lim.Text))
		}
	}
	return sizeOf(reflect.ValueOf(act.Step), "", lim)
}

// sizeOf refuses v, named path, holding a text or list over the limits. An empty path names
// v by its type, as [FieldLabel] reads it: a Report is "report".
func sizeOf(v reflect.Value, path string, lim haochaping.Limits) *RefusalError {
	where, detail := oversize(v, lim)
	if detail == "" {
		return nil
	}
	if path == "" {
		path = lowerCamel(v.Type().Name())
	}
	return tooLarge(path+where, detail)
}

// oversize finds a text or list over the limits in v: where it is below v (".measures",
// "[2]"), and what is wrong; detail is empty when there is none. The path is built only for
// what it finds, so that a step within the limits costs no allocation.
func oversize(v reflect.Value, lim haochaping.Limits) (where, detail string) {
	switch v.Kind() {
	case reflect.String:
		if len(v.String()) > lim.Text { // a rune has at least one byte: count only when it may be over
			if n := utf8.RuneCountInString(v.String()); n > lim.Text {
				return "", fmt.Sprintf("%d characters; the limit is %d (Limits.Text)", n, lim.Text)
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return oversize(v.Elem(), lim)
		}
	case reflect.Slice:
		if v.Len() > lim.List {
			return "", fmt.Sprintf("%d items; the limit is %d (Limits.List)", v.Len(), lim.List)
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return "", ""
		}
		for i := 0; i < v.Len(); i++ {
			if w, d := oversize(v.Index(i), lim); d != "" {
				return fmt.Sprintf("[%d]", i) + w, d
			}
		}
	case reflect.Struct:
		if v.Type() == timeType {
			return "", ""
		}
		for _, f := range exportedFields(v.Type()) {
			if w, d := oversize(v.Field(f.index), lim); d != "" {
				return "." + f.name + w, d
			}
		}
	}
	return "", ""
}

func tooLarge(field, detail string) *RefusalError {
	return &RefusalError{Err: haochaping.ErrTooLarge, Field: strings.TrimPrefix(field, "."), Detail: detail}
}
