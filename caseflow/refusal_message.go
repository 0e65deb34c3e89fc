package caseflow

import (
	"errors"
	"regexp"
	"slices"
	"strings"

	"github.com/haochaping/haochaping"
)

// Message returns the refusal in Chinese, for a clerk: the article that requires it, the
// step or the field in Chinese ([FieldLabel]) and what to do, e.g.
// "第五条：调查整改报告缺少“调查人”，请填写调查人后再提交。". It shows no value of a field
// but an organisation's ID and the labels of roles and states, and so never personal data.
// Error stays in English, for logs.
func (e *RefusalError) Message() string {
	if e == nil {
		return ""
	}
	body := e.body()
	if e.Rule != "" {
		body = e.Rule + "：" + body
	}
	return body + "。"
}

// body says what is wrong and what to do, by the sentinel the refusal wraps.
func (e *RefusalError) body() string {
	step := "“" + e.stepLabel() + "”"
	switch {
	case errors.Is(e.Err, ErrWrongState):
		return e.wrongState(step)
	case errors.Is(e.Err, ErrWrongRole):
		return step + "应由" + roleNames(e.Roles) + "办理，" + Role(e.Value).Label() + "不能办理"
	case errors.Is(e.Err, ErrWrongOrg):
		return step + "只能由承办本办件的单位办理，“" + e.Value + "”不是本办件的承办单位，请由承办单位的人员办理"
	case errors.Is(e.Err, ErrRulesChanged):
		return "本办件的时限按立案时的规则计算，现行规则已变更，请先办理“按新规则重新计时”"
	case errors.Is(e.Err, ErrTimeOrder) && e.Field == "receivedAt":
		return "“" + FieldLabel("receivedAt") + "”早于评价或投诉的时间，请按实际收到时间重新填写"
	case errors.Is(e.Err, ErrTimeOrder):
		return "“" + FieldLabel("at") + "”早于上一步的办理时间，请按实际办理时间重新提交"
	case errors.Is(e.Err, ErrBackdated):
		return "“" + e.fieldLabel() + "”早于规定可补录的期限（" + e.Hint + "），不能补录，请联系管理员"
	case errors.Is(e.Err, ErrNotBad):
		return e.Hint
	case errors.Is(e.Err, haochaping.ErrTooLarge):
		return e.subject() + "内容过长或条目过多，请精简后再提交"
	case errors.Is(e.Err, haochaping.ErrFuture):
		return e.subject() + "晚于当前时间，请核对后重新填写"
	case errors.Is(e.Err, ErrMissing), errors.Is(e.Err, ErrBadActor), errors.Is(e.Err, haochaping.ErrMalformed):
		return e.missing()
	}
	return "不能办理" + step + "，请联系管理员"
}

// missing says what content is missing or wrong: the hint when the refusal site gave one,
// else that the field is missing, or filled in wrongly.
func (e *RefusalError) missing() string {
	field := e.fieldLabel()
	switch {
	case e.Hint != "":
		return e.subject() + e.Hint
	case strings.TrimSpace(e.Value) == "":
		return e.owner() + "缺少“" + field + "”，请填写" + field + "后再提交"
	}
	return e.subject() + "填写有误，请核对后重新填写"
}

// wrongState says the step cannot be taken in the case's state, and why: the hint, the
// condition the step needs, or the steps the state allows.
func (e *RefusalError) wrongState(step string) string {
	s := "当前不能办理" + step
	if state := e.stateLabel(); state != "" {
		s = "当前状态“" + state + "”不能办理" + step
	}
	switch {
	case e.Hint != "":
		return s + "：" + e.Hint
	case e.Condition != "":
		return s + "：须满足条件“" + e.Condition.Label() + "”"
	}
	next := e.nextSteps()
	if len(next) == 0 {
		return s
	}
	return s + "；现在可办理：" + strings.Join(next, "、")
}

// subject names the field, under its owner: 调查整改报告的“政府信息公开选项”.
func (e *RefusalError) subject() string {
	field := "“" + e.fieldLabel() + "”"
	if o := e.owner(); o != "" && !strings.HasPrefix(e.fieldLabel(), o) {
		return o + "的" + field
	}
	return field
}

// owner is the Chinese name of what holds the field: the step's content, the actor, the
// complaint; empty for a field of the action itself.
func (e *RefusalError) owner() string {
	root, _, ok := strings.Cut(e.Field, ".")
	if !ok {
		return ""
	}
	return FieldLabel(root)
}

// fieldLabel labels the refused field; a field without a label (which TestRefusalFieldsHaveLabels
// prevents at the refusal sites) is its own name when that is a plain identifier (a field a
// form posted that the step does not have), else "该项内容".
func (e *RefusalError) fieldLabel() string {
	if l := FieldLabel(e.Field); l != "" {
		return l
	}
	last := e.Field[strings.LastIndexByte(e.Field, '.')+1:]
	if identifier.MatchString(last) {
		return last
	}
	return "该项内容"
}

// identifier matches a field name a form may post: letters, digits and underscores.
var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,39}$`)

// stepLabel names the refused step in Chinese: the label of its definition in the case's
// workflow, else the name of its event.
func (e *RefusalError) stepLabel() string {
	if wf := WorkflowOf(e.Kind); wf != nil {
		if d, ok := wf.Step(e.Event, e.State); ok {
			return d.Label
		}
	}
	if l, ok := eventNames[e.Event]; ok {
		return l
	}
	return "该步骤"
}

// stateLabel is the Chinese label of the case's state in its workflow, or "" when unknown.
func (e *RefusalError) stateLabel() string {
	wf := WorkflowOf(e.Kind)
	if wf == nil || e.State == "" {
		return ""
	}
	if l := wf.Label(e.State); l != string(e.State) {
		return l
	}
	return ""
}

// nextSteps are the labels of the steps the case's state allows, each quoted once.
func (e *RefusalError) nextSteps() []string {
	wf := WorkflowOf(e.Kind)
	if wf == nil {
		return nil
	}
	var out []string
	for _, ev := range wf.Next(e.State) {
		if d, ok := wf.Step(ev, e.State); ok && !slices.Contains(out, "“"+d.Label+"”") {
			out = append(out, "“"+d.Label+"”")
		}
	}
	return out
}

// hintJustifiedOnly is the hint of a finding of a report or verification that is not
// founded: 第九条 sends a mistaken or untrue review to appeal.
const hintJustifiedOnly = "应为属实：误评或不实差评应按第九条申诉"

// hintUncounted is the hint of a rectification deadline the calendar cannot count to.
const hintUncounted = "超出工作日历所含的年度，请更新日历或另选期限"

// roleNames joins the Chinese names of roles with 或.
func roleNames(roles []Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = r.Label()
	}
	if len(s) == 0 {
		return "其他人员"
	}
	return strings.Join(s, "或")
}

// eventNames name the events in Chinese, for a step refused in a state that does not
// allow it, where the workflow has no definition to label it.
var eventNames = map[Event]string{
	EventReceive:                   "立案",
	EventRegister:                  "登记",
	EventFollowUp:                  "回访核实：需要整改",
	EventFollowUpMistaken:          "回访核实：误评或不实差评",
	EventTransfer:                  "转办责任主体",
	EventMeeting:                   "召开专题分析会",
	EventReport:                    "报送调查整改报告",
	EventReportExtension:           "报送调查整改报告，说明理由和整改期限",
	EventRectificationDone:         "延期整改完毕",
	EventOfficeVerify:              "核实整改落实情况",
	EventLeaderReview:              "分管领导审阅调查整改报告",
	EventResultFollowUp:            "再次回访：满意",
	EventResultFollowUpUnsatisfied: "再次回访：不满意，再次整改",
	EventSubmitCity:                "报市督查科",
	EventAppealMaterials:           "报送申诉撤销材料",
	EventAppealConfirm:             "调查确认，形成申诉复核申请",
	EventAppealDecline:             "调查不属误评，转入整改",
	EventApplicationReview:         "分管领导审阅申诉复核申请",
	EventAppealSubmit:              "报市督查科申诉复核",
	EventAppealUpheld:              "市督查科：申诉成立，差评撤销",
	EventAppealRejected:            "市督查科：申诉不成立，转入整改",
	EventArchive:                   "备案",
	EventUrge:                      "督促办理",
	EventAssign:                    "确定相关责任主体",
	EventInspect:                   "现场直查",
	EventReportLeader:              "报分管领导",
	EventRetime:                    "按新规则重新计时",
	EventContactAttempt:            "记录回访未果",
	EventClosurePropose:            "拟不以评价人满意结案，报分管领导",
	EventClosureApprove:            "分管领导同意结案",
	EventClosureReject:             "分管领导不同意结案",
	EventRetransfer:                "转办有误，重新转办",
	EventWithdrawRequest:           "误立案件，申请撤销",
	EventWithdrawApprove:           "分管领导同意撤销",
	EventWithdrawReject:            "分管领导不同意撤销",
	EventAppealAbandon:             "逾期未报申诉材料，转入整改",
	EventErase:                     "删除个人信息",
}
