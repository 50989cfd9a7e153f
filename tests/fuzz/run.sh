#!/usr/bin/env bash
# Runs every fuzz target of BUILD (built with -DRMC_FUZZ=ON) for SECONDS each, two at a time,
# starting from the inputs kept under tests/fuzz (corpus/TARGET, found/TARGET). New inputs go
# to BUILD/fuzz-corpus/TARGET, findings to BUILD/found. Exits 1 when any target found anything.
# Usage: tests/fuzz/run.sh BUILD SECONDS [TARGET...]
# Without TARGETs: all five.
set -uo pipefail
build=$1 seconds=$2
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(command command_line event projection keystore)
here=$(cd "$(dirname "$0")" && pwd)

run() {
  local t=$1 dict=()
  mkdir -p "$build/fuzz-corpus/$t" "$build/found" "$build/fuzz-logs"
  [ -f "$here/$t.dict" ] && dict=(-dict="$here/$t.dict")
  local seeds=("$here/corpus/$t")
  [ -d "$here/found/$t" ] && seeds+=("$here/found/$t")
  # Standard input is empty (the command line target may run `rmc apply`); rmc's own output is
  # dropped (-close_fd_mask), libFuzzer's and any report are kept in the log.
  "$build/fuzz_$t" -max_total_time="$seconds" -close_fd_mask=3 -print_final_stats=1 \
    -artifact_prefix="$build/found/$t-" "${dict[@]}" "$build/fuzz-corpus/$t" "${seeds[@]}" \
    </dev/null >"$build/fuzz-logs/$t.log" 2>&1
}

status=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  pids=()
  for t in "${targets[@]:i:2}"; do
    run "$t" &
    pids+=("$!:$t")
  done
  for p in "${pids[@]}"; do
    if wait "${p%%:*}"; then
      t=${p#*:}
      echo "fuzz_$t: nothing found; $(grep -h -E '^stat::number_of_executed_units|^stat::average_exec_per_sec' "$build/fuzz-logs/$t.log" | tr '\n' ' ')"
    else
      t=${p#*:}
      status=1
      echo "fuzz_$t: FOUND a failure (inputs in $build/found; log $build/fuzz-logs/$t.log):"
      grep -v -E '^#[0-9]+' "$build/fuzz-logs/$t.log" | tail -60
    fi
  done
done
exit $status
