#!/usr/bin/env bash
# Measures Augur's replay speed and memory and prints the tables for docs/benchmarks.md.
#  1. BenchmarkDotNet, in-process steady state (parse + filter + simulate), mean of 10 iterations after 2 warm-ups;
#  2. the augur command itself, cold (process start and JIT included), wall time and peak RSS from /usr/bin/time.
# Usage: bench/run.sh [--quick]   (--quick skips BenchmarkDotNet)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
traces="$(cd "$root/../shared/traces" && pwd)"
export AUGUR_TRACES="$traces" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
cd "$root"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), .NET $(dotnet --version)"

if [[ "${1:-}" != "--quick" ]]; then
  dotnet run -c Release --project bench/Augur.Benchmarks -- --filter '*' --exporters csv markdown --artifacts "$root/.augur/bench" >/dev/null
  echo
  echo "### BenchmarkDotNet (steady state, parsing included; mean of 10 iterations after 2 warm-ups)"
  echo
  echo "| trace | policy | records | mean time (ms) | std dev (ms) | records/s | allocated per replay |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  csv="$root/.augur/bench/results/Augur.Benchmarks.ReplayBenchmarks-report.csv"
  # Columns: ...,Case,Mean,Error,StdDev,...,Allocated
  python3 - "$csv" "$traces" <<'PY'
import csv, gzip, sys
files = {"KTH": "KTH-SP2.filtered.swf.gz", "SDSC": "SDSC-SP2.filtered.swf.gz", "CTC": "CTC-SP2.filtered.swf.gz",
         "LLNL": "LLNL-Atlas-2006-2.1-cln.swf.gz", "RICC": "RICC-2010-2.swf.gz"}
policies = {"fcfs": "queue/fcfs", "easy": "backfill/easy", "cons": "backfill/conservative"}
rows = list(csv.DictReader(open(sys.argv[1])))
def jobs(trace):
    count = 0
    with gzip.open(f"{sys.argv[2]}/hpc/{trace}", "rt", errors="replace") as f:
        for line in f:
            s = line.strip()
            if s and not s.startswith(";"):
                count += 1
    return count
cache = {}
def ms(text):
    value, unit = text.replace(",", "").split()
    return float(value) * {"s": 1000, "ms": 1, "μs": 0.001, "us": 0.001}[unit]
for row in rows:
    key, short = row["Case"].split("|")
    trace, policy = files[key], policies[short]
    n = cache.setdefault(trace, jobs(trace))
    mean = ms(row["Mean"])
    print(f"| {trace} | {policy} | {n:,} | {mean:,.1f} | {ms(row['StdDev']):,.1f} | {n / (mean / 1000):,.0f} | {row['Allocated']} |")
PY
fi

echo
echo "### augur simulate, cold process (start, JIT, parse, simulate, write the run folder)"
echo
echo "| trace | policy | jobs | wall time (s) | jobs/s | peak memory (MB) |"
echo "|---|---|---:|---:|---:|---:|"
./augur policies >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for trace in KTH-SP2.filtered SDSC-SP2.filtered CTC-SP2.filtered LLNL-Atlas-2006-2.1-cln RICC-2010-2; do
  for policy in queue/fcfs backfill/easy backfill/conservative backfill/easy++ "backfill/easy++ --predictor predictor/moe"; do
    if [[ "$trace" == RICC-2010-2 && "$policy" == backfill/conservative ]]; then
      limit=400
    else
      limit=300
    fi
    rc=0
    timeout "$limit" /usr/bin/time -f "%e %M" -o "$out/time" ./augur simulate "$traces/hpc/$trace.swf.gz" --policy $policy --out "$out/run" --quiet || rc=$?
    if (( rc == 0 )); then
      read -r seconds kilobytes < "$out/time"
      jobs=$(($(wc -l < "$out/run/jobs.csv") - 1))
      printf '| %s | %s | %s | %s | %s | %s |\n' "$trace" "$policy" "$jobs" "$seconds" \
        "$(awk -v j="$jobs" -v s="$seconds" 'BEGIN {printf "%.0f", j / s}')" "$(awk -v k="$kilobytes" 'BEGIN {printf "%.0f", k / 1024}')"
    elif (( rc == 124 )); then
      printf '| %s | %s | - | > %s | - | - |\n' "$trace" "$policy" "$limit"
    else
      printf '| %s | %s | - | failed (exit %s) | - | - |\n' "$trace" "$policy" "$rc"
    fi
  done
done
