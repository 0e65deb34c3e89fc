package caseflow

import (
	"strings"

	"github.com/haochaping/haochaping"
)

// SuggestedCauses returns the causes the reviewer's complaint points to, for a portal to
// pre-fill the finding the window proposes in its report ([Report].Finding): one cause for
// each dimension of the review's classification in Annex 1's terms
// (haochaping.Review.Classification), described by the options that put it there, with no
// responsible person, whom only the investigation names. It returns nil for an on-site
// complaint and for a review without a classification.
//
// A suggestion is not a finding: 第十条 deducts for what the investigation finds the review
// to be (经查属), which is what the report and the office's verification record.
func (c *Case) SuggestedCauses() []Cause {
	if c.Review == nil {
		return nil
	}
	cl := c.Review.Classification
	var causes []Cause
	for _, d := range cl.Dimensions() {
		var labels []string
		for _, o := range cl.Options {
			if o.Dimension == d {
				labels = append(labels, o.Label)
			}
		}
		if d == haochaping.DimensionOther {
			for _, o := range cl.Other {
				labels = append(labels, o.Label)
			}
		}
		causes = append(causes, Cause{Dimension: d, Description: strings.Join(labels, "；")})
	}
	return causes
}
