package stepform

// Field is one input of a step's form.
type Field struct {
	// Name is the form field's name: the JSON path joined with dots, array items by index:
	// "finding.causes.0.dimension".
	Name string
	// Label is the Chinese title; for nested fields the innermost title (Group holds the
	// parent's).
	Label string
	// Group is the title of the enclosing object or array item ("认定 · 认定的原因 1"),
	// empty at top level.
	Group string
	// Kind says how to draw the field.
	Kind Kind
	// Required is true when the schema requires the field and its parent object is required
	// (up to the top) or filled in.
	Required bool
	// Options are the choices of a KindSelect (an empty first one when not required) and a
	// KindChoices.
	Options []Option
	// Value is the value to show, from the values given to Fields, "" otherwise. For a
	// KindLines it is the text as typed (Values has its lines); for a KindChoices it is the
	// first value (Values has them all).
	Value string
	// Values are the checked values of a KindChoices and the lines of a KindLines, trimmed,
	// blank ones left out: the items JSON would send.
	Values []string
}

// Checked reports whether a KindCheck is ticked: its value is "on" (what a browser sends for a
// ticked checkbox without a value attribute) or "true".
func (f Field) Checked() bool { return checked(f.Value) }

// Kind says how to draw a field.
type Kind string

const (
	// KindText is a string: an <input type=text> (or a textarea).
	KindText Kind = "text"
	// KindLines is an array of strings: a textarea, one item per line.
	KindLines Kind = "lines"
	// KindSelect is a string of a few values (oneOf consts): a <select>, with an empty first
	// option when the field is not required.
	KindSelect Kind = "select"
	// KindChoices is an array of a few values: checkboxes, all with the field's Name.
	KindChoices Kind = "choices"
	// KindDate is a string of format date: an <input type=date>, value YYYY-MM-DD.
	KindDate Kind = "date"
	// KindCheck is a boolean: a checkbox, ticked when its value is "on" or "true".
	KindCheck Kind = "check"
	// KindWindow is an object whose properties are exactly those of a haochaping.Window (id,
	// name, kind, center, department): a <select> of the county's windows whose value is the
	// window's ID; JSON puts the window the ID names in its place.
	KindWindow Kind = "window"
)

// Option is one choice of a KindSelect or KindChoices: the value the form sends and its
// Chinese label.
type Option struct{ Value, Label string }
