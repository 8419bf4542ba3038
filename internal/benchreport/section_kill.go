package benchreport

import "fmt"

// killSide is one side of BenchmarkKill: its label and the prefixes of its figures.
type killSide struct {
	label, figure, ratio string
}

var killSides = []killSide{
	{"floor (C)", "floor-", ""},
	{"cgo handoff, the part C sees", "cgo-c-", "cgo-c-"},
	{"cgo handoff", "cgo-", "cgo-"},
	{"kill from C threads", "ckill-", "ckill-"},
	{"kill through the binding, no Handle", "bind-", "bind-"},
	{"**kill**", "", ""},
}

var killSettings = []struct{ name, settle string }{{killCold, "20 ms"}, {killHot, "1 ms"}}

func writeKill(d *doc, data *Data) {
	d.h(2, "Kill latency")
	d.p("From `Kill` to the blocked `Wait` returning, against the floor of any such wake-up: " +
		"a bare pthread condition-variable handoff between two threads in C, measured by the " +
		"same benchmark binary in the same run, in alternating chunks " +
		"(`BenchmarkKill`, zconsole/bench_kill_sim_test.go; the floor is internal/floor).")
	d.item("**kill**, the figure: a goroutine is blocked in `zconsole.Wait`, a cgo call into " +
		"the protocol's WAIT on three ECBs, asleep on the simulated MVS's condition variable. " +
		"Another goroutine reads the clock (`time.Now`, CLOCK_MONOTONIC) and calls " +
		"`zconsole.Kill`: the handle's lock, a cgo call, POST of the kill ECB under the " +
		"simulator's mutex, a broadcast. The waiter wakes, takes the simulator's mutex back, " +
		"finds the ECB posted, returns through cgo (getting a processor back from the Go " +
		"scheduler), `Wait` takes the handle's lock to finish, and the waiter reads the clock. " +
		"Each round opens a new handle, untimed: a kill is for good.")
	d.item("**floor**, the baseline: thread A blocks in `pthread_cond_wait`; thread B reads " +
		"CLOCK_MONOTONIC, locks the mutex, sets a flag, signals, unlocks; A reads the clock " +
		"once it has left the wait and unlocked the mutex. C on both threads, no Go.")
	d.item("**cgo handoff**, to show where the time goes: the floor's condition variable, " +
		"waited on and signalled by two goroutines through cgo, `time.Now` on both sides; and " +
		"the part of it that C sees, from the same clock readings in C as the floor's, taken " +
		"in the Go process: the difference between the two is the cgo calls, the processor " +
		"the waiting goroutine must get back from the Go scheduler, and scheduling it.")
	d.item("**kill from C threads**, to tell the console's C from its Go: the kill itself, " +
		"run by two C threads with no Go in them (zconsole/c/sim_killbench.c): the " +
		"protocol's own init, WAIT on its three ECBs, POST of the kill ECB and term, " +
		"against the simulated MVS, timed as the floor is, from just before the kill to " +
		"just after the wait has returned.")
	d.item("**kill through the binding**, to tell the Handle from the rest of Go: the kill " +
		"from goroutines, timed as the kill is, but calling the protocol's Go binding " +
		"(`zconsole/c`: `Init`, `Wait`, `Kill`, `Term`) directly, the same cgo calls into " +
		"the same C that the Handle makes, without the Handle's lock and state.")
	d.end()
	d.p("Before each round the waker waits until the waiter is in its wait (the simulator's " +
		"WAIT count, the floor's count of waits; both are raised under the lock the waiter " +
		"gives up only in the wait), then sleeps for the settle time, so that the waiter is " +
		"asleep in the kernel. After 20 ms the Go runtime's monitor has handed off the " +
		"processor of the goroutine blocked in C (it does after 10 ms) and gone to sleep " +
		"itself, as in any program that has waited a while for its operator: the 20 ms figure " +
		"is the one to quote. After 1 ms the monitor is still awake, watching the goroutine in " +
		"C every 20 µs to 10 ms.")
	if x := data.Get(killHot, "cgo-x-vs-floor"); x.Ok() && x.Median < 1 {
		d.p("In this run the cgo handoff came out faster than the C floor at 1 ms (%s): the "+
			"floor's process has nothing awake while it waits, the Go process its monitor; "+
			"most likely a CPU kept out of its deeper idle states wakes sooner.", times(x.Median))
	}
	var rows [][]string
	for _, k := range killSettings {
		if !data.Has(k.name) {
			continue
		}
		for _, side := range killSides {
			p50, p99 := data.Get(k.name, side.figure+"p50-ns"), data.Get(k.name, side.figure+"p99-ns")
			x50, x99 := "1×", "1×"
			if side.figure != "floor-" {
				x50 = ratioCell(data.Get(k.name, side.ratio+"x-vs-floor"))
				x99 = ratioCell(data.Get(k.name, side.ratio+"x-p99-vs-floor"))
			}
			rows = append(rows, []string{k.settle, side.label, withSpread(p50, dur), withSpread(p99, dur), x50, x99})
		}
	}
	if len(rows) == 0 {
		d.p("Not measured in this run.")
		return
	}
	d.p("Rounds per side and run: %s. The ratios are the median of each run's ratio.", num(float64(iters(data, killCold))))
	d.table([]string{"settle", "side", "median (p50)", "99th percentile", "p50 vs floor", "p99 vs floor"}, rows)
	for _, k := range killSettings {
		x := data.Get(k.name, "x-vs-floor")
		if !x.Ok() {
			continue
		}
		d.p("Target, settle %s: the kill's median within %s of the floor's: %s %s: %s.",
			k.settle, times(killTarget), times(x.Median), spread(x, times), yesNo(x.Median <= killTarget))
	}
	writeKillParts(d, data)
	writeKillWhy(d, data)
	d.reproduce(data, killCold)
}

// killPart is one part of a wake-up as BenchmarkKill splits it: its label, and the
// units of the cgo handoff's figure, the kill through the binding's, and the kill's.
type killPart struct {
	label, cgo, bind, kill string
}

var killParts = []killPart{
	{"the way into C: the waker's `time.Now` to the clock reading in C as the post begins " +
		"(the Go call, the handle's lock for the kill, the cgo call; the first cgo call after " +
		"a sleep also wakes the Go runtime's monitor thread)", "cgo-in-p50-ns", "bind-in-p50-ns", "kill-in-p50-ns"},
	{"in C: the post's clock reading to the waiter's once its wait has ended (for the " +
		"kill, the simulated supervisor's lock, POST, broadcast, and WAIT's look at its " +
		"three ECBs)", "cgo-c-p50-ns", "bind-c-p50-ns", "kill-c-p50-ns"},
	{"the way out: the waiter's clock reading in C to its `time.Now` after the call (the " +
		"cgo return, a processor got back from the scheduler; for the kill, Wait's own " +
		"finish under the handle's lock)", "cgo-out-p50-ns", "bind-out-p50-ns", "kill-out-p50-ns"},
	{"**the whole**, `time.Now` to `time.Now`", "cgo-p50-ns", "bind-p50-ns", "p50-ns"},
	{"the waker's call as it sees it: Post, or Kill", "cgo-call-p50-ns", "bind-call-p50-ns", "kill-call-p50-ns"},
}

// writeKillParts splits the settle-20-ms medians of the cgo handoff and of the kill into
// the way into C, the handoff in C and the way out, beside the floor's.
func writeKillParts(d *doc, data *Data) {
	get := func(unit string) float64 { return data.Get(killCold, unit).Median }
	f := get("floor-p50-ns")
	if f <= 0 || get("cgo-p50-ns") <= 0 || get("p50-ns") <= 0 {
		return
	}
	d.p("Where the time goes, settle 20 ms: the Go sides read the clock in Go and in C, "+
		"on the same clock as the floor's, so each splits into its way into C, the handoff "+
		"in C, and its way out (medians of each part, so they add up only roughly). The "+
		"floor, C on both threads: %s.", dur(f))
	var rows [][]string
	for _, p := range killParts {
		c, b, k := get(p.cgo), get(p.bind), get(p.kill)
		if c <= 0 || k <= 0 {
			continue
		}
		bc := "—"
		if b > 0 {
			bc = dur(b)
		}
		rows = append(rows, []string{p.label, dur(c), bc, dur(k), delta(k - c)})
	}
	d.table([]string{"part", "cgo handoff", "kill through the binding", "kill", "the kill's extra over the cgo handoff"}, rows)
}

// writeKillWhy says plainly, for each settle time whose target is not met, where the
// kill's time beyond the floor went in this run.
func writeKillWhy(d *doc, data *Data) {
	for _, k := range killSettings {
		if x := data.Get(k.name, "x-vs-floor"); x.Ok() && x.Median > killTarget {
			writeKillWhyAt(d, data, k.name, k.settle, x.Median)
		}
	}
}

// writeKillWhyAt is writeKillWhy for the settle time of benchmark name, where the kill's
// median was x times the floor's.
func writeKillWhyAt(d *doc, data *Data, name, settle string, x float64) {
	get := func(unit string) float64 { return data.Get(name, unit).Median }
	f, cgo, kill := get("floor-p50-ns"), get("cgo-p50-ns"), get("p50-ns")
	d.p("**Why the target is not met at settle %s.** The kill's median is %s the floor's "+
		"(%s against %s). The figures are as measured; neither side is tuned to pass. Of the "+
		"%s beyond the floor, %s is what any goroutine pays to wait in C and be woken there: "+
		"the cgo handoff on the floor's own condition variable, with no console code in it, "+
		"takes %s (%s the floor's). The remaining %s is the kill's own path.",
		settle, times(x), dur(kill), dur(f), delta(kill-f), delta(cgo-f), dur(cgo),
		times(data.Get(name, "cgo-x-vs-floor").Median), delta(kill-cgo))
	if name == killCold {
		d.p("The table above splits it: %s on the way in, %s in C, %s on the way out.",
			delta(get("kill-in-p50-ns")-get("cgo-in-p50-ns")),
			delta(get("kill-c-p50-ns")-get("cgo-c-p50-ns")),
			delta(get("kill-out-p50-ns")-get("cgo-out-p50-ns")))
	}
	if ck := data.Get(name, "ckill-x-vs-floor"); ck.Ok() {
		writeKillFromC(d, get("ckill-p50-ns"), ck.Median, get("kill-c-p50-ns"))
	}
	if bind := get("bind-p50-ns"); bind > 0 {
		d.p("Through the binding, the same cgo calls into the same C from goroutines but "+
			"without the Handle, the kill takes %s (%s the floor's): %s of the kill's %s "+
			"beyond the cgo handoff is there without the Handle, %s comes with it.",
			dur(bind), times(data.Get(name, "bind-x-vs-floor").Median),
			delta(bind-cgo), delta(kill-cgo), delta(kill-bind))
	}
	if name == killCold {
		hot := get2(data, killHot, "p50-ns") - get2(data, killHot, "cgo-p50-ns")
		if get2(data, killHot, "p50-ns") > 0 && hot < kill-cgo {
			d.p("The same path costs %s beyond the cgo handoff at settle 1 ms against %s at "+
				"20 ms: the extra grows with the time asleep, not with the work done.",
				delta(hot), delta(kill-cgo))
		}
	}
	d.p("On z/OS the supervisor's POST of a waiting task takes the simulator's place in " +
		"the part in C; that is not measured here.")
}

// get2 is the median of benchmark name's figure unit.
func get2(data *Data, name, unit string) float64 { return data.Get(name, unit).Median }

// killCLike is how far above the floor the kill from C threads may be and still count
// as the floor: the spread between runs of the floor itself.
const killCLike = 1.15

// writeKillFromC says what the kill from C threads, ckill (ckillX the floor's), tells
// of the kill's cost; killC is the kill's own part in C, from goroutines.
func writeKillFromC(d *doc, ckill, ckillX, killC float64) {
	if ckillX > killCLike {
		d.p("The same kill run by two C threads, the protocol's own code against the "+
			"simulated MVS with no Go in it, takes %s in the same run, %s the floor's: the "+
			"console's C and the simulated supervisor account for that much of it, the Go "+
			"side for the rest.", dur(ckill), times(ckillX))
		return
	}
	d.p("The console's C is not slow: the same kill run by two C threads, the protocol's "+
		"own code against the simulated MVS with no Go in it, takes %s in the same run, %s "+
		"the floor's.", dur(ckill), times(ckillX))
	if killC > ckill {
		d.p("From goroutines, the same C takes longer: the kill's part in C alone, %s, is "+
			"longer than the whole kill from C threads. The code is the same, so what differs "+
			"is around it: most likely where and when the woken thread gets a CPU while the "+
			"waker's goroutine finishes its call, and caches gone cold over the sleep, "+
			"touched by the Go side's longer path.", dur(killC))
	}
}

// ratioCell writes the median of a ratio, or a dash where there is none.
func ratioCell(s Summary) string {
	if !s.Ok() {
		return "—"
	}
	return times(s.Median)
}

// iters returns the iterations of the benchmark's first run.
func iters(data *Data, name string) int {
	for _, r := range data.Results {
		if r.Name == name {
			return r.Iters
		}
	}
	return 0
}

// delta writes a difference of times, or says there is none to measure.
func delta(ns float64) string {
	if ns <= 0 {
		return fmt.Sprintf("nothing measurable (%s)", dur(ns))
	}
	return dur(ns)
}
