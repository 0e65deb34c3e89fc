package caseflow

import "reflect"

// Erasure erases the personal data of a closed case (删除个人信息): the name, phone and ID
// number of the reviewer or complainant, the free text and complaint content, and the phone
// in a report, from the case and from every entry of its trail, with the case's salt. The
// trail keeps the commitments each entry hashed ([Entry.Erased], [Case.Erased]), so it
// verifies and rebuilds as before; nobody can tell any more which values they committed to.
//
// 个人信息保护法 第四十七条 requires deletion once the purpose is met or the retention period
// ends: the office takes it on an archived or withdrawn case, saying why.
type Erasure struct {
	// Reason says why, e.g. "保存期限届满" (the retention period ended).
	Reason string `json:"reason"`
}

// Event returns EventErase.
func (Erasure) Event() Event { return EventErase }

func (e Erasure) check(c *Case) *RefusalError {
	if r := requireText(ruleErasure, "erasure.reason", e.Reason, "say why the personal data is erased (e.g. 保存期限届满)"); r != nil {
		return r
	}
	if len(c.Trail) > 0 && saltOf(c.Trail) == nil {
		return &RefusalError{Rule: ruleErasure, Err: ErrWrongState, Field: "erasure",
			Detail: "the case's personal data is already erased", Hint: "本办件的个人信息已删除"}
	}
	return nil
}

// ruleErasure is the rule an erasure follows.
const ruleErasure = "个人信息保护法第四十七条"

func (e Erasure) apply(c *Case, _ *Entry) {
	salt, cache := secretsOf(c.Trail)
	defer cache.clear() // it holds the values it committed to
	trail, version := c.Trail, c.Version
	c.Trail = nil
	erased := deepCopy(c)
	erased.Erased = mergeErased(c.Erased, blankPersonal(reflect.ValueOf(erased).Elem(), salt))
	*c = *erased
	c.Trail, c.Version = trail, version
	for i, en := range trail {
		trail[i] = eraseEntry(en, salt)
	}
}

// eraseEntry returns entry e with its step's personal data blanked and committed to, and, for
// the intake, without the salt; e itself when it holds neither.
func eraseEntry(e *Entry, salt []byte) *Entry {
	if e.Step == nil {
		return e
	}
	v := reflect.New(reflect.TypeOf(e.Step)).Elem()
	v.Set(reflect.ValueOf(deepCopy(e.Step)))
	erased := blankPersonal(v, salt)
	step, _ := v.Interface().(Step)
	in, intake := step.(Intake)
	if len(erased) == 0 && !intake {
		return e
	}
	if intake {
		in.Salt, in.commits = nil, nil
		step = in
	}
	out := *e
	out.Step = step
	out.Erased = mergeErased(e.Erased, erased)
	return &out
}

// blankPersonal blanks the personal strings (tagged personal:"true") reachable from v, which
// must be settable and share nothing, and returns their commitments under salt by field.
func blankPersonal(v reflect.Value, salt []byte) map[string]Digest {
	out := map[string]Digest{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Interface:
			if !v.IsNil() {
				e := reflect.New(v.Elem().Type()).Elem()
				e.Set(v.Elem())
				walk(e)
				v.Set(e)
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for _, f := range exportedFields(v.Type()) {
				fv := v.Field(f.index)
				if !f.personal {
					walk(fv)
					continue
				}
				if s := fv.String(); s != "" && salt != nil {
					out[f.key] = commit(salt, f.key, s)
					fv.SetString("")
				}
			}
		}
	}
	walk(v)
	return out
}

// mergeErased returns the commitments of a and b in a new map, b's winning; nil when both
// are empty.
func mergeErased(a, b map[string]Digest) map[string]Digest {
	if len(a)+len(b) == 0 {
		return nil
	}
	out := make(map[string]Digest, len(a)+len(b))
	for k, d := range a {
		out[k] = d
	}
	for k, d := range b {
		out[k] = d
	}
	return out
}
