#!/usr/bin/env bash
# A private PostgreSQL server for the many-pharmacies benchmarks, kept between runs (its databases are the cached
# datasets): a cluster under /var/tmp/recallhub-bench/pg listening on 127.0.0.1:55462 only.
#
#   bash tests/RecallHub.Benchmarks/Load/bench-postgres.sh [start|build|stop|status]
#
#   start   (default) starts the server, or restarts it, with durable settings: fsync, synchronous_commit and
#           full_page_writes on, as a hub would run. Use it for every measurement.
#   build   restarts it for building datasets: fsync, synchronous_commit and full_page_writes OFF and wal_level
#           minimal. Fast, but a crash can corrupt the cluster: never measure in this mode.
#   stop    stops it.
#   status  says whether it runs and in which mode.
#
# Prints the line to paste: export RECALLHUB_BENCH_POSTGRES='Host=127.0.0.1;Port=55462;…' (the maintenance database;
# the benchmarks create and reuse their own databases there). Needs PostgreSQL 15 (Debian: apt-get install postgresql);
# as root, the server runs as the postgres account.
set -euo pipefail
mode=${1:-start}
root=${RECALLHUB_BENCH_PG_DIR:-/var/tmp/recallhub-bench/pg}
port=${RECALLHUB_BENCH_PG_PORT:-55462}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
data=$root/data
connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=200;Command Timeout=0"

if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "bench-postgres: no PostgreSQL under /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql)" >&2
  exit 1
fi

as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

running() { as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

current_mode() { cat "$root/mode" 2>/dev/null || echo none; }

# Sized for the reference machine (2 cores, 24 GiB): a quarter of the memory as shared buffers, large sorts for the
# index builds, checkpoints rare enough not to pace the bulk load.
common="-p $port -k $root -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=4GB \
-c effective_cache_size=16GB -c maintenance_work_mem=2GB -c work_mem=64MB -c max_wal_size=16GB \
-c checkpoint_timeout=30min -c max_parallel_maintenance_workers=2 -c max_parallel_workers_per_gather=2"
durable="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c wal_level=replica"
fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0 -c autovacuum=off"

case "$mode" in
  status)
    if running; then echo "running on 127.0.0.1:$port, mode $(current_mode), data $data"; else echo "not running"; fi
    exit 0 ;;
  stop)
    if running; then as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null; fi
    echo "stopped"
    exit 0 ;;
  start) options="$common $durable" ;;
  build) options="$common $fast" ;;
  *) echo "usage: bench-postgres.sh [start|build|stop|status]" >&2; exit 2 ;;
esac

if [[ ! -f "$data/PG_VERSION" ]]; then
  echo "== initdb $data"
  mkdir -p "$root"
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$root"; fi
  as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
fi

if running && [[ $(current_mode) == "$mode" ]]; then
  echo "== reusing the server on 127.0.0.1:$port (mode $mode)"
else
  if running; then as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null; fi
  echo "== starting PostgreSQL ($("$bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port, mode $mode"
  as_postgres "$bin/pg_ctl" -D "$data" -o "$options" -l "$root/server.log" -w -t 120 start >/dev/null
  echo "$mode" > "$root/mode"
fi

echo "export RECALLHUB_BENCH_POSTGRES='$connection'"
