package haochaping

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

// duplicatePaths returns the Field of each duplicate checkDuplicateKeys finds.
func duplicatePaths(data []byte) []string {
	var paths []string
	for _, e := range checkDuplicateKeys(data) {
		var fe *FieldError
		if errors.As(e, &fe) {
			paths = append(paths, fe.Field)
		}
	}
	return paths
}

// referenceDuplicatePaths finds duplicate keys another way, through encoding/json's
// tokens, for FuzzDuplicateKeys to compare with.
func referenceDuplicatePaths(data []byte) []string {
	type frame struct {
		keys    map[string]bool
		seg     string
		lastKey string
		wantKey bool
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var paths []string
	var stack []*frame
	for {
		tok, err := d.Token()
		if err != nil {
			return paths
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if tok == json.Delim('}') || tok == json.Delim(']') {
			stack = stack[:len(stack)-1]
			continue
		}
		if top != nil && top.keys != nil && top.wantKey {
			key := tok.(string)
			if top.keys[key] {
				var path []string
				for _, f := range stack {
					if f.seg != "" {
						path = append(path, f.seg)
					}
				}
				paths = append(paths, excerpt(strings.Join(append(path, key), ".")))
			}
			top.keys[key], top.lastKey, top.wantKey = true, key, false
			continue
		}
		seg := ""
		if top != nil && top.keys != nil {
			seg, top.wantKey = top.lastKey, true
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{keys: map[string]bool{}, seg: seg, wantKey: true})
		case json.Delim('['):
			stack = append(stack, &frame{seg: seg})
		}
	}
}

// FuzzDuplicateKeys checks that the byte scanner of checkDuplicateKeys never panics, and
// that on valid JSON it finds the same duplicates, at the same paths, as a walk over
// encoding/json's tokens; and, for an object of three keys, that it finds a duplicate
// exactly when decoding into a map keeps fewer keys than the object gives.
func FuzzDuplicateKeys(f *testing.F) {
	f.Add([]byte(`{"satisfaction":2,"satisfaction":5}`), "a", "b", "a")
	f.Add([]byte(`{"extra":{"a":1,"a":[{"b":1,"b":2}]},"x":"\"a\\","y":{}}`), "evalNum", "evalNum", "x")
	f.Add([]byte(`{"\u0073atisfaction":1,"satisfaction":2}`), "é", "\xff", "\xfe")
	f.Add([]byte(`[{"a":1},{"a":1}]`), "", "", "")
	f.Fuzz(func(t *testing.T, data []byte, a, b, c string) {
		got := duplicatePaths(data) // must not panic, valid or not
		if json.Valid(data) {
			if want := referenceDuplicatePaths(data); !slices.Equal(got, want) {
				t.Fatalf("%s: found %q, encoding/json's tokens say %q", data, got, want)
			}
		}
		obj, _ := json.Marshal([]string{a, b, c})
		var keys []string
		_ = json.Unmarshal(obj, &keys)
		body := []byte("{")
		for i, k := range keys {
			lit, _ := json.Marshal(k)
			if i > 0 {
				body = append(body, ',')
			}
			body = append(append(body, lit...), ":1"...)
		}
		body = append(body, '}')
		var m map[string]json.RawMessage
		if err := json.Unmarshal(body, &m); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if dup := len(duplicatePaths(body)) > 0; dup != (len(m) < 3) {
			t.Fatalf("%s: duplicate %v, but a map keeps %d keys of 3", body, dup, len(m))
		}
	})
}
