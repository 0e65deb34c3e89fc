package sqlstore

import (
	"encoding/json"
	"fmt"

	"github.com/haochaping/haochaping/caseflow"
)

// caseRow is a case's row as the store writes it.
type caseRow struct {
	id, kind, state, center, department, window string
	keyHash                                     any // string, or nil for a case without a key
	received, warn, due                         any
	closed                                      bool
	headSeq                                     int
	headHash                                    string
	doc                                         string
}

// caseRow returns c's row; its document is c without its trail, which has rows of its own.
func (s *Store) caseRow(c *caseflow.Case) (caseRow, error) {
	head := caseflow.HeadOf(c.Trail)
	sum := c.Summary()
	r := caseRow{id: c.ID, kind: string(c.Kind), state: string(c.State), center: sum.Center,
		department: sum.Department, window: sum.Window, received: s.d.timeArg(c.ReceivedAt),
		warn: s.d.timeArg(c.WarnAt), due: s.d.timeArg(sum.Due), closed: c.Closed(),
		headSeq: head.Seq, headHash: head.Hash.String()}
	if k := c.Key(); k != "" {
		r.keyHash = keyHash(k)
	}
	bare := *c
	bare.Trail = nil
	doc, err := json.Marshal((*caseflow.StoredCase)(&bare))
	if err != nil {
		return caseRow{}, fmt.Errorf("sqlstore: encoding case %s: %w", c.ID, err)
	}
	r.doc = string(doc)
	return r, nil
}

// storedRow is what the store reads of a case's row.
type storedRow struct {
	seq, version int64
	id           string
	headSeq      int
	doc          []byte
}

// dest returns the scan destinations of the columns caseCols names.
func (r *storedRow) dest() []any { return []any{&r.seq, &r.id, &r.version, &r.headSeq, &r.doc} }

// decode returns the case of the row, without its trail. It refuses a document that is not
// the row's case.
func (r *storedRow) decode() (*caseflow.Case, error) {
	sc := new(caseflow.StoredCase)
	if err := json.Unmarshal(r.doc, sc); err != nil {
		return nil, fmt.Errorf("sqlstore: decoding case %s: %w", r.id, err)
	}
	c := (*caseflow.Case)(sc)
	if c.ID != r.id || r.headSeq < 1 {
		return nil, fmt.Errorf("sqlstore: case %s: its row holds the document of case %q: %w", r.id, c.ID, caseflow.ErrTampered)
	}
	c.Version = r.version
	return c, nil
}

// dutyArgs returns the arguments of the rows of c's open timed duties, and how many.
func (s *Store) dutyArgs(seq int64, c *caseflow.Case) ([]any, int) {
	var args []any
	n := 0
	sum := c.Summary()
	packed := packSummary(sum)
	for i := len(c.Duties) - 1; i >= 0 && c.Duties[i].Open(); i-- {
		d := c.Duties[i]
		if !d.Timed {
			continue
		}
		args = append(args, seq, i, c.ID, string(sum.Kind), string(sum.State), sum.Center, sum.Department, sum.Window,
			s.d.timeArg(sum.ReceivedAt), c.Closed(), s.d.timeArg(d.Deadline.Due), s.d.timeArg(d.Deadline.Warn),
			packed, packDuty(d))
		n++
	}
	return args, n
}
