#!/usr/bin/env python3
"""Python's threading.Timer, measured for comparison with package timer.

bench/bench.sh runs this when python3 exists, and BENCHMARKS.md shows its figures
for reference beside the Go timer's from the same run. It writes lines in the format of
go test -bench, so that benchstat reads them with the rest:

  BenchmarkPythonTimer/op=StartCancel  N  ns/op
      threading.Timer(3600, f), start(), cancel(): the same as the Go benchmark's
      New+Start+Cancel (the cancelled thread's exit is not waited for, nor timed);
  BenchmarkPythonTimer/op=Pending  N  B/pending-timer  threads/pending-timer
      the growth of the resident set (VmRSS) and of the thread count while N timers
      are pending, divided by N.

Usage: pytimer.py [-count n] [-ops n] [-pending n]
"""

import argparse
import gc
import platform
import threading
import time

INTERVAL = 3600.0  # long enough that no timer fires


def noop():
    pass


def status(field):
    """A number from /proc/self/status (VmRSS in kB, Threads)."""
    with open("/proc/self/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key == field:
                return int(value.split()[0])
    raise KeyError(field)


def start_cancel(ops):
    """ns per Timer start+cancel, over ops timers; waits for their threads after."""
    timers = []
    begin = time.perf_counter_ns()
    for _ in range(ops):
        t = threading.Timer(INTERVAL, noop)
        t.start()
        t.cancel()
        timers.append(t)
    took = time.perf_counter_ns() - begin
    for t in timers:
        t.join()
    return took / ops


def pending(n):
    """Resident bytes and threads per pending timer, over n timers."""
    gc.collect()
    rss, threads = status("VmRSS"), status("Threads")
    timers = [threading.Timer(INTERVAL, noop) for _ in range(n)]
    for t in timers:
        t.start()
    gc.collect()
    rss2, threads2 = status("VmRSS"), status("Threads")
    for t in timers:
        t.cancel()
    for t in timers:
        t.join()
    return (rss2 - rss) * 1024 / n, (threads2 - threads) / n


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-count", type=int, default=5, help="runs of each measurement")
    p.add_argument("-ops", type=int, default=2000, help="timers per start+cancel run")
    p.add_argument("-pending", type=int, default=1000, help="timers pending at once")
    a = p.parse_args()
    print("pkg: python/threading")
    print("python: %s %s" % (platform.python_implementation(), platform.python_version()))
    start_cancel(min(a.ops, 200))  # warm up
    for _ in range(a.count):
        print("BenchmarkPythonTimer/op=StartCancel \t%d\t%.1f ns/op" % (a.ops, start_cancel(a.ops)))
    for _ in range(a.count):
        per, threads = pending(a.pending)
        print("BenchmarkPythonTimer/op=Pending \t%d\t%.1f B/pending-timer\t%.3f threads/pending-timer"
              % (a.pending, per, threads))


if __name__ == "__main__":
    main()
