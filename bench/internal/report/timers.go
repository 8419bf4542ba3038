package report

// timersView is the timers section: the timer package against time.AfterFunc, and
// Python's threading.Timer for reference. Table is "" when neither ratio ran; Target,
// when the start-and-cancel ratio did not; Python, when python3 was not found.
type timersView struct {
	Table    string
	Target   *timerGoal
	Commands []string
	Python   *pythonView
}

// timerGoal is the timer package's target for starting and cancelling one timer,
// this run's ratio, and whether it is met.
type timerGoal struct{ Target, X, Verdict string }

// pythonView is Python's threading.Timer beside package timer.
type pythonView struct {
	Version, Table string
	Commands       []string
}

func timersOf(data *Data) timersView {
	v := timersView{Commands: data.Commands(tmRatio, tmPending, tmTouch)}
	if data.Has(tmRatio) || data.Has(tmPending) {
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
		v.Table = table([]string{"", "package timer", "baseline: time.AfterFunc", "ratio"}, rows)
		if x := data.Get(tmRatio, "x-vs-AfterFunc"); x.Ok() {
			v.Target = &timerGoal{times(timerTarget), times(x.Median), yesNo(x.Median <= timerTarget)}
		}
	}
	if data.Has(pyStart) {
		goStart := data.Get(tmRatio, "ns/New+Start+Cancel").Median
		goPend := data.Get(tmPending, "B/Timer").Median
		v.Python = &pythonView{Version: data.Config["machine-python"], Commands: data.Commands(pyStart),
			Table: table([]string{"", "threading.Timer", "package timer (same run)", "Python vs Go"}, [][]string{
				{"start and cancel one timer", withSpread(data.Get(pyStart, "ns/op"), dur), dur(goStart),
					times(data.Get(pyStart, "ns/op").Median / goStart)},
				{"memory per pending timer", withSpread(data.Get(pyPending, "B/pending-timer"), size) + " resident",
					size(goPend) + " heap", times(data.Get(pyPending, "B/pending-timer").Median / goPend)},
				{"threads per pending timer", num(data.Get(pyPending, "threads/pending-timer").Median), "0 (no goroutine)", "—"},
			})}
	}
	return v
}
