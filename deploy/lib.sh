# Beacon deploy scripts: shared helpers. Sourced, not run.
# shellcheck shell=bash

DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO_DIR=$(dirname "$DEPLOY_DIR")
# What swarm:up made and swarm:down may undo (a marker of the swarm it created, the generated secrets).
STATE_DIR=${BEACON_SWARM_STATE_DIR:-$REPO_DIR/.beacon/swarm}
STACK=${BEACON_STACK:-beacon}
readonly DEPLOY_DIR REPO_DIR STATE_DIR STACK

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Root runs commands as they are; anyone else through sudo (installing packages, starting dockerd).
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "'$*' needs root, and sudo is not installed"; fi
}

docker_answers() { docker info >/dev/null 2>&1; }

# Installs the Debian packages of the commands that are missing: install_missing command:package ...
install_missing() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || [[ -x /usr/sbin/${pair%%:*} ]] || missing+=("${pair#*:}")
  done
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]} from Debian's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A Docker engine that answers: the running one, or Debian's dockerd started here (maybe no systemd).
ensure_docker() {
  docker_answers && return 0
  install_missing docker:docker.io dockerd:docker.io
  docker_answers && return 0
  local dockerd log_file=/var/log/beacon-dockerd.log
  dockerd=$(command -v dockerd || echo /usr/sbin/dockerd)
  log "starting dockerd (log: $log_file)"
  as_root bash -c "setsid nohup '$dockerd' >>'$log_file' 2>&1 </dev/null &"
  local waited=0
  until docker_answers; do
    ((waited < 60)) || die "dockerd did not answer within 60 s; see $log_file"
    sleep 1; waited=$((waited + 1))
  done
}

swarm_state() { docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null; }
is_manager() { [[ $(docker info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null) == true ]]; }
