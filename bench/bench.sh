#!/usr/bin/env bash
# bench.sh: every benchmark, each beside its baseline in the same run (`make bench`),
# run from the repository's root: the benchmark module's (bench/: the console against
# the C floor, pollers, channels; the timer against time.AfterFunc; wtolog against
# slog's TextHandler and zconsole.Put; the demo's shutdown)
# and the library's micro-benchmarks of its own API that BENCHMARKS.md quotes. It writes
# bench/benchmarks.txt, the raw output in the format benchstat reads, with the machine
# and the command that measured each part as configuration lines, and BENCHMARKS.md from
# it (bench/cmd/report). About eight minutes on a 2-core machine; it must stay under ten.
#
# `bench/bench.sh -report` measures nothing: it writes BENCHMARKS.md again from the
# bench/benchmarks.txt there is (`make bench-report`).
#
# Environment (defaults in brackets): GO [go]; COUNT, runs of each quick benchmark [6,
# the fewest for which benchstat gives a confidence interval]; KILL_ROUNDS, rounds per
# side and run of BenchmarkKill [300]; KILL_COUNT, its runs [3]; POLL_COUNT, runs of
# BenchmarkPolling [3]; IDLE_WINDOW, BenchmarkIdle's window [10s]; DEMO_RUNS, runs of
# the demo per script [5]; AB_BASE, the commit whose library the throughput is set
# beside [9eb7213, the last before a Wait slept in Go]; AB_PATCH, a patch applied to
# that commit's tree before it is built [bench/base/post-after-unlock.patch; empty for
# none]; AB_PAIRS, the pairs of runs of the two [12]; THROUGHPUT_TIME, -benchtime of
# each throughput run [0.3s].
#
# The throughput A/B: bench/throughput uses the library's public API only, so the same
# benchmark builds against AB_BASE's library too. bench.sh puts that commit's tree
# (git archive) and a copy of the throughput package, in a module that replaces the
# library with it, in a directory of its own ($AB, removed at the end), and runs the two
# builds in AB_PAIRS pairs of runs at the queue limits the targets name (5 and 255),
# one after the other, this library first in odd pairs and the base first in even ones;
# the report sets each run beside its pair's, so that each ratio is taken on the
# machine as it was for both. The base's results are named code=base/. The other
# limits (1 and 32) run COUNT times after.
#
# Each side runs with its own simulator. One change to the simulator since the base
# would count for this library alone: the simulated POST wakes the WAIT once the
# simulator's lock is released, not while it is held (zconsole/c/sim_ecb.c). AB_PATCH
# gives the base's simulator the same change, so that both sides' WAITs end alike; the
# simulator's other changes since the base stay as each commit has them.
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
report() { $GO -C bench run ./cmd/report -in benchmarks.txt -out ../BENCHMARKS.md; }
if [ "${1:-}" = -report ]; then
	report
	echo "bench: wrote BENCHMARKS.md from bench/benchmarks.txt" >&2
	exit 0
fi
COUNT=${COUNT:-6}
KILL_ROUNDS=${KILL_ROUNDS:-300}
KILL_COUNT=${KILL_COUNT:-3}
POLL_COUNT=${POLL_COUNT:-3}
IDLE_WINDOW=${IDLE_WINDOW:-10s}
DEMO_RUNS=${DEMO_RUNS:-5}
AB_BASE=${AB_BASE:-9eb72136936f89d224a1ad5adf74dd591c7162e8}
AB_PATCH=${AB_PATCH-bench/base/post-after-unlock.patch}
AB_PAIRS=${AB_PAIRS:-12}
THROUGHPUT_TIME=${THROUGHPUT_TIME:-0.3s}

out=bench/benchmarks.txt
mkdir -p bench bin
tmp=$(mktemp bench/.benchmarks.XXXXXX)
AB=$(mktemp -d)
trap 'rm -rf "$tmp" "$AB"' EXIT
started=$(date +%s)

python=none
if command -v python3 >/dev/null; then
	python=$(python3 --version 2>&1)
fi
{
	echo "machine-cpu: $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	echo "machine-cores: $(nproc)"
	echo "machine-kernel: $(uname -srm)"
	echo "machine-go: $($GO version)"
	echo "machine-python: $python"
	echo "machine-date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine-load-start: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "ab-base: $(git rev-parse --short=12 "$AB_BASE")"
	echo "ab-patch: ${AB_PATCH:-none}"
} >"$tmp"

# part COMMAND: run one part, recording the command as the configuration line
# bench-command for the results that follow, and its output.
part() {
	echo "bench: $1" >&2
	echo "bench-command: $1" >>"$tmp"
	eval "$1" | tee -a "$tmp"
}

SIM="$GO test -tags zconsolesim -run '^\$'"  # the library module's, from the root
BENCH="$GO -C bench test -tags zconsolesim -run '^\$'"  # the benchmark module's

# Latencies first, while nothing else of the run has warmed or loaded the machine.
part "$BENCH -bench '^BenchmarkKill\$' -benchtime ${KILL_ROUNDS}x -count $KILL_COUNT ./console"
part "$BENCH -bench '^BenchmarkPolling\$' -benchtime 1x -count $POLL_COUNT ./console"
part "ZCONSOLE_BENCH_IDLE_WINDOW=$IDLE_WINDOW $BENCH -bench '^BenchmarkIdle\$' -benchtime 1x -count 1 ./console"
# The base's library and a module for the throughput package on it (see above).
mkdir -p "$AB/lib" "$AB/bench"
git archive "$AB_BASE" | tar -x -C "$AB/lib"
if [ -n "$AB_PATCH" ]; then
	git apply --directory="$AB/lib" --unsafe-paths -p1 "$AB_PATCH"
fi
cp bench/go.mod bench/go.sum "$AB/bench/"
cp -r bench/throughput "$AB/bench/"
$GO -C "$AB/bench" mod edit -replace "github.com/go-zos/zconsole=$AB/lib"
now="$BENCH -bench '^BenchmarkThroughput\$/^limit=(5|255)\$' -benchtime $THROUGHPUT_TIME -count 1 ./throughput"
base="ZCONSOLE_BENCH_CODE=base $GO -C \$AB/bench test -tags zconsolesim -run '^\$' -bench '^BenchmarkThroughput\$/^code=base\$/^limit=(5|255)\$' -benchtime $THROUGHPUT_TIME -count 1 ./throughput"
for k in $(seq "$AB_PAIRS"); do
	if [ $((k % 2)) = 1 ]; then
		part "$now"
		part "$base"
	else
		part "$base"
		part "$now"
	fi
done
part "$BENCH -bench '^BenchmarkThroughput\$/^limit=(1|32)\$' -benchtime $THROUGHPUT_TIME -count $COUNT ./throughput"
part "$SIM -bench '^BenchmarkCommandCostRatio\$' -count $COUNT ./zconsole"
part "$BENCH -bench '^BenchmarkCommandCostRatio\$' -count $COUNT ./console"
part "$SIM -bench '^(BenchmarkCommandCost|BenchmarkPut)\$' -benchmem -count $COUNT ./zconsole"
part "$BENCH -bench '^BenchmarkCommandCost\$' -benchmem -count $COUNT ./console"
part "$GO -C bench test -run '^\$' -bench . -benchmem -count $COUNT ./timers"
part "$GO test -run '^\$' -bench . -benchmem -count $COUNT ./timer"
part "$GO -C bench test -run '^\$' -bench '^BenchmarkBelowLevel(Ratio)?\$' -benchmem -benchtime 0.5s -count $COUNT ./wtolog"
part "$BENCH -bench '^(BenchmarkConsole|BenchmarkSuppressed)\$' -benchmem -benchtime 0.5s -count $COUNT ./wtolog"
$GO build -tags zconsolesim -o bin/demo ./cmd/demo
part "$GO -C bench run ./cmd/shutdown -demo ../bin/demo -runs $DEMO_RUNS ../testdata/operator/bench-stop.txt ../testdata/operator/bench-idle.txt"
# The load average once the Go benchmarks are done: the Python step that follows starts
# a thread per pending timer, a thousand at a time, which the load average counts.
echo "machine-load-end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$tmp"
if [ "$python" != none ]; then
	part "python3 bench/pytimer.py -count $COUNT"
else
	echo "bench: python3 not found: no threading.Timer figures" >&2
fi

{
	echo "bench-seconds: $(($(date +%s) - started))"
} >>"$tmp"
mv "$tmp" "$out"
trap - EXIT
report
echo "bench: wrote $out and BENCHMARKS.md in $(($(date +%s) - started))s" >&2
