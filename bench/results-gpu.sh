#!/usr/bin/env bash
# Produces the tables of docs/results-gpu.md: Philly with the cluster sized for offered loads 0.8 and 1.2, and
# Alibaba openb on its own nodes, under each GPU policy. Usage: bench/results-gpu.sh [OUT_DIR]
# AUGUR overrides the command (default: the repository's ./augur).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/runs/results-gpu}"
augur="${AUGUR:-$root/augur}"
traces="$root/../shared/traces/gpu"
mkdir -p "$out"
row() { # label folder
  python3 - "$1" "$2/summary.json" <<'PY'
import json, sys
label, path = sys.argv[1:]
s = json.load(open(path)); m = s["metrics"]; c = s["cluster"]
policy = s["policy"] + (f" ({s['predictor']}{', ORACLE' if s.get('oracle') else ''})" if s.get("predictor") else "")
print(f"| {label} | {c['gpus']} | {policy} | {s['placement']} | {m['jct_mean']:,.0f} | {m['jct_median']:,.0f} | "
      f"{m['jct_p95']:,.0f} | {m['jct_p99']:,.0f} | {m['queueing_delay_mean']:,.0f} | {m['gpu_allocation']:.3f} | {m['slowed_by_spread']} | {m['preemptions']} |")
PY
}
echo "| trace, load | GPUs | policy | placement | JCT mean (s) | JCT median (s) | JCT p95 (s) | JCT p99 (s) | delay mean (s) | GPU allocation | slowed | preemptions |"
echo "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for load in 0.8 1.2; do
  for policy in gpu/fifo gpu/sjf gpu/tiresias; do
    for placement in place/consolidate place/best-fit place/spread; do
      folder="$out/philly.$load.${policy#gpu/}.${placement#place/}"
      $augur simulate "$traces/philly-pollux.csv.gz" --policy "$policy" --placement "$placement" --load "$load" --quiet --out "$folder"
      row "Philly, $load" "$folder"
    done
  done
done
echo
echo "Issue 7's comparison (place/consolidate):"
echo
echo "| trace, load | GPUs | policy | placement | JCT mean (s) | JCT median (s) | JCT p95 (s) | JCT p99 (s) | delay mean (s) | GPU allocation | slowed | preemptions |"
echo "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for load in 0.8 1.2; do
  for run in "gpu/fifo" "gpu/sjf" "gpu/tiresias" "gpu/qssf predictor/helios" "gpu/qssf predictor/clairvoyant" "gpu/srtf predictor/clairvoyant"; do
    read -r policy predictor <<<"$run"
    folder="$out/philly.$load.${policy#gpu/}${predictor:+.${predictor#predictor/}}"
    $augur simulate "$traces/philly-pollux.csv.gz" --policy "$policy" ${predictor:+--predictor "$predictor"} --load "$load" --quiet --out "$folder"
    row "Philly, $load" "$folder"
  done
done
for policy in gpu/fifo gpu/sjf gpu/tiresias gpu/qssf gpu/srtf; do
  folder="$out/openb.${policy#gpu/}"
  $augur simulate "$traces/alibaba-openb-2023-pods.csv.gz" --policy "$policy" --placement place/best-fit --quiet --out "$folder"
  row "openb, own nodes" "$folder"
done
