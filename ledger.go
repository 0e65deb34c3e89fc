package haochaping

import (
	"context"
	"fmt"
	"iter"
	"time"
	"unicode/utf8"
)

// Ledger keeps every rating (评价台账), good and bad, for the statistics of 第三条: the
// office counts ratings by unit, channel and period, and the bad reviews that become cases
// are counted against all the ratings given, not only against each other. A ledger keeps
// each rating as [Review.ForLedger] gives it, without the reviewer's personal data: the
// statistics need none (个人信息保护法, data minimisation), and a bad review keeps its
// reviewer in its case.
//
// A ledger is keyed on [Review.Key]: a rating pushed twice, or once with full-width
// characters or spaces around its ID, is recorded once, as it was first recorded.
// [MemoryLedger] keeps one in memory; every Ledger passes the conformance suite of package
// ledgertest, so that an SQL ledger and the memory one give identical figures.
//
// Implementations are safe for concurrent use.
type Ledger interface {
	// Record adds the ratings not yet recorded, by their key (Review.Key, the normalised
	// ID), and returns how many it added. A batch is all or nothing: when one rating is
	// refused ([ValidateRatings]) nothing is recorded and the error names every rating by
	// index and field ("ratings[3].level"), joining one *FieldError per problem. A rating
	// whose key is recorded adds nothing and the first recorded stays; a key given twice
	// in one batch counts once, the first kept. An empty batch adds 0 without error; a
	// cancelled context returns ctx.Err() and records nothing.
	Record(ctx context.Context, ratings []Review) (added int, err error)
	// Ratings returns the recorded ratings q selects, by rating time then key (keys
	// compare bytewise, as Go compares strings). Each rating is a copy the caller may
	// change. The iterator stops when the caller breaks; when ctx is cancelled it yields
	// ctx.Err() once, with a zero Review, and stops.
	Ratings(ctx context.Context, q RatingQuery) iter.Seq2[Review, error]
}

// RatingQuery selects ratings of a [Ledger]. Its zero value selects every rating; each
// field set narrows the selection, and the fields combine with AND.
type RatingQuery struct {
	// From and To bound the rating time (Review.Time, as the ledger keeps it: truncated to
	// the microsecond) to [From, To); a zero bound is open. The bounds compare as given,
	// to the nanosecond: From = t+1ns leaves out a rating at t. An SQL ledger, whose
	// database rounds parameters to the microsecond, passes the bounds rounded up to the
	// next microsecond, which selects the same ratings.
	From, To time.Time
	// AreaCode, DepartmentCode and Window select the ratings whose field is exactly this,
	// when set.
	AreaCode, DepartmentCode, Window string
	// Channels selects the ratings through any of these channels, when set.
	Channels []Channel
	// Levels selects the ratings of any of these levels, when set.
	Levels []Level
}

// ForLedger returns the form a [Ledger] keeps of r: a deep copy without the reviewer's
// personal data (the whole Reviewer is zeroed, and FreeText, which may name or number the
// reviewer, is dropped), its time truncated to the microsecond, which is what SQL
// databases keep, in [Location], and its empty lists nil. Every other field stays as
// pushed: Anonymous, the Options, the Classification, Default, FollowUp, Encrypted and
// the rest.
func (r Review) ForLedger() Review {
	r = r.Clone()
	r.Reviewer = Reviewer{}
	r.FreeText = ""
	if !r.Time.IsZero() {
		r.Time = r.Time.Truncate(time.Microsecond).In(Location())
	}
	c := &r.Classification
	for _, l := range []*[]Option{&r.Options, &c.Options, &c.Other, &c.Conflicts} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	for _, l := range []*[]string{&r.Encrypted, &c.Unknown} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	return r
}

// ledgerLatest is the latest rating time a ledger keeps: the end of year 9999, the last
// a database's timestamp holds.
var ledgerLatest = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)

// ValidateRatings reports every problem that makes a [Ledger] refuse a batch, as an error
// joining one *FieldError per problem named "ratings[i].field" (at most
// [DefaultLimits].Problems of them, the rest summed up), or nil. Every Ledger refuses what
// it refuses, so that the memory and SQL ledgers agree.
//
// It checks what the statistics count on and what the ledger keeps: a key (ErrRequired
// for an ID that is empty once normalised; ErrMalformed for a control character in it), a
// known level and channel (ErrUnknownCode), a rating time (ErrRequired when zero,
// ErrTooEarly before [RatingSystemStart], ErrMalformed after year 9999), a service number
// of 0 to 99 (ErrMalformed), no control character in the matter number or a code
// (ErrMalformed), and every text and list the ledger keeps within [DefaultLimits]
// (ErrTooLarge).
//
// It does not check what only a case needs, which [Validator] checks when a bad review is
// received: the reviewer and the free text (the ledger drops them), the matter number's
// presence, whether the options come from a known list and agree with the classification
// (the ledger keeps them as pushed), a default rating's level, and a time in the future
// (a ledger has no clock, so that two ledgers given one batch agree).
func ValidateRatings(ratings []Review) error {
	lim := DefaultLimits()
	var p problems
	for i, r := range ratings {
		checkRating(&p, fmt.Sprintf("ratings[%d].", i), r, lim)
		if len(p) > lim.Problems {
			break // enough to list, and a summary beyond
		}
	}
	return p.err(lim.Problems)
}

// checkRating adds the problems of one rating of a batch, its fields named after prefix.
func checkRating(p *problems, prefix string, r Review, lim Limits) {
	switch {
	case !withinText(p, prefix, "id", r.ID, lim):
	case r.Key() == "":
		p.add(prefix+"id", excerpt(r.ID), ErrRequired, "the key of a rating is its ID, normalised (NormalizeID)")
	case hasControl(r.ID):
		p.add(prefix+"id", excerpt(r.ID), ErrMalformed, "a control or format character has no place in an identifier")
	}
	if !r.Level.Valid() {
		p.add(prefix+"level", r.Level.String(), ErrUnknownCode, "")
	}
	if !r.Channel.Valid() {
		p.add(prefix+"channel", r.Channel.String(), ErrUnknownCode, "")
	}
	switch since := RatingSystemStart(); {
	case r.Time.IsZero():
		p.add(prefix+"time", "", ErrRequired, "评价时间")
	case r.Time.Before(since):
		p.add(prefix+"time", r.Time.Format(time.RFC3339), ErrTooEarly, "the earliest rating time a ledger keeps is %s",
			since.Format(time.RFC3339))
	case !r.Time.Before(ledgerLatest):
		p.add(prefix+"time", excerpt(r.Time.Format(time.RFC3339)), ErrMalformed, "a year after 9999, which no database keeps")
	}
	if r.ServiceNumber < 0 || r.ServiceNumber > 99 {
		p.add(prefix+"serviceNumber", fmt.Sprint(r.ServiceNumber), ErrMalformed, "want 1 to 99 (服务次数), or 0 where the push does not say")
	}
	for _, f := range []struct {
		name, value string
		code        bool
	}{
		{"matterNumber", r.MatterNumber, true}, {"serviceItem", r.ServiceItem, false},
		{"serviceItemCode", r.ServiceItemCode, true}, {"window", r.Window, false},
		{"department", r.Department, false}, {"departmentCode", r.DepartmentCode, true}, {"staff", r.Staff, false},
		{"areaCode", r.AreaCode, true}, {"dataSource", r.DataSource, true},
		{"classification.crosswalk", r.Classification.Crosswalk, true},
	} {
		if withinText(p, prefix, f.name, f.value, lim) && f.code && hasControl(f.value) {
			p.add(prefix+f.name, excerpt(f.value), ErrMalformed, "a control or format character has no place in an identifier or a code")
		}
	}
	c := r.Classification
	for _, l := range []struct {
		name string
		opts []Option
	}{{"options", r.Options}, {"classification.options", c.Options}, {"classification.other", c.Other},
		{"classification.conflicts", c.Conflicts}} {
		if len(l.opts) > lim.Options {
			p.add(prefix+l.name, fmt.Sprint(len(l.opts)), ErrTooLarge, "the limit is %d options (Limits.Options)", lim.Options)
			continue
		}
		for j, o := range l.opts {
			for _, f := range []struct{ name, value string }{{"list", o.List}, {"code", o.Code}, {"label", o.Label}} {
				withinText(p, prefix, fmt.Sprintf("%s[%d].%s", l.name, j, f.name), f.value, lim)
			}
		}
	}
	for _, l := range []struct {
		name  string
		texts []string
		limit int
	}{{"classification.unknown", c.Unknown, lim.Options}, {"encrypted", r.Encrypted, lim.List}} {
		if len(l.texts) > l.limit {
			p.add(prefix+l.name, fmt.Sprint(len(l.texts)), ErrTooLarge, "the limit is %d", l.limit)
			continue
		}
		for j, s := range l.texts {
			if len(s) > lim.Text {
				checkLength(p, fmt.Sprintf("%s%s[%d]", prefix, l.name, j), s, lim)
			}
		}
	}
	if c.Unread < 0 {
		p.add(prefix+"classification.unread", fmt.Sprint(c.Unread), ErrMalformed, "want 0 or more")
	}
}

// withinText is checkLength for the field prefix+name, which it names only for a text that
// may be too long: a text of no more bytes than the limit has no more runes.
func withinText(p *problems, prefix, name, s string, lim Limits) bool {
	return len(s) <= lim.Text || checkLength(p, prefix+name, s, lim)
}

// hasControl is HasControl, faster for ASCII text.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= utf8.RuneSelf:
			return HasControl(s[i:])
		case b < 0x20 || b == 0x7f:
			return true
		}
	}
	return false
}
