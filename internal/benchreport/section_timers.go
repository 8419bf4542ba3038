package benchreport

func writeTimers(d *doc, data *Data) {
	d.h(2, "Timers")
	d.p("The timer package's own benchmarks (timer/bench_test.go), run by `make bench`: " +
		"`New`+`Start`+`Cancel` against `time.AfterFunc`+`Stop`, the runtime timer it is built " +
		"on, alternating in the same run; the heap held per pending timer while 100,000 are " +
		"pending, for each; and reporting activity to an idle timeout from every goroutine, " +
		"`Idle.Touch` against `Timer.Reset`.")
	if !data.Has(tmRatio) && !data.Has(tmPending) {
		d.p("Not measured in this run.")
	} else {
		rows := [][]string{
			{"start and cancel one timer", withSpread(data.Get(tmRatio, "ns/New+Start+Cancel"), dur),
				withSpread(data.Get(tmRatio, "ns/AfterFunc+Stop"), dur), times(data.Get(tmRatio, "x-vs-AfterFunc").Median)},
			{"memory per pending timer (heap)", withSpread(data.Get(tmPending, "B/Timer"), size),
				withSpread(data.Get(tmPending, "B/AfterFunc"), size), times(data.Get(tmPending, "x-vs-AfterFunc").Median)},
		}
		if data.Has(tmTimer) {
			rows = append(rows, []string{"allocations per start and cancel", num(data.Get(tmTimer, "allocs/op").Median),
				num(data.Get(tmAfter, "allocs/op").Median), "—"})
		}
		if data.Has(tmTouch) {
			rows = append(rows, []string{"activity, all goroutines: `Idle.Touch` (baseline `Timer.Reset`)",
				withSpread(data.Get(tmTouch, "ns/op"), dur), withSpread(data.Get(tmReset, "ns/op"), dur),
				times(data.Get(tmTouch, "ns/op").Median / data.Get(tmReset, "ns/op").Median)})
		}
		d.table([]string{"", "package timer", "baseline: time.AfterFunc", "ratio"}, rows)
		x := data.Get(tmRatio, "x-vs-AfterFunc")
		if x.Ok() {
			d.p("Target (the timer package's): start and cancel within %s of `time.AfterFunc`: %s: %s. "+
				"A pending timer holds no goroutine.", times(timerTarget), times(x.Median), yesNo(x.Median <= timerTarget))
		}
		d.reproduce(data, tmRatio)
	}
	d.h(3, "For reference: Python's threading.Timer")
	if !data.Has(pyStart) {
		d.p("Not measured in this run (python3 was not found).")
		return
	}
	d.p("`scripts/bench/pytimer.py`, run by `make bench` when python3 exists (%s here): "+
		"`threading.Timer(3600, f)`, `start()`, `cancel()` per op, and the growth of the "+
		"resident set and of the thread count while 1,000 timers are pending. Each pending "+
		"`threading.Timer` is a thread that sleeps; the Go timer is an entry in the runtime's "+
		"timer heap. Resident memory and the Go heap are not the same measure: the ratio "+
		"shows the order of things.", data.Config["machine-python"])
	goStart := data.Get(tmRatio, "ns/New+Start+Cancel").Median
	goPend := data.Get(tmPending, "B/Timer").Median
	d.table([]string{"", "threading.Timer", "package timer (same run)", "Python vs Go"}, [][]string{
		{"start and cancel one timer", withSpread(data.Get(pyStart, "ns/op"), dur), dur(goStart),
			times(data.Get(pyStart, "ns/op").Median / goStart)},
		{"memory per pending timer", withSpread(data.Get(pyPending, "B/pending-timer"), size) + " resident",
			size(goPend) + " heap", times(data.Get(pyPending, "B/pending-timer").Median / goPend)},
		{"threads per pending timer", num(data.Get(pyPending, "threads/pending-timer").Median), "0 (no goroutine)", "—"},
	})
	d.reproduce(data, pyStart)
}
