package report

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func parseFile(t *testing.T, path string) *Data {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	d, err := Parse(f)
	require.NoError(t, err)
	return d
}

func fixture(t *testing.T) *Data { return parseFile(t, "testdata/benchmarks.txt") }

func parseText(t *testing.T, text string) *Data {
	t.Helper()
	d, err := Parse(strings.NewReader(text))
	require.NoError(t, err)
	return d
}

func render(t *testing.T, d *Data) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Render(&b, d))
	return b.String()
}

// contains fails the test, naming only the text it looked for, if out lacks it.
func contains(t *testing.T, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("the document lacks %q", w)
		}
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	assert.Equal(t, render(t, fixture(t)), render(t, fixture(t)))
}

// TestBenchmarksMDIsTheCommittedRunRendered holds the committed BENCHMARKS.md to what
// the committed bench/benchmarks.txt renders to: the document is generated, and an edit
// of this package's text or Go that changes it is not done until the document is
// written again (make bench-report, which measures nothing).
func TestBenchmarksMDIsTheCommittedRunRendered(t *testing.T) {
	doc, err := os.ReadFile("../../../BENCHMARKS.md")
	require.NoError(t, err)
	if got := render(t, parseFile(t, "../../benchmarks.txt")); got != string(doc) {
		t.Errorf("BENCHMARKS.md is not what bench/benchmarks.txt renders to: run make bench-report")
	}
}

func TestRenderTargets(t *testing.T) {
	contains(t, render(t, fixture(t)),
		// The fixture's settle=20ms medians are 1.6× the floor: not met; 1 ms: 1.25×, met.
		"| kill latency, median, settle 20 ms: within 1.50× of the C floor | 1.60× (32.0 µs against 20.0 µs) | **not met** |",
		"| kill latency, median, settle 1 ms: within 1.50× of the C floor | 1.25× (12.5 µs against 10.0 µs) | **met** |",
		"| idle cost, CPU time over the window: no more than the empty channel's + 10 % | 0 ns against 0 ns | **met** |",
		"| timer New+Start+Cancel within 1.50× of time.AfterFunc+Stop (the timer package's target) | 1.45× | **met** |",
		"| `make bench` in under 10 minutes | 5 min 12 s | **met** |",
		"| wtolog, a record below the console level: within 1.20× of slog's TextHandler, time and allocations | 1.05×; 0 allocations against 0 | **met** |",
		"| memory per pending timer within 1.50× of time.AfterFunc's (the timer package's target) | 1.43× | **met** |",
		"Where a target is not met, its section says why.",
		"A process blocked in `Wait` is asleep in the kernel",
	)
}

func TestRenderExplainsTheKill(t *testing.T) {
	// At settle 20 ms: floor 20.0, cgo handoff 26.0, kill from C threads 19.0, through the
	// binding 28.0, kill 32.0 µs.
	contains(t, render(t, fixture(t)),
		"**Why the target is not met at settle 20 ms.** The kill's median is 1.60× the floor's (32.0 µs against 20.0 µs).",
		"Of the 12.0 µs beyond the floor, 6.00 µs is what any goroutine pays to wait in C and be woken there",
		"takes 26.0 µs (1.30× the floor's). The remaining 6.00 µs is the kill's own path.",
		// The parts, by differences: in C 19.0-20.0, the ways (28.0-19.0)-(26.0-20.0), the Handle 32.0-28.0.
		"| in C, between two C threads: the floor's handoff; for the kill, the same kill run from C threads | 20.0 µs | 19.0 µs | 19.0 µs | nothing measurable (-1.00 µs) |",
		"| the way into C and back from goroutines: the side's whole less its part in C | 6.00 µs | 9.00 µs | 13.0 µs | 7.00 µs |",
		"| of which the Handle, its lock and state: the kill less the kill through the binding | — | — | 4.00 µs | 4.00 µs |",
		"| **the whole**, `time.Now` to `time.Now` | 26.0 µs | 28.0 µs | 32.0 µs | 6.00 µs |",
		"| the waker's call as it sees it: Post, or Kill | 15.0 µs | 15.5 µs | 16.0 µs | 1.00 µs |",
		"The table above splits it: nothing measurable (-1.00 µs) in C (the kill from C threads against the floor), 3.00 µs more on the way into C and back (the kill through the binding's way, less the cgo handoff's), 4.00 µs in the Handle.",
		"split its way into C and back as measured: 2.00 µs on the way in,",
		"19.0 µs in C, and 3.00 µs on the way out,",
		"The console's C is not slow: the same kill run by two C threads, the protocol's own code against the simulated MVS with no Go in it, takes 19.0 µs in the same run, 0.950× the floor's.",
		"From goroutines, the way into that C and back costs more than the way into the floor's: 9.00 µs through the binding (the kill through the binding less the kill from C threads) against 6.00 µs for the cgo handoff (the handoff less the floor).",
		"Through the binding, the same cgo calls into the same C from goroutines but without the Handle, the kill takes 28.0 µs (1.40× the floor's): 2.00 µs of the kill's 6.00 µs beyond the cgo handoff is there without the Handle, 4.00 µs comes with it.",
		"The same path costs 1.50 µs beyond the cgo handoff at settle 1 ms against 6.00 µs at 20 ms",
	)
}

func TestRenderFigures(t *testing.T) {
	contains(t, render(t, fixture(t)),
		"| CPU | Test CPU |",
		"| 20 ms | **kill** | 32.0 µs (30.0 µs–34.0 µs, 3 runs) | 90.0 µs (90.0 µs–90.0 µs, 3 runs) | 1.60× | 1.50× |",
		"Rounds per side and run: 300.",
		"| 20 ms | kill from C threads | 19.0 µs (19.0 µs–19.0 µs, 3 runs) | 57.0 µs (57.0 µs–57.0 µs, 3 runs) | 0.950× | 0.950× |",
		"| poll every 5 s (origin story; scaled) | ≈ 2.50 s | ≈ 2.50 s | ≈ 5.00 s | 0.200 |",
		"| **blocked in `Wait`** | 0 ns (1 run) | 0 (1 run) | 0 (1 run) | 5 | 1× | 1× |",
		"| poll every 100 ms | 11.0 ms (1 run) | 1 (1 run) | 500 (1 run) | 6 | +11.0 ms | +500 |",
		"| 20 ms | cgo handoff, the part C sees | 19.0 µs (19.0 µs–19.0 µs, 3 runs) | 58.0 µs (58.0 µs–58.0 µs, 3 runs) | 0.950× | 0.970× |",
		"| 20 ms | kill through the binding, no Handle | 28.0 µs (28.0 µs–28.0 µs, 3 runs) | 70.0 µs (70.0 µs–70.0 µs, 3 runs) | 1.40× | 1.17× |",
		"the poller's average delay alone is 2,632× as long",
		"| **ECB kill** (`Wait`), the rounds beside the 100 ms pollers | 32.0 µs (1 run) | 30.0 µs (1 run) | 60.0 µs (1 run) | 0 |",
		"| start and cancel one timer | 300 µs (1 run) | 290 ns | 1,034× |",
		// The cost parts from the library's run and the benchmark module's.
		"| decode the CIB (Go) | 190 ns (1 run) | 50.0 % |",
		"| the cgo boundary (a call that does nothing) | 30.0 ns (1 run) | 8.00 % |",
		"| **`Wait` for a queued command**: cgo, copy, QEDIT, decode (no WAIT: the chain is drained first) | 380 ns (1 run) | 100 % |",
		"| cgo call | 30.0 ns (1 run) | 0 | 0 | — |",
		"| activity, all goroutines: `Idle.Touch` (baseline `Timer.Reset`) | 27.0 ns (1 run) | 90.0 ns (1 run) | 0.300× |",
	)
}

func TestRenderNamesEachCommand(t *testing.T) {
	out := render(t, fixture(t))
	contains(t, out,
		"go -C bench test -tags zconsolesim -run '^$' -bench '^BenchmarkKill$' -benchtime 300x -count 3 ./console\n",
		// The cost section: the library's runs and the benchmark module's.
		"```sh\ngo test -tags zconsolesim -run '^$' -bench '^BenchmarkCommandCostRatio$' -count 5 ./zconsole\n"+
			"go -C bench test -tags zconsolesim -run '^$' -bench '^BenchmarkCommandCostRatio$' -count 5 ./console\n"+
			"go test -tags zconsolesim -run '^$' -bench '^(BenchmarkCommandCost|BenchmarkPut)$' -benchmem -count 5 ./zconsole\n"+
			"go -C bench test -tags zconsolesim -run '^$' -bench '^BenchmarkCommandCost$' -benchmem -count 5 ./console\n```",
		"```sh\ngo -C bench test -run '^$' -bench . -benchmem -count 5 ./timers\ngo test -run '^$' -bench . -benchmem -count 5 ./timer\n```",
	)
	_, all, ok := strings.Cut(out, "\n## Reproducing\n")
	require.True(t, ok)
	_, all, _ = strings.Cut(all, "```sh\n")
	all, _, _ = strings.Cut(all, "```")
	assert.Len(t, strings.Split(strings.TrimSpace(all), "\n"), 14, "every command of the fixture once, in the last section")
}

func TestRenderSaysWhatIsMissing(t *testing.T) {
	out := render(t, parseText(t, "machine-cpu: Test CPU\n"))
	contains(t, out,
		"| kill latency, median, settle 20 ms: within 1.50× of the C floor | not measured in this run | **not known** |",
		"Not measured in this run (python3 was not found).",
		"The split was not measured in this run.",
		"| wtolog, a record below the console level: within 1.20× of slog's TextHandler, time and allocations | not measured in this run | **not known** |",
		"## Logging to the console: wtolog\n\nPackage wtolog",
	)
	_, section, _ := strings.Cut(out, "## Logging to the console: wtolog\n")
	section, _, _ = strings.Cut(section, "\n## ")
	assert.Contains(t, section, "\nNot measured in this run.\n", "an older raw file has none of the section's figures")
	_, head, _ := strings.Cut(out, "## Headlines\n")
	head, _, _ = strings.Cut(head, "\n## ")
	assert.Equal(t, "", strings.TrimSpace(head), "no headline without its figures")
	assert.NotContains(t, out, "\n\n\n", "no runs of blank lines")
}

func TestHeadlines(t *testing.T) {
	out := render(t, fixture(t))
	_, head, _ := strings.Cut(out, "## Headlines\n\n")
	head, _, _ = strings.Cut(head, "\n\n")
	lines := strings.Split(head, "\n")
	require.Len(t, lines, 6, "%s", head)
	assert.Equal(t, "- **Kill**: 32.0 µs (median) from `Kill` to the blocked `Wait` returning, 1.60× the 20.0 µs "+
		"of a bare pthread condition-variable handoff between two C threads in the same run (99th percentile 90.0 µs, 1.50×).", lines[0])
	assert.Contains(t, lines[1], "takes 50.0 ms on average to see a shutdown; its median delay is 1,667× the median of the kills measured beside it (30.0 µs); at the origin story's 5 s, about 2.50 s.")
	assert.Contains(t, lines[3], "the demo has exited 950 µs after the operator's `P DEMO` (median of 1 run); a 5 s poller notices the STOP 2.50 s later on average")
	assert.Contains(t, lines[4], "294,118 operator commands per second from `sim.Command` to `Wait` at queue limit 255, 100,000 at the default 5; `Wait` for a queued command takes 380 ns, 3 allocations.")
}

func TestKillFromCSaysWhichSideTheCostIsOn(t *testing.T) {
	const kill = "BenchmarkKill/settle=20ms-2 \t 300 \t 1 ns/op \t 40000 p50-ns \t 20000 floor-p50-ns \t 2 x-vs-floor \t 26000 cgo-p50-ns \t 1.3 cgo-x-vs-floor"
	out := render(t, parseText(t, kill+" \t 19000 ckill-p50-ns \t 0.95 ckill-x-vs-floor\n"))
	contains(t, out, "The console's C is not slow")
	assert.NotContains(t, out, "From goroutines, the way into that C", "without the binding, the way into it is not known")
	out = render(t, parseText(t, kill+" \t 32000 ckill-p50-ns \t 1.6 ckill-x-vs-floor \t 36000 bind-p50-ns \t 1.8 bind-x-vs-floor\n"))
	contains(t, out, "takes 32.0 µs in the same run, 1.60× the floor's: the console's C and the simulated supervisor account for that much of it")
	assert.NotContains(t, out, "The console's C is not slow")
	// Every side measured: the parts table, and its split of the kill's own path.
	contains(t, out, "| of which the Handle, its lock and state: the kill less the kill through the binding | — | — | 4.00 µs | 4.00 µs |",
		"The table above splits it: 12.0 µs in C (the kill from C threads against the floor), nothing measurable (-2.00 µs) more on the way into C and back")
}

func TestRenderNamesAMissedTargetItCannotExplain(t *testing.T) {
	out := render(t, parseText(t, "BenchmarkIdle-2 \t 1 \t 1000 ns/op \t 5000000 wait-cpu-ns \t 0 chan-cpu-ns \t 3 wait-ctxsw \t 3 chan-ctxsw\n"))
	contains(t, out,
		"| idle cost, CPU time over the window: no more than the empty channel's + 10 % | 5.00 ms against 0 ns | **not met** |",
		"Not met in this run, and not explained by this document, which reasons only about the figures it expects: idle cost, CPU time over the window")
	assert.NotContains(t, out, "Where a target is not met, its section says why.")
	assert.NotContains(t, out, "A process blocked in `Wait` is asleep in the kernel", "the idle section does not claim what the figures deny")
}

func TestRenderExplainsAKillMissedAtEitherSettle(t *testing.T) {
	out := render(t, parseText(t, "BenchmarkKill/settle=1ms-2 \t 300 \t 16000 ns/op \t 16000 p50-ns \t 10000 floor-p50-ns \t 1.6 x-vs-floor \t 14000 cgo-p50-ns \t 1.4 cgo-x-vs-floor\n"))
	contains(t, out,
		"**Why the target is not met at settle 1 ms.** The kill's median is 1.60× the floor's (16.0 µs against 10.0 µs).",
		"takes 14.0 µs (1.40× the floor's). The remaining 2.00 µs is the kill's own path.",
		"Where a target is not met, its section says why.")
	assert.NotContains(t, out, "not explained by this document")
	assert.NotContains(t, out, "The table above splits it", "the parts are split at settle 20 ms only")
}

func TestRenderWtolog(t *testing.T) {
	contains(t, render(t, fixture(t)),
		"| a record below the console level, alternating in the same run (`BenchmarkBelowLevelRatio`) | 946 ns (945 ns–946 ns, 2 runs) | 905 ns (900 ns–910 ns, 2 runs) | 1.05× |",
		"| the same, each on its own (`BenchmarkBelowLevel`) | 930 ns (1 run) | 900 ns (1 run) | 1.03× |",
		"| allocations per record | 0 | 0 | — |",
		"Target: a record below the console level within 1.20× of the TextHandler alone, in time and in allocations: 1.05×, 0 allocations against 0: **met**.",
		"| records issued per second, through the simulated MVS | 320,000 (1 run) | `zconsole.Put` called directly: 500,000 (1 run) | 0.640× |",
		"| the caller's time per record while the rate limit suppresses it | 400 ns (1 run) | TextHandler on io.Discard: 800 ns (1 run) | 0.500× |",
		"| allocations per suppressed record | 1 | 0 | — |",
		"While the rate limit suppresses, the caller spends 400 ns on a record (0.500× the 800 ns the TextHandler takes to write it)",
		"```sh\ngo -C bench test -run '^$' -bench '^BenchmarkBelowLevel(Ratio)?$' -benchmem -benchtime 0.5s -count 5 ./wtolog\n"+
			"go -C bench test -tags zconsolesim -run '^$' -bench '^(BenchmarkConsole|BenchmarkSuppressed)$' -benchmem -benchtime 0.5s -count 5 ./wtolog\n```",
	)
}

func TestRenderWtologTargetMissed(t *testing.T) {
	for _, c := range []struct{ ratio, allocs string }{
		{"1.3", "0"}, // too slow
		{"1.1", "1"}, // an allocation where the TextHandler makes none
	} {
		out := render(t, parseText(t, "BenchmarkBelowLevelRatio-2 \t 1 \t 1 ns/op \t "+c.ratio+" x-vs-text\n"+
			"BenchmarkBelowLevel/impl=TextHandler-2 \t 1 \t 900 ns/op \t 0 allocs/op\n"+
			"BenchmarkBelowLevel/impl=wtolog-2 \t 1 \t 950 ns/op \t "+c.allocs+" allocs/op\n"))
		contains(t, out, "| wtolog, a record below the console level: within 1.20× of slog's TextHandler, time and allocations | "+
			c.ratio+"0×; "+c.allocs+" allocations against 0 | **not met** |")
		assert.NotContains(t, out, "While the rate limit suppresses", "no console figures, no sentence on them")
	}
}
