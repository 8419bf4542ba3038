//go:build cgo && zconsolesim && linux

package console

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// The idle benchmark runs this test binary again as child processes, each blocked in
// one way for the same window, and reads what each cost from /proc: a program blocked
// in Wait, its baseline (a Go program blocked on an empty channel), and the origin
// story's third attempt, a waiter that sleeps and looks at a flag, at three periods.
// All are the same Go program with the same runtime; they run at the same time, so
// that the machine's load is the same for all and the benchmark takes one window, not
// five: an idle process costs the others nothing that would show in its own figures.

// idleChildEnv names the way a child process blocks; TestIdleChild runs only with it.
const idleChildEnv = "ZCONSOLE_BENCH_IDLE_CHILD"

// idleWindowEnv overrides the window (a Go duration) for a quick run.
const idleWindowEnv = "ZCONSOLE_BENCH_IDLE_WINDOW"

const (
	idleWindow = 10 * time.Second // how long each child is measured blocked
	idleSettle = time.Second      // from a child's "ready" to the first reading
	idleReady  = "ready"          // what a child writes once it is blocked
)

// idleChildren are the ways to block that BenchmarkIdle compares, as TestIdleChild
// knows them, and the names of their figures.
var idleChildren = []struct{ kind, name string }{
	{"wait", "wait"},
	{"chan", "chan"},
	{"poll=10ms", "poll10ms"},
	{"poll=100ms", "poll100ms"},
	{"poll=1s", "poll1s"},
}

// TestIdleChild is not a test: it is the child process of BenchmarkIdle, and skips
// unless ZCONSOLE_BENCH_IDLE_CHILD says how to block. It writes "ready" on standard
// output once it is blocked, and stays blocked until it is killed (or the test binary's
// -test.timeout ends it).
func TestIdleChild(t *testing.T) {
	kind := os.Getenv(idleChildEnv)
	if kind == "" {
		t.Skip("the child process of BenchmarkIdle")
	}
	ready := func() { fmt.Println(idleReady) }
	switch {
	case kind == "wait":
		if err := sim.Reset("DEMO"); err != nil {
			t.Fatal(err)
		}
		h, err := zconsole.Init()
		if err != nil {
			t.Fatal(err)
		}
		go func() {
			for sim.Stats().SVCs[sim.SVCWait] == 0 {
				time.Sleep(time.Millisecond)
			}
			ready()
		}()
		_, err = zconsole.Wait(h)
		t.Fatalf("Wait returned: %v", err)
	case kind == "chan":
		go ready()
		<-make(chan struct{})
	case strings.HasPrefix(kind, "poll="):
		period, err := time.ParseDuration(strings.TrimPrefix(kind, "poll="))
		if err != nil {
			t.Fatal(err)
		}
		var stop atomic.Bool // never set: the child is measured while it polls
		go ready()
		pollUntil(&stop, period, 0, nil)
		t.Fatal("the flag was set")
	default:
		t.Fatalf("%s=%q: not a way to block", idleChildEnv, kind)
	}
}

// procUse is what a process has cost so far, as /proc tells.
type procUse struct {
	ticks   uint64 // utime+stime of the whole process, in clock ticks (/proc/pid/stat)
	cpu     uint64 // nanoseconds on a CPU, summed over its threads (/proc/pid/task/*/schedstat)
	vol     uint64 // voluntary context switches, summed over its threads
	nonvol  uint64 // involuntary context switches, summed over its threads
	threads int    // threads now
}

// sub returns the use from v to u. The per-thread sums go down if a thread exits in
// between, its use lost with it: that is an error, not a figure.
func (u procUse) sub(v procUse) (procUse, error) {
	if u.ticks < v.ticks || u.cpu < v.cpu || u.vol < v.vol || u.nonvol < v.nonvol {
		return procUse{}, fmt.Errorf("a thread exited during the window (threads %d, then %d): its use is lost", v.threads, u.threads)
	}
	return procUse{ticks: u.ticks - v.ticks, cpu: u.cpu - v.cpu, vol: u.vol - v.vol,
		nonvol: u.nonvol - v.nonvol, threads: u.threads}, nil
}

// readProcUse reads pid's use from /proc.
func readProcUse(pid int) (procUse, error) {
	var u procUse
	dir := fmt.Sprintf("/proc/%d", pid)
	stat, err := os.ReadFile(dir + "/stat")
	if err != nil {
		return u, err
	}
	// Fields after the command name in parentheses; utime and stime are fields 14 and
	// 15 of proc(5), so 11 and 12 after field 3, the state.
	end := strings.LastIndexByte(string(stat), ')')
	f := strings.Fields(string(stat[end+1:]))
	if len(f) < 13 {
		return u, fmt.Errorf("%s/stat: %d fields", dir, len(f))
	}
	for _, s := range f[11:13] {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return u, fmt.Errorf("%s/stat: %w", dir, err)
		}
		u.ticks += n
	}
	tasks, err := filepath.Glob(dir + "/task/*")
	if err != nil {
		return u, err
	}
	for _, task := range tasks {
		sched, err := os.ReadFile(task + "/schedstat")
		if err != nil {
			return u, err
		}
		cpu, err := strconv.ParseUint(strings.Fields(string(sched))[0], 10, 64)
		if err != nil {
			return u, fmt.Errorf("%s/schedstat: %w", task, err)
		}
		u.cpu += cpu
		status, err := os.ReadFile(task + "/status")
		if err != nil {
			return u, err
		}
		for _, line := range strings.Split(string(status), "\n") {
			key, val, _ := strings.Cut(line, ":")
			n, _ := strconv.ParseUint(strings.TrimSpace(val), 10, 64)
			switch key {
			case "voluntary_ctxt_switches":
				u.vol += n
			case "nonvoluntary_ctxt_switches":
				u.nonvol += n
			}
		}
		u.threads++
	}
	return u, nil
}

// idleChild is a running child process of BenchmarkIdle.
type idleChild struct {
	cmd   *exec.Cmd
	ready chan error
}

// startIdleChild starts this test binary as a child that blocks in the way kind says,
// and returns once it has started; its ready channel says when it is blocked.
func startIdleChild(kind string) (*idleChild, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, "-test.run=^TestIdleChild$", "-test.count=1", "-test.timeout=5m")
	cmd.Env = append(os.Environ(), idleChildEnv+"="+kind)
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &idleChild{cmd: cmd, ready: make(chan error, 1)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if sc.Text() == idleReady {
				c.ready <- nil
				return
			}
		}
		c.ready <- fmt.Errorf("child %q ended without %q", kind, idleReady)
	}()
	return c, nil
}

// stop kills the child and waits for it.
func (c *idleChild) stop() {
	_ = c.cmd.Process.Kill()
	_ = c.cmd.Wait()
}

// BenchmarkIdle measures what a process blocked in Wait costs while nothing happens,
// against a Go process blocked on an empty channel, and against polling waiters that
// wake every 10 ms, 100 ms and 1 s: the CPU time (from the kernel's scheduler
// statistics, and in clock ticks as /proc/pid/stat has it) and the context switches of
// each whole process over a window of 10 s (ZCONSOLE_BENCH_IDLE_WINDOW changes it),
// which begins 1 s after the child is blocked. One op is one window; run it with
// -benchtime=1x. Figures are totals over the window(s), per process:
// wait-cpu-ns, chan-cpu-ns, ... ; x-cpu-vs-chan and x-ctxsw-vs-chan are Wait's as a
// multiple of the channel's (1 when both are 0).
func BenchmarkIdle(b *testing.B) {
	window := idleWindow
	if s := os.Getenv(idleWindowEnv); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			b.Fatalf("%s: %v", idleWindowEnv, err)
		}
		window = d
	}
	total := make([]procUse, len(idleChildren))
	var threads []int
	b.ResetTimer()
	for range b.N {
		use, err := idleRound(window)
		if err != nil {
			b.Fatal(err)
		}
		threads = threads[:0]
		for i, u := range use {
			total[i].ticks += u.ticks
			total[i].cpu += u.cpu
			total[i].vol += u.vol
			total[i].nonvol += u.nonvol
			threads = append(threads, u.threads)
		}
	}
	for i, c := range idleChildren {
		u := total[i]
		b.ReportMetric(float64(u.cpu), c.name+"-cpu-ns")
		b.ReportMetric(float64(u.ticks), c.name+"-ticks")
		b.ReportMetric(float64(u.vol+u.nonvol), c.name+"-ctxsw")
		b.ReportMetric(float64(threads[i]), c.name+"-threads")
	}
	wait, base := total[0], total[1]
	b.ReportMetric(ratio(float64(wait.cpu), float64(base.cpu)), "x-cpu-vs-chan")
	b.ReportMetric(ratio(float64(wait.vol+wait.nonvol), float64(base.vol+base.nonvol)), "x-ctxsw-vs-chan")
	b.ReportMetric(window.Seconds(), "window-s")
}

// ratio is a/b, 1 when both are 0 and +Inf when only b is.
func ratio(a, b float64) float64 {
	if a == b {
		return 1
	}
	return a / b
}

// idleRound starts every child, waits until all are blocked and settled, reads their
// use, waits the window, reads it again, and kills them.
func idleRound(window time.Duration) ([]procUse, error) {
	children := make([]*idleChild, 0, len(idleChildren))
	defer func() {
		for _, c := range children {
			c.stop()
		}
	}()
	for _, k := range idleChildren {
		c, err := startIdleChild(k.kind)
		if err != nil {
			return nil, err
		}
		children = append(children, c)
	}
	deadline := time.After(time.Minute)
	for _, c := range children {
		select {
		case err := <-c.ready:
			if err != nil {
				return nil, err
			}
		case <-deadline:
			return nil, errors.New("a child was not ready within a minute")
		}
	}
	time.Sleep(idleSettle)
	before := make([]procUse, len(children))
	for i, c := range children {
		u, err := readProcUse(c.cmd.Process.Pid)
		if err != nil {
			return nil, err
		}
		before[i] = u
	}
	time.Sleep(window)
	use := make([]procUse, len(children))
	for i, c := range children {
		u, err := readProcUse(c.cmd.Process.Pid)
		if err != nil {
			return nil, err
		}
		if use[i], err = u.sub(before[i]); err != nil {
			return nil, err
		}
	}
	return use, nil
}
