#!/usr/bin/env bash
# Regenerates docs/images/dashboard.png: `augur serve` on a free port of 127.0.0.1 with a fresh data folder, a few
# jobs of two users, and the dashboard as headless Chromium draws it for an admin (Debian's chromium;
# AUGUR_CHROMIUM overrides the path). The token goes in the URL fragment, which is never sent to the service.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
chromium="${AUGUR_CHROMIUM:-/usr/bin/chromium}"
work="$(mktemp -d)"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$root"
data="$work/data"
admin=$(./augur token create --user ops --admin --data "$data" 2>/dev/null)
alice=$(./augur token create --user alice --data "$data" 2>/dev/null)
bob=$(./augur token create --user bob --data "$data" 2>/dev/null)
./augur serve --data "$data" --urls http://127.0.0.1:0 --procs 4 --predictor predictor/tsafrir 2>"$work/serve.log" &
server=$!
url=""
for _ in $(seq 1 600); do
  url=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/serve.log" | sed 's/listening on //' || true)
  [[ -n "$url" ]] && break
  sleep 0.1
done
[[ -n "$url" ]] || { cat "$work/serve.log" >&2; echo "augur serve did not start" >&2; exit 1; }

submit() { # token, then the job's JSON
  curl -sf -o /dev/null -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$2" "$url/v1/jobs"
}
for seconds in 1 2 1 3; do
  submit "$alice" "{\"command\":\"sleep\",\"arguments\":[\"$seconds\"],\"name\":\"warm-up-$seconds\",\"wall_time_seconds\":20}"
  submit "$bob" "{\"command\":\"sleep\",\"arguments\":[\"$seconds\"],\"name\":\"etl-step\",\"wall_time_seconds\":10}"
done
sleep 6
submit "$alice" '{"command":"sleep","arguments":["120"],"name":"train-model","resources":{"procs":2},"wall_time_seconds":600}'
submit "$bob" '{"command":"sleep","arguments":["120"],"name":"nightly-report","wall_time_seconds":300}'
submit "$bob" '{"command":"sleep","arguments":["60"],"name":"big-join","resources":{"procs":3},"wall_time_seconds":900}'
submit "$alice" '{"command":"sleep","arguments":["30"],"name":"evaluate","resources":{"procs":2},"wall_time_seconds":120}'
sleep 4
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --disable-sync --hide-scrollbars --user-data-dir="$work/profile" --force-device-scale-factor=1 \
  --window-size=1100,1900 --virtual-time-budget=3000 --screenshot="$root/docs/images/dashboard.png" "$url/#token=$admin" 2>/dev/null
echo "wrote docs/images/dashboard.png ($(stat -c %s "$root/docs/images/dashboard.png") bytes)"
