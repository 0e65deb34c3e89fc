package caseflow

import (
	"fmt"
	"log/slog"
	"reflect"
	"time"

	"github.com/haochaping/haochaping"
)

// Complaint is a complaint made on site (现场投诉, 第四条): who complained, where, when and
// about what. Complainant is personal data, masked in String and LogValue.
type Complaint struct {
	// ID is the portal's own ID of the complaint; when set, cases open idempotently on it.
	ID          string              `json:"id,omitempty"`
	Complainant haochaping.Reviewer `json:"complainant"`
	Time        time.Time           `json:"time"`
	Content     string              `json:"content" personal:"true"`
	// Center is the centre the complaint was made at; at a sub-centre or township centre the
	// centre's leader in charge coordinates the handling (第四条（二）). Its Kind must be one of
	// the centres ([haochaping.OrgKind.IsCenter]).
	Center haochaping.Org `json:"center"`
	// Window is the window complained of, if the complainant named one.
	Window       string `json:"window,omitempty"`
	MatterNumber string `json:"matterNumber,omitempty"` // 办理编号
	ServiceItem  string `json:"serviceItem,omitempty"`  // 办理事项
}

// String shows the complaint in one line with the complainant masked.
func (c Complaint) String() string {
	return fmt.Sprintf("现场投诉 %s %s %s 投诉人 %s %q", c.ID, c.Center.Name,
		c.Time.In(haochaping.Location()).Format("2006-01-02 15:04"), c.Complainant, haochaping.MaskText(c.Content))
}

// LogValue logs the complaint with the complainant masked.
func (c Complaint) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", c.ID), slog.String("center", c.Center.ID),
		slog.Time("time", c.Time), slog.Any("complainant", c.Complainant))
}

// validate refuses a complaint dated after now (a minute's skew allowed), an ID with control
// characters, texts over the limits, and a complainant whose data is malformed; the rest is
// the intake's check.
func (c Complaint) validate(now time.Time, lim haochaping.Limits) error {
	if len(c.ID) > maxIDBytes || haochaping.HasControl(c.ID) {
		return &RefusalError{Rule: "第四条", Err: haochaping.ErrMalformed, Field: "complaint.id",
			Detail: "an ID has at most 256 bytes and no control characters", Hint: hintID}
	}
	if r := sizeOf(reflect.ValueOf(c), "complaint", lim); r != nil {
		return r
	}
	if c.Time.After(now.Add(time.Minute)) {
		return &RefusalError{Rule: "第四条", Err: haochaping.ErrFuture, Field: "complaint.time", Value: c.Time.Format(time.RFC3339),
			Detail: "a complaint cannot be dated after now, " + now.Format(time.RFC3339)}
	}
	if err := c.Complainant.Validate(now); err != nil {
		return fmt.Errorf("caseflow: complaint complainant: %w", err)
	}
	return nil
}

// Intake is the content of a case's first trail entry: what opened it. A case is rebuilt
// from its trail starting here.
type Intake struct {
	Case      string             `json:"case"` // the case ID
	Kind      Kind               `json:"kind"`
	Review    *haochaping.Review `json:"review,omitempty"`
	Complaint *Complaint         `json:"complaint,omitempty"`
	// Rules are the rules in force when the case was opened; the service fills them in.
	Rules *Rules `json:"rules,omitempty"`
	// Salt is the case's secret salt, which the service draws: the trail commits to
	// personal data under it (see [Erasure]). It is not hashed, is left out of the default
	// JSON (the storage codec keeps it), and is erased with the personal data.
	Salt []byte `json:"-" canon:"-"`

	commits *commitCache // the case's commitments, shared by its copies: see commitCache
}

// Event returns EventReceive.
func (Intake) Event() Event { return EventReceive }

func (in Intake) check(*Case) *RefusalError {
	switch {
	case blank(in.Case):
		return missing("", "intake.case", in.Case, "a case needs an ID")
	case in.Kind == KindSystemPushed && in.Review == nil, in.Kind == KindOnSiteComplaint && in.Complaint == nil:
		return missing("", "intake", string(in.Kind), "a pushed case opens from a review, an on-site case from a complaint").
			hinted("不完整：系统推送差评办件须附差评，现场投诉办件须附投诉")
	case in.Kind != KindSystemPushed && in.Kind != KindOnSiteComplaint:
		return missing("", "intake.kind", string(in.Kind), "want system_pushed or on_site_complaint").
			hinted("应为系统推送差评办件或现场投诉办件")
	case in.Review != nil && in.Complaint != nil:
		return missing("", "intake", "", "a case opens from a review or a complaint, not both").
			hinted("有误：一个办件只能由一条差评或一次现场投诉立案")
	}
	if r := in.Review; r != nil {
		if r.Default {
			return &RefusalError{Rule: "第二条", Err: ErrNotBad, Field: "review.default", Value: "true",
				Detail: "a default rating (系统默认评价) is never a bad review", Hint: "系统默认评价不是差评，不能立案"}
		}
		if !r.Level.IsBad() {
			return &RefusalError{Rule: "第二条", Err: ErrNotBad, Field: "review.level", Value: r.Level.String(),
				Detail: "only 不满意 and 非常不满意 open a case", Hint: "该评价为“" + r.Level.Label() + "”，只有不满意和非常不满意的评价才作为差评办件立案"}
		}
		return nil
	}
	c := in.Complaint
	switch {
	case blank(c.Content):
		return missing("第四条", "complaint.content", c.Content, "record what was complained of")
	case blank(c.Center.ID):
		return missing("第四条", "complaint.center.id", c.Center.ID, "name the centre the complaint was made at")
	case !c.Center.Kind.IsCenter():
		return missing("第四条", "complaint.center.kind", c.Center.Kind.String(), "a complaint is made at a centre: want center, real_estate_sub_center, sub_center or township_center").
			hinted("应为县政务服务中心、不动产分中心、其余分中心或乡（镇）政务服务中心")
	case c.Time.IsZero():
		return missing("第四条", "complaint.time", "", "record when the complaint was made")
	}
	return nil
}

func (in Intake) apply(c *Case, e *Entry) {
	c.ID, c.Kind, c.Review, c.Complaint, c.ReceivedAt = in.Case, in.Kind, in.Review, in.Complaint, e.Time
	c.Rules = in.Rules
}
