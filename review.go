package haochaping

import (
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Review is one evaluation record (评价记录) of the rating system (好差评系统): one rating of
// one matter, on site once per visit or online once per matter.
//
// A Review's JSON encoding uses stable text codes for every enumeration and keeps personal
// data in full, for storage and exchange between trusted systems; its String and LogValue
// mask personal data.
type Review struct {
	// ID identifies the review in the rating system; cases are opened idempotently on it.
	ID string `json:"id"`
	// MatterNumber is the matter number (办件编号, push field projectNo).
	MatterNumber string `json:"matterNumber"`
	// ServiceItem is the service item (办理事项, push field taskName).
	ServiceItem string `json:"serviceItem,omitempty"`
	// ServiceItemCode is the service item's code (事项编码, push field taskCode).
	ServiceItemCode string `json:"serviceItemCode,omitempty"`
	// Level is the satisfaction level; 不满意 and 非常不满意 are bad reviews.
	Level Level `json:"level"`
	// Options are the bad-review options the reviewer checked (差评选项).
	Options []Option `json:"options,omitempty"`
	// FreeText is what the reviewer wrote (其他, 文字评价).
	FreeText string `json:"freeText,omitempty"`
	// Channel is the channel the rating came through (评价渠道).
	Channel Channel `json:"channel"`
	// Time is when the reviewer rated (评价时间).
	Time time.Time `json:"time"`
	// Window is the evaluated service window.
	Window string `json:"window,omitempty"`
	// Department and DepartmentCode name the accepting department (受理部门, proDepart).
	Department     string `json:"department,omitempty"`
	DepartmentCode string `json:"departmentCode,omitempty"`
	// Staff is the member of staff who handled the matter (经办人, proManager).
	Staff string `json:"staff,omitempty"`
	// AreaCode is the administrative division code (行政区划代码): 6, 9 or 12 digits.
	AreaCode string `json:"areaCode,omitempty"`
	// Reviewer is the person who rated (评价人); personal data.
	Reviewer Reviewer `json:"reviewer"`
	// Anonymous is true for an anonymous rating; a real-name rating names its reviewer.
	Anonymous bool `json:"anonymous,omitempty"`
	// FollowUp is true for a follow-up rating (追评), false for a first rating.
	FollowUp bool `json:"followUp,omitempty"`
	// Default is true for a rating the system gave by default when the reviewer did not
	// rate in time. A default rating is never a bad review.
	Default bool `json:"default,omitempty"`
}

// IsBad reports whether r is a bad review (差评) that must be handled as a case: its level is
// 不满意 or 非常不满意 and it is not a default rating (第二条).
func (r Review) IsBad() bool { return !r.Default && r.Level.IsBad() }

// Mode returns how r was rated, from its channel: on site once per visit or online once
// per matter.
func (r Review) Mode() Mode { return r.Channel.Mode() }

// String shows the review in one line with the reviewer's personal data masked, and digit
// runs in the free text masked as [MaskText] does.
func (r Review) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "评价 %s 办件 %s %s %s %s", r.ID, r.MatterNumber, r.Level.Label(), r.Channel.Label(),
		r.Time.In(Location()).Format("2006-01-02 15:04:05"))
	if r.ServiceItem != "" {
		fmt.Fprintf(&b, " 事项 %s", r.ServiceItem)
	}
	for _, o := range r.Options {
		fmt.Fprintf(&b, " [%s]", o)
	}
	if r.FreeText != "" {
		fmt.Fprintf(&b, " 其他 %q", MaskText(r.FreeText))
	}
	if r.Anonymous {
		b.WriteString(" 评价人 匿名")
	} else {
		fmt.Fprintf(&b, " 评价人 %s", r.Reviewer)
	}
	return b.String()
}

// Format prints String whatever the verb (%q quotes it), so that no verb prints the
// reviewer's personal data in full.
func (r Review) Format(f fmt.State, verb rune) { formatMasked(f, verb, r.String(), r.String()) }

// LogValue gives structured logs the review with the reviewer's personal data masked.
func (r Review) LogValue() slog.Value {
	codes := make([]string, len(r.Options))
	for i, o := range r.Options {
		codes[i] = o.Code
	}
	return slog.GroupValue(
		slog.String("id", r.ID),
		slog.String("matterNumber", r.MatterNumber),
		slog.String("level", r.Level.String()),
		slog.String("channel", r.Channel.String()),
		slog.Time("time", r.Time),
		slog.String("options", strings.Join(codes, ",")),
		slog.Bool("default", r.Default),
		slog.Any("reviewer", r.Reviewer),
	)
}

var _ slog.LogValuer = Review{}

// Validate checks r against Annex 1 with the current time; see [Validator.Validate].
func (r Review) Validate() error { return Validator{}.Validate(r) }

// Validator checks reviews. Its zero value checks options against [Annex1] with the
// current time and a clock skew of one minute.
type Validator struct {
	// Options is the option list the review's options must come from; nil means Annex1.
	Options *OptionList
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// ClockSkew is how far in the future a review's time may lie, for clocks of the rating
	// system running ahead; 0 means one minute.
	ClockSkew time.Duration
}

// Validate reports every problem with r at once, as an error joining one *FieldError per
// problem (use errors.As or errors.Is with the sentinel errors), or nil when r is valid.
// Personal data in the errors is masked.
func (v Validator) Validate(r Review) error {
	list := v.Options
	if list == nil {
		list = Annex1()
	}
	now := time.Now()
	if v.Now != nil {
		now = v.Now()
	}
	skew := v.ClockSkew
	if skew == 0 {
		skew = time.Minute
	}
	var p problems
	if strings.TrimSpace(r.ID) == "" {
		p.add("id", r.ID, ErrRequired, "the rating system's review id")
	}
	if strings.TrimSpace(r.MatterNumber) == "" {
		p.add("matterNumber", r.MatterNumber, ErrRequired, "办件编号")
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
	}
	v.checkOptions(&p, r, list)
	if r.Default && r.Level.IsBad() {
		p.add("default", "true", ErrInconsistent, "a default rating is never a bad review, but the level is %s", r.Level)
	}
	if r.Channel == ChannelSystemDefault && !r.Default {
		p.add("default", "false", ErrInconsistent, "channel %s gives default ratings only", r.Channel)
	}
	if r.AreaCode != "" && !(isDigits(r.AreaCode) && (len(r.AreaCode) == 6 || len(r.AreaCode) == 9 || len(r.AreaCode) == 12)) {
		p.add("areaCode", r.AreaCode, ErrMalformed, "want 6, 9 or 12 digits")
	}
	checkReviewer(&p, r, now)
	return p.err()
}

func (v Validator) checkOptions(p *problems, r Review, list *OptionList) {
	seen := make(map[string]bool, len(r.Options))
	for i, o := range r.Options {
		field := fmt.Sprintf("options[%d]", i)
		switch {
		case !list.Contains(o):
			p.add(field, o.List+":"+o.Code+" "+o.Label, ErrUnknownCode, "not an option of list %s", list.ID())
		case seen[o.Code]:
			p.add(field, o.Code, ErrInconsistent, "chosen twice")
		}
		seen[o.Code] = true
	}
	if len(r.Options) > 0 && list.BadOnly() && r.Level.Valid() && !r.Level.IsBad() {
		p.add("options", fmt.Sprint(len(r.Options)), ErrInconsistent,
			"list %s has bad-review options only, but the level is %s", list.ID(), r.Level)
	}
}

func checkReviewer(p *problems, r Review, now time.Time) {
	if !r.Anonymous && strings.TrimSpace(r.Reviewer.Name) == "" {
		p.add("reviewer.name", "", ErrRequired, "a real-name rating names its reviewer")
	}
	r.Reviewer.check(p, now)
}

// Validate reports every problem with the reviewer's data at once, as [Validator.Validate]
// does for a review's reviewer: the gender and kind codes, the phone, the ID number (or a
// legal person's unified social credit code) and its agreement with the gender. Fields are
// named "reviewer.…", and personal data in the errors is masked. A name is not required
// here: whether a record needs one is the record's rule.
func (rv Reviewer) Validate(now time.Time) error {
	var p problems
	rv.check(&p, now)
	return p.err()
}

func (rv Reviewer) check(p *problems, now time.Time) {
	if rv.Gender != 0 && !genders.valid(rv.Gender) {
		p.add("reviewer.gender", rv.Gender.String(), ErrUnknownCode, "")
	}
	if rv.Kind != 0 && !partyKinds.valid(rv.Kind) {
		p.add("reviewer.kind", rv.Kind.String(), ErrUnknownCode, "")
	}
	if rv.Phone != "" {
		if err := CheckPhone(rv.Phone); err != nil {
			p.add("reviewer.phone", MaskPhone(rv.Phone), ErrMalformed, "%s", err.(*FieldError).Detail)
		}
	}
	if rv.IDNumber == "" {
		return
	}
	idErr := CheckIDNumber(rv.IDNumber, now)
	if idErr != nil && rv.Kind == LegalPerson && CheckCreditCode(rv.IDNumber) == nil {
		return // a legal person may be identified by its unified social credit code
	}
	if idErr != nil {
		p.add("reviewer.idNumber", MaskIDNumber(rv.IDNumber), ErrMalformed, "%s", idErr.(*FieldError).Detail)
		return
	}
	// GB 11643-1999: the 17th digit is odd for men and even for women.
	male := (rv.IDNumber[16]-'0')%2 == 1
	if (rv.Gender == Male && !male) || (rv.Gender == Female && male) {
		p.add("reviewer.gender", rv.Gender.String(), ErrInconsistent, "the ID number's sequence digit says otherwise")
	}
}
