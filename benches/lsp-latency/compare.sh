#!/usr/bin/env bash
# Compares two (or more) builds of a language server on the latency benchmark. The
# machine's speed drifts by tens of percent over minutes, so one run of each is not a
# comparison: the servers are alternated over seeds 7..12 and the median of the six runs
# of each is printed (p50, p99, first diagnostics, VmHWM).
#
#   cargo build --release --benches
#   benches/lsp-latency/compare.sh [HARNESS OPTIONS] -- BINARY_A BINARY_B ...
#
# Each BINARY is run as `BINARY lsp`; HARNESS OPTIONS are the benchmark's own (`--clean`,
# `--pull`, `--no-separators`, `--size N` ...). Example: copy target/release/proplint to
# /tmp/before, make the change, build again, then
#   benches/lsp-latency/compare.sh -- /tmp/before "$PWD/target/release/proplint"
set -euo pipefail
cd "$(dirname "$0")/../.."
options=()
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do options+=("$1"); shift; done
[ "$#" -gt 1 ] || { echo "usage: $0 [HARNESS OPTIONS] -- BINARY_A BINARY_B ..." >&2; exit 2; }
shift
harness=$(ls -t target/release/deps/lsp_latency-* 2>/dev/null | grep -v '\.d$' | head -1 || true)
[ -n "$harness" ] || { echo "build the benchmark first: cargo build --release --benches" >&2; exit 2; }
for seed in 7 8 9 10 11 12; do
  for binary in "$@"; do
    printf '%s\t' "$binary"
    "$harness" "${options[@]}" --edits 300 --seed "$seed" --json -- "$binary" lsp 2>/dev/null
  done
done | python3 -c '
import json, statistics, sys
runs = {}
for line in sys.stdin:
    binary, figures = line.split("\t", 1)
    runs.setdefault(binary, []).append(json.loads(figures))
keys = ("p50_ms", "p99_ms", "first_diagnostics_ms", "vm_hwm_kib")
for binary, rs in runs.items():
    m = {key: statistics.median(r[key] for r in rs) for key in keys}
    print("{}: p50 {:.3f} ms, p99 {:.3f} ms, first diagnostics {:.1f} ms, VmHWM {:.1f} MiB ({} runs)".format(
        binary, m["p50_ms"], m["p99_ms"], m["first_diagnostics_ms"], m["vm_hwm_kib"] / 1024, len(rs)))
'
