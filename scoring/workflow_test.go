package scoring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/scoring"
)

// Cases taken through the real workflow read as the measures say: a case rectified and
// archived on time, one annulled on appeal, one closed without a satisfied reviewer, one
// withdrawn.
func TestIndicatorsReadCasesTakenThroughTheWorkflow(t *testing.T) {
	svc := caseflowtest.NewService()
	archived := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateArchived)
	complaint := caseflowtest.To(t, svc, caseflow.KindOnSiteComplaint, caseflow.StateArchived)
	withdrawn := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateWithdrawn)
	annulled := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateAnnulled)
	month := scoring.MonthOf(caseflowtest.Start())
	r, err := scoring.NewReport(scoring.Definition{}, svc.Now(), month)
	require.NoError(t, err)
	require.NoError(t, r.AddCases(scoring.All([]*caseflow.Case{archived, complaint, withdrawn, annulled})))
	rows, err := r.Rows(month, scoring.ByTotal)
	require.NoError(t, err)
	total := rows[0]
	checkFigures(t, total, map[scoring.IndicatorID]fig{
		scoring.Cases:         {4, 0, true},
		scoring.RectifyRate:   {2, 2, true}, // the archived case and the complaint; the others were never founded
		scoring.OnTimeRate:    {2, 2, true}, // the kit takes every step on time
		scoring.SatisfiedRate: {2, 2, true},
		scoring.Appeals:       {1, 0, true},
		scoring.UpheldRate:    {1, 1, true}, // the city upheld it (差评已撤销)
		scoring.OverdueCases:  {0, 0, true},
	})

	rules := testRules(t)
	a, err := scoring.Appraise(rules, month, scoring.All([]*caseflow.Case{archived, complaint, withdrawn, annulled}))
	require.NoError(t, err)
	assert.Equal(t, 2, a.Cases) // the withdrawn and annulled cases are not archived
	assert.Equal(t, 2, a.Scored)
	assert.NotEmpty(t, a.Lines)
	for _, l := range a.Lines {
		assert.Contains(t, []string{archived.ID, complaint.ID}, l.Case)
	}
}
