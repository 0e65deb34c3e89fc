package haochaping_test

import (
	"testing"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/internal/fieldsites"
)

// FieldLabel reads paths a push or a form may name: see fieldsites.FuzzLabel.
func FuzzFieldLabel(f *testing.F) {
	fieldsites.FuzzLabel(f, haochaping.FieldLabel, "reviewer.phone", "options[2]", "evalDetail", "reviewer.phone.x")
}
