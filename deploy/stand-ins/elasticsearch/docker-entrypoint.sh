#!/usr/bin/env bash
# The official Elasticsearch image's start-up, as far as Beacon's stack relies on it: every
# environment variable named like a setting (lower-case words joined by dots, such as
# `discovery.type=single-node`) becomes a command-line setting; ES_JAVA_OPTS reaches the JVM as is.
set -euo pipefail

if [[ ${1:-eswrapper} != eswrapper ]]; then exec "$@"; fi

settings=()
while IFS='=' read -r key value; do
  if [[ $key =~ ^[a-z0-9_]+\.[a-z0-9_.]+$ && -n $value ]]; then settings+=("-E$key=$value"); fi
done < <(env)
exec elasticsearch "${settings[@]}"
