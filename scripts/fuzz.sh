#!/usr/bin/env bash
# make fuzz: coverage-guided fuzzing of every JSON entry point with cargo-fuzz
# (libFuzzer), one target after the other, each for a bounded time.
#
#   FUZZ_SECONDS   seconds per target (default 50: about 4-5 minutes for the
#                  five, plus the build)
#   FUZZ_TARGETS   which targets (default: all of them, in the order below)
#   FUZZ_MAX_LEN   longest input in bytes (default 65536)
#   FUZZ_SANITIZER address, none... (default none: the crate has no unsafe
#                  code, and without ASan a target runs about twice as fast)
#
# Installs the nightly toolchain and cargo-fuzz only when they are missing
# (nothing else does: `make test` and .ci/run never need them). Seeds the
# corpus from tests/vectors/ (scripts/fuzz-seeds.py), fuzzes, prints one line
# per target, and fails if any target found a crash, a timeout or an
# out-of-memory; the input is then in fuzz/artifacts/<target>/ and the log in
# fuzz/artifacts/<target>/fuzz.log. docs/fuzzing.md has the details.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-50}
targets=${FUZZ_TARGETS:-assignment standard scoring ledger_stream beacon}
max_len=${FUZZ_MAX_LEN:-65536}
sanitizer=${FUZZ_SANITIZER:-none}
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz: installing the nightly toolchain (cargo-fuzz needs it)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz
fi

python3 scripts/fuzz-seeds.py --max-len "$max_len"

# -O: optimised; -a: with debug assertions and overflow checks, so an
# arithmetic overflow is a crash too.
flags=(-O -a -s "$sanitizer")
echo "fuzz: building the targets (cargo +nightly fuzz build ${flags[*]})"
mkdir -p fuzz/artifacts
if ! cargo +nightly fuzz build "${flags[@]}" >fuzz/artifacts/build.log 2>&1; then
  tail -n 60 fuzz/artifacts/build.log
  echo "fuzz: the build failed (fuzz/artifacts/build.log)"
  exit 1
fi

triple=$(rustc +nightly -vV | sed -n 's/^host: //p')

failed=()
summary=()
for target in $targets; do
  mkdir -p "fuzz/artifacts/$target"
  log="fuzz/artifacts/$target/fuzz.log"
  echo "fuzz: $target for ${seconds}s"
  status=0
  # The binary built above, not `cargo fuzz run`, which would rebuild first if
  # src/ changed meanwhile: every target of a run fuzzes the same build.
  "fuzz/target/$triple/release/$target" -artifact_prefix="fuzz/artifacts/$target/" \
    -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -max_total_time="$seconds" \
    -dict="fuzz/dict/$target.dict" -print_final_stats=1 "fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  # libFuzzer's last status line: "#N DONE cov: C ft: F corp: K/Sb lim: L exec/s: E rss: R".
  stats=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$stats")
  [ -n "$rate" ] || rate=$(sed -n 's/.*exec\/s: \([0-9]*\).*/\1/p' <<<"$stats")
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$stats")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$stats")
  corp=$(sed -n 's/.*corp: \([0-9]*\/[0-9]*[A-Za-z]*\).*/\1/p' <<<"$stats")
  if [ "$status" = 0 ]; then
    verdict=ok
  else
    verdict=FAILED
    failed+=("$target")
    echo "fuzz: $target failed (exit $status); end of $log:"
    grep -v -E '^(#[0-9]+|INFO:)' "$log" | tail -n 40 | sed 's/^/  | /'
    ls fuzz/artifacts/"$target"/ | grep -v '^fuzz.log$' | sed "s|^|  input: fuzz/artifacts/$target/|" || true
  fi
  summary+=("$(printf 'fuzz: %-13s %-6s %10s execs %6s exec/s  cov %5s  ft %6s  corpus %s' \
    "$target" "$verdict" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}")")
done

printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in fuzz/artifacts/<target>/; replay one with cargo +nightly fuzz run ${flags[*]} <target> <input>)"
  exit 1
fi
echo "fuzz: no crash, timeout or out-of-memory in ${seconds}s per target"
