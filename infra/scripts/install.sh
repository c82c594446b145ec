#!/usr/bin/env bash
# Installs ThreeRC's services under systemd on this machine, without Docker:
#   - publishes each service (self-contained, linux-x64: no .NET runtime needed on the machine) to /opt/threerc/<service>,
#     with /opt/threerc/bin/threerc-<service> pointing at it;
#   - creates the system user threerc (no login, no password), and /etc/threerc with the settings files from
#     infra/systemd (an existing file is never overwritten);
#   - installs threerc@.service (and its drop-ins), then enables and starts threerc@<service> for each service.
#
#   infra/scripts/install.sh [--services "monitor orchestrator placement executor pxe-provisioner api"] [--no-start]
#
# Fill in /etc/threerc/threerc.env (the broker's password), /etc/threerc/<service>.env and /etc/threerc/inventory.yaml,
# then run it again, or: systemctl restart 'threerc@*'. With DESTDIR=/some/root everything goes under that root and
# nothing is done to users or systemd (packaging, tests).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
services="monitor orchestrator placement executor pxe-provisioner api"
start=true
while [ $# -gt 0 ]; do
  case "$1" in
    --services) services="$2"; shift 2 ;;
    --no-start) start=false; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

destdir="${DESTDIR:-}"
opt="$destdir/opt/threerc"
etc="$destdir/etc/threerc"
units="$destdir/etc/systemd/system"

project_of() {
  case "$1" in
    monitor) echo ThreeRC.Monitor ;;
    orchestrator) echo ThreeRC.Orchestrator ;;
    placement) echo ThreeRC.Placement ;;
    executor) echo ThreeRC.HypervisorExecutor ;;
    pxe-provisioner) echo ThreeRC.PxeProvisioner ;;
    api) echo ThreeRC.Api ;;
    *) echo "install.sh: no service named '$1' (monitor, orchestrator, placement, executor, pxe-provisioner, api)" >&2; exit 2 ;;
  esac
}

for service in $services; do project_of "$service" > /dev/null; done

if [ -z "$destdir" ]; then
  [ "$(id -u)" -eq 0 ] || { echo "install.sh: run it as root (or with DESTDIR=...)" >&2; exit 1; }
  getent passwd threerc > /dev/null || useradd --system --home-dir /var/lib/threerc --no-create-home --shell /usr/sbin/nologin threerc
fi

install -d -m 0755 "$opt/bin" "$units"
install -d -m 0750 "$etc"
install -m 0644 "$root/README.md" "$opt/README.md"
for service in $services; do
  project="$(project_of "$service")"
  echo "Publishing $project to $opt/$service" >&2
  rm -rf "$opt/$service.new"
  dotnet publish "$root/services/$project/$project.csproj" -c Release -r linux-x64 --self-contained --nologo -v quiet -o "$opt/$service.new" > /dev/null
  rm -rf "$opt/$service" && mv "$opt/$service.new" "$opt/$service"
  ln -sfn "../$service/$project" "$opt/bin/threerc-$service"
  [ -e "$etc/$service.env" ] || install -m 0640 "$root/infra/systemd/env/$service.env" "$etc/$service.env"
done
[ -e "$etc/threerc.env" ] || install -m 0640 "$root/infra/systemd/threerc.env.example" "$etc/threerc.env"
install -m 0644 "$root/infra/systemd/threerc@.service" "$units/threerc@.service"
for dropin in "$root"/infra/systemd/*.service.d; do
  install -d -m 0755 "$units/$(basename "$dropin")"
  for conf in "$dropin"/*.conf; do
    target="$units/$(basename "$dropin")/$(basename "$conf")"
    [ -e "$target" ] || install -m 0644 "$conf" "$target"
  done
done

[ -n "$destdir" ] && exit 0
chown -R root:threerc "$etc"
[ -e "$etc/inventory.yaml" ] || echo "install.sh: $etc/inventory.yaml is missing: the services will not start without it" >&2
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  for service in $services; do
    if $start; then systemctl enable --now "threerc@$service"; else systemctl enable "threerc@$service"; fi
  done
  echo "Installed. systemctl status 'threerc@*'; journalctl -u threerc@executor" >&2
else
  echo "Installed; systemd is not running here: start each service with systemctl once it is" >&2
fi
