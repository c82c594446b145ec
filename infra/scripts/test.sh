#!/usr/bin/env bash
# Runs every ThreeRC test on a fresh Debian 12 machine with the .NET 10 SDK: installs the Debian packages
# the tests start for real when they are missing, builds, runs each test project (each starts and stops
# its own RabbitMQ, gmond, sshd, dnsmasq on loopback), and ends with one line: "N passed, N failed".
#
#   infra/scripts/test.sh [dotnet test arguments, such as --filter "FullyQualifiedName!~ThreeRC.EndToEnd"]
set -uo pipefail
cd "$(dirname "$0")/../.."
results=.artifacts/test-results

infra/scripts/install-dependencies.sh || { echo "0 passed, 1 failed (dependencies could not be installed)"; exit 1; }

if ! dotnet build ThreeRC.sln -c Release --nologo -v quiet; then
  echo "0 passed, 1 failed (the build failed)"
  exit 1
fi

rm -rf "$results"
dotnet test ThreeRC.sln -c Release --no-build --nologo --logger trx --results-directory "$results" "$@"
status=$?

count() { cat "$results"/*.trx 2> /dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{ sum += $1 } END { print sum + 0 }'; }
passed=$(count passed); failed=$(count failed)
passed=${passed:-0}; failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a test host that crashed counts as a failure
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
