package report

import "fmt"

// throughputView is the throughput section's table, "" when BenchmarkThroughput did
// not run; AB, the table of the library beside the base's, "" when the base's did not
// run; Base, the base's commit.
type throughputView struct {
	Table, AB, Base string
	Commands        []string
}

// pairedCell writes run-by-run ratios: their median, and their spread over the pairs.
func pairedCell(s Summary) string {
	if !s.Ok() {
		return "—"
	}
	if s.N == 1 {
		return times(s.Median) + " (1 pair)"
	}
	return fmt.Sprintf("%s (%s–%s, %d pairs)", times(s.Median), times(s.Min), times(s.Max), s.N)
}

func throughputOf(data *Data) throughputView {
	v := throughputView{Commands: data.Commands(throughputName("", 1), throughputName("", abLimits[0]), throughputName("base", abLimits[0])),
		Base: data.Config["ab-base"]}
	var rows [][]string
	for _, l := range throughputLimits {
		name := throughputName("", l)
		if !data.Has(name) {
			continue
		}
		rows = append(rows, []string{fmt.Sprint(l), withSpread(data.Get(name, "cmds/s"), sig3),
			withSpread(data.Get(name, "ns/op"), dur), withSpread(data.Get(name, "chan-cmds/s"), sig3),
			times(data.Get(name, "x-vs-chan").Median), sig3(data.Get(name, "refused/cmd").Median)})
	}
	if len(rows) > 0 {
		v.Table = table([]string{"queue limit", "commands per second", "time per command", "channel: items per second",
			"time per command vs channel", "refused (IEE342I) per command"}, rows)
	}
	var ab [][]string
	for _, l := range abLimits {
		now, base := throughputName("", l), throughputName("base", l)
		if !data.Has(base) {
			continue
		}
		n, b := data.Get(now, "cmds/s"), data.Get(base, "cmds/s")
		ab = append(ab, []string{fmt.Sprint(l), withSpread(n, sig3), withSpread(b, sig3), pairedCell(data.Paired(now, base, "cmds/s")),
			sig3(data.Get(now, "refused/cmd").Median), sig3(data.Get(base, "refused/cmd").Median)})
	}
	if len(ab) > 0 {
		v.AB = table([]string{"queue limit", "commands per second, this library", "before the Go wake-up", "ratio, run by run",
			"refused per command, this library", "before"}, ab)
	}
	return v
}

// costView is the cost section: the split of a Wait into its parts, the rest of the
// full path, and the allocations. Split and Allocs are "" where they were not measured;
// WaitAllocs is the count the text explains, "" when the run's count is another.
type costView struct {
	Split, Rest, Allocs, WaitAllocs string
	Commands                        []string
}

// waitAllocs is how many allocations a Wait for a queued command makes, as the text
// explains them.
const waitAllocs = 2

func costOf(data *Data) costView {
	v := costView{Commands: data.Commands(costRatio, costWait, costCgo)}
	if wait := data.Get(costRatio, "wait-ns"); wait.Ok() {
		rows := [][]string{
			{"decode the CIB (Go)", withSpread(data.Get(costRatio, "decode-ns"), dur), sig3(data.Get(costRatio, "pct-decode").Median) + " %"},
			{"the cgo boundary (a call that does nothing)", withSpread(data.Get(costRatio, "cgo-ns"), dur), sig3(data.Get(costRatio, "pct-cgo").Median) + " %"},
			{"**`Wait` for a queued command**: cgo, copy, QEDIT, decode (no WAIT: the chain is drained first)", withSpread(wait, dur), "100 %"},
		}
		if full := data.Get(throughputName("", 255), "ns/op"); full.Ok() {
			rows = append(rows, []string{"the full path at queue limit 255, `sim.Command` to `Wait` returning (throughput)",
				withSpread(full, dur), "—"})
			if full.Median > wait.Median {
				v.Rest = dur(full.Median - wait.Median)
			}
		}
		v.Split = table([]string{"part", "time per command", "share of `Wait`"}, rows)
	}
	var rows [][]string
	for _, a := range []struct{ label, name string }{
		{"`Wait`, a queued command", costWait}, {"decode only", costDec}, {"cgo call", costCgo},
		{"`Put`, one line", putOne}, {"`Put`, ten lines", putTen},
	} {
		if !data.Has(a.name) {
			continue
		}
		row := []string{a.label, withSpread(data.Get(a.name, "ns/op"), dur),
			num(data.Get(a.name, "allocs/op").Median), num(data.Get(a.name, "B/op").Median)}
		if x := data.Get(a.name, "x-prepare"); x.Ok() {
			row = append(row, times(x.Median)+" preparing it in Go")
		} else {
			row = append(row, "—")
		}
		rows = append(rows, row)
	}
	if len(rows) > 0 {
		v.Allocs = table([]string{"operation", "time", "allocations per op", "bytes per op", "vs baseline"}, rows)
		if a := data.Get(costWait, "allocs/op"); a.Ok() && a.Median == waitAllocs {
			v.WaitAllocs = num(waitAllocs)
		}
	}
	return v
}
