#!/usr/bin/env bash
# Per-layer profile of one lab CNN epoch, ConvSpec and the PyTorch peer in one run (docs/performance.md,
# "Where an epoch's time goes"). Each side trains one plain epoch and one epoch cut layer by layer, from the
# same seed; PyTorch adds a third under torch.profiler. Prints the load average, peak RSS and a markdown table
# per side. Usage: benchmarks/epoch-profile.sh [threads=2]
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-2}
bin=artifacts/bench-profile
dotnet build benchmarks/ConvSpec.Benchmarks -c Release -o "$bin" -v q >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "%M" -o "$tmp/convspec.rss" dotnet "$bin/ConvSpec.Benchmarks.dll" epoch-profile "$threads" >"$tmp/convspec.json"
echo "load average between: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "%M" -o "$tmp/pytorch.rss" /usr/bin/python3 benchmarks/peer/profile_epoch.py "$threads" >"$tmp/pytorch.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 benchmarks/peer/profile_table.py "$tmp/convspec.json" "$tmp/convspec.rss" "$tmp/pytorch.json" "$tmp/pytorch.rss"
if [ -n "${PROFILE_KEEP:-}" ]; then cp "$tmp"/*.json "$tmp"/*.rss "$PROFILE_KEEP"/; fi
