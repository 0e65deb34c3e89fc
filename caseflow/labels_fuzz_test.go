package caseflow_test

import (
	"testing"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/internal/fieldsites"
)

// FieldLabel reads paths a front end may send back: see fieldsites.FuzzLabel.
func FuzzFieldLabel(f *testing.F) {
	fieldsites.FuzzLabel(f, caseflow.FieldLabel, "meeting.measures[2]", "report.finding.causes[0].dimension", "meeting.measures.00")
}
