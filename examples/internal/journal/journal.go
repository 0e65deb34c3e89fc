// Package journal prints the steps and duties of a case for the example programs, in Chinese
// as an office clerk reads them. It is shared by the examples so that each program shows
// only its case.
package journal

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/haochaping/haochaping"
	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/deadline"
)

// Clock is a service clock that stands still between steps: set T before each step.
type Clock struct{ T time.Time }

// Now returns the clock's time.
func (c *Clock) Now() time.Time { return c.T }

// Show prints the case's last step, who took it and the state it left the case in, then its
// open duties: article, owner, duty, rule, due time and standing.
func Show(svc *caseflow.Service, c *caseflow.Case) error {
	e := c.Trail[len(c.Trail)-1]
	label := string(e.Event)
	if def, ok := c.Workflow().Step(e.Event, e.From); ok {
		label = def.Label
	}
	fmt.Printf("%s  %s —— %s；%s\n", svc.Calendar.FormatTime(e.Time), label, e.Actor.Role.Label(), c.Workflow().Label(e.To))
	open, err := svc.Duties(c)
	if err != nil {
		return err
	}
	for _, d := range open {
		owner := d.Duty.Owner.Label()
		if d.Duty.Org != "" {
			owner += "（" + d.Duty.Org + "）"
		}
		due := "不计时"
		if d.Duty.Timed {
			due = fmt.Sprintf("%s，%s，%s", d.Duty.Deadline.Rule.Label(), svc.Calendar.FormatDue(d.Duty.Deadline.Due, e.Time), d.Status.Standing.Label())
			if d.Status.Provisional {
				due += "（暂定）"
			}
		}
		fmt.Printf("      待办 %s %s：%s，%s\n", d.Duty.Rule(), owner, d.Duty.Label(), due)
	}
	return nil
}

// Closed prints each closed duty of the case: its article, due time (不计时 for an untimed
// one), when it closed, and whether it was done on time, late, or fell away.
func Closed(svc *caseflow.Service, c *caseflow.Case) {
	for _, d := range c.Duties {
		if d.Open() {
			continue
		}
		due := "不计时"
		if d.Timed {
			due = "须于" + svc.Calendar.FormatDue(d.Deadline.Due, time.Time{})
		}
		done := "按时完成"
		switch {
		case d.Cancelled:
			done = "不再需要（已撤销）"
		case !d.OnTime:
			done = "超期完成"
		}
		fmt.Printf("时限 %s %s：%s，%s %s\n", d.Rule(), d.Label(), due, svc.Calendar.FormatTime(c.ClosedAt(d)), done)
	}
}

// Step is one step of a case in an example: when, by whom, what.
type Step struct {
	At    time.Time
	Actor caseflow.Actor
	Step  caseflow.Step
}

// Play takes the steps on case id in turn at their times, printing each when verbose, and
// returns the case after the last.
func Play(ctx context.Context, svc *caseflow.Service, clk *Clock, id string, verbose bool, steps []Step) (c *caseflow.Case, err error) {
	for _, s := range steps {
		clk.T = s.At
		if c, err = svc.Take(ctx, id, caseflow.Action{Actor: s.Actor, Step: s.Step}); err != nil {
			return nil, err // a *caseflow.RefusalError says which rule refused the step
		}
		if verbose {
			if err := Show(svc, c); err != nil {
				return nil, err
			}
		}
	}
	return c, nil
}

// Service returns a service for an example: a memory store, the official calendar, the
// clock clk and case IDs numbered in order ("SP-20261120-0001", "OS-…" on site), so that
// the output stays the same from run to run.
func Service(clk *Clock) *caseflow.Service {
	keys := Keys()
	svc := caseflow.NewService(caseflow.NewMemoryStoreWithKeys(keys))
	svc.Keys = keys
	svc.Calendar, svc.Now = deadline.China(), clk.Now
	svc.NewID = NumberedIDs()
	return svc
}

// Keys returns the keyring the examples chain their audit trails under: the key in the
// environment variable HAOCHAPING_TRAIL_KEY (32 bytes or more), or else a demonstration key.
// A county keeps its key out of the code and the database, and rotates it by adding a new
// current key and keeping the old ones.
func Keys() *caseflow.Keyring {
	key := os.Getenv("HAOCHAPING_TRAIL_KEY")
	if key == "" {
		key = "demonstration key: never use it for real cases"
	}
	keys, err := caseflow.NewKeyring("demo", map[string][]byte{"demo": []byte(key)})
	if err != nil {
		panic(err) // a key from the environment shorter than 32 bytes
	}
	return keys
}

// Audit checks the stored case as a nightly check does ([caseflow.Service.Audit]) and prints
// the result: the trail against the head the store keeps, under the service's keys, and the
// case rebuilt from its trail against the stored one.
func Audit(ctx context.Context, svc *caseflow.Service, id string) error {
	r, err := svc.Audit(ctx, id)
	if err != nil {
		return err
	}
	if !r.OK() {
		return fmt.Errorf("audit: %s", r)
	}
	v := r.Verification
	// The hashes differ from run to run: each case has its own random salt.
	fmt.Printf("审计链：%d 条记录校验通过（HMAC-SHA-256，密钥 %s），与存储所存链头一致，据审计记录重建的案件与存储一致\n",
		v.Entries, strings.Join(v.KeyIDs, "、"))
	return nil
}

// NumberedIDs returns a caseflow.Service.NewID that numbers the cases in the order they are
// opened, after their kind and the day they were received in Beijing time:
// "SP-20261120-0001" for a pushed review, "OS-…" for an on-site complaint.
func NumberedIDs() func(caseflow.Kind, time.Time) string {
	n := 0
	return func(k caseflow.Kind, received time.Time) string {
		n++
		prefix := "SP"
		if k == caseflow.KindOnSiteComplaint {
			prefix = "OS"
		}
		return fmt.Sprintf("%s-%s-%04d", prefix, received.In(haochaping.Location()).Format("20060102"), n)
	}
}
