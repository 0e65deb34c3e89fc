package haochaping

import (
	"reflect"
	"slices"
	"strings"
)

// Fields names, for each field of a [Review] that a push carries, the push's field names
// that hold it. A decoder reads every name given: where a record holds more than one, they
// must agree. A field with no names is one the layout lacks; see [PushFormat.Defaults].
// The JSON names of these fields are the names [PushFormat.Defaults] and declared layouts
// ([ParsePushFormat]) use.
type Fields struct {
	MatterNumber     []string `json:"matterNumber,omitempty"`     // 办件编号; required
	RatingNumber     []string `json:"ratingNumber,omitempty"`     // 评价次数: 1 first rating, 2 follow-up (追评)
	ServiceNumber    []string `json:"serviceNumber,omitempty"`    // 服务次数: which service of the matter, 1 to 99
	Level            []string `json:"level,omitempty"`            // 整体满意度; required
	Channel          []string `json:"channel,omitempty"`          // 评价渠道, pf codes; required
	Time             []string `json:"time,omitempty"`             // 评价时间; required
	Options          []string `json:"options,omitempty"`          // 测评内容 or 差评选项 codes, comma separated
	FreeText         []string `json:"freeText,omitempty"`         // 文字评价
	ServiceItemCode  []string `json:"serviceItemCode,omitempty"`  // 事项编码
	ServiceItem      []string `json:"serviceItem,omitempty"`      // 事项名称
	Department       []string `json:"department,omitempty"`       // 受理部门
	DepartmentCode   []string `json:"departmentCode,omitempty"`   // 受理部门编码
	Staff            []string `json:"staff,omitempty"`            // 经办人
	AreaCode         []string `json:"areaCode,omitempty"`         // 行政区划代码
	DataSource       []string `json:"dataSource,omitempty"`       // 数据来源, e.g. 133 for Zhejiang
	ReviewerName     []string `json:"reviewerName,omitempty"`     // 评价人; empty means anonymous
	ReviewerKind     []string `json:"reviewerKind,omitempty"`     // 1 个人, 2 法人
	ReviewerPhone    []string `json:"reviewerPhone,omitempty"`    // 评价人手机号, often encrypted
	ReviewerIDNumber []string `json:"reviewerIDNumber,omitempty"` // 评价人证件号码, often encrypted
}

// fieldNames are the JSON names of Fields' fields, in order: the names of a review's fields
// that Defaults and declared layouts use.
var fieldNames = func() []string {
	t := reflect.TypeFor[Fields]()
	names := make([]string, t.NumField())
	for i := range names {
		names[i], _, _ = strings.Cut(t.Field(i).Tag.Get("json"), ",")
	}
	return names
}()

// isZero reports whether f names no field at all.
func (f Fields) isZero() bool {
	v := reflect.ValueOf(f)
	for i := range v.NumField() {
		if v.Field(i).Len() > 0 {
			return false
		}
	}
	return true
}

// clone returns a copy of f whose lists are its own.
func (f Fields) clone() Fields {
	v := reflect.ValueOf(&f).Elem()
	for i := range v.NumField() {
		v.Field(i).Set(reflect.ValueOf(slices.Clone(v.Field(i).Interface().([]string))))
	}
	return f
}

// Decrypter decrypts the fields a platform pushes encrypted (a reviewer's phone and ID
// number, often with SM4 under a key of the platform's): the key and the cipher are the
// platform's, so the caller supplies them. Decrypt returns the plain text of value, the
// text of the push field named field; where a vendor sends the field in plain text, it may
// return value as it is. A field it fails on is left unread ([Review.Encrypted]), and its
// error is neither kept nor shown. It must be safe for concurrent use.
type Decrypter interface {
	Decrypt(field, value string) (string, error)
}

// DecryptFunc adapts a function to a [Decrypter].
type DecryptFunc func(field, value string) (string, error)

// Decrypt calls fn(field, value).
func (fn DecryptFunc) Decrypt(field, value string) (string, error) { return fn(field, value) }

// nationalFields are the field names of the national push interface (全国一体化在线政务服务
// 平台 "好差评" 评价数据), as public integration code of several provinces' vendors sends them.
func nationalFields() Fields {
	return Fields{
		MatterNumber: []string{"projectNo"}, RatingNumber: []string{"assessNumber"},
		ServiceNumber: []string{"serviceNumber"}, Level: []string{"satisfaction", "levelCode", "evalNum"},
		Channel: []string{"pf"}, Time: []string{"assessTime"}, Options: []string{"evalDetail"},
		FreeText: []string{"writingEvaluation"}, ServiceItemCode: []string{"taskCode"}, ServiceItem: []string{"taskName"},
		Department: []string{"proDepart"}, DepartmentCode: []string{"proDepartCode"}, Staff: []string{"proManager"},
		AreaCode: []string{"areaCode"}, DataSource: []string{"dataSource"}, ReviewerName: []string{"userName"},
		ReviewerKind: []string{"userProp"}, ReviewerPhone: []string{"mobile"}, ReviewerIDNumber: []string{"certKeyGOV"},
	}
}

// NationalPush returns the layout of the national push interface, which most provinces
// follow: interface level codes (1 = 非常不满意 … 5 = 非常满意), common pf codes, national
// option codes (Annex 1's codes are read too) classified by [NationalToAnnex1], Beijing
// time. Its fields:
//
//	projectNo          办件编号 (required)          → MatterNumber
//	assessNumber       1 first, 2 follow-up (required) → FollowUp
//	serviceNumber      服务次数 1–99                 → ServiceNumber
//	satisfaction, levelCode, evalNum  level code (at least one; all given must agree)
//	pf                 channel code (required)       → Channel
//	assessTime         评价时间 (required)            → Time
//	evalDetail         option codes, comma separated → Options, Classification
//	writingEvaluation  文字评价                      → FreeText
//	taskCode, taskName 事项编码, 事项名称             → ServiceItemCode, ServiceItem
//	proDepart, proDepartCode, proManager             → Department, DepartmentCode, Staff
//	areaCode, dataSource 行政区划, 数据来源           → AreaCode, DataSource
//	userName           评价人; empty means anonymous  → Reviewer.Name, Anonymous
//	userProp           1 个人, 2 法人 (others leave it unset) → Reviewer.Kind
//	mobile, certKeyGOV phone and ID number, encrypted → Reviewer.Phone, Reviewer.IDNumber
//
// certKey, the online rating's identity key, is not read: some platforms fill it with a
// hash of the ID number and the name made by the national identity system, others with the
// ID number. A layout that knows its certKey holds the ID number names it in
// Fields.ReviewerIDNumber.
func NationalPush() PushFormat {
	return PushFormat{Name: "national", Fields: nationalFields(), Encrypted: []string{"mobile", "certKeyGOV"},
		Levels: InterfaceCodes, Channels: PFCommon}
}

// ZhejiangPush returns the layout of Zhejiang's evaluation records: the national fields,
// with Zhejiang's pf codes (6 短信, 7 系统默认评价), its dataSource (133), and the ID
// number also under certkeyGOV, as Zhejiang's interface spells it; phone and ID number
// encrypted.
func ZhejiangPush() PushFormat {
	f := nationalFields()
	f.ReviewerIDNumber = []string{"certkeyGOV", "certKeyGOV"}
	return PushFormat{Name: "zhejiang", Fields: f, Encrypted: []string{"mobile", "certkeyGOV", "certKeyGOV"},
		Levels: InterfaceCodes, Channels: PFZhejiang}
}

// ShandongPush returns the layout of a Shandong vendor's push of an on-site rating (新增线下
// 办件评价): projectNo, satisfaction, pf, name (the reviewer, in place of userName),
// evalDetail, writingEvaluation, assessTime and serviceNumber (服务次数, in place of
// assessNumber). It has no rating number: its ratings are first ratings.
func ShandongPush() PushFormat {
	return PushFormat{Name: "shandong", Levels: InterfaceCodes, Channels: PFCommon, Fields: Fields{
		MatterNumber: []string{"projectNo"}, ServiceNumber: []string{"serviceNumber"}, Level: []string{"satisfaction"},
		Channel: []string{"pf"}, Time: []string{"assessTime"}, Options: []string{"evalDetail"},
		FreeText: []string{"writingEvaluation"}, ReviewerName: []string{"name"},
	}}
}

// ListPagePush returns the layout of the records a vendor's list page serves: number (the
// matter number), levelCode, contentCode (the option codes), words (the free text) and
// submitTime. It has no rating number (its ratings are first ratings), no reviewer (they
// are anonymous) and no channel: give the channel the page lists in Defaults, as the pf
// code, or each record is refused naming the layout:
//
//	f := haochaping.ListPagePush()
//	f.Defaults = map[string]string{"channel": "2"} // 移动端
func ListPagePush() PushFormat {
	return PushFormat{Name: "list-page", Levels: InterfaceCodes, Channels: PFCommon, Fields: Fields{
		MatterNumber: []string{"number"}, Level: []string{"levelCode"}, Options: []string{"contentCode"},
		FreeText: []string{"words"}, Time: []string{"submitTime"},
	}}
}

// Presets returns the layouts of [NationalPush], [ZhejiangPush], [ShandongPush] and
// [ListPagePush], by name.
func Presets() map[string]PushFormat {
	return map[string]PushFormat{"national": NationalPush(), "zhejiang": ZhejiangPush(),
		"shandong": ShandongPush(), "list-page": ListPagePush()}
}
