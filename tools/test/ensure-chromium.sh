#!/usr/bin/env bash
# Karma and Playwright drive Debian's Chromium (this machine cannot download browsers). Install it
# when it is missing; fail loudly when that is impossible.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Chromium is missing: installing Debian's chromium package" >&2
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! sudo -n true 2>/dev/null; then
    echo "ERROR: /usr/bin/chromium is missing and installing it needs root or sudo (apt-get install chromium)" >&2
    exit 1
  fi
  as_root=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
[ -x /usr/bin/chromium ] || { echo "ERROR: apt-get installed chromium, but /usr/bin/chromium is not there" >&2; exit 1; }
