#!/usr/bin/env bash
# Installs a Debian package when the program Beacon needs from it is missing, and fails loudly when
# that is impossible. Karma and Playwright drive Debian's Chromium (this machine cannot download
# browsers); the ingest benchmark loads the server with Debian's wrk.
# Usage: tools/ensure-debian-package.sh <program path> <package>
set -euo pipefail
program="$1"
package="$2"
if [ -x "$program" ]; then exit 0; fi
echo "$program is missing: installing Debian's $package package" >&2
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! sudo -n true 2>/dev/null; then
    echo "ERROR: $program is missing and installing it needs root or sudo (apt-get install $package)" >&2
    exit 1
  fi
  as_root=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
[ -x "$program" ] || { echo "ERROR: apt-get installed $package, but $program is not there" >&2; exit 1; }
