package caseflow

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDutyOwnersCanFulfilTheirDuties checks the worklist never sends anyone a duty they would
// be refused: the owner of every duty may take a step that fulfils it.
func TestDutyOwnersCanFulfilTheirDuties(t *testing.T) {
	for _, k := range dutyKinds {
		owner := dutyDefs[k].owner
		found := false
		for _, w := range []*Workflow{SystemPushed(), OnSite()} {
			for _, s := range w.steps {
				if !slices.Contains(s.Fulfils, k) {
					continue
				}
				found = true
				assert.Contains(t, s.Roles, owner, "duty %s is owed by %s, fulfilled by %s", k, owner, s.Event)
				if k == DutyAccept || k == DutyFeedback {
					assert.Contains(t, s.OwnLeaderRoles, RoleOrgLeader, "第四条（二）: duty %s at a township centre", k)
				}
			}
		}
		assert.True(t, found, "duty %s is fulfilled by some step", k)
	}
}
