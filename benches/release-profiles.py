#!/usr/bin/env python3
"""Compares release profiles: `proplint check` on one file, whole process, interleaved.

    benches/release-profiles.py FILE NAME=BINARY [NAME=BINARY ...] [--runs N]

Runs every binary N times (default 300) on FILE, in turn (A B C A B C ...), so that load
from other work falls on all of them alike, and prints per binary the median and the
minimum wall time of a whole process (start, read, check, report, exit), its size, and the
maximum resident set size of one run (/usr/bin/time -v when present). The builds themselves
are timed separately (docs/performance.md, "Release profile").
"""
import os
import statistics
import subprocess
import sys
import time


def main() -> int:
    args = sys.argv[1:]
    runs = 300
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i : i + 2]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    file, bins = args[0], [a.split("=", 1) for a in args[1:]]
    times = {name: [] for name, _ in bins}
    for _ in range(runs):
        for name, exe in bins:
            t = time.perf_counter()
            r = subprocess.run([exe, "check", file], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - t)
            if r.returncode not in (0, 1):
                print(f"{name}: exit code {r.returncode}", file=sys.stderr)
                return 1
    print(f"{file}: {runs} runs each, load average {os.getloadavg()[0]:.1f} at the end")
    print(f"{'profile':10} {'median ms':>10} {'min ms':>8} {'size MiB':>9} {'max RSS MiB':>12}")
    for name, exe in bins:
        rss = ""
        if os.path.exists("/usr/bin/time"):
            r = subprocess.run(["/usr/bin/time", "-v", exe, "check", file], capture_output=True, text=True)
            for line in r.stderr.splitlines():
                if "Maximum resident set size" in line:
                    rss = f"{int(line.split(':')[1]) / 1024:.1f}"
        ms = [t * 1000 for t in times[name]]
        size = os.path.getsize(exe) / 2**20
        print(f"{name:10} {statistics.median(ms):10.2f} {min(ms):8.2f} {size:9.1f} {rss:>12}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
