package haochaping

import (
	"cmp"
	"context"
	"iter"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unique"
)

// MemoryLedger is a [Ledger] in memory, for tests, tools and a county's figures of a
// year. It is safe for concurrent use.
//
// It keeps each rating compactly, in about 150 bytes beside its key, ID and matter number:
// the time in microseconds, the texts ratings share (department, window, area, service
// item) interned once with package unique, and the options, classification and encrypted
// fields, which most good ratings lack, apart. A million ratings take a few hundred
// megabytes. Ratings recorded since the last read are sorted into the index when the next
// read begins, so that recording in bulk costs no sorting per batch.
type MemoryLedger struct {
	mu      sync.RWMutex
	index   map[string]uint32 // key → row
	chunks  []*[ledgerChunk]ledgerRow
	n       int      // rows recorded
	order   []uint32 // rows [0, len(order)) by time then key; never changed in place
	pending bool     // rows [len(order), n) are not in order yet
}

var _ Ledger = (*MemoryLedger)(nil)

// ledgerChunk is how many rows one chunk holds. Chunks never move, and a row is never
// written again once recorded, so that a read may go on without the lock.
const ledgerChunk = 1024

// ledgerRow is one rating as a MemoryLedger keeps it.
type ledgerRow struct {
	micros                                                                                        int64  // rating time, microseconds since 1970
	key                                                                                           string // Review.Key
	id                                                                                            string // Review.ID where it is not its key
	matterNumber                                                                                  string
	serviceNumber                                                                                 int32
	level                                                                                         Level
	channel                                                                                       Channel
	flags                                                                                         uint8 // rowAnonymous | rowFollowUp | rowDefault
	serviceItem, serviceItemCode, window, department, departmentCode, staff, areaCode, dataSource unique.Handle[string]
	extra                                                                                         *ledgerExtra // nil where all its fields are empty
}

// ledgerExtra holds the fields most good ratings lack.
type ledgerExtra struct {
	options        []Option
	classification Classification
	encrypted      []string
}

const (
	rowAnonymous = 1 << iota
	rowFollowUp
	rowDefault
)

// NewMemoryLedger returns an empty ledger.
func NewMemoryLedger() *MemoryLedger { return &MemoryLedger{index: map[string]uint32{}} }

// Record adds the ratings not yet recorded; see [Ledger.Record]. It returns ctx.Err() for a
// cancelled context and the error of [ValidateRatings] for a refused batch, recording
// nothing in either case.
func (l *MemoryLedger) Record(ctx context.Context, ratings []Review) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if len(ratings) == 0 {
		return 0, nil
	}
	if err := ValidateRatings(ratings); err != nil {
		return 0, err
	}
	rows := make([]ledgerRow, 0, len(ratings))
	seen := make(map[string]struct{}, len(ratings))
	for _, r := range ratings {
		key := r.Key()
		if _, ok := seen[key]; ok {
			continue
		}
		seen[key] = struct{}{}
		rows = append(rows, newLedgerRow(key, r))
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	added := 0
	for _, row := range rows {
		if _, ok := l.index[row.key]; ok {
			continue
		}
		if l.n%ledgerChunk == 0 {
			l.chunks = append(l.chunks, new([ledgerChunk]ledgerRow))
		}
		l.chunks[l.n/ledgerChunk][l.n%ledgerChunk] = row
		l.index[row.key] = uint32(l.n)
		l.n++
		added++
	}
	l.pending = l.pending || added > 0
	return added, nil
}

// Ratings returns the recorded ratings q selects, by rating time then key; see
// [Ledger.Ratings]. It reads the ratings recorded when the iteration begins.
func (l *MemoryLedger) Ratings(ctx context.Context, q RatingQuery) iter.Seq2[Review, error] {
	return func(yield func(Review, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(Review{}, err)
			return
		}
		order, chunks := l.view()
		at := func(i int) *ledgerRow { n := order[i]; return &chunks[n/ledgerChunk][n%ledgerChunk] }
		lo, hi := 0, len(order)
		if !q.From.IsZero() {
			lo = sort.Search(len(order), func(i int) bool { return !at(i).time().Before(q.From) })
		}
		if !q.To.IsZero() {
			hi = sort.Search(len(order), func(i int) bool { return !at(i).time().Before(q.To) })
		}
		m := newRowMatcher(q)
		for i := lo; i < hi; i++ {
			if err := ctx.Err(); err != nil {
				yield(Review{}, err)
				return
			}
			if row := at(i); m.matches(row) && !yield(row.review(), nil) {
				return
			}
		}
	}
}

// view returns the ordered rows and the chunks that hold them, sorting the rows recorded
// since the last read into the order first. Neither is written again, so the caller reads
// them without the lock.
func (l *MemoryLedger) view() ([]uint32, []*[ledgerChunk]ledgerRow) {
	l.mu.RLock()
	if !l.pending {
		defer l.mu.RUnlock()
		return l.order, l.chunks
	}
	l.mu.RUnlock()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.pending {
		l.settle()
	}
	return l.order, l.chunks
}

// settle merges the rows not yet in order into a new order. l.mu must be held for writing.
func (l *MemoryLedger) settle() {
	at := func(n uint32) *ledgerRow { return &l.chunks[n/ledgerChunk][n%ledgerChunk] }
	compare := func(a, b uint32) int {
		ra, rb := at(a), at(b)
		return cmp.Or(cmp.Compare(ra.micros, rb.micros), strings.Compare(ra.key, rb.key))
	}
	fresh := make([]uint32, 0, l.n-len(l.order))
	for n := len(l.order); n < l.n; n++ {
		fresh = append(fresh, uint32(n))
	}
	slices.SortFunc(fresh, compare)
	merged := make([]uint32, 0, l.n)
	old := l.order
	for len(old) > 0 && len(fresh) > 0 {
		if compare(old[0], fresh[0]) <= 0 {
			merged, old = append(merged, old[0]), old[1:]
		} else {
			merged, fresh = append(merged, fresh[0]), fresh[1:]
		}
	}
	l.order = append(append(merged, old...), fresh...)
	l.pending = false
}

// newLedgerRow returns the row that keeps r.ForLedger() under key, sharing no memory with
// r: texts that ratings share are interned, the others copied.
func newLedgerRow(key string, r Review) ledgerRow {
	row := ledgerRow{
		micros:          r.Time.Truncate(time.Microsecond).UnixMicro(),
		key:             strings.Clone(key),
		matterNumber:    strings.Clone(r.MatterNumber),
		serviceNumber:   int32(r.ServiceNumber),
		level:           r.Level,
		channel:         r.Channel,
		serviceItem:     unique.Make(r.ServiceItem),
		serviceItemCode: unique.Make(r.ServiceItemCode),
		window:          unique.Make(r.Window),
		department:      unique.Make(r.Department),
		departmentCode:  unique.Make(r.DepartmentCode),
		staff:           unique.Make(r.Staff),
		areaCode:        unique.Make(r.AreaCode),
		dataSource:      unique.Make(r.DataSource),
	}
	if r.ID != key {
		row.id = strings.Clone(r.ID)
	}
	for _, f := range []struct {
		set  bool
		flag uint8
	}{{r.Anonymous, rowAnonymous}, {r.FollowUp, rowFollowUp}, {r.Default, rowDefault}} {
		if f.set {
			row.flags |= f.flag
		}
	}
	kept := r.ForLedger()
	if c := kept.Classification; len(kept.Options) > 0 || len(kept.Encrypted) > 0 || !c.IsZero() || c.Unread != 0 {
		c.Crosswalk = unique.Make(c.Crosswalk).Value()
		c.Options, c.Other, c.Conflicts = internOptions(c.Options), internOptions(c.Other), internOptions(c.Conflicts)
		c.Unknown = internTexts(c.Unknown)
		row.extra = &ledgerExtra{options: internOptions(kept.Options), classification: c, encrypted: internTexts(kept.Encrypted)}
	}
	return row
}

// internOptions returns opts with each option's texts interned, in a list of its own.
func internOptions(opts []Option) []Option {
	for i, o := range opts {
		opts[i] = unique.Make(o).Value()
	}
	return slices.Clip(opts)
}

// internTexts returns ss with each text interned, in a list of its own.
func internTexts(ss []string) []string {
	for i, s := range ss {
		ss[i] = unique.Make(s).Value()
	}
	return slices.Clip(ss)
}

// time returns the row's rating time in Location.
func (row *ledgerRow) time() time.Time { return time.UnixMicro(row.micros).In(Location()) }

// review returns the rating the row keeps, as a copy of its own.
func (row *ledgerRow) review() Review {
	r := Review{
		ID:              row.id,
		MatterNumber:    row.matterNumber,
		ServiceNumber:   int(row.serviceNumber),
		ServiceItem:     row.serviceItem.Value(),
		ServiceItemCode: row.serviceItemCode.Value(),
		Level:           row.level,
		Channel:         row.channel,
		Time:            row.time(),
		Window:          row.window.Value(),
		Department:      row.department.Value(),
		DepartmentCode:  row.departmentCode.Value(),
		Staff:           row.staff.Value(),
		AreaCode:        row.areaCode.Value(),
		DataSource:      row.dataSource.Value(),
		Anonymous:       row.flags&rowAnonymous != 0,
		FollowUp:        row.flags&rowFollowUp != 0,
		Default:         row.flags&rowDefault != 0,
	}
	if r.ID == "" {
		r.ID = row.key
	}
	if x := row.extra; x != nil {
		r.Options, r.Classification, r.Encrypted = x.options, x.classification, x.encrypted
		r = r.Clone()
	}
	return r
}

// rowMatcher matches rows against a query's fields other than its time bounds.
type rowMatcher struct {
	q                                *RatingQuery
	areaCode, departmentCode, window unique.Handle[string]
}

func newRowMatcher(q RatingQuery) rowMatcher {
	return rowMatcher{q: &q, areaCode: unique.Make(q.AreaCode), departmentCode: unique.Make(q.DepartmentCode),
		window: unique.Make(q.Window)}
}

func (m rowMatcher) matches(row *ledgerRow) bool {
	q := m.q
	return (q.AreaCode == "" || row.areaCode == m.areaCode) &&
		(q.DepartmentCode == "" || row.departmentCode == m.departmentCode) &&
		(q.Window == "" || row.window == m.window) &&
		(len(q.Channels) == 0 || slices.Contains(q.Channels, row.channel)) &&
		(len(q.Levels) == 0 || slices.Contains(q.Levels, row.level))
}
