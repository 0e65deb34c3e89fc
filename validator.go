package haochaping

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"
)

// Validator checks reviews. Its zero value checks options against the national list and
// Annex 1 and their classification against [NationalToAnnex1], with the current time, a
// clock skew of one minute, ratings since [RatingSystemStart] and [DefaultLimits].
type Validator struct {
	// Options is the option list the review's options must come from; nil means the lists
	// of Crosswalk: the national list and Annex 1 by default.
	Options *OptionList
	// Crosswalk is the crosswalk a review's classification must follow; nil means
	// [NationalToAnnex1].
	Crosswalk *Crosswalk
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// ClockSkew is how far in the future a review's time may lie, for clocks of the rating
	// system running ahead; 0 means one minute.
	ClockSkew time.Duration
	// Since is the earliest rating time accepted; the zero time means [RatingSystemStart].
	Since time.Time
	// Limits bound the review's texts and options and the problems an error lists; the
	// zero value means [DefaultLimits]. Limits.Push plays no part here.
	Limits Limits
}

// RatingSystemStart returns 2019-01-01 00:00 in Asia/Shanghai, the earliest rating time a
// zero [Validator] accepts. The State Council's opinion that set up the rating system
// (国务院办公厅关于建立政务服务"好差评"制度提高政务服务水平的意见, 国办发〔2019〕51号) is
// dated 3 December 2019, and provinces piloted ratings during that year; a rating dated
// before 2019 comes from a broken clock or a forged push.
func RatingSystemStart() time.Time { return time.Date(2019, 1, 1, 0, 0, 0, 0, Location()) }

// Validate reports every problem with r at once, as an error joining one *FieldError per
// problem (use errors.As or errors.Is with the sentinel errors), or nil when r is valid.
// Personal data in the errors is masked. Beyond the checks of each field's form it
// refuses a text field over Limits.Text runes and more than Limits.Options options
// ([ErrTooLarge]), a control or format character in the ID, the matter number or a code
// ([ErrMalformed]), and a rating time before Since ([ErrTooEarly]).
//
// A review's classification by v's crosswalk must be what the crosswalk derives from its
// level and options ([ErrInconsistent]). Options that disagree with the level are not
// refused: the classification lists them as conflicts.
func (v Validator) Validate(r Review) error {
	x := v.Crosswalk.orDefault()
	now := time.Now()
	if v.Now != nil {
		now = v.Now()
	}
	skew := v.ClockSkew
	if skew == 0 {
		skew = time.Minute
	}
	since := v.Since
	if since.IsZero() {
		since = RatingSystemStart()
	}
	lim := v.Limits.WithDefaults()
	var p problems
	v.checkTexts(&p, r, lim)
	if strings.TrimSpace(r.ID) == "" {
		p.add("id", excerpt(r.ID), ErrRequired, "the rating system's review id")
	}
	if strings.TrimSpace(r.MatterNumber) == "" {
		p.add("matterNumber", excerpt(r.MatterNumber), ErrRequired, "办件编号")
	}
	if !r.Level.Valid() {
		p.add("level", r.Level.String(), ErrUnknownCode, "")
	}
	if !r.Channel.Valid() {
		p.add("channel", r.Channel.String(), ErrUnknownCode, "")
	}
	switch {
	case r.Time.IsZero():
		p.add("time", "", ErrRequired, "评价时间")
	case r.Time.After(now.Add(skew)):
		p.add("time", r.Time.Format(time.RFC3339), ErrFuture, "now is %s", now.Format(time.RFC3339))
	case r.Time.Before(since):
		p.add("time", r.Time.Format(time.RFC3339), ErrTooEarly, "the earliest rating time accepted is %s (Validator.Since)",
			since.Format(time.RFC3339))
	}
	if len(r.Options) > lim.Options {
		p.add("options", fmt.Sprint(len(r.Options)), ErrTooLarge, "the limit is %d options (Limits.Options)", lim.Options)
	} else {
		v.checkOptions(&p, r, x)
	}
	if r.ServiceNumber < 0 || r.ServiceNumber > 99 {
		p.add("serviceNumber", fmt.Sprint(r.ServiceNumber), ErrMalformed, "want 1 to 99 (服务次数), or 0 where the push does not say")
	}
	if r.Default && r.Level.IsBad() {
		p.add("default", "true", ErrInconsistent, "a default rating is never a bad review, but the level is %s", r.Level)
	}
	if r.Channel == ChannelSystemDefault && !r.Default {
		p.add("default", "false", ErrInconsistent, "channel %s gives default ratings only", r.Channel)
	}
	if r.AreaCode != "" && utf8.RuneCountInString(r.AreaCode) <= lim.Text && !(isDigits(r.AreaCode) && (len(r.AreaCode) == 6 || len(r.AreaCode) == 9 || len(r.AreaCode) == 12)) {
		p.add("areaCode", excerpt(r.AreaCode), ErrMalformed, "want 6, 9 or 12 digits")
	}
	if !r.Anonymous && strings.TrimSpace(r.Reviewer.Name) == "" {
		p.add("reviewer.name", "", ErrRequired, "a real-name rating names its reviewer")
	}
	r.Reviewer.check(&p, now, lim)
	return p.err(lim.Problems)
}

// checkTexts refuses every text field of r over the limit, without showing it, and a
// control character in the ID, the matter number and the codes.
func (v Validator) checkTexts(p *problems, r Review, lim Limits) {
	for _, f := range []struct {
		name, value string
		code        bool
	}{
		{"id", r.ID, true}, {"matterNumber", r.MatterNumber, true}, {"serviceItem", r.ServiceItem, false},
		{"serviceItemCode", r.ServiceItemCode, true}, {"freeText", r.FreeText, false}, {"window", r.Window, false},
		{"department", r.Department, false}, {"departmentCode", r.DepartmentCode, true}, {"staff", r.Staff, false},
		{"areaCode", r.AreaCode, true}, {"dataSource", r.DataSource, true},
	} {
		if checkLength(p, f.name, f.value, lim) && f.code && HasControl(f.value) {
			p.add(f.name, excerpt(f.value), ErrMalformed, "a control or format character has no place in an identifier or a code")
		}
	}
}

// checkLength refuses s when it has more than Limits.Text runes, without showing it, and
// reports whether s is within the limit.
func checkLength(p *problems, field, s string, lim Limits) bool {
	if n := utf8.RuneCountInString(s); n > lim.Text {
		p.add(field, "", ErrTooLarge, "%d characters; the limit is %d (Limits.Text)", n, lim.Text)
		return false
	}
	return true
}

// checkOptions checks that every option comes from the list, or from the crosswalk's
// lists when the validator names none, each once, and that the classification is what the
// crosswalk derives.
func (v Validator) checkOptions(p *problems, r Review, x *Crosswalk) {
	before := len(*p)
	seen := make(map[string]bool, len(r.Options))
	for i, o := range r.Options {
		field := fmt.Sprintf("options[%d]", i)
		switch {
		case v.Options != nil && !v.Options.Contains(o):
			p.add(field, excerpt(o.List+":"+o.Code+" "+o.Label), ErrUnknownCode, "not an option of list %s", v.Options.ID())
		case v.Options == nil && !x.from.Contains(o) && !x.to.Contains(o):
			p.add(field, excerpt(o.List+":"+o.Code+" "+o.Label), ErrUnknownCode, "not an option of list %s or %s", x.from.id, x.to.id)
		case seen[o.List+"\x00"+o.Code]:
			p.add(field, excerpt(o.Code), ErrInconsistent, "chosen twice")
		}
		seen[o.List+"\x00"+o.Code] = true
	}
	v.checkClassification(p, r, x, len(*p) == before)
}

// checkClassification checks that a classification by the crosswalk is what the crosswalk
// derives from the level and options, that one by no crosswalk classifies nothing, and that
// its unknown codes are codes no list holds. A classification by another crosswalk is not
// checked: a portal's Service classifies again with its own.
func (v Validator) checkClassification(p *problems, r Review, x *Crosswalk, optionsValid bool) {
	c := r.Classification
	before := len(*p)
	for i, code := range c.Unknown {
		field := fmt.Sprintf("classification.unknown[%d]", i)
		_, err := x.Lookup(code)
		switch {
		case i >= v.Limits.WithDefaults().Options:
			p.add("classification.unknown", fmt.Sprint(len(c.Unknown)), ErrTooLarge, "the limit is %d codes (Limits.Options)",
				v.Limits.WithDefaults().Options)
			return
		case code == "" || len(code) > maxUnknownCode || HasControl(code):
			p.add(field, excerpt(code), ErrMalformed, "an option code of 1 to %d bytes without control characters", maxUnknownCode)
		case err == nil:
			p.add(field, excerpt(code), ErrInconsistent, "list %s or %s holds it: it is not unknown", x.from.id, x.to.id)
		}
	}
	if c.Unread < 0 {
		p.add("classification.unread", fmt.Sprint(c.Unread), ErrMalformed, "want 0 or more")
	}
	derived := normalized(Classification{Crosswalk: c.Crosswalk, Options: c.Options, Other: c.Other, Conflicts: c.Conflicts})
	switch {
	case !optionsValid || len(*p) > before:
	case c.Crosswalk == "" && !derived.IsZero():
		p.add("classification.crosswalk", "", ErrRequired, "a classification names the crosswalk that derived it")
	case c.Crosswalk == x.id:
		want, err := x.Classify(r.Level, r.Options)
		if err != nil || !reflect.DeepEqual(normalized(want), derived) {
			p.add("classification", "", ErrInconsistent, "not what crosswalk %s derives from the level and options: %s", x.id, want.Label())
		}
	}
}

// normalized returns c with empty lists as nil, so that a classification decoded from JSON
// compares equal to the one derived.
func normalized(c Classification) Classification {
	for _, l := range []*[]Option{&c.Options, &c.Other, &c.Conflicts} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	return c
}

// Validate reports every problem with the reviewer's data at once, as [Validator.Validate]
// does for a review's reviewer: the lengths of the texts, the gender and kind codes, the
// phone, the ID number (or a legal person's unified social credit code) and its agreement
// with the gender. Fields are named "reviewer.…", and personal data in the errors is
// masked. A name is not required here: whether a record needs one is the record's rule.
func (rv Reviewer) Validate(now time.Time) error {
	var p problems
	rv.check(&p, now, DefaultLimits())
	return p.err(0)
}

func (rv Reviewer) check(p *problems, now time.Time, lim Limits) {
	checkLength(p, "reviewer.name", rv.Name, lim)
	if rv.Gender != 0 && !genders.valid(rv.Gender) {
		p.add("reviewer.gender", rv.Gender.String(), ErrUnknownCode, "")
	}
	if rv.Kind != 0 && !partyKinds.valid(rv.Kind) {
		p.add("reviewer.kind", rv.Kind.String(), ErrUnknownCode, "")
	}
	if rv.Phone != "" && checkLength(p, "reviewer.phone", rv.Phone, lim) {
		var fe *FieldError
		if err := CheckPhone(rv.Phone); errors.As(err, &fe) {
			p.add("reviewer.phone", fe.Value, ErrMalformed, "%s", fe.Detail)
		}
	}
	if rv.IDNumber == "" || !checkLength(p, "reviewer.idNumber", rv.IDNumber, lim) {
		return
	}
	idErr := CheckIDNumber(rv.IDNumber, now)
	if idErr != nil && rv.Kind == LegalPerson && CheckCreditCode(rv.IDNumber) == nil {
		return // a legal person may be identified by its unified social credit code
	}
	var fe *FieldError
	if errors.As(idErr, &fe) {
		p.add("reviewer.idNumber", fe.Value, ErrMalformed, "%s", fe.Detail)
		return
	}
	// GB 11643-1999: the 17th digit is odd for men and even for women.
	male := (rv.IDNumber[16]-'0')%2 == 1
	if (rv.Gender == Male && !male) || (rv.Gender == Female && male) {
		p.add("reviewer.gender", rv.Gender.String(), ErrInconsistent, "the ID number's sequence digit says otherwise")
	}
}
