package haochaping

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"
)

// Review is one evaluation record (评价记录) of the rating system (好差评系统): one rating of
// one matter, on site once per visit or online once per matter.
//
// A Review's JSON encoding uses stable text codes for every enumeration and masks personal
// data, as its String, Format and LogValue do; [StoredReview] is the storage codec that
// keeps it in full, for storage and exchange between trusted systems. Every rendering
// escapes control characters, so that a review prints on one line.
type Review struct {
	// ID identifies the review in the rating system; cases are opened idempotently on its
	// [Review.Key].
	ID string `json:"id"`
	// MatterNumber is the matter number (办件编号, push field projectNo).
	MatterNumber string `json:"matterNumber"`
	// ServiceNumber is which service of the matter was rated (服务次数: 1 for the first
	// service, up to 99), where the push says; 0 where it does not.
	ServiceNumber int `json:"serviceNumber,omitempty"`
	// ServiceItem is the service item (办理事项, push field taskName).
	ServiceItem string `json:"serviceItem,omitempty"`
	// ServiceItemCode is the service item's code (事项编码, push field taskCode).
	ServiceItemCode string `json:"serviceItemCode,omitempty"`
	// Level is the satisfaction level; 不满意 and 非常不满意 are bad reviews.
	Level Level `json:"level"`
	// Options are the options the reviewer checked, as pushed: codes of the national
	// evaluation option list (测评内容) or of Annex 1 (差评选项).
	Options []Option `json:"options,omitempty"`
	// Classification is what the options mean in Annex 1's terms, derived by a
	// [Crosswalk], with the options that disagree with the level: the reviewer's complaint,
	// which pre-fills the cause the window proposes. Performance appraisal follows the
	// finding after investigation, not this (第十条). Zero for a review not classified.
	Classification Classification `json:"classification,omitzero"`
	// FreeText is what the reviewer wrote (其他, 文字评价).
	FreeText string `json:"freeText,omitempty" personal:"true"`
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
	// DataSource is the code of the platform the record came from (数据来源, e.g. 133 for
	// Zhejiang), where the push says.
	DataSource string `json:"dataSource,omitempty"`
	// Reviewer is the person who rated (评价人); personal data.
	Reviewer Reviewer `json:"reviewer"`
	// Encrypted names the push fields that arrived encrypted and were left unread, for want
	// of a [Decrypter]: a review whose phone is among them has no callable number.
	Encrypted []string `json:"encrypted,omitempty"`
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

// String shows the review in one line with the reviewer's personal data masked, digit
// runs in the free text masked as [MaskText] does, and control characters escaped.
func (r Review) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "评价 %s 办件 %s %s %s %s", oneLine(r.ID), oneLine(r.MatterNumber), r.Level.Label(), r.Channel.Label(),
		r.Time.In(Location()).Format("2006-01-02 15:04:05"))
	if r.ServiceItem != "" {
		fmt.Fprintf(&b, " 事项 %s", oneLine(r.ServiceItem))
	}
	for _, o := range r.Options {
		fmt.Fprintf(&b, " [%s]", oneLine(o.String()))
	}
	if l := r.Classification.Label(); l != "" && (!slices.Equal(r.Options, r.Classification.Options) || len(r.Classification.Other) > 0) {
		fmt.Fprintf(&b, " 附件1归类〔%s〕", l)
	}
	for _, o := range r.Classification.Conflicts {
		fmt.Fprintf(&b, " 与评价等级不符 [%s]", oneLine(o.String()))
	}
	for _, code := range r.Classification.Unknown {
		fmt.Fprintf(&b, " 未知选项 [%s]", oneLine(code))
	}
	if n := r.Classification.Unread; n > 0 {
		fmt.Fprintf(&b, " 另有%d个选项未读", n)
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

// LogValue gives structured logs the review with the reviewer's personal data masked and
// control characters escaped.
func (r Review) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("id", oneLine(r.ID)),
		slog.String("matterNumber", oneLine(r.MatterNumber)),
		slog.String("level", r.Level.String()),
		slog.String("channel", r.Channel.String()),
		slog.Time("time", r.Time),
		slog.String("options", codes(r.Options)),
	}
	if c := r.Classification; !c.IsZero() {
		attrs = append(attrs, slog.String("classification", codes(slices.Concat(c.Options, c.Other))))
	}
	if len(r.Classification.Conflicts) > 0 {
		attrs = append(attrs, slog.String("conflicts", codes(r.Classification.Conflicts)))
	}
	if len(r.Classification.Unknown) > 0 {
		attrs = append(attrs, slog.String("unknownOptions", oneLine(strings.Join(r.Classification.Unknown, ","))))
	}
	attrs = append(attrs, slog.Bool("default", r.Default), slog.Any("reviewer", r.Reviewer))
	return slog.GroupValue(attrs...)
}

// codes returns the options' codes, comma separated, control characters escaped.
func codes(opts []Option) string {
	cs := make([]string, len(opts))
	for i, o := range opts {
		cs[i] = oneLine(o.Code)
	}
	return strings.Join(cs, ",")
}

// Callable reports whether the review gives a number to call the reviewer back on: it is
// not anonymous and has a phone. It does not when the reviewer rated anonymously or gave
// no phone, or the phone arrived encrypted and was left unread ([Review.Encrypted]).
// Whether the phone is well formed is [Validator.Validate]'s to say.
func (r Review) Callable() bool { return !r.Anonymous && strings.TrimSpace(r.Reviewer.Phone) != "" }

// Clone returns a copy of r whose lists are its own.
func (r Review) Clone() Review {
	r.Options = slices.Clone(r.Options)
	r.Encrypted = slices.Clone(r.Encrypted)
	c := &r.Classification
	c.Options, c.Other, c.Conflicts = slices.Clone(c.Options), slices.Clone(c.Other), slices.Clone(c.Conflicts)
	c.Unknown = slices.Clone(c.Unknown)
	return r
}

var _ slog.LogValuer = Review{}

// Validate checks r against Annex 1 with the current time; see [Validator.Validate].
func (r Review) Validate() error { return Validator{}.Validate(r) }
