package caseflow

import "github.com/haochaping/haochaping"

// Assignment determines the responsible window of an on-site complaint from what was
// complained of (根据评价内容确定相关责任主体, Annex 2).
type Assignment struct {
	ResponsibleWindow *haochaping.Window `json:"responsibleWindow"`
	Basis             string             `json:"basis,omitempty"` // why this window
}

// Event returns EventAssign.
func (Assignment) Event() Event { return EventAssign }

func (a Assignment) check(*Case) *RefusalError {
	if a.ResponsibleWindow == nil {
		return missing("附件2", "assignment.responsibleWindow", "", "name the responsible window")
	}
	return checkWindow("附件2", "assignment.responsibleWindow", a.ResponsibleWindow)
}

func (a Assignment) clone() Step { a.ResponsibleWindow = cloneWindow(a.ResponsibleWindow); return a }

func (a Assignment) apply(c *Case, _ *Entry) { c.ResponsibleWindow = a.ResponsibleWindow }

// Inspection is an investigation on the spot (现场直查, Annex 2) by the office or, at a
// sub-centre or township centre, its leader in charge. The window still feeds back its
// rectification report (第四条).
type Inspection struct {
	Findings string `json:"findings"`
}

// Event returns EventInspect.
func (Inspection) Event() Event { return EventInspect }

func (i Inspection) check(*Case) *RefusalError {
	return requireText("附件2", "inspection.findings", i.Findings, "record what the inspection found")
}

func (Inspection) apply(*Case, *Entry) {}

// LeaderReport is the office's report of how an on-site complaint was handled to the leader
// in charge (投诉处理情况报县政管办分管“好差评”工作领导, Annex 2).
type LeaderReport struct {
	Summary string `json:"summary"`
	// Opinion is the leader's opinion as the office records it (分管领导意见, Annex 4).
	Opinion string `json:"opinion,omitempty"`
}

// Event returns EventReportLeader.
func (LeaderReport) Event() Event { return EventReportLeader }

func (l LeaderReport) check(*Case) *RefusalError {
	return requireText("附件2", "leaderReport.summary", l.Summary, "summarise the handling for the leader")
}

func (l LeaderReport) apply(c *Case, _ *Entry) {
	if l.Opinion != "" {
		c.LeaderOpinion = l.Opinion
	}
}
