package scoring_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/scoring"
)

func parse(s string) (*scoring.Rules, error) { return scoring.ParseRules(strings.NewReader(s)) }

const oneRule = `{"version":1,"name":"细则","rules":[%s]}`

func withRule(rule string) string { return strings.Replace(oneRule, "%s", rule, 1) }

// The rules are read strictly: each refusal names the field.
func TestParseRulesStrict(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"unknown field", withRule(`{"id":"R1","label":"x","when":{"cause":"attitude"},"persn":2}`), `unknown field "persn"`},
		{"duplicate key", withRule(`{"id":"R1","label":"x","when":{"cause":"attitude"},"person":2,"person":0}`), "rules.person"},
		{"second value", withRule(`{"id":"R1","label":"x","when":{"round":true},"window":1}`) + `{}`, "more than one JSON value"},
		{"version", `{"version":2,"name":"x","rules":[{"id":"R1","label":"x","when":{"round":true}}]}`, "version: 2"},
		{"no name", `{"version":1,"rules":[{"id":"R1","label":"x","when":{"round":true}}]}`, "rules name: required"},
		{"no rule", `{"version":1,"name":"x","rules":[]}`, "0 rules"},
		{"no id", withRule(`{"label":"x","when":{"round":true}}`), "rules[0].id: required"},
		{"same id", withRule(`{"id":"R","label":"x","when":{"round":true}},{"id":"R","label":"y","when":{"overdue":"report"}}`), `"R" is used twice`},
		{"no trigger", withRule(`{"id":"R1","label":"x","when":{}}`), "names 0 things"},
		{"two triggers", withRule(`{"id":"R1","label":"x","when":{"round":true,"overdue":"report"}}`), "names 2 things"},
		{"unknown cause", withRule(`{"id":"R1","label":"x","when":{"cause":"mood"}}`), "rules"},
		{"unknown duty", withRule(`{"id":"R1","label":"x","when":{"overdue":"lunch"}}`), "rules[0].when.overdue"},
		{"unknown closure", withRule(`{"id":"R1","label":"x","when":{"closure":"bored"}}`), "rules[0].when.closure"},
		{"unknown window kind", withRule(`{"id":"R1","label":"x","when":{"round":true,"windowKind":"bank"}}`), "rules"},
		{"第十条 mistaken deducts nothing", withRule(`{"id":"R1","label":"x","when":{"verdict":"mistaken"},"unit":1}`), "经查属"},
		{"第十条 untrue deducts nothing", withRule(`{"id":"R1","label":"x","when":{"verdict":"untrue"}}`), "经查属"},
		{"第十条 environment is the window's", withRule(`{"id":"R1","label":"x","when":{"cause":"environment"},"person":1}`), "rules[0].person"},
		{"person only for a cause", withRule(`{"id":"R1","label":"x","when":{"overdue":"report"},"person":1}`), "rules[0].person"},
		{"第十条 the office's own duty is not the window's record", withRule(`{"id":"R1","label":"x","when":{"overdue":"city_report"},"window":3}`), "not by the window or its unit"},
		{"negative points", withRule(`{"id":"R1","label":"x","when":{"round":true},"window":-1}`), "points"},
		{"three decimals", withRule(`{"id":"R1","label":"x","when":{"round":true},"window":0.125}`), "points"},
		{"over 100", withRule(`{"id":"R1","label":"x","when":{"round":true},"window":100.5}`), "more than 100"},
		{"exponent", withRule(`{"id":"R1","label":"x","when":{"round":true},"window":1e1}`), "points"},
		{"string points", withRule(`{"id":"R1","label":"x","when":{"round":true},"window":"1"}`), "points"},
		{"same trigger twice", withRule(`{"id":"R1","label":"x","when":{"round":true}},{"id":"R2","label":"y","when":{"round":true}}`), `rule "R1" applies to the same thing`},
		{"not UTF-8", "{\"version\":1,\"name\":\"\xff\",\"rules\":[]}", "not UTF-8"},
		{"too large", `{"version":1,"name":"` + strings.Repeat("x", 300<<10) + `"}`, "more than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse(tc.in)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "scoring: "), err.Error())
		})
	}
}

// Every problem is reported at once.
func TestParseRulesReportsEveryProblem(t *testing.T) {
	_, err := parse(`{"version":1,"name":"","rules":[{"id":"","label":"","when":{}}]}`)
	require.Error(t, err)
	for _, want := range []string{"name: required", "rules[0].id", "rules[0].label", "names 0 things"} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestParseRulesReadsPointsExactly(t *testing.T) {
	rules, err := parse(withRule(`{"id":"R1","label":"x","when":{"cause":"attitude"},"person":0.1,"window":2.25,"unit":100}`))
	require.NoError(t, err)
	r := rules.Rules[0]
	assert.Equal(t, scoring.Points(10), r.Person)
	assert.Equal(t, scoring.Points(225), r.Window)
	assert.Equal(t, scoring.Points(10000), r.Unit)
	assert.Equal(t, "2.25", r.Window.String())
}

// FuzzParseRules: whatever the input, ParseRules returns rules that pass Validate or an
// error starting "scoring: ", and never panics.
func FuzzParseRules(f *testing.F) {
	f.Add(withRule(`{"id":"R1","label":"x","when":{"cause":"attitude"},"person":2}`))
	f.Add(withRule(`{"id":"R1","label":"x","when":{"overdue":"report","windowKind":"department"},"window":0.5}`))
	f.Add(`{"version":1,"name":"x","rules":[{"id":"a","label":"b","when":{"closure":"no_contact"},"unit":1.5}]}`)
	f.Add(`{"version":1,"name":"x","rules":[{"id":"a","label":"b","when":{"verdict":"justified"},"unit":0.01}],"name":"y"}`)
	f.Fuzz(func(t *testing.T, in string) {
		rules, err := parse(in)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "scoring: ") {
				t.Fatalf("error %q does not start with scoring: ", err)
			}
			return
		}
		if err := rules.Validate(); err != nil {
			t.Fatalf("parsed rules do not validate: %v", err)
		}
	})
}
