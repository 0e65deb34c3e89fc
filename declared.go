package haochaping

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"
)

// maxDeclaration bounds the text of a declared layout; a real one is well under 4 KiB.
const maxDeclaration = 64 << 10

// maxNames bounds the push field names of one review field; maxNameBytes one name.
const (
	maxNames     = 8
	maxNameBytes = 64
)

// declaration is the JSON form of a declared layout.
type declaration struct {
	Name      string            `json:"name"`
	Base      string            `json:"base"`
	Levels    string            `json:"levels"`
	Channels  string            `json:"channels"`
	Fields    *Fields           `json:"fields"`
	Encrypted []string          `json:"encrypted"`
	Defaults  map[string]string `json:"defaults"`
	Location  string            `json:"location"`
}

var (
	levelCodeNames = map[string]LevelCodes{"interface": InterfaceCodes, "gbt39046": GBT39046Codes}
	pfVariantNames = map[string]PFVariant{"common": PFCommon, "zhejiang": PFZhejiang}
)

// ParsePushFormat reads a layout a county or vendor declares without code, as JSON:
//
//	{
//	  "name": "xx-vendor",                  (required: named in errors)
//	  "base": "national",                   (optional: a preset of [Presets] to start from)
//	  "levels": "interface",                (interface or gbt39046; required without a base)
//	  "channels": "common",                 (common or zhejiang; required without a base)
//	  "fields": {"matterNumber": ["bjbh"], "level": ["myd"], "reviewerPhone": ["sjhm"]},
//	  "encrypted": ["sjhm"],                (push fields that arrive encrypted)
//	  "defaults": {"channel": "4"},         (values for fields the records lack)
//	  "location": "Asia/Shanghai"           (the zone of the rating time)
//	}
//
// The review fields are those of [Fields], by their JSON names; each one given replaces
// the base's names for it, and an empty list removes them. The option list, the crosswalk,
// the decrypter and the limits are set in code on the [PushFormat] returned.
//
// A declaration is refused, with every problem at once, when it is over 64 KiB, is not
// one JSON object, repeats a key, names a field or a setting that does not exist, gives a
// review field more than 8 names or a name over 64 bytes or with a control character,
// reads one push field for two review fields, marks encrypted a field it does not read,
// or lacks a way to read a matter number, a level, a channel and a time.
func ParsePushFormat(data []byte) (PushFormat, error) {
	if len(data) > maxDeclaration {
		return PushFormat{}, fmt.Errorf("haochaping: push format: %d bytes; the limit is %d", len(data), maxDeclaration)
	}
	var d declaration
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return PushFormat{}, fmt.Errorf("haochaping: push format: %s", excerpt(err.Error()))
	}
	if _, err := dec.Token(); err != io.EOF {
		return PushFormat{}, errors.New("haochaping: push format: more than one JSON value, or data after it")
	}
	if dup := checkDuplicateKeys(data); len(dup) > 0 {
		return PushFormat{}, dup.err(0)
	}
	var p problems
	checkKeyCase(&p, data)
	f := d.format(&p)
	f.check(&p)
	if err := p.err(0); err != nil {
		return PushFormat{}, err
	}
	return f, nil
}

// checkKeyCase refuses keys of the declaration and of its fields that encoding/json would
// match only by ignoring case ("Encrypted"): two spellings of one key could hide one
// another from the duplicate check.
func checkKeyCase(p *problems, data []byte) {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return
	}
	exact := func(where string, keys []string, known []string) {
		for _, k := range keys {
			if !slices.Contains(known, k) {
				p.add(where, excerpt(k), ErrUnknownCode, "want one of %v, spelt so", known)
			}
		}
	}
	exact("declaration", slices.Sorted(maps.Keys(top)), declarationKeys)
	var fields map[string]json.RawMessage
	if json.Unmarshal(top["fields"], &fields) == nil {
		exact("fields", slices.Sorted(maps.Keys(fields)), fieldNames)
	}
}

// declarationKeys are the keys of a declaration, as its JSON tags spell them.
var declarationKeys = func() []string {
	t := reflect.TypeFor[declaration]()
	keys := make([]string, t.NumField())
	for i := range keys {
		keys[i] = t.Field(i).Tag.Get("json")
	}
	return keys
}()

// Check reports what makes f unable to read records, every problem at once: a push field
// name that is empty, over 64 bytes or holds a control character, more than 8 names for one
// review field, a push field read for two review fields, an encrypted field it does not
// read, a default for no review field or an empty one, a required review field (matter
// number, level, channel, time) with neither names nor default. [ParsePushFormat] checks
// the layouts it reads; call Check on one built in code.
func (f PushFormat) Check() error {
	var p problems
	f.check(&p)
	return p.err(0)
}

// format builds the PushFormat the declaration describes, reporting what it cannot read.
func (d declaration) format(p *problems) PushFormat {
	var f PushFormat
	if d.Base != "" {
		base, ok := Presets()[d.Base]
		if !ok {
			p.add("base", excerpt(d.Base), ErrUnknownCode, "want one of %v", slices.Sorted(maps.Keys(Presets())))
		}
		f = base
	}
	f.Name = d.Name
	if d.Name == "" || HasControl(d.Name) || len(d.Name) > maxNameBytes {
		p.add("name", excerpt(d.Name), ErrRequired, "a name of at most %d bytes without control characters", maxNameBytes)
	}
	if d.Levels != "" || d.Base == "" {
		var ok bool
		if f.Levels, ok = levelCodeNames[d.Levels]; !ok {
			p.add("levels", excerpt(d.Levels), ErrUnknownCode, "want interface or gbt39046")
		}
	}
	if d.Channels != "" || d.Base == "" {
		var ok bool
		if f.Channels, ok = pfVariantNames[d.Channels]; !ok {
			p.add("channels", excerpt(d.Channels), ErrUnknownCode, "want common or zhejiang")
		}
	}
	if d.Fields != nil {
		f.Fields = mergeFields(f.Fields, *d.Fields, givenFields(d.Fields))
	}
	if d.Encrypted != nil {
		f.Encrypted = slices.Clone(d.Encrypted)
	}
	if d.Defaults != nil {
		f.Defaults = maps.Clone(d.Defaults)
	}
	if d.Location != "" {
		loc, err := time.LoadLocation(d.Location)
		if err != nil || len(d.Location) > maxNameBytes || d.Location == "Local" {
			p.add("location", excerpt(d.Location), ErrUnknownCode, "want an IANA zone such as Asia/Shanghai")
		}
		f.Location = loc
	}
	return f
}

// givenFields reports, for each field of Fields, whether the declaration gave it.
func givenFields(declared *Fields) []bool {
	v := reflect.ValueOf(declared).Elem()
	given := make([]bool, v.NumField())
	for i := range given {
		given[i] = !v.Field(i).IsNil()
	}
	return given
}

// mergeFields returns base with each field given in over replacing base's.
func mergeFields(base, over Fields, given []bool) Fields {
	out := base.clone()
	v, o := reflect.ValueOf(&out).Elem(), reflect.ValueOf(over)
	for i, g := range given {
		if g {
			v.Field(i).Set(reflect.ValueOf(slices.Clone(o.Field(i).Interface().([]string))))
		}
	}
	return out
}

// check reports what makes f unable to read records: names that are empty, too long or
// too many, a push field read for two review fields, an encrypted field it does not read, a
// default for no review field, a required review field with neither names nor default.
func (f PushFormat) check(p *problems) {
	seen := map[string]string{}
	fields := f.Fields
	if fields.isZero() {
		fields = nationalFields()
	}
	v := reflect.ValueOf(fields)
	for i, name := range fieldNames {
		names := v.Field(i).Interface().([]string)
		if len(names) > maxNames {
			p.add("fields."+name, fmt.Sprint(len(names)), ErrTooLarge, "at most %d names", maxNames)
			continue
		}
		for _, n := range names {
			switch {
			case n == "" || len(n) > maxNameBytes || HasControl(n):
				p.add("fields."+name, excerpt(n), ErrMalformed, "a name of 1 to %d bytes without control characters", maxNameBytes)
			case seen[n] != "" && seen[n] != name:
				p.add("fields."+name, excerpt(n), ErrInconsistent, "push field %s is read for %s too", excerpt(n), seen[n])
			}
			seen[n] = name
		}
	}
	for _, e := range f.Encrypted {
		if seen[e] == "" {
			p.add("encrypted", excerpt(e), ErrInconsistent, "not a field the layout reads")
		}
	}
	for _, k := range slices.Sorted(maps.Keys(f.Defaults)) {
		if !slices.Contains(fieldNames, k) {
			p.add("defaults", excerpt(k), ErrUnknownCode, "not a review field of Fields")
		} else if v := f.Defaults[k]; strings.TrimSpace(v) == "" || len(v) > maxNameBytes || HasControl(v) {
			p.add("defaults."+k, excerpt(v), ErrMalformed, "a value of 1 to %d bytes without control characters", maxNameBytes)
		}
	}
	for _, req := range []string{"matterNumber", "level", "channel", "time"} {
		i := slices.Index(fieldNames, req)
		if v.Field(i).Len() == 0 && strings.TrimSpace(f.Defaults[req]) == "" {
			p.add("fields."+req, "", ErrRequired, "layout %q has no field for it and no default", f.Name)
		}
	}
}
