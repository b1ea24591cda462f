#!/usr/bin/env bash
# Runs libFuzzer targets for a bounded time each, from their seed corpora.
#   run-fuzz.sh SECONDS|--from-env WORKDIR NAME:EXE:SEEDS:DICT...   (DICT may be empty)
# --from-env takes the time from FUZZ_SECONDS (default 60). Inputs the fuzzer
# finds go to WORKDIR/corpus/NAME (never into the source tree), crashes and
# other findings to WORKDIR/findings/NAME; the log is WORKDIR/NAME.log.
set -euo pipefail
# fontconfig's process-lifetime caches are its only "leaks" (the PDF reader
# lays out text through it): suppressed as for the test suite.
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")/.." && pwd)/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
seconds=$1; shift
if [ "$seconds" = --from-env ]; then seconds=${FUZZ_SECONDS:-60}; fi
work=$1; shift
status=0
for spec in "$@"; do
  IFS=: read -r name exe seeds dict <<< "$spec"
  corpus=$work/corpus/$name
  findings=$work/findings/$name
  log=$work/$name.log
  mkdir -p "$corpus" "$findings"
  options=()
  if [ -n "$dict" ]; then options+=(-dict="$dict"); fi
  echo "fuzz-$name: ${seconds}s from $(ls "$seeds" | wc -l) seeds"
  if "$exe" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=131072 \
       "${options[@]}" -artifact_prefix="$findings/" -print_final_stats=1 \
       "$corpus" "$seeds" > "$log" 2>&1; then
    grep -E '^#[0-9]+.*(DONE|pulse)' "$log" | tail -1 || true
    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$log" || true
  else
    status=1
    echo "fuzz-$name FOUND A PROBLEM; input saved in $findings:"
    grep -vE '^#[0-9]+' "$log" | tail -40
  fi
done
exit $status
