package sqlstore

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// A duty row packs its case's summary and the duty into two text columns, so that a
// worklist over tens of thousands of duties reads four columns a row, not twenty. Each field
// is its length in bytes, a colon and the bytes ("6:report"), so that any text survives;
// times are Unix microseconds ("" for the zero time), flags "1" or "".

// packer appends fields to a packed column.
type packer []byte

func (p *packer) str(s string) {
	*p = strconv.AppendInt(*p, int64(len(s)), 10)
	*p = append(append(*p, ':'), s...)
}

func (p *packer) int(n int) { p.str(strconv.Itoa(n)) }

func (p *packer) time(t time.Time) {
	if t.IsZero() {
		p.str("")
		return
	}
	p.str(strconv.FormatInt(t.UnixMicro(), 10))
}

func (p *packer) flag(b bool) {
	if b {
		p.str("1")
	} else {
		p.str("")
	}
}

// packSummary packs a case's summary.
func packSummary(s caseflow.CaseSummary) string {
	var p packer
	p.str(s.ID)
	p.str(string(s.Kind))
	p.str(string(s.State))
	p.str(s.Center)
	p.str(s.Department)
	p.str(s.Window)
	p.time(s.ReceivedAt)
	p.time(s.Due)
	return string(p)
}

// packDuty packs an open timed duty.
func packDuty(d *caseflow.Duty) string {
	var p packer
	rule, _ := d.Deadline.Rule.MarshalText()
	p.str(string(d.Kind))
	p.str(string(d.Owner))
	p.str(d.Org)
	p.int(d.StartedBy)
	p.int(d.RetimedBy)
	p.time(d.Entered)
	p.flag(d.EnteredLate)
	p.str(d.Limit)
	p.time(d.Deadline.Start)
	p.str(string(rule))
	p.time(d.Deadline.Due)
	p.time(d.Deadline.Warn)
	p.flag(d.Deadline.Provisional)
	return string(p)
}

// errPacked is the error of a packed column that does not read.
var errPacked = errors.New("sqlstore: a packed column of the duties table does not read")

// unpacker reads the fields of a packed column in order; the strings it returns share the
// column's memory. After the first field that does not read, every field reads as zero and
// err is set.
type unpacker struct {
	s   string
	loc *time.Location
	err error
}

func (u *unpacker) str() string {
	i := strings.IndexByte(u.s, ':')
	if u.err != nil || i < 1 || i > 10 {
		u.err = errPacked
		return ""
	}
	n, err := strconv.Atoi(u.s[:i])
	if err != nil || n < 0 || n > len(u.s)-i-1 {
		u.err = errPacked
		return ""
	}
	v := u.s[i+1 : i+1+n]
	u.s = u.s[i+1+n:]
	return v
}

func (u *unpacker) int() int {
	v := u.str()
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		u.err = errPacked
	}
	return n
}

func (u *unpacker) time() time.Time {
	v := u.str()
	if v == "" {
		return time.Time{}
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < minMicro || n > maxMicro {
		u.err = errPacked
		return time.Time{}
	}
	return time.UnixMicro(n).In(u.loc)
}

// The times a packed column holds: years 1 to 9999.
const (
	minMicro = -62135596800000000 // 0001-01-01T00:00:00Z
	maxMicro = 253402300799999999 // 9999-12-31T23:59:59.999999Z
)

func (u *unpacker) flag() bool { return u.str() != "" }

// done returns the error of the fields read, and one for fields left over.
func (u *unpacker) done() error {
	if u.err == nil && u.s != "" {
		u.err = errPacked
	}
	return u.err
}

// unpackSummary reads a packed summary.
func unpackSummary(s string, loc *time.Location) (caseflow.CaseSummary, error) {
	u := unpacker{s: s, loc: loc}
	sum := caseflow.CaseSummary{ID: u.str(), Kind: caseflow.Kind(u.str()), State: caseflow.State(u.str()),
		Center: u.str(), Department: u.str(), Window: u.str(), ReceivedAt: u.time(), Due: u.time()}
	return sum, u.done()
}

// rules caches the rules a scan has read, by their text.
type rules map[string]deadline.Rule

// unpackDuty reads a packed open timed duty into d.
func unpackDuty(s string, loc *time.Location, rs rules, d *caseflow.Duty) error {
	u := unpacker{s: s, loc: loc}
	*d = caseflow.Duty{Timed: true, Kind: caseflow.DutyKind(u.str()), Owner: caseflow.Role(u.str()), Org: u.str(),
		StartedBy: u.int(), RetimedBy: u.int(), Entered: u.time(), EnteredLate: u.flag(), Limit: u.str()}
	d.Deadline.Start = u.time()
	text := u.str()
	d.Deadline.Due, d.Deadline.Warn, d.Deadline.Provisional = u.time(), u.time(), u.flag()
	if err := u.done(); err != nil {
		return err
	}
	r, ok := rs[text]
	if !ok {
		if err := r.UnmarshalText([]byte(text)); err != nil {
			return err
		}
		rs[text] = r
	}
	d.Deadline.Rule = r
	return nil
}
