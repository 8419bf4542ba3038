package report

import (
	"fmt"
	"time"
)

// The benchmarks the document reads, by name without "Benchmark" and the -GOMAXPROCS
// suffix, and the settings they ran with that the text names.
const (
	killHot   = "Kill/settle=1ms"
	killMid   = "Kill/settle=2ms"
	killCold  = "Kill/settle=20ms"
	idle      = "Idle"
	costRatio = "CommandCostRatio"
	costWait  = "CommandCost/part=wait"
	costDec   = "CommandCost/part=decode"
	costCgo   = "CommandCost/part=cgo"
	putOne    = "Put/1_line"
	putTen    = "Put/10_lines"
	stopRun   = "DemoShutdown/script=bench-stop"
	idleRun   = "DemoShutdown/script=bench-idle"
	tmRatio   = "StartCancelRatio"
	tmPending = "PendingRatio"
	tmAfter   = "StartCancel/impl=AfterFunc"
	tmTimer   = "StartCancel/impl=Timer"
	tmTouch   = "Activity/impl=IdleTouch"
	tmReset   = "Activity/impl=TimerReset"
	pyStart   = "PythonTimer/op=StartCancel"
	pyPending = "PythonTimer/op=Pending"

	wlBelowRatio = "BelowLevelRatio"
	wlBelowText  = "BelowLevel/impl=TextHandler"
	wlBelowW     = "BelowLevel/impl=wtolog"
	wlPut        = "Console/path=Put"
	wlIssued     = "Console/path=wtolog"
	wlSupText    = "Suppressed/impl=TextHandler"
	wlSup        = "Suppressed/impl=wtolog"
)

// originPeriod is how long the origin story's third attempt slept between looks.
const originPeriod = 5 * time.Second

// pollPeriod is one of BenchmarkPolling's periods, with its benchmark and the name of
// its idle child's figures.
type pollPeriod struct {
	period time.Duration
	bench  string
	idle   string
}

var pollPeriods = []pollPeriod{
	{10 * time.Millisecond, "Polling/period=10ms", "poll10ms"},
	{100 * time.Millisecond, "Polling/period=100ms", "poll100ms"},
	{time.Second, "Polling/period=1s", "poll1s"},
}

// throughputLimits are BenchmarkThroughput's queue limits; abLimits, those it runs at
// against the base's library too (bench.sh, AB_BASE), under code=base/.
var (
	throughputLimits = []int{1, 5, 32, 255}
	abLimits         = []int{5, 255}
)

// throughputName is BenchmarkThroughput's name at queue limit l, for the library as it
// is (code "") or for the code named so.
func throughputName(code string, l int) string {
	if code != "" {
		return fmt.Sprintf("Throughput/code=%s/limit=%d", code, l)
	}
	return fmt.Sprintf("Throughput/limit=%d", l)
}

// Targets the module sets itself.
const (
	killFloorTarget = 0.5 // the kill's and the context's medians at most this many times the floor's
	killChanTarget  = 2   // ... and this many times a goroutine's woken from a channel
	idleTarget      = 1.1 // an idle Wait's CPU and switches at most the baseline's + 10 %
	timerTarget     = 1.5 // New+Start+Cancel at most this many times AfterFunc+Stop
	// a record below wtolog's console level: time and allocations at most this many
	// times slog's TextHandler's
	wtologTarget = 1.2
	benchBudget  = 600 // seconds make bench may take
)
