package caseflow_test

import (
	"context"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
)

var update = flag.Bool("update", false, "rewrite the diagrams in WORKFLOWS.md")

// The boxes of the flowcharts of Annex 2 and Annex 3, as the measures print them, and the
// steps that implement each.
var (
	annex2 = []annexBox{
		{"评价人现场投诉", []caseflow.Event{"receive"}},
		{"县政管办登记、受理", []caseflow.Event{"register"}},
		{"根据评价内容确定相关责任主体", []caseflow.Event{"assign"}},
		{"现场直查或转办", []caseflow.Event{"inspect", "transfer"}},
		{"责任主体将调查处理情况反馈至县政管办", []caseflow.Event{"report"}},
		{"投诉处理情况报县政管办分管“好差评”工作领导", []caseflow.Event{"report_leader"}},
		{"回访投诉人处理结果", []caseflow.Event{"recall", "recall_unsatisfied"}},
		{"县政管办进行备案", []caseflow.Event{"archive"}},
	}
	annex3 = []annexBox{
		{"1、发现系统差评办件", []caseflow.Event{"receive"}},
		{"2、当日填写差评办件转办登记表 向“好差评”工作分管领导报告", []caseflow.Event{"register"}},
		{"3.县政管办回访核实，并当日转办责任主体", []caseflow.Event{"callback", "callback_mistaken", "transfer"}},
		{"经回访核实属于需要整改的差评办件：责任主体转办当日召开差评办件专题分析会，开展调查了解，落实责任人，进行整改。2个工作日内整改完毕，形成调查整改报告，报送分管领导审阅", []caseflow.Event{"meeting", "report"}},
		{"（无法在期限内整改的，说明理由和整改期限）", []caseflow.Event{"report_extension"}},
		{"县政管办查看佐证材料，保存相关视频，回访评价人，了解核实差评情况，做好记录。", []caseflow.Event{"callback", "callback_mistaken"}},
		{"经回访核实属于误评和不实差评的办件：相关责任主体需于1个工作日内报送申诉撤销申请", []caseflow.Event{"appeal"}},
		{"责任主体将转办登记表以及调查整改报告反馈县政管办", []caseflow.Event{"report", "report_extension"}},
		{"县政管办当日形成差评申诉复核申请，报送分管领导审阅。", []caseflow.Event{"appeal_confirm", "application_review"}},
		{"县政管办对整改落实情况进行核实，根据回访情况、佐证材料以及整改结果，2个工作日内形成详细调查整改报告报送分管领导审阅", []caseflow.Event{"verify", "leader_review"}},
		{"县政管办将经领导审阅后的申诉复核申请当日报柳州市政务服务监督管理办公室督查科（自收到差评办件信息的1个工作日内）", []caseflow.Event{"appeal_submit"}},
		{"整改完毕后，再次回访评价人，确保回访人对整改结果表示满意", []caseflow.Event{"recall", "recall_unsatisfied"}},
		{"县政管办将经领导审阅的调查整改报告报送柳州市政务服务监督管理办公室督查科（自收到差评办件的4个工作日内）", []caseflow.Event{"submit_city"}},
	}
)

type annexBox struct {
	text  string
	steps []caseflow.Event
}

// TestAnnexStepsAreCovered checks every box of the two flowcharts is implemented by the steps
// it names, and no step quotes a box it does not implement.
func TestAnnexStepsAreCovered(t *testing.T) {
	for _, tc := range []struct {
		w     *caseflow.Workflow
		boxes []annexBox
	}{{caseflow.OnSite(), annex2}, {caseflow.SystemPushed(), annex3}} {
		quoted := map[caseflow.Event]map[string]bool{} // event → the boxes its steps quote
		for _, s := range tc.w.Steps() {
			if quoted[s.Event] == nil {
				quoted[s.Event] = map[string]bool{}
			}
			for _, line := range strings.Split(s.Annex, "\n") {
				if line != "" {
					quoted[s.Event][line] = true
				}
			}
		}
		want := map[caseflow.Event]map[string]bool{}
		for _, box := range tc.boxes {
			for _, ev := range box.steps {
				assert.True(t, quoted[ev][box.text], "%s: step %s implements box %q", tc.w.Name, ev, box.text)
				if want[ev] == nil {
					want[ev] = map[string]bool{}
				}
				want[ev][box.text] = true
			}
		}
		for ev, boxes := range quoted {
			for box := range boxes {
				assert.True(t, want[ev][box], "%s: step %s quotes box %q it does not implement", tc.w.Name, ev, box)
			}
		}
	}
}

func TestEveryStepIsDefinedOnce(t *testing.T) {
	for _, w := range []*caseflow.Workflow{caseflow.SystemPushed(), caseflow.OnSite()} {
		seen := map[string]bool{}
		states := map[caseflow.State]bool{}
		for _, s := range w.States() {
			states[s.State] = true
			assert.NotEqual(t, string(s.State), s.Label, "state %s has a Chinese label", s.State)
		}
		for _, s := range w.Steps() {
			assert.NotEmpty(t, s.Label)
			assert.NotEmpty(t, s.Roles, "%s has roles", s.Event)
			assert.Regexp(t, `^(第[一二三四五六七八九十]+条|附件[0-9])$`, s.Rule, "%s cites a rule", s.Event)
			assert.True(t, s.To == "" || states[s.To], "%s enters a known state %s", s.Event, s.To)
			assert.NotEqual(t, caseflow.Event(s.To), s.Event, "an event named like a state would confuse fsm callbacks")
			for _, from := range s.From {
				key := string(s.Event) + "@" + string(from)
				assert.False(t, seen[key], "%s defined twice from %s", s.Event, from)
				seen[key] = true
				assert.NotEqual(t, from, s.To, "%s: a step that keeps its state has no To", s.Event)
				if from != "start" {
					assert.True(t, states[from], "%s leaves a known state %s", s.Event, from)
				}
				def, ok := w.Step(s.Event, from)
				assert.True(t, ok)
				assert.Equal(t, s.Label, def.Label)
			}
			for _, k := range append(append(s.Starts, s.StartsFromReceipt...), s.Fulfils...) {
				assert.NotContains(t, k.Label(), "DutyKind", "%s: unknown duty %s", s.Event, k)
			}
		}
		for _, s := range w.States() {
			if !w.Final(s.State) {
				assert.NotEmpty(t, w.Next(s.State), "state %s is a dead end", s.State)
				assert.Contains(t, w.Next(s.State), caseflow.EventUrge)
			}
		}
		// A closed case takes one step more: the erasure of its personal data.
		assert.Equal(t, []caseflow.Event{caseflow.EventErase}, w.Next(caseflow.StateArchived))
		assert.Equal(t, []caseflow.Event{caseflow.EventErase}, w.Next(caseflow.StateWithdrawn))
		assert.Equal(t, "nonsense", w.Label("nonsense"))
	}
	assert.Nil(t, caseflow.WorkflowOf("nonsense"))
}

// TestDiagramsAreInTheDocs checks the Mermaid diagrams in WORKFLOWS.md, the file of generated
// diagrams, are the ones the definitions make; run with -update to rewrite it.
func TestDiagramsAreInTheDocs(t *testing.T) {
	var md strings.Builder
	md.WriteString("# The workflows of package caseflow\n\n" +
		"Generated from the step definitions by `go test ./caseflow -run TestDiagramsAreInTheDocs -update`;\n" +
		"do not edit. Annex 3 of the measures is the first, Annex 2 the second.\n")
	for _, d := range []string{caseflow.SystemPushed().Mermaid(), caseflow.OnSite().Mermaid()} {
		md.WriteString("\n```mermaid\n" + d + "```\n")
	}
	if *update {
		require.NoError(t, os.WriteFile("WORKFLOWS.md", []byte(md.String()), 0o644))
		return
	}
	got, err := os.ReadFile("WORKFLOWS.md")
	require.NoError(t, err)
	assert.Equal(t, md.String(), string(got), "WORKFLOWS.md is stale: go test ./caseflow -run TestDiagramsAreInTheDocs -update")
}

func TestDiagramsShowEveryStepAndState(t *testing.T) {
	for _, w := range []*caseflow.Workflow{caseflow.SystemPushed(), caseflow.OnSite()} {
		d := w.Mermaid()
		for _, s := range w.States() {
			assert.Contains(t, d, `state "`+s.Label+`" as `+string(s.State))
		}
		for _, s := range w.Steps() {
			assert.Regexp(t, "( : |<br/>)"+regexp.QuoteMeta(s.Label), d)
		}
		assert.Contains(t, d, "<br/>", "parallel steps share an edge")
	}
}

func TestCancelledContextLeavesNoStateMachineStuck(t *testing.T) {
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	id := f.receive("r1").ID
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err := f.svc.Take(cancelled, id, caseflow.Action{Actor: clerk, Step: registration})
	require.ErrorIs(t, err, context.Canceled)
	// The pooled state machines are all usable: the next steps go through.
	for i := 0; i < 4; i++ {
		_, err = f.svc.Take(ctx, id, caseflow.Action{Actor: clerk, Step: caseflow.Urge{Message: "请办理"}})
		require.NoError(t, err)
	}
	f.step(id, at(2026, 11, 24, 10, 0), clerk, registration)
}

// A workflow is shared by every case: what a caller gets from it is a copy, and changing the
// copy changes no rule the engine applies.
func TestWorkflowTablesAreCopies(t *testing.T) {
	w := caseflow.SystemPushed()
	steps := w.Steps()
	for i := range steps {
		steps[i].Roles = append(steps[i].Roles[:0], caseflow.RoleWindowHead)
		steps[i].From[0] = caseflow.StateArchived
	}
	states := w.States()
	states[0].Label = "changed"
	def, ok := w.Step(caseflow.EventRegister, caseflow.StateReceived)
	require.True(t, ok)
	def.Roles[0] = caseflow.RoleWindowHead

	assert.Equal(t, "待登记", w.Label(caseflow.StateReceived))
	assert.Equal(t, []caseflow.Role{caseflow.RoleOffice}, w.Steps()[1].Roles)
	f := newFixture(t, at(2026, 11, 24, 9, 30))
	f.receive("r1")
	f.refused("sy-1", head, registration, caseflow.ErrWrongRole)
}
