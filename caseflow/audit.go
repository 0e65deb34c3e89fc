package caseflow

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/haochaping/haochaping/deadline"
)

// Digest is a SHA-256 digest, written as 64 lowercase hex digits.
type Digest [sha256.Size]byte

// String returns the digest in hex.
func (d Digest) String() string { return hex.EncodeToString(d[:]) }

// IsZero reports whether d is all zeros, as the Prev of a trail's first entry is.
func (d Digest) IsZero() bool { return d == Digest{} }

// MarshalText encodes d in hex.
func (d Digest) MarshalText() ([]byte, error) {
	b := make([]byte, hex.EncodedLen(len(d)))
	hex.Encode(b, d[:])
	return b, nil
}

// UnmarshalText decodes 64 hex digits.
func (d *Digest) UnmarshalText(b []byte) error {
	if len(b) != hex.EncodedLen(len(d)) {
		return fmt.Errorf("caseflow: digest %q: want %d hex digits", b, hex.EncodedLen(len(d)))
	}
	if _, err := hex.Decode(d[:], b); err != nil {
		return fmt.Errorf("caseflow: digest %q: %w", b, err)
	}
	return nil
}

// Evidence is a piece of evidence (佐证材料) attached to a step: its name, where it is kept,
// and the SHA-256 of its content, so the trail proves which content was seen.
type Evidence struct {
	Name   string `json:"name"`
	Ref    string `json:"ref,omitempty"` // where the file is kept: a URL or storage key
	SHA256 Digest `json:"sha256"`
}

// NewEvidence returns the evidence for content, named name and kept at ref.
func NewEvidence(name, ref string, content []byte) Evidence {
	return Evidence{Name: name, Ref: ref, SHA256: sha256.Sum256(content)}
}

// ReadEvidence hashes the content read from r, for files too large to hold in memory.
func ReadEvidence(name, ref string, r io.Reader) (Evidence, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return Evidence{}, fmt.Errorf("caseflow: evidence %q: %w", name, err)
	}
	e := Evidence{Name: name, Ref: ref}
	h.Sum(e.SHA256[:0])
	return e, nil
}

// Entry is one step in a case's audit trail. Hash chains the entries: it is computed over the
// previous entry's hash and this entry's content, with HMAC-SHA-256 under the key KeyID names
// in the county's [Keyring], or with plain SHA-256 when KeyID is empty. Changing, removing or
// reordering any entry breaks every hash after it, and cutting entries off the end leaves a
// trail that no longer reaches the head its store keeps ([VerifyHead]).
//
// CaseDigest is the digest of the case as the step left it ([Case.Digest]), so that a store
// can check, without the workflow engine, that the case it is given is the result of its trail.
type Entry struct {
	Seq int `json:"seq"` // 1 for the intake
	// Time is when the step happened ([Action.At]), Recorded when it was entered; they
	// differ for a step entered after the fact. Recorded is zero in entries made before
	// the library kept it.
	Time     time.Time `json:"time"`
	Recorded time.Time `json:"recorded,omitzero"`
	// Late is true when the step fulfilled a duty after its due time by the time it was
	// entered, though it is dated before it ([Duty.EnteredLate]).
	Late     bool       `json:"late,omitempty"`
	Actor    Actor      `json:"actor"`
	Event    Event      `json:"event"`
	From     State      `json:"from"`
	To       State      `json:"to"`
	Note     string     `json:"note,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
	// Step is the step's content: an Intake, a Registration, a Report and so on.
	Step Step `json:"step"`
	// Timings are the deadlines the step gave the duties it started or re-timed, as the rules
	// in force then made them (第十二条): [Service.Rebuild] reuses them rather than today's
	// rules.
	Timings []Timing `json:"timings,omitempty"`
	// CaseDigest is the digest of the case after the step ([Case.Digest]).
	CaseDigest Digest `json:"caseDigest"`
	// Erased holds the commitments to the personal values erased from the step (个人信息保护法
	// 第四十七条), by field ("Reviewer.phone"), so that the entry still hashes as recorded.
	Erased map[string]Digest `json:"erased,omitempty"`
	// KeyID names the key of the county's [Keyring] the entry is hashed under; empty for
	// plain SHA-256.
	KeyID string `json:"keyId,omitempty"`
	Prev  Digest `json:"prev"`
	Hash  Digest `json:"hash"`
}

// stepOf reports whether the entry's step content is a step of its event: a value, not a
// pointer (a nil *Report would panic when asked its event), whose event is the entry's.
func stepOf(e *Entry) bool {
	if e.Step == nil || reflect.ValueOf(e.Step).Kind() == reflect.Pointer {
		return false
	}
	return e.Step.Event() == e.Event
}

// saltOf returns the case's salt: the Salt of the trail's intake; nil once erased.
func saltOf(trail []*Entry) []byte {
	salt, _ := secretsOf(trail)
	return salt
}

// secretsOf returns the case's salt and its cache of commitments, both kept in its intake.
func secretsOf(trail []*Entry) ([]byte, *commitCache) {
	if len(trail) == 0 || trail[0] == nil {
		return nil, nil
	}
	in, _ := trail[0].Step.(Intake)
	return in.Salt, in.commits
}

// Head is where a case's trail ends: the sequence number and hash of its last entry. A store
// keeps it apart from the trail ([Store.Head]), so that a trail cut short is detected
// ([VerifyHead]).
type Head struct {
	Seq  int    `json:"seq"`
	Hash Digest `json:"hash"`
}

// String shows the head as "#seq hash".
func (h Head) String() string { return fmt.Sprintf("#%d %s", h.Seq, h.Hash) }

// HeadOf returns the head of a trail: its last entry's sequence number and hash, or the zero
// Head for an empty trail.
func HeadOf(trail []*Entry) Head {
	if len(trail) == 0 || trail[len(trail)-1] == nil {
		return Head{}
	}
	e := trail[len(trail)-1]
	return Head{e.Seq, e.Hash}
}

// Timing is the deadline a step gave a duty: which duty, under which limit (see
// [Duty.Limit]), and the deadline itself (with only its Start when untimed).
type Timing struct {
	Duty     DutyKind          `json:"duty"`
	Limit    string            `json:"limit,omitempty"`
	Deadline deadline.Deadline `json:"deadline"`
}

var hashBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// digest computes the entry's hash under keys, with personal data as commitments under the
// case's salt (the Salt of its intake): HMAC-SHA-256 under the key KeyID names, or
// SHA-256 when KeyID is empty, over Prev, the key ID, the sequence number, the times in UTC
// (so a store that hands times back in another zone does not break the chain), each text
// field length-prefixed, the evidence, the timings, the case digest, and the step content in
// the canonical encoding (see canon.go): the values themselves, so that neither masking in
// JSON nor a store's time zone changes a hash.
func (e *Entry) digest(keys *Keyring, salt []byte, cache *commitCache) (Digest, error) {
	h, pool, ok := keys.hasher(e.KeyID)
	if !ok {
		return Digest{}, fmt.Errorf("caseflow: entry %d is hashed under key %q, which the keyring does not hold", e.Seq, e.KeyID)
	}
	defer pool.Put(h)
	buf := hashBuffers.Get().(*bytes.Buffer)
	defer hashBuffers.Put(buf)
	buf.Reset()
	b := append(buf.AvailableBuffer(), e.Prev[:]...)
	b = appendText(b, e.KeyID)
	b = strconv.AppendInt(b, int64(e.Seq), 10)
	b = append(b, '\n')
	b = e.Time.UTC().AppendFormat(b, time.RFC3339Nano)
	b = append(b, '\n')
	for _, s := range [...]string{e.Actor.ID, e.Actor.Name, string(e.Actor.Role), e.Actor.Org,
		string(e.Event), string(e.From), string(e.To), e.Note} {
		b = appendText(b, s)
	}
	b = strconv.AppendInt(b, int64(len(e.Evidence)), 10)
	b = append(b, '\n')
	for _, ev := range e.Evidence {
		b = appendText(appendText(b, ev.Name), ev.Ref)
		b = append(b, ev.SHA256[:]...)
	}
	b = strconv.AppendInt(b, int64(len(e.Timings)), 10)
	b = append(b, '\n')
	for _, t := range e.Timings {
		rule, _ := t.Deadline.Rule.MarshalText()
		b = appendText(appendText(appendText(b, string(t.Duty)), t.Limit), string(rule))
		for _, tm := range [...]time.Time{t.Deadline.Start, t.Deadline.Due, t.Deadline.Warn} {
			b = tm.UTC().AppendFormat(b, time.RFC3339Nano)
			b = append(b, '\n')
		}
		b = strconv.AppendBool(b, t.Deadline.Provisional)
		b = append(b, '\n')
	}
	if !e.Recorded.IsZero() { // absent from entries made before it was kept, which hash as they did
		b = append(b, "recorded "...)
		b = e.Recorded.UTC().AppendFormat(b, time.RFC3339Nano)
		b = append(b, '\n')
		b = strconv.AppendBool(b, e.Late)
		b = append(b, '\n')
	}
	b = append(b, e.CaseDigest[:]...)
	// The step's type is the event's, hashed above.
	b, err := appendCanonicalWith(b, reflect.ValueOf(e.Step), salt, e.Erased, cache)
	if err != nil {
		buf.Write(b)
		return Digest{}, fmt.Errorf("caseflow: entry %d: %w", e.Seq, err)
	}
	h.Write(b)
	b = h.Sum(b) // the sum after the content, in the buffer's room
	buf.Write(b) // keep the grown buffer for the next entry
	var d Digest
	copy(d[:], b[len(b)-len(d):])
	return d, nil
}

// appendText appends s with its length before it, so that no two lists of texts encode alike.
func appendText(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	b = append(b, s...)
	return append(b, '\n')
}

// UnmarshalJSON decodes an entry, decoding its step content by its event.
func (e *Entry) UnmarshalJSON(b []byte) error {
	type plain Entry
	var raw struct {
		plain
		Step json.RawMessage `json:"step"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	step, err := decodeStep(raw.Event, raw.Step)
	if err != nil {
		return fmt.Errorf("caseflow: entry %d: %w", raw.Seq, err)
	}
	*e = Entry(raw.plain)
	e.Step = step
	return nil
}

// TamperError says where a trail fails to verify.
type TamperError struct {
	Seq    int // the first entry that fails
	Reason string
}

func (e *TamperError) Error() string {
	return fmt.Sprintf("caseflow: audit trail tampered at entry %d: %s", e.Seq, e.Reason)
}

// Unwrap returns ErrTampered.
func (e *TamperError) Unwrap() error { return ErrTampered }

// Verification is what [Verify] found of a trail that verifies.
type Verification struct {
	// Entries is the length of the trail.
	Entries int
	// Keyed is true when every entry is hashed with HMAC-SHA-256 under a key of the keyring:
	// nobody without the key could have rewritten the trail. False means some or all entries
	// are hashed with plain SHA-256, which proves the trail undamaged, not unforged.
	Keyed bool
	// Unkeyed counts the entries hashed with plain SHA-256: those before the county
	// configured its keys.
	Unkeyed int
	// KeyIDs are the IDs of the keys the entries are hashed under, in order of first use.
	KeyIDs []string
	// Head is where the trail ends.
	Head Head
}

// Verify checks a trail's chain under keys (nil when the county configured none): sequence
// numbers from 1, each Prev the hash of the entry before, each Hash recomputed from the
// content, times never going backwards. With keys, plain SHA-256 entries are accepted only
// before the first keyed one (a trail begun before the keys were configured): a keyed entry
// followed by an unkeyed one is a forgery. It returns what it found, or a *TamperError
// (wrapping ErrTampered) naming the first bad entry.
//
// Verify proves the trail intact up to its last entry, not that nothing was cut off the end:
// for that, check it against the head its store keeps with [VerifyHead].
func Verify(trail []*Entry, keys *Keyring) (Verification, error) { return verify(trail, keys, nil) }

// verify is Verify with a cache of the case's commitments (nil for none).
func verify(trail []*Entry, keys *Keyring, cache *commitCache) (Verification, error) {
	var v Verification
	var prev Digest
	salt := saltOf(trail)
	var last time.Time
	keyed := false
	for i, e := range trail {
		seq := i + 1
		switch {
		case e == nil:
			return v, &TamperError{seq, "entry missing"}
		case e.Seq != seq:
			return v, &TamperError{seq, fmt.Sprintf("sequence number %d", e.Seq)}
		case e.Prev != prev:
			return v, &TamperError{seq, "previous hash does not match"}
		case e.Time.Before(last):
			return v, &TamperError{seq, "dated before the entry before it"}
		case !stepOf(e):
			return v, &TamperError{seq, "step content does not match the event"}
		case e.KeyID == "" && keyed:
			return v, &TamperError{seq, "an entry hashed without a key after keyed ones"}
		case e.KeyID == "":
			v.Unkeyed++
		default:
			keyed = true
			if !slices.Contains(v.KeyIDs, e.KeyID) {
				v.KeyIDs = append(v.KeyIDs, e.KeyID)
			}
		}
		d, err := e.digest(keys, salt, cache)
		if err != nil {
			return v, &TamperError{seq, unprefixed(err)}
		}
		if d != e.Hash {
			return v, &TamperError{seq, "content does not match its hash"}
		}
		prev, last = e.Hash, e.Time
	}
	v.Entries, v.Keyed, v.Head = len(trail), len(trail) > 0 && v.Unkeyed == 0, HeadOf(trail)
	return v, nil
}

// VerifyHead checks a trail as [Verify] does, and that it ends at head, the head its store
// keeps: a trail with entries cut off the end, or one that runs past the head, fails with a
// *TamperError.
func VerifyHead(trail []*Entry, keys *Keyring, head Head) (Verification, error) {
	v, err := Verify(trail, keys)
	if err != nil {
		return v, err
	}
	switch got := v.Head; {
	case got.Seq < head.Seq:
		return v, &TamperError{got.Seq + 1, fmt.Sprintf("the trail ends at entry %d, its head is at %d: entries were removed", got.Seq, head.Seq)}
	case got.Seq > head.Seq:
		return v, &TamperError{head.Seq + 1, fmt.Sprintf("the trail runs to entry %d past its head at %d", got.Seq, head.Seq)}
	case got.Hash != head.Hash:
		return v, &TamperError{got.Seq, "the last entry is not the head"}
	}
	return v, nil
}
