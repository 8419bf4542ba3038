package benchreport

import "fmt"

func writeIdle(d *doc, data *Data) {
	d.h(2, "Idle cost")
	d.p("`BenchmarkIdle` (zconsole/bench_idle_sim_test.go) runs its own test binary again as " +
		"child processes, all at the same time: one blocked in `zconsole.Wait` on the simulated " +
		"console (asleep on a condition variable inside a cgo call), the baseline blocked on an " +
		"empty channel (`<-make(chan struct{})`), and the pollers of the previous section. All " +
		"are the same Go program with the same runtime; they run together so that they share " +
		"the machine's load, and an idle process's figures do not depend on the others'. From " +
		"1 s after each is blocked, the benchmark reads /proc over the window: CPU time as the " +
		"scheduler counts it (the first field of /proc/PID/task/*/schedstat, nanoseconds), " +
		"utime+stime of /proc/PID/stat (clock ticks, 10 ms each), and context switches, " +
		"voluntary and involuntary, summed over /proc/PID/task/*/status.")
	if !data.Has(idle) {
		d.p("Not measured in this run.")
		return
	}
	window := data.Get(idle, "window-s").Median
	base, baseSw := data.Get(idle, "chan-cpu-ns").Median, data.Get(idle, "chan-ctxsw").Median
	row := func(label, name string) []string {
		cpu, sw := data.Get(idle, name+"-cpu-ns"), data.Get(idle, name+"-ctxsw")
		return []string{label, withSpread(cpu, dur), withSpread(data.Get(idle, name+"-ticks"), num),
			withSpread(sw, num), num(data.Get(idle, name+"-threads").Median),
			vsBase(cpu.Median, base, dur), vsBase(sw.Median, baseSw, num)}
	}
	rows := [][]string{row("**blocked in `Wait`**", "wait"), row("empty channel (baseline)", "chan")}
	for _, p := range pollPeriods {
		rows = append(rows, row("poll every "+period(p.period), p.idle))
	}
	d.p("Window: %s s per run.", num(window))
	d.table([]string{"process", "CPU time", "clock ticks", "context switches", "threads", "CPU vs channel", "switches vs channel"}, rows)
	for _, f := range []struct{ what, unit string }{{"CPU time", "cpu-ns"}, {"context switches", "ctxsw"}} {
		w, b := data.Get(idle, "wait-"+f.unit).Median, data.Get(idle, "chan-"+f.unit).Median
		d.p("Target, %s: no more than the baseline + 10 %%: %s against %s: %s.", f.what,
			idleFigure(f.unit, w), idleFigure(f.unit, b), yesNo(w <= b*idleTarget))
	}
	if idleMet(data) {
		d.p("A process blocked in `Wait` is asleep in the kernel, like one blocked on a " +
			"channel: nothing in it wakes until a command, a kill or a context ends the wait. " +
			"Both Go runtimes go quiet once every goroutine is blocked (the runtime's monitor " +
			"sleeps when it has nothing to watch).")
	}
	d.reproduce(data, idle)
}

// vsBase writes a figure as a multiple of its baseline, or the difference where the
// baseline is 0.
func vsBase(v, base float64, f func(float64) string) string {
	switch {
	case v == base:
		return "1×"
	case base == 0:
		return fmt.Sprintf("+%s", f(v))
	}
	return times(v / base)
}

// idleMet reports whether the idle benchmark ran and the blocked Wait cost no more than
// the empty channel's + 10 %, in CPU time and in context switches.
func idleMet(data *Data) bool {
	for _, unit := range []string{"cpu-ns", "ctxsw"} {
		w, b := data.Get(idle, "wait-"+unit), data.Get(idle, "chan-"+unit)
		if !w.Ok() || !b.Ok() || w.Median > b.Median*idleTarget {
			return false
		}
	}
	return true
}
