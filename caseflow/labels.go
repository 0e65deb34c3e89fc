package caseflow

import (
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/internal/fieldpath"
)

// FieldLabel returns the Chinese label (字段名称) of a field of a step's content, an actor,
// evidence or a complaint, for a clerk: path is as a [RefusalError]'s Field names it, the
// content type's name in lower camel case and the JSON names below it ("report.investigator"
// is 调查人, "actor.role" 办理人角色). An index names an item of a list ("meeting.measures[2]"
// is 整改措施第3项), and a field below another is named after it ("report.extension.until" is
// 延期整改的期限). A path into a review ("review.level") is labelled by
// [haochaping.FieldLabel]. A front end may label form fields with it. It returns "" for a
// path it does not know.
func FieldLabel(path string) string {
	root, rest, _ := strings.Cut(path, ".")
	name, index := fieldpath.CutIndex(root)
	if l, ok := rootLabels[name]; ok && rest == "" {
		return l + fieldpath.Item(index)
	}
	t, ok := labelRoots[name]
	switch {
	case !ok:
		return ""
	case rest == "":
		return fieldLabels[t].name + fieldpath.Item(index)
	}
	return labelBelow(t, rest)
}

// labelBelow labels the field at path below a value of type t: the labels of the fields
// on the way joined by 的, each list's item numbered; below a review, as
// [haochaping.FieldLabel] labels it.
func labelBelow(t reflect.Type, path string) string {
	var labels []string
	for path != "" {
		if t == reviewType {
			l := haochaping.FieldLabel(path)
			if l == "" {
				return ""
			}
			return strings.Join(append(labels, l), "的")
		}
		var seg string
		seg, path, _ = strings.Cut(path, ".")
		name, index := fieldpath.CutIndex(seg)
		l, ok := fieldLabels[t].fields[name]
		f, found := fieldByJSON(t, name)
		if !ok || !found {
			return ""
		}
		labels = append(labels, l+fieldpath.Item(index))
		t = elemType(f.Type)
	}
	return strings.Join(labels, "的")
}

// fieldByJSON returns the field of struct type t with the JSON name name; false for
// another type, which has no fields ("meeting.measures.x" goes below a list of texts).
func fieldByJSON(t reflect.Type, name string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if n, _, _ := strings.Cut(f.Tag.Get("json"), ","); f.IsExported() && n == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// elemType returns the type of the values a field of type t holds: through pointers and
// lists.
func elemType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t
}

// unknownLabel is the Chinese label of a code a Label method does not know: a clerk reads
// 未知 and the code as stored, never a Go identifier.
func unknownLabel(code string) string { return "未知（“" + code + "”）" }

// lowerCamel returns a type's name as the first segment of a field's path: "FollowUp" is
// "followUp".
func lowerCamel(name string) string {
	r, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToLower(r)) + name[n:]
}

var reviewType = reflect.TypeFor[haochaping.Review]()

// rootLabels label the paths of one segment that are no type of [fieldLabels]: those of an
// action that are no field of its step (the step itself, the note, the evidence list, the
// step's time), and the review a case opens from.
var rootLabels = map[string]string{
	"review":     "差评",
	"step":       "办理步骤",
	"event":      "办理步骤名称",
	"note":       "备注",
	"evidence":   "佐证文件",
	"time":       "办理时间",
	"at":         "办理时间",
	"receivedAt": "收到时间",
}

// labelRoots are the types a path may start from, by their name in lower camel case.
var labelRoots = func() map[string]reflect.Type {
	m := map[string]reflect.Type{"review": reviewType}
	for t := range fieldLabels {
		m[lowerCamel(t.Name())] = t
	}
	return m
}()

// typeLabels name a type in Chinese and label its fields by their JSON names.
type typeLabels struct {
	name   string
	fields map[string]string
}

// fieldLabels label the fields of every step's content and of what it holds, of the
// actor, the evidence and the complaint, in the words of the measures and their annexes.
var fieldLabels = map[reflect.Type]typeLabels{
	// 附件4 差评办件转办登记表
	reflect.TypeFor[Intake](): {"立案信息", map[string]string{
		"case": "办件编号", "kind": "办件类型", "review": "差评", "complaint": "现场投诉", "rules": "计时规则"}},
	reflect.TypeFor[Registration](): {"差评办件转办登记表", map[string]string{
		"responsibleWindow": "责任主体", "content": "差评内容", "reportedTo": "报告对象"}},
	reflect.TypeFor[FollowUp](): {"回访核实记录", map[string]string{
		"contact": "联系结果", "outcome": "回访情况", "reason": "不满意原因", "materials": "佐证材料", "verdict": "核实结论"}},
	reflect.TypeFor[Meeting](): {"专题分析会记录", map[string]string{
		"responsiblePerson": "责任人", "measures": "整改措施", "attendees": "参会人员"}},
	// 附件5 差评办件调查整改报告
	reflect.TypeFor[Report](): {"调查整改报告", map[string]string{
		"investigator": "调查人", "subject": "调查对象", "subjectPhone": "调查对象电话", "reception": "服务人员接待情况",
		"investigation": "调查处理情况", "measures": "整改措施", "finding": "认定", "applicantEthnicity": "申请人民族",
		"applicantOrigin": "申请人籍贯", "applicationSerial": "申办流水号", "disclosure": "政府信息公开选项",
		"extension": "延期整改"}},
	reflect.TypeFor[Extension](): {"延期整改", map[string]string{"reason": "理由", "until": "期限"}},
	// 第十条
	reflect.TypeFor[Finding]():       {"认定", map[string]string{"verdict": "结论", "causes": "原因"}},
	reflect.TypeFor[Cause]():         {"原因", map[string]string{"dimension": "方面", "description": "说明", "responsiblePerson": "责任人"}},
	reflect.TypeFor[Rectification](): {"整改完毕报告", map[string]string{"done": "整改完成情况"}},
	reflect.TypeFor[OfficeVerification](): {"核实记录", map[string]string{
		"result": "核实情况", "finding": "修正后的认定", "amendment": "修正理由"}},
	reflect.TypeFor[LeaderReview]():   {"分管领导审阅", map[string]string{"opinion": "分管领导意见"}},
	reflect.TypeFor[ResultFollowUp](): {"再次回访记录", map[string]string{"outcome": "回访结果", "satisfied": "是否满意"}},
	reflect.TypeFor[CitySubmission](): {"报市督查科记录", map[string]string{"reference": "报送文号"}},
	// 第九条
	reflect.TypeFor[AppealMaterials]():    {"申诉撤销材料", map[string]string{"verdict": "申诉类型", "reasons": "申诉理由"}},
	reflect.TypeFor[AppealConfirmation](): {"申诉复核申请", map[string]string{"application": "申诉复核申请"}},
	reflect.TypeFor[AppealDecline]():      {"不予申诉记录", map[string]string{"reason": "不予申诉理由"}},
	reflect.TypeFor[ApplicationReview]():  {"分管领导审阅申诉复核申请", map[string]string{"opinion": "分管领导意见"}},
	reflect.TypeFor[AppealSubmission]():   {"报市督查科申诉复核记录", map[string]string{"reference": "报送文号"}},
	reflect.TypeFor[CityDecision](): {"市督查科复核决定", map[string]string{
		"upheld": "申诉是否成立", "reference": "市督查科答复文号", "reason": "理由"}},
	reflect.TypeFor[AppealAbandon](): {"放弃申诉记录", map[string]string{"reason": "理由"}},
	reflect.TypeFor[Urge]():          {"督促办理", map[string]string{"message": "督促内容"}},
	// 附件2
	reflect.TypeFor[Assignment]():   {"确定责任主体", map[string]string{"responsibleWindow": "责任主体", "basis": "确定依据"}},
	reflect.TypeFor[Inspection]():   {"现场直查记录", map[string]string{"findings": "直查情况"}},
	reflect.TypeFor[LeaderReport](): {"报分管领导记录", map[string]string{"summary": "处理情况", "opinion": "分管领导意见"}},
	// 第十二条
	reflect.TypeFor[Retime](): {"按新规则重新计时", map[string]string{"reason": "理由", "rules": "计时规则"}},
	reflect.TypeFor[Rules](): {"计时规则", map[string]string{
		"policy": "时限规定", "policyVersion": "时限规定版本", "policyDigest": "时限规定摘要", "calendar": "工作日历"}},
	// 第八条, and what the measures do not settle
	reflect.TypeFor[ContactAttempt]():  {"回访未果记录", map[string]string{"channel": "联系方式", "result": "联系结果", "note": "备注"}},
	reflect.TypeFor[ClosureProposal](): {"拟结案申请", map[string]string{"reason": "结案原因", "explanation": "情况说明"}},
	reflect.TypeFor[ClosureDecision](): {"结案决定", map[string]string{"approved": "是否同意", "opinion": "分管领导意见"}},
	reflect.TypeFor[Retransfer]():      {"重新转办", map[string]string{"responsibleWindow": "新的责任主体", "reason": "重新转办理由"}},
	reflect.TypeFor[WithdrawalRequest](): {"撤销申请", map[string]string{
		"reason": "撤销原因", "duplicateOf": "重复的办件编号", "detail": "情况说明"}},
	reflect.TypeFor[WithdrawalDecision](): {"撤销决定", map[string]string{"approved": "是否同意", "opinion": "分管领导意见"}},
	reflect.TypeFor[Erasure]():            {"删除个人信息", map[string]string{"reason": "删除理由"}},
	// 第四条
	reflect.TypeFor[Complaint](): {"现场投诉", map[string]string{
		"id": "投诉编号", "complainant": "投诉人", "time": "投诉时间", "content": "投诉内容", "center": "受理中心",
		"window": "被投诉窗口", "matterNumber": "办理编号", "serviceItem": "办理事项"}},
	reflect.TypeFor[Actor](): {"办理人", map[string]string{
		"id": "办理人编号", "name": "办理人姓名", "role": "办理人角色", "org": "办理人所属单位"}},
	reflect.TypeFor[Evidence](): {"佐证文件", map[string]string{"name": "文件名称", "ref": "存放位置", "sha256": "内容校验值"}},
	reflect.TypeFor[haochaping.Window](): {"窗口", map[string]string{
		"id": "编号", "name": "名称", "kind": "类型", "center": "所在中心", "department": "所属部门"}},
	reflect.TypeFor[haochaping.Org](): {"单位", map[string]string{"id": "编号", "name": "名称", "kind": "类型", "parent": "上级单位"}},
	reflect.TypeFor[haochaping.Reviewer](): {"评价人", map[string]string{
		"name": "姓名", "gender": "性别", "phone": "电话", "idNumber": "证件号码", "kind": "类型"}},
}
