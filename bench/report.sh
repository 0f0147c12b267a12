#!/usr/bin/env bash
# Measures report.html on the real traces: the page's size, the time `augur report` takes to write it (cold process),
# and the time headless Chromium takes to draw it. The page records, in its body's data-render-ms attribute, the
# milliseconds from navigation start until every chart is on its canvas (performance.now(), before the load event);
# chromium --dump-dom prints the DOM after the load event, so the attribute is there. Median of 5 loads, each with a
# fresh profile. Prints the table for docs/benchmarks.md.
# Usage: bench/report.sh [TRACE...]   (default: KTH-SP2, SDSC-SP2, CTC-SP2, RICC-2010-2 under backfill/easy;
#        philly-pollux: the whole Philly GPU trace under gpu/tiresias at load 1.2, a GPU run's report)
# AUGUR=COMMAND runs that instead of ./augur (for example "dotnet /tmp/x/bin/Augur.Cli/release/augur.dll").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
traces="$(cd "$root/../shared/traces/hpc" && pwd)"
gpu_traces="$(cd "$root/../shared/traces/gpu" && pwd)"
read -r -a augur <<<"${AUGUR:-./augur}"
chromium="${AUGUR_CHROMIUM:-/usr/bin/chromium}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
names=("$@")
if (( ${#names[@]} == 0 )); then names=(KTH-SP2.filtered SDSC-SP2.filtered CTC-SP2.filtered RICC-2010-2); fi

echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $("$chromium" --version 2>/dev/null | head -1)"
echo
echo "| trace | jobs | report.html (MB) | augur report, cold (s) | drawn in Chromium, median of 5 (ms) | charts drawn |"
echo "|---|---:|---:|---:|---:|---:|"
for name in "${names[@]}"; do
  run="$work/$name"
  if [[ "$name" == philly-pollux ]]; then
    "${augur[@]}" simulate "$gpu_traces/$name.csv.gz" --policy gpu/tiresias --load 1.2 --out "$run" --quiet
  else
    "${augur[@]}" simulate "$traces/$name.swf.gz" --policy backfill/easy --out "$run" --quiet
  fi
  /usr/bin/time -f '%e' -o "$work/time" "${augur[@]}" report "$run" >/dev/null
  page="$run/report.html"
  times=()
  drawn=""
  for _ in 1 2 3 4 5; do
    profile="$(mktemp -d)"
    dom="$("$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
      --no-first-run --disable-sync --user-data-dir="$profile" --window-size=1100,900 --dump-dom "file://$page" 2>/dev/null)"
    rm -rf "$profile"
    times+=("$(sed -n 's/.*data-render-ms="\([0-9]*\)".*/\1/p' <<<"$dom")")
    drawn="$(sed -n 's/.*data-charts-drawn="\([0-9]*\)".*/\1/p' <<<"$dom")"
  done
  median="$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)"
  jobs=$(($(wc -l < "$run/jobs.csv") - 1))
  size="$(awk -v b="$(stat -c %s "$page")" 'BEGIN {printf "%.2f", b / 1048576}')"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$jobs" "$size" "$(cat "$work/time")" "$median" "$drawn"
done
