package report

import "fmt"

// killSide is one side of BenchmarkKill: its label and the prefix of its figures.
type killSide struct {
	label, prefix string
}

var killSides = []killSide{
	{"floor (C)", "floor-"},
	{"cgo handoff, the part C sees", "cgo-c-"},
	{"cgo handoff", "cgo-"},
	{"kill from C threads", "ckill-"},
	{"kill through the binding, no Handle", "bind-"},
	{"**kill**", ""},
}

var killSettings = []struct{ name, settle string }{{killCold, "20 ms"}, {killHot, "1 ms"}}

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

type killTargetLine struct{ Settle, Target, X, Spread, Verdict string }

// killParts splits the medians at settle 20 ms by the differences between the sides.
// CgoIn, CgoC and CgoOut are the cgo handoff's own parts, from the floor's readings in
// C; "" where the run did not report them.
type killParts struct{ Floor, Table, CgoIn, CgoC, CgoOut string }

// killWhy says, for a settle time whose target is not met, where the kill's time
// beyond the floor went. Split, FromC, Bind and Hot are nil where the run did not
// measure what they need.
type killWhy struct {
	Settle, X, Kill, Floor, Beyond, CgoExtra, Cgo, CgoX, Own string

	Split *killSplit
	FromC *killFromC
	Bind  *killBind
	Hot   *killWarm
}

// killSplit is the kill's time beyond the cgo handoff's, by the parts table: in C, on
// the way into C and back, in the Handle.
type killSplit struct{ InC, Ways, Handle string }

// killBind is the kill through the binding, and the kill's extra over the cgo handoff
// without the Handle and with it.
type killBind struct{ Bind, X, Without, Extra, With string }

// killWarm is the kill's extra over the cgo handoff at settle 1 ms, and at 20 ms.
type killWarm struct{ Hot, Cold string }

// killFromC is what the kill from C threads tells. AtFloor: it is within the spread of
// the floor itself. Ways, when not "": the way into C and back from goroutines costs
// more around the console's C (Ways) than around the floor's (CgoWays).
type killFromC struct {
	CKill, X      string
	AtFloor       bool
	Ways, CgoWays string
}

// killCLike is how far above the floor the kill from C threads may be and still count
// as the floor: the spread between runs of the floor itself.
const killCLike = 1.15

func killOf(data *Data) killView {
	v := killView{Commands: data.Commands(killCold)}
	if x := data.Get(killHot, "cgo-x-vs-floor"); x.Ok() && x.Median < 1 {
		v.CgoFasterHot = times(x.Median)
	}
	var rows [][]string
	for _, k := range killSettings {
		if !data.Has(k.name) {
			continue
		}
		for _, side := range killSides {
			p50, p99 := data.Get(k.name, side.prefix+"p50-ns"), data.Get(k.name, side.prefix+"p99-ns")
			x50, x99 := "1×", "1×"
			if side.prefix != "floor-" {
				x50 = ratioCell(data.Get(k.name, side.prefix+"x-vs-floor"))
				x99 = ratioCell(data.Get(k.name, side.prefix+"x-p99-vs-floor"))
			}
			rows = append(rows, []string{k.settle, side.label, withSpread(p50, dur), withSpread(p99, dur), x50, x99})
		}
	}
	if len(rows) == 0 {
		return v
	}
	v.Table = table([]string{"settle", "side", "median (p50)", "99th percentile", "p50 vs floor", "p99 vs floor"}, rows)
	v.Rounds = num(float64(iters(data, killCold)))
	for _, k := range killSettings {
		if x := data.Get(k.name, "x-vs-floor"); x.Ok() {
			v.Targets = append(v.Targets, killTargetLine{k.settle, times(killTarget), times(x.Median),
				spread(x, times), yesNo(x.Median <= killTarget)})
		}
	}
	v.Parts = killPartsOf(data)
	for _, k := range killSettings {
		if x := data.Get(k.name, "x-vs-floor"); x.Ok() && x.Median > killTarget {
			v.Why = append(v.Why, killWhyAt(data, k.name, k.settle, x.Median, v.Parts != nil))
		}
	}
	return v
}

// sides are the medians of BenchmarkKill's sides at one settle time: the floor, the cgo
// handoff, the kill from C threads, the kill through the binding, and the kill.
type sides struct{ floor, cgo, ckill, bind, kill float64 }

func sidesAt(data *Data, name string) sides {
	get := func(unit string) float64 { return data.Get(name, unit).Median }
	return sides{get("floor-p50-ns"), get("cgo-p50-ns"), get("ckill-p50-ns"), get("bind-p50-ns"), get("p50-ns")}
}

// all reports whether every side was measured.
func (s sides) all() bool {
	return s.floor > 0 && s.cgo > 0 && s.ckill > 0 && s.bind > 0 && s.kill > 0
}

// killPartsOf splits the settle-20-ms medians by the differences between the sides:
// what the same wake-up costs between two C threads, what the way into C and back from
// goroutines adds, and of that what the Handle adds. It returns nil unless every side
// was measured.
func killPartsOf(data *Data) *killParts {
	s := sidesAt(data, killCold)
	if !s.all() {
		return nil
	}
	get := func(unit string) float64 { return data.Get(killCold, unit).Median }
	cgoCall, bindCall, killCall := get("cgo-call-p50-ns"), get("bind-call-p50-ns"), get("kill-call-p50-ns")
	p := &killParts{Floor: dur(s.floor), Table: table(
		[]string{"part", "cgo handoff", "kill through the binding", "kill", "the kill's extra over the cgo handoff"},
		[][]string{
			{"in C, between two C threads: the floor's handoff; for the kill, the same kill run from C threads",
				dur(s.floor), dur(s.ckill), dur(s.ckill), delta(s.ckill - s.floor)},
			{"the way into C and back from goroutines: the side's whole less its part in C",
				delta(s.cgo - s.floor), delta(s.bind - s.ckill), delta(s.kill - s.ckill),
				delta((s.kill - s.ckill) - (s.cgo - s.floor))},
			{"of which the Handle, its lock and state: the kill less the kill through the binding",
				"—", "—", delta(s.kill - s.bind), delta(s.kill - s.bind)},
			{"**the whole**, `time.Now` to `time.Now`", dur(s.cgo), dur(s.bind), dur(s.kill), delta(s.kill - s.cgo)},
			{"the waker's call as it sees it: Post, or Kill", dur(cgoCall), dur(bindCall), dur(killCall), delta(killCall - cgoCall)},
		})}
	in, c, out := data.Get(killCold, "cgo-in-p50-ns"), data.Get(killCold, "cgo-c-p50-ns"), data.Get(killCold, "cgo-out-p50-ns")
	if in.Ok() && c.Ok() && out.Ok() {
		p.CgoIn, p.CgoC, p.CgoOut = dur(in.Median), dur(c.Median), dur(out.Median)
	}
	return p
}

// killWhyAt says where the kill's time beyond the floor went at the settle time of
// benchmark name, where the kill's median was x times the floor's; split says whether
// the parts table (settle 20 ms) is there to refer to.
func killWhyAt(data *Data, name, settle string, x float64, split bool) killWhy {
	s := sidesAt(data, name)
	w := killWhy{Settle: settle, X: times(x), Kill: dur(s.kill), Floor: dur(s.floor),
		Beyond: delta(s.kill - s.floor), CgoExtra: delta(s.cgo - s.floor), Cgo: dur(s.cgo),
		CgoX: times(data.Get(name, "cgo-x-vs-floor").Median), Own: delta(s.kill - s.cgo)}
	if split && name == killCold {
		w.Split = &killSplit{delta(s.ckill - s.floor),
			delta((s.bind - s.ckill) - (s.cgo - s.floor)), delta(s.kill - s.bind)}
	}
	if ck := data.Get(name, "ckill-x-vs-floor"); ck.Ok() {
		w.FromC = &killFromC{CKill: dur(s.ckill), X: times(ck.Median), AtFloor: ck.Median <= killCLike}
		if s.bind > 0 && s.bind-s.ckill > s.cgo-s.floor {
			w.FromC.Ways, w.FromC.CgoWays = delta(s.bind-s.ckill), delta(s.cgo-s.floor)
		}
	}
	if s.bind > 0 {
		w.Bind = &killBind{dur(s.bind),
			times(data.Get(name, "bind-x-vs-floor").Median), delta(s.bind - s.cgo), delta(s.kill - s.cgo), delta(s.kill - s.bind)}
	}
	if name == killCold {
		hot := sidesAt(data, killHot)
		if hot.kill > 0 && hot.kill-hot.cgo < s.kill-s.cgo {
			w.Hot = &killWarm{delta(hot.kill - hot.cgo), delta(s.kill - s.cgo)}
		}
	}
	return w
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
