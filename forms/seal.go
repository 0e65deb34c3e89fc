package forms

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/haochaping/haochaping/caseflow"
)

// sealGrid is the grid of the seal's leaves, in twips (8845 in all): a hash of 64 hex
// digits takes two lines.
//
//	+----+----------------+--------+-------------------------------+
//	|序号| 办件编号        |记录序号| 记录哈希（SHA-256）            |
//	+----+----------------+--------+-------------------------------+
var sealGrid = []int{700, 2600, 1100, 4445}

// SealPage returns the page of a daily seal (每日封存, [caseflow.Seal]) for the office to
// print, sign and file: the day, the root, each sealed case with the sequence number and
// hash of its head, and lines for the clerk (经办人), the head of the office (负责人) and the
// date. It returns an error for a nil seal.
func SealPage(s *caseflow.Seal, o Options) (*Document, error) {
	if s == nil {
		return nil, errors.New("forms: no seal")
	}
	day := s.Day
	if t, err := time.Parse(time.DateOnly, s.Day); err == nil {
		day = fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
	}
	t := &Table{Widths: sealGrid, Rows: []Row{
		row(label(1, "序号"), label(1, "办件编号"), label(1, "记录序号"), label(1, "记录哈希（SHA-256）")),
	}}
	for i, l := range s.Leaves {
		t.Rows = append(t.Rows, row(value(1, strconv.Itoa(i+1)), value(1, l.Case), value(1, strconv.Itoa(l.Head.Seq)),
			value(1, l.Head.Hash.String())))
	}
	return &Document{Name: "seal", Title: "差评办件每日封存记录", Subtitle: day, Blocks: []Block{
		&Paragraph{Text: "单位：" + orBlank(o.Office)},
		&Paragraph{Text: "封存日期：" + day},
		&Paragraph{Text: "封存办件数：" + strconv.Itoa(len(s.Leaves))},
		&Paragraph{Text: "根哈希（SHA-256）：" + s.Root.String()},
		t,
		&Paragraph{Text: "经办人签字：" + blank + "　　负责人签字：" + blank + "　　日期：" + blank},
	}}, nil
}
