package benchreport

import "fmt"

// Headlines returns the run's headline figures, one sentence each, as BENCHMARKS.md
// opens with them (and a README can quote them). A figure this run did not measure is
// left out.
func Headlines(data *Data) []string {
	var out []string
	if k := data.Get(killCold, "p50-ns"); k.Ok() {
		out = append(out, fmt.Sprintf("**Kill**: %s (median) from `Kill` to the blocked `Wait` returning, "+
			"%s the %s of a bare pthread condition-variable handoff between two C threads in the "+
			"same run (99th percentile %s, %s).",
			dur(k.Median), times(data.Get(killCold, "x-vs-floor").Median), dur(data.Get(killCold, "floor-p50-ns").Median),
			dur(data.Get(killCold, "p99-ns").Median), times(data.Get(killCold, "x-p99-vs-floor").Median)))
	}
	p := pollPeriods[1]
	if s := data.Get(p.bench, "ns/op"); s.Ok() {
		line := fmt.Sprintf("**Polling**: a waiter that wakes every 100 ms to look at a flag takes %s "+
			"on average to see a shutdown; its median delay is %s the median of the kills "+
			"measured beside it (%s)",
			dur(s.Median), times(data.Get(p.bench, "x-vs-kill").Median), dur(data.Get(p.bench, "kill-p50-ns").Median))
		if o := data.Get(pollPeriods[2].bench, "ns/op"); o.Ok() {
			line += fmt.Sprintf("; at the origin story's 5 s, about %s", dur(scaled(o.Median)))
		}
		out = append(out, line+".")
	}
	if w := data.Get(idle, "wait-cpu-ns"); w.Ok() {
		window := num(data.Get(idle, "window-s").Median)
		out = append(out, fmt.Sprintf("**Idle**: blocked in `Wait` for %s s, a process used %s of CPU and "+
			"%s context switches; blocked on an empty channel, %s and %s; polling every 100 ms, %s and %s.",
			window, dur(w.Median), num(data.Get(idle, "wait-ctxsw").Median),
			dur(data.Get(idle, "chan-cpu-ns").Median), num(data.Get(idle, "chan-ctxsw").Median),
			dur(data.Get(idle, "poll100ms-cpu-ns").Median), num(data.Get(idle, "poll100ms-ctxsw").Median)))
	}
	if t := data.Get(stopRun, "typed-to-exit-ms"); t.Ok() {
		gone := t.Median + data.Get(stopRun, "exit-ms").Median
		line := fmt.Sprintf("**Shutdown**: the demo has exited %s after the operator's `P DEMO` "+
			"(median of %s)", dur(gone*1e6), runs(t.N))
		if o := data.Get(pollPeriods[2].bench, "ns/op"); o.Ok() {
			line += fmt.Sprintf("; a 5 s poller notices the STOP %s later on average", dur(scaled(o.Median)))
		}
		out = append(out, line+".")
	}
	if c := data.Get("Throughput/limit=255", "cmds/s"); c.Ok() {
		out = append(out, fmt.Sprintf("**Throughput**: %s operator commands per second from `sim.Command` "+
			"to `Wait` at queue limit 255, %s at the default 5; `Wait` for a queued command takes %s, "+
			"%s allocations.", sig3(c.Median), sig3(data.Get("Throughput/limit=5", "cmds/s").Median),
			dur(data.Get(costRatio, "wait-ns").Median), num(data.Get(costWait, "allocs/op").Median)))
	}
	if x := data.Get(tmRatio, "x-vs-AfterFunc"); x.Ok() {
		line := fmt.Sprintf("**Timers**: `New`+`Start`+`Cancel` %s `time.AfterFunc`+`Stop`; %s per "+
			"pending timer (%s AfterFunc's), no goroutine", times(x.Median),
			size(data.Get(tmPending, "B/Timer").Median), times(data.Get(tmPending, "x-vs-AfterFunc").Median))
		if py := data.Get(pyStart, "ns/op"); py.Ok() {
			line += fmt.Sprintf("; Python's `threading.Timer` takes %s to start and cancel and holds a thread per pending timer",
				dur(py.Median))
		}
		out = append(out, line+".")
	}
	return out
}

func writeReproduce(d *doc, data *Data) {
	d.h(2, "Reproducing")
	d.p("Everything above: `make bench` (scripts/bench.sh; COUNT, KILL_ROUNDS, KILL_COUNT, " +
		"POLL_COUNT, IDLE_WINDOW and DEMO_RUNS change how much it measures). The raw output compares " +
		"between runs with benchstat (golang.org/x/perf/cmd/benchstat): " +
		"`benchstat old/benchmarks.txt bench/benchmarks.txt`. Each part on its own, as " +
		"scripts/bench.sh ran it:")
	var cmds []string
	seen := map[string]bool{}
	for _, r := range data.Results {
		c := r.Config["bench-command"]
		if c != "" && !seen[c] {
			seen[c] = true
			cmds = append(cmds, c)
		}
	}
	d.code(cmds...)
}
