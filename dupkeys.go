package haochaping

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// checkDuplicateKeys finds every object, at the top or nested, that gives one key twice:
// encoding/json keeps the last value, so a 不满意 followed by a 非常满意 would silently open
// no case. Each duplicate is a *FieldError whose Field is the key's dotted path ("evalNum",
// "extra.ignored") and whose Err is [ErrDuplicateKey]. Keys are compared as a map decodes
// them: exactly, after JSON unescaping, invalid UTF-8 replaced.
//
// data must be valid JSON (DecodePushed has decoded it before); on other input the result
// means nothing, but the check neither panics nor reads out of bounds. It scans the bytes
// once, skipping values without copying them, keeps a stack as deep as the nesting and
// builds a path only for a duplicate, so that a hostile record costs little more than its
// keys.
func checkDuplicateKeys(data []byte) problems {
	type frame struct {
		keys    map[string]bool // nil for an array
		seg     string          // the key this object or array is the value of, if any
		lastKey string          // the last key read in this object
	}
	var p problems
	var stack []frame
	wantKey := false // the next string is a key
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{', '[':
			seg := ""
			if n := len(stack); n > 0 && stack[n-1].keys != nil {
				seg = stack[n-1].lastKey
			}
			f := frame{seg: seg}
			if data[i] == '{' {
				f.keys = map[string]bool{}
			}
			stack = append(stack, f)
			wantKey = data[i] == '{'
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			wantKey = false
		case ',':
			wantKey = len(stack) > 0 && stack[len(stack)-1].keys != nil
		case '"':
			end := stringEnd(data, i)
			if wantKey && len(stack) > 0 {
				top := &stack[len(stack)-1]
				key := decodeKey(data[i : end+1])
				if top.keys[key] {
					path := make([]string, 0, len(stack)+1)
					for _, f := range stack {
						if f.seg != "" {
							path = append(path, f.seg)
						}
					}
					p.add(excerpt(strings.Join(append(path, key), ".")), "", ErrDuplicateKey,
						"an object gives this key twice, so which value holds is unclear")
				}
				top.keys[key] = true
				top.lastKey = key
				wantKey = false
			}
			i = end
		}
	}
	return p
}

// stringEnd returns the index of the quote closing the JSON string that opens at data[i],
// or the last index of data when the string is not closed.
func stringEnd(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j
		}
	}
	return len(data) - 1
}

// decodeKey returns the key a JSON string literal stands for, as encoding/json decodes it.
func decodeKey(lit []byte) string {
	inner := lit[1:max(1, len(lit)-1)]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner)
	}
	var s string
	if json.Unmarshal(lit, &s) != nil {
		return string(inner)
	}
	return s
}

// CheckDuplicateKeys reports every object of the JSON document data, at the top or nested,
// that gives one key twice, as an error joining one *FieldError per duplicate (Field is the
// key's dotted path, Err is [ErrDuplicateKey]); nil when there is none. encoding/json keeps
// the last of two values silently: configuration read strictly (a county's deduction rules,
// say) calls this after decoding. On data that is not valid JSON the result means nothing,
// but it neither panics nor reads out of bounds.
func CheckDuplicateKeys(data []byte) error { return checkDuplicateKeys(data).err(0) }
