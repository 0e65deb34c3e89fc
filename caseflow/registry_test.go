package caseflow_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

func TestDecodeStepFillsTheEventsDiscriminator(t *testing.T) {
	s, err := caseflow.DecodeStep(caseflow.EventResultFollowUp, []byte(`{"outcome":"满意"}`))
	require.NoError(t, err)
	assert.Equal(t, caseflow.ResultFollowUp{Outcome: "满意", Satisfied: true}, s)
	s, err = caseflow.DecodeStep(caseflow.EventResultFollowUpUnsatisfied, []byte(`{"outcome":"仍不满意"}`))
	require.NoError(t, err)
	assert.Equal(t, caseflow.EventResultFollowUpUnsatisfied, s.Event())
	s, err = caseflow.DecodeStep(caseflow.EventFollowUp, []byte(`{"outcome":"属实","reason":"态度生硬","materials":["录音"]}`))
	require.NoError(t, err)
	assert.Equal(t, caseflow.VerdictJustified, s.(caseflow.FollowUp).Verdict)
	s, err = caseflow.DecodeStep(caseflow.EventAppealUpheld, []byte(`{"reference":"柳政管督〔2026〕3号"}`))
	require.NoError(t, err)
	assert.True(t, s.(caseflow.CityDecision).Upheld)
}

func TestDecodeStepRefusals(t *testing.T) {
	for _, tc := range []struct {
		name  string
		event caseflow.Event
		body  string
		want  string
	}{
		{"unknown field", caseflow.EventMeeting, `{"responsiblePerson":"李四","measures":["培训"],"mesures":[]}`, `unknown field "mesures"`},
		{"discriminator against the event", caseflow.EventResultFollowUp, `{"outcome":"不满意","satisfied":false}`, "recall_unsatisfied"},
		{"content of the other event", caseflow.EventReport, `{"investigator":"甲","extension":{"reason":"需采购","until":"2026-12-10"}}`, "report_extension"},
		{"a field the service fills in", caseflow.EventRetime, `{"reason":"新政策","rules":{}}`, `"rules" is filled in by the service`},
		{"unknown event", "fly", `{}`, `unknown step "fly"`},
		{"the intake", caseflow.EventReceive, `{}`, "unknown step"},
		{"not an object", caseflow.EventUrge, `["请办理"]`, "want a JSON object"},
		{"two values", caseflow.EventUrge, `{"message":"a"} {"message":"b"}`, "want a JSON object"},
		{"too large", caseflow.EventUrge, `{"message":"` + strings.Repeat("a", 1<<20) + `"}`, "more than 1048576"},
		{"wrong type", caseflow.EventUrge, `{"message":3}`, "cannot unmarshal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := caseflow.DecodeStep(tc.event, []byte(tc.body))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "caseflow: "), err.Error())
			m := caseflow.Message(err)
			assert.NotContains(t, m, "系统错误", "a clerk reads what is wrong")
			assert.Regexp(t, `^[^A-Za-z]*(“[^”]*”[^A-Za-z]*)*$`, m, "no English outside quotes")
		})
	}
}

// Every event a workflow takes from an open state has a step type, and its schema describes
// exactly the fields the decoder accepts.
func TestEveryStepHasATypeAndASchema(t *testing.T) {
	types := caseflow.StepTypes()
	byEvent := map[caseflow.Event]caseflow.StepType{}
	for _, st := range types {
		byEvent[st.Event] = st
	}
	for _, wf := range []*caseflow.Workflow{caseflow.SystemPushed(), caseflow.OnSite()} {
		for _, d := range append(wf.Steps(), wf.Anywhere()...) {
			if d.Event == caseflow.EventReceive {
				continue
			}
			_, ok := byEvent[d.Event]
			assert.True(t, ok, "no step type for %s", d.Event)
		}
	}
	for _, st := range types {
		var schema struct {
			Schema     string                     `json:"$schema"`
			Title      string                     `json:"title"`
			Type       string                     `json:"type"`
			Properties map[string]json.RawMessage `json:"properties"`
			Required   []string                   `json:"required"`
			Additional *bool                      `json:"additionalProperties"`
		}
		require.NoError(t, json.Unmarshal(st.Schema(), &schema), st.Event)
		assert.Equal(t, "object", schema.Type, st.Event)
		assert.NotEmpty(t, st.Label, st.Event)
		assert.Equal(t, st.Label, schema.Title)
		require.NotNil(t, schema.Additional)
		assert.False(t, *schema.Additional, "unknown fields are refused")
		for _, r := range schema.Required {
			assert.Contains(t, schema.Properties, r, "%s requires a field it does not describe", st.Event)
		}
		// An object of every described property decodes: the schema names no field the
		// type lacks.
		fields := map[string]json.RawMessage{}
		for name := range schema.Properties {
			fields[name] = json.RawMessage("null")
		}
		if st.Discriminator != "" {
			delete(fields, st.Discriminator)
		}
		b, _ := json.Marshal(fields)
		_, err := caseflow.DecodeStep(st.Event, b)
		if err != nil {
			assert.NotContains(t, err.Error(), "unknown field", st.Event)
		}
	}
}

func TestStepSchemaListsAllowedValues(t *testing.T) {
	st, ok := caseflow.StepTypeOf(caseflow.EventFollowUpMistaken)
	require.True(t, ok)
	var schema struct {
		Properties map[string]struct {
			OneOf []struct{ Const, Title string } `json:"oneOf"`
		} `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(st.Schema(), &schema))
	var codes []string
	for _, c := range schema.Properties["verdict"].OneOf {
		codes = append(codes, c.Const)
		assert.NotEmpty(t, c.Title)
	}
	assert.Equal(t, []string{"mistaken", "untrue"}, codes, "the values of callback_mistaken, not of the type")
	// The schema handed out is a copy.
	s := st.Schema()
	s[0] = 'x'
	assert.Equal(t, byte('{'), st.Schema()[0])
}

func FuzzDecodeStep(f *testing.F) {
	f.Add("recall", `{"outcome":"满意"}`)
	f.Add("report_extension", `{"investigator":"甲","subject":"乙","investigation":["a"],"measures":["b"],"extension":{"reason":"r","until":"2026-12-10"}}`)
	f.Add("retransfer", `{"responsibleWindow":{"id":"w","name":"n","kind":"department","center":"c"},"reason":"r"}`)
	f.Fuzz(func(t *testing.T, ev, body string) {
		s, err := caseflow.DecodeStep(caseflow.Event(ev), []byte(body))
		if err != nil {
			require.Nil(t, s)
			return
		}
		require.Equal(t, caseflow.Event(ev), s.Event(), "a decoded step is a step of its event")
	})
}
