package caseflow

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/haochaping/haochaping"
)

// A daily seal (每日封存) fixes the state of every case changed on a day, so that not even
// someone holding the county's key can later rewrite what happened that day unnoticed: the
// office computes it after the day ends ([Service.Seal]), prints its root and signs and files
// the page (the forms package renders it), or records it where the key holders cannot
// write. [VerifySeal] then shows that a case's trail still passes through the head it had
// when sealed.
//
// The seal is a Merkle tree (RFC 6962 §2.1, SHA-256) over one leaf per case: its ID and the
// head of its trail at the end of the day, in the order of the case IDs. A proof per case
// ([Seal.Proof]) needs only the root to check.

// SealLeaf is a case's head at the end of the sealed day.
type SealLeaf struct {
	Case string `json:"case"`
	Head Head   `json:"head"`
}

// Seal is a day's seal: the day, the leaves in case ID order, and the root over them.
type Seal struct {
	Day    string     `json:"day"` // yyyy-mm-dd, Beijing time
	Leaves []SealLeaf `json:"leaves"`
	Root   Digest     `json:"root"`
}

// SealProof proves that a case's head is a leaf of a seal: the leaf, its index among the
// leaves, their number, and the hashes of the sibling subtrees from the leaf to the root.
type SealProof struct {
	Day   string   `json:"day"`
	Leaf  SealLeaf `json:"leaf"`
	Index int      `json:"index"`
	Size  int      `json:"size"`
	Path  []Digest `json:"path"`
	Root  Digest   `json:"root"`
}

// NewSeal seals the given leaves for day: it sorts them by case ID and computes the root.
// It refuses an empty day, a leaf without a case ID or head, and two leaves of one case.
func NewSeal(day string, leaves []SealLeaf) (*Seal, error) {
	if _, err := time.Parse(time.DateOnly, day); err != nil {
		return nil, fmt.Errorf("caseflow: seal: day %q: want yyyy-mm-dd", day)
	}
	ls := slices.Clone(leaves)
	slices.SortFunc(ls, func(a, b SealLeaf) int { return strings.Compare(a.Case, b.Case) })
	for i, l := range ls {
		switch {
		case l.Case == "" || l.Head.Seq < 1:
			return nil, fmt.Errorf("caseflow: seal: leaf %d: want a case ID and a head", i)
		case i > 0 && ls[i-1].Case == l.Case:
			return nil, fmt.Errorf("caseflow: seal: case %s sealed twice", l.Case)
		}
	}
	return &Seal{Day: day, Leaves: ls, Root: merkleRoot(leafHashes(ls))}, nil
}

// Proof returns the proof that case id is sealed, or an error wrapping ErrNotFound.
func (s *Seal) Proof(id string) (SealProof, error) {
	i, ok := slices.BinarySearchFunc(s.Leaves, id, func(l SealLeaf, id string) int { return strings.Compare(l.Case, id) })
	if !ok {
		return SealProof{}, fmt.Errorf("caseflow: seal of %s: case %s: %w", s.Day, id, ErrNotFound)
	}
	return SealProof{Day: s.Day, Leaf: s.Leaves[i], Index: i, Size: len(s.Leaves),
		Path: merklePath(leafHashes(s.Leaves), i), Root: s.Root}, nil
}

// VerifySeal shows that trail, the trail of the case the proof is for, was not changed
// after it was sealed under root, the root the office recorded that day: the proof leads
// from the case's leaf to root, and the trail, verified under keys, passes through the
// sealed head (entries taken since are allowed). It returns nil or an error wrapping
// ErrTampered. Take root from the office's record, not from the proof.
func VerifySeal(trail []*Entry, keys *Keyring, root Digest, p SealProof) error {
	fail := func(why string) error {
		return fmt.Errorf("caseflow: seal of %s: case %s: %s: %w", p.Day, p.Leaf.Case, why, ErrTampered)
	}
	if err := VerifySealProof(root, p); err != nil {
		return err
	}
	if _, err := Verify(trail, keys); err != nil {
		return err
	}
	h := p.Leaf.Head
	switch {
	case len(trail) == 0 || trail[0].Step == nil:
		return fail("empty trail")
	case caseOf(trail) != p.Leaf.Case:
		return fail("the trail is another case's")
	case h.Seq > len(trail):
		return fail(fmt.Sprintf("the trail ends at entry %d before the sealed head %s", len(trail), h))
	case trail[h.Seq-1].Hash != h.Hash:
		return fail(fmt.Sprintf("entry %d is not the one sealed", h.Seq))
	}
	return nil
}

// VerifySealProof reports whether the proof leads from its leaf to root: nil, or an error
// wrapping ErrTampered.
func VerifySealProof(root Digest, p SealProof) error {
	fail := func(why string) error {
		return fmt.Errorf("caseflow: seal of %s: case %s: %s: %w", p.Day, p.Leaf.Case, why, ErrTampered)
	}
	// A tree of Size leaves has a path of at most 64 steps; more is hostile input.
	switch {
	case root.IsZero():
		return fail("no root recorded")
	case p.Index < 0 || p.Index >= p.Size || p.Size > 1<<62 || len(p.Path) > 64:
		return fail("the proof's index, size or path is out of range")
	case p.Leaf.Head.Seq < 1:
		return fail("the proof's leaf has no head")
	}
	if got, ok := proofRoot(leafHash(p.Leaf), p.Index, p.Size, p.Path); !ok || got != root {
		return fail("the proof does not lead to the recorded root")
	}
	return nil
}

// caseOf returns the ID of the case a trail opens.
func caseOf(trail []*Entry) string {
	if in, ok := trail[0].Step.(Intake); ok {
		return in.Case
	}
	return ""
}

// Seal seals day (Beijing time): the head, at the end of the day, of every case with a trail
// entry that day. It reads every case in the store: run it once a day, after the day ends.
func (s *Service) Seal(ctx context.Context, day string) (*Seal, error) {
	d, err := time.ParseInLocation(time.DateOnly, day, haochaping.Location())
	if err != nil {
		return nil, fmt.Errorf("caseflow: seal: day %q: want yyyy-mm-dd", day)
	}
	end := d.AddDate(0, 0, 1)
	cases, _, err := s.Store.List(ctx, Filter{ReceivedTo: end}, Page{})
	if err != nil {
		return nil, err
	}
	var leaves []SealLeaf
	for _, c := range cases {
		last := -1
		for i, e := range c.Trail {
			if e.Time.Before(end) {
				last = i
			}
		}
		if last >= 0 && !c.Trail[last].Time.Before(d) {
			leaves = append(leaves, SealLeaf{c.ID, Head{c.Trail[last].Seq, c.Trail[last].Hash}})
		}
	}
	return NewSeal(day, leaves)
}

// leafHash is RFC 6962's leaf hash, SHA-256(0x00 || leaf), over the case ID (length first),
// the head's sequence number and hash.
func leafHash(l SealLeaf) Digest {
	b := []byte{0}
	b = appendString(b, l.Case)
	b = binary.AppendUvarint(b, uint64(l.Head.Seq))
	b = append(b, l.Head.Hash[:]...)
	return sha256.Sum256(b)
}

func leafHashes(ls []SealLeaf) []Digest {
	out := make([]Digest, len(ls))
	for i, l := range ls {
		out[i] = leafHash(l)
	}
	return out
}

// nodeHash is RFC 6962's interior node hash, SHA-256(0x01 || left || right).
func nodeHash(l, r Digest) Digest {
	var b [1 + 2*sha256.Size]byte
	b[0] = 1
	copy(b[1:], l[:])
	copy(b[1+sha256.Size:], r[:])
	return sha256.Sum256(b[:])
}

// split is the largest power of two smaller than n (n ≥ 2).
func split(n int) int { return 1 << (bits.Len(uint(n-1)) - 1) }

// merkleRoot is RFC 6962's MTH; the root of no leaves is SHA-256 of nothing.
func merkleRoot(hs []Digest) Digest {
	switch len(hs) {
	case 0:
		return sha256.Sum256(nil)
	case 1:
		return hs[0]
	}
	k := split(len(hs))
	return nodeHash(merkleRoot(hs[:k]), merkleRoot(hs[k:]))
}

// merklePath is RFC 6962's audit path of leaf m, from the leaf up.
func merklePath(hs []Digest, m int) []Digest {
	if len(hs) <= 1 {
		return nil
	}
	k := split(len(hs))
	if m < k {
		return append(merklePath(hs[:k], m), merkleRoot(hs[k:]))
	}
	return append(merklePath(hs[k:], m-k), merkleRoot(hs[:k]))
}

// proofRoot computes the root an audit path leads to from leaf hash h at index m of n.
// ok is false for a path of the wrong length.
func proofRoot(h Digest, m, n int, path []Digest) (root Digest, ok bool) {
	if n <= 1 {
		return h, len(path) == 0
	}
	if len(path) == 0 {
		return Digest{}, false
	}
	k, sibling, rest := split(n), path[len(path)-1], path[:len(path)-1]
	if m < k {
		sub, ok := proofRoot(h, m, k, rest)
		return nodeHash(sub, sibling), ok
	}
	sub, ok := proofRoot(h, m-k, n-k, rest)
	return nodeHash(sibling, sub), ok
}
