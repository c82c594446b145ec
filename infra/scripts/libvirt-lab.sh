#!/usr/bin/env bash
# The real hypervisor lab: libvirt + QEMU guests on "physical hosts" that are Unix users of this machine, each
# with its own qemu:///session libvirtd. Idempotent; run as root.
#
#   libvirt-lab.sh install             installs from Debian what the lab needs and is missing
#   libvirt-lab.sh image               builds the guest kernel + initramfs once, into $THREERC_LAB_CACHE
#   libvirt-lab.sh users USER...       creates the host users, their homes and XDG_RUNTIME_DIRs
#   libvirt-lab.sh up USER...          install + image + users
#   libvirt-lab.sh reset USER...       ends every process of the users and forgets their domains
#   libvirt-lab.sh down USER...        reset, then removes the users, their homes and the image cache
#
# The guest: Debian's cloud kernel and a busybox initramfs that loads the virtio modules, sets eth0 to
# 10.0.2.15 (QEMU's user network; the host's loopback is 10.0.2.2) and sends a Ganglia heartbeat every 2 s with
# `gmetric --spoof IP:NAME --heartbeat`, reading threerc.name=, threerc.spoof= and threerc.gmond=PORT from the
# kernel command line, and threerc.push=PORT when a monitor's push port hears the packets too. Its second serial
# port (/dev/ttyS1) is a control channel: a line "hang" stops the heartbeat while the guest keeps running, "panic"
# panics the kernel.
set -euo pipefail

cache=${THREERC_LAB_CACHE:-/var/cache/threerc-lab}
image_version=2 # raised with every change to the guest, so that a cached image is built again
homes=/var/lib/threerc-lab
runtime=/run/threerc-lab
modules=(virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci failover net_failover virtio_net)
packages=(libvirt-daemon libvirt-clients qemu-system-x86 busybox-static cpio ganglia-monitor openssh-server openipmi ipmitool procps)

die() { echo "libvirt-lab: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "run as root (it creates users and installs packages)"

install_packages() {
  local missing=() package
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "libvirt-lab: installing from Debian: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
}

build_image() {
  [ -s "$cache/vmlinuz" ] && [ -s "$cache/initrd.img" ] && [ "$(cat "$cache/version" 2> /dev/null)" = "$image_version" ] && return
  local work kernel_package deb version root
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  kernel_package=$(cloud_kernel_package)
  if [ -z "$kernel_package" ]; then
    apt-get update -qq
    kernel_package=$(cloud_kernel_package)
  fi
  [ -n "$kernel_package" ] || die "no kernel package found behind linux-image-cloud-amd64 in Debian's archive"
  (cd "$work" && apt-get download -q "$kernel_package" > /dev/null 2>&1) || die "apt-get download $kernel_package failed"
  deb=$(ls "$work"/*.deb)
  dpkg -x "$deb" "$work/kernel"
  version=$(ls "$work/kernel/lib/modules")

  root="$work/root"
  mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,lib/modules,lib64,lib/x86_64-linux-gnu}
  cp /bin/busybox "$root/bin/busybox"
  for tool in sh mount insmod ip sleep sed cat kill stty echo mkdir; do ln -s busybox "$root/bin/$tool"; done
  for module in "${modules[@]}"; do
    find "$work/kernel/lib/modules/$version" -name "$module.ko" -exec cp {} "$root/lib/modules/" \;
    [ -f "$root/lib/modules/$module.ko" ] || die "module $module.ko missing from $kernel_package"
  done
  cp /usr/bin/gmetric "$root/bin/gmetric"
  ldd /usr/bin/gmetric | grep -o '/[^ ]*' | while read -r library; do
    mkdir -p "$root$(dirname "$library")"
    cp -L "$library" "$root$library"
  done
  write_init "$root/init"

  mkdir -p "$cache"
  (cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$cache/initrd.img.new"
  cp "$work/kernel/boot/vmlinuz-$version" "$cache/vmlinuz.new"
  mv "$cache/initrd.img.new" "$cache/initrd.img"
  mv "$cache/vmlinuz.new" "$cache/vmlinuz"
  echo "$image_version" > "$cache/version"
  chmod 0755 "$cache"
  chmod 0644 "$cache/vmlinuz" "$cache/initrd.img"
  echo "libvirt-lab: guest image built from $kernel_package into $cache" >&2
}

cloud_kernel_package() {
  apt-cache depends linux-image-cloud-amd64 2> /dev/null | sed -n 's/^ *Depends: \(linux-image-[^ ]*\)$/\1/p' | head -1
}

write_init() {
  local modules_line="${modules[*]}"
  cat > "$1" << EOF
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
for module in $modules_line; do insmod /lib/modules/\$module.ko; done
arg() { sed -n "s/.*threerc\.\$1=\([^ ]*\).*/\1/p" /proc/cmdline; }
name=\$(arg name); spoof=\$(arg spoof); port=\$(arg gmond); push=\$(arg push)
ip link set lo up
ip link set eth0 up
ip addr add 10.0.2.15/24 dev eth0
ip route add default via 10.0.2.2
for channel in \$port \$push; do printf 'udp_send_channel {\n  host = 10.0.2.2\n  port = %s\n}\n' "\$channel"; done > /etc/gmond.conf
echo "threerc-guest: \$name reports as \$spoof to 10.0.2.2:\$port\${push:+ and 10.0.2.2:\$push}"
(while :; do gmetric --conf /etc/gmond.conf --spoof "\$spoof:\$name" --heartbeat; sleep 2; done) &
heartbeat=\$!
stty -F /dev/ttyS1 raw -echo 2> /dev/null
while :; do
  read -r command < /dev/ttyS1 || { sleep 1; continue; }
  case "\$command" in
    hang) kill -STOP \$heartbeat; echo "threerc-guest: hung" ;;
    panic) echo "threerc-guest: panic"; echo c > /proc/sysrq-trigger ;;
  esac
done
EOF
  chmod 0755 "$1"
}

create_users() {
  local user
  mkdir -p "$homes" "$runtime"
  chmod 0755 "$homes" "$runtime"
  for user in "$@"; do
    [[ "$user" =~ ^[a-z][a-z0-9-]{0,30}$ ]] || die "invalid user name '$user'"
    id -u "$user" > /dev/null 2>&1 || useradd --system --home-dir "$homes/$user" --create-home --shell /bin/sh "$user"
    mkdir -p "$runtime/$user"
    chown "$user:" "$runtime/$user"
    chmod 0700 "$runtime/$user"
  done
}

reset_users() {
  local user
  for user in "$@"; do
    id -u "$user" > /dev/null 2>&1 || continue
    pkill -KILL -u "$user" || true
    rm -rf "$homes/$user/.config/libvirt" "$homes/$user/.cache/libvirt" "$homes/$user/.local/share/libvirt" "$runtime/$user"/*
  done
}

remove_users() {
  local user
  reset_users "$@"
  for user in "$@"; do
    id -u "$user" > /dev/null 2>&1 && userdel --remove "$user" 2> /dev/null || true
    rm -rf "${homes:?}/$user" "${runtime:?}/$user"
  done
  rm -rf "$cache"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  install) install_packages ;;
  image) build_image ;;
  users) create_users "$@" ;;
  up) install_packages; build_image; create_users "$@" ;;
  reset) reset_users "$@" ;;
  down) remove_users "$@" ;;
  *) die "usage: libvirt-lab.sh install|image|users USER...|up USER...|reset USER...|down USER..." ;;
esac
