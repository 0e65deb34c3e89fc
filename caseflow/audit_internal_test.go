package caseflow

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/deadline"
)

// A forger who rewrites an entry and recomputes every hash after it makes a trail Verify
// accepts: Verify proves integrity up to the last hash, which must be kept elsewhere. The
// memory store keeps it: such a trail cannot replace the stored one.
func TestVerifyNeedsAnAnchorAgainstARechainedTrail(t *testing.T) {
	ctx := context.Background()
	g := &engine{cal: deadline.China(), policy: DefaultPolicy()}
	t0 := time.Date(2026, 11, 24, 9, 30, 0, 0, haochaping.Location())
	c, err := g.open(Intake{Case: "c1", Kind: KindSystemPushed, Review: &haochaping.Review{ID: "r1",
		Level: haochaping.Dissatisfied, Channel: haochaping.ChannelDevice, Time: t0}}, Actor{ID: "sys", Role: RoleSystem}, t0, t0, nil)
	require.NoError(t, err)
	clerk := Actor{ID: "u1", Role: RoleOffice}
	for i := 1; i <= 3; i++ {
		_, err := g.take(c, Action{Actor: clerk, Step: Urge{Message: "请办理"}}, t0.Add(time.Duration(i)*time.Minute), nil)
		require.NoError(t, err)
	}
	s := NewMemoryStore()
	require.NoError(t, s.Create(ctx, c))

	forged := make([]*Entry, len(c.Trail))
	for i, e := range c.Trail {
		cp := *e
		forged[i] = &cp
	}
	forged[1].Note = "未督促"
	for i := 1; i < len(forged); i++ {
		forged[i].Prev = forged[i-1].Hash
		forged[i].Hash, err = forged[i].digest(nil, nil, nil)
		require.NoError(t, err)
	}
	require.NoError(t, verifyTrail(forged), "a re-chained trail verifies")
	assert.NotEqual(t, c.Trail[len(c.Trail)-1].Hash, forged[len(forged)-1].Hash, "but its last hash is not the anchor's")

	stored, err := s.Get(ctx, "c1")
	require.NoError(t, err)
	_, err = g.take(stored, Action{Actor: clerk, Step: Urge{Message: "再次督促"}}, t0.Add(time.Hour), nil)
	require.NoError(t, err)
	stored.Trail = append(forged, stored.Trail[len(forged)])
	assert.ErrorIs(t, s.Update(ctx, stored), ErrTampered, "the store keeps the anchor")
}

// The hash of an entry is pinned: a change to its encoding (a field added to a step or a
// review without omitempty, say) would stop every stored trail from verifying. Such a change
// needs a migration, not a new golden value.
//
// Changed deliberately, before any release: in issue 8 the actor's window and unit became one
// organisation (Actor.Org) and the JSON keys of renamed fields followed their names; in issue
// 9 the registration reports to roles, and each entry hashes the deadlines it started
// (Timings, 第十二条); in issue 10 each entry hashes the ID of the key it is chained under and
// the digest of the case it left (CaseDigest), and the step content is hashed in the canonical
// binary encoding of canon.go instead of JSON, which now masks personal data. The text codes of states, events and kinds never changed
// (TestStoredCodes).
func TestEntryHashIsStable(t *testing.T) {
	t0 := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	e := &Entry{Seq: 2, Time: t0, Actor: Actor{ID: "u1", Name: "王五", Role: RoleOffice}, Event: EventRegister,
		From: StateReceived, To: StateRegistered, Note: "n", Evidence: []Evidence{NewEvidence("a.jpg", "oss://a", []byte("a"))},
		Step: Registration{ResponsibleWindow: &haochaping.Window{ID: "w", Name: "窗口", Kind: haochaping.BusinessWindow, Center: "center"},
			ReportedTo: []Role{RoleLeader, RoleWindowHead}},
		Timings: []Timing{{Duty: DutyFollowUp, Limit: "followUp", Deadline: deadline.Deadline{Start: t0, Rule: deadline.SameDay(),
			Due: t0.Add(14*time.Hour + 30*time.Minute), Warn: t0.Add(6 * time.Hour)}}}}
	d, err := e.digest(nil, nil, nil)
	require.NoError(t, err)
	assert.Equal(t, "ad9792bd9a3f935f2659f18b3060208ea1a318d8990690b2f18c45caf16566c7", d.String())
}

// Regression (mutation testing): Verify's check that times never go backwards was always
// shadowed by the hash check. A trail re-chained with an entry dated before the one before it
// passes every hash, and Verify still refuses it, naming the entry.
func TestVerifyRefusesTimeGoingBackwards(t *testing.T) {
	g := &engine{cal: deadline.China(), policy: DefaultPolicy()}
	t0 := time.Date(2026, 11, 24, 9, 30, 0, 0, haochaping.Location())
	c, err := g.open(Intake{Case: "c1", Kind: KindSystemPushed, Review: &haochaping.Review{ID: "r1",
		Level: haochaping.Dissatisfied, Channel: haochaping.ChannelDevice, Time: t0}}, Actor{ID: "sys", Role: RoleSystem}, t0, t0, nil)
	require.NoError(t, err)
	for i := 1; i <= 3; i++ {
		_, err := g.take(c, Action{Actor: Actor{ID: "u1", Role: RoleOffice}, Step: Urge{Message: "请办理"}}, t0.Add(time.Duration(i)*time.Minute), nil)
		require.NoError(t, err)
	}
	rechain := func(edit func([]*Entry)) []*Entry {
		forged := make([]*Entry, len(c.Trail))
		for i, e := range c.Trail {
			cp := *e
			forged[i] = &cp
		}
		edit(forged)
		for i := range forged {
			if i > 0 {
				forged[i].Prev = forged[i-1].Hash
			}
			forged[i].Hash, err = forged[i].digest(nil, nil, nil)
			require.NoError(t, err)
		}
		return forged
	}
	same := rechain(func(es []*Entry) { es[2].Time = es[1].Time })
	assert.NoError(t, verifyTrail(same), "the same instant as the entry before is allowed")
	back := rechain(func(es []*Entry) { es[2].Time = es[1].Time.Add(-time.Microsecond) })
	var te *TamperError
	require.ErrorAs(t, verifyTrail(back), &te)
	assert.Equal(t, 3, te.Seq)
	assert.Equal(t, "dated before the entry before it", te.Reason)
}

// verifyTrail checks a trail chained without a key.
func verifyTrail(trail []*Entry) error {
	_, err := Verify(trail, nil)
	return err
}

// A commitment is HMAC-SHA-256 under the salt, as crypto/hmac computes it, whatever the
// salt's length; the cache gives the same, and recomputes under another salt.
func TestCommitmentIsHMACSHA256(t *testing.T) {
	for _, salt := range [][]byte{nil, []byte("short"), make([]byte, 32), bytes.Repeat([]byte("k"), 100)} {
		m := hmac.New(sha256.New, salt)
		m.Write([]byte("Reviewer.phone\x0013812345678"))
		want := Digest(m.Sum(nil))
		assert.Equal(t, want, commit(salt, "Reviewer.phone", "13812345678"))
		var c commitCache
		for i := 0; i < 10; i++ {
			assert.Equal(t, want, c.commit(salt, "Reviewer.phone", "13812345678"))
			c.commit(salt, "Reviewer.name", string(rune('a'+i)))
		}
	}
	var c commitCache
	a := c.commit([]byte("salt-a"), "k", "v")
	assert.NotEqual(t, a, c.commit([]byte("salt-b"), "k", "v"))
}

// BenchmarkEntryDigest hashes one trail entry (a registration with its timings) as each step
// does: "sha256" without a key, "hmac" under a county key; the difference is the cost of
// keyed hashing per step.
func BenchmarkEntryDigest(b *testing.B) {
	keys, err := NewKeyring("k1", map[string][]byte{"k1": []byte("a county key of thirty-two bytes or more")})
	require.NoError(b, err)
	t0 := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	e := &Entry{Seq: 2, Time: t0, Actor: Actor{ID: "u1", Name: "王五", Role: RoleOffice}, Event: EventRegister,
		From: StateReceived, To: StateRegistered, Step: Registration{ResponsibleWindow: &haochaping.Window{ID: "w", Name: "窗口",
			Kind: haochaping.BusinessWindow, Center: "center"}, ReportedTo: []Role{RoleLeader, RoleWindowHead}},
		Timings: []Timing{{Duty: DutyFollowUp, Limit: "followUp", Deadline: deadline.Deadline{Start: t0, Rule: deadline.SameDay(),
			Due: t0.Add(14 * time.Hour), Warn: t0.Add(6 * time.Hour)}}}}
	for _, k := range []struct {
		name string
		keys *Keyring
		id   string
	}{{"sha256", nil, ""}, {"hmac", keys, "k1"}} {
		b.Run(k.name, func(b *testing.B) {
			e.KeyID = k.id
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := e.digest(k.keys, nil, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// No two fields of a struct the canonical encoding meets share a field ID: each stands for
// its name alone.
func TestFieldIDsAreUnique(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(typ reflect.Type) {
		if seen[typ] {
			return
		}
		seen[typ] = true
		switch typ.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			walk(typ.Elem())
		case reflect.Struct:
			ids := map[uint16]string{}
			for _, f := range exportedFields(typ) {
				assert.NotEqual(t, uint16(0xffff), f.id)
				if other, ok := ids[f.id]; ok {
					t.Errorf("%s: fields %s and %s share ID %#04x", typ, other, f.name, f.id)
				}
				ids[f.id] = f.name
				walk(typ.Field(f.index).Type)
			}
		}
	}
	walk(reflect.TypeFor[Case]())
	for _, k := range stepKinds {
		walk(k.typ)
	}
	assert.Greater(t, len(seen), 30, "the walk reached the steps")
}

// Found in review: after an erasure the case's cache of commitments still held the values
// and the salt. The erased intake has none, and the cache it had is emptied.
func TestErasureEmptiesTheCommitmentCache(t *testing.T) {
	s := NewService(NewMemoryStore())
	s.Calendar = deadline.China()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, haochaping.Location())
	s.Now = func() time.Time { return now }
	c, _, err := s.Receive(context.Background(), haochaping.Review{ID: "r1", MatterNumber: "m1", Level: haochaping.Dissatisfied,
		Channel: haochaping.ChannelDevice, Time: now.Add(-time.Minute), Reviewer: haochaping.Reviewer{Name: "张三丰", Phone: "13812345678"}})
	require.NoError(t, err)
	_, cache := secretsOf(c.Trail)
	require.NotNil(t, cache)
	office := Actor{ID: "u1", Role: RoleOffice}
	for _, st := range []struct {
		actor Actor
		step  Step
	}{
		{office, WithdrawalRequest{Reason: WithdrawalDuplicate, DuplicateOf: "SP-0", Detail: "重复"}},
		{Actor{ID: "u2", Role: RoleLeader}, WithdrawalDecision{Approved: true, Opinion: "同意"}},
		{office, Erasure{Reason: "误立案件"}},
	} {
		c, err = s.Take(context.Background(), c.ID, Action{Actor: st.actor, Step: st.step})
		require.NoError(t, err)
	}
	salt, erasedCache := secretsOf(c.Trail)
	assert.Nil(t, salt)
	assert.Nil(t, erasedCache, "the erased intake has no cache")
	assert.NotContains(t, fmt.Sprintf("%#v", cache.kept), "13812345678", "the old cache is emptied")
	assert.Nil(t, cache.salt)
}
