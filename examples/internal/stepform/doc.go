// Package stepform draws the HTML form of a step of a case from the JSON schema of its
// content (caseflow.StepType.Schema) and turns the submitted form back into the JSON
// content caseflow.DecodeStep takes. It knows no step: whatever the schema describes, it
// draws, so a new field of a step shows up in the portal without a change here. The
// portal of examples/portal uses it; a vendor building its own portal may copy it.
//
//	st, _ := caseflow.StepTypeOf(caseflow.EventReport)
//	fields, err := stepform.Fields(st.Schema(), r.PostForm, 1) // draw: r.PostForm is nil for a new form
//	data, err := stepform.JSON(st.Schema(), r.PostForm, window) // send
//	step, err := caseflow.DecodeStep(caseflow.EventReport, data)
//
// # Fields
//
// [Fields] lists the inputs of the form in the order the schema's JSON writes its
// properties (caseflow writes them alphabetically), each named by its JSON path joined with
// dots ("finding.verdict"), an item of an array of objects by its index
// ("finding.causes.0.dimension"). Each has the Chinese title of the schema as its label,
// the title of its object or item as its group ("认定 · 认定的原因 1"), and a [Kind] that
// says how to draw it: a text, a textarea of lines (an array of strings), a select (a string
// of oneOf consts), checkboxes (an array of such strings), a date, a checkbox (a boolean),
// or a window (an object with exactly the fields of a haochaping.Window, which the portal
// draws as a select of the county's windows, sending the window's ID). A property with a
// const, such as the satisfied of a recall, is fixed by the step and not drawn. Given the
// form as submitted, Fields gives each field its value, so that a form a clerk must correct
// shows what was typed.
//
// # JSON
//
// [JSON] reads only the schema's fields and sends what is filled in, in the schema's order:
// text trimmed, one item a line of a textarea, the choices ticked, the window the window
// function gives for the ID. Blank fields, empty objects and empty items are left out; it
// does not check that required fields are there, as DecodeStep and the workflow refuse a
// step without them with their own messages. A value that is not one of its choices, a date
// that is not YYYY-MM-DD, a value over 64 KiB, values over 1 MiB in all, more than 100 items
// or a window the window function refuses is a [*FieldError], whose Message names the field
// in Chinese for the clerk: "「认定的结论」不是可选的值".
//
// # Schemas
//
// The schemas drawn are those caseflow writes (JSON Schema draft 2020-12): objects with
// properties, required and titles; strings, with format date or oneOf consts (or an enum);
// booleans; arrays of strings, of such enumerated strings and of objects. Anything else,
// such as an integer, a $ref, an array of arrays, names more than 4 parts deep ("a.b.0.c" is
// 4), more than 200 fields or a schema over 256 KiB, is an error of Fields and JSON: a
// schema the form cannot draw faithfully is refused rather than drawn wrongly. Annotations
// and checks that change neither the drawing nor the JSON (description, pattern,
// additionalProperties, maxLength…) are ignored. A schema is parsed once and kept, up to 64
// of them.
package stepform
