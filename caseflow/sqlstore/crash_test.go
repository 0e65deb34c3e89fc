package sqlstore_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/haochaping/haochaping/caseflow"
	"github.com/haochaping/haochaping/caseflow/caseflowtest"
	"github.com/haochaping/haochaping/caseflow/sqlstore"
	"github.com/haochaping/haochaping/caseflow/storetest"
)

// The environment TestCrashChild reads: set by the crash test, which runs the test binary
// again with -test.run=^TestCrashChild$.
const (
	crashChildEnv   = "HAOCHAPING_CRASH_CHILD" // "1" in the child
	crashDialectEnv = "HAOCHAPING_CRASH_DIALECT"
	crashDSNEnv     = "HAOCHAPING_CRASH_DSN" // a server's DSN, or the SQLite file's path
	crashPrefixEnv  = "HAOCHAPING_CRASH_PREFIX"
	crashFromEnv    = "HAOCHAPING_CRASH_FROM" // the number of the child's first review
)

// TestCrashChild is the process TestCrashLosesNoAcknowledgedReviewAndHalfWritesNoCase kills:
// it skips unless run as that child. It opens the store the environment names, writes
// "ready" to stdout and, as fast as it can, receives bad reviews crash-N (N counting up from HAOCHAPING_CRASH_FROM),
// writing "ack crash-N <case ID>" to stdout once Receive returned, then urges one case in
// three and walks another to its transfer (three steps), writing "step <case ID> <seq>
// <hash>" once the step returned. os.Stdout is unbuffered: each line is written, whole, by
// one write before the next store call. It stops by itself after a minute, should nobody
// kill it.
func TestCrashChild(t *testing.T) {
	if os.Getenv(crashChildEnv) != "1" {
		t.Skip("the child process of TestCrashLosesNoAcknowledgedReviewAndHalfWritesNoCase")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	p := place{d: sqlstore.Dialect(os.Getenv(crashDialectEnv)), dsn: os.Getenv(crashDSNEnv),
		prefix: os.Getenv(crashPrefixEnv), keys: storetest.Keys()}
	from, err := strconv.Atoi(os.Getenv(crashFromEnv))
	if err != nil {
		t.Fatalf("%s: %v", crashFromEnv, err)
	}
	store, db, err := p.openErr(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := kitService(store, p.keys)
	svc.NewID = caseflow.RandomID // case IDs must not repeat those of the children before
	clk := caseflowtest.ClockOf(svc)
	fmt.Fprintln(os.Stdout, "ready")
	for n := from; ctx.Err() == nil; n++ {
		clk.Set(time.Time{}) // every case from Monday morning: the kit's walks in office hours
		r := caseflowtest.Review()
		r.ID = fmt.Sprintf("crash-%d", n)
		c, _, err := svc.Receive(ctx, r)
		if err != nil {
			t.Fatalf("receiving %s: %v", r.ID, err)
		}
		fmt.Fprintf(os.Stdout, "ack %s %s\n", r.ID, c.ID)
		switch n % 3 {
		case 1:
			c, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: caseflowtest.Clerk(), Step: caseflow.Urge{Message: "请尽快办理"}})
		case 2:
			c, err = caseflowtest.Walk(ctx, svc, c.ID, caseflow.StateTransferred)
		default:
			continue
		}
		if err != nil {
			t.Fatalf("stepping %s: %v", c.ID, err)
		}
		head := caseflow.HeadOf(c.Trail)
		fmt.Fprintf(os.Stdout, "step %s %d %s\n", c.ID, head.Seq, head.Hash)
	}
}

// crashRun is what the parent read of one child before and just after killing it.
type crashRun struct {
	acks  map[string]string // review key ("review:crash-N") → case ID
	steps map[string]caseflow.Head
	ready time.Duration // when it had its store open, from its start
	after time.Duration // when it was killed, from its ready
}

// runCrashChild runs TestCrashChild on p, its reviews numbered from from, and kills it with
// SIGKILL at a random moment between 50 and 500 ms after it started writing (its "ready":
// starting the test binary and opening the store take longer than that under -race), once
// it acknowledged a review (later if the first acknowledgement comes later). It returns what
// the child wrote before it died.
func runCrashChild(t *testing.T, p place, from int) crashRun {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"=1", crashDialectEnv+"="+string(p.d), crashDSNEnv+"="+p.dsn,
		crashPrefixEnv+"="+p.prefix, crashFromEnv+"="+strconv.Itoa(from))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	start := time.Now()
	require.NoError(t, cmd.Start())
	killed := false
	t.Cleanup(func() {
		if !killed {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()

	var readyAt time.Time
	var killAt <-chan time.Time // once ready
	run := crashRun{acks: map[string]string{}, steps: map[string]caseflow.Head{}}
	var other []string // lines that are neither: the child's failure, if it failed
	read := func(line string) {
		f := strings.Fields(line)
		switch {
		case line == "ready":
			run.ready = time.Since(start)
			readyAt = time.Now()
			killAt = time.After(50*time.Millisecond + rand.N(450*time.Millisecond))
		case len(f) == 3 && f[0] == "ack":
			run.acks["review:"+f[1]] = f[2]
		case len(f) == 4 && f[0] == "step":
			var h caseflow.Head
			var err error
			if h.Seq, err = strconv.Atoi(f[2]); err == nil {
				err = h.Hash.UnmarshalText([]byte(f[3]))
			}
			if err != nil {
				other = append(other, line)
				return
			}
			run.steps[f[1]] = h
		default:
			other = append(other, line)
		}
	}
	noAck := time.NewTimer(20 * time.Second)
	defer noAck.Stop()
	due, exited := false, false
wait:
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				exited = true
				break wait
			}
			read(line)
			if due && len(run.acks) > 0 {
				break wait
			}
		case <-killAt:
			due = true
			if len(run.acks) > 0 {
				break wait
			}
		case <-noAck.C:
			break wait
		}
	}
	_ = cmd.Process.Kill() // SIGKILL: no deferred call, no cleanup, runs in the child
	run.after = time.Since(readyAt)
	for line := range lines { // what the child wrote before it died
		read(line)
	}
	err = cmd.Wait()
	killed = true
	if exited || len(run.acks) == 0 {
		t.Fatalf("the child acknowledged %d reviews and exited by itself (%v) or not in 20 s; its output:\n%s\n%s",
			len(run.acks), err, strings.Join(other, "\n"), stderr.String())
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != -1 {
		t.Fatalf("the child was not killed: %v; its output:\n%s\n%s", err, strings.Join(other, "\n"), stderr.String())
	}
	assert.Empty(t, other, "the child wrote only acknowledgements; its stderr:\n%s", stderr.String())
	return run
}

// TestCrashLosesNoAcknowledgedReviewAndHalfWritesNoCase kills a process receiving reviews
// and taking steps on a store with SIGKILL at a random moment, ten times in a row (three
// under -short) on the same tables, then opens the store and finds every review the
// process acknowledged with its case, every step it acknowledged in its case's trail, and
// no case half-written: each case's trail runs to its stored head, verifies against it and
// rebuilds to the case, and the table rows of entries and of the outbox are exactly one per
// entry up to the head.
func TestCrashLosesNoAcknowledgedReviewAndHalfWritesNoCase(t *testing.T) {
	kills := 10
	if testing.Short() {
		kills = 3
	}
	for _, d := range []sqlstore.Dialect{sqlstore.SQLite, sqlstore.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			ctx := t.Context()
			keys := storetest.Keys()
			p := newPlace(t, d, keys)
			acks := map[string]string{}
			steps := map[string]caseflow.Head{}
			for k := range kills {
				run := runCrashChild(t, p, k*1_000_000)
				t.Logf("child %d ready after %v, killed %v later: %d reviews and %d steps acknowledged", k+1, run.ready.Round(time.Millisecond), run.after.Round(time.Millisecond), len(run.acks), len(run.steps))
				for key, id := range run.acks {
					acks[key] = id
				}
				for id, h := range run.steps {
					steps[id] = h
				}
			}

			store, db := p.open(t)
			svc := kitService(store, keys)
			for key, id := range acks {
				c, err := store.GetByKey(ctx, key)
				if assert.NoError(t, err, "the acknowledged %s", key) {
					assert.Equal(t, id, c.ID, "the acknowledged %s", key)
				}
			}
			cases, _, err := store.List(ctx, caseflow.Filter{}, caseflow.Page{})
			require.NoError(t, err, "every case reads with its whole trail")
			require.GreaterOrEqual(t, len(cases), len(acks))
			for _, c := range cases {
				head, err := store.Head(ctx, c.ID)
				require.NoError(t, err)
				assert.Len(t, c.Trail, head.Seq, "case %s: its trail runs to its head", c.ID)
				_, err = caseflow.VerifyHead(c.Trail, keys, head)
				assert.NoError(t, err, "case %s: its trail verifies against its head", c.ID)
				assert.EqualValues(t, head.Seq, c.Version, "case %s: one version per entry", c.ID)
				rep, err := svc.Audit(ctx, c.ID)
				require.NoError(t, err)
				assert.True(t, rep.OK(), "%s", rep)
				if h, ok := steps[c.ID]; ok {
					if assert.GreaterOrEqual(t, len(c.Trail), h.Seq, "case %s: the acknowledged step #%d", c.ID, h.Seq) {
						assert.Equal(t, h.Hash, c.Trail[h.Seq-1].Hash, "case %s: the acknowledged step #%d", c.ID, h.Seq)
					}
				}
			}
			for id := range steps {
				_, err := store.Head(ctx, id)
				assert.NoError(t, err, "the case %s of an acknowledged step", id)
			}

			// Below the store: no row of a step that did not commit whole. The outbox is
			// never delivered here, so it keeps a row per entry.
			rows := map[string][2]int{} // case ID → entries, outbox rows
			for i, table := range []string{"entries", "outbox"} {
				col := "seq"
				if table == "outbox" {
					col = "entry_seq"
				}
				q := fmt.Sprintf("SELECT c.id, c.head_seq, COUNT(x.case_seq), COALESCE(MAX(x.%s), 0) FROM %scases c LEFT JOIN %s%s x ON x.case_seq = c.seq GROUP BY c.id, c.head_seq",
					col, p.prefix, p.prefix, table)
				r, err := db.QueryContext(ctx, q)
				require.NoError(t, err)
				for r.Next() {
					var id string
					var head, n, last int
					require.NoError(t, r.Scan(&id, &head, &n, &last))
					assert.Equal(t, head, n, "case %s: %s rows", id, table)
					assert.Equal(t, head, last, "case %s: the last of its %s rows", id, table)
					v := rows[id]
					v[i] = n
					rows[id] = v
				}
				require.NoError(t, r.Err())
				r.Close()
			}
			assert.Len(t, rows, len(cases))

			// The store goes on: an acknowledged review pushed again finds its case, and a
			// new one opens.
			for key, id := range acks {
				r := caseflowtest.Review()
				r.ID = strings.TrimPrefix(key, "review:")
				svc.NewID = caseflow.RandomID
				c, created, err := svc.Receive(ctx, r)
				require.NoError(t, err)
				assert.False(t, created)
				assert.Equal(t, id, c.ID)
				break
			}
			c, created, err := svc.Receive(ctx, caseflowtest.Review())
			require.NoError(t, err)
			assert.True(t, created)
			_, err = svc.Take(ctx, c.ID, caseflow.Action{Actor: caseflowtest.Clerk(), Step: caseflow.Urge{Message: "请尽快办理"}})
			require.NoError(t, err)
			t.Logf("%d cases after %d kills, %d reviews and %d steps acknowledged; all whole", len(cases), kills, len(acks), len(steps))
		})
	}
}
