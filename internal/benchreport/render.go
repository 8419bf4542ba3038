package benchreport

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Render writes BENCHMARKS.md for the data of one `make bench` run.
func Render(w io.Writer, data *Data) error {
	d := &doc{}
	d.h(1, "Benchmarks")
	d.p("What this module exists for is a wait that ends at once and costs nothing while it " +
		"waits. Each figure here is measured beside a baseline in the same run, and the two " +
		"are compared as a ratio, so that whatever else the machine is doing weighs on both " +
		"sides alike. `make bench` (scripts/bench.sh) measures them, writes the raw output " +
		"to [bench/benchmarks.txt](bench/benchmarks.txt), in the format benchstat reads, and " +
		"writes this file from it (internal/benchreport): edits here are lost at the next run.")
	d.p("Each figure is the median over the runs named beside it, with the lowest and the " +
		"highest in brackets; a percentile is taken over the rounds of one run first.")
	writeRun(d, data)
	writeTargets(d, data)
	d.h(2, "Headlines")
	for _, line := range Headlines(data) {
		d.item("%s", line)
	}
	d.end()
	writeKill(d, data)
	writePolling(d, data)
	writeIdle(d, data)
	writeShutdown(d, data)
	writeThroughput(d, data)
	writeCost(d, data)
	writeTimers(d, data)
	writeReproduce(d, data)
	_, err := io.WriteString(w, strings.TrimRight(d.b.String(), "\n")+"\n")
	return err
}

// writeRun describes the machine and the run.
func writeRun(d *doc, data *Data) {
	d.h(2, "The run")
	c := data.Config
	get := func(k string) string {
		if v := c[k]; v != "" {
			return v
		}
		return "unknown"
	}
	took := "unknown"
	if s, err := strconv.Atoi(c["bench-seconds"]); err == nil {
		took = fmt.Sprintf("%d min %02d s", s/60, s%60)
	}
	d.table([]string{"", ""}, [][]string{
		{"CPU", get("machine-cpu")},
		{"cores", get("machine-cores")},
		{"kernel", get("machine-kernel")},
		{"Go", get("machine-go")},
		{"Python", get("machine-python")},
		{"date", get("machine-date")},
		{"load average (1, 5, 15 min) at the start", get("machine-load-start")},
		{"load average at the end of the Go benchmarks (before the Python step, whose thousand threads the load average counts)", get("machine-load-end")},
		{"`make bench` took", took},
	})
	d.p("Noise: the machine is what it is while `make bench` runs; a load average near or " +
		"above the number of cores means other work shared it, which widens the spreads " +
		"below and lengthens the latencies of both sides of each ratio. Run `make bench` on " +
		"a quiet machine for figures to quote.")
}

// target is one of the module's targets and how this run did.
type target struct {
	what, figure string
	known, met   bool
	explained    bool // its section says why, when it is not met
}

// targets judges the module's targets on the data.
func targets(data *Data) []target {
	var out []target
	for _, k := range []struct{ name, settle string }{{killCold, "20 ms"}, {killHot, "1 ms"}} {
		x := data.Get(k.name, "x-vs-floor")
		t := target{what: fmt.Sprintf("kill latency, median, settle %s: within %s of the C floor", k.settle, times(killTarget)),
			known: x.Ok(), explained: true}
		if t.known {
			t.met = x.Median <= killTarget
			t.figure = fmt.Sprintf("%s (%s against %s)", times(x.Median),
				dur(data.Get(k.name, "p50-ns").Median), dur(data.Get(k.name, "floor-p50-ns").Median))
		}
		out = append(out, t)
	}
	for _, f := range []struct{ what, unit string }{{"CPU time", "cpu-ns"}, {"context switches", "ctxsw"}} {
		w, b := data.Get(idle, "wait-"+f.unit), data.Get(idle, "chan-"+f.unit)
		t := target{what: fmt.Sprintf("idle cost, %s over the window: no more than the empty channel's + 10 %%", f.what), known: w.Ok() && b.Ok()}
		if t.known {
			t.met = w.Median <= b.Median*idleTarget
			t.figure = fmt.Sprintf("%s against %s", idleFigure(f.unit, w.Median), idleFigure(f.unit, b.Median))
		}
		out = append(out, t)
	}
	for _, tm := range []struct{ name, what string }{
		{tmRatio, "timer New+Start+Cancel within %s of time.AfterFunc+Stop (the timer package's target)"},
		{tmPending, "memory per pending timer within %s of time.AfterFunc's (the timer package's target)"},
	} {
		x := data.Get(tm.name, "x-vs-AfterFunc")
		t := target{what: fmt.Sprintf(tm.what, times(timerTarget)), known: x.Ok()}
		if t.known {
			t.met = x.Median <= timerTarget
			t.figure = times(x.Median)
		}
		out = append(out, t)
	}
	secs, err := strconv.Atoi(data.Config["bench-seconds"])
	t := target{what: "`make bench` in under 10 minutes", known: err == nil}
	if t.known {
		t.met = secs < benchBudget
		t.figure = fmt.Sprintf("%d min %02d s", secs/60, secs%60)
	}
	return append(out, t)
}

// idleFigure writes an idle figure in its unit.
func idleFigure(unit string, v float64) string {
	if unit == "cpu-ns" {
		return dur(v)
	}
	return num(v)
}

func writeTargets(d *doc, data *Data) {
	d.h(2, "Targets")
	var rows [][]string
	for _, t := range targets(data) {
		if !t.known {
			rows = append(rows, []string{t.what, "not measured in this run", "**not known**"})
			continue
		}
		rows = append(rows, []string{t.what, t.figure, yesNo(t.met)})
	}
	d.table([]string{"target", "this run", ""}, rows)
	var unexplained []string
	missed := false
	for _, t := range targets(data) {
		if t.known && !t.met {
			missed = true
			if !t.explained {
				unexplained = append(unexplained, t.what)
			}
		}
	}
	switch {
	case len(unexplained) > 0:
		d.p("Not met in this run, and not explained by this document, which reasons only "+
			"about the figures it expects: %s. Their sections give the figures; a run on a "+
			"quiet machine tells whether the miss is the machine's.", strings.Join(unexplained, "; "))
	case missed:
		d.p("Where a target is not met, its section says why.")
	}
}
