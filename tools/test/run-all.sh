#!/usr/bin/env bash
# `npm test`: every check, in the order a failure is cheapest to find. Each step fails the run;
# nothing is skipped because a service is missing (the steps start what they need themselves).
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"

step() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }

step "browser";            bash tools/ensure-debian-package.sh /usr/bin/chromium chromium
step "format";             npm run format:check
step "lint";               npm run lint
step "unit tests";         npm run test:unit
step "integration tests";  npm run test:int
step "dashboard (Karma)";  npm run test:dashboard
step "build";              npm run build
step "fault tests";        npm run test:faults
step "end-to-end";         npm run test:e2e
printf '\nAll Beacon checks passed.\n'
