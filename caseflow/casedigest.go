package caseflow

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"reflect"
)

// Digest returns the SHA-256 of the case as its steps made it: every field but Version and
// Trail, in a canonical binary form of the values themselves (times as instants, whatever
// their zone; fields left zero left out, so that a field added to a later version of the
// library changes no stored digest; personal data as commitments under the case's salt).
// Each trail entry records the digest of the case it left ([Entry.CaseDigest]), so that a
// store checks that the case it is asked to keep is the one its trail proves ([CheckUpdate])
// without running the workflow. It fails only for a case holding personal data whose salt is
// gone.
func (c *Case) Digest() (Digest, error) {
	if c == nil {
		return Digest{}, errors.New("caseflow: digest of no case")
	}
	return c.digest(secretsOf(c.Trail))
}

// digest is Digest with the case's salt and cache of commitments given: a case's first entry
// digests it before the entry joins the trail.
func (c *Case) digest(salt []byte, cache *commitCache) (Digest, error) {
	buf := hashBuffers.Get().(*bytes.Buffer)
	defer hashBuffers.Put(buf)
	buf.Reset()
	b, err := appendCanonicalWith(buf.AvailableBuffer(), reflect.ValueOf(c).Elem(), salt, c.Erased, cache)
	buf.Write(b) // keep the grown buffer for the next digest
	if err != nil {
		return Digest{}, fmt.Errorf("caseflow: digest of case %s: %w", c.ID, err)
	}
	return sha256.Sum256(b), nil
}
