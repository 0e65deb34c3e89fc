package forms_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/forms"
)

// exampleCase is a case as one of the examples leaves it.
type exampleCase struct {
	name string
	c    *caseflow.Case
}

// exampleCases returns the cases of the examples, made with the test kit on a fixed clock,
// so that their documents are the same from run to run: a pushed review rectified and
// archived (quickstart), one annulled on appeal as mistaken (appeal), an on-site complaint
// archived (onsite), one closed for an unreachable reviewer (unreachable), and one just
// received, whose forms are mostly blank for hand-writing.
func exampleCases(t testing.TB) []exampleCase {
	t.Helper()
	var out []exampleCase
	for _, ex := range []struct {
		name  string
		kind  caseflow.Kind
		state caseflow.State
	}{
		{"quickstart", caseflow.KindSystemPushed, caseflow.StateArchived},
		{"appeal", caseflow.KindSystemPushed, caseflow.StateAnnulled},
		{"onsite", caseflow.KindOnSiteComplaint, caseflow.StateArchived},
		{"unreachable", caseflow.KindSystemPushed, caseflow.StateClosureApproved},
		{"received", caseflow.KindSystemPushed, caseflow.StateReceived},
	} {
		svc := caseflowtest.NewService()
		out = append(out, exampleCase{ex.name, caseflowtest.To(t, svc, ex.kind, ex.state)})
	}
	return out
}

// documents returns every document of the example case: those of its case, and for the
// quickstart's the seal of the day it was received.
func (ex exampleCase) documents(t testing.TB) []*forms.Document {
	t.Helper()
	docs, err := forms.ForCase(ex.c, forms.DefaultOptions())
	require.NoError(t, err)
	require.NotEmpty(t, docs)
	if ex.name == "quickstart" {
		// The seal of the day the case was received, over the case's head and two others
		// with fixed hashes: the kit numbers its reviews across a test run, so the case's
		// own hashes depend on what ran before.
		seal, err := caseflow.NewSeal(ex.c.ReceivedAt.Format(time.DateOnly), []caseflow.SealLeaf{
			{Case: ex.c.ID, Head: caseflow.Head{Seq: len(ex.c.Trail), Hash: caseflow.Digest{1, 2, 3}}},
			{Case: "SP-20261116-0002", Head: caseflow.Head{Seq: 4, Hash: caseflow.Digest{4, 5, 6}}},
			{Case: "OS-20261116-0003", Head: caseflow.Head{Seq: 2, Hash: caseflow.Digest{7, 8, 9}}},
		})
		require.NoError(t, err)
		page, err := forms.SealPage(seal, forms.DefaultOptions())
		require.NoError(t, err)
		docs = append(docs, page)
	}
	return docs
}
