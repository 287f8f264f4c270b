#!/usr/bin/env bash
# Builds a stand-in for the official debian:<suite>-slim image: a minimal Debian root file system
# made by debootstrap from Debian's own mirror, trimmed the way the slim image is, then imported.
# Usage: build.sh <suite> <tag>. Needs root (debootstrap chroots) and a Docker engine.
set -euo pipefail
source "$(dirname "$0")/../../lib.sh"

suite=${1:?usage: build.sh <suite> <tag>}
tag=${2:?usage: build.sh <suite> <tag>}
mirror=${BEACON_DEBIAN_MIRROR:-http://deb.debian.org/debian}
install_missing debootstrap:debootstrap
root=$(mktemp -d /var/tmp/beacon-debian.XXXXXX)

cleanup() {
  # debootstrap mounts /proc and /sys inside the root while it works; never delete through a mount.
  local mount
  for mount in $(awk -v r="$root" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r); do as_root umount -l "$mount"; done
  as_root rm -rf --one-file-system "$root"
}
trap cleanup EXIT

log "debootstrap $suite (minbase) from $mirror"
as_root debootstrap --variant=minbase "$suite" "$root" "$mirror" >/dev/null

# Like the slim images: no documentation or locales installed later, no package lists or caches kept.
as_root tee "$root/etc/dpkg/dpkg.cfg.d/docker-slim" >/dev/null <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
as_root tee "$root/etc/apt/apt.conf.d/docker-clean" >/dev/null <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
as_root find "$root/usr/share/doc" -mindepth 2 -not -name copyright -not -type d -delete
as_root rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin \
  "$root"/var/log/*.log "$root"/var/log/apt/* "$root"/tmp/*

as_root tar --numeric-owner -C "$root" -c . |
  docker import --change 'CMD ["bash"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --message "debootstrap --variant=minbase $suite $mirror" - "$tag" >/dev/null
log "$tag: $(docker image inspect --format '{{.Size}}' "$tag" | awk '{ printf "%d MB", $1 / 1e6 }')"
