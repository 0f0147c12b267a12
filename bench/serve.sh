#!/usr/bin/env bash
# Measures 'augur serve' (docs/benchmarks.md, "Service"):
#  1. sustained durable submissions per second: 8 closed-loop clients, each waiting for its 201 (the job committed
#     to SQLite with synchronous=FULL) before sending the next; 10,000 jobs, then 4,096 more;
#  2. the scheduling decision latency at p50 and p99 under backfill/easy with 10,000 or more jobs queued: the
#     4,096 decisions of the second round, read from /metrics (augur_scheduling_latency_recent_seconds).
# The machine gets 2 processors; a first job holds one for an hour and every later job asks for both, so all of
# them queue and each submission is a decision point over the whole queue.
# Usage: bench/serve.sh   (CLIENTS=N changes the number of clients)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
data="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), .NET $(dotnet --version)"
dotnet build "$root/bench/Augur.ServiceLoad/Augur.ServiceLoad.csproj" -c Release -o "$root/.augur/serviceload" --nologo -v quiet >/dev/null
load() { dotnet "$root/.augur/serviceload/Augur.ServiceLoad.dll" "$url" "$token" "$@"; }

token="$("$root/augur" token create --user bench --admin --data "$data" 2>/dev/null)"
"$root/augur" serve --data "$data" --urls http://127.0.0.1:0 --procs 2 --policy backfill/easy 2>"$data/serve.log" &
pid=$!
for _ in $(seq 1 200); do
  url="$(sed -n 's/.*listening on \([^ ,]*\).*/\1/p' "$data/serve.log")"
  [[ -n "$url" ]] && break
  sleep 0.1
done
[[ -n "$url" ]] || { cat "$data/serve.log" >&2; exit 1; }
auth=(-H "Authorization: Bearer $token" -H "Content-Type: application/json")
blocker="$(curl -sf "${auth[@]}" -d '{"command":"sleep","arguments":["3600"],"wall_time_seconds":3600}' "$url/v1/jobs" | sed -n 's/^{"id":\([0-9]*\).*/\1/p')"
body='{"command":"true","resources":{"procs":2},"wall_time_seconds":60}'

echo "round 1 (queue 0 -> 10,000):      $(load "${CLIENTS:-8}" 10000 "$body")"
echo "round 2 (queue 10,000 -> 14,096): $(load "${CLIENTS:-8}" 4096 "$body")"
metrics="$(curl -sf -H "Authorization: Bearer $token" "$url/metrics")"
quantile() { awk -v q="$1" '$1 == "augur_scheduling_latency_recent_seconds{quantile=\"" q "\"}" { printf "%.2f µs", $2 * 1000000 }' <<<"$metrics"; }
echo "decision latency over round 2's 4,096 decisions (10,000 to 14,096 queued): p50 $(quantile 0.5), p99 $(quantile 0.99)"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg)"
echo "queue length now: $(awk '$1 == "augur_queue_length" { print $2 }' <<<"$metrics")"
curl -sf "${auth[@]}" -X POST "$url/v1/jobs/$blocker/cancel" >/dev/null
