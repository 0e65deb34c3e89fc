package scoring

import (
	"cmp"
	"slices"
	"strings"

	"github.com/haochaping/haochaping"
)

// Share is one line of a breakdown of the bad reviews of a period: an Annex 1 option, a
// dimension or a cause, how many times it was given, and its share of the breakdown's
// total.
type Share struct {
	// Key is the option's code ("1.1"), or the dimension's text code ("attitude"; "" for
	// options of a list with no dimensions); Label is what tables print.
	Key   string  `json:"key"`
	Label string  `json:"label"`
	Count int64   `json:"count"`
	Share float64 `json:"share"`
	// Dimension is the option's dimension, for an option.
	Dimension haochaping.Dimension `json:"dimension,omitempty"`
}

// Options returns how often each option was checked in the bad reviews received in period
// p (the cases' reviews, in Annex 1's terms where a crosswalk classified them), most
// checked first, then by code; each share is of all the options checked.
func (r *Report) Options(p Period) ([]Share, error) {
	i, err := r.index(p)
	if err != nil {
		return nil, err
	}
	type opt struct{ list, code, label string }
	sums := map[opt]*Share{}
	for k, n := range r.counts[i].options {
		o := opt{k.list, k.code, k.label}
		if sums[o] == nil {
			sums[o] = &Share{Key: k.code, Label: k.code + " " + k.label, Dimension: k.dimension}
		}
		sums[o].Count += n
	}
	return shares(sums), nil
}

// Dimensions returns the options checked in period p summed by their dimension (服务态度,
// 服务质量…), most first; an option of a list without dimensions is "未分类".
func (r *Report) Dimensions(p Period) ([]Share, error) {
	i, err := r.index(p)
	if err != nil {
		return nil, err
	}
	sums := map[haochaping.Dimension]*Share{}
	for k, n := range r.counts[i].options {
		dimensionShare(sums, k.dimension).Count += n
	}
	return shares(sums), nil
}

// Causes returns the causes of the founded bad reviews received in period p (第十条), by
// dimension, most first: what the investigations found, where Options is what the
// reviewers said.
func (r *Report) Causes(p Period) ([]Share, error) {
	i, err := r.index(p)
	if err != nil {
		return nil, err
	}
	sums := map[haochaping.Dimension]*Share{}
	for k, n := range r.counts[i].causes {
		dimensionShare(sums, k.dimension).Count += n
	}
	return shares(sums), nil
}

func dimensionShare(sums map[haochaping.Dimension]*Share, d haochaping.Dimension) *Share {
	if sums[d] == nil {
		s := &Share{Label: "未分类", Dimension: d}
		if d.Valid() {
			s.Key, s.Label = d.String(), d.Label()
		}
		sums[d] = s
	}
	return sums[d]
}

// shares returns the shares, most first then by key and label, each with its share of the
// total.
func shares[K comparable](sums map[K]*Share) []Share {
	out := make([]Share, 0, len(sums))
	var total int64
	for _, s := range sums {
		out = append(out, *s)
		total += s.Count
	}
	for k := range out {
		out[k].Share = float64(out[k].Count) / float64(total)
	}
	slices.SortFunc(out, func(a, b Share) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Key, b.Key), strings.Compare(a.Label, b.Label))
	})
	return out
}

// Overdue returns the duties overdue in period p, one line per duty and period, by due time,
// then case: the window's or its unit's duties (第十条) fulfilled late that fell due in p,
// and those still open past their due time at the report's time that fell due in p or
// before, whenever their case was received.
func (r *Report) Overdue(p Period) ([]OverdueCase, error) {
	i, err := r.index(p)
	if err != nil {
		return nil, err
	}
	out := slices.Clone(r.counts[i].overdue)
	slices.SortStableFunc(out, func(a, b OverdueCase) int {
		return cmp.Or(a.Due.Compare(b.Due), strings.Compare(a.Case, b.Case))
	})
	return out, nil
}
