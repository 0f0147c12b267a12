#!/usr/bin/env bash
# Produces the tables of docs/results-gpu.md: Philly with the cluster sized for offered loads 0.8 and 1.2, and
# Alibaba openb on its own nodes, under each GPU policy; energy per policy on Philly at load 1.2; the fill
# experiment on openb (place/best-fit against place/fragmentation); the gpu/etf energy-weight sweep on Philly over a
# heterogeneous cluster (every 20th of openb's nodes), with Jain's indices over whole runs and over one-hour windows of
# contention. Usage: bench/results-gpu.sh [OUT_DIR]
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
  for run in "gpu/fifo" "gpu/sjf" "gpu/tiresias" "gpu/qssf predictor/helios" "gpu/qssf predictor/group-mean" "gpu/qssf predictor/clairvoyant" "gpu/srtf predictor/clairvoyant"; do
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
echo
echo "QSSF with Philly's first month (8,225 jobs) as history:"
echo
echo "| jobs simulated, load | GPUs | policy | JCT mean (s) | JCT median (s) | JCT p95 (s) | JCT p99 (s) | delay mean (s) |"
echo "|---|---:|---|---:|---:|---:|---:|---:|"
for load in 0.8 1.2; do
  for predictor in predictor/clairvoyant predictor/group-mean predictor/helios; do
    folder="$out/philly.$load.qssf.${predictor#predictor/}.history8225"
    $augur simulate "$traces/philly-pollux.csv.gz" --policy gpu/qssf --predictor "$predictor" --load "$load" --history-jobs 8225 --quiet --out "$folder"
    python3 - "Philly after 8,225, $load" "$folder/summary.json" <<'PY'
import json, sys
label, path = sys.argv[1:]
s = json.load(open(path)); m = s["metrics"]
policy = s["policy"] + f" ({s['predictor']}{', ORACLE' if s.get('oracle') else ''})"
print(f"| {label} | {s['cluster']['gpus']} | {policy} | {m['jct_mean']:,.0f} | {m['jct_median']:,.0f} | {m['jct_p95']:,.0f} | "
      f"{m['jct_p99']:,.0f} | {m['queueing_delay_mean']:,.0f} |")
PY
  done
done

echo
echo "| policy (Philly, load 1.2, place/consolidate) | energy total (kWh) | charged to jobs (kWh) | idle, held by nobody (kWh) | GPUs held (mean) | fragmented GPUs (mean) | Jain GPU time | Jain energy |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
folder="$out/philly.1.2.etf.consolidate"
$augur simulate "$traces/philly-pollux.csv.gz" --policy gpu/etf --load 1.2 --quiet --out "$folder"
for policy in fifo sjf tiresias etf; do
  python3 - "$out/philly.1.2.$policy.consolidate/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); m = s["metrics"]
policy = s["policy"] + (" (ORACLE)" if s.get("oracle") else "")
print(f"| {policy} | {m['energy_total_kwh']:,.0f} | {m['energy_jobs_joules'] / 3.6e6:,.0f} | {m['energy_idle_joules'] / 3.6e6:,.0f} | "
      f"{m['gpu_allocated_mean']:.1f} | {m['fragmented_gpus_mean']:.2f} | {m['jain_gpu_time']:.3f} | {m['jain_energy']:.3f} |")
PY
done

echo
echo "| placement (openb, fill to 1.3 x 6,212 GPUs) | jobs placed | GPUs placed of asked | placed fraction | GPUs asked at first failure | GPUs free at the end | fragmented at the end |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for placement in place/consolidate place/best-fit place/spread place/fragmentation; do
  folder="$out/openb.fill1.3.${placement#place/}"
  $augur simulate "$traces/alibaba-openb-2023-pods.csv.gz" --placement "$placement" --fill 1.3 --quiet --out "$folder"
  python3 - "$folder/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); m = s["metrics"]
print(f"| {s['placement']} | {m['jobs_placed']:,} of {m['jobs_arrived']:,} | {m['gpus_placed']:,.1f} of {m['gpus_asked']:,.1f} | {m['placed_fraction']:.3f} | "
      f"{m['gpus_asked_at_first_failure']:,.1f} | {m['free_gpus']:,.1f} | {m['fragmented_gpus']:,.1f} |")
PY
done

# A heterogeneous cluster for the ETF sweep: every 20th of openb's nodes (314 GPUs of 6 models), built here from
# the shared file, never copied into the repository.
nodes="$out/openb-every20-gpu-nodes.csv"
zcat "$traces/alibaba-openb-2023-gpu-nodes.csv.gz" | awk -F, 'NR == 1 || (NR - 2) % 20 == 0' > "$nodes"
echo
echo "| policy (Philly on every 20th openb node, 314 GPUs) | energy weight | JCT mean (s) | delay mean (s) | Jain GPU time | Jain energy | Jain GPU time, windowed | Jain energy, windowed | windows with an index | energy total (kWh) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
sweep() { # folder weight-label
  python3 - "$1/summary.json" "$2" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); m = s["metrics"]
index = lambda value: "-" if value is None else f"{value:.4f}"
print(f"| {s['policy']} | {sys.argv[2]} | {m['jct_mean']:,.0f} | {m['queueing_delay_mean']:,.0f} | {index(m['jain_gpu_time'])} | {index(m['jain_energy'])} | "
      f"{index(m['jain_gpu_time_windowed'])} | {index(m['jain_energy_windowed'])} | {m['fairness_windows']:,} | {m['energy_total_kwh']:,.0f} |")
PY
}
for policy in gpu/fifo gpu/tiresias; do
  folder="$out/philly.hetero.${policy#gpu/}"
  $augur simulate "$traces/philly-pollux.csv.gz" --policy "$policy" --nodes "$nodes" --placement place/best-fit --quiet --out "$folder"
  sweep "$folder" "-"
done
for weight in 0 0.25 0.5 0.75 1; do
  folder="$out/philly.hetero.etf.w$weight"
  $augur simulate "$traces/philly-pollux.csv.gz" --policy gpu/etf --energy-weight "$weight" --nodes "$nodes" --placement place/best-fit --quiet --out "$folder"
  sweep "$folder" "$weight"
done
