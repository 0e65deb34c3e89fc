package forms

import (
	"strconv"
	"strings"

	"github.com/haochaping/haochaping/caseflow"
)

// callbacksGrid is the grid of the callback record, in twips (8845 in all):
//
//	+----+--------------+--------+----------+--------+-------------+
//	|序号| 回访时间      | 回访人  | 回访类别  | 联系结果| 回访情况     |
//	+----+--------------+--------+----------+--------+-------------+
var callbacksGrid = []int{700, 2200, 1300, 1500, 1300, 1845}

// blankCallbacks is how many blank rows a record without callbacks leaves to write in.
const blankCallbacks = 3

// Callbacks returns the callback record (回访记录) of case c: every follow-up of the reviewer
// or complainant in the order taken, the first follow-up and verification (回访核实, 第六条),
// the follow-up on the result (再次回访, 第八条) and each attempt that reached nobody (回访未果),
// with its time, who called, how and with what result, and what was said. A case not yet
// called has blank rows to write in. The reviewer's name and phone, and any of their
// personal data in what was said, are masked unless o.Full. It returns an error for a nil
// case.
func Callbacks(c *caseflow.Case, o Options) (*Document, error) {
	if c == nil {
		return nil, errNoCase
	}
	m := newMasker(c, o.Full)
	p, _, anonymous, _ := person(c)
	phone := ""
	if !anonymous {
		phone = m.phone(p.Phone)
	}
	number, _ := matter(c)
	head := &Paragraph{Text: "办件编号：" + c.ID + "　办理编号：" + orBlank(number) + "　评价人：" +
		orBlank(personName(c, m)) + "　联系电话：" + orBlank(phone)}

	t := &Table{Widths: callbacksGrid, Rows: []Row{
		row(label(1, "序号"), label(1, "回访时间"), label(1, "回访人"), label(1, "回访类别"), label(1, "联系结果"),
			label(1, "回访情况")),
	}}
	entries := callbackEntries(c)
	for i, e := range entries {
		kind, result, said := callback(c, e, m)
		t.Rows = append(t.Rows, row(value(1, strconv.Itoa(i+1)), value(1, formatTime(o, e.Time)),
			value(1, actorName(e.Actor)), value(1, kind), value(1, result), value(1, said...)))
	}
	for range max(blankCallbacks-len(entries), 0) {
		t.Rows = append(t.Rows, Row{Cells: []Cell{{}, {}, {}, {}, {}, {}}, Height: 850})
	}
	return &Document{Name: "callbacks", Title: "差评办件回访记录", Subtitle: c.ID, Blocks: []Block{head, t}}, nil
}

// callbackEntries returns the trail entries of the case's follow-ups and contact attempts.
func callbackEntries(c *caseflow.Case) []*caseflow.Entry {
	var es []*caseflow.Entry
	for _, e := range c.Trail {
		switch e.Step.(type) {
		case caseflow.FollowUp, caseflow.ResultFollowUp, caseflow.ContactAttempt:
			es = append(es, e)
		}
	}
	return es
}

// callback returns the kind, the result and what was said of the follow-up entry e.
func callback(c *caseflow.Case, e *caseflow.Entry, m masker) (kind, result string, said []string) {
	switch s := e.Step.(type) {
	case caseflow.FollowUp:
		contact := s.Contact
		if contact == "" && c.Callable() {
			contact = caseflow.ContactReached
		} else if contact == "" {
			contact = caseflow.ContactNoNumber
		}
		said = []string{m.text(s.Outcome)}
		if s.Reason != "" {
			said = append(said, "不满意原因："+m.text(s.Reason))
		}
		if len(s.Materials) > 0 {
			said = append(said, "佐证材料："+strings.Join(m.texts(s.Materials), "、"))
		}
		said = append(said, "核实结论："+s.Verdict.Label())
		return "回访核实（第六条）", contact.Label(), said
	case caseflow.ResultFollowUp:
		kind = "再次回访（第八条）"
		if c.Kind == caseflow.KindOnSiteComplaint {
			kind = "回访投诉人处理结果"
		}
		result = "不满意"
		if s.Satisfied {
			result = "满意"
		}
		return kind, result, []string{m.text(s.Outcome)}
	case caseflow.ContactAttempt:
		return "回访未果", s.Channel + "：" + s.Result.Label(), []string{m.text(s.Note)}
	}
	return "", "", nil
}
