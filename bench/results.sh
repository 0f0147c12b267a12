#!/usr/bin/env bash
# Produces the table of docs/results.md: mean bounded slowdown and mean wait per trace under EASY and EASY++
# with each run-time predictor (their default correctors), plus prediction accuracy. Usage: bench/results.sh [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/runs/results}"
traces="$root/../shared/traces/hpc"
mkdir -p "$out"
row() { # trace label folder
  python3 - "$1" "$2" "$3/summary.json" <<'PY'
import json, sys
trace, label, path = sys.argv[1:]
s = json.load(open(path)); m = s["metrics"]; p = s.get("prediction")
fmt = lambda v, d: "-" if v is None else f"{v:,.{d}f}"
print(f"| {trace} | {label} | {m['bsld_mean']:.2f} | {m['wait_mean']:,.0f} | "
      f"{fmt(p and p['mae'], 0)} | {fmt(p and p['accuracy_mean'], 3)} | {fmt(p and p['underprediction_rate'], 3)} |")
PY
}
echo "| trace | policy (predictor, corrector) | bsld mean | wait mean (s) | MAE (s) | accuracy | under-predicted |"
echo "|---|---|---:|---:|---:|---:|---:|"
for trace in KTH-SP2 SDSC-SP2 CTC-SP2 LLNL-Atlas-2006-2.1-cln RICC-2010-2; do
  if [[ -e "$traces/$trace.filtered.swf.gz" ]]; then file="$traces/$trace.filtered.swf.gz"; filter=sc15; else file="$traces/$trace.swf.gz"; filter=default; fi
  "$root/augur" simulate "$file" --filter "$filter" --policy backfill/easy --quiet --out "$out/$trace.easy"
  row "$trace" "backfill/easy (request)" "$out/$trace.easy"
  for predictor in tsafrir xgboost moe clairvoyant; do
    "$root/augur" simulate "$file" --filter "$filter" --policy backfill/easy++ --predictor "predictor/$predictor" --quiet --out "$out/$trace.easypp-$predictor"
    corrector="$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['prediction']['corrector'])" "$out/$trace.easypp-$predictor/summary.json")"
    row "$trace" "backfill/easy++ (predictor/$predictor, $corrector)" "$out/$trace.easypp-$predictor"
  done
done
