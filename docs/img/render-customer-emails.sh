#!/usr/bin/env bash
# Renders the sample customer email (a thank-you with items, points and a coupon) in every language we write in to
# docs/img/email-{en,hi,fa,gu,bn}.png at desktop width, and Persian and Hindi at phone width (email-fa-narrow.png,
# email-hi-narrow.png), with headless Chromium, so anyone can look at what customers receive.
# The HTML comes from the Render test in Retention.Application.Tests (CustomerEmailRenderTests), which writes it only
# when RENDER_EMAILS_TO is set. Needs: Debian chromium and fonts (apt-get install chromium fonts-noto-ui-core).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

RENDER_EMAILS_TO="$work/html" dotnet test tests/Retention.Application.Tests -c Release --nologo \
  --filter "Category=Render" > "$work/test.log" 2>&1 || { cat "$work/test.log"; exit 1; }

shoot() { # name width height
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/chrome" \
    --window-size="$2,$3" --screenshot="$root/docs/img/$4.png" "file://$work/html/$1.html" 2>/dev/null
  echo "wrote docs/img/$4.png"
}

for lang in en hi fa gu bn; do
  shoot "email-$lang" 640 780 "email-$lang"
done
shoot email-fa 360 840 email-fa-narrow
shoot email-hi 360 840 email-hi-narrow
