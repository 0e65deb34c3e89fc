package caseflow_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

// Found in review: a copy from Get shared the store's cache of commitments, so a caller who
// changed the copy's salt and digested it could make the next step record a wrong digest. A
// copy has no cache now; what it does to its salt stays its own.
func TestACopyCannotPoisonTheCaseCommitments(t *testing.T) {
	f := keyedFixture(t)
	id := reportedWithPersonalData(f)
	cp, err := f.svc.Get(ctx, id)
	require.NoError(t, err)
	in := cp.Trail[0].Step.(caseflow.Intake)
	real, other := slices.Clone(in.Salt), bytes.Repeat([]byte{7}, 32)
	in.Salt = other
	cp.Trail[0].Step = in
	_, err = cp.Digest()
	require.NoError(t, err)
	copy(other, real)
	f.step(id, at(2026, 11, 26, 10, 0), clerk, verification)
	r, err := f.svc.Audit(ctx, id)
	require.NoError(t, err)
	assert.True(t, r.OK(), "%s", r)
}

// Found in review: proofs are hostile input. A huge size looped for ever, a zero recorded
// root accepted any trail, a leaf without a head indexed the trail at -1.
func TestVerifySealRefusesHostileProofs(t *testing.T) {
	f := keyedFixture(t)
	c := f.receive("r1")
	leaf := caseflow.SealLeaf{Case: c.ID, Head: caseflow.HeadOf(c.Trail)}
	root := [32]byte{1}
	for name, tc := range map[string]struct {
		root caseflow.Digest
		p    caseflow.SealProof
	}{
		"a size near the largest int": {root, caseflow.SealProof{Leaf: leaf, Size: math.MaxInt, Path: []caseflow.Digest{{}}}},
		"a path longer than any tree": {root, caseflow.SealProof{Leaf: leaf, Size: 2, Path: make([]caseflow.Digest, 65)}},
		"no recorded root":            {caseflow.Digest{}, caseflow.SealProof{Leaf: leaf, Size: 2}},
		"a leaf without a head":       {root, caseflow.SealProof{Leaf: caseflow.SealLeaf{Case: c.ID}, Size: 1}},
		"a negative index":            {root, caseflow.SealProof{Leaf: leaf, Index: -1, Size: 1}},
	} {
		done := make(chan error, 1)
		go func() { done <- caseflow.VerifySeal(c.Trail, f.svc.Keys, tc.root, tc.p) }()
		select {
		case err := <-done:
			assert.ErrorIs(t, err, caseflow.ErrTampered, name)
		case <-time.After(2 * time.Second):
			t.Fatalf("%s: VerifySeal did not return", name)
		}
	}
}

// Found in review: a nil case, a nil entry or a step given as a nil pointer made the store
// and Verify panic. Each is refused with ErrTampered.
func TestHostileCasesAreRefusedNotPanics(t *testing.T) {
	store := caseflow.NewMemoryStore()
	require.ErrorIs(t, store.Create(ctx, nil), caseflow.ErrTampered)
	require.ErrorIs(t, store.Create(ctx, &caseflow.Case{ID: "x", Trail: []*caseflow.Entry{nil}}), caseflow.ErrTampered)
	typedNil := []*caseflow.Entry{{Seq: 1, Event: caseflow.EventReport, Step: (*caseflow.Report)(nil)}}
	require.ErrorIs(t, store.Create(ctx, &caseflow.Case{ID: "y", Trail: typedNil}), caseflow.ErrTampered)
	_, err := caseflow.Verify(typedNil, nil)
	require.ErrorIs(t, err, caseflow.ErrTampered)
	require.ErrorIs(t, store.Update(ctx, nil), caseflow.ErrTampered)
	var none *caseflow.Case
	_, err = none.Digest()
	require.Error(t, err)
}

// Found in review: a source of salts that failed gave an empty salt, under which phones can
// be guessed from their commitments. No case opens then.
func TestAFailingSaltSourceOpensNoCase(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	f.svc.Rand = io.LimitReader(zeros{}, 10)
	_, _, err := f.svc.Receive(ctx, review("r1", at(2026, 11, 24, 9, 20)))
	require.ErrorContains(t, err, "Service.Rand")
	all, _, err := f.svc.Store.List(ctx, caseflow.Filter{}, caseflow.Page{})
	require.NoError(t, err)
	assert.Empty(t, all)
}

// Found in review: the storage codec's types printed everything under fmt and slog. Only
// their JSON keeps personal data.
func TestTheStorageCodecMasksAllButItsJSON(t *testing.T) {
	c, _ := caseWithPersonalData(t)
	for name, v := range map[string]any{
		"StoredCase": (*caseflow.StoredCase)(c), "StoredEntry": (*caseflow.StoredEntry)(c.Trail[0]),
		"StoredReview": (*haochaping.StoredReview)(c.Review), "StoredReviewer": haochaping.StoredReviewer(c.Review.Reviewer),
	} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d"} {
			assert.Empty(t, leaks(fmt.Sprintf(verb, v)), "fmt %s of %s", verb, name)
		}
		var out bytes.Buffer
		slog.New(slog.NewJSONHandler(&out, nil)).Info("row", "v", v)
		slog.New(slog.NewTextHandler(&out, nil)).Info("row", "v", v)
		assert.Empty(t, leaks(out.String()), "slog of %s", name)
		b, err := json.Marshal(v)
		require.NoError(t, err)
		assert.NotEmpty(t, leaks(string(b)), "the JSON of %s keeps the data", name)
	}
}
