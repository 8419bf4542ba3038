package benchreport

func writeShutdown(d *doc, data *Data) {
	d.h(2, "Shutdown: the demo")
	d.p("`scripts/bench/shutdown.go` runs the demo (`bin/demo`, built with -tags zconsolesim) " +
		"several times with each of two operator scripts, and reads its last line, " +
		"`shutdown: cause=... stop_to_exit_ms=... drain_ms=... close_ms=... [typed_to_exit_ms=...]`. " +
		"testdata/operator/bench-stop.txt starts the job, waits until it is ready and stops it " +
		"(P DEMO) with nothing running; bench-idle.txt starts it with an idle period of 0.2 s " +
		"and lets it stop by itself. The demo measures from the console taking the P " +
		"(typed_to_exit_ms) or from the moment it learned of the stop, STOP or idle " +
		"(stop_to_exit_ms), to the moment it is about to exit; from outside, the program " +
		"measures from reading that line to the process being reaped (the runtime's exit and " +
		"the kernel's), and the whole process from start to reaping.")
	if !data.Has(stopRun) && !data.Has(idleRun) {
		d.p("Not measured in this run.")
		return
	}
	ms := func(v float64) string { return dur(v * 1e6) }
	cell := func(name, unit string) string {
		s := data.Get(name, unit)
		if !s.Ok() {
			return "—"
		}
		return withSpread(s, ms)
	}
	d.table([]string{"script", "P typed → about to exit", "stop seen → about to exit", "of which draining work",
		"closing server and console", "last line → process reaped", "whole process"},
		[][]string{
			{"bench-stop (operator STOP)", cell(stopRun, "typed-to-exit-ms"), cell(stopRun, "stop-to-exit-ms"),
				cell(stopRun, "drain-ms"), cell(stopRun, "close-ms"), cell(stopRun, "exit-ms"), cell(stopRun, "process-ms")},
			{"bench-idle (idle period 0.2 s)", "—", cell(idleRun, "stop-to-exit-ms"),
				cell(idleRun, "drain-ms"), cell(idleRun, "close-ms"), cell(idleRun, "exit-ms"), cell(idleRun, "process-ms")},
		})
	typed := data.Get(stopRun, "typed-to-exit-ms").Median + data.Get(stopRun, "exit-ms").Median
	poll := data.Get(pollPeriods[2].bench, "ns/op")
	if typed > 0 && poll.Ok() {
		origin := scaled(poll.Median)
		d.p("Baseline: a program whose waiter polls every 5 s, as the origin story's third attempt, "+
			"notices the operator's STOP on average %s after it is typed (the 1 s poller's mean "+
			"delay, %s, times five), and only then begins to stop; with the idle period it is the "+
			"same delay after the period ends. The demo is gone, process reaped, %s after the P "+
			"(median of typed_to_exit_ms plus the median from its last line to reaping): the "+
			"poller's average delay alone is %s as long. The idle stop is a timer firing "+
			"(`timer.NewIdle`), which kills the wait; no thread sleeps out the period.",
			dur(origin), dur(poll.Median), dur(typed*1e6), times(origin/(typed*1e6)))
	}
	d.reproduce(data, stopRun)
}
