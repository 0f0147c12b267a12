#!/usr/bin/env bash
# Regenerates docs/images/demo-comparison.png, the README's picture: the comparison page that `augur demo` writes,
# as headless Chromium draws it (Debian's chromium; AUGUR_CHROMIUM overrides the path).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
chromium="${AUGUR_CHROMIUM:-/usr/bin/chromium}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
./augur demo --out "$work/demo" >/dev/null
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --disable-sync --hide-scrollbars --user-data-dir="$work/profile" --force-device-scale-factor=1 \
  --window-size=1000,1120 --screenshot="$root/docs/images/demo-comparison.png" "file://$work/demo/comparison.html" 2>/dev/null
echo "wrote docs/images/demo-comparison.png ($(stat -c %s "$root/docs/images/demo-comparison.png") bytes)"
