#!/usr/bin/env bash
# Trains each model once per seed through the CLI and prints one line per run:
#   model seed test_accuracy epoch_seconds...
# Usage: benchmarks/accuracy-seeds.sh [first-seed] [last-seed] [step]   (default 0..9, step 1)
# Set OMP_NUM_THREADS=1 to run two copies side by side on a busy machine (thread count changes
# only the float summation order, not the recipe).
set -euo pipefail
cd "$(dirname "$0")/.."
first=${1:-0}
last=${2:-9}
step=${3:-1}
cli=${CONVSPEC_CLI:-artifacts/seeds/ConvSpec.Cli.dll}
[ -f "$cli" ] || dotnet build src/ConvSpec.Cli -c Release -o "$(dirname "$cli")" -v q >/dev/null
out=$(mktemp -d)
for seed in $(seq "$first" "$step" "$last"); do
  dotnet "$cli" train --model labcnn --epochs 1 --seed "$seed" --metrics "$out/labcnn-$seed.json" >/dev/null 2>&1
  dotnet "$cli" train --model lenet --epochs 3 --seed "$seed" --metrics "$out/lenet-$seed.json" >/dev/null 2>&1
  for model in labcnn lenet; do
    python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(sys.argv[2], sys.argv[3], m['test_accuracy'], *[round(s,1) for s in m['epoch_seconds']])" \
      "$out/$model-$seed.json" "$model" "$seed"
  done
done
rm -rf "$out"
