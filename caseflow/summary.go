package caseflow

import "time"

// CaseSummary is what a worklist shows of a case: enough to list it and open it, and no
// personal data, so that a store can answer from its columns and a worklist can be sent on.
type CaseSummary struct {
	ID    string `json:"id"`
	Kind  Kind   `json:"kind"`
	State State  `json:"state"`
	// Center is the service centre (单位) the case belongs to ([Case.Center]); Department
	// and Window the stationed department and the responsible window, once known.
	Center     string    `json:"center,omitempty"`
	Department string    `json:"department,omitempty"`
	Window     string    `json:"window,omitempty"`
	ReceivedAt time.Time `json:"receivedAt"`
	// Due is the earliest due time of the case's open timed duties; zero when none is open.
	Due time.Time `json:"due,omitzero"`
}

// Summary returns the case's summary.
func (c *Case) Summary() CaseSummary {
	s := CaseSummary{ID: c.ID, Kind: c.Kind, State: c.State, Center: c.Center(), ReceivedAt: c.ReceivedAt}
	if w := c.ResponsibleWindow; w != nil {
		s.Department, s.Window = w.Department, w.ID
	}
	s.Due, _ = c.Due()
	return s
}

// StateLabel returns the Chinese label of the case's state, e.g. "整改中".
func (s CaseSummary) StateLabel() string {
	if w := WorkflowOf(s.Kind); w != nil {
		return w.Label(s.State)
	}
	return string(s.State)
}
