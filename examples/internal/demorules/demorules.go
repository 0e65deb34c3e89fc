// Package demorules holds the illustrative deduction rules (第十条) the examples appraise
// with: rules.json, which no county adopted, and says so in its name and its
// "illustrative" flag, so that every bulletin made with it says so too. A county writes its
// own file and reads it with scoring.ParseRules.
package demorules

import (
	"bytes"
	_ "embed"

	"github.com/haochaping/haochaping/scoring"
)

//go:embed rules.json
var rules []byte

// Rules returns the illustrative rules, parsed.
func Rules() (*scoring.Rules, error) { return scoring.ParseRules(bytes.NewReader(rules)) }
