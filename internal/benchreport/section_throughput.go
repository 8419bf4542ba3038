package benchreport

import "fmt"

func writeThroughput(d *doc, data *Data) {
	d.h(2, "Command throughput")
	d.p("`BenchmarkThroughput` (zconsole/bench_throughput_sim_test.go): one goroutine types " +
		"`F DEMO,STATUS` at the simulated console with `sim.Command` as fast as the system " +
		"takes it (the console's syntax, the CIB built in the simulated system's storage, " +
		"queued under its lock), and the program takes each command with `Wait` (WAIT, the " +
		"bounded copy out, QEDIT to free the CIB, decoding). When the queue limit (QEDIT " +
		"CIBCTR) is reached the system refuses the command with IEE342I, as MVS does; the " +
		"sender then waits until the program has taken one and types it again. The baseline " +
		"sends the same text over a Go channel with the queue limit's capacity, in chunks " +
		"alternating with the console's.")
	var rows [][]string
	for _, l := range throughputLimits {
		name := fmt.Sprintf("Throughput/limit=%d", l)
		if !data.Has(name) {
			continue
		}
		rows = append(rows, []string{fmt.Sprint(l), withSpread(data.Get(name, "cmds/s"), sig3),
			withSpread(data.Get(name, "ns/op"), dur), withSpread(data.Get(name, "chan-cmds/s"), sig3),
			times(data.Get(name, "x-vs-chan").Median), sig3(data.Get(name, "refused/cmd").Median)})
	}
	if len(rows) == 0 {
		d.p("Not measured in this run.")
		return
	}
	d.table([]string{"queue limit", "commands per second", "time per command", "channel: items per second",
		"time per command vs channel", "refused (IEE342I) per command"}, rows)
	d.p("With a limit of 1, every command waits for the program to wake and take the one " +
		"before it, so each costs a wake-up of a sleeping thread; with 32 or more the " +
		"program finds commands queued, drains them without sleeping, and the rate is set by " +
		"the cost of a command on each side. An operator types a few commands a minute: the " +
		"console is never the bottleneck, and the default limit of 5 refuses a flood " +
		"visibly instead of queueing it.")
	d.reproduce(data, "Throughput/limit=1")
}

func writeCost(d *doc, data *Data) {
	d.h(2, "What one command costs, and allocations")
	d.p("`BenchmarkCommandCostRatio` (zconsole/bench_cost_sim_test.go) splits the program's " +
		"side of a command, in the same run: decoding a CIB already copied out (Go only, " +
		"`decodeCIB` on testdata/cib/modify.hex), a cgo call that does nothing " +
		"(internal/floor's `Nop`: the boundary), and the whole `Wait` for a command already " +
		"queued. `BenchmarkCommandCost` measures each part on its own with its allocations " +
		"(-benchmem; the queueing is not timed or counted), and `BenchmarkPut` (the WTO " +
		"issue's) a WTO against preparing the same message in Go.")
	wait := data.Get(costRatio, "wait-ns")
	if wait.Ok() {
		dec, cgo := data.Get(costRatio, "decode-ns"), data.Get(costRatio, "cgo-ns")
		rows := [][]string{
			{"decode the CIB (Go)", withSpread(dec, dur), sig3(data.Get(costRatio, "pct-decode").Median) + " %"},
			{"the cgo boundary (a call that does nothing)", withSpread(cgo, dur), sig3(data.Get(costRatio, "pct-cgo").Median) + " %"},
			{"**`Wait` for a queued command**: cgo, copy, QEDIT, decode (no WAIT: the chain is drained first)", withSpread(wait, dur), "100 %"},
		}
		if full := data.Get("Throughput/limit=255", "ns/op"); full.Ok() {
			rows = append(rows, []string{"the full path at queue limit 255, `sim.Command` to `Wait` returning (throughput)",
				withSpread(full, dur), "—"})
		}
		d.table([]string{"part", "time per command", "share of `Wait`"}, rows)
		if full := data.Get("Throughput/limit=255", "ns/op"); full.Ok() && full.Median > wait.Median {
			d.p("The rest of the full path, about %s a command, is the operator's side in the "+
				"simulator (`sim.Command`: the console's rules, IBM-1047, building the CIB, the "+
				"log), which a program on z/OS does not pay.", dur(full.Median-wait.Median))
		}
	} else {
		d.p("The split was not measured in this run.")
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
		d.table([]string{"operation", "time", "allocations per op", "bytes per op", "vs baseline"}, rows)
		if a := data.Get(costWait, "allocs/op"); a.Ok() && a.Median == waitAllocs {
			d.p("`Wait`'s %s allocations are the decoded command's two strings (text, console "+
				"name) and the handle's bookkeeping for a waiter (the channel Close waits on); "+
				"the storage C writes its results into is kept from one Wait to the next.",
				num(waitAllocs))
		}
	}
	d.reproduce(data, costRatio, costWait)
}

// waitAllocs is how many allocations a Wait for a queued command makes, as the text
// explains them.
const waitAllocs = 3
