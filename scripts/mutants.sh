#!/usr/bin/env bash
# `make mutants`: mutation testing of the three engines with cargo-mutants
# (not part of `make test`). Each engine's mutants are tested against that
# engine's own test targets. A full run is about 1,900 mutants, many hours on
# two cores; MUTANTS_SAMPLE=n tests every n-th mutant (round-robin, so the
# sample spreads over every file), MUTANTS_SAMPLE=1 tests them all.
# It tests the committed tree (a clone of HEAD), so that files being written
# meanwhile (a fuzzer's corpus) are not copied half-way.
# Reports: target/mutants/<engine>/mutants.out/ (caught.txt, missed.txt, ...).
# Usage: scripts/mutants.sh [assignment|standard|scoring ...]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

if ! command -v cargo-mutants >/dev/null; then
  cargo install cargo-mutants
fi

sample="${MUTANTS_SAMPLE:-20}"
engines=("$@")
[ ${#engines[@]} -eq 0 ] && engines=(standard scoring assignment)

tests_of() {
  case "$1" in
    assignment) echo "--lib --test assignment --test assignment_attacks --test assignment_audit --test assignment_properties --test limits --test vectors" ;;
    standard) echo "--lib --test standard --test standard_properties --test limits --test vectors" ;;
    scoring) echo "--lib --test scoring --test scoring_grades --test scoring_paths --test scoring_table --test scoring_properties --test limits --test vectors" ;;
    *) echo "unknown engine $1" >&2; exit 2 ;;
  esac
}

src="$root/target/mutants/src"
rm -rf "$src"
git clone --quiet "$root" "$src"

for engine in "${engines[@]}"; do
  out="$root/target/mutants/$engine"
  rm -rf "$out"
  mkdir -p "$out"
  # shellcheck disable=SC2046
  (cd "$src" && cargo mutants -f "src/$engine/*.rs" --shard "0/$sample" --sharding round-robin \
    --output "$out" --timeout 300 --no-shuffle -- $(tests_of "$engine")) || true
  dir="$out/mutants.out"
  count() { [ -f "$dir/$1.txt" ] && wc -l < "$dir/$1.txt" || echo 0; }
  caught=$(count caught); missed=$(count missed); timeout=$(count timeout); unviable=$(count unviable)
  tested=$((caught + missed + timeout))
  score=$(awk -v c="$caught" -v t="$timeout" -v n="$tested" 'BEGIN { if (n > 0) printf "%.1f", 100 * (c + t) / n; else print "-" }')
  echo "mutants: $engine: 1 in $sample tested: $caught caught, $timeout timed out, $missed missed, $unviable unviable: ${score}% caught"
done
