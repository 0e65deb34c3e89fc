package haochaping_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	hcp "github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/internal/mutate"
)

// sharedReviews returns a valid bad review and one with a problem in every field validation
// looks at.
func sharedReviews(now time.Time) []hcp.Review {
	opt, _ := hcp.LookupOption("1.3")
	good := hcp.Review{ID: "r1", MatterNumber: "450224-2026-000123", Level: hcp.Dissatisfied,
		Options: []hcp.Option{opt}, Channel: hcp.ChannelDevice, Time: now.Add(-time.Minute), AreaCode: "450224",
		Reviewer: hcp.Reviewer{Name: "张三丰", Gender: hcp.Male, Phone: "13812345678", Kind: hcp.NaturalPerson}}
	bad := good
	bad.ID, bad.Options, bad.AreaCode = "", []hcp.Option{{List: hcp.Annex1().ID(), Code: "9.9", Label: "无"}}, "45"
	bad.Time, bad.Reviewer.Phone = now.Add(time.Hour), "1381234"
	return []hcp.Review{good, bad}
}

// sharedBehaviour returns, as text, what the package's shared values say and how it
// validates reviews.
func sharedBehaviour() string {
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, hcp.Location())
	l := hcp.Annex1()
	s := fmt.Sprintln(l.ID(), l.Source(), l.BadOnly(), l.Options(), hcp.Options(), hcp.Location())
	for _, o := range hcp.Options() {
		got, err := hcp.LookupOption(o.Code)
		s += fmt.Sprintln(got, err, l.Contains(o))
	}
	_, err := l.Lookup("9.9")
	s += fmt.Sprintln(err)
	for _, v := range hcp.Levels() {
		b, err := v.MarshalText()
		s += fmt.Sprintln(v, v.Label(), string(b), err)
	}
	for _, v := range hcp.Channels() {
		b, err := v.MarshalText()
		s += fmt.Sprintln(v, v.Label(), string(b), err)
	}
	for _, v := range hcp.Dimensions() {
		b, err := v.MarshalText()
		s += fmt.Sprintln(v, v.Label(), string(b), err)
	}
	v := hcp.Validator{Now: func() time.Time { return now }}
	for _, r := range sharedReviews(now) {
		s += fmt.Sprintln(v.Validate(r))
	}
	x := hcp.NationalToAnnex1()
	s += fmt.Sprintln(x.ID(), x.Source(), x.From().Options(), x.To().ID(), x.Entries(), hcp.Presets())
	for _, code := range []string{"115", "209", "510"} {
		e, err := x.Entry(code)
		c, cerr := x.Classify(hcp.Dissatisfied, []hcp.Option{e.From})
		s += fmt.Sprintln(e, err, c, cerr)
	}
	return s
}

// STYLE.md rule 3: what the package shares among its callers (Annex 1, its options, the
// enumerations, the time zone) is read-only in fact. The test changes everything a caller
// can reach through them and through what validation returns, and finds the package
// answering and validating as before.
func TestSharedValuesAreReadOnly(t *testing.T) {
	before := sharedBehaviour()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, hcp.Location())
	l := hcp.Annex1()
	vs := []any{l, l.Options(), hcp.Options(), hcp.Levels(), hcp.Channels(), hcp.Dimensions(), hcp.Location()}
	for _, o := range hcp.Options() {
		got, err := hcp.LookupOption(o.Code)
		b, _ := o.Dimension.MarshalText()
		vs = append(vs, got, err, b)
	}
	_, err := l.Lookup("9.9")
	vs = append(vs, err)
	for _, lv := range hcp.Levels() {
		b, _ := lv.MarshalText()
		vs = append(vs, b)
	}
	for _, c := range hcp.Channels() {
		b, _ := c.MarshalText()
		vs = append(vs, b)
	}
	for _, r := range sharedReviews(now) {
		vs = append(vs, hcp.Validator{Now: func() time.Time { return now }}.Validate(r))
	}
	x := hcp.NationalToAnnex1()
	vs = append(vs, x.Entries(), x.From().Options(), hcp.NationalOptions().Options(), hcp.Presets(), hcp.NationalPush())
	for _, code := range []string{"115", "209", "510"} {
		e, err := x.Entry(code)
		c, cerr := x.Classify(hcp.Dissatisfied, []hcp.Option{e.From})
		vs = append(vs, e, err, c, cerr)
	}
	mutate.All(vs...)
	require.Equal(t, before, sharedBehaviour())
}
