package stepform

import (
	"encoding/json"
	"errors"
	"fmt"
)

// parseOptions returns the choices of oneOf (a list of {"const": "...", "title": "..."}) or
// enum (a list of strings, their own labels).
func parseOptions(oneOf, enum json.RawMessage) ([]Option, error) {
	var out []Option
	if enum != nil {
		var values []string
		if err := json.Unmarshal(enum, &values); err != nil {
			return nil, fmt.Errorf("enum: %v", err)
		}
		for _, v := range values {
			out = append(out, Option{v, v})
		}
	} else {
		var alts []json.RawMessage
		if err := json.Unmarshal(oneOf, &alts); err != nil {
			return nil, fmt.Errorf("oneOf: %v", err)
		}
		for _, alt := range alts {
			o, err := parseOption(alt)
			if err != nil {
				return nil, err
			}
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no choices")
	}
	seen := map[string]bool{}
	for _, o := range out {
		if o.Value == "" || seen[o.Value] {
			return nil, fmt.Errorf("choice %q empty or twice", o.Value)
		}
		seen[o.Value] = true
	}
	return out, nil
}

// parseOption parses one alternative of a oneOf: a string const and its title.
func parseOption(alt json.RawMessage) (Option, error) {
	ms, err := members(alt)
	if err != nil {
		return Option{}, fmt.Errorf("oneOf: %v", err)
	}
	var o Option
	var hasConst bool
	for _, m := range ms {
		switch m.key {
		case "const":
			hasConst = true
			err = json.Unmarshal(m.raw, &o.Value)
		case "title":
			err = json.Unmarshal(m.raw, &o.Label)
		case "description", "$comment":
		default:
			err = fmt.Errorf("keyword %q not supported", m.key)
		}
		if err != nil {
			return Option{}, fmt.Errorf("oneOf: %v", err)
		}
	}
	if !hasConst {
		return Option{}, errors.New("oneOf: an alternative without a const")
	}
	if o.Label == "" {
		o.Label = o.Value
	}
	return o, nil
}
