package scoring_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/scoring"
)

func testRules(t *testing.T) *scoring.Rules {
	t.Helper()
	f, err := os.Open("testdata/rules.json")
	require.NoError(t, err)
	defer f.Close()
	rules, err := scoring.ParseRules(f)
	require.NoError(t, err)
	return rules
}

// line is what a test expects of a ledger line.
type line struct {
	kase, rule, article, reason string
	target                      scoring.Target
	who                         string // person, window or unit
	points                      string
}

func lineOf(l scoring.Line) line {
	who := map[scoring.Target]string{scoring.TargetPerson: l.Person, scoring.TargetWindow: l.Window, scoring.TargetUnit: l.Unit}[l.Target]
	return line{l.Case, l.Rule, l.Article, l.Reason, l.Target, who, l.Points.String()}
}

// 第十条: every line of November's appraisal, by hand. Archived in November: C1, C2, C3,
// C5 (C4 is still rectifying; C6 is December's). C3 was found mistaken and annulled on
// appeal: it deducts nothing (经查属).
func TestAppraise第十条EveryLedgerLine(t *testing.T) {
	a, err := scoring.Appraise(testRules(t), november, scoring.All(monthCases()))
	require.NoError(t, err)
	var got []line
	for _, l := range a.Lines {
		got = append(got, lineOf(l))
	}
	assert.Equal(t, []line{
		// C1, w-tax-1 (a department window, so R4d for its environment), archived 20 Nov.
		{"C1", "R8", "第十条", "差评属实", scoring.TargetUnit, "d-tax", "0.20"},
		{"C1", "R1", "第十条", "服务态度", scoring.TargetPerson, "李四", "2.00"},
		{"C1", "R4d", "第十条", "服务环境", scoring.TargetWindow, "w-tax-1", "2.00"},
		// C2, w-tax-2, archived 25 Nov: closed as 无联系方式 (R7 deducts nothing: no line);
		// its report was late (第五条).
		{"C2", "R8", "第十条", "差评属实", scoring.TargetUnit, "d-tax", "0.20"},
		{"C2", "R3", "第十条", "服务效率", scoring.TargetPerson, "王五", "1.00"},
		{"C2", "R5", "第五条", "报送调查整改报告超期", scoring.TargetWindow, "w-tax-2", "0.50"},
		// C5, w-hall (a business window: R4), archived 30 Nov 23:00, unit the centre.
		{"C5", "R8", "第十条", "差评属实", scoring.TargetUnit, "center", "0.20"},
		{"C5", "R4", "第十条", "服务环境", scoring.TargetWindow, "w-hall", "1.00"},
	}, got)
	assert.Equal(t, 4, a.Cases)
	assert.Equal(t, 3, a.Scored)
	assert.Equal(t, 1, a.Exempt)
	assert.Equal(t, "7.10", a.Total().String())
	assert.True(t, a.Illustrative)

	accounts := func(as []scoring.Account) map[string]string {
		m := map[string]string{}
		for _, x := range as {
			m[x.Window+"/"+x.ID] = x.Points.String()
		}
		return m
	}
	assert.Equal(t, map[string]string{"w-tax-1/李四": "2.00", "w-tax-2/王五": "1.00"}, accounts(a.ByPerson()))
	assert.Equal(t, map[string]string{"w-hall/w-hall": "1.00", "w-tax-1/w-tax-1": "2.00", "w-tax-2/w-tax-2": "0.50"}, accounts(a.ByWindow()))
	// A unit's account holds every line of the unit: its people's, its windows' and its own.
	assert.Equal(t, map[string]string{"/center": "1.20", "/d-tax": "5.90"}, accounts(a.ByUnit()))
}

// 第八条: each time the reviewer was not satisfied and the case went back deducts the
// round's points; C4 counts once it is archived.
func TestAppraise第八条RoundsCountWhenArchived(t *testing.T) {
	cases := monthCases()
	c4 := cases[3]
	c4.Duties = c4.Duties[:1] // the new report fulfilled on time
	c4.State = caseflow.StateArchived
	c4.Trail = append(c4.Trail, c4.Trail[0]) // a copy of the receipt, re-dated as the archive
	arch := *c4.Trail[0]
	arch.Event, arch.Time, arch.Seq = caseflow.EventArchive, at(time.November, 30, 18, 0), len(c4.Trail)
	c4.Trail[len(c4.Trail)-1] = &arch
	a, err := scoring.Appraise(testRules(t), november, scoring.All(cases[3:4]))
	require.NoError(t, err)
	var got []line
	for _, l := range a.Lines {
		got = append(got, lineOf(l))
	}
	assert.Equal(t, []line{
		{"C4", "R8", "第十条", "差评属实", scoring.TargetUnit, "d-tax", "0.20"},
		{"C4", "R2", "第十条", "服务质量", scoring.TargetPerson, "李四", "1.50"},
		{"C4", "R6", "第八条", "评价人不满意，第1次退回整改", scoring.TargetWindow, "w-tax-1", "0.50"},
	}, got)
}

// The appraisal is reproducible from the cases alone: the order they come in changes
// nothing.
func TestAppraiseDeterministic(t *testing.T) {
	cases := monthCases()
	a, err := scoring.Appraise(testRules(t), november, scoring.All(cases))
	require.NoError(t, err)
	for i, j := 0, len(cases)-1; i < j; i, j = i+1, j-1 {
		cases[i], cases[j] = cases[j], cases[i]
	}
	b, err := scoring.Appraise(testRules(t), november, scoring.All(cases))
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

func TestAppraiseRefusesBadInput(t *testing.T) {
	_, err := scoring.Appraise(nil, november, scoring.All(monthCases()))
	require.Error(t, err)
	_, err = scoring.Appraise(testRules(t), scoring.Period{}, scoring.All(monthCases()))
	require.ErrorContains(t, err, "period")
	assert.True(t, strings.HasPrefix(err.Error(), "scoring: "))
}
