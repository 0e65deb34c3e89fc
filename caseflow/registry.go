package caseflow

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/haochaping/haochaping"
)

// StepType is the content of the steps of one event: the Go type a portal decodes a form
// or a request body into ([DecodeStep]), the step's name in Chinese, and a JSON schema of
// the content a front end can draw a form from and check it with ([StepType.Schema]).
// Several events share a type told apart by one field, such as ResultFollowUp's satisfied
// for recall and recall_unsatisfied; the event sets it when the content leaves it out.
type StepType struct {
	Event Event
	// Label is the event in Chinese, e.g. "再次回访：满意".
	Label string
	// Type is the Go type's name, e.g. "caseflow.ResultFollowUp".
	Type string
	// Discriminator is the JSON field the event fixes in a shared type ("satisfied"),
	// empty when the type is the event's alone.
	Discriminator string

	typ  reflect.Type
	fix  func(Step) Step // sets the discriminator to the event's value
	omit []string        // fields the service fills in, refused in content
}

// MarshalJSON encodes the step type with its schema.
func (t StepType) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Event         Event           `json:"event"`
		Label         string          `json:"label"`
		Type          string          `json:"type"`
		Discriminator string          `json:"discriminator,omitempty"`
		Schema        json.RawMessage `json:"schema"`
	}{t.Event, t.Label, t.Type, t.Discriminator, t.Schema()})
}

// Schema returns the JSON schema (draft 2020-12) of the step's content, a copy: its
// properties with their types, Chinese titles and allowed values, the fields the content
// must have, and no others (additionalProperties false). A field required only in some
// cases (followUp.reason when the reviewer was reached) is not listed as required: the
// service's refusal says when.
func (t StepType) Schema() json.RawMessage {
	if t.typ == nil {
		return nil
	}
	return slices.Clone(schemaOf(t))
}

// New returns an empty content of the step, the event's discriminator set.
func (t StepType) New() Step {
	s := reflect.New(t.typ).Elem().Interface().(Step)
	if t.fix != nil {
		s = t.fix(s)
	}
	return s
}

// stepKinds lists the content type of each event, in the order of the events, without
// their labels, which the workflows give (see stepTypes); the intake
// ([Intake]) is decoded from trails only: a case opens through [Service.Receive] or
// [Service.Complain].
var stepKinds = []StepType{
	kind[Intake](EventReceive, "", nil),
	kind[Registration](EventRegister, "", nil),
	kind[FollowUp](EventFollowUp, "verdict", func(s FollowUp) FollowUp { s.Verdict = VerdictJustified; return s }),
	kind[FollowUp](EventFollowUpMistaken, "verdict", nil),
	kind[Transfer](EventTransfer, "", nil),
	kind[Meeting](EventMeeting, "", nil),
	kind[Report](EventReport, "", nil),
	kind[Report](EventReportExtension, "", nil),
	kind[Rectification](EventRectificationDone, "", nil),
	kind[OfficeVerification](EventOfficeVerify, "", nil),
	kind[LeaderReview](EventLeaderReview, "", nil),
	kind[ResultFollowUp](EventResultFollowUp, "satisfied", func(s ResultFollowUp) ResultFollowUp { s.Satisfied = true; return s }),
	kind[ResultFollowUp](EventResultFollowUpUnsatisfied, "satisfied", nil),
	kind[CitySubmission](EventSubmitCity, "", nil),
	kind[AppealMaterials](EventAppealMaterials, "", nil),
	kind[AppealConfirmation](EventAppealConfirm, "", nil),
	kind[AppealDecline](EventAppealDecline, "", nil),
	kind[ApplicationReview](EventApplicationReview, "", nil),
	kind[AppealSubmission](EventAppealSubmit, "", nil),
	kind[CityDecision](EventAppealUpheld, "upheld", func(s CityDecision) CityDecision { s.Upheld = true; return s }),
	kind[CityDecision](EventAppealRejected, "upheld", nil),
	kind[Archive](EventArchive, "", nil),
	kind[Urge](EventUrge, "", nil),
	kind[Assignment](EventAssign, "", nil),
	kind[Inspection](EventInspect, "", nil),
	kind[LeaderReport](EventReportLeader, "", nil),
	kind[Retime](EventRetime, "", nil, "rules"),
	kind[ContactAttempt](EventContactAttempt, "", nil),
	kind[ClosureProposal](EventClosurePropose, "", nil),
	kind[ClosureDecision](EventClosureApprove, "approved", func(s ClosureDecision) ClosureDecision { s.Approved = true; return s }),
	kind[ClosureDecision](EventClosureReject, "approved", nil),
	kind[Retransfer](EventRetransfer, "", nil),
	kind[WithdrawalRequest](EventWithdrawRequest, "", nil),
	kind[WithdrawalDecision](EventWithdrawApprove, "approved", func(s WithdrawalDecision) WithdrawalDecision { s.Approved = true; return s }),
	kind[WithdrawalDecision](EventWithdrawReject, "approved", nil),
	kind[AppealAbandon](EventAppealAbandon, "", nil),
	kind[Erasure](EventErase, "", nil),
}

// kind describes the content of event ev, of type T; fix, when set, gives T the value of
// discriminator that ev fixes; omit names the fields the service fills in.
func kind[T Step](ev Event, discriminator string, fix func(T) T, omit ...string) StepType {
	t := StepType{Event: ev, Type: reflect.TypeFor[T]().String(), Discriminator: discriminator,
		typ: reflect.TypeFor[T](), omit: omit}
	if fix != nil {
		t.fix = func(s Step) Step { return fix(s.(T)) }
	}
	return t
}

// stepTypes returns stepKinds labelled as the workflows label their steps: by the first
// definition of the event, the system-pushed workflow's before the on-site one's.
var stepTypes = sync.OnceValue(func() []StepType {
	out := slices.Clone(stepKinds)
	for i := range out {
		for _, wf := range []*Workflow{SystemPushed(), OnSite()} {
			for _, list := range [][]StepDef{wf.steps, wf.anywhere} {
				for _, d := range list {
					if d.Event == out[i].Event && out[i].Label == "" {
						out[i].Label = d.Label
					}
				}
			}
		}
	}
	return out
})

var stepKindOf = sync.OnceValue(func() map[Event]*StepType {
	types := stepTypes()
	m := make(map[Event]*StepType, len(types))
	for i := range types {
		m[types[i].Event] = &types[i]
	}
	return m
})

// StepTypeOf returns the content type of event ev; false for an unknown event and for the
// intake, which opens a case through [Service.Receive] or [Service.Complain].
func StepTypeOf(ev Event) (StepType, bool) {
	t, ok := stepKindOf()[ev]
	if !ok || ev == EventReceive {
		return StepType{}, false
	}
	return *t, true
}

// StepTypes returns the content types of every step a portal may take, in the order of the
// events.
func StepTypes() []StepType {
	out := make([]StepType, 0, len(stepKinds)-1)
	for _, t := range stepTypes() {
		if t.Event != EventReceive {
			out = append(out, t)
		}
	}
	return out
}

// maxStepBytes bounds the JSON of one step's content: a report of a few thousand
// characters is some tens of KiB.
const maxStepBytes = 1 << 20

// DecodeStep decodes the JSON content of a step of event ev, as a portal receives it from a
// form: fields the type does not have are refused (a misspelt "outcom" would otherwise be
// dropped), field names are spelt exactly, and fields the service fills in, more than 1 MiB
// and anything but one JSON object are refused. A field the event fixes may be left out or
// null ("satisfied" of recall); given, it must agree with the event. The content is not
// checked against the case: [Service.Take] does that. It returns a *RefusalError naming the
// event and the field, wrapping haochaping.ErrMalformed (haochaping.ErrTooLarge beyond the
// size), whose Message a clerk reads.
func DecodeStep(ev Event, data []byte) (Step, error) {
	t, ok := StepTypeOf(ev)
	if !ok {
		return nil, &RefusalError{Event: ev, Err: haochaping.ErrMalformed, Field: "event",
			Detail: fmt.Sprintf("unknown step %q", ev), Hint: "不存在，请从可办理的步骤中选择"}
	}
	return t.decode(data)
}

// decodeStep decodes the content of a step of event ev as a trail entry records it.
func decodeStep(ev Event, raw json.RawMessage) (Step, error) {
	t, ok := stepKindOf()[ev]
	if !ok {
		return nil, fmt.Errorf("unknown event %q", ev)
	}
	s, err := t.strict(raw)
	if err != nil {
		return nil, fmt.Errorf("step %s: %w", ev, err)
	}
	if s.Event() != ev {
		return nil, fmt.Errorf("step content is a %s, not a %s", s.Event(), ev)
	}
	return s, nil
}

// strict decodes data into the type, refusing unknown fields and trailing data.
func (t *StepType) strict(data []byte) (Step, error) {
	v := reflect.New(t.typ)
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields() // content of another step's type is refused, not half-read
	if err := d.Decode(v.Interface()); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, fmt.Errorf("more than one JSON value")
	}
	return v.Elem().Interface().(Step), nil
}

// decode decodes a portal's content of the step. Its errors are refusals a clerk reads
// ([RefusalError.Message]): haochaping.ErrTooLarge beyond the size, ErrMalformed otherwise,
// naming the field.
func (t StepType) decode(data []byte) (Step, error) {
	prefix := lowerFirst(t.typ.Name())
	fail := func(err error, field, detail, hint string) error {
		return &RefusalError{Event: t.Event, Err: err, Field: field, Detail: detail, Hint: hint}
	}
	if len(data) > maxStepBytes {
		return nil, fail(haochaping.ErrTooLarge, "step", fmt.Sprintf("%d bytes, more than %d", len(data), maxStepBytes), "")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil || fields == nil {
		return nil, fail(haochaping.ErrMalformed, "step", "want a JSON object", "的内容格式不正确，请检查提交的表单")
	}
	// Field names are spelt exactly: encoding/json would also take "Satisfied" for
	// "satisfied", past the checks below.
	names := jsonNames(t.typ)
	for k := range fields {
		switch {
		case !slices.Contains(names, k):
			return nil, fail(haochaping.ErrMalformed, prefix+"."+k, fmt.Sprintf("unknown field %q", k),
				"不是本步骤的内容，请删除")
		case slices.Contains(t.omit, k):
			return nil, fail(haochaping.ErrMalformed, prefix+"."+k, fmt.Sprintf("field %q is filled in by the service", k),
				"由系统填写，请勿提交")
		}
	}
	s, err := t.strict(data)
	if err != nil {
		field := prefix
		if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok && te.Field != "" {
			field += "." + te.Field
		}
		return nil, fail(haochaping.ErrMalformed, field, err.Error(), "格式不正确，请按表单要求填写")
	}
	if raw, given := fields[t.Discriminator]; (!given || string(raw) == "null") && t.fix != nil {
		s = t.fix(s)
	}
	if got := s.Event(); got != t.Event {
		return nil, fail(haochaping.ErrMalformed, prefix+"."+t.Discriminator,
			fmt.Sprintf("the content is a %s step (%s %s)", got, t.Discriminator, fields[t.Discriminator]),
			"与所办理的步骤不符，请重新选择步骤")
	}
	return s, nil
}

// jsonNames returns the JSON names of the fields of struct type t.
func jsonNames(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if name, _, ok := jsonField(t.Field(i)); ok {
			out = append(out, name)
		}
	}
	return out
}

// jsonField returns the JSON name and options of struct field f; ok is false for a field
// encoding/json leaves out.
func jsonField(f reflect.StructField) (name, opts string, ok bool) {
	name, opts, _ = strings.Cut(f.Tag.Get("json"), ",")
	if !f.IsExported() || name == "-" {
		return "", "", false
	}
	if name == "" {
		name = f.Name
	}
	return name, opts, true
}
