//go:build cgo && zconsolesim

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/internal/testexec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The end-to-end tests build the demo as a newcomer runs it (go build -tags
// zconsolesim) and run it as a child process with each operator script of
// testdata/operator/, as x/sys windows/svc's TestExample builds and runs its example
// service. What they check is what a reader of the demo sees: the transcript on
// standard output, the order of its events, and the exit status.

// childFlags are added to the demo's build: the race detector or AddressSanitizer when
// the test itself runs under one (race_test.go, asan_test.go).
var childFlags []string

// hang is how long a run of the demo may take before the test gives up on it: only
// to catch a hang, on a loaded machine or under an emulator.
const hang = 2 * time.Minute

var demoBuild struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if demoBuild.dir != "" {
		os.RemoveAll(demoBuild.dir)
	}
	os.Exit(code)
}

// demoBinary builds the demo once for all the tests.
func demoBinary(t *testing.T) string {
	t.Helper()
	demoBuild.once.Do(func() {
		gobin, err := exec.LookPath("go") // go test puts its own toolchain first in PATH
		if err != nil {
			demoBuild.err = fmt.Errorf("no go command to build the demo with: %w", err)
			return
		}
		if demoBuild.dir, err = os.MkdirTemp("", "demo-e2e-"); err != nil {
			demoBuild.err = err
			return
		}
		demoBuild.path = filepath.Join(demoBuild.dir, "demo")
		args := append([]string{"build", "-tags", "zconsolesim"}, childFlags...)
		args = append(args, "-o", demoBuild.path, ".")
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		if out, err := exec.CommandContext(ctx, gobin, args...).CombinedOutput(); err != nil {
			demoBuild.err = fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, out)
			return
		}
		t.Logf("built the demo: go %s", strings.Join(args, " "))
	})
	require.NoError(t, demoBuild.err)
	return demoBuild.path
}

// result is what one run of the demo left.
type result struct {
	stdout string
	stderr string
	rc     int
	exited time.Time // when the test saw the process end
}

// script is the path of an operator script.
func script(name string) string {
	return filepath.Join("..", "..", "testdata", "operator", name+".txt")
}

// runDemo runs the demo with args and stdin, to its end.
func runDemo(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd, out, errOut := demoCommand(t, stdin, args...)
	require.NoError(t, cmd.Start())
	return finish(t, cmd, out, errOut)
}

func demoCommand(t *testing.T, stdin string, args ...string) (*exec.Cmd, *syncBuffer, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hang)
	t.Cleanup(cancel)
	cmd := testexec.CommandContext(ctx, demoBinary(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	out, errOut := &syncBuffer{}, &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, errOut
	return cmd, out, errOut
}

func finish(t *testing.T, cmd *exec.Cmd, out, errOut *syncBuffer) result {
	t.Helper()
	err := cmd.Wait()
	r := result{stdout: out.String(), stderr: errOut.String(), exited: time.Now()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.Exited():
		r.rc = exit.ExitCode()
	default:
		t.Fatalf("demo %v: %v\nstdout:\n%s\nstderr:\n%s", cmd.Args[1:], err, r.stdout, r.stderr)
	}
	t.Logf("demo %s: rc=%d\n%s%s", strings.Join(cmd.Args[1:], " "), r.rc, r.stdout, r.stderr)
	return r
}

// syncBuffer is a bytes.Buffer the test may read while the child writes to it.
type syncBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	changed chan struct{} // closed, and made anew, by each write
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.changed != nil {
		close(s.changed)
		s.changed = nil
	}
	return s.b.Write(p)
}

// changes returns a channel that the next write closes.
func (s *syncBuffer) changes() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.changed == nil {
		s.changed = make(chan struct{})
	}
	return s.changed
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// inOrder checks that the transcript shows each of wants, in this order.
var inOrder = simtest.InOrder

// lineTime is the time at the start of the first line of the transcript that holds s.
func lineTime(t *testing.T, transcript, s string) time.Time {
	t.Helper()
	return lineTimes(t, transcript, s)[0]
}

// lineTimes are the times at the start of the lines of the transcript that hold s.
func lineTimes(t *testing.T, transcript, s string) []time.Time {
	t.Helper()
	var times []time.Time
	for _, l := range strings.Split(transcript, "\n") {
		if !strings.Contains(l, s) || len(l) < 12 {
			continue
		}
		clock, err := time.ParseInLocation("15:04:05.000", l[:12], time.Local)
		require.NoError(t, err, "line %q", l)
		now := time.Now()
		at := time.Date(now.Year(), now.Month(), now.Day(), clock.Hour(), clock.Minute(), clock.Second(), clock.Nanosecond(), time.Local)
		if at.After(now.Add(time.Hour)) { // the run began before midnight
			at = at.AddDate(0, 0, -1)
		}
		times = append(times, at)
	}
	if len(times) == 0 {
		t.Fatalf("no line holds %q:\n%s", s, transcript)
	}
	return times
}

var shutdownLine = regexp.MustCompile(`(?m)^\d\d:\d\d:\d\d\.\d{3} EVENT    shutdown: (.*)$`)

// measured reads the demo's measurement of its stop: the stable line of the event log.
func measured(t *testing.T, transcript string) map[string]string {
	t.Helper()
	m := shutdownLine.FindAllStringSubmatch(transcript, -1)
	require.Len(t, m, 1, "one shutdown line:\n%s", transcript)
	fields := map[string]string{}
	for _, f := range strings.Fields(m[0][1]) {
		k, v, ok := strings.Cut(f, "=")
		require.True(t, ok, "field %q of %q", f, m[0][0])
		fields[k] = v
	}
	for _, k := range []string{"stop_to_exit_ms", "drain_ms", "close_ms", "typed_to_exit_ms"} {
		if v, ok := fields[k]; ok {
			ms, err := strconv.ParseFloat(v, 64)
			require.NoError(t, err, "%s=%s", k, v)
			require.GreaterOrEqual(t, ms, 0.0, "%s=%s", k, v)
		}
	}
	return fields
}

func millis(t *testing.T, v string) time.Duration {
	t.Helper()
	ms, err := strconv.ParseFloat(v, 64)
	require.NoError(t, err)
	return time.Duration(ms * float64(time.Millisecond))
}

// The origin story's first case: the operator's STOP ends the demo, and its idle
// timer of a minute is cancelled, not waited out. On the way, the tour of make demo:
// HELP, ECHO, work and STATUS while it runs, CANCEL with its question (R 01,YES), and
// a STOP while work runs, which lets the work finish.
func TestDemoStop(t *testing.T) {
	r := runDemo(t, "", "-script", script("stop"))
	assert.Equal(t, rcOK, r.rc)
	inOrder(t, r.stdout,
		"OPER     S DEMO,,,'IDLE=60,GRACE=5'",
		"EVENT    job DEMO, ASID 0021, system ZSIM, started by START: true; settings from the program's arguments (PARM), before any START parameters: idle 20s, grace 10s, work 5s",
		"DEMO     DMO001I DEMO ready",
		"EVENT    settings after the START parameters: idle 60s, grace 5s, work 5s",
		"DMO004I idle 60s, grace 5s, work 5s",
		"OPER     F DEMO,HELP",
		"ZCN100I commands:", "CANCEL", "ECHO", "HELP", "SET", "STATUS", "WORK",
		"DMO003I Hello, operator",
		"DMO010I work W1 started: 30s",
		"DMO002I DEMO serving", "idle 60s (paused: work runs)", "W1 running for",
		"@01 DMO020D cancel 1 work item(s) (W1)? Reply YES or NO",
		"OPER     R 01,YES",
		"DMO012I work W1 cancelled",
		"DMO021I 1 work item(s) cancelled",
		"DMO010I work W2 started: 0.3s",
		"OPER     P DEMO",
		"EVENT    stopping: zconsole: operator STOP from console OPER1; the idle timer is cancelled",
		"DMO030I DEMO stopping: operator STOP from console OPER1; 1 work item(s) running, grace 5s",
		"DMO011I work W2 ended",
		"DMO039I DEMO ended, RC=0",
		"EVENT    shutdown: cause=stop rc=0",
	)
	f := measured(t, r.stdout)
	assert.Equal(t, "stop", f["cause"])
	assert.Equal(t, "0", f["rc"])
	require.Contains(t, f, "typed_to_exit_ms")
	// The stop waited for the work (DMO011I after DMO030I, above): the drain took time.
	assert.Positive(t, millis(t, f["drain_ms"]))
	assert.GreaterOrEqual(t, millis(t, f["stop_to_exit_ms"])+2*time.Microsecond, // rounding
		millis(t, f["drain_ms"])+millis(t, f["close_ms"]), "the parts add up to no more than the whole")

	// From outside: the console took P DEMO, the test saw the process end. The idle
	// timeout was a minute; the demo did not wait for it.
	typed := lineTime(t, r.stdout, "OPER     P DEMO")
	outside := r.exited.Sub(typed)
	t.Logf("STOP entered -> process exit, seen from outside: %v (the demo: typed_to_exit_ms=%s)", outside, f["typed_to_exit_ms"])
	assert.Less(t, outside, 30*time.Second, "the idle timer was waited out")
}

// The origin story's second case: nothing happens for the idle period, and the demo
// stops by itself; its wait for the operator ends at once. The idle clock does not run
// while work runs.
func TestDemoIdle(t *testing.T) {
	r := runDemo(t, "", "-script", script("idle"))
	assert.Equal(t, rcOK, r.rc)
	inOrder(t, r.stdout,
		"DMO004I idle 1s",
		"DMO010I work W1 started: 1.5s",
		"DMO011I work W1 ended",
		"OPER     F DEMO,SET IDLE=0.5",
		"DMO004I idle 0.5s",
		"EVENT    stopping: zconsole: idle for 500ms; the wait for the operator ends now",
		"DMO030I DEMO stopping: idle for 500ms",
		"DMO039I DEMO ended, RC=0",
		"shutdown: cause=idle rc=0",
	)
	f := measured(t, r.stdout)
	assert.NotContains(t, f, "typed_to_exit_ms")

	// The work of 1.5s ran past the idle period of 1s without stopping the demo, and
	// the demo stopped no sooner than 0.5s after the last command (the transcript's
	// times are cut to the millisecond).
	worked := lineTime(t, r.stdout, "DMO011I").Sub(lineTime(t, r.stdout, "DMO010I"))
	assert.GreaterOrEqual(t, worked, 1499*time.Millisecond)
	idle := lineTime(t, r.stdout, "DMO030I").Sub(lineTime(t, r.stdout, "DMO004I idle 0.5s"))
	t.Logf("idle period 0.5s: last answer -> stopping %v; stop -> exit %s ms", idle, f["stop_to_exit_ms"])
	assert.GreaterOrEqual(t, idle, 498*time.Millisecond)
	assert.Less(t, idle, 20*time.Second)
}

// A second STOP forces the stop: running work is cut at once, not after the grace
// period of 10s, and the return code says so.
func TestDemoSecondStop(t *testing.T) {
	r := runDemo(t, "", "-script", script("second-stop"))
	assert.Equal(t, rcCut, r.rc)
	inOrder(t, r.stdout,
		"DMO010I work W1 started: 30s",
		"OPER     P DEMO",
		"DMO030I DEMO stopping: operator STOP from console OPER1; 1 work item(s) running, grace 10s",
		"OPER     P DEMO",
		"DMO031I DEMO stop forced: second operator STOP from console OPER1",
		"DMO013E work W1 cut after",
		"DMO039I DEMO ended, RC=4",
		"shutdown: cause=stop rc=4",
	)
	stops := lineTimes(t, r.stdout, "OPER     P DEMO")
	require.Len(t, stops, 2)
	forced := stops[1]
	f := measured(t, r.stdout)
	assert.GreaterOrEqual(t, millis(t, f["typed_to_exit_ms"])+2*time.Microsecond, millis(t, f["stop_to_exit_ms"]),
		"typed_to_exit_ms counts from the first STOP, which the demo saw after it was typed")
	t.Logf("second STOP entered -> process exit, seen from outside: %v", r.exited.Sub(forced))
	assert.Less(t, r.exited.Sub(forced), 9*time.Second, "the grace period of 10s was waited out")
}

// The grace period ends before the work: it is cut short.
func TestDemoGrace(t *testing.T) {
	r := runDemo(t, "", "-script", script("grace"))
	assert.Equal(t, rcCut, r.rc)
	inOrder(t, r.stdout,
		"DMO030I DEMO stopping: operator STOP from console OPER1; 1 work item(s) running, grace 0.3s",
		"EVENT    drain cut short: grace period ended after 0.3s",
		"DMO031I DEMO stop forced: grace period ended after 0.3s",
		"DMO013E work W1 cut after 0.3",
		"DMO039I DEMO ended, RC=4",
		"shutdown: cause=stop rc=4",
	)
	waited := lineTime(t, r.stdout, "DMO031I").Sub(lineTime(t, r.stdout, "DMO030I"))
	assert.GreaterOrEqual(t, waited, 299*time.Millisecond)
	assert.Less(t, waited, 20*time.Second)
	assert.GreaterOrEqual(t, millis(t, measured(t, r.stdout)["drain_ms"]), 300*time.Millisecond)
}

// SIGTERM (what kill and service managers send) stops the demo as STOP does; a second
// one forces the stop.
func TestDemoSignal(t *testing.T) {
	t.Run("once", func(t *testing.T) {
		cmd, out, errOut := demoCommand(t, "", "-script", script("signal"))
		require.NoError(t, cmd.Start())
		waitFor(t, out, "DMO001I")
		require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
		r := finish(t, cmd, out, errOut)
		assert.Equal(t, rcOK, r.rc)
		inOrder(t, r.stdout,
			"DMO001I",
			"EVENT    stopping: zconsole: signal: terminated; the idle timer is cancelled",
			"DMO030I DEMO stopping: signal: terminated",
			"DMO039I DEMO ended, RC=0",
			"shutdown: cause=signal rc=0",
		)
	})
	t.Run("twice", func(t *testing.T) {
		cmd, out, errOut := demoCommand(t, "", "-script", script("signal-work"))
		require.NoError(t, cmd.Start())
		waitFor(t, out, "DMO010I")
		require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
		waitFor(t, out, "DMO030I")
		require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
		r := finish(t, cmd, out, errOut)
		assert.Equal(t, rcCut, r.rc)
		inOrder(t, r.stdout,
			"DMO030I DEMO stopping: signal: terminated; 1 work item(s) running, grace 10s",
			"DMO031I DEMO stop forced: second signal: terminated",
			"DMO013E work W1 cut",
			"shutdown: cause=signal rc=4",
		)
	})
}

// waitFor waits until the demo's output shows s.
func waitFor(t *testing.T, out *syncBuffer, s string) {
	t.Helper()
	deadline := time.NewTimer(hang)
	defer deadline.Stop()
	for {
		changed := out.changes()
		if strings.Contains(out.String(), s) {
			return
		}
		select {
		case <-changed:
		case <-deadline.C:
			t.Fatalf("the demo never wrote %q:\n%s", s, out.String())
		}
	}
}

// The demo's log goes through wtolog: twelve items of work log more DMO010I records
// than the rate limit lets through at once; the excess is kept off the console and
// DMO999I, the log's summary, counts it, before the answer to the STATUS that follows.
func TestDemoLogRateLimited(t *testing.T) {
	r := runDemo(t, "", "-script", script("flood"))
	assert.Equal(t, rcOK, r.rc)
	inOrder(t, r.stdout,
		"DMO010I work W1 started",
		"DMO999I ", " log record(s) not shown on the console (", " over the rate limit): ", "DMO010I ",
		"DMO002I DEMO serving", "work: 12 started",
		"DMO039I DEMO ended, RC=0",
	)
	started := strings.Count(r.stdout, "DMO010I work W")
	assert.GreaterOrEqual(t, started, 10, "the burst of one id passes")
	assert.Less(t, started, 12, "the excess is kept off the console")
}

// The demo answers MODIFY commands while work runs.
func TestDemoModifyDuringWork(t *testing.T) {
	r := runDemo(t, "", "-script", script("work"))
	assert.Equal(t, rcOK, r.rc)
	inOrder(t, r.stdout,
		"DMO010I work W1 started: 0.5s",
		"OPER     F DEMO,STATUS",
		"DMO002I DEMO serving", "1 work item(s) running", "W1 running for",
		"DMO003I during the work",
		"DMO011I work W1 ended",
		"DMO002I DEMO serving", "0 work item(s) running", "work: 1 started, 1 ended, 0 cancelled, 0 cut",
		"DMO039I DEMO ended, RC=0",
	)
	assert.Less(t, strings.Index(r.stdout, "DMO003I"), strings.Index(r.stdout, "DMO011I"),
		"ECHO was answered while the work ran")
}

// CANCEL asks first (WTOR): NO keeps the work, YES cancels it, a reply that is
// neither is not taken for either (the demo says so and asks again), a second CANCEL
// is told the question is outstanding and its reply id, and a STOP withdraws the
// question (DOM), so that a reply to it is refused by the system.
func TestDemoCancel(t *testing.T) {
	r := runDemo(t, "", "-script", script("cancel"))
	assert.Equal(t, rcCut, r.rc)
	inOrder(t, r.stdout,
		"DMO023I no work is running",
		"@01 DMO020D cancel 1 work item(s) (W1)? Reply YES or NO",
		"DMO025I a CANCEL question is outstanding already: reply R 01,YES or R 01,NO",
		"DMO002I DEMO serving",
		"OPER     R 01,NO",
		"IEE600I REPLY TO 01 IS;NO",
		`DMO022I nothing cancelled: the reply was "NO"`,
		"@02 DMO020D",
		"OPER     R 02,MAYBE",
		"IEE600I REPLY TO 02 IS;MAYBE",
		`DMO026I reply "MAYBE" not understood: YES or NO; asking again`,
		"@03 DMO020D",
		"IEE600I REPLY TO 03 IS;YES",
		"DMO012I work W1 cancelled",
		"DMO021I 1 work item(s) cancelled",
		"@04 DMO020D cancel 1 work item(s) (W2)?",
		"OPER     P DEMO",
	)
	assert.NotContains(t, r.stdout, "DMO022I nothing cancelled: the reply was \"MAYBE\"", "MAYBE was taken as NO")
	inOrder(t, r.stdout,
		"OPER     P DEMO",
		"DMO024I CANCEL question withdrawn: the demo is stopping",
		"OPER     R 04,YES",
		"IEE305I R COMMAND INVALID",
		"CONSOLE  no WTOR has that reply id: none is outstanding",
		"DMO013E work W2 cut",
		"DMO039I DEMO ended, RC=4",
	)
	assert.NotContains(t, r.stdout, "REPLY TO 04", "the withdrawn question took a reply")
}

// What an operator gets wrong is answered, and changes nothing: a job name that is
// not the demo's, a command longer than a console takes, a command the demo does not
// know, text that does not parse, operands it cannot use, a reply to no question.
func TestDemoBadInput(t *testing.T) {
	r := runDemo(t, "", "-script", script("bad-input"))
	assert.Equal(t, rcOK, r.rc)
	inOrder(t, r.stdout,
		"DMO005E START parameters not used: IDLE=soon: \"soon\" is not a number of seconds; idle 20s, grace 10s, work 5s",
		"OPER     F DEMX,STATUS", "SYSTEM   IEE341I DEMX NOT ACTIVE",
		"CONSOLE  not entered: sim: invalid command: 134 characters; a console takes at most 126",
		"ZCN101E FROB: unknown command; HELP lists the commands",
		"ZCN103E APPL= is not a command",
		"ZCN104E ECHO not run: apostrophe not closed at column 6",
		"DMO005E SET not run: IDLE=SOON: \"SOON\" is not a number of seconds; nothing changed",
		"DMO005E SET not run: COLOUR=RED is not a setting",
		"DMO005E WORK not run: -1 seconds is outside",
		"DMO005E ECHO not run: give the text",
		"OPER     R 07,YES", "IEE305I R COMMAND INVALID", "CONSOLE  no WTOR has that reply id: none is outstanding",
		"OPER     X DEMO", "IEE305I X COMMAND INVALID",
		"OPER     S DEMO", "SYSTEM   IEA602I ADDRESS SPACE CREATE FAILED. MAXUSERS WOULD HAVE BEEN EXCEEDED",
		"CONSOLE  the simulated system has one address space, and DEMO runs in it",
		"DMO002I DEMO serving", "settings: idle 20s, grace 10s, work 5s", "work: 0 started",
		"DMO039I DEMO ended, RC=0",
	)
	assert.NotContains(t, r.stdout, "DMO003I xxx", "the over-long command reached the demo")
}

// A script that waits for a message that never comes fails, and stops the demo.
func TestDemoScriptFails(t *testing.T) {
	r := runDemo(t, "", "-wait", "300ms", "-script", script("script-fails"))
	assert.Equal(t, rcScript, r.rc)
	inOrder(t, r.stdout,
		"DMO001I",
		"EVENT    stopping: the operator's script failed: line 5: .wait DMO999X: not on the console after 300ms",
		"DMO039I DEMO ended, RC=12",
		"shutdown: cause=script rc=12",
		"EVENT    operator script: line 5: .wait DMO999X",
	)
}

// Bad arguments: PARM parameters the demo cannot use, a script that does not start
// the job, a flag it does not know.
func TestDemoCannotStart(t *testing.T) {
	for i, c := range []struct {
		args    []string
		stdin   string
		wrc     int
		wstderr string
		wstdout string // on the console too
	}{
		{[]string{"-script", script("stop"), "IDLE=soon"}, "", rcError,
			`DMO040E DEMO not started: PARM IDLE=soon: "soon" is not a number of seconds`, "DEMO     DMO040E"},
		{[]string{"-script", script("stop"), "TIMEOUT=5"}, "", rcError,
			"DMO040E DEMO not started: PARM TIMEOUT=5 is not a setting", "DEMO     DMO040E"},
		{[]string{"-script", "/dev/null"}, "", rcScript, "demo: sim: operator: the operator never started the job (S job)", ""},
		{nil, "F DEMO,STATUS\n", rcScript, "demo: sim: operator: the operator never started the job (S job)", "does not start the job"},
		{[]string{"-frob"}, "", rcUsage, "flag provided but not defined: -frob", ""},
	} {
		r := runDemo(t, c.stdin, c.args...)
		assert.Equal(t, c.wrc, r.rc, "#%d %v", i, c.args)
		assert.Contains(t, r.stderr, c.wstderr, "#%d %v", i, c.args)
		if c.wstdout != "" {
			assert.Contains(t, r.stdout, c.wstdout, "#%d %v", i, c.args)
		}
	}
}

// Without -script, the operator types on standard input, as at a console.
func TestDemoInteractive(t *testing.T) {
	r := runDemo(t, strings.Join([]string{
		"F DEMO,STATUS",      // refused: the job is not started yet
		"S DEMO,,,'IDLE=60'", // now it is
		".wait DMO001I",      // a MODIFY before the demo opens its console is refused (IEE342I)
		"f demo,echo 'typed by hand'",
		".wait DMO003I",
		"p demo",
	}, "\n")+"\n")
	assert.Equal(t, rcOK, r.rc)
	inOrder(t, r.stdout,
		"CONSOLE  a simulated MVS console",
		`CONSOLE  "F DEMO,STATUS" does not start the job`,
		"OPER     S DEMO,,,'IDLE=60'",
		"DMO001I",
		"OPER     F DEMO,ECHO 'typed by hand'",
		"DMO003I typed by hand",
		"OPER     P DEMO",
		"shutdown: cause=stop rc=0",
	)
}

// The end of the operator's input (Ctrl-D at a terminal) while the demo runs is the
// operator leaving the console: the console says so and stops the demo, as a STOP
// does; it is not ignored, leaving a demo no one can stop from the console.
func TestDemoInteractiveEndOfInput(t *testing.T) {
	r := runDemo(t, "S DEMO,,,'IDLE=60'\n.wait DMO001I\n")
	assert.Equal(t, rcOK, r.rc)
	inOrder(t, r.stdout,
		"OPER     S DEMO,,,'IDLE=60'",
		"DMO001I",
		"CONSOLE  end of input: the operator leaves the console and stops DEMO",
		"OPER     P DEMO",
		"DMO030I DEMO stopping: operator STOP from console OPER1",
		"shutdown: cause=stop rc=0",
	)
	// After a STOP of the operator's own, the end of input adds none (a second STOP
	// would force the stop).
	r = runDemo(t, "S DEMO,,,'IDLE=60'\n.wait DMO001I\nP DEMO\n")
	assert.Equal(t, rcOK, r.rc)
	inOrder(t, r.stdout, "OPER     P DEMO", "shutdown: cause=stop rc=0")
	assert.Equal(t, 1, strings.Count(r.stdout, "OPER     P DEMO"), "one STOP")
	assert.NotContains(t, r.stdout, "DMO031I", "the stop was forced")
}

// The demo started as S DEMO.WEB answers F WEB, F DEMO.WEB and F DEMO (with its ASID,
// A=0021), and stops on P WEB,A=0021; F DEMO.DEMO and another asid get IEE341I from the
// system and never reach it (docs/zos.md, "Identifiers and address spaces").
func TestDemoIdentifier(t *testing.T) {
	r := runDemo(t, "", "-script", script("ident"))
	assert.Equal(t, rcOK, r.rc)
	inOrder(t, r.stdout,
		"OPER     S DEMO.WEB,,,'IDLE=60'",
		"EVENT    job DEMO, ASID 0021",
		"DEMO     DMO001I DEMO ready",
		"OPER     F WEB,ECHO 'by identifier'", "DMO003I by identifier",
		"OPER     F DEMO.WEB,ECHO 'by job name and identifier'", "DMO003I by job name and identifier",
		"OPER     F DEMO,ECHO 'by job name',A=0021", "DMO003I by job name",
		"OPER     F DEMO.DEMO,STATUS", "SYSTEM   IEE341I DEMO.DEMO NOT ACTIVE",
		"OPER     P WEB,A=0022", "SYSTEM   IEE341I WEB NOT ACTIVE",
		"OPER     P WEB,A=0021",
		"DMO030I DEMO stopping: operator STOP from console OPER1",
		"DMO039I DEMO ended, RC=0",
	)
	assert.NotContains(t, r.stdout, "DMO002I", "F DEMO.DEMO,STATUS reached the demo")
}
