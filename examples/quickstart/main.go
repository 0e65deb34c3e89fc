// Command quickstart shows a vendor the vocabulary of haochaping: it decodes an evaluation
// record pushed by the rating system (好差评系统), validates it, prints it with the
// reviewer's personal data masked, and computes the deadlines of the duties it starts.
//
//	go run ./examples/quickstart               # the sample record below
//	go run ./examples/quickstart record.json   # a record of your own
package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/deadline"
)

// pushed is a bad review as the national push interface sends it: interface level codes
// (2 = 不满意), common pf codes (4 = 现场评价仪), Annex 1 option codes.
const pushed = `{
  "projectNo": "450224-2026-000123",
  "taskCode": "11450224MB1234567X",
  "taskName": "不动产登记（转移登记）",
  "proDepart": "融安县自然资源局",
  "proManager": "李四",
  "pf": "4",
  "satisfaction": "2",
  "evalDetail": "1.1,3.3",
  "writingEvaluation": "材料要跑两次才收齐",
  "assessTime": "2026-11-20 10:15:00",
  "assessNumber": 1,
  "userName": "张三丰",
  "userProp": 1,
  "areaCode": "450224"
}`

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	body := []byte(pushed)
	if len(args) > 0 {
		b, err := os.ReadFile(args[0])
		if err != nil {
			return err
		}
		body = b
	}
	r, err := haochaping.DecodePushed(body, haochaping.CommonPush())
	if err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	if len(args) == 0 {
		// Phones and ID numbers travel encrypted; a portal sets them after decryption.
		r.Reviewer.Phone = "13812345678"
		r.Reviewer.IDNumber = "450224199001011235"
		r.Reviewer.Gender = haochaping.Male
	}
	if err := r.Validate(); err != nil {
		var fe *haochaping.FieldError
		if errors.As(err, &fe) {
			fmt.Println("first problem is with field", fe.Field)
		}
		return fmt.Errorf("validate: %w", err)
	}
	fmt.Println("review: ", r)
	fmt.Println("mode:   ", r.Mode())
	fmt.Println("bad:    ", r.IsBad())
	for _, o := range r.Options {
		fmt.Printf("option:  %s (%s)\n", o, o.Dimension)
	}
	points, err := haochaping.GuangxiPoints().Of(r.Level)
	if err != nil {
		return err
	}
	fmt.Println("points: ", points)
	slog.New(slog.NewTextHandler(os.Stdout, nil)).Info("pushed review", "review", r)

	// The duties a bad review starts run from when the office receives it (收到差评办件),
	// which may be later than the rating itself. A portal uses time.Now() at the push; the
	// sample fixes it so that the output stays the same.
	received := time.Date(2026, 11, 20, 10, 16, 0, 0, haochaping.Location())
	cal := deadline.China()
	for _, duty := range []struct {
		name string
		rule deadline.Rule
	}{
		{"第五条 登记并转办", deadline.SameDay()},
		{"第六条 回访评价人", deadline.SameDay()},
		{"第五条 窗口调查整改报告（自转办，此处当日转办）", deadline.Workdays(2)},
		{"附件3 报送市督查科", deadline.Workdays(4)},
	} {
		dl, err := cal.Track(received, duty.rule)
		if err != nil {
			return err
		}
		fmt.Printf("duty:    %s %s, due %s\n", duty.name, duty.rule, endOfDay(dl.Due))
	}
	return nil
}

// endOfDay writes a due time of midnight as 24:00 of the day before, as people read it.
func endOfDay(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Add(-time.Minute).Format("2006-01-02") + " 24:00"
	}
	return t.Format("2006-01-02 15:04")
}
