package caseflow

import "github.com/haochaping/haochaping"

// Retransfer is the office sending a case transferred to the wrong window on to the right
// one, before that window reported (转办有误，重新转办). The first window's open duties are
// cancelled, recorded, and the new window's start from the re-transfer: a pushed case goes
// back to awaiting the analysis meeting (第五条), an appeal awaits the new window's
// materials (第九条), an on-site complaint the new window's feedback (第四条). The measures
// do not provide for it; offices need it.
type Retransfer struct {
	ResponsibleWindow *haochaping.Window `json:"responsibleWindow"`
	Reason            string             `json:"reason"`
}

// Event returns EventRetransfer.
func (Retransfer) Event() Event { return EventRetransfer }

func (r Retransfer) check(c *Case) *RefusalError {
	rule := kindRule(c, "第五条")
	if r.ResponsibleWindow == nil {
		return missing(rule, "retransfer.responsibleWindow", "", "name the window the case goes to")
	}
	if err := checkWindow(rule, "retransfer.responsibleWindow", r.ResponsibleWindow); err != nil {
		return err
	}
	if c.ResponsibleWindow != nil && r.ResponsibleWindow.ID == c.ResponsibleWindow.ID {
		return missing(rule, "retransfer.responsibleWindow.id", r.ResponsibleWindow.ID, "the case is with this window already").
			hinted("与原责任主体相同，请选择另一窗口")
	}
	return requireText(rule, "retransfer.reason", r.Reason, "say why the first transfer was wrong")
}

func (r Retransfer) clone() Step { r.ResponsibleWindow = cloneWindow(r.ResponsibleWindow); return r }

func (r Retransfer) apply(c *Case, _ *Entry) { c.ResponsibleWindow = r.ResponsibleWindow }

// WithdrawalReason is why a case opened in error is withdrawn.
type WithdrawalReason string

// Stored: these text codes go into JSON, databases and the audit trail's hash. Never change
// or reuse one (TestStoredCodes pins them): rename the Go identifier instead.
const (
	WithdrawalDuplicate WithdrawalReason = "duplicate" // 重复推送（同一评价以另一编号推送）
	WithdrawalTest      WithdrawalReason = "test"      // 测试数据
	WithdrawalOther     WithdrawalReason = "other"     // 其他误立案件
)

// Label returns the Chinese reason, e.g. "重复推送".
func (r WithdrawalReason) Label() string {
	switch r {
	case WithdrawalDuplicate:
		return "重复推送"
	case WithdrawalTest:
		return "测试数据"
	case WithdrawalOther:
		return "其他误立案件"
	}
	return unknownLabel(string(r))
}

// Withdrawal records the withdrawal of a case opened in error: the office's request and the
// leader's decision. A withdrawn case is never deleted; it ends in StateWithdrawn, its open
// duties cancelled, and statistics leave it out.
type Withdrawal struct {
	Reason      WithdrawalReason `json:"reason"`
	DuplicateOf string           `json:"duplicateOf,omitempty"`
	Detail      string           `json:"detail"`
	Decided     bool             `json:"decided,omitempty"`
	Approved    bool             `json:"approved,omitempty"`
	Opinion     string           `json:"opinion,omitempty"`
}

// WithdrawalRequest is the office asking the leader in charge to withdraw a case opened in
// error: a bad review the rating system pushed twice under different numbers (name the case
// it duplicates), or a test record. Allowed in every open state; it changes no state. The
// measures do not provide for it (第三条 makes the office answer for the statistics, which a
// duplicate would distort).
type WithdrawalRequest struct {
	Reason      WithdrawalReason `json:"reason"`
	DuplicateOf string           `json:"duplicateOf,omitempty"` // the case ID, for a duplicate
	Detail      string           `json:"detail"`
}

// Event returns EventWithdrawRequest.
func (WithdrawalRequest) Event() Event { return EventWithdrawRequest }

func (w WithdrawalRequest) check(c *Case) *RefusalError {
	switch {
	case w.Reason != WithdrawalDuplicate && w.Reason != WithdrawalTest && w.Reason != WithdrawalOther:
		return missing("第三条", "withdrawalRequest.reason", string(w.Reason), "want duplicate, test or other").
			hinted("应为重复推送、测试数据或其他误立案件")
	case w.Reason == WithdrawalDuplicate && (blank(w.DuplicateOf) || w.DuplicateOf == c.ID):
		return missing("第三条", "withdrawalRequest.duplicateOf", w.DuplicateOf, "name the case this one duplicates").
			hinted("应为本办件所重复的另一办件的编号")
	}
	return requireText("第三条", "withdrawalRequest.detail", w.Detail, "say how the case came to be opened in error")
}

func (w WithdrawalRequest) apply(c *Case, _ *Entry) {
	c.Withdrawal = &Withdrawal{Reason: w.Reason, DuplicateOf: w.DuplicateOf, Detail: w.Detail}
}

// WithdrawalDecision is the leader in charge's decision on a withdrawal request. Approved,
// the case is withdrawn (StateWithdrawn) and every open duty cancelled; refused, it goes on.
type WithdrawalDecision struct {
	Approved bool   `json:"approved"`
	Opinion  string `json:"opinion"`
}

// Event returns EventWithdrawApprove or EventWithdrawReject.
func (d WithdrawalDecision) Event() Event {
	if d.Approved {
		return EventWithdrawApprove
	}
	return EventWithdrawReject
}

func (d WithdrawalDecision) check(*Case) *RefusalError {
	return requireText("第三条", "withdrawalDecision.opinion", d.Opinion, "the leader's decision records an opinion")
}

func (d WithdrawalDecision) apply(c *Case, _ *Entry) {
	w := *c.Withdrawal // the condition guarantees a pending request
	w.Decided, w.Approved, w.Opinion = true, d.Approved, d.Opinion
	c.Withdrawal = &w
}

// AppealAbandon is the office moving an appeal to rectification when the window never sent
// its appeal materials (第九条 gives the window 1 working day and says no more): allowed once
// that duty is overdue, with a reason. The review is then treated as founded, and the
// rectification duties start as after a declined appeal.
type AppealAbandon struct {
	Reason string `json:"reason"`
}

// Event returns EventAppealAbandon.
func (AppealAbandon) Event() Event { return EventAppealAbandon }

func (a AppealAbandon) check(*Case) *RefusalError {
	return requireText("第九条", "appealAbandon.reason", a.Reason, "say why the appeal is given up")
}

func (a AppealAbandon) apply(c *Case, _ *Entry) {
	c.appeal().Declined = a.Reason
	c.Finding = Finding{Verdict: VerdictJustified}
}
