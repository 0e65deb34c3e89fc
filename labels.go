package haochaping

import (
	"reflect"
	"strings"

	"github.com/haochaping/haochaping/internal/fieldpath"
)

// FieldLabel returns the Chinese label (字段名称) of a field a [FieldError] names, for a
// clerk: a review's field by its JSON name ("reviewer.phone" is 评价人电话), a push field
// of the preset layouts by the review field it holds ("satisfaction" is 评价等级), or a
// field of a declared layout or an organisation chart. An index names an item of a list
// ("options[1]" is 评价选项第2项). It returns "" for a path it does not know, such as a
// push field only a custom layout names.
func FieldLabel(path string) string {
	segs := strings.Split(path, ".")
	var labels []string
	key := ""
	for i, seg := range segs {
		name, index := fieldpath.CutIndex(seg)
		if key != "" {
			key += "."
		}
		key += name
		if index < 0 && i < len(segs)-1 {
			continue
		}
		l, ok := labelOf(key)
		if !ok {
			return ""
		}
		labels = append(labels, l+fieldpath.Item(index))
	}
	return strings.Join(labels, "的")
}

// labelOf labels a path without indices: a review's field, a push field, or the push fields
// and default of a review field in a declared layout ("fields.level", "defaults.channel").
func labelOf(key string) (string, bool) {
	if l, ok := reviewLabels[key]; ok {
		return l, true
	}
	if l, ok := pushLabels[key]; ok {
		return l, true
	}
	prefix, name, _ := strings.Cut(key, ".")
	l, ok := reviewLabels[name]
	switch {
	case !ok:
		return "", false
	case prefix == "fields":
		return l + "的推送字段名", true
	case prefix == "defaults":
		return l + "的默认值", true
	case prefix == "ratings":
		return l, true // a rating of a ledger's batch: "ratings[3].level"
	}
	return "", false
}

// reviewLabels label a review's fields by their JSON names, the review fields of [Fields]
// by theirs, and the fields of a declared layout and an organisation chart, in the words
// of the rating system and of Annex 4 (差评办件转办登记表).
var reviewLabels = map[string]string{
	"id": "评价编号", "matterNumber": "办件编号", "serviceNumber": "服务次数", "serviceItem": "办理事项",
	"serviceItemCode": "事项编码", "level": "评价等级", "options": "评价选项", "classification": "附件1归类",
	"classification.crosswalk": "归类对照表", "classification.options": "归类选项",
	"classification.other": "其他选项", "classification.conflicts": "与评价等级不符的选项",
	"classification.unknown": "无法识别的选项代码", "classification.unread": "未读取的选项数",
	"freeText": "文字评价", "channel": "评价渠道", "time": "评价时间", "window": "评价窗口",
	"department": "受理部门", "departmentCode": "受理部门编码", "staff": "经办人", "areaCode": "行政区划代码",
	"dataSource": "数据来源", "reviewer": "评价人", "encrypted": "加密字段", "anonymous": "是否匿名",
	"followUp": "是否追评", "default": "是否默认评价",
	"reviewer.name": "评价人姓名", "reviewer.gender": "评价人性别", "reviewer.phone": "评价人电话",
	"reviewer.idNumber": "评价人证件号码", "reviewer.kind": "评价人类型",
	// Fields: the review fields a push carries
	"ratingNumber": "评价次数", "reviewerName": "评价人姓名", "reviewerKind": "评价人类型",
	"reviewerPhone": "评价人电话", "reviewerIDNumber": "评价人证件号码",
	// a pushed record, the code systems, and the checks of one value
	"record": "推送记录", "option": "评价选项", "level code": "评价等级代码", "level code system": "评价等级代码体系",
	"pf variant": "评价渠道代码体系", "mode": "评价方式", "dimension": "评价维度", "gender": "性别",
	"party kind": "评价人类型", "phone": "电话", "idNumber": "证件号码", "creditCode": "统一社会信用代码",
	// a declared layout (ParsePushFormat)
	"declaration": "推送格式声明", "base": "基础格式", "name": "名称", "levels": "评价等级代码体系",
	"channels": "评价渠道代码体系", "location": "时区", "fields": "推送字段", "defaults": "默认值",
	// an organisation chart (NewOrgChart)
	"orgs": "单位", "orgs.id": "编号", "orgs.kind": "类型", "orgs.parent": "上级单位",
	"org kind": "单位类型", "window kind": "窗口类型",
	// a batch of ratings a Ledger records
	"ratings": "评价记录",
}

// pushLabels label the push fields of the preset layouts ([Presets]) by the review field
// each holds: "satisfaction" is 评价等级.
var pushLabels = func() map[string]string {
	m := map[string]string{}
	for _, f := range Presets() {
		v := reflect.ValueOf(f.Fields)
		for i, name := range fieldNames {
			for _, n := range v.Field(i).Interface().([]string) {
				if _, ok := reviewLabels[n]; !ok {
					m[n] = reviewLabels[name]
				}
			}
		}
	}
	return m
}()
