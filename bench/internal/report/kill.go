package report

import "fmt"

// killSide is one side of BenchmarkKill: its label and the prefix of its figures.
type killSide struct {
	label, prefix string
}

var killSides = []killSide{
	{"floor (C)", "floor-"},
	{"a goroutine woken from a channel (Go)", "chan-"},
	{"a goroutine woken from a context's Done by its cancel (Go)", "done-"},
	{"cgo handoff: a goroutine asleep in C", "cgo-"},
	{"cgo handoff, the part C sees", "cgo-c-"},
	{"**kill**: `Kill` to `Wait`'s return", ""},
	{"**context**: `cancel` to `WaitContext`'s return", "ctx-"},
	{"the WAIT ended by the kill's POST, from C threads", "ckill-"},
	{"the same through the binding (`c.Watch`, `c.Kill`)", "watch-"},
	{"`Close` with a `Wait` blocked, its own time", "close-"},
}

// killSettings are BenchmarkKill's settle times, in the order the document gives them.
var killSettings = []struct{ name, settle string }{{killCold, "20 ms"}, {killMid, "2 ms"}, {killHot, "1 ms"}}

// killEnds are the two ways a blocked wait is ended that have targets: the kill, and
// a WaitContext's cancel; their prefixes, and what the document calls them.
var killEnds = []struct{ prefix, what string }{{"", "kill"}, {"ctx-", "context"}}

// killVerdict judges a kill target on the median ratios to the floor and to the
// channel: known once either decides it (a ratio to the floor above the target fails
// it whatever the channel's).
func killVerdict(floor, ch Summary) (known, met bool) {
	switch {
	case !floor.Ok():
		return false, false
	case floor.Median > killFloorTarget:
		return true, false
	case !ch.Ok():
		return false, false
	}
	return true, ch.Median <= killChanTarget
}

// killView is the kill section: its table, its targets, where the time goes at
// settle 20 ms, and why a target was missed.
type killView struct {
	CgoFasterHot string // the cgo handoff's ratio at 1 ms, when it came out below the floor's
	Table        string // "" when BenchmarkKill did not run
	Rounds       string
	Targets      []killTargetLine
	Parts        *killParts
	Why          []killWhy
	Commands     []string
}

// killTargetLine is one target as the section states it: the ratios, the spread of the
// one to the floor, and the verdict ("not known" where a side was not measured).
type killTargetLine struct{ Settle, What, FloorX, Spread, ChanX, Verdict string }

func killOf(data *Data) killView {
	v := killView{Commands: data.Commands(killCold)}
	if x := data.Get(killHot, "cgo-x-vs-floor"); x.Ok() && x.Median < 1 {
		v.CgoFasterHot = times(x.Median)
	}
	var rows [][]string
	for _, k := range killSettings {
		for _, side := range killSides {
			p50, p99 := data.Get(k.name, side.prefix+"p50-ns"), data.Get(k.name, side.prefix+"p99-ns")
			if !p50.Ok() {
				continue
			}
			x50, x99, xch := "1×", "1×", "—"
			if side.prefix != "floor-" {
				x50 = ratioCell(data.Get(k.name, side.prefix+"x-vs-floor"))
				x99 = ratioCell(data.Get(k.name, side.prefix+"x-p99-vs-floor"))
			}
			if side.prefix == "" || side.prefix == "ctx-" {
				xch = ratioCell(data.Get(k.name, side.prefix+"x-vs-chan"))
			}
			rows = append(rows, []string{k.settle, side.label, withSpread(p50, dur), withSpread(p99, dur), x50, x99, xch})
		}
	}
	if len(rows) == 0 {
		return v
	}
	v.Table = table([]string{"settle", "side", "median (p50)", "99th percentile", "p50 vs floor", "p99 vs floor", "p50 vs channel"}, rows)
	v.Rounds = num(float64(iters(data, killCold)))
	for _, k := range killSettings {
		for _, e := range killEnds {
			fx, cx := data.Get(k.name, e.prefix+"x-vs-floor"), data.Get(k.name, e.prefix+"x-vs-chan")
			if !fx.Ok() {
				continue
			}
			known, met := killVerdict(fx, cx)
			verdict := "**not known**: no channel side in this run"
			if known {
				verdict = yesNo(met)
			}
			v.Targets = append(v.Targets, killTargetLine{k.settle, e.what, times(fx.Median), spread(fx, times),
				ratioCell(cx), verdict})
			if known && !met {
				v.Why = append(v.Why, killWhyAt(data, k.name, k.settle, e.prefix, e.what))
			}
		}
	}
	v.Parts = killPartsOf(data)
	return v
}

// killParts splits the medians at settle 20 ms by the differences between the sides:
// OnWay, what lies between the waker's call and the Wait's return; OffWay, what comes
// after, off the Wait's way (the WAIT's end, Close). CgoIn, CgoC and CgoOut are the cgo
// handoff's own parts, from the floor's readings in C; "" where the run did not report
// them.
type killParts struct{ Floor, OnWay, OffWay, CgoIn, CgoC, CgoOut string }

// killPartsOf returns the parts at settle 20 ms, or nil unless the floor, the channel
// and the kill were measured.
func killPartsOf(data *Data) *killParts {
	get := func(unit string) Summary { return data.Get(killCold, unit) }
	floor, ch, kill, ctx := get("floor-p50-ns"), get("chan-p50-ns"), get("p50-ns"), get("ctx-p50-ns")
	if !floor.Ok() || !ch.Ok() || !kill.Ok() {
		return nil
	}
	cell := func(s Summary, f func(float64) string) string {
		if !s.Ok() {
			return "not measured"
		}
		return f(s.Median)
	}
	beyond := func(s Summary) string {
		if !s.Ok() {
			return "not measured"
		}
		return delta(s.Median - ch.Median)
	}
	cgo, done := get("cgo-p50-ns"), get("done-p50-ns")
	ctxBeyond, ctxPkg := beyond(ctx), "not measured"
	if done.Ok() {
		ctxPkg = delta(done.Median - ch.Median)
		if ctx.Ok() {
			ctxBeyond = delta(ctx.Median - done.Median)
		}
	}
	p := &killParts{Floor: dur(floor.Median), OnWay: table([]string{"part", "kill", "context"}, [][]string{
		{"the Go wake-up: a goroutine blocked on a channel, woken by close (the channel side)", dur(ch.Median), dur(ch.Median)},
		{"the context package's own part beyond it: a goroutine blocked on a context's Done, woken by its cancel, less the channel", "—", ctxPkg},
		{"the handle's own path beyond that: the kill less the channel, the context less the context's own wake-up", beyond(kill), ctxBeyond},
		{"**the whole**, `time.Now` to `time.Now`", dur(kill.Median), cell(ctx, dur)},
		{"the waker's call as it sees it: `Kill` (its POST included, after the Wait has run), `cancel`",
			cell(get("kill-call-p50-ns"), dur), cell(get("ctx-call-p50-ns"), dur)},
		{"the baselines' calls beside them: the channel's `close`; the `cancel` of a context no handle waits on (the context's Done side)",
			cell(get("chan-call-p50-ns"), dur), cell(get("done-call-p50-ns"), dur)},
		{"for comparison: the same wake-up of a goroutine asleep in C (the cgo handoff), the least a Wait asleep in the system would take",
			cell(cgo, dur), cell(cgo, dur)},
	})}
	var off [][]string
	for _, o := range []struct{ label, prefix string }{
		{"the system's WAIT ended by the kill's POST, between two C threads: the protocol's C, the simulated MVS", "ckill-"},
		{"the same from goroutines through the binding: the POST's cgo call, the goroutine in the WAIT back in Go", "watch-"},
		{"`Close` with a `Wait` blocked, its own time: the kill, the POST, the WAIT's end, its goroutine joined, QEDIT CIBCTR=0, the storage freed", "close-"},
	} {
		if s := get(o.prefix + "p50-ns"); s.Ok() {
			off = append(off, []string{o.label, withSpread(s, dur), times(get(o.prefix + "x-vs-floor").Median)})
		}
	}
	if len(off) > 0 {
		p.OffWay = table([]string{"after the Wait has returned", "median", "vs floor"}, off)
	}
	in, c, out := get("cgo-in-p50-ns"), get("cgo-c-p50-ns"), get("cgo-out-p50-ns")
	if in.Ok() && c.Ok() && out.Ok() {
		p.CgoIn, p.CgoC, p.CgoOut = dur(in.Median), dur(c.Median), dur(out.Median)
	}
	return p
}

// killWhy says, for a target missed at one settle time, where the time beyond it went.
// Chan is nil for a run with no channel side (one that measured a Wait asleep in the
// system); Cgo is "" where the cgo handoff was not measured.
type killWhy struct {
	Settle, What, X, Side, Floor string
	Chan                         *killWhyChan
	Cgo, CgoX                    string
}

// killWhyChan is the Go wake-up beside the side: the channel's median and ratio to the
// floor, the side's ratio to the channel, the rest of the side beyond the channel, and
// the waker's call (Kill, cancel). For the context, Done is the context's own wake-up
// (a goroutine woken from a context's Done by its cancel) and DoneX its ratio to the
// channel, and Own is what the handle adds to it; "" where it was not measured.
type killWhyChan struct{ Chan, ChanX, X, Own, Call, Done, DoneX string }

// killWhyAt says where the side with prefix (called what) spent its time at the settle
// time of benchmark name.
func killWhyAt(data *Data, name, settle, prefix, what string) killWhy {
	get := func(unit string) Summary { return data.Get(name, unit) }
	side, floor := get(prefix+"p50-ns").Median, get("floor-p50-ns").Median
	w := killWhy{Settle: settle, What: what, X: times(get(prefix + "x-vs-floor").Median), Side: dur(side), Floor: dur(floor)}
	if ch := get("chan-p50-ns"); ch.Ok() {
		call := "kill-call-p50-ns"
		if prefix == "ctx-" {
			call = "ctx-call-p50-ns"
		}
		w.Chan = &killWhyChan{Chan: dur(ch.Median), ChanX: times(get("chan-x-vs-floor").Median),
			X: ratioCell(get(prefix + "x-vs-chan")), Own: delta(side - ch.Median), Call: orDash(get(call), dur)}
		if done := get("done-p50-ns"); prefix == "ctx-" && done.Ok() {
			w.Chan.Done, w.Chan.DoneX, w.Chan.Own = dur(done.Median), times(done.Median/ch.Median), delta(side-done.Median)
		}
	}
	if cgo := get("cgo-p50-ns"); cgo.Ok() {
		w.Cgo, w.CgoX = dur(cgo.Median), times(get("cgo-x-vs-floor").Median)
	}
	return w
}

// ratioCell writes the median of a ratio, or a dash where there is none.
func ratioCell(s Summary) string { return orDash(s, times) }

// orDash writes the median of s with f, or a dash where there is none.
func orDash(s Summary, f func(float64) string) string {
	if !s.Ok() {
		return "—"
	}
	return f(s.Median)
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
