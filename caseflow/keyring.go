package caseflow

import (
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"hash"
	"maps"
	"slices"
	"sync"
)

// MinKeySize is the shortest key a [Keyring] accepts: 32 bytes, the size of an HMAC-SHA-256
// output (RFC 2104 §3 advises keys no shorter).
const MinKeySize = 32

// Keyring holds the keys a county chains its audit trails with. Each new entry is hashed with
// HMAC-SHA-256 under the current key and records that key's ID ([Entry.KeyID]); entries hashed
// under an older key still verify while the keyring holds it, so keys can rotate: add the new
// key, make it current, keep the old ones.
//
// Without a key (a nil *Keyring), entries are hashed with plain SHA-256, which anyone who knows
// the algorithm can recompute: such a trail proves it was not damaged by accident, not that
// nobody rewrote it. [Verification] says which a trail is.
//
// A Keyring is immutable and safe for concurrent use. Keep its keys out of the database the
// cases are stored in.
type Keyring struct {
	current string
	keys    map[string][]byte
	pools   map[string]*sync.Pool // of HMAC states, one pool per key
}

// NewKeyring returns a keyring that hashes new entries under the key named current and
// verifies entries hashed under any of keys. Key IDs are 1 to 64 printable ASCII characters
// (they are stored in every entry); keys are at least [MinKeySize] bytes. The keys are copied.
func NewKeyring(current string, keys map[string][]byte) (*Keyring, error) {
	if _, ok := keys[current]; !ok {
		return nil, fmt.Errorf("caseflow: keyring: the current key %q is not among the keys", current)
	}
	k := &Keyring{current: current, keys: make(map[string][]byte, len(keys)), pools: make(map[string]*sync.Pool, len(keys))}
	for _, id := range slices.Sorted(maps.Keys(keys)) {
		if err := checkKeyID(id); err != nil {
			return nil, err
		}
		if n := len(keys[id]); n < MinKeySize {
			return nil, fmt.Errorf("caseflow: keyring: key %q has %d bytes, want at least %d", id, n, MinKeySize)
		}
		key := slices.Clone(keys[id])
		k.keys[id] = key
		k.pools[id] = &sync.Pool{New: func() any { return hmac.New(sha256.New, key) }}
	}
	return k, nil
}

// checkKeyID refuses a key ID that is empty, long, or not printable ASCII.
func checkKeyID(id string) error {
	if id == "" || len(id) > 64 {
		return fmt.Errorf("caseflow: keyring: key ID of %d characters, want 1 to 64", len(id))
	}
	for i := 0; i < len(id); i++ {
		if id[i] <= ' ' || id[i] > '~' {
			return fmt.Errorf("caseflow: keyring: key ID %q: want printable ASCII without spaces", id)
		}
	}
	return nil
}

// Current returns the ID of the key new entries are hashed under, or "" for a nil keyring.
func (k *Keyring) Current() string {
	if k == nil {
		return ""
	}
	return k.current
}

// IDs returns the IDs of the keys the keyring verifies with, sorted.
func (k *Keyring) IDs() []string {
	if k == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(k.keys))
}

var plainHashes = sync.Pool{New: func() any { return sha256.New() }}

// hasher returns the hash for an entry hashed under key id ("" for plain SHA-256), reset,
// and the pool to give it back to; ok is false when the keyring does not hold the key.
func (k *Keyring) hasher(id string) (h hash.Hash, pool *sync.Pool, ok bool) {
	pool = &plainHashes
	if id != "" {
		if k == nil {
			return nil, nil, false
		}
		if pool, ok = k.pools[id]; !ok {
			return nil, nil, false
		}
	}
	h = pool.Get().(hash.Hash)
	h.Reset()
	return h, pool, true
}
