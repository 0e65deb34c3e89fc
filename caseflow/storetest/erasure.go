package storetest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

// testErasure holds the store to 个人信息保护法 第四十七条: an erasure rewrites the stored
// entries that held personal data, keeping their hashes, and the store must keep the
// rewritten ones, not the originals.
func testErasure(t *testing.T, f factory) {
	h := f.harness(t)
	c := h.receive("r1")
	c = h.take(c.ID, h.clock().Add(10*time.Minute), clerk, caseflow.WithdrawalRequest{
		Reason: caseflow.WithdrawalDuplicate, DuplicateOf: "SP-0", Detail: "重复推送"})
	c = h.take(c.ID, h.clock().Add(20*time.Minute), boss, caseflow.WithdrawalDecision{Approved: true, Opinion: "同意"})
	before := h.get(c.ID)
	require.NotEmpty(t, before.Review.Reviewer.Phone)
	h.take(c.ID, h.clock().Add(30*time.Minute), clerk, caseflow.Erasure{Reason: "误立案件，无需保存"})

	got := h.get(c.ID)
	h.verified(got)
	assert.Empty(t, got.Review.Reviewer.Name, "the case keeps no name")
	assert.Empty(t, got.Review.Reviewer.Phone, "the case keeps no phone")
	in, ok := got.Trail[0].Step.(caseflow.Intake)
	require.True(t, ok)
	assert.Empty(t, in.Review.Reviewer.Phone, "the stored intake keeps no phone")
	assert.Nil(t, in.Salt, "the store keeps no salt")
	for i, e := range before.Trail {
		assert.Equal(t, e.Hash, got.Trail[i].Hash, "entry %d keeps its hash", i+1)
	}
}
