package caseflow_test

import (
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

// The Merkle tree is RFC 6962's: with one leaf the root is the leaf hash; proofs of every
// leaf of trees of every size up to 17 lead to the root, and no proof leads there from
// another leaf or index.
func TestSealIsAnRFC6962MerkleTree(t *testing.T) {
	for n := 1; n <= 17; n++ {
		var leaves []caseflow.SealLeaf
		for i := 0; i < n; i++ {
			leaves = append(leaves, caseflow.SealLeaf{Case: fmt.Sprintf("c%02d", i), Head: caseflow.Head{Seq: i + 1, Hash: sha256.Sum256([]byte{byte(i)})}})
		}
		s, err := caseflow.NewSeal("2026-11-24", leaves)
		require.NoError(t, err)
		for _, l := range leaves {
			p, err := s.Proof(l.Case)
			require.NoError(t, err)
			assert.Equal(t, s.Root, p.Root)
			assert.NoError(t, caseflow.VerifySealProof(s.Root, p), "n=%d %s", n, l.Case)
			forged := p
			forged.Leaf.Head.Seq++
			assert.ErrorIs(t, caseflow.VerifySealProof(s.Root, forged), caseflow.ErrTampered)
			if n > 1 {
				forged = p
				forged.Index = (p.Index + 1) % n
				assert.ErrorIs(t, caseflow.VerifySealProof(s.Root, forged), caseflow.ErrTampered, "n=%d", n)
			}
		}
	}
	_, err := caseflow.NewSeal("24.11.2026", nil)
	assert.Error(t, err)
	_, err = caseflow.NewSeal("2026-11-24", []caseflow.SealLeaf{{Case: "a", Head: caseflow.Head{Seq: 1}}, {Case: "a", Head: caseflow.Head{Seq: 2}}})
	assert.ErrorContains(t, err, "sealed twice")
}

// A daily seal shows that a case was not changed after it was sealed, even by someone
// holding the county's key: steps taken since pass, a trail rewritten and re-chained under
// the key does not.
func TestVerifySealCatchesARewriteUnderTheKey(t *testing.T) {
	f := keyedFixture(t)
	id := toRectifying(f) // all on 2026-11-24
	other := f.receive("r2").ID
	seal, err := f.svc.Seal(ctx, "2026-11-24")
	require.NoError(t, err)
	require.Len(t, seal.Leaves, 2)
	p, err := seal.Proof(id)
	require.NoError(t, err)
	root := seal.Root // what the office printed and signed

	c := f.step(id, at(2026, 11, 25, 16, 0), head, report) // the next day: allowed
	require.NoError(t, caseflow.VerifySeal(c.Trail, f.svc.Keys, root, p))

	// Someone with the key rewrites the meeting of the 24th and re-chains every entry after
	// it: the trail verifies under the key, but no longer passes through the sealed head.
	forger := caseflow.NewService(caseflow.NewMemoryStoreWithKeys(f.svc.Keys))
	forger.Keys, forger.Now, forger.Calendar, forger.Rand = f.svc.Keys, f.clock.Now, f.svc.Calendar, zeros{}
	f.clock.Set(at(2026, 11, 24, 9, 30))
	forged := c.Trail[:4]
	rebuilt, err := forger.Rebuild(forged)
	require.NoError(t, err)
	require.NoError(t, forger.Store.Create(ctx, rebuilt))
	m := meeting
	m.ResponsiblePerson = "无人"
	f.clock.Set(at(2026, 11, 24, 15, 0))
	rewritten, err := forger.Take(ctx, id, caseflow.Action{Actor: staff, Step: m})
	require.NoError(t, err)
	_, err = caseflow.Verify(rewritten.Trail, f.svc.Keys)
	require.NoError(t, err, "the rewritten trail verifies under the key")
	assert.ErrorIs(t, caseflow.VerifySeal(rewritten.Trail, f.svc.Keys, root, p), caseflow.ErrTampered)

	po, err := seal.Proof(other)
	require.NoError(t, err)
	assert.ErrorIs(t, caseflow.VerifySeal(c.Trail, f.svc.Keys, root, po), caseflow.ErrTampered, "another case's proof")
	_, err = seal.Proof("nobody")
	assert.ErrorIs(t, err, caseflow.ErrNotFound)
}
