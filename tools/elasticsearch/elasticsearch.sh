#!/usr/bin/env bash
# Beacon: start/stop a real single-node Elasticsearch 8 (fetched from Maven Central) for tests and local dev.
# See README.md next to this file. Progress goes to stderr; `start` prints the node's URL as its last stdout line.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
ES_VERSION=${BEACON_ES_VERSION:-$(sed -n 's:.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*:\1:p' "$SCRIPT_DIR/pom.xml" | head -n1)}
readonly ES_VERSION
readonly RUN_USER=beacon-es          # Elasticsearch refuses to run as root; root runs it as this system user
readonly DEFAULT_PORT=9250
readonly DEFAULT_DATA="$SCRIPT_DIR/.data"
readonly DEFAULT_HEAP=512m
readonly START_TIMEOUT=120
readonly STOP_TIMEOUT=30

if [[ $(id -u) -eq 0 ]]; then IS_ROOT=1; STATE_ROOT=/var/lib/beacon/elasticsearch
else IS_ROOT=0; STATE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/beacon/elasticsearch"; fi
readonly IS_ROOT STATE_ROOT
readonly ES_HOME="$STATE_ROOT/$ES_VERSION"

log() { printf 'elasticsearch.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  cat <<EOF
Usage: $(basename "$0") <command> [options]

Runs a real single-node Elasticsearch $ES_VERSION (Elastic's integ-test-zip distribution, fetched once
from Maven Central with Maven) on 127.0.0.1, security off, for tests and local development.

Commands:
  start [--port N] [--data DIR] [--heap SIZE]
        Fetch/unpack the distribution if needed, start a node daemonized and wait until it is healthy
        (up to ${START_TIMEOUT}s). Prints http://127.0.0.1:N as the last line of stdout. A no-op (just the
        URL) if the node of DIR is already up on N. Transport port is N+100.
        Defaults: --port $DEFAULT_PORT  --data $DEFAULT_DATA  --heap $DEFAULT_HEAP
  stop [--data DIR]
        SIGTERM the node of DIR, SIGKILL after ${STOP_TIMEOUT}s. Exit 0 if it was not running.
  status [--port N] [--data DIR]
        Print the cluster health JSON of the node on N (or on DIR's last port), else "not running" (exit 3).
  fetch Only fetch/unpack the distribution; print its directory.
  --help

Distribution: $ES_HOME
When run as root the node runs as system user '$RUN_USER' (created if missing); a DIR that user cannot
reach (e.g. inside a 0700 home) is replaced by /var/lib/beacon/elasticsearch/nodes/<sha256(DIR):0:12>.
Java: \$ES_JAVA_HOME, else \$JAVA_HOME, else the \`java\` on PATH (17+).
EOF
}

# ---------------------------------------------------------------------------------------------- helpers

# Run a command as the node's runtime user (root: $RUN_USER; otherwise: ourselves).
as_es() {
  if (( IS_ROOT )); then
    if command -v runuser >/dev/null; then runuser -u "$RUN_USER" -- "$@"
    else su -s /bin/sh "$RUN_USER" -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

ensure_user() {
  (( IS_ROOT )) || return 0
  id -u "$RUN_USER" >/dev/null 2>&1 && return 0
  log "creating system user $RUN_USER"
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_USER"
}

java_home() {
  local h=${ES_JAVA_HOME:-${JAVA_HOME:-}} j
  if [[ -z $h ]]; then
    j=$(command -v java) || die "no Java found: set JAVA_HOME or put java (17+) on PATH"
    h=$(dirname "$(dirname "$(readlink -f "$j")")")
  fi
  [[ -x $h/bin/java ]] || die "no executable $h/bin/java (check JAVA_HOME/ES_JAVA_HOME)"
  if (( IS_ROOT )) && ! as_es test -x "$h/bin/java"; then
    die "$h/bin/java is not executable by user $RUN_USER; point JAVA_HOME at a JDK it can read"
  fi
  printf '%s\n' "$h"
}

# Fetch + unpack the distribution into $ES_HOME once (marker file), safe against concurrent callers.
ensure_distribution() {
  [[ -f $ES_HOME/.beacon-unpacked ]] && return 0
  command -v mvn >/dev/null || die "Maven (mvn) is needed once to fetch Elasticsearch $ES_VERSION from Maven Central"
  mkdir -p "$STATE_ROOT"
  exec 8>"$STATE_ROOT/.unpack.lock"
  if command -v flock >/dev/null; then flock 8; fi
  if [[ ! -f $ES_HOME/.beacon-unpacked ]]; then
    local tmp="$STATE_ROOT/.unpack-$ES_VERSION.$$" t0=$SECONDS
    rm -rf "$tmp"
    log "fetching Elasticsearch $ES_VERSION from Maven Central into $ES_HOME (first run only)..."
    if ! mvn -q -B -Dstyle.color=never -f "$SCRIPT_DIR/pom.xml" dependency:unpack \
         -Delasticsearch.version="$ES_VERSION" -Doutput="$tmp" 2>&1 \
         | sed 's/\x1b\[[0-9;]*m//g' >&2; then   # (Debian's Maven 3.8 emits colour codes even with -B)
      rm -rf "$tmp"; exec 8>&-
      die "could not fetch org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip (see Maven output above)"
    fi
    [[ -x $tmp/bin/elasticsearch ]] || { rm -rf "$tmp"; exec 8>&-; die "unpacked distribution has no bin/elasticsearch"; }
    if (( IS_ROOT )); then chmod -R a+rX,go-w "$tmp"; fi   # readable by $RUN_USER, writable only by root
    printf '%s\n' "$ES_VERSION" >"$tmp/.beacon-unpacked"
    rm -rf "$ES_HOME"                             # leftovers of an interrupted earlier attempt
    mv "$tmp" "$ES_HOME"
    log "distribution ready in $((SECONDS - t0))s"
  fi
  exec 8>&-
}

# Can $RUN_USER reach $1 (once root creates/chowns it)? Its nearest existing parent must be traversable.
reachable_by_es() {
  local a
  a=$(dirname "$1")
  while [[ ! -e $a ]]; do a=$(dirname "$a"); done
  as_es test -d "$a" -a -x "$a"
}

relocated_dir() {
  printf '%s/nodes/%s\n' "$STATE_ROOT" "$(printf '%s' "$1" | sha256sum | cut -c1-12)"
}

# Sets DATA from the requested dir ($1): as root, relocates it when $RUN_USER cannot reach it.
resolve_data_for_start() {
  local req
  req=$(realpath -m -- "$1")
  DATA_REQ=$req
  DATA=$req
  if (( IS_ROOT )) && ! reachable_by_es "$req"; then
    DATA=$(relocated_dir "$req")
    log "note: $req is not reachable by user $RUN_USER; using $DATA instead"
  fi
}

# Prints the pid in pid file $1 if that process is alive and is Elasticsearch.
live_pid() {
  local f=$1 pid
  [[ -r $f ]] || return 0
  pid=$(tr -dc '0-9' <"$f")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'org\.elasticsearch' || return 0
  printf '%s\n' "$pid"
}

port_in_use() { (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port_owner() {
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(.*)' | head -n1 || true
}

# Pid of the Elasticsearch node answering on port $1 (empty if none).
node_pid_on_port() {
  curl -sf --max-time 5 "http://127.0.0.1:$1/_nodes/_local/process?filter_path=nodes.*.process.id" 2>/dev/null \
    | grep -o '"id":[0-9]*' | head -n1 | cut -d: -f2 || true
}

healthy() {
  curl -sf -o /dev/null --max-time 5 \
    "http://127.0.0.1:$1/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null
}

node_log() { printf '%s/logs/beacon.log\n' "$DATA"; }

show_logs() {
  if [[ -s $DATA/logs/launcher.log ]]; then
    log "---- launcher output ($DATA/logs/launcher.log, last 20 lines) ----"
    tail -n 20 "$DATA/logs/launcher.log" >&2
  fi
  if [[ -s $(node_log) ]]; then
    log "---- node log ($(node_log), last 60 lines) ----"
    tail -n 60 "$(node_log)" >&2
  fi
}

# ---------------------------------------------------------------------------------------------- commands

parse_opts() {  # sets PORT DATA_ARG HEAP
  PORT=$DEFAULT_PORT; DATA_ARG=$DEFAULT_DATA; HEAP=$DEFAULT_HEAP; PORT_GIVEN=0; DATA_GIVEN=0
  while (( $# )); do
    case $1 in
      --port) [[ $# -ge 2 ]] || die "--port needs a value"; PORT=$2; PORT_GIVEN=1; shift 2 ;;
      --port=*) PORT=${1#*=}; PORT_GIVEN=1; shift ;;
      --data) [[ $# -ge 2 ]] || die "--data needs a value"; DATA_ARG=$2; DATA_GIVEN=1; shift 2 ;;
      --data=*) DATA_ARG=${1#*=}; DATA_GIVEN=1; shift ;;
      --heap) [[ $# -ge 2 ]] || die "--heap needs a value"; HEAP=$2; shift 2 ;;
      --heap=*) HEAP=${1#*=}; shift ;;
      -h|--help) usage; exit 0 ;;
      *) die "unknown option: $1 (see --help)" ;;
    esac
  done
  if ! [[ $PORT =~ ^[0-9]+$ ]] || (( PORT < 1024 || PORT > 65435 )); then
    die "--port must be 1024..65435 (transport uses port+100)"
  fi
  [[ $HEAP =~ ^[0-9]+[kKmMgG]$ ]] || die "--heap must look like 512m or 1g"
  [[ -n $DATA_ARG ]] || die "--data must not be empty"
}

cmd_start() {
  parse_opts "$@"
  local tport=$((PORT + 100)) url="http://127.0.0.1:$PORT" pid jhome
  ensure_user
  ensure_distribution
  jhome=$(java_home)
  resolve_data_for_start "$DATA_ARG"
  (umask 022; mkdir -p "$DATA")
  if (( IS_ROOT )); then chown "$RUN_USER:" "$DATA"; fi
  if [[ $DATA != "$DATA_REQ" ]]; then printf '%s\n' "$DATA_REQ" >"$DATA/.origin"; fi   # for humans

  # one start at a time per data dir (fd 9; not inherited by the node, see the launch below)
  exec 9>>"$DATA/.start.lock"
  if command -v flock >/dev/null; then flock 9; fi

  pid=$(live_pid "$DATA/elasticsearch.pid")
  if [[ -n $pid ]]; then
    local running_port
    running_port=$(cat "$DATA/http.port" 2>/dev/null || echo '?')
    [[ $running_port == "$PORT" ]] ||
      die "the node of $DATA is already running (pid $pid) on port $running_port; stop it first"
    local t=0
    while [[ $(node_pid_on_port "$PORT") != "$pid" ]] || ! healthy "$PORT"; do
      (( t < START_TIMEOUT * 2 )) ||
        die "the node of $DATA (pid $pid) runs but is not healthy on port $PORT; try: $0 stop --data $DATA_ARG"
      sleep 0.5; t=$((t + 1))
    done
    log "already running (pid $pid)"
    printf '%s\n' "$url"
    return 0
  fi
  rm -f "$DATA/elasticsearch.pid"

  local p
  for p in "$PORT" "$tport"; do
    if port_in_use "$p"; then
      local owner
      owner=$(port_owner "$p")
      die "port $p is already in use by another process${owner:+ ($owner)}, not by the node of $DATA; pick another --port"
    fi
  done

  # per-node config (ES writes its keystore there), tmp, logs; the distribution itself stays read-only
  mkdir -p "$DATA/config" "$DATA/data" "$DATA/logs" "$DATA/tmp"
  local f
  for f in "$ES_HOME"/config/*; do
    [[ $(basename "$f") == elasticsearch.keystore ]] && continue
    cp -R "$f" "$DATA/config/"
  done
  find "$DATA/tmp" -mindepth 1 -delete
  printf '%s\n' "$PORT" >"$DATA/http.port"
  : >"$DATA/logs/launcher.log"
  if (( IS_ROOT )); then chown -R "$RUN_USER:" "$DATA/config" "$DATA/data" "$DATA/logs" "$DATA/tmp"; fi

  local settings=(
    -E cluster.name=beacon
    -E node.name="beacon-$PORT"
    -E discovery.type=single-node
    -E network.host=127.0.0.1
    -E http.port="$PORT"
    -E transport.port="$tport"
    -E path.data="$DATA/data"
    -E path.logs="$DATA/logs"
    -E xpack.security.enabled=false
    -E cluster.routing.allocation.disk.threshold_enabled=false
    -E action.destructive_requires_name=false
    -E xpack.ml.enabled=false
  )

  log "starting Elasticsearch $ES_VERSION on $url (data: $DATA, heap: $HEAP)..."
  local t0=$SECONDS
  # cwd = logs dir: jvm.options writes gc.log / hs_err files relative to the working directory.
  ( cd "$DATA/logs" &&
    exec 8>&- 9>&- && as_es env \
      ES_JAVA_HOME="$jhome" ES_PATH_CONF="$DATA/config" ES_TMPDIR="$DATA/tmp" \
      ES_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP${ES_JAVA_OPTS:+ $ES_JAVA_OPTS}" \
      "$ES_HOME/bin/elasticsearch" -d -p "$DATA/elasticsearch.pid" "${settings[@]}"
  ) </dev/null >>"$DATA/logs/launcher.log" 2>&1 &
  local launcher=$! launcher_rc=

  while :; do
    if [[ -z $launcher_rc ]] && ! kill -0 "$launcher" 2>/dev/null; then
      launcher_rc=0; wait "$launcher" || launcher_rc=$?
      if (( launcher_rc != 0 )); then
        show_logs; die "Elasticsearch failed to start (launcher exit code $launcher_rc; logs above)"
      fi
    fi
    pid=$(live_pid "$DATA/elasticsearch.pid")
    if [[ -n $pid ]] && healthy "$PORT"; then break; fi
    if [[ $launcher_rc == 0 && -z $pid ]]; then
      show_logs; die "Elasticsearch exited during startup (logs above)"
    fi
    if (( SECONDS - t0 >= START_TIMEOUT )); then
      [[ -n $pid ]] && kill -KILL "$pid" 2>/dev/null
      [[ -z $launcher_rc ]] && kill "$launcher" 2>/dev/null
      rm -f "$DATA/elasticsearch.pid"
      show_logs; die "Elasticsearch did not become healthy on $url within ${START_TIMEOUT}s (killed; logs above)"
    fi
    sleep 0.5
  done
  log "up after $((SECONDS - t0))s (pid $pid)"
  exec 9>&-
  printf '%s\n' "$url"
}

cmd_stop() {
  parse_opts "$@"
  local req pid d stopped=0
  req=$(realpath -m -- "$DATA_ARG")
  local candidates=("$req")
  if (( IS_ROOT )); then candidates+=("$(relocated_dir "$req")"); fi
  for d in "${candidates[@]}"; do
    pid=$(live_pid "$d/elasticsearch.pid")
    if [[ -z $pid ]]; then rm -f "$d/elasticsearch.pid" 2>/dev/null || true; continue; fi
    log "stopping Elasticsearch (pid $pid, data $d)..."
    kill -TERM "$pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$pid" 2>/dev/null && (( waited < STOP_TIMEOUT * 10 )); do sleep 0.1; waited=$((waited + 1)); done
    if kill -0 "$pid" 2>/dev/null; then
      log "still alive after ${STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    rm -f "$d/elasticsearch.pid"
    log "stopped"
    stopped=1
  done
  (( stopped )) || log "not running (data $req)"
  return 0
}

cmd_status() {
  parse_opts "$@"
  local port=$PORT out d
  if (( DATA_GIVEN && ! PORT_GIVEN )); then
    d=$(realpath -m -- "$DATA_ARG")
    if [[ ! -f $d/http.port ]] && (( IS_ROOT )); then d=$(relocated_dir "$d"); fi
    [[ -f $d/http.port ]] && port=$(<"$d/http.port")
  fi
  if out=$(curl -sf --max-time 5 "http://127.0.0.1:$port/_cluster/health" 2>/dev/null); then
    printf '%s\n' "$out"
  else
    echo "not running"
    exit 3
  fi
}

cmd_fetch() {
  ensure_distribution
  printf '%s\n' "$ES_HOME"
}

main() {
  [[ -n $ES_VERSION ]] || die "cannot read elasticsearch.version from $SCRIPT_DIR/pom.xml"
  local cmd=${1:-}
  (( $# )) && shift
  case $cmd in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    fetch) cmd_fetch ;;
    -h|--help|help) usage ;;
    '') usage >&2; exit 2 ;;
    *) log "unknown command: $cmd"; usage >&2; exit 2 ;;
  esac
}

main "$@"
