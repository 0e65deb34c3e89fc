package stepform

import "fmt"

// FieldError names the form field at fault, in Chinese for the clerk: a value that is not
// one of the field's choices, not a date, too long, or a window the window function does not
// know (Err is then its error).
type FieldError struct {
	// Name is the form field's name, as Field.Name: "finding.causes.0.dimension".
	Name string
	// Label is the field's Chinese title, as Field.Label.
	Label string
	// Reason says what is wrong, in English, for logs.
	Reason string
	// Message says it in Chinese for the clerk: "「认定的结论」不是可选的值".
	Message string
	// Err is the error of the window function, nil otherwise.
	Err error
}

// Error returns "stepform: <name>: <reason>".
func (e *FieldError) Error() string { return "stepform: " + e.Name + ": " + e.Reason }

// Unwrap returns the window function's error.
func (e *FieldError) Unwrap() error { return e.Err }

// fieldError returns the error of field n called name, in item (counting from 1; 0 outside
// an array of objects): reason in English, hint the Chinese words after the field's label.
func fieldError(n *node, name string, item int, err error, hint, reason string, args ...any) *FieldError {
	msg := "「" + n.title + "」"
	if item > 0 {
		msg += fmt.Sprintf("（第 %d 项）", item)
	}
	return &FieldError{Name: name, Label: n.title, Reason: fmt.Sprintf(reason, args...), Message: msg + hint, Err: err}
}
