package caseflow_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

// A keyring refuses what would weaken the chain or break the entries that name a key: a key
// shorter than an HMAC-SHA-256 output, a key ID that is empty, long or not printable ASCII,
// and a current key it does not hold. It copies the keys it is given.
func TestNewKeyringRefusesWeakKeysAndBadIDs(t *testing.T) {
	good := []byte("a county key of thirty-two bytes or more")
	for name, tc := range map[string]struct {
		current string
		keys    map[string][]byte
	}{
		"a short key":           {"k1", map[string][]byte{"k1": []byte("short")}},
		"an empty key ID":       {"", map[string][]byte{"": good}},
		"a key ID with a space": {"k 1", map[string][]byte{"k 1": good}},
		"a key ID with a NUL":   {"k\x001", map[string][]byte{"k\x001": good}},
		"a current key missing": {"k2", map[string][]byte{"k1": good}},
	} {
		_, err := caseflow.NewKeyring(tc.current, tc.keys)
		assert.Error(t, err, name)
	}

	key := append([]byte(nil), good...)
	k, err := caseflow.NewKeyring("2026-2", map[string][]byte{"2026-2": key, "2026-1": good})
	require.NoError(t, err)
	assert.Equal(t, "2026-2", k.Current())
	assert.Equal(t, []string{"2026-1", "2026-2"}, k.IDs())
	var none *caseflow.Keyring
	assert.Empty(t, none.Current())
	assert.Nil(t, none.IDs())

	// Changing the caller's key afterwards changes nothing the keyring hashes with.
	f := keyedFixture(t)
	f.svc.Keys, f.svc.Store = k, caseflow.NewMemoryStoreWithKeys(k)
	c := f.receive("r1")
	key[0] ^= 0xff
	_, err = caseflow.Verify(c.Trail, k)
	assert.NoError(t, err)
}
