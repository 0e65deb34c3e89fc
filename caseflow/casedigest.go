package caseflow

import (
	"bytes"
	"crypto/sha256"
	"reflect"
)

// Digest returns the SHA-256 of the case as its steps made it: every field but Version and
// Trail, in a canonical binary form of the values themselves (times as instants, whatever
// their zone; fields left zero left out, so that a field added to a later version of the
// library changes no stored digest). Each trail entry records the digest of the case it left
// ([Entry.CaseDigest]), so that a store checks that the case it is asked to keep is the one
// its trail proves ([CheckUpdate]) without running the workflow.
func (c *Case) Digest() Digest {
	buf := hashBuffers.Get().(*bytes.Buffer)
	defer hashBuffers.Put(buf)
	buf.Reset()
	b := appendCanonical(buf.AvailableBuffer(), reflect.ValueOf(c).Elem())
	buf.Write(b) // keep the grown buffer for the next digest
	return sha256.Sum256(b)
}
