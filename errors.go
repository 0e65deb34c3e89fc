package haochaping

import (
	"errors"
	"fmt"
	"slices"
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
	// ErrTooEarly: a rating time before the rating system existed ([Validator.Since]).
	ErrTooEarly = errors.New("before the rating system existed")
	// ErrTooLarge: a record, a text or a list longer than its [Limits] allow.
	ErrTooLarge = errors.New("too large")
	// ErrDuplicateKey: a key given twice in one JSON object, so that which value holds is unclear.
	ErrDuplicateKey = errors.New("duplicate key")
	// ErrMasked: a masked value cannot be stored back; decode the storage form ([StoredReview]).
	ErrMasked = errors.New("masked value")
)

// FieldError reports one problem with one field of a record. Value is the offending
// value as text, already masked where the field holds personal data, and cut short with
// control characters escaped where it came from outside; it is empty where the value
// cannot be shown safely at all.
type FieldError struct {
	Field  string // dotted path, e.g. "reviewer.idNumber" or "satisfaction"
	Value  string // the offending value (masked for personal data, cut short if long)
	Err    error  // one of the sentinel errors above, possibly wrapped with detail
	Detail string // what is wrong, in words; may be empty
}

func (e *FieldError) Error() string {
	if e == nil {
		return "haochaping: <nil field error>"
	}
	msg := fmt.Sprintf("haochaping: %s %q: %s", e.Field, e.Value, unprefixed(e.Err))
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

// Unwrap returns the sentinel error, for [errors.Is].
func (e *FieldError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

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

// err joins the collected problems, or returns nil when there are none. It lists at most
// limit problems (0 means the default of [Limits.Problems]) and sums up the rest in one
// error saying how many more there are, which still matches their sentinels with
// [errors.Is].
func (p problems) err(limit int) error {
	limit = Limits{Problems: limit}.WithDefaults().Problems
	if len(p) <= limit {
		return errors.Join(p...)
	}
	return errors.Join(append(p[:limit:limit], moreProblems(p[limit:]))...)
}

// moreProblems sums up the problems beyond the limit: it says how many there are and
// unwraps to their distinct sentinels, so that errors.Is still finds them.
func moreProblems(rest []error) error {
	var sentinels []error
	for _, e := range rest {
		var fe *FieldError
		s := e
		if errors.As(e, &fe) {
			s = fe.Err
		}
		if !slices.Contains(sentinels, s) {
			sentinels = append(sentinels, s)
		}
	}
	return &summary{n: len(rest), errs: sentinels}
}

// summary is the error standing for problems beyond the limit.
type summary struct {
	n    int
	errs []error
}

func (s *summary) Error() string { return fmt.Sprintf("haochaping: … and %d more problems", s.n) }

func (s *summary) Unwrap() []error { return s.errs }
