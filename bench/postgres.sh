#!/usr/bin/env bash
# A throwaway local PostgreSQL for benchmarks and drills (loopback only).
#   bench/postgres.sh start [DIR] [PORT]   -> prints the JDBC URL; user continuum / password continuum
#   bench/postgres.sh stop  [DIR]
# Needs the PostgreSQL server binaries (Debian: apt-get install postgresql; 15+).
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:-/tmp/continuum-bench-pg}; port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
      as_pg "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1 \
      || as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" -w start >/dev/null
    q() { psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtc "$1"; }
    q "select 1 from pg_roles where rolname='continuum'" | grep -q 1 || q "create role continuum login password 'continuum'"
    q "select 1 from pg_database where datname='continuum'" | grep -q 1 || q "create database continuum owner continuum"
    echo "jdbc:postgresql://127.0.0.1:$port/continuum"
    ;;
  stop) as_pg "$bin/pg_ctl" -D "$dir" -m fast stop ;;
  *) echo "usage: $0 start|stop [DIR] [PORT]" >&2; exit 2 ;;
esac
