package caseflow_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
)

var erasure = caseflow.Erasure{Reason: "保存期限届满"}

// keyedFixture is a fixture whose service and store chain trails under a county key.
func keyedFixture(t *testing.T) *fixture {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	keys, err := caseflow.NewKeyring("k1", map[string][]byte{"k1": []byte("a county key of thirty-two bytes or more")})
	require.NoError(t, err)
	f.svc.Store, f.svc.Keys = caseflow.NewMemoryStoreWithKeys(keys), keys
	return f
}

// hashes returns the hashes of a trail's entries.
func hashes(trail []*caseflow.Entry) []caseflow.Digest {
	out := make([]caseflow.Digest, len(trail))
	for i, e := range trail {
		out[i] = e.Hash
	}
	return out
}

// 个人信息保护法 第四十七条: the personal data of a closed case can be erased without breaking
// any chain. The trail hashed salted commitments, not the values: once the values and the
// salt are gone, every entry keeps its hash, the trail verifies to its head, and the case
// rebuilds from it.
func TestErasureKeepsEveryTrailVerifiable(t *testing.T) {
	for _, tc := range []struct {
		name  string
		close func(f *fixture) string
	}{
		{"a pushed review", func(f *fixture) string {
			id := reportedWithPersonalData(f)
			f.step(id, at(2026, 11, 26, 10, 0), clerk, verification)
			f.step(id, at(2026, 11, 26, 11, 0), boss, review1)
			f.step(id, at(2026, 11, 26, 15, 0), clerk, satisfied)
			f.step(id, at(2026, 11, 27, 9, 0), clerk, caseflow.CitySubmission{})
			return f.step(id, at(2026, 11, 27, 10, 0), clerk, caseflow.Archive{}).ID
		}},
		{"an on-site complaint", func(f *fixture) string {
			c, _, err := f.svc.Complain(ctx, clerk, caseflow.Complaint{ID: "cp-1", Center: center, Time: at(2026, 11, 24, 9, 20),
				Content: "张三丰投诉，电话13812345678", Complainant: haochaping.Reviewer{Name: "张三丰", Phone: "13812345678"}})
			require.NoError(f.t, err)
			f.step(c.ID, at(2026, 11, 24, 9, 40), clerk, caseflow.Registration{Content: "投诉窗口人员工作时间玩手机"})
			f.step(c.ID, at(2026, 11, 24, 9, 50), clerk, caseflow.Assignment{ResponsibleWindow: taxWindow, Basis: "投诉所指窗口"})
			f.step(c.ID, at(2026, 11, 24, 10, 0), clerk, caseflow.Transfer{})
			f.step(c.ID, at(2026, 11, 25, 16, 0), staff, report)
			f.step(c.ID, at(2026, 11, 25, 17, 0), clerk, caseflow.LeaderReport{Summary: "已整改"})
			f.step(c.ID, at(2026, 11, 26, 9, 0), clerk, caseflow.ResultFollowUp{Outcome: "投诉人满意", Satisfied: true})
			return f.step(c.ID, at(2026, 11, 26, 10, 0), clerk, caseflow.Archive{}).ID
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := keyedFixture(t)
			id := tc.close(f)
			before, err := f.svc.Get(ctx, id)
			require.NoError(t, err)
			stored, err := json.Marshal((*caseflow.StoredCase)(before))
			require.NoError(t, err)
			require.NotEmpty(t, leaks(string(stored)), "the storage codec holds the personal data before")

			c := f.step(id, at(2026, 12, 1, 9, 0), clerk, erasure)
			assert.Equal(t, caseflow.StateArchived, c.State, "an erasure keeps the case where it is")
			got, err := f.svc.Get(ctx, id)
			require.NoError(t, err)
			stored, err = json.Marshal((*caseflow.StoredCase)(got))
			require.NoError(t, err)
			assert.Empty(t, leaks(string(stored)), "nothing personal is left in the storage codec")
			assert.NotContains(t, string(stored), `"salt"`, "the salt is gone with the data")
			assert.Equal(t, hashes(before.Trail), hashes(got.Trail[:len(before.Trail)]), "every entry keeps its hash")

			r, err := f.svc.Audit(ctx, id)
			require.NoError(t, err)
			assert.True(t, r.OK(), "%s", r)
			assert.True(t, r.Verification.Keyed)

			var back caseflow.Case
			require.NoError(t, json.Unmarshal(stored, (*caseflow.StoredCase)(&back)))
			_, err = f.svc.Rebuild(back.Trail)
			require.NoError(t, err, "the erased trail rebuilds after a round trip through storage")

			f.refused(id, clerk, erasure, caseflow.ErrWrongState) // nothing left to erase
		})
	}
}

// An erasure is the office's, on a closed case only, and says why.
func TestErasureIsForClosedCasesWithAReason(t *testing.T) {
	f := keyedFixture(t)
	open := f.receive("r1").ID
	f.refused(open, clerk, erasure, caseflow.ErrWrongState)

	f, c := archivedCase(t)
	f.refused(c.ID, staff, erasure, caseflow.ErrWrongRole)
	r := f.refused(c.ID, clerk, caseflow.Erasure{}, caseflow.ErrMissing)
	assert.Equal(t, "erasure.reason", r.Field)
	assert.Equal(t, "个人信息保护法第四十七条", r.Rule)
}

// Once the salt is gone an erased value cannot come back unnoticed: no commitment can be
// checked against it, so the trail no longer verifies and the case no longer digests.
func TestAnErasedValueCannotBeRestored(t *testing.T) {
	f := keyedFixture(t)
	id := f.receive("r1").ID
	f.step(id, at(2026, 11, 24, 10, 0), clerk, caseflow.WithdrawalRequest{Reason: caseflow.WithdrawalDuplicate, DuplicateOf: "SP-0", Detail: "重复推送"})
	f.step(id, at(2026, 11, 24, 11, 0), boss, caseflow.WithdrawalDecision{Approved: true, Opinion: "同意"})
	f.step(id, at(2026, 11, 24, 12, 0), clerk, erasure)
	got, err := f.svc.Get(ctx, id)
	require.NoError(t, err)
	require.Empty(t, got.Review.Reviewer.Phone)

	e := *got.Trail[0]
	in := e.Step.(caseflow.Intake)
	in.Review.Reviewer.Phone = "13812345678" // got is a copy: its review is its own
	e.Step = in
	_, err = caseflow.Verify(append([]*caseflow.Entry{&e}, got.Trail[1:]...), f.svc.Keys)
	require.ErrorIs(t, err, caseflow.ErrTampered)

	got.Review.Reviewer.Phone = "13812345678"
	_, err = got.Digest()
	require.ErrorContains(t, err, "without the case's salt")
}
