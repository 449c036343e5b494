#!/usr/bin/env bash
# RUSTC_WRAPPER for fuzz builds: keep libFuzzer's coverage instrumentation on proplint and
# the fuzz targets only. Instrumented dependencies (regex, tokio, serde_json, tower-lsp...)
# made each execution 3-5x slower, mostly in comparison tracing and in collecting millions
# of counters, while the campaign is about proplint's own code: those crates are fuzzed by
# their own projects. Usage (docs/reliability.md):
#   RUSTC_WRAPPER="$PWD/instrument-own-code.sh" RUSTC_BOOTSTRAP=1 cargo fuzz build -s none
set -euo pipefail
rustc="$1"
shift
crate=""
prev=""
for arg in "$@"; do
  if [ "$prev" = "--crate-name" ]; then crate="$arg"; fi
  prev="$arg"
done
case "$crate" in
  proplint | check | docx | lsp) exec "$rustc" "$@" ;;
esac
args=()
drop_next=false
for arg in "$@"; do
  if $drop_next; then
    drop_next=false
    case "$arg" in
      passes=sancov-module | llvm-args=-sanitizer-coverage*) continue ;;
      *) args+=("-C" "$arg"); continue ;;
    esac
  fi
  case "$arg" in
    -C) drop_next=true ;;
    -Cpasses=sancov-module | -Cllvm-args=-sanitizer-coverage*) ;;
    *) args+=("$arg") ;;
  esac
done
exec "$rustc" "${args[@]}"
