package caseflow

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
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

// Entry is one step in a case's audit trail. Hash is the SHA-256 of the previous entry's
// hash and this entry's content, so the trail is a hash chain: changing, removing or
// reordering any entry breaks every hash after it ([Verify]).
type Entry struct {
	Seq      int        `json:"seq"` // 1 for the intake
	Time     time.Time  `json:"time"`
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
	Prev    Digest   `json:"prev"`
	Hash    Digest   `json:"hash"`
}

// Timing is the deadline a step gave a duty: which duty, under which limit (see
// [Duty.Limit]), and the deadline itself (with only its Start when untimed).
type Timing struct {
	Duty     DutyKind          `json:"duty"`
	Limit    string            `json:"limit,omitempty"`
	Deadline deadline.Deadline `json:"deadline"`
}

var hashBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// digest computes the entry's hash: SHA-256 over Prev, then the sequence number, the time in
// UTC (so a store that hands times back in another zone does not break the chain), each text
// field length-prefixed, the evidence, and the step content as JSON.
func (e *Entry) digest() (Digest, error) {
	buf := hashBuffers.Get().(*bytes.Buffer)
	defer hashBuffers.Put(buf)
	buf.Reset()
	b := append(buf.AvailableBuffer(), e.Prev[:]...)
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
	buf.Write(b)
	if err := json.NewEncoder(buf).Encode(e.Step); err != nil {
		return Digest{}, fmt.Errorf("caseflow: hashing entry %d: %w", e.Seq, err)
	}
	return sha256.Sum256(buf.Bytes()), nil
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

// decodeStep decodes the content of a step of event ev.
func decodeStep(ev Event, raw json.RawMessage) (Step, error) {
	dec, ok := stepDecoders[ev]
	if !ok {
		return nil, fmt.Errorf("unknown event %q", ev)
	}
	s, err := dec(raw)
	if err != nil {
		return nil, fmt.Errorf("step %s: %w", ev, err)
	}
	if s.Event() != ev {
		return nil, fmt.Errorf("step content is a %s, not a %s", s.Event(), ev)
	}
	return s, nil
}

func decoder[T Step]() func(json.RawMessage) (Step, error) {
	return func(raw json.RawMessage) (Step, error) {
		var v T
		d := json.NewDecoder(bytes.NewReader(raw))
		d.DisallowUnknownFields() // content of another step's type is refused, not half-read
		err := d.Decode(&v)
		return v, err
	}
}

var stepDecoders = map[Event]func(json.RawMessage) (Step, error){
	EventReceive:                   decoder[Intake](),
	EventRegister:                  decoder[Registration](),
	EventFollowUp:                  decoder[FollowUp](),
	EventFollowUpMistaken:          decoder[FollowUp](),
	EventTransfer:                  decoder[Transfer](),
	EventMeeting:                   decoder[Meeting](),
	EventReport:                    decoder[Report](),
	EventReportExtension:           decoder[Report](),
	EventRectificationDone:         decoder[Rectification](),
	EventOfficeVerify:              decoder[OfficeVerification](),
	EventLeaderReview:              decoder[LeaderReview](),
	EventResultFollowUp:            decoder[ResultFollowUp](),
	EventResultFollowUpUnsatisfied: decoder[ResultFollowUp](),
	EventSubmitCity:                decoder[CitySubmission](),
	EventAppealMaterials:           decoder[AppealMaterials](),
	EventAppealConfirm:             decoder[AppealConfirmation](),
	EventAppealDecline:             decoder[AppealDecline](),
	EventApplicationReview:         decoder[ApplicationReview](),
	EventAppealSubmit:              decoder[AppealSubmission](),
	EventAppealUpheld:              decoder[CityDecision](),
	EventAppealRejected:            decoder[CityDecision](),
	EventArchive:                   decoder[Archive](),
	EventUrge:                      decoder[Urge](),
	EventAssign:                    decoder[Assignment](),
	EventInspect:                   decoder[Inspection](),
	EventReportLeader:              decoder[LeaderReport](),
	EventRetime:                    decoder[Retime](),
	EventContactAttempt:            decoder[ContactAttempt](),
	EventClosurePropose:            decoder[ClosureProposal](),
	EventClosureApprove:            decoder[ClosureDecision](),
	EventClosureReject:             decoder[ClosureDecision](),
	EventRetransfer:                decoder[Retransfer](),
	EventWithdrawRequest:           decoder[WithdrawalRequest](),
	EventWithdrawApprove:           decoder[WithdrawalDecision](),
	EventWithdrawReject:            decoder[WithdrawalDecision](),
	EventAppealAbandon:             decoder[AppealAbandon](),
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

// Verify checks a trail's hash chain: sequence numbers from 1, each Prev the hash of the
// entry before, each Hash recomputed from the content, times never going backwards. It
// returns nil or a *TamperError (wrapping ErrTampered) naming the first bad entry.
func Verify(trail []*Entry) error {
	var prev Digest
	var last time.Time
	for i, e := range trail {
		seq := i + 1
		switch {
		case e == nil:
			return &TamperError{seq, "entry missing"}
		case e.Seq != seq:
			return &TamperError{seq, fmt.Sprintf("sequence number %d", e.Seq)}
		case e.Prev != prev:
			return &TamperError{seq, "previous hash does not match"}
		case e.Time.Before(last):
			return &TamperError{seq, "dated before the entry before it"}
		case e.Step == nil || e.Step.Event() != e.Event:
			return &TamperError{seq, "step content does not match the event"}
		}
		d, err := e.digest()
		if err != nil {
			return &TamperError{seq, err.Error()}
		}
		if d != e.Hash {
			return &TamperError{seq, "content does not match its hash"}
		}
		prev, last = e.Hash, e.Time
	}
	return nil
}
