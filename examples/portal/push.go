package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/haochaping/haochaping"
)

// Push signing. The rating system signs each push with the shared secret:
//
//	X-Haochaping-Timestamp: 1796176800                       (Unix seconds)
//	X-Haochaping-Signature: sha256=<hex HMAC-SHA-256(secret, timestamp + "." + body)>
//
// The portal refuses a push whose signature does not match, and one whose timestamp is
// more than the replay window (5 minutes) from its clock, so that a captured push cannot
// be sent again later. Within the window a push sent twice (a retry after a lost answer)
// changes nothing the second time: the case and the ledger are keyed on the rating's ID.
const (
	headerTimestamp = "X-Haochaping-Timestamp"
	headerSignature = "X-Haochaping-Signature"
)

// pushVerifier checks pushes' signatures.
type pushVerifier struct {
	secret []byte
	window time.Duration
	now    func() time.Time
}

// Sign returns the signature header's value for a push of body at timestamp ts: what the
// rating system sends, and what the portal's tests and load test send.
func Sign(secret []byte, ts int64, body []byte) string {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte(strconv.FormatInt(ts, 10) + "."))
	h.Write(body)
	return "sha256=" + hex.EncodeToString(h.Sum(nil))
}

// verify checks a push's timestamp and signature; with no secret configured every push passes.
func (p pushVerifier) verify(r *http.Request, body []byte) error {
	if len(p.secret) == 0 {
		return nil
	}
	ts, err := strconv.ParseInt(r.Header.Get(headerTimestamp), 10, 64)
	if err != nil {
		return errStale
	}
	if d := p.now().Sub(time.Unix(ts, 0)); d > p.window || d < -p.window {
		return errStale
	}
	if !hmac.Equal([]byte(r.Header.Get(headerSignature)), []byte(Sign(p.secret, ts, body))) {
		return errUnsigned
	}
	return nil
}

// receipt is the webhook's answer: what became of the push, never the case.
type receipt struct {
	// Case is the ID of the bad review's case; empty for a rating that is not a bad review.
	Case string `json:"case,omitempty"`
	// State is the case's state in Chinese.
	State string `json:"state,omitempty"`
	// Created is true when this push opened the case, false when an earlier one had.
	Created bool `json:"created"`
	// Recorded is true when this push added the rating to the ledger, false when it was there.
	Recorded bool `json:"recorded"`
}

// pushFormat is the layout of the pushes: the national interface's. Its phone and ID
// number arrive encrypted under the county's key (SM4 on most platforms): a county sets
// the decrypter its platform gives; the demo's pushes are not encrypted.
func pushFormat() haochaping.PushFormat {
	f := haochaping.NationalPush()
	f.Decrypter = haochaping.DecryptFunc(func(_, v string) (string, error) { return v, nil })
	return f
}

// receivePush is POST /push: a rating as the rating system pushes it. Every rating goes to
// the ledger (第三条: the office counts all the ratings); a bad review opens a case, once.
func (s *Server) receivePush(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxPushBytes))
	if err != nil {
		s.fail(w, r, errForm(err))
		return
	}
	if err := s.push.verify(r, body); err != nil {
		s.fail(w, r, err)
		return
	}
	rv, err := haochaping.DecodePushed(body, pushFormat())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var rc receipt
	if rv.IsBad() { // the case first: it checks the review more closely than the ledger
		c, created, err := s.svc.Receive(r.Context(), rv)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		rc.Case, rc.State, rc.Created = c.ID, c.StateLabel(), created
	}
	n, err := s.db.Store.Record(r.Context(), []haochaping.Review{rv})
	if err != nil { // the case, if any, stays: the retry finds it and records the rating
		s.fail(w, r, err)
		return
	}
	rc.Recorded = n == 1
	s.log.Info("push received", "rating", rv.Key(), "level", rv.Level, "case", rc.Case, "created", rc.Created, "recorded", rc.Recorded)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(rc)
}
