#!/usr/bin/env bash
# `npm run start:es`: Beacon as `npm start` runs it, but with its read model in a real
# Elasticsearch 8 started here (port 9250, data under $BEACON_DATA_DIR/elasticsearch). Ctrl-C
# stops Beacon, then the node. With BEACON_ELASTICSEARCH_URL set, that node is used instead.
set -euo pipefail
cd "$(dirname "$0")/../.."

data_dir="$(realpath -m "${BEACON_DATA_DIR:-.beacon}")/elasticsearch"
if [[ -z "${BEACON_ELASTICSEARCH_URL:-}" ]]; then
  mkdir -p "$data_dir"
  BEACON_ELASTICSEARCH_URL="$(bash tools/elasticsearch/elasticsearch.sh start --port "${BEACON_ELASTICSEARCH_PORT:-9250}" --data "$data_dir" | tail -n1)"
  trap 'bash tools/elasticsearch/elasticsearch.sh stop --data "$data_dir"' EXIT
fi
export BEACON_ELASTICSEARCH_URL
echo "Beacon's read model: Elasticsearch at $BEACON_ELASTICSEARCH_URL" >&2

npx nx run-many -t build -p server,dashboard --output-style=static
# Not `exec`: the trap above must run after the server has stopped.
BEACON_DEMO="${BEACON_DEMO:-on}" node --max-semi-space-size=64 dist/apps/server/main.js &
server=$!
trap 'kill -INT "$server" 2>/dev/null || true' INT TERM
wait "$server" || true
wait "$server" 2>/dev/null || true
