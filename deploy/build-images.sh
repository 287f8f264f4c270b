#!/usr/bin/env bash
# Builds Beacon's image and decides the images of the rest of the stack. An official image that is
# here or can be pulled is used as it is; otherwise a local stand-in is built (deploy/stand-ins/).
# Writes the chosen names to $STATE_DIR/images.env, which swarm-up.sh hands to `docker stack deploy`.
#
#   BEACON_STAND_INS=auto    official images where they can be had, stand-ins for the rest (default)
#   BEACON_STAND_INS=always  stand-ins only, even where a registry answers
#   BEACON_STAND_INS=never   official images only: fail when one cannot be pulled
set -euo pipefail
source "$(dirname "$0")/lib.sh"

readonly MODE=${BEACON_STAND_INS:-auto}
[[ $MODE =~ ^(auto|always|never)$ ]] || die "BEACON_STAND_INS must be auto, always or never, got '$MODE'"
readonly ES_VERSION=8.19.21

# The official images of the stack; each has a stand-in in stand-ins/ of the same name.
readonly POSTGRES_OFFICIAL=postgres:17
readonly ELASTICSEARCH_OFFICIAL=docker.elastic.co/elasticsearch/elasticsearch:$ES_VERSION
readonly PROXY_OFFICIAL=haproxy:2.6
readonly NODE_OFFICIAL=node:20-bookworm-slim

# Builds quietly; the output is shown only when the build fails.
docker_build() {
  local out
  out=$(mktemp)
  if ! docker build "$@" >"$out" 2>&1; then
    cat "$out" >&2; rm -f "$out"; die "docker build $* failed (output above)"
  fi
  rm -f "$out"
}

timed() {
  local what=$1 t0=$SECONDS; shift
  "$@"
  log "$what: $((SECONDS - t0)) s"
}

# The host's CA bundle, for the build stages that download (build-ca/README.md).
stage_build_ca() {
  local bundle
  for bundle in /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt; do
    if [[ -r $bundle ]]; then
      cmp -s "$bundle" "$DEPLOY_DIR/build-ca/host.crt" || cp "$bundle" "$DEPLOY_DIR/build-ca/host.crt"
      return 0
    fi
  done
}

debian_base() {  # suite -> tag of a Debian base: the official slim image or a debootstrapped one
  local suite=$1 official="debian:$1-slim" local_tag="beacon-local/debian:$1-slim"
  if official_available "$official"; then echo "$official"; return; fi
  docker image inspect "$local_tag" >/dev/null 2>&1 || timed "$local_tag (debootstrap)" "$DEPLOY_DIR/stand-ins/debian/build.sh" "$suite" "$local_tag"
  echo "$local_tag"
}

# Is the official image here, or can it be pulled? (Never asked with BEACON_STAND_INS=always.)
official_available() {
  [[ $MODE != always ]] || return 1
  docker image inspect "$1" >/dev/null 2>&1 && return 0
  if docker pull -q "$1" >/dev/null 2>&1; then return 0; fi
  [[ $MODE != never ]] || die "$1 cannot be pulled, and BEACON_STAND_INS=never forbids a stand-in"
  return 1
}

# official image, stand-in tag, Debian suite of the stand-in, stand-in folder -> the image to use
choose() {
  local official=$1 tag=$2 suite=$3 folder=$4 base
  if official_available "$official"; then echo "$official"; return; fi
  base=$(debian_base "$suite")
  timed "$tag (stand-in for $official)" docker_build --build-arg "DEBIAN_IMAGE=$base" \
    -t "$tag" -f "$DEPLOY_DIR/stand-ins/$folder/Dockerfile" "$DEPLOY_DIR"
  echo "$tag"
}

main() {
  ensure_docker
  mkdir -p "$STATE_DIR"
  stage_build_ca
  local t0=$SECONDS node postgres elasticsearch proxy beacon id
  node=$(choose "$NODE_OFFICIAL" beacon-local/node:20-bookworm-slim bookworm node)
  # The official postgres:17 image is built on Debian trixie, whose PostgreSQL is 17 too.
  postgres=$(choose "$POSTGRES_OFFICIAL" beacon-local/postgres:17 trixie postgres)
  elasticsearch=$(choose "$ELASTICSEARCH_OFFICIAL" "beacon-local/elasticsearch:$ES_VERSION" bookworm elasticsearch)
  proxy=$(choose "$PROXY_OFFICIAL" beacon-local/haproxy:2.6 bookworm haproxy)

  timed "beacon/server (on $node)" docker_build --build-arg "NODE_IMAGE=$node" -t beacon/server:latest \
    -f "$DEPLOY_DIR/Dockerfile" "$REPO_DIR"
  # A tag per build: a stack deployed again rolls its services only when the image really changed.
  id=$(docker image inspect --format '{{.Id}}' beacon/server:latest)
  beacon="beacon/server:build-${id#sha256:}"; beacon=${beacon:0:32}
  docker tag beacon/server:latest "$beacon"

  cat >"$STATE_DIR/images.env" <<EOF
BEACON_IMAGE=$beacon
BEACON_POSTGRES_IMAGE=$postgres
BEACON_ELASTICSEARCH_IMAGE=$elasticsearch
BEACON_PROXY_IMAGE=$proxy
EOF
  log "images ready in $((SECONDS - t0)) s:"
  sed 's/^/  /' "$STATE_DIR/images.env" >&2
}

main "$@"
