#!/usr/bin/env bash
# Runs every ThreeRC test on a fresh Debian 12 machine with the .NET 10 SDK: installs the Debian packages
# the tests start for real when they are missing, builds, runs each test project (each starts and stops
# its own RabbitMQ, PostgreSQL, gmond, sshd, dnsmasq on loopback; the libvirt and end-to-end suites one after
# the other), starts docker-compose.yml for real (infra/scripts/compose-test.sh), and ends with one line:
# "N passed, N failed". The suites that store anything run twice: on SQLite
# files, then on PostgreSQL (THREERC_TEST_STORAGE=PostgreSql); the redundant controller's always on PostgreSQL.
#
#   infra/scripts/test.sh [dotnet test arguments, such as --filter "FullyQualifiedName!~ThreeRC.EndToEnd"]
#   (with arguments: one run of the whole solution with them)
set -uo pipefail
cd "$(dirname "$0")/../.."
results=.artifacts/test-results

# The orchestrator service turns tiered compilation off (its project file): a storm after a long calm runs optimised
# code at once, for about 1.5 s more per start. The suite starts orchestrators many times, so the service processes
# it starts keep the runtime's default; the compose tests run the images, with the service's own setting.
export DOTNET_TieredCompilation=1

infra/scripts/install-dependencies.sh || { echo "0 passed, 1 failed (dependencies could not be installed)"; exit 1; }

if ! dotnet build ThreeRC.sln -c Release --nologo -v quiet; then
  echo "0 passed, 1 failed (the build failed)"
  exit 1
fi

rm -rf "$results"
status=0
run() { dotnet test "$@" -c Release --no-build --nologo --logger trx --results-directory "$results" || status=1; }
if [ "$#" -gt 0 ]; then
  run ThreeRC.sln "$@"
else
  # The two suites that start whole stacks (QEMU guests, six services per collection) each run alone: on two cores,
  # together they starved each other's 8-second escalation timers.
  run ThreeRC.sln --filter "FullyQualifiedName!~ThreeRC.Libvirt.Tests&FullyQualifiedName!~ThreeRC.EndToEnd.Tests&FullyQualifiedName!~ThreeRC.Dashboard.Tests"
  # The same suites that store anything again on PostgreSQL, side by side as above (each test process its own server).
  stored=""
  for suite in Shared Orchestrator Placement HypervisorExecutor PxeProvisioner Api; do stored="$stored|FullyQualifiedName~ThreeRC.$suite.Tests"; done
  THREERC_TEST_STORAGE=PostgreSql run ThreeRC.sln --filter "${stored#|}"
  run tests/ThreeRC.Libvirt.Tests
  run tests/ThreeRC.EndToEnd.Tests --filter "FullyQualifiedName!~Redundancy&FullyQualifiedName!~Compose"
  THREERC_TEST_STORAGE=PostgreSql run tests/ThreeRC.EndToEnd.Tests --filter "FullyQualifiedName!~Redundancy&FullyQualifiedName!~Compose"
  # The dashboard in headless chromium, served by the six services protecting an emulated data centre.
  run tests/ThreeRC.Dashboard.Tests
  # Two of every service on a 3-node RabbitMQ cluster and PostgreSQL: twelve services and three brokers, alone.
  run tests/ThreeRC.EndToEnd.Tests --filter "FullyQualifiedName~Redundancy"
  # docker-compose.yml started for real (infra/scripts/compose-test.sh): images from Debian's packages, the ha profile
  # healthy and answering threerc doctor, the default profile recovering a failed host of an emulated data centre.
  run tests/ThreeRC.EndToEnd.Tests --filter "FullyQualifiedName~Compose"
fi

count() { cat "$results"/*.trx 2> /dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{ sum += $1 } END { print sum + 0 }'; }
passed=$(count passed); failed=$(count failed)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a test host that crashed counts as a failure
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
