#!/usr/bin/env bash
# Benchmarks, each against a baseline measured in the same run (docs/benchmarks.md).
# Usage: ./bench.sh ingest [--purchases N --concurrency N --batch N --customers N]
#        ./bench.sh engine [--customers N]
#        ./bench.sh nightly [--customers N]
#        ./bench.sh import [--orders N --customers N --parallelism 1,2,4,8]
#        ./bench.sh model [--customers N --seed N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
[ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build tests/Retention.Benchmarks -c Release -nologo -v quiet > /dev/null || dotnet build tests/Retention.Benchmarks -c Release -nologo -v quiet
exec dotnet tests/Retention.Benchmarks/bin/Release/net10.0/linux-x64/Retention.Benchmarks.dll "$@"
