package caseflow

import (
	"fmt"
	"slices"
	"strings"
)

// Mermaid returns the workflow as a Mermaid state diagram, made from the same definitions
// the state machine runs: each state with its Chinese label, each step with its label, the
// roles that take it and its article. Of the steps allowed in every open state, the
// withdrawal of a case opened in error is drawn from one box standing for them all; urging
// (督促) and re-timing, which change no state, are left out.
func (w *Workflow) Mermaid() string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\n---\nstateDiagram-v2\n", w.name)
	for _, s := range w.states {
		fmt.Fprintf(&b, "    state \"%s\" as %s\n", s.Label, s.State)
	}
	// Steps between the same two states share one edge, their labels one per line, so that
	// the renderer does not draw one label over another.
	type edge struct{ from, to State }
	var edges []edge
	labels := map[edge][]string{}
	anyOpen := State("any_open")
	steps := w.steps
	for _, st := range w.anywhere {
		if st.To != "" {
			st.From = []State{anyOpen}
			steps = append(slices.Clip(steps), st)
		}
	}
	for _, st := range steps {
		label := st.Label
		if st.When != "" {
			label += "（" + st.When.Label() + "时）"
		}
		roles := make([]string, len(st.Roles))
		for i, r := range st.Roles {
			roles[i] = r.Label()
		}
		who := strings.Join(roles, "/")
		if st.OwnLeaderRoles != nil {
			who += "；分中心、乡镇由" + st.OwnLeaderRoles[0].Label()
		}
		for _, from := range st.From {
			e := edge{from, st.To}
			if st.To == "" { // the step keeps the state
				e.to = from
			}
			if labels[e] == nil {
				edges = append(edges, e)
			}
			labels[e] = append(labels[e], label+" · "+who+" · "+st.Rule)
		}
	}
	fmt.Fprintf(&b, "    state \"任一未结状态\" as %s\n", anyOpen)
	for _, e := range edges {
		src := string(e.from)
		if e.from == start {
			src = "[*]"
		}
		fmt.Fprintf(&b, "    %s --> %s : %s\n", src, e.to, strings.Join(labels[e], "<br/>"))
	}
	fmt.Fprintf(&b, "    %s --> [*]\n    %s --> [*]\n", StateArchived, StateWithdrawn)
	return b.String()
}
