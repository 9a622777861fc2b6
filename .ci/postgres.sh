#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster on a loopback port, run as the unprivileged 'postgres' user.
#   .ci/postgres.sh start   installs PostgreSQL 15 from Debian's packages if missing, starts a cluster,
#                           and prints the server's connection string (for PRICINGAPI_TEST_POSTGRES)
#   .ci/postgres.sh stop    stops it and deletes its files
set -euo pipefail
PORT=${PRICINGAPI_PG_PORT:-55432}
DIR=${PRICINGAPI_PG_DIR:-/tmp/pricingapi-pg}
BIN=/usr/lib/postgresql/15/bin

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    if [ ! -x "$BIN/initdb" ]; then
      echo "installing PostgreSQL 15 from Debian's packages" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      apt-get install -y -qq postgresql-15 >&2
    fi
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
    as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c fsync=off -c max_connections=300" start >&2
    echo "Host=127.0.0.1;Port=$PORT;Username=postgres"
    ;;
  stop)
    if [ -d "$DIR/data" ]; then
      as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
