#!/usr/bin/env bash
# `npm run swarm:down [-- --volumes]`: removes the Beacon stack and waits until it is gone. Its data
# volumes (and the secrets that go with them: the database password is baked into the data) are
# removed only with --volumes. Leaves the swarm only if swarm:up created it. Safe to run again.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

remove_volumes=0
for arg in "$@"; do
  case $arg in
    --volumes) remove_volumes=1 ;;
    *) die "unknown option: $arg (only --volumes)" ;;
  esac
done

wait_until_gone() {  # what, command that prints something while it still exists
  local what=$1 t0=$SECONDS; shift
  while [[ -n $("$@" 2>/dev/null) ]]; do
    ((SECONDS - t0 < 120)) || die "$what still there after 120 s"
    sleep 1
  done
}

main() {
  if ! docker_answers; then log "no Docker engine answers: nothing to remove"; return 0; fi
  if [[ $(swarm_state) == active ]] && is_manager; then
    if docker stack ls --format '{{.Name}}' | grep -qx "$STACK"; then
      log "removing stack $STACK"
      docker stack rm "$STACK" >/dev/null
    fi
    wait_until_gone "the services of $STACK" docker service ls -q --filter "label=com.docker.stack.namespace=$STACK"
    wait_until_gone "the containers of $STACK" docker ps -aq --filter "label=com.docker.stack.namespace=$STACK"
    wait_until_gone "the network of $STACK" docker network ls -q --filter "label=com.docker.stack.namespace=$STACK"
    if ((remove_volumes)); then
      local name
      for name in "${STACK}_db_password" "${STACK}_admin_key"; do
        if docker secret inspect "$name" >/dev/null 2>&1; then docker secret rm "$name" >/dev/null; fi
        rm -f "$STATE_DIR/$name"
      done
    fi
  fi
  if ((remove_volumes)); then
    local volumes
    volumes=$(docker volume ls -q --filter "label=com.docker.stack.namespace=$STACK")
    if [[ -n $volumes ]]; then
      # shellcheck disable=SC2086  # one name per word
      docker volume rm $volumes >/dev/null
      log "removed volumes: ${volumes//$'\n'/ }"
    fi
  fi
  # Another stack on the swarm keeps it.
  if [[ -f $STATE_DIR/created-swarm && -z $(docker stack ls --format '{{.Name}}' 2>/dev/null) ]]; then
    if [[ $(swarm_state) == active ]]; then docker swarm leave --force >/dev/null; log "left the swarm that swarm:up created"; fi
    rm -f "$STATE_DIR/created-swarm"
  fi
  log "stack $STACK is down"
}

main "$@"
