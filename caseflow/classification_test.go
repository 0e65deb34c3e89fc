package caseflow_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// nationalReview returns a 2★ rating pushed with national option codes: 209 (a 2★ option)
// and 510 (a 5★ option, which contradicts the level).
func nationalReview(t *testing.T) haochaping.Review {
	t.Helper()
	body := `{"projectNo":"450224-2026-000555","assessNumber":1,"pf":4,"satisfaction":2,"evalDetail":"209,510",
		"assessTime":"2026-11-20 10:15:00","userName":"张三丰","userProp":1}`
	r, err := haochaping.DecodePushed([]byte(body), haochaping.NationalPush())
	require.NoError(t, err)
	return r
}

// 第二条: the level decides whether a rating is bad; a bad rating whose options contradict
// it still opens a case, and the conflict stays visible on it.
func TestBadReviewWithConflictingOptionsOpensACase_第二条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 20, 10, 16))
	r := nationalReview(t)
	c, created, err := f.svc.Receive(ctx, r)
	require.NoError(t, err)
	require.True(t, created)
	cl := c.Review.Classification
	assert.Equal(t, "national-rongan-2021", cl.Crosswalk)
	assert.Equal(t, []string{"3.5"}, codesOf(cl.Options))
	assert.Equal(t, []string{"510"}, codesOf(cl.Conflicts))
	assert.Contains(t, c.String(), "与评价等级不符 [510 ")
	assert.Equal(t, []string{"209", "510"}, codesOf(c.Review.Options), "the codes as pushed are kept")
}

// 第十条: the classification pre-fills the cause the window proposes; it is not the finding.
func TestSuggestedCausesComeFromTheClassification_第十条(t *testing.T) {
	f := newFixture(t, at(2026, 11, 20, 10, 16))
	c, _, err := f.svc.Receive(ctx, nationalReview(t))
	require.NoError(t, err)
	causes := c.SuggestedCauses()
	require.Len(t, causes, 1)
	assert.Equal(t, haochaping.DimensionEfficiency, causes[0].Dimension)
	assert.Empty(t, causes[0].ResponsiblePerson, "only the investigation names the responsible person")
	assert.Empty(t, c.Finding.Verdict, "a suggestion is not a finding")
	assert.Equal(t, caseflow.AccountableUndetermined, c.Finding.Accountable())
}

func TestReceiveClassifiesAnUnclassifiedReview(t *testing.T) {
	f := newFixture(t, at(2026, 11, 20, 10, 16))
	r := nationalReview(t)
	r.Classification = haochaping.Classification{}
	c, _, err := f.svc.Receive(ctx, r)
	require.NoError(t, err)
	assert.Equal(t, []string{"3.5"}, codesOf(c.Review.Classification.Options))

	r = nationalReview(t)
	r.ID += "-2"
	r.Classification.Options = nil // tampered: no longer what the crosswalk derives
	_, _, err = f.svc.Receive(ctx, r)
	assert.ErrorIs(t, err, haochaping.ErrInconsistent)
}

func TestClassificationSurvivesTheStorageCodecAndTheTrail(t *testing.T) {
	f := newFixture(t, at(2026, 11, 20, 10, 16))
	c, _, err := f.svc.Receive(ctx, nationalReview(t))
	require.NoError(t, err)
	b, err := json.Marshal((*caseflow.StoredCase)(c))
	require.NoError(t, err)
	var back caseflow.Case
	require.NoError(t, json.Unmarshal(b, (*caseflow.StoredCase)(&back)))
	assert.Equal(t, c.Review.Classification, back.Review.Classification)
	want, err := c.Digest()
	require.NoError(t, err)
	got, err := back.Digest()
	require.NoError(t, err)
	assert.Equal(t, want, got, "the digest survives storage")
	_, err = caseflow.Verify(back.Trail, nil)
	assert.NoError(t, err)

	tampered := back.Clone()
	tampered.Review.Classification.Options = nil
	changed, err := tampered.Digest()
	require.NoError(t, err)
	assert.NotEqual(t, want, changed, "the digest covers the classification")
}

func codesOf(opts []haochaping.Option) []string {
	var cs []string
	for _, o := range opts {
		cs = append(cs, o.Code)
	}
	return cs
}
