#!/usr/bin/env bash
# Trains each model once per seed through the CLI and prints one line per run:
#   model seed test_accuracy epoch_seconds...
# Usage: benchmarks/accuracy-seeds.sh [first-seed] [last-seed]   (default 0..9)
set -euo pipefail
cd "$(dirname "$0")/.."
first=${1:-0}
last=${2:-9}
dotnet build src/ConvSpec.Cli -c Release -v q >/dev/null
cli=src/ConvSpec.Cli/bin/Release/net10.0/ConvSpec.Cli.dll
out=$(mktemp -d)
for seed in $(seq "$first" "$last"); do
  dotnet "$cli" train --model labcnn --epochs 1 --seed "$seed" --metrics "$out/labcnn-$seed.json" >/dev/null 2>&1
  dotnet "$cli" train --model lenet --epochs 3 --seed "$seed" --metrics "$out/lenet-$seed.json" >/dev/null 2>&1
  for model in labcnn lenet; do
    python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(sys.argv[2], sys.argv[3], m['test_accuracy'], *[round(s,1) for s in m['epoch_seconds']])" \
      "$out/$model-$seed.json" "$model" "$seed"
  done
done
rm -rf "$out"
