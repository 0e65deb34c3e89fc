package caseflow_test

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
	"github.com/haochaping/haochaping/internal/fieldsites"
)

func TestFieldLabel(t *testing.T) {
	for path, want := range map[string]string{
		"report.investigator":                        "调查人",
		"followUp.materials":                         "佐证材料",
		"actor.role":                                 "办理人角色",
		"meeting.measures[2]":                        "整改措施第3项",
		"report.extension.until":                     "延期整改的期限",
		"report.finding.causes[0].responsiblePerson": "认定的原因第1项的责任人",
		"registration.responsibleWindow.id":          "责任主体的编号",
		"complaint.complainant.phone":                "投诉人的电话",
		"review.level":                               "评价等级",
		"intake.review.reviewer.phone":               "差评的评价人电话",
		"evidence[1]":                                "佐证文件第2项",
		"at":                                         "办理时间",
		"receivedAt":                                 "收到时间",
		"report":                                     "调查整改报告",
		"report.nonsense":                            "",
		"nonsense":                                   "",
		"meeting.measures[x]":                        "整改措施",
	} {
		assert.Equal(t, want, caseflow.FieldLabel(path), path)
	}
}

// Every JSON field of every step's content, and of what it holds, has a Chinese label: a
// front end labels its forms with them, and a schema of each step titles its fields.
func TestFieldLabelsCoverEveryContentField(t *testing.T) {
	for _, v := range []any{
		caseflow.Registration{}, caseflow.FollowUp{}, caseflow.Meeting{}, caseflow.Report{}, caseflow.Extension{},
		caseflow.Rectification{}, caseflow.OfficeVerification{}, caseflow.LeaderReview{}, caseflow.ResultFollowUp{},
		caseflow.CitySubmission{}, caseflow.AppealMaterials{}, caseflow.AppealConfirmation{}, caseflow.AppealDecline{},
		caseflow.ApplicationReview{}, caseflow.AppealSubmission{}, caseflow.CityDecision{}, caseflow.Urge{},
		caseflow.Assignment{}, caseflow.Inspection{}, caseflow.LeaderReport{}, caseflow.Retime{}, caseflow.ContactAttempt{},
		caseflow.ClosureProposal{}, caseflow.ClosureDecision{}, caseflow.Retransfer{}, caseflow.WithdrawalRequest{},
		caseflow.WithdrawalDecision{}, caseflow.AppealAbandon{}, caseflow.Erasure{}, caseflow.Finding{},
		caseflow.Complaint{}, caseflow.Actor{}, caseflow.Evidence{}, caseflow.Intake{},
	} {
		typ := reflect.TypeOf(v)
		root := strings.ToLower(typ.Name()[:1]) + typ.Name()[1:]
		assert.NotEmpty(t, caseflow.FieldLabel(root), root)
		for _, path := range jsonPaths(typ, root) {
			assert.NotEmpty(t, caseflow.FieldLabel(path), path)
		}
	}
}

// jsonPaths returns the paths of the JSON fields below a value of type t named prefix,
// down to the values JSON encodes whole: those with their own encoding, times and dates.
func jsonPaths(t reflect.Type, prefix string) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		path := prefix + "." + name
		out = append(out, path)
		if ft := leafType(f.Type); ft != nil {
			out = append(out, jsonPaths(ft, path)...)
		}
	}
	return out
}

// leafType returns the struct type a field of type t holds, through pointers and lists, or
// nil when JSON encodes it whole.
func leafType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	p := reflect.PointerTo(t)
	switch {
	case t.Kind() != reflect.Struct, t == reflect.TypeFor[time.Time](), t == reflect.TypeFor[deadline.Date](),
		p.Implements(reflect.TypeFor[json.Marshaler]()), p.Implements(reflect.TypeFor[encoding.TextMarshaler]()):
		return nil
	}
	return t
}

// Every field a refusal site names has a Chinese label. The test reads the package's
// source: the string-literal field arguments of missing, refuse (its form with a field),
// requireText, requireList, badActor, tooLarge, checkWindow and Finding.check, and the
// Field of every RefusalError composite literal; of a field built with fmt.Sprintf or by
// concatenation, the literal before the first verb or variable part.
func TestRefusalFieldsHaveLabels(t *testing.T) {
	field1, field0 := fieldsites.Arg{Index: 1}, fieldsites.Arg{Index: 0}
	fields, err := fieldsites.Find(".", map[string]fieldsites.Arg{"missing": field1, "requireText": field1,
		"requireList": field1, "badActor": field0, "tooLarge": field0, "checkWindow": field1, "check": field0,
		"refuse": {Index: 1, MinArgs: 4}}, "RefusalError")
	require.NoError(t, err)
	assert.Greater(t, len(fields), 60, "the sites found")
	for field, where := range fields {
		assert.NotEmpty(t, caseflow.FieldLabel(field), "%s: field %q has no label", where, field)
	}
}

// A review's own fields are labelled by the root package, under "review.".
func TestFieldLabelOfAReviewIsTheRootPackages(t *testing.T) {
	assert.Equal(t, haochaping.FieldLabel("reviewer.phone"), caseflow.FieldLabel("review.reviewer.phone"))
}
