package report

// shutdownView is the demo's shutdown section: its table, and the poller it is set
// against.
type shutdownView struct {
	Table    string            // "" when the demo did not run
	Baseline *shutdownBaseline // nil where the demo's STOP or the 1 s poller was not measured
	Commands []string
}

// shutdownBaseline sets the demo's exit after a STOP against a 5 s poller's delay,
// scaled from the 1 s poller's (Poll); X is how many times longer the poller takes.
type shutdownBaseline struct{ Origin, Poll, Gone, X string }

func shutdownOf(data *Data) shutdownView {
	v := shutdownView{Commands: data.Commands(stopRun)}
	if !data.Has(stopRun) && !data.Has(idleRun) {
		return v
	}
	ms := func(v float64) string { return dur(v * 1e6) }
	cell := func(name, unit string) string {
		s := data.Get(name, unit)
		if !s.Ok() {
			return "—"
		}
		return withSpread(s, ms)
	}
	v.Table = table([]string{"script", "P typed → about to exit", "stop seen → about to exit", "of which draining work",
		"closing server and console", "last line → process reaped", "whole process"},
		[][]string{
			{"bench-stop (operator STOP)", cell(stopRun, "typed-to-exit-ms"), cell(stopRun, "stop-to-exit-ms"),
				cell(stopRun, "drain-ms"), cell(stopRun, "close-ms"), cell(stopRun, "exit-ms"), cell(stopRun, "process-ms")},
			{"bench-idle (idle period 0.2 s)", "—", cell(idleRun, "stop-to-exit-ms"),
				cell(idleRun, "drain-ms"), cell(idleRun, "close-ms"), cell(idleRun, "exit-ms"), cell(idleRun, "process-ms")},
		})
	typed := data.Get(stopRun, "typed-to-exit-ms").Median + data.Get(stopRun, "exit-ms").Median
	if poll := data.Get(pollPeriods[2].bench, "ns/op"); typed > 0 && poll.Ok() {
		origin := scaled(poll.Median)
		v.Baseline = &shutdownBaseline{dur(origin), dur(poll.Median), dur(typed * 1e6),
			times(origin / (typed * 1e6))}
	}
	return v
}
