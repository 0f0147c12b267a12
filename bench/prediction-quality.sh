#!/usr/bin/env bash
# Prediction quality of predictor/tsafrir against predictor/moe on every HPC trace in ../shared, online with
# `augur predict` (docs/results.md). Usage: bench/prediction-quality.sh [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/runs/prediction-quality}"
traces="$root/../shared/traces/hpc"
mkdir -p "$out"
echo "| trace | predictor | MAE (s) | median AE (s) | under-predicted | accuracy | p10-p90 coverage |"
echo "|---|---|---:|---:|---:|---:|---:|"
for file in KTH-SP2.filtered SDSC-SP2.filtered CTC-SP2.filtered KTH-SP2-1996-2.1-cln LLNL-Atlas-2006-2.1-cln HPC2N-2002-2.2-cln.first3171 NASA-iPSC-1993-3.1-cln lublin-aaroh lublin_256 RICC-2010-2 "wagap-2013 --lenient --procs 2176"; do
  set -- $file
  name="$1"; shift
  for predictor in tsafrir moe; do
    "$root/augur" predict "$traces/$name.swf.gz" "$@" --predictor "predictor/$predictor" --out "$out/$name.$predictor" \
      | awk -v t="$name" 'found && NF >= 6 && $1 ~ /^predictor\// {printf "| %s | %s | %s | %s | %s | %s | %s |\n", t, $1, $2, $3, $4, $5, $6; exit} /MAE/ {found=1}'
  done
done
