#!/usr/bin/env bash
# The CPU time of grading one class with two builds of the grader, alternating in one run, as docs/performance.md
# reports it. Each run is `convspec grade --timeout 5 --parallel 2 --setup-cache` in a cpuacct control group of its
# own (v1, as root), whose count includes the groups the grader makes for compilers and hosts; both setup caches are
# built first, so the runs time grading alone. Prints, per run: the CPU seconds, the seconds per student summed from
# timing.csv, and the load average.
# Usage: benchmarks/grading-cpu-ab.sh OLD_SUITE NEW_SUITE [rounds=3] [samples...]
#   OLD_SUITE, NEW_SUITE: checkouts whose src/ConvSpec.Cli is built (Debug); the class is NEW_SUITE's solution with
#   each sample of its tests/Grading/Submissions laid over it (default: four copies of the solution, off_by_one_bounds,
#   sobel_swapped).
set -euo pipefail
old=$(realpath "$1") new=$(realpath "$2")
rounds=${3:-3}
shift $(($# < 3 ? $# : 3))
samples=("$@")
[ ${#samples[@]} -gt 0 ] || samples=(c1 c2 c3 c4 off_by_one_bounds sobel_swapped)
accounting=/sys/fs/cgroup/cpuacct
[ -w "$accounting" ] || { echo "grading-cpu-ab.sh: needs a writable v1 cpuacct hierarchy at $accounting (root)." >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"; rmdir "$accounting"/convspec-ab-* 2>/dev/null || true' EXIT

cli() { echo "$1/src/ConvSpec.Cli/bin/Debug/net10.0/ConvSpec.Cli.dll"; }
dotnet "$(cli "$new")" assign --out "$work/starter" --suite "$new" >/dev/null
. "$(dirname "$0")/sample-class.sh"
for student in "${samples[@]}"; do
  if [ -d "$new/tests/Grading/Submissions/$student" ]; then make_student "$work" "$new" "$student" "$student"; else make_student "$work" "$new" "$student"; fi
done

for suite in "$old" "$new"; do dotnet "$(cli "$suite")" grade prepare --setup-cache "$work/cache" --suite "$suite" >/dev/null; done

run() { # label suite
  local group="$accounting/convspec-ab-$1-$RANDOM" out="$work/out-$RANDOM"
  mkdir "$group"
  (echo "$BASHPID" >"$group/cgroup.procs"; exec dotnet "$(cli "$2")" grade "$work/class" --out "$out" --timeout 5 --parallel 2 \
    --setup-cache "$work/cache" --suite "$2" >"$work/log-$1.txt" 2>&1)
  awk -v label="$1" -v cpu="$(cat "$group/cpuacct.usage")" -v load="$(cut -d' ' -f1 /proc/loadavg)" -F, \
    'NR > 1 { s += $2 } END { printf "%-4s %6.1f CPU-s  %6.1f s of grading  load %s\n", label, cpu / 1e9, s, load }' "$out/timing.csv"
}
for round in $(seq 1 "$rounds"); do run old "$old"; run new "$new"; done
