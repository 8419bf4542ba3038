package report

// wtologView is the section of package wtolog: a record below the console level
// against slog's TextHandler, and a record at the console level through the simulated
// MVS. Below and Console are "" where their benchmarks did not run (a raw file older
// than the section has neither); Target is nil where the ratio did not run.
type wtologView struct {
	Below, Console string
	Target         *wtologGoal
	Caller         *wtologCaller
	Commands       []string
}

// wtologGoal is the target for a record below the console level: time and allocations
// within wtologTarget of the TextHandler's.
type wtologGoal struct{ Target, X, Allocs, AllocsText, Verdict string }

// wtologCaller compares the caller's time per record while the rate limit suppresses
// it with the TextHandler's time for the same record.
type wtologCaller struct{ Suppressed, Text, X string }

func wtologOf(data *Data) wtologView {
	v := wtologView{Commands: data.Commands(wlBelowRatio, wlBelowText, wlIssued, wlSupText)}
	if data.Has(wlBelowRatio) || data.Has(wlBelowText) {
		rows := [][]string{
			{"a record below the console level, alternating in the same run (`BenchmarkBelowLevelRatio`)",
				withSpread(data.Get(wlBelowRatio, "ns/wtolog"), dur), withSpread(data.Get(wlBelowRatio, "ns/TextHandler"), dur),
				times(data.Get(wlBelowRatio, "x-vs-text").Median)},
			{"the same, each on its own (`BenchmarkBelowLevel`)", withSpread(data.Get(wlBelowW, "ns/op"), dur),
				withSpread(data.Get(wlBelowText, "ns/op"), dur), times(data.Get(wlBelowW, "ns/op").Median / data.Get(wlBelowText, "ns/op").Median)},
			{"allocations per record", allocCell(data.Get(wlBelowW, "allocs/op")), allocCell(data.Get(wlBelowText, "allocs/op")), "—"},
		}
		v.Below = table([]string{"", "wtolog, TextHandler next", "baseline: TextHandler alone", "ratio"}, rows)
		x, aw, at := data.Get(wlBelowRatio, "x-vs-text"), data.Get(wlBelowW, "allocs/op"), data.Get(wlBelowText, "allocs/op")
		if x.Ok() && aw.Ok() && at.Ok() {
			v.Target = &wtologGoal{times(wtologTarget), times(x.Median), num(aw.Median), num(at.Median),
				yesNo(wtologMet(x.Median, aw.Median, at.Median))}
		}
	}
	if data.Has(wlIssued) || data.Has(wlSup) {
		issued, put := data.Get(wlIssued, "records/s"), data.Get(wlPut, "records/s")
		sup, text := data.Get(wlSup, "ns/op"), data.Get(wlSupText, "ns/op")
		rows := [][]string{
			{"records issued per second, through the simulated MVS", withSpread(issued, sig3),
				"`zconsole.Put` called directly: " + withSpread(put, sig3), times(issued.Median / put.Median)},
			{"the caller's time per record while the rate limit suppresses it", withSpread(sup, dur),
				"TextHandler on io.Discard: " + withSpread(text, dur), times(sup.Median / text.Median)},
			{"allocations per suppressed record", allocCell(data.Get(wlSup, "allocs/op")),
				allocCell(data.Get(wlSupText, "allocs/op")), "—"},
		}
		v.Console = table([]string{"", "wtolog", "baseline, same run", "ratio"}, rows)
		if sup.Ok() && text.Ok() {
			v.Caller = &wtologCaller{dur(sup.Median), dur(text.Median), times(sup.Median / text.Median)}
		}
	}
	return v
}

// wtologMet reports whether a record below the console level is within wtologTarget of
// the TextHandler's time and allocations (x the ratio of times; none allocated by
// either side meets it).
func wtologMet(x, allocs, allocsText float64) bool {
	return x <= wtologTarget && allocs <= allocsText*wtologTarget
}

// allocCell writes an allocation count, or that it was not measured.
func allocCell(s Summary) string {
	if !s.Ok() {
		return "not measured"
	}
	return num(s.Median)
}
