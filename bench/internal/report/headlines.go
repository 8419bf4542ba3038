package report

// headlines are the run's headline figures, as BENCHMARKS.md opens with them (and the
// README quotes them). A headline this run did not measure is nil, and left out.
type headlines struct {
	Kill       *killHeadline
	Polling    *pollingHeadline
	Idle       *idleHeadline
	Shutdown   *shutdownHeadline
	Throughput *throughputHeadline
	Timers     *timersHeadline
}

// A killHeadline's Chan and XChan are "" where the channel side was not measured, its
// Ctx where the context was not.
type killHeadline struct{ Kill, X, Floor, P99, XP99, Chan, XChan, Ctx string }

// A pollingHeadline's and a shutdownHeadline's Origin is the 1 s poller's mean delay
// scaled to the origin story's 5 s; "" where it was not measured.
type pollingHeadline struct{ Mean, X, Kill, Origin string }

type idleHeadline struct{ Window, WaitCPU, WaitSw, ChanCPU, ChanSw, PollCPU, PollSw string }

type shutdownHeadline struct{ Gone, Runs, Origin string }

type throughputHeadline struct{ Max, Default, Wait, Allocs string }

// A timersHeadline's Python is "" where python3 was not found.
type timersHeadline struct{ X, Pending, PendingX, Python string }

func headlinesOf(data *Data) headlines {
	var h headlines
	med := func(name, unit string) float64 { return data.Get(name, unit).Median }
	origin := ""
	if o := data.Get(pollPeriods[2].bench, "ns/op"); o.Ok() {
		origin = dur(scaled(o.Median))
	}
	if k := data.Get(killCold, "p50-ns"); k.Ok() {
		h.Kill = &killHeadline{Kill: dur(k.Median), X: times(med(killCold, "x-vs-floor")), Floor: dur(med(killCold, "floor-p50-ns")),
			P99: dur(med(killCold, "p99-ns")), XP99: times(med(killCold, "x-p99-vs-floor"))}
		if c := data.Get(killCold, "chan-p50-ns"); c.Ok() {
			h.Kill.Chan, h.Kill.XChan = dur(c.Median), times(med(killCold, "x-vs-chan"))
		}
		if c := data.Get(killCold, "ctx-p50-ns"); c.Ok() {
			h.Kill.Ctx = dur(c.Median)
		}
	}
	if p := pollPeriods[1].bench; data.Get(p, "ns/op").Ok() {
		h.Polling = &pollingHeadline{dur(med(p, "ns/op")), times(med(p, "x-vs-kill")), dur(med(p, "kill-p50-ns")), origin}
	}
	if data.Get(idle, "wait-cpu-ns").Ok() {
		h.Idle = &idleHeadline{num(med(idle, "window-s")), dur(med(idle, "wait-cpu-ns")), num(med(idle, "wait-ctxsw")),
			dur(med(idle, "chan-cpu-ns")), num(med(idle, "chan-ctxsw")),
			dur(med(idle, "poll100ms-cpu-ns")), num(med(idle, "poll100ms-ctxsw"))}
	}
	if t := data.Get(stopRun, "typed-to-exit-ms"); t.Ok() {
		h.Shutdown = &shutdownHeadline{dur((t.Median + med(stopRun, "exit-ms")) * 1e6), runs(t.N), origin}
	}
	if c := data.Get(throughputName("", 255), "cmds/s"); c.Ok() {
		h.Throughput = &throughputHeadline{sig3(c.Median), sig3(med(throughputName("", 5), "cmds/s")),
			dur(med(costRatio, "wait-ns")), num(med(costWait, "allocs/op"))}
	}
	if x := data.Get(tmRatio, "x-vs-AfterFunc"); x.Ok() {
		py := ""
		if s := data.Get(pyStart, "ns/op"); s.Ok() {
			py = dur(s.Median)
		}
		h.Timers = &timersHeadline{times(x.Median), size(med(tmPending, "B/Timer")), times(med(tmPending, "x-vs-AfterFunc")), py}
	}
	return h
}
