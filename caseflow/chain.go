package caseflow

import "fmt"

// CheckCreate reports whether c may be stored as a new case: its trail verifies under keys
// from the first entry, every entry keyed when keys are given, and c is the case its last
// entry records ([Entry.CaseDigest]). Stores
// call it in Create, so that they keep nothing their trail does not prove; it returns nil or a
// *TamperError.
func CheckCreate(c *Case, keys *Keyring) error {
	if c == nil || len(c.Trail) == 0 {
		return &TamperError{1, "a new case has no trail"}
	}
	_, cache := secretsOf(c.Trail)
	if _, err := verify(c.Trail, keys, cache); err != nil { // refuses nil entries first
		return err
	}
	for _, e := range c.Trail {
		if err := newEntryKey(e, keys); err != nil {
			return err
		}
	}
	return checkResult(c)
}

// CheckUpdate reports whether c may replace the case a store keeps at head: c's trail reaches
// head (the entry at head.Seq has head's hash), adds at least one entry, and every new entry
// chains on, is keyed when keys are given, hashes as recorded under keys and is dated no
// earlier than the one before; and c is the case its last entry records. It returns nil or a *TamperError. Stores call it in
// Update without running the workflow: the keyed hash proves the engine made each entry, and
// the case digest that the fields are what the entries made them.
//
// CheckUpdate reads only the head entry and those after it: a store keeps its own copy of the
// entries before and stores only the new ones after them (trail rows are insert-only), so
// that a case whose earlier entries were rewritten cannot rewrite the stored ones; a store
// that holds them may refuse such a case too, as [MemoryStore] does.
func CheckUpdate(head Head, c *Case, keys *Keyring) error { return checkUpdate(head, c, keys, true) }

// checkUpdate is CheckUpdate; with rehash false it leaves out recomputing the hashes and the
// case's digest, which the engine computed on c itself: for a store's own working copy,
// which no caller reached between the engine and the store (see MemoryStore.working).
func checkUpdate(head Head, c *Case, keys *Keyring, rehash bool) error {
	if c == nil {
		return &TamperError{head.Seq + 1, "no case"}
	}
	trail := c.Trail
	switch {
	case head.Seq < 1:
		return &TamperError{1, "the stored case has no head"}
	case len(trail) < head.Seq:
		return &TamperError{len(trail) + 1, "the update drops stored entries"}
	case trail[head.Seq-1] == nil || trail[head.Seq-1].Seq != head.Seq || trail[head.Seq-1].Hash != head.Hash:
		return &TamperError{head.Seq, "the update rewrites the stored head"}
	case len(trail) == head.Seq:
		return &TamperError{head.Seq, "the update adds no step"}
	}
	salt, cache := secretsOf(trail)
	prev := trail[head.Seq-1]
	if rehash { // else the engine computed the hashes and the digest on c itself
		if d, err := prev.digest(keys, salt, cache); err != nil || d != head.Hash {
			return &TamperError{head.Seq, "the update rewrites the stored head"}
		}
	}
	for _, e := range trail[head.Seq:] {
		seq := prev.Seq + 1
		switch {
		case e == nil:
			return &TamperError{seq, "entry missing"}
		case e.Seq != seq:
			return &TamperError{seq, fmt.Sprintf("sequence number %d", e.Seq)}
		case e.Prev != prev.Hash:
			return &TamperError{seq, "a new entry does not chain on from the stored head"}
		case e.Time.Before(prev.Time):
			return &TamperError{seq, "dated before the entry before it"}
		case !stepOf(e):
			return &TamperError{seq, "step content does not match the event"}
		case e.KeyID == "" && prev.KeyID != "":
			return &TamperError{seq, "an entry hashed without a key after keyed ones"}
		}
		if err := newEntryKey(e, keys); err != nil {
			return err
		}
		if rehash {
			d, err := e.digest(keys, salt, cache)
			if err != nil {
				return &TamperError{seq, unprefixed(err)}
			}
			if d != e.Hash {
				return &TamperError{seq, "content does not match its hash"}
			}
		}
		prev = e
	}
	if !rehash {
		if last := trail[len(trail)-1]; last.To != c.State {
			return &TamperError{last.Seq, "the case is not in the state its last step entered"}
		}
		return nil
	}
	return checkResult(c)
}

// newEntryKey refuses a new entry that a store with keys cannot trust: one hashed without a
// key (anyone can compute plain SHA-256), under a key the store does not hold, or under a
// retired one (a leaked old key must not sign new steps). Entries stored before stay as they
// are; new ones are keyed under the current key.
func newEntryKey(e *Entry, keys *Keyring) error {
	switch {
	case keys == nil && e.KeyID != "":
		return &TamperError{e.Seq, fmt.Sprintf("hashed under key %q, and the store has no keys", e.KeyID)}
	case keys != nil && e.KeyID == "":
		return &TamperError{e.Seq, "a new entry hashed without a key, and the store has keys"}
	case keys != nil && keys.pools[e.KeyID] == nil:
		return &TamperError{e.Seq, fmt.Sprintf("hashed under key %q, which the store does not hold", e.KeyID)}
	case keys != nil && e.KeyID != keys.current:
		return &TamperError{e.Seq, fmt.Sprintf("hashed under key %q, not the current %q: a retired key verifies old entries and signs no new one", e.KeyID, keys.current)}
	}
	return nil
}

// checkResult checks that c is the case its last entry left: in the state it entered, with
// the digest it recorded.
func checkResult(c *Case) error {
	last := c.Trail[len(c.Trail)-1]
	if last.To != c.State {
		return &TamperError{last.Seq, "the case is not in the state its last step entered"}
	}
	d, err := c.Digest()
	if err != nil {
		return &TamperError{last.Seq, unprefixed(err)}
	}
	if d != last.CaseDigest {
		return &TamperError{last.Seq, "the case's fields are not those its last step recorded"}
	}
	return nil
}
