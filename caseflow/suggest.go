package caseflow

import (
	"slices"
	"strings"

	"github.com/haochaping/haochaping"
)

// SuggestedCauses returns the causes the reviewer's complaint points to, for a portal to
// pre-fill the finding the window proposes in its report ([Report].Finding): one cause for
// each dimension of the review's classification in Annex 1's terms
// (haochaping.Review.Classification), described by the Annex 1 options that put it there
// and, where they differ, the reviewer's own words, the options as pushed
// ("未在承诺时限内办结（评价人选：209 未在承诺时间内办结）"), with no responsible person, whom
// only the investigation names. x is the crosswalk that classified the review (the
// Service's Crosswalk; nil means haochaping.NationalToAnnex1); a review classified by
// another shows the Annex 1 options alone. It returns nil for an on-site complaint and for
// a review without a classification.
//
// A suggestion is not a finding: 第十条 deducts for what the investigation finds the review
// to be (经查属), which is what the report and the office's verification record.
func (c *Case) SuggestedCauses(x *haochaping.Crosswalk) []Cause {
	if c.Review == nil {
		return nil
	}
	if x == nil {
		x = haochaping.NationalToAnnex1()
	}
	cl := c.Review.Classification
	var causes []Cause
	for _, d := range cl.Dimensions() {
		var labels, pushed []string
		for _, o := range cl.Options {
			if o.Dimension == d {
				labels = append(labels, o.Label)
			}
		}
		for _, o := range c.Review.Options {
			means := x.Means(o)
			if cl.Crosswalk == x.ID() && !slices.Contains(means, o) &&
				(slices.ContainsFunc(means, func(t haochaping.Option) bool { return t.Dimension == d }) ||
					d == haochaping.DimensionOther && slices.Contains(cl.Other, o)) {
				pushed = append(pushed, o.String())
			}
		}
		desc := strings.Join(labels, "；")
		switch {
		case len(labels) == 0:
			desc = strings.Join(pushed, "；") // 其他: the reviewer's words are all there is
		case len(pushed) > 0:
			desc += "（评价人选：" + strings.Join(pushed, "；") + "）"
		}
		causes = append(causes, Cause{Dimension: d, Description: desc})
	}
	return causes
}
