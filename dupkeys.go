package haochaping

import (
	"bytes"
	"encoding/json"
	"strings"
)

// checkDuplicateKeys finds every object, at the top or nested, that gives one key twice:
// encoding/json keeps the last value, so a 不满意 followed by a 非常满意 would silently open
// no case. Each duplicate is a *FieldError whose Field is the key's dotted path ("evalNum",
// "extra.ignored") and whose Err is [ErrDuplicateKey]. Keys are compared exactly, after
// JSON unescaping, as a map decodes them. Where data is not JSON the check stops quietly
// and leaves the error to the decoder.
//
// It walks the tokens with an explicit stack and builds a path only for a duplicate, so
// that deep nesting costs memory in proportion to the input.
func checkDuplicateKeys(data []byte) problems {
	type frame struct {
		keys    map[string]bool // nil for an array
		seg     string          // the key this object or array is the value of, if any
		lastKey string          // the last key read in this object
		wantKey bool            // the next token of this object is a key
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var p problems
	var stack []frame
	for {
		tok, err := d.Token()
		if err != nil {
			return p // the end, or malformed JSON that the decoder reports
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		if delim, ok := tok.(json.Delim); ok && (delim == '}' || delim == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && stack[len(stack)-1].keys != nil {
				stack[len(stack)-1].wantKey = true
			}
			continue
		}
		if top != nil && top.keys != nil && top.wantKey {
			key, _ := tok.(string) // json.Decoder.Token gives object keys as strings
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
			top.lastKey, top.wantKey = key, false
			continue
		}
		seg := ""
		if top != nil && top.keys != nil {
			seg = top.lastKey
			top.wantKey = true // this value, scalar or not, is the last key's
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{keys: map[string]bool{}, seg: seg, wantKey: true})
		case json.Delim('['):
			stack = append(stack, frame{seg: seg})
		}
	}
}
