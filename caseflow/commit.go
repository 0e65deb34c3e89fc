package caseflow

import (
	"bytes"
	"crypto/sha256"
	"hash"
	"io"
	"sync"
)

// commit returns the commitment to the personal value s of field key under the case's salt:
// HMAC-SHA-256(salt, key NUL s) (RFC 2104). Without the salt nobody can tell which value it
// commits to, so erasing the value and the salt leaves the commitment, and every hash over
// it, in place.
func commit(salt []byte, key, s string) Digest {
	// HMAC by hand over pooled SHA-256 states, so that a commitment allocates nothing.
	var pad [sha256.BlockSize]byte
	k := salt
	if len(k) > sha256.BlockSize {
		sum := sha256.Sum256(k)
		k = sum[:]
	}
	h := plainHashes.Get().(hash.Hash)
	defer plainHashes.Put(h)
	copy(pad[:], k)
	for i := range pad {
		pad[i] ^= 0x36
	}
	h.Reset()
	h.Write(pad[:])
	io.WriteString(h, key)
	h.Write([]byte{0})
	io.WriteString(h, s)
	var inner Digest
	h.Sum(inner[:0])
	for i := range pad {
		pad[i] ^= 0x36 ^ 0x5c
	}
	h.Reset()
	h.Write(pad[:])
	h.Write(inner[:])
	var d Digest
	h.Sum(d[:0])
	return d
}

// commitCache remembers the last commitments a case's digests computed: the same few
// personal values are committed to at every step. A commitment is a function of the salt,
// the field and the value alone, and the cache keeps its own copy of the salt, so the cache
// a store's working copies share is never stale; it is written only here, under its lock.
// Copies handed to callers ([Case.Clone]) get none.
type commitCache struct {
	mu   sync.Mutex
	salt []byte      // a copy of the salt the entries were computed under
	n    int         // entries kept
	next int         // the entry to replace when all are kept
	kept [5]struct { // a case commits to 5 values at most: a name, a phone, an ID number, a text, a report's phone
		field, value string
		d            Digest
	}
}

// commit returns the commitment to s of field key under salt, from the cache when it holds
// it for that salt.
func (c *commitCache) commit(salt []byte, key, s string) Digest {
	if c == nil {
		return commit(salt, key, s)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.salt == nil || !bytes.Equal(c.salt, salt) {
		c.salt, c.n, c.next = bytes.Clone(salt), 0, 0
	}
	for i := range c.kept[:c.n] {
		if k := &c.kept[i]; k.field == key && k.value == s {
			return k.d
		}
	}
	d := commit(salt, key, s)
	i := c.n
	if c.n == len(c.kept) {
		i, c.next = c.next, (c.next+1)%len(c.kept)
	} else {
		c.n++
	}
	c.kept[i].field, c.kept[i].value, c.kept[i].d = key, s, d
	return d
}

// clear forgets every value and the salt: an erased case's cache must not keep them.
func (c *commitCache) clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.salt)
	c.salt, c.n, c.next, c.kept = nil, 0, 0, [len(c.kept)]struct {
		field, value string
		d            Digest
	}{}
}
