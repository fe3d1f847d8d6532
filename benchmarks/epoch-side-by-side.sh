#!/usr/bin/env bash
# One epoch of the lab CNN (2 threads, tensors in memory), ConvSpec and the PyTorch peer, interleaved
# in one run so both see the same machine load. Prints one line per run: who, epoch seconds, test
# accuracy, peak RSS (MiB), minor page faults. Usage: benchmarks/epoch-side-by-side.sh [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
bin=artifacts/bench
dotnet build src/ConvSpec.Cli -c Release -o "$bin" -v q >/dev/null
tmp=$(mktemp -d)
tunables="glibc.malloc.mmap_threshold=4294967295:glibc.malloc.trim_threshold=4294967295"

run() { # name, command...
  local name=$1; shift
  /usr/bin/time -v -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err"
  local rss faults
  rss=$(awk -F: '/Maximum resident/ {printf "%.0f", $2/1024}' "$tmp/time")
  faults=$(awk -F: '/Minor/ {print $2+0}' "$tmp/time")
  python3 - "$name" "$tmp/out" "$rss" "$faults" <<'PY'
import json, sys
name, path, rss, faults = sys.argv[1:]
text = open(path).read()
m = json.loads(text) if text.lstrip().startswith("{") else json.loads(open(path + ".json").read())
print(f"{name:28} epoch {m['epoch_seconds'][0]:6.1f} s  test acc {m['test_accuracy']:.4f}  peak RSS {rss:>5} MiB  minor faults {faults}")
PY
}

for round in $(seq 1 "$rounds"); do
  echo "round $round"
  run "convspec" dotnet "$bin/ConvSpec.Cli.dll" train --model labcnn --epochs 1 --seed 0 --metrics "$tmp/out.json"
  run "convspec (malloc as is)" env CONVSPEC_MALLOC_TUNING=off dotnet "$bin/ConvSpec.Cli.dll" train --model labcnn --epochs 1 --seed 0 --metrics "$tmp/out.json"
  run "pytorch 1.13" /usr/bin/python3 benchmarks/peer/train_epoch.py --model labcnn --seed 0
  run "pytorch 1.13 (tunables)" env GLIBC_TUNABLES="$tunables" /usr/bin/python3 benchmarks/peer/train_epoch.py --model labcnn --seed 0
done
rm -rf "$tmp"
