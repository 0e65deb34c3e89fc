package scoring_test

import (
	stdcontext "context"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
	"github.com/haochaping/haochaping/scoring"
)

// The small month the hand-computed tests count: November 2026, with October before it for
// the month-over-month change. Every figure the tests expect is worked out by hand in
// their comments from what is here.

func at(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, haochaping.Location())
}

var (
	november = scoring.Month(2026, time.November)
	october  = scoring.Month(2026, time.October)
	// asOf is when the report is made: 3 December 2026.
	asOf = at(time.December, 3, 9, 0)
)

// rating returns a rating of a window of a department.
func rating(id, dept, window string, ch haochaping.Channel, l haochaping.Level, t time.Time, def bool) haochaping.Review {
	return haochaping.Review{ID: id, MatterNumber: "M-" + id, Level: l, Channel: ch, Time: t, DepartmentCode: dept,
		Window: window, AreaCode: "450224", Default: def}
}

// monthRatings are the ratings:
//
//	November, d-tax / w-tax-1, device: 非常满意 ×3 (one at 00:00 on the 1st), 满意 ×2 (one
//	    by default), 基本满意, 不满意: 7 ratings, 6 good, 1 bad, points 15+8+3+2 = 28
//	November, d-tax / w-tax-2, QR code: 满意 ×2, 非常不满意: 3 ratings, 2 good, 1 bad, points 9
//	November, d-hr / w-hr-1, app: 非常满意 ×4 (two by default), 不满意: 5 ratings, 4 good, 1 bad, points 22
//	October, d-tax / w-tax-1: 非常满意 ×2, 不满意: 3 ratings, 2 good
//	October, d-hr / w-hr-1: 非常满意: 1 rating, 1 good
//	1 December 00:00, d-tax: outside both months
func monthRatings() []haochaping.Review {
	const (
		vs, s, bs = haochaping.VerySatisfied, haochaping.Satisfied, haochaping.BasicallySatisfied
		d, vd     = haochaping.Dissatisfied, haochaping.VeryDissatisfied
		dev, qr   = haochaping.ChannelDevice, haochaping.ChannelQRCode
		app       = haochaping.ChannelGuangxiApp
	)
	nov := func(day int) time.Time { return at(time.November, day, 10, 0) }
	return []haochaping.Review{
		rating("n1", "d-tax", "w-tax-1", dev, vs, at(time.November, 1, 0, 0), false),
		rating("n2", "d-tax", "w-tax-1", dev, vs, nov(2), false),
		rating("n3", "d-tax", "w-tax-1", dev, vs, nov(3), false),
		rating("n4", "d-tax", "w-tax-1", dev, s, nov(4), false),
		rating("n5", "d-tax", "w-tax-1", dev, s, nov(5), true),
		rating("n6", "d-tax", "w-tax-1", dev, bs, nov(6), false),
		rating("n7", "d-tax", "w-tax-1", dev, d, nov(9), false),
		rating("n8", "d-tax", "w-tax-2", qr, s, nov(10), false),
		rating("n9", "d-tax", "w-tax-2", qr, s, nov(11), false),
		rating("n10", "d-tax", "w-tax-2", qr, vd, nov(12), false),
		rating("n11", "d-hr", "w-hr-1", app, vs, nov(13), false),
		rating("n12", "d-hr", "w-hr-1", app, vs, nov(16), false),
		rating("n13", "d-hr", "w-hr-1", app, vs, nov(17), true),
		rating("n14", "d-hr", "w-hr-1", app, vs, nov(18), true),
		rating("n15", "d-hr", "w-hr-1", app, d, at(time.November, 30, 23, 59), false),
		rating("o1", "d-tax", "w-tax-1", dev, vs, at(time.October, 9, 10, 0), false),
		rating("o2", "d-tax", "w-tax-1", dev, vs, at(time.October, 10, 10, 0), false),
		rating("o3", "d-tax", "w-tax-1", dev, d, at(time.October, 12, 10, 0), false),
		rating("o4", "d-hr", "w-hr-1", app, vs, at(time.October, 13, 10, 0), false),
		rating("x1", "d-tax", "w-tax-1", dev, d, at(time.December, 1, 0, 0), false),
	}
}

var (
	taxWindow1 = &haochaping.Window{ID: "w-tax-1", Name: "税务一号窗口", Kind: haochaping.DepartmentWindow, Center: "center", Department: "d-tax"}
	taxWindow2 = &haochaping.Window{ID: "w-tax-2", Name: "税务二号窗口", Kind: haochaping.DepartmentWindow, Center: "center", Department: "d-tax"}
	hrWindow   = &haochaping.Window{ID: "w-hr-1", Name: "人社窗口", Kind: haochaping.DepartmentWindow, Center: "center", Department: "d-hr"}
	hallWindow = &haochaping.Window{ID: "w-hall", Name: "综合受理窗口", Kind: haochaping.BusinessWindow, Center: "center"}
)

func option(code string) haochaping.Option {
	o, err := haochaping.LookupOption(code)
	if err != nil {
		panic(err)
	}
	return o
}

// duty returns a closed (closedBy > 0) or open duty of kind k due at due.
func duty(k caseflow.DutyKind, due time.Time, closedBy int, onTime bool) *caseflow.Duty {
	return &caseflow.Duty{Kind: k, Timed: true, Deadline: deadline.Deadline{Start: due.Add(-48 * time.Hour), Due: due, Warn: due.Add(-4 * time.Hour)},
		ClosedBy: closedBy, OnTime: onTime, Owner: caseflow.RoleWindowHead}
}

// trail returns a trail of the events, the i-th at times[i].
func trail(events []caseflow.Event, times []time.Time) []*caseflow.Entry {
	out := make([]*caseflow.Entry, len(events))
	for i, e := range events {
		out[i] = &caseflow.Entry{Seq: i + 1, Event: e, Time: times[i]}
	}
	return out
}

func pushed(id string, received time.Time, anonymous bool, opts ...haochaping.Option) *haochaping.Review {
	r := rating(id, "", "", haochaping.ChannelDevice, haochaping.Dissatisfied, received, false)
	r.Anonymous, r.Options = anonymous, opts
	if !anonymous {
		r.Reviewer = haochaping.Reviewer{Name: "韦小宝", Phone: "13987654321"}
	}
	return &r
}

// monthCases are the cases:
//
//	C1 pushed 3 Nov, w-tax-1, real name, reached, founded: attitude (李四) and environment;
//	   meeting and report on time; satisfied on the result; archived 20 Nov. Option 1.1.
//	C2 pushed 9 Nov, w-tax-2, anonymous, founded: efficiency (王五); report late;
//	   closed as 无联系方式 with the leader's approval; archived 25 Nov. Option 3.3.
//	C3 pushed 10 Nov, w-hr-1, real name, reached, mistaken; appeal submitted and upheld;
//	   archived 27 Nov. Option 2.2.
//	C4 pushed 12 Nov, w-tax-1, real name, not reached (no answer), founded: quality (李四);
//	   unsatisfied on the result once (24 Nov); the new report open, due 26 Nov: still
//	   rectifying, and overdue. Options 1.1 and 2.2.
//	C5 on-site complaint 16 Nov at the centre, w-hall, founded: environment; feedback on
//	   time; archived 30 Nov 23:00.
//	C6 pushed 1 Dec: outside November.
func monthCases() []*caseflow.Case {
	c1 := &caseflow.Case{ID: "C1", Kind: caseflow.KindSystemPushed, State: caseflow.StateArchived, ReceivedAt: at(time.November, 3, 9, 0),
		Review: pushed("r-c1", at(time.November, 3, 8, 50), false, option("1.1")), ResponsibleWindow: taxWindow1,
		FollowUp: &caseflow.FollowUp{Contact: caseflow.ContactReached, Verdict: caseflow.VerdictJustified},
		Finding: caseflow.Finding{Verdict: caseflow.VerdictJustified, Causes: []caseflow.Cause{
			{Dimension: haochaping.DimensionAttitude, ResponsiblePerson: "李四"}, {Dimension: haochaping.DimensionEnvironment}}},
		ResultFollowUp: &caseflow.ResultFollowUp{Satisfied: true},
		Trail: trail([]caseflow.Event{caseflow.EventReceive, caseflow.EventMeeting, caseflow.EventReport, caseflow.EventArchive},
			[]time.Time{at(time.November, 3, 9, 0), at(time.November, 3, 15, 0), at(time.November, 4, 15, 0), at(time.November, 20, 10, 0)})}
	c1.Duties = []*caseflow.Duty{duty(caseflow.DutyMeeting, at(time.November, 3, 18, 0), 2, true), duty(caseflow.DutyReport, at(time.November, 5, 18, 0), 3, true)}

	c2 := &caseflow.Case{ID: "C2", Kind: caseflow.KindSystemPushed, State: caseflow.StateArchived, ReceivedAt: at(time.November, 9, 9, 0),
		Review: pushed("r-c2", at(time.November, 9, 8, 50), true, option("3.3")), ResponsibleWindow: taxWindow2,
		FollowUp: &caseflow.FollowUp{Contact: caseflow.ContactNoNumber, Verdict: caseflow.VerdictJustified},
		Finding: caseflow.Finding{Verdict: caseflow.VerdictJustified, Causes: []caseflow.Cause{
			{Dimension: haochaping.DimensionEfficiency, ResponsiblePerson: "王五"}}},
		Closure: &caseflow.Closure{Reason: caseflow.ClosureNoContact, Decided: true, Approved: true},
		Trail: trail([]caseflow.Event{caseflow.EventReceive, caseflow.EventReport, caseflow.EventArchive},
			[]time.Time{at(time.November, 9, 9, 0), at(time.November, 13, 9, 0), at(time.November, 25, 10, 0)})}
	c2.Duties = []*caseflow.Duty{duty(caseflow.DutyReport, at(time.November, 11, 18, 0), 2, false)}

	c3 := &caseflow.Case{ID: "C3", Kind: caseflow.KindSystemPushed, State: caseflow.StateArchived, ReceivedAt: at(time.November, 10, 9, 0),
		Review: pushed("r-c3", at(time.November, 10, 8, 50), false, option("2.2")), ResponsibleWindow: hrWindow,
		FollowUp: &caseflow.FollowUp{Verdict: caseflow.VerdictMistaken},
		Finding:  caseflow.Finding{Verdict: caseflow.VerdictMistaken},
		Appeal:   &caseflow.Appeal{SubmittedAt: at(time.November, 12, 10, 0), Decision: &caseflow.CityDecision{Upheld: true, Reference: "柳政监复〔2026〕3号"}},
		Trail: trail([]caseflow.Event{caseflow.EventReceive, caseflow.EventAppealUpheld, caseflow.EventArchive},
			[]time.Time{at(time.November, 10, 9, 0), at(time.November, 20, 9, 0), at(time.November, 27, 10, 0)})}

	c4 := &caseflow.Case{ID: "C4", Kind: caseflow.KindSystemPushed, State: caseflow.StateRectifying, ReceivedAt: at(time.November, 12, 9, 0),
		Review: pushed("r-c4", at(time.November, 12, 8, 50), false, option("1.1"), option("2.2")), ResponsibleWindow: taxWindow1,
		FollowUp: &caseflow.FollowUp{Contact: caseflow.ContactNoAnswer, Verdict: caseflow.VerdictJustified},
		Finding: caseflow.Finding{Verdict: caseflow.VerdictJustified, Causes: []caseflow.Cause{
			{Dimension: haochaping.DimensionQuality, ResponsiblePerson: "李四"}}},
		ResultFollowUp: &caseflow.ResultFollowUp{Satisfied: false},
		Trail: trail([]caseflow.Event{caseflow.EventReceive, caseflow.EventReport, caseflow.EventResultFollowUpUnsatisfied},
			[]time.Time{at(time.November, 12, 9, 0), at(time.November, 13, 9, 0), at(time.November, 24, 9, 0)})}
	c4.Duties = []*caseflow.Duty{duty(caseflow.DutyReport, at(time.November, 16, 18, 0), 2, true), duty(caseflow.DutyReport, at(time.November, 26, 18, 0), 0, false)}

	c5 := &caseflow.Case{ID: "C5", Kind: caseflow.KindOnSiteComplaint, State: caseflow.StateArchived, ReceivedAt: at(time.November, 16, 9, 0),
		Complaint:         &caseflow.Complaint{ID: "cp-5", Center: haochaping.Org{ID: "center", Name: "县政务服务中心", Kind: haochaping.OrgCountyCenter}},
		ResponsibleWindow: hallWindow,
		Finding:           caseflow.Finding{Verdict: caseflow.VerdictJustified, Causes: []caseflow.Cause{{Dimension: haochaping.DimensionEnvironment}}},
		ResultFollowUp:    &caseflow.ResultFollowUp{Satisfied: true},
		Trail: trail([]caseflow.Event{caseflow.EventReceive, caseflow.EventReport, caseflow.EventArchive},
			[]time.Time{at(time.November, 16, 9, 0), at(time.November, 17, 9, 0), at(time.November, 30, 23, 0)})}
	c5.Duties = []*caseflow.Duty{duty(caseflow.DutyFeedback, at(time.November, 18, 18, 0), 2, true)}

	c6 := &caseflow.Case{ID: "C6", Kind: caseflow.KindSystemPushed, State: caseflow.StateRegistered, ReceivedAt: at(time.December, 1, 9, 0),
		Review: pushed("r-c6", at(time.December, 1, 8, 50), false), ResponsibleWindow: taxWindow1}
	return []*caseflow.Case{c1, c2, c3, c4, c5, c6}
}

// context returns a background context for the examples.
func context() stdcontext.Context { return stdcontext.Background() }
