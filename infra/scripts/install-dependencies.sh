#!/usr/bin/env bash
# Installs, from Debian's archive, the real parts ThreeRC's tests start (RabbitMQ, PostgreSQL, Ganglia, sshd, dnsmasq,
# ipmi_sim), the tools around them (promtool among them) and a headless chromium for the dashboard. Only what is
# missing is installed; an up-to-date machine is left alone.
set -euo pipefail

packages=(
  rabbitmq-server     # the broker, started privately by infra/scripts/rabbitmq.sh
  postgresql          # the shared store of redundant deployments, started privately by infra/scripts/postgresql.sh
  ganglia-monitor     # gmond and gmetric: the monitor's real source
  gmetad              # the aggregator's nested GRID documents
  openssh-server      # sshd for the hypervisor executor's tests
  openssh-client      # ssh-keygen for generated keys
  dnsmasq-base        # the TFTP server for the PXE provisioner's tests
  openipmi            # ipmi_sim: a BMC to fence
  ipmitool            # the fencing client
  docker-compose      # validates docker-compose.yml (no engine needed)
  prometheus          # promtool checks and unit-tests infra/observability's scrape config and alert rules
  curl                # tftp:// fetches and health probes
  python3             # free-port lookup in the scripts
  python3-aiosmtpd    # an SMTP server that keeps what it receives: the notifications' e-mail tests
  procps              # pkill, ps
  systemd             # systemd-analyze verify for infra/systemd's unit (systemd itself need not run)
  chromium            # the dashboard's browser tests (headless, driven by Playwright)
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "Installing from Debian: ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
# The packages' own system services are not needed: the tests start private instances on loopback.
DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
