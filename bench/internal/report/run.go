package report

import (
	"fmt"
	"strconv"
	"strings"
)

// runTable describes the machine and the run.
func runTable(data *Data) string {
	c := data.Config
	get := func(k string) string {
		if v := c[k]; v != "" {
			return v
		}
		return "unknown"
	}
	took := "unknown"
	if s, err := strconv.Atoi(c["bench-seconds"]); err == nil {
		took = minSec(s)
	}
	return table([]string{"", ""}, [][]string{
		{"CPU", get("machine-cpu")},
		{"cores", get("machine-cores")},
		{"kernel", get("machine-kernel")},
		{"Go", get("machine-go")},
		{"Python", get("machine-python")},
		{"date", get("machine-date")},
		{"load average (1, 5, 15 min) at the start", get("machine-load-start")},
		{"load average at the end of the Go benchmarks (before the Python step, whose thousand threads the load average counts)", get("machine-load-end")},
		{"the library the throughput is set beside (`AB_BASE`: before the Go wake-up)", abBase(c)},
		{"`make bench` took", took},
	})
}

// abBase names the commit the throughput is set beside, and the patch its tree was
// given, if any.
func abBase(c map[string]string) string {
	base := c["ab-base"]
	switch {
	case base == "":
		return "unknown"
	case c["ab-patch"] == "" || c["ab-patch"] == "none":
		return base
	}
	return fmt.Sprintf("%s, its simulator given %s", base, c["ab-patch"])
}

// minSec writes seconds as minutes and seconds: 4 min 58 s.
func minSec(s int) string { return fmt.Sprintf("%d min %02d s", s/60, s%60) }

// target is one of the module's targets and how this run did.
type target struct {
	what, figure string
	known, met   bool
	explained    bool // its section says why, when it is not met
}

// targetsView is the targets' table, and what the document says of those not met.
type targetsView struct {
	Table       string
	Missed      bool   // a target is not met
	Unexplained string // the targets not met whose sections do not say why
}

// targets judges the module's targets on the data.
func targets(data *Data) []target {
	var out []target
	for _, k := range killSettings {
		for _, e := range killEnds {
			fx, cx := data.Get(k.name, e.prefix+"x-vs-floor"), data.Get(k.name, e.prefix+"x-vs-chan")
			t := target{what: fmt.Sprintf("%s latency, median, settle %s: within %s of the C floor and %s of a goroutine woken from a channel",
				e.what, k.settle, times(killFloorTarget), times(killChanTarget)), explained: true}
			t.known, t.met = killVerdict(fx, cx)
			if fx.Ok() {
				t.figure = fmt.Sprintf("%s and %s (%s against %s and %s)", times(fx.Median), ratioCell(cx),
					dur(data.Get(k.name, e.prefix+"p50-ns").Median), dur(data.Get(k.name, "floor-p50-ns").Median),
					orDash(data.Get(k.name, "chan-p50-ns"), dur))
			}
			out = append(out, t)
		}
	}
	for _, l := range abLimits {
		now, base := throughputName("", l), throughputName("base", l)
		x := data.Paired(now, base, "cmds/s")
		t := target{what: fmt.Sprintf("commands per second, `sim.Command` to `Wait`, queue limit %d: no fewer than the library's before the Go wake-up, its simulator's POST as this one's, run alternately (the median of the run-by-run ratios)", l),
			known: x.Ok()}
		if t.known {
			t.met = x.Median >= 1
			t.figure = fmt.Sprintf("%s run by run (the medians: %s against %s)", times(x.Median),
				sig3(data.Get(now, "cmds/s").Median), sig3(data.Get(base, "cmds/s").Median))
		}
		out = append(out, t)
	}
	for _, f := range idleFigures {
		w, b := data.Get(idle, "wait-"+f.unit), data.Get(idle, "chan-"+f.unit)
		t := target{what: fmt.Sprintf("idle cost, %s over the window: no more than the empty channel's + 10 %%", f.what), known: w.Ok() && b.Ok()}
		if t.known {
			t.met = w.Median <= b.Median*idleTarget
			t.figure = fmt.Sprintf("%s against %s", f.format(w.Median), f.format(b.Median))
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
	x, aw, at := data.Get(wlBelowRatio, "x-vs-text"), data.Get(wlBelowW, "allocs/op"), data.Get(wlBelowText, "allocs/op")
	t := target{what: fmt.Sprintf("wtolog, a record below the console level: within %s of slog's TextHandler, time and allocations",
		times(wtologTarget)), known: x.Ok() && aw.Ok() && at.Ok()}
	if t.known {
		t.met = wtologMet(x.Median, aw.Median, at.Median)
		t.figure = fmt.Sprintf("%s; %s allocations against %s", times(x.Median), num(aw.Median), num(at.Median))
	}
	out = append(out, t)
	secs, err := strconv.Atoi(data.Config["bench-seconds"])
	t = target{what: "`make bench` in under 10 minutes", known: err == nil}
	if t.known {
		t.met = secs < benchBudget
		t.figure = minSec(secs)
	}
	return append(out, t)
}

func targetsOf(data *Data) targetsView {
	var v targetsView
	var rows [][]string
	var unexplained []string
	for _, t := range targets(data) {
		if !t.known {
			figure := t.figure
			if figure == "" {
				figure = "not measured in this run"
			}
			rows = append(rows, []string{t.what, figure, "**not known**"})
			continue
		}
		rows = append(rows, []string{t.what, t.figure, yesNo(t.met)})
		if !t.met {
			v.Missed = true
			if !t.explained {
				unexplained = append(unexplained, t.what)
			}
		}
	}
	v.Table = table([]string{"target", "this run", ""}, rows)
	v.Unexplained = strings.Join(unexplained, "; ")
	return v
}
