package report

import (
	"fmt"
	"time"
)

// scaled is a figure of the 1 s poller scaled to the origin story's 5 s.
func scaled(v float64) float64 { return v * float64(originPeriod) / float64(time.Second) }

// pollingView is the polling section: its table, and what one wake-up costs.
type pollingView struct {
	Table    string       // "" when BenchmarkPolling did not run
	PerWake  *pollingWake // nil where the 100 ms poller's wake-ups were not measured
	Commands []string
}

// pollingWake is what one wake-up of a poller costs its process, from the 100 ms
// poller's CPU time and switches over its wake-ups; IdleMet, whether the blocked Wait
// met the idle targets in the same run.
type pollingWake struct {
	CPU, Sw, Total, Wakes string
	IdleMet               bool
}

func pollingOf(data *Data) pollingView {
	v := pollingView{Commands: data.Commands(pollPeriods[0].bench)}
	window := data.Get(idle, "window-s").Median
	// The kill row is the kill rounds run beside the 100 ms pollers; each poller's ratio
	// is against the kill rounds of its own benchmark.
	kb := pollPeriods[1].bench
	rows := [][]string{{"**ECB kill** (`Wait`), the rounds beside the 100 ms pollers",
		withSpread(data.Get(kb, "kill-mean-ns"), dur), withSpread(data.Get(kb, "kill-p50-ns"), dur),
		withSpread(data.Get(kb, "kill-p99-ns"), dur), "0", idleCell(data.Get(idle, "wait-cpu-ns"), dur),
		idleCell(data.Get(idle, "wait-ctxsw"), num), "1×"}}
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
		return v
	}
	v.Table = table([]string{"waiter", "shutdown delay: mean", "median", "longest (p99 for the kill)", "wake-ups per second",
		fmt.Sprintf("idle CPU over %s s", num(window)), fmt.Sprintf("context switches over %s s", num(window)), "median vs the kill"}, rows)
	p100 := pollPeriods[1]
	if cpu, w := data.Get(idle, p100.idle+"-cpu-ns").Median, data.Get(p100.bench, "wakeups/s").Median*window; w > 0 {
		v.PerWake = &pollingWake{dur(cpu / w), sig3(data.Get(idle, p100.idle+"-ctxsw").Median / w), dur(cpu), sig3(w), idleMet(data)}
	}
	return v
}

// idleCell writes an idle figure, or a dash where the idle benchmark did not run.
func idleCell(s Summary, f func(float64) string) string {
	if !s.Ok() {
		return "—"
	}
	return f(s.Median)
}

// idleFigures are the two figures of an idle process the targets hold, and how each is
// written.
var idleFigures = []struct {
	what, unit string
	format     func(float64) string
}{{"CPU time", "cpu-ns", dur}, {"context switches", "ctxsw", num}}

// idleView is the idle section: its table, and each target's figures.
type idleView struct {
	Table, Window string // Table is "" when BenchmarkIdle did not run
	CPU, Sw       idleVerdict
	Met           bool // both targets met: the blocked Wait cost no more than the channel
	Commands      []string
}

func idleOf(data *Data) idleView {
	v := idleView{Commands: data.Commands(idle)}
	if !data.Has(idle) {
		return v
	}
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
	v.Window = num(data.Get(idle, "window-s").Median)
	v.Table = table([]string{"process", "CPU time", "clock ticks", "context switches", "threads", "CPU vs channel", "switches vs channel"}, rows)
	for i, f := range idleFigures {
		w, b := data.Get(idle, "wait-"+f.unit).Median, data.Get(idle, "chan-"+f.unit).Median
		t := &v.CPU
		if i == 1 {
			t = &v.Sw
		}
		t.Wait, t.Chan, t.Verdict = f.format(w), f.format(b), yesNo(w <= b*idleTarget)
	}
	v.Met = idleMet(data)
	return v
}

// idleVerdict is one idle target: the blocked Wait's figure, the channel's, and whether
// the target is met.
type idleVerdict struct{ Wait, Chan, Verdict string }

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
	for _, f := range idleFigures {
		w, b := data.Get(idle, "wait-"+f.unit), data.Get(idle, "chan-"+f.unit)
		if !w.Ok() || !b.Ok() || w.Median > b.Median*idleTarget {
			return false
		}
	}
	return true
}
