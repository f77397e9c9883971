#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests against a real Azurite that the tests start themselves.
# Needs the .NET 10 SDK and Node.js 20+; installs the pinned npm packages (Azurite) when missing.
# Ends with one line such as "212 passed, 0 failed, 0 skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error || { echo "error: npm ci failed" >&2; exit 1; }
fi

if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  echo "warning: DejaVu Sans is not installed; the chart tests will fail. Debian: sudo apt-get install -y fonts-dejavu-core" >&2
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet test RetentionFunctions.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project prints "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..." (or "Failed!  - ...").
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- Failed: ' "$log" | awk -F'[:,]' '
  { failed += $2; passed += $4; skipped += $6 }
  END { printf "%d %d %d\n", passed, failed, skipped }')
projects=$(grep -cE '^(Passed|Failed)! +- Failed: ' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build or a test host failed before reporting; count it so the summary cannot look green
fi
echo "test projects reporting: $projects"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
