#!/usr/bin/env bash
# Renders the nightly report email of the demo store to docs/img/report-email.png with headless Chromium, so that
# anyone can look at what the owner receives. Needs: Debian chromium and fonts (apt-get install chromium fonts-noto-ui-core).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
port=7099
work="$(mktemp -d)"
log="$work/up.log"

./retention up --port "$port" --demo-customers 600 > "$log" 2>&1 &
up=$!
trap 'kill -INT $up 2>/dev/null; wait $up 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do
  grep -q "Ready." "$log" && break
  kill -0 $up 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
grep -q "Ready." "$log" || { cat "$log"; echo "retention up did not get ready" >&2; exit 1; }

./retention report --format html --out "$work/report.html" >/dev/null
chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/chrome" \
  --window-size=680,1300 --screenshot="$root/docs/img/report-email.png" "file://$work/report.html" 2>/dev/null
echo "wrote docs/img/report-email.png"
