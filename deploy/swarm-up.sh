#!/usr/bin/env bash
# `npm run swarm:up`: Beacon as a Docker Swarm stack on this machine, from nothing to every service
# healthy. Installs Docker (Debian's docker.io) if it is missing, starts dockerd if none answers, makes
# this node a single-node swarm if it is not a manager, builds the images, creates missing secrets,
# deploys docker-stack.yml and waits for health. Safe to run again: it changes only what changed.
#
#   BEACON_SWARM_PORT            the proxy's published port (default 8080)
#   BEACON_SWARM_ADVERTISE_ADDR  the address `docker swarm init` advertises (default 127.0.0.1)
#   BEACON_STAND_INS             auto | always | never (deploy/build-images.sh)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

readonly PORT=${BEACON_SWARM_PORT:-8080}
readonly HEALTHY_TIMEOUT=${BEACON_SWARM_HEALTHY_TIMEOUT:-600}

join_swarm() {
  case $(swarm_state) in
    active)
      is_manager || die "this node is a swarm worker; run swarm:up on a manager"
      ;;
    inactive)
      log "initialising a single-node swarm"
      docker swarm init --advertise-addr "${BEACON_SWARM_ADVERTISE_ADDR:-127.0.0.1}" >/dev/null
      touch "$STATE_DIR/created-swarm"   # swarm:down leaves only a swarm it created
      ;;
    *) die "the swarm of this node is '$(swarm_state)'; see 'docker info'" ;;
  esac
}

# PostgreSQL and Elasticsearch run where their data is: on the nodes labelled for them. A swarm
# where nobody chose (a new one) gets this node labelled.
label_data_nodes() {
  local label labelled
  for label in beacon.postgres beacon.elasticsearch; do
    labelled=$(docker node ls -q | xargs docker node inspect --format "{{ index .Spec.Labels \"$label\" }}" | grep -c '^true$' || true)
    if ((labelled == 0)); then
      docker node update --label-add "$label=true" "$(docker info --format '{{.Swarm.NodeID}}')" >/dev/null
      log "labelled this node $label=true"
    fi
  done
}

# A secret that is missing is created from 32 random characters, keeping a copy (0600) for the operator.
ensure_secret() {
  local name="${STACK}_$1" copy="$STATE_DIR/${STACK}_$1"
  docker secret inspect "$name" >/dev/null 2>&1 && return 0
  (umask 077; head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$copy")
  docker secret create "$name" "$copy" >/dev/null
  log "created secret $name (a copy is in $copy)"
}

deploy_stack() {
  local digest
  digest=$(sha256sum "$DEPLOY_DIR/haproxy/haproxy.cfg" | cut -c1-12)
  log "deploying stack $STACK"
  # Local images have no registry digest to look up (--resolve-image never).
  (
    set -a; source "$STATE_DIR/images.env"; set +a
    export BEACON_STACK=$STACK BEACON_HAPROXY_CONFIG_DIGEST=$digest BEACON_SWARM_PORT=$PORT
    cd "$REPO_DIR" && docker stack deploy --prune --resolve-image never -c docker-stack.yml "$STACK" >/dev/null
  )
}

# Every service has its desired number of tasks running, no update is under way, and every task's
# container is healthy (a task with a health check is "running" only once healthy).
not_ready_services() {
  local services
  services=$(docker service ls -q --filter "label=com.docker.stack.namespace=$STACK")
  [[ -n $services ]] || { echo "(no services yet)"; return; }
  # shellcheck disable=SC2086  # one id per word
  docker service inspect --format '{{.Spec.Name}} {{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}' $services |
    awk '$2 == "updating" || $2 == "rollback_started" { print $1 " (" $2 ")" }'
  docker service ls --filter "label=com.docker.stack.namespace=$STACK" --format '{{.Name}} {{.Replicas}}' |
    awk '{ split($2, r, "/"); if (r[1] != r[2] || r[2] == 0) print $1 " " $2 }'
  docker ps --filter "label=com.docker.stack.namespace=$STACK" --format '{{.Names}} {{.Status}}' | grep 'health: starting\|unhealthy' || true
}

# An update that failed its health checks was rolled back: the old version runs, which is healthy.
warn_rolled_back() {
  local services
  services=$(docker service ls -q --filter "label=com.docker.stack.namespace=$STACK")
  # shellcheck disable=SC2086  # one id per word
  docker service inspect --format '{{.Spec.Name}} {{if .UpdateStatus}}{{.UpdateStatus.State}} {{.UpdateStatus.Message}}{{end}}' $services |
    awk '$2 ~ /^rollback|^paused/ { print }' | while read -r line; do log "warning: $line"; done
}

wait_healthy() {
  local t0=$SECONDS pending
  while :; do
    pending=$(not_ready_services)
    if [[ -z $pending ]]; then
      log "every service of $STACK is healthy after $((SECONDS - t0)) s"
      warn_rolled_back
      return 0
    fi
    if ((SECONDS - t0 > HEALTHY_TIMEOUT)); then
      docker stack ps --no-trunc "$STACK" | head -40 >&2
      die "not healthy within $HEALTHY_TIMEOUT s: ${pending//$'\n'/, }"
    fi
    sleep 2
  done
}

main() {
  local t0=$SECONDS
  mkdir -p "$STATE_DIR"
  ensure_docker
  join_swarm
  label_data_nodes
  "$DEPLOY_DIR/build-images.sh"
  ensure_secret db_password
  ensure_secret admin_key
  deploy_stack
  wait_healthy
  log "Beacon is up on http://127.0.0.1:$PORT/ after $((SECONDS - t0)) s"
  log "the admin key is the swarm secret ${STACK}_admin_key; its copy: cat ${STATE_DIR#"$PWD"/}/${STACK}_admin_key"
}

main "$@"
