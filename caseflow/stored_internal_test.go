package caseflow

import (
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestStoredCodes pins the text code of every state, event, duty, role, kind, verdict,
// accountability and disclosure option. The codes are written to JSON, databases and the
// audit trail's hash: changing one breaks every stored case. A failure here means a rename
// reached a stored string: rename the Go identifier and keep the code. A new value gets a new
// code, added to the lists below.
func TestStoredCodes(t *testing.T) {
	states := map[State]string{
		StateReceived: "received", StateRegistered: "registered", StateJustified: "verified",
		StateMistakenOrUntrue: "verified_mistaken", StateTransferred: "transferred", StateRectifying: "rectifying",
		StateExtended: "extended", StateRectified: "rectified", StateReported: "reported",
		StateOfficeVerified: "office_verified", StateLeaderReviewed: "leader_reviewed", StateSatisfied: "recalled",
		StateSubmittedToCity: "submitted_to_city", StateAppealPreparing: "appeal_preparing",
		StateAppealSubmitted: "appeal_submitted", StateAppealDrafted: "appeal_drafted",
		StateApplicationReviewed: "application_reviewed", StateAppealPending: "appeal_pending",
		StateAnnulled: "annulled", StateArchived: "archived", StateAssigned: "assigned", StateHandling: "handling",
		StateReportedToLeader: "reported_to_leader", StateClosureApproved: "closure_approved", StateWithdrawn: "withdrawn",
	}
	events := map[Event]string{
		EventReceive: "receive", EventRegister: "register", EventFollowUp: "callback",
		EventFollowUpMistaken: "callback_mistaken", EventTransfer: "transfer", EventMeeting: "meeting",
		EventReport: "report", EventReportExtension: "report_extension", EventRectificationDone: "rectification_done",
		EventOfficeVerify: "verify", EventLeaderReview: "leader_review", EventResultFollowUp: "recall",
		EventResultFollowUpUnsatisfied: "recall_unsatisfied", EventSubmitCity: "submit_city",
		EventAppealMaterials: "appeal", EventAppealConfirm: "appeal_confirm", EventAppealDecline: "appeal_decline",
		EventApplicationReview: "application_review", EventAppealSubmit: "appeal_submit",
		EventAppealUpheld: "appeal_upheld", EventAppealRejected: "appeal_rejected", EventArchive: "archive",
		EventUrge: "urge", EventAssign: "assign", EventInspect: "inspect", EventReportLeader: "report_leader",
		EventRetime: "retime", EventContactAttempt: "contact_attempt", EventClosurePropose: "closure_propose",
		EventClosureApprove: "closure_approve", EventClosureReject: "closure_reject", EventRetransfer: "retransfer",
		EventWithdrawRequest: "withdraw_request", EventWithdrawApprove: "withdraw_approve",
		EventWithdrawReject: "withdraw_reject", EventAppealAbandon: "appeal_abandon", EventErase: "erase",
	}
	duties := map[DutyKind]string{
		DutyRegister: "register", DutyFollowUp: "callback", DutyInvestigate: "investigate", DutyTransfer: "transfer", DutyMeeting: "meeting",
		DutyReport: "report", DutyRectify: "rectify", DutyOfficeReport: "office_report",
		DutyLeaderReview: "leader_review", DutyCityReport: "city_report", DutyAppealMaterials: "appeal_materials",
		DutyAppealApplication: "appeal_application", DutyApplicationReview: "application_review",
		DutyAppealToCity: "appeal_to_city", DutyFeedback: "feedback", DutyAccept: "accept",
	}
	roles := map[Role]string{
		RoleOffice: "office", RoleLeader: "leader", RoleWindowStaff: "window_staff", RoleWindowHead: "window_head",
		RoleOrgLeader: "unit_leader", RoleCityInspection: "city_inspection", RoleSystem: "system",
	}
	pin(t, "Kind", map[Kind]string{KindSystemPushed: "system_pushed", KindOnSiteComplaint: "on_site_complaint"}, []Kind{KindSystemPushed, KindOnSiteComplaint})
	var allStates []State
	for _, w := range []*Workflow{SystemPushed(), OnSite()} {
		for _, s := range w.states {
			allStates = append(allStates, s.State)
		}
	}
	pin(t, "State", states, allStates)
	pin(t, "Event", events, slices.Collect(maps.Keys(stepKindOf())))
	pin(t, "DutyKind", duties, dutyKinds)
	pin(t, "Role", roles, slices.Collect(maps.Keys(roleLabels)))
	pin(t, "Verdict", map[Verdict]string{VerdictJustified: "justified", VerdictMistaken: "mistaken", VerdictUntrue: "untrue"},
		[]Verdict{VerdictJustified, VerdictMistaken, VerdictUntrue})
	pin(t, "Accountable", map[Accountable]string{AccountableUndetermined: "undetermined", AccountableNone: "none",
		AccountablePerson: "person", AccountableWindow: "window", AccountablePersonAndWindow: "person_and_window"},
		[]Accountable{AccountableUndetermined, AccountableNone, AccountablePerson, AccountableWindow, AccountablePersonAndWindow})
	pin(t, "ContactResult", map[ContactResult]string{ContactReached: "reached", ContactNoAnswer: "no_answer",
		ContactWrongNumber: "wrong_number", ContactRefused: "refused", ContactNoNumber: "no_number"},
		[]ContactResult{ContactReached, ContactNoAnswer, ContactWrongNumber, ContactRefused, ContactNoNumber})
	pin(t, "ClosureReason", map[ClosureReason]string{ClosureUnreachable: "unreachable", ClosureNoContact: "no_contact",
		ClosureRefused: "refused", ClosureUnsatisfied: "unsatisfied"},
		[]ClosureReason{ClosureUnreachable, ClosureNoContact, ClosureRefused, ClosureUnsatisfied})
	pin(t, "WithdrawalReason", map[WithdrawalReason]string{WithdrawalDuplicate: "duplicate", WithdrawalTest: "test",
		WithdrawalOther: "other"}, []WithdrawalReason{WithdrawalDuplicate, WithdrawalTest, WithdrawalOther})
	pin(t, "Disclosure", map[Disclosure]string{DisclosureActive: "active", DisclosureOnRequest: "on_request", DisclosureNone: "not"},
		[]Disclosure{DisclosureActive, DisclosureOnRequest, DisclosureNone})
}

// pin checks that each constant has its pinned code and that the values the package defines
// (all) are exactly the pinned ones, so that a new value cannot slip in unpinned.
func pin[T ~string](t *testing.T, name string, pinned map[T]string, all []T) {
	t.Helper()
	for v, code := range pinned {
		assert.Equal(t, code, string(v), "the stored code of a %s changed", name)
	}
	for _, v := range all {
		_, ok := pinned[v]
		assert.True(t, ok, "%s %q is not pinned in TestStoredCodes", name, v)
	}
}
