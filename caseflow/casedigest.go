package caseflow

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
)

// Digest returns the SHA-256 of the case as its steps made it: every field but Version and
// Trail, in the storage encoding. Each trail entry records the digest of the case it left
// ([Entry.CaseDigest]), so a store checks that the case it is asked to keep is the one its
// trail proves ([CheckUpdate]) without running the workflow.
//
// Times are digested as the storage encoding writes them, with their offset: a store must hand
// back the case document it was given, not rebuild it from columns in another zone.
func (c *Case) Digest() (Digest, error) {
	cc := *c
	cc.Version, cc.Trail = 0, nil
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(&cc); err != nil {
		return Digest{}, fmt.Errorf("caseflow: digest of case %s: %w", c.ID, err)
	}
	var d Digest
	h.Sum(d[:0])
	return d, nil
}
