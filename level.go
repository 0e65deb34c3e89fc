package haochaping

import (
	"fmt"
)

// Level is a satisfaction level (整体满意度), the overall rating a reviewer gives.
//
// The numeric value of a Level is private to this package and is neither of the two code
// systems in use: convert codes with [LevelCodes.Level] and [LevelCodes.Code], naming the
// code system explicitly. The zero Level is invalid.
type Level uint8

// The five satisfaction levels.
// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	VerySatisfied      Level = iota + 1 // 非常满意
	Satisfied                           // 满意
	BasicallySatisfied                  // 基本满意
	Dissatisfied                        // 不满意
	VeryDissatisfied                    // 非常不满意
)

var levels = enum[Level]{
	kind:   "level",
	labels: []string{"", "非常满意", "满意", "基本满意", "不满意", "非常不满意"},
	text:   []string{"", "very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied"},
}

// Levels returns the five levels, best first.
func Levels() []Level { return levels.values() }

// Valid reports whether l is one of the five levels.
func (l Level) Valid() bool { return levels.valid(l) }

// IsBad reports whether l makes a bad review (差评): 不满意 or 非常不满意 only.
//
// 第二条: a bad-review case is a rating whose result is 不满意 or 非常不满意.
func (l Level) IsBad() bool { return l == Dissatisfied || l == VeryDissatisfied }

// Label returns the Chinese label, e.g. "不满意".
func (l Level) Label() string { return levels.label(l) }

// String returns the stable text code, e.g. "dissatisfied".
func (l Level) String() string { return levels.String(l) }

// MarshalText encodes l as its stable text code, e.g. "dissatisfied".
func (l Level) MarshalText() ([]byte, error) { return levels.marshal(l) }

// UnmarshalText decodes a text code written by [Level.MarshalText] or a Chinese label.
func (l *Level) UnmarshalText(b []byte) error { return levels.unmarshal(b, l) }

// UnmarshalJSON decodes a JSON string as UnmarshalText does, and refuses JSON numbers.
func (l *Level) UnmarshalJSON(b []byte) error { return levels.unmarshalJSON(b, l) }

// LevelCodes names a code system for satisfaction levels. The two systems in use run in
// opposite directions, so a code is never read without naming its system. The zero value
// names no system and converts nothing.
type LevelCodes uint8

const (
	// InterfaceCodes are the codes of the national and provincial push interfaces
	// (fields satisfaction, levelCode, evalNum): 1 = 非常不满意 … 5 = 非常满意.
	InterfaceCodes LevelCodes = iota + 1
	// GBT39046Codes are the 满意度代码 of GB/T 39046-2020 Annex A.8:
	// 1 = 非常满意 … 5 = 非常不满意.
	GBT39046Codes
)

// String names the code system.
func (s LevelCodes) String() string {
	switch s {
	case InterfaceCodes:
		return "interface codes"
	case GBT39046Codes:
		return "GB/T 39046-2020 A.8 codes"
	}
	return fmt.Sprintf("LevelCodes(%d)", uint8(s))
}

// Level returns the level that code stands for in system s. It returns a *FieldError
// wrapping ErrUnknownCode for a code outside 1..5 or when s names no system.
func (s LevelCodes) Level(code int) (Level, error) {
	if s != InterfaceCodes && s != GBT39046Codes {
		return 0, &FieldError{Field: "level code system", Value: fmt.Sprint(uint8(s)), Err: ErrUnknownCode,
			Detail: "choose InterfaceCodes or GBT39046Codes"}
	}
	if code < 1 || code > 5 {
		return 0, &FieldError{Field: "level code", Value: excerpt(fmt.Sprint(code)), Err: ErrUnknownCode,
			Detail: fmt.Sprintf("%s run from 1 to 5", s)}
	}
	if s == InterfaceCodes {
		return Level(6 - code), nil // 5 = 非常满意 = VerySatisfied (1)
	}
	return Level(code), nil
}

// Code returns the code of l in system s.
func (s LevelCodes) Code(l Level) (int, error) {
	if !l.Valid() {
		return 0, &FieldError{Field: "level", Value: l.String(), Err: ErrUnknownCode}
	}
	switch s {
	case InterfaceCodes:
		return 6 - int(l), nil
	case GBT39046Codes:
		return int(l), nil
	}
	return 0, &FieldError{Field: "level code system", Value: fmt.Sprint(uint8(s)), Err: ErrUnknownCode,
		Detail: "choose InterfaceCodes or GBT39046Codes"}
}

// PointScale gives the points each level scores in a county's statistics.
type PointScale struct {
	VerySatisfied, Satisfied, BasicallySatisfied, Dissatisfied, VeryDissatisfied int
}

// GuangxiPoints returns the point scale of Guangxi (and Guangdong): 10, 8, 6, 3, 0.
func GuangxiPoints() PointScale {
	return PointScale{VerySatisfied: 10, Satisfied: 8, BasicallySatisfied: 6, Dissatisfied: 3, VeryDissatisfied: 0}
}

// Of returns the points of l on the scale.
func (p PointScale) Of(l Level) (int, error) {
	switch l {
	case VerySatisfied:
		return p.VerySatisfied, nil
	case Satisfied:
		return p.Satisfied, nil
	case BasicallySatisfied:
		return p.BasicallySatisfied, nil
	case Dissatisfied:
		return p.Dissatisfied, nil
	case VeryDissatisfied:
		return p.VeryDissatisfied, nil
	}
	return 0, &FieldError{Field: "level", Value: l.String(), Err: ErrUnknownCode}
}
