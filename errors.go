package haochaping

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors wrapped by [FieldError]; callers branch on them with [errors.Is].
var (
	// ErrRequired: a field that must be given is empty.
	ErrRequired = errors.New("required")
	// ErrUnknownCode: a code that the chosen code system or list does not define.
	ErrUnknownCode = errors.New("unknown code")
	// ErrMalformed: a value whose form is wrong (a date, a phone, an ID number).
	ErrMalformed = errors.New("malformed")
	// ErrInconsistent: a value that contradicts another field of the same record.
	ErrInconsistent = errors.New("inconsistent")
	// ErrFuture: a time after the present.
	ErrFuture = errors.New("in the future")
)

// FieldError reports one problem with one field of a record. Value is the offending
// value as text, already masked where the field holds personal data.
type FieldError struct {
	Field  string // dotted path, e.g. "reviewer.idNumber" or "satisfaction"
	Value  string // the offending value (masked for personal data)
	Err    error  // one of the sentinel errors above, possibly wrapped with detail
	Detail string // what is wrong, in words; may be empty
}

func (e *FieldError) Error() string {
	msg := fmt.Sprintf("haochaping: %s %q: %s", e.Field, e.Value, unprefixed(e.Err))
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

// Unwrap returns the sentinel error, for [errors.Is].
func (e *FieldError) Unwrap() error { return e.Err }

// unprefixed returns the message of err without the package's name, for an error quoted
// inside another of this package's errors, so that a message names the package once.
func unprefixed(err error) string { return strings.TrimPrefix(err.Error(), "haochaping: ") }

// problems collects field errors so that validation reports every problem at once.
type problems []error

func (p *problems) add(field, value string, err error, detail string, args ...any) {
	if len(args) > 0 {
		detail = fmt.Sprintf(detail, args...)
	}
	*p = append(*p, &FieldError{Field: field, Value: value, Err: err, Detail: detail})
}

// err joins the collected problems, or returns nil when there are none.
func (p problems) err() error { return errors.Join(p...) }
