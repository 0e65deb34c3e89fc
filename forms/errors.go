package forms

import "errors"

// ErrNotApplicable is wrapped by the error of a builder asked for a document the case does
// not have: the appeal application of a case without an appeal, the closing approval of a
// case nobody proposed to close.
var ErrNotApplicable = errors.New("forms: the case has no such document")
