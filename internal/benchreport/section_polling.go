package benchreport

import (
	"fmt"
	"time"
)

// scaled is a figure of the 1 s poller scaled to the origin story's 5 s.
func scaled(v float64) float64 { return v * float64(originPeriod) / float64(time.Second) }

func writePolling(d *doc, data *Data) {
	d.h(2, "Polling baseline: the origin story's third attempt")
	d.p("The origin story's third attempt could not wait for two things at once, so its " +
		"timeout task slept 5 seconds, woke, and looked at a shutdown flag, again and again: " +
		"it \"can delay up to 5 seconds before shutting down\", and a shorter sleep \"uses " +
		"more CPU while doing nothing constructive\". `BenchmarkPolling` " +
		"(zconsole/bench_poll_sim_test.go, `pollUntil`) runs 50 such waiters, their phases " +
		"spread evenly over one period, sets the flag, and measures how long each takes to " +
		"see it; in the same op it runs 20 kill rounds (settle 20 ms), and each poller's " +
		"ratio is its median delay over the median of the kills in its own benchmark. The periods are scaled " +
		"down from 5 s; the delay scales with the period (evenly spread between 0 and the " +
		"period, half of it on average), so the 5 s row is the 1 s row times five, not a " +
		"measurement. The idle columns come from `BenchmarkIdle` (next section): each poller " +
		"alone in a process for the window.")
	window := data.Get(idle, "window-s").Median
	wait := data.Get(idle, "wait-cpu-ns")
	waitSw := data.Get(idle, "wait-ctxsw")
	// The kill row is the kill rounds run beside the 100 ms pollers; each poller's ratio
	// is against the kill rounds of its own benchmark.
	kb := pollPeriods[1].bench
	rows := [][]string{{"**ECB kill** (`Wait`), the rounds beside the 100 ms pollers",
		withSpread(data.Get(kb, "kill-mean-ns"), dur), withSpread(data.Get(kb, "kill-p50-ns"), dur),
		withSpread(data.Get(kb, "kill-p99-ns"), dur), "0", idleCell(wait, dur), idleCell(waitSw, num), "1×"}}
	var last pollPeriod
	for _, p := range pollPeriods {
		if !data.Has(p.bench) {
			continue
		}
		last = p
		rows = append(rows, []string{"poll every " + period(p.period),
			withSpread(data.Get(p.bench, "ns/op"), dur), withSpread(data.Get(p.bench, "p50-ns"), dur),
			withSpread(data.Get(p.bench, "max-ns"), dur), sig3(data.Get(p.bench, "wakeups/s").Median),
			idleCell(data.Get(idle, p.idle+"-cpu-ns"), dur), idleCell(data.Get(idle, p.idle+"-ctxsw"), num),
			times(data.Get(p.bench, "x-vs-kill").Median)})
	}
	if last.period == time.Second {
		cpu := data.Get(idle, last.idle+"-cpu-ns").Median
		sw := data.Get(idle, last.idle+"-ctxsw").Median
		perWake := window * float64(time.Second) / float64(originPeriod) // wake-ups in the window at 5 s
		wakes := data.Get(last.bench, "wakeups/s").Median * window       // measured wake-ups in the window at 1 s
		cpuCell, swCell := "—", "—"
		if wakes > 0 && window > 0 {
			cpuCell = "≈ " + dur(cpu/wakes*perWake)
			swCell = "≈ " + sig3(sw/wakes*perWake)
		}
		rows = append(rows, []string{"poll every 5 s (origin story; scaled)",
			"≈ " + dur(scaled(data.Get(last.bench, "ns/op").Median)), "≈ " + dur(scaled(data.Get(last.bench, "p50-ns").Median)),
			"≈ " + dur(scaled(data.Get(last.bench, "max-ns").Median)), sig3(float64(time.Second) / float64(originPeriod)),
			cpuCell, swCell, "≈ " + times(scaled(data.Get(last.bench, "x-vs-kill").Median))})
	}
	if len(rows) == 1 {
		d.p("Not measured in this run.")
		return
	}
	d.table([]string{"waiter", "shutdown delay: mean", "median", "longest (p99 for the kill)", "wake-ups per second",
		fmt.Sprintf("idle CPU over %s s", num(window)), fmt.Sprintf("context switches over %s s", num(window)), "median vs the kill"}, rows)
	p100 := pollPeriods[1]
	if cpu, w := data.Get(idle, p100.idle+"-cpu-ns").Median, data.Get(p100.bench, "wakeups/s").Median*window; w > 0 {
		d.p("Each wake-up of a poller costs its process about %s of CPU and %s context switches "+
			"(the 100 ms poller: %s over %s wake-ups): the Go runtime's timer, the thread that "+
			"sleeps for it, and its monitor all wake.",
			dur(cpu/w), sig3(data.Get(idle, p100.idle+"-ctxsw").Median/w), dur(cpu), sig3(w))
		if idleMet(data) {
			d.p("The blocked `Wait` costs nothing of the kind in this run (the idle section), " +
				"and ends the wait in microseconds, not in half a period.")
		}
	}
	d.reproduce(data, pollPeriods[0].bench)
}

// idleCell writes an idle figure, or a dash where the idle benchmark did not run.
func idleCell(s Summary, f func(float64) string) string {
	if !s.Ok() {
		return "—"
	}
	return f(s.Median)
}
