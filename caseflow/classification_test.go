package caseflow_test

import (
	"encoding/json"
	"fmt"
	"strings"
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
	causes := c.SuggestedCauses(nil)
	require.Len(t, causes, 1)
	assert.Equal(t, haochaping.DimensionEfficiency, causes[0].Dimension)
	assert.Empty(t, causes[0].ResponsiblePerson, "only the investigation names the responsible person")
	assert.Empty(t, c.Finding.Verdict, "a suggestion is not a finding")
	assert.Equal(t, caseflow.AccountableUndetermined, c.Finding.Accountable())
}

// The classification is derived data: Receive classifies with the service's crosswalk,
// whatever the review came with, so that no classification refuses a bad review.
func TestReceiveClassifiesWithTheServicesCrosswalk(t *testing.T) {
	f := newFixture(t, at(2026, 11, 20, 10, 16))
	r := nationalReview(t)
	r.Classification = haochaping.Classification{}
	c, _, err := f.svc.Receive(ctx, r)
	require.NoError(t, err)
	assert.Equal(t, []string{"3.5"}, codesOf(c.Review.Classification.Options))

	r = nationalReview(t)
	r.ID += "-2"
	r.Classification.Options = nil // tampered: classified again
	c, _, err = f.svc.Receive(ctx, r)
	require.NoError(t, err)
	assert.Equal(t, []string{"3.5"}, codesOf(c.Review.Classification.Options))

	f.svc.Crosswalk = countyCrosswalk(t) // the county reads 209 as 3.3 as well
	for i, evalDetail := range []string{``, `,"evalDetail":"209,216"`} {
		body := fmt.Sprintf(`{"projectNo":"450224-2026-00060%d","assessNumber":1,"pf":4,"satisfaction":2%s,
			"assessTime":"2026-11-20 10:15:00","userName":"张三丰"}`, i, evalDetail)
		r, err := haochaping.DecodePushed([]byte(body), haochaping.NationalPush()) // classified by the default
		require.NoError(t, err)
		c, _, err := f.svc.Receive(ctx, r)
		require.NoError(t, err, "a bad review decoded with the default crosswalk is received by the county's")
		if evalDetail != "" {
			assert.Equal(t, "county-2026", c.Review.Classification.Crosswalk)
			assert.Equal(t, []string{"3.3", "3.5"}, codesOf(c.Review.Classification.Options))
			assert.Equal(t, []string{"216"}, c.Review.Classification.Unknown, "the codes it could not read stay flagged")
		}
	}
}

// countyCrosswalk is the default crosswalk, but for 209, which the county reads as 3.3 and 3.5.
func countyCrosswalk(t *testing.T) *haochaping.Crosswalk {
	t.Helper()
	var b strings.Builder
	b.WriteString("@crosswalk\tcounty-2026\n@source\t县政管办\n@from\tnational\n@to\trongan-2021-annex1\n")
	for _, e := range haochaping.NationalToAnnex1().Entries() {
		targets := codesOf(e.To)
		if e.From.Code == "209" {
			targets = []string{"3.3", "3.5"}
		}
		b.WriteString(e.From.Code + "\t" + strings.Join(targets, ",") + "\n")
	}
	x, err := haochaping.ParseCrosswalk([]byte(b.String()), haochaping.NationalOptions(), haochaping.Annex1())
	require.NoError(t, err)
	return x
}

// The window sees the reviewer's own words beside Annex 1's.
func TestSuggestedCausesKeepTheReviewersWords(t *testing.T) {
	f := newFixture(t, at(2026, 11, 20, 10, 16))
	body := `{"projectNo":"450224-2026-000557","assessNumber":1,"pf":4,"satisfaction":1,"evalDetail":"110,115",
		"assessTime":"2026-11-20 10:15:00","userName":"张三丰"}`
	r, err := haochaping.DecodePushed([]byte(body), haochaping.NationalPush())
	require.NoError(t, err)
	c, _, err := f.svc.Receive(ctx, r)
	require.NoError(t, err)
	var got []string
	for _, cause := range c.SuggestedCauses(nil) {
		got = append(got, cause.Label())
	}
	assert.Equal(t, []string{
		"服务态度：工作人员服务态度生硬（评价人选：115 服务态度差效率低）",
		"服务效率：工作人员业务不熟练；未在承诺时限内办结（评价人选：110 无理由超过法定办理时间；115 服务态度差效率低）",
	}, got)
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
