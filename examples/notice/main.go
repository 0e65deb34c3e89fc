// Command notice reads the State Council's holiday notice (国务院办公厅关于XXXX年部分节假日
// 安排的通知) the day it is published, and prints the year's holidays for a person to check
// against the notice: each holiday, its days off and the weekend days worked. It then says
// whether the year agrees with the calendar built into this library, where that has the
// year. An amending notice (such as 关于延长2020年春节假期的通知) is applied to the built-in
// year.
//
//	go run ./examples/notice notice.txt   # the notice's text, copied from www.gov.cn
//	go run ./examples/notice -            # from standard input
//	go run ./examples/notice              # the 2026 notice kept beside this file
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/haochaping/haochaping/deadline"
)

//go:embed 2026.txt
var notice2026 []byte

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "notice:", err)
		os.Exit(1)
	}
}

func run(args []string, w io.Writer) error {
	text, err := read(args)
	if err != nil {
		return err
	}
	n, err := deadline.ParseNotice(text)
	if err != nil {
		return err
	}
	builtIn, known := deadline.China().Arrangement(n.Year)
	var a deadline.Arrangement
	if n.Kind == deadline.NoticeAnnual {
		a, err = n.Arrangement()
	} else if known {
		a, err = builtIn.Amend(n)
	} else {
		err = fmt.Errorf("%s amends %d, a year the built-in calendar does not have", n.Title, n.Year)
	}
	if err != nil {
		return err
	}

	fmt.Fprintf(w, "%s（%s）\n", n.Title, n.Number)
	for _, h := range a.Holidays {
		fmt.Fprintln(w, describe(a.Year, h))
	}
	switch {
	case !known:
		fmt.Fprintf(w, "内置日历没有%d年，可用 Calendar.With 加入。\n", a.Year)
	case reflect.DeepEqual(builtIn.Holidays, a.Holidays):
		fmt.Fprintf(w, "与内置日历的%d年安排一致。\n", a.Year)
	default:
		fmt.Fprintf(w, "与内置日历的%d年安排不一致，内置日历为：\n", a.Year)
		for _, h := range builtIn.Holidays {
			fmt.Fprintln(w, describe(a.Year, h))
		}
		return fmt.Errorf("%d: the notice and the built-in calendar disagree", a.Year)
	}
	return nil
}

// read returns the notice named by the argument ("-": standard input), or the 2026 notice.
func read(args []string) ([]byte, error) {
	switch {
	case len(args) == 0:
		return notice2026, nil
	case args[0] == "-":
		return io.ReadAll(io.LimitReader(os.Stdin, deadline.MaxNoticeSize+1))
	default:
		return os.ReadFile(args[0])
	}
}

// describe writes a holiday as the notices do: 春节 2月15日（周日）至2月23日（周一）放假，共9天；
// 2月14日（周六）、2月28日（周六）上班.
func describe(year int, h deadline.Holiday) string {
	first, last := h.Off[0], h.Off[len(h.Off)-1]
	s := fmt.Sprintf("%s %s", h.Name, day(year, first))
	if last != first {
		s += "至" + day(year, last)
	}
	s += fmt.Sprintf("放假，共%d天", len(h.Off))
	if len(h.Work) > 0 {
		var ws []string
		for _, d := range h.Work {
			ws = append(ws, day(year, d))
		}
		s += "；" + strings.Join(ws, "、") + "上班"
	}
	return s
}

// day writes 2月14日（周六）, with the year for a date in the year before.
func day(year int, d deadline.Date) string {
	s := fmt.Sprintf("%d月%d日（%s）", d.Month, d.Day, weekdays[d.Weekday()])
	if d.Year != year {
		s = fmt.Sprintf("%d年", d.Year) + s
	}
	return s
}

var weekdays = [...]string{time.Sunday: "周日", time.Monday: "周一", time.Tuesday: "周二", time.Wednesday: "周三",
	time.Thursday: "周四", time.Friday: "周五", time.Saturday: "周六"}
