// Package caseflowtest is a test kit for portals that embed caseflow, in the manner of
// net/http/httptest: a clock the test moves, an actor for every role of the Rong'an measures,
// valid reviews and complaints to edit, a service on a memory store, and To, which takes a
// new case to any state of either workflow through valid steps.
//
// A vendor tests what its portal shows for a case awaiting the leader's review (待分管领导审阅,
// 第七条) in three lines:
//
//	svc := caseflowtest.NewService()
//	c := caseflowtest.To(t, svc, caseflow.KindSystemPushed, caseflow.StateOfficeVerified)
//	page := portal.Render(c) // the vendor's own code
//
// then moves time on to see what becomes of it:
//
//	caseflowtest.ClockOf(svc).NextWorkday(nil, 9*time.Hour)
//	ds, err := svc.AtRisk(ctx, caseflow.Filter{Open: true})
//
// # The clock
//
// A [Clock] starts at [Start], Monday 16 November 2026 09:00 Beijing time; [Clock.Set],
// [Clock.Advance] and [Clock.NextWorkday] move it. [NewService] gives each service a clock of
// its own, which [ClockOf] returns.
//
// # Who and where
//
// [Clerk] (县政管办), [Leader] ("好差评"工作分管领导), [WindowStaff] and [WindowHead] of the
// kit's [Window] (the tax bureau's department window in the [County] centre),
// [DepartmentLeader] (the leader in charge of the window's department, who approves appeal
// materials, 第九条), [TownshipLeader] (the leader in charge of the [Township] centre, who
// coordinates the complaints about its [TownshipWindow], 第四条（二）) and [CityInspector]
// (市督查科). Each is a function returning a new value, so that no test changes another's.
//
// # Reviews and complaints
//
// [Review] returns a valid bad review of the kit's window by a reviewer with a phone, with an
// ID of its own; [AnonymousReview] one with no number to call (第六条: the office investigates
// instead). [Complaint] returns an on-site complaint at the county centre, which the [Clerk]
// opens, and [TownshipComplaint] one at the township centre, which the [TownshipLeader] opens.
// They are plain values for the test to change.
//
// # Walking a case
//
// [To] opens a case and takes it to a state; [Walk] takes a case the test opened (a township
// complaint, an anonymous review) on from where it stands. Every step has the content its
// article requires and is taken by the actor of the right role, the clock moving on between
// steps: half an hour for the same-day duties, to the next working day's morning for the
// window's report, so that every duty is done on time. The case's trail is the path taken.
// Every state of [caseflow.SystemPushed] and [caseflow.OnSite] is reached
// (TestToReachesEveryState): the rectification and its second follow-up, the extended
// rectification, the closure without a satisfied reviewer (第八条), the appeal up to its
// annulment (第九条), the archive, and the withdrawal of a case opened in error.
//
// # Limits
//
// The kit's steps suit the default policy; before a closure the kit calls the reviewer as
// many times as the service's policy asks. Under a policy stricter elsewhere (a MaxExtension
// shorter than the two weeks the kit's extended rectification asks for, say) a step may be
// refused, and Walk returns the refusal. A walk started late in the day takes its same-day
// steps in the evening. Everything in the package is safe for concurrent use; each test
// should make its own service.
package caseflowtest
