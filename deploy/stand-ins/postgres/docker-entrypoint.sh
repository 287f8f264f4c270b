#!/usr/bin/env bash
# The official postgres image's start-up, as far as Beacon's stack relies on it: on an empty PGDATA,
# initdb with POSTGRES_USER and POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE), create POSTGRES_DB,
# let every address in with a password (scram-sha-256); then run postgres as user postgres.
set -Eeuo pipefail

# VAR, or the contents of the file named by VAR_FILE (as Docker secrets are mounted).
file_env() {
  local var=$1 file_var="${1}_FILE" default=${2:-}
  if [[ -n ${!var:-} && -n ${!file_var:-} ]]; then
    echo "error: both $var and $file_var are set (they are exclusive)" >&2; exit 1
  fi
  local value=$default
  if [[ -n ${!var:-} ]]; then value=${!var}
  elif [[ -n ${!file_var:-} ]]; then value=$(<"${!file_var}"); fi
  export "$var=$value"
  unset "$file_var"
}

if [[ ${1:-} == -* ]]; then set -- postgres "$@"; fi

if [[ ${1:-} == postgres && $(id -u) == 0 ]]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 0700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi

if [[ ${1:-} == postgres && ! -s $PGDATA/PG_VERSION ]]; then
  file_env POSTGRES_PASSWORD
  file_env POSTGRES_USER postgres
  file_env POSTGRES_DB "$POSTGRES_USER"
  if [[ -z $POSTGRES_PASSWORD ]]; then
    echo "error: the database is uninitialized and POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE) is not set" >&2
    exit 1
  fi
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 -D "$PGDATA" >/dev/null
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  if [[ $POSTGRES_DB != postgres ]]; then
    # A server on the socket only, for the set-up; nobody else can connect while it runs.
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -q \
      --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  fi
  echo "database initialised in $PGDATA (user $POSTGRES_USER, database $POSTGRES_DB)"
fi

unset POSTGRES_PASSWORD
if [[ ${1:-} == postgres ]]; then shift; set -- postgres -c listen_addresses='*' "$@"; fi
exec "$@"
