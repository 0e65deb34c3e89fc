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
	return sizeOf(reflect.ValueOf(act.Step), string(act.Step.Event()), lim)
}

// sizeOf walks v for a text or list over the limits; path names v.
func sizeOf(v reflect.Value, path string, lim haochaping.Limits) *RefusalError {
	switch v.Kind() {
	case reflect.String:
		if len(v.String()) > lim.Text { // a rune has at least one byte: count only when it may be over
			if n := utf8.RuneCountInString(v.String()); n > lim.Text {
				return tooLarge(path, fmt.Sprintf("%d characters; the limit is %d (Limits.Text)", n, lim.Text))
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return sizeOf(v.Elem(), path, lim)
		}
	case reflect.Slice:
		if v.Len() > lim.List {
			return tooLarge(path, fmt.Sprintf("%d items; the limit is %d (Limits.List)", v.Len(), lim.List))
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil
		}
		for i := 0; i < v.Len(); i++ {
			if r := sizeOf(v.Index(i), fmt.Sprintf("%s[%d]", path, i), lim); r != nil {
				return r
			}
		}
	case reflect.Struct:
		if v.Type() == timeType {
			return nil
		}
		for _, f := range exportedFields(v.Type()) {
			if r := sizeOf(v.Field(f.index), path+"."+f.name, lim); r != nil {
				return r
			}
		}
	}
	return nil
}

func tooLarge(field, detail string) *RefusalError {
	return &RefusalError{Err: haochaping.ErrTooLarge, Field: strings.TrimPrefix(field, "."), Detail: detail}
}
