#!/usr/bin/env bash
# Times `convspec grade` over a class made from the sample hand-ins, as docs/performance.md reports it:
# 50 correct, 20 off_by_one_bounds, 10 each of sobel_swapped, forgets_zero_grad and cnn_missing_relu
# (scaled to the size asked for). Prints the wall time, the setup time (until the first student is done,
# less that student's own seconds) and the mean, median and largest seconds per student from timing.csv.
# Usage: benchmarks/grading-class.sh [students] [parallel] [suite]   (default 100, 2, this checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
students=${1:-100}
parallel=${2:-2}
suite=$(realpath "${3:-.}")
cli=${CONVSPEC_CLI:-src/ConvSpec.Cli/bin/Debug/net10.0/ConvSpec.Cli.dll}
[ -f "$cli" ] || dotnet build src/ConvSpec.Cli -v q >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet "$cli" assign --out "$work/starter" --suite "$suite" >/dev/null
. benchmarks/sample-class.sh
n=0
for mix in correct:50 off_by_one_bounds:20 sobel_swapped:10 forgets_zero_grad:10 cnn_missing_relu:10; do
  kind=${mix%%:*}
  count=$(( ${mix##*:} * students / 100 ))
  for k in $(seq 1 "$count"); do
    n=$((n + 1))
    if [ "$kind" = correct ]; then make_student "$work" "$suite" "$(printf '%s_%03d' "$kind" "$k")"; else make_student "$work" "$suite" "$(printf '%s_%03d' "$kind" "$k")" "$kind"; fi
  done
done

start=$(date +%s.%N)
dotnet "$cli" grade "$work/class" --out "$work/out" --parallel "$parallel" --suite "$suite" \
  | while IFS= read -r line; do echo "$(date +%s.%N) $line"; done > "$work/log"
end=$(date +%s.%N)
first=$(grep -m1 -E ' points \(' "$work/log")
python3 - "$start" "$end" "$n" "$parallel" "$first" "$work/out/timing.csv" <<'PY'
import statistics, sys
start, end, n, parallel, first, timing = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
seconds = [float(line.split(',')[1]) for line in open(timing).read().split('\n')[1:] if line]
first_done = float(first.split()[0]); first_own = float(first.split('(')[-1].split()[0])
setup = first_done - first_own - start
print(f"{n} students, --parallel {parallel}: {end - start:.0f} s in all, setup {setup:.0f} s, "
      f"{(end - start - setup) / n:.2f} s of wall time per student; "
      f"per student mean {statistics.mean(seconds):.1f} s, median {statistics.median(seconds):.1f} s, largest {max(seconds):.1f} s")
PY
