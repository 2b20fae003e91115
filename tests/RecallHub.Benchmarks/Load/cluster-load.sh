#!/usr/bin/env bash
# Load test of a multi-pharmacy hub on PostgreSQL: one `recallhub serve` host, then two on the same database.
#
#   bash tests/RecallHub.Benchmarks/Load/cluster-load.sh [SECONDS] [CONNECTIONS] [PHARMACIES] [BATCH]
#
# Defaults: 20 s a run, 32 connections in all, 50 pharmacies, 20 scans a request. The server is the one named by
# RECALLHUB_BENCH_POSTGRES, else the benchmark server of bench-postgres.sh, (re)started in its durable mode (fsync on).
# A fresh database (recallhub_load_<time>, dropped at the end) gets the 4 000 recalls (100 000 lots) of check-load.sh
# through `recallhub ingest`. Each pharmacy (a valid FINESS number) has its own API key (scopes scan and check); wrk's
# Lua rotates through the keys, so requests spread over the pharmacies.
#
# Measured, each run after a 5 s warm-up:
#   scans  POST /api/v1/scans, BATCH new serialised DataMatrix codes a request (a reception each, a unique serial, one
#          of 1 000 products that no recall names: stored, checked, not blocked); scans/s = requests/s × BATCH
#   check  POST /api/v1/check with check-load.sh's mix of codes
# first against one host, then against two hosts on two ports (two wrk processes at once, half the connections each,
# summed); then the scan run against one host on SQLite (one pharmacy) for comparison. Everything on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-20}
connections=${2:-32}
pharmacies=${3:-50}
batch=${4:-20}
half=$(( connections / 2 ))
url_a=http://127.0.0.1:5191
url_b=http://127.0.0.1:5192

if ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk (Debian package)"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

if [[ -z "${RECALLHUB_BENCH_POSTGRES:-}" ]]; then
  eval "$(bash tests/RecallHub.Benchmarks/Load/bench-postgres.sh start | grep '^export ')"
fi

echo "== build (Release)"
dotnet build host/RecallHub.Host -c Release -v quiet -nologo >/dev/null
dotnet build tests/RecallHub.Benchmarks -c Release -v quiet -nologo >/dev/null
recallhub=host/RecallHub.Host/bin/Release/net10.0/recallhub.dll
bench=tests/RecallHub.Benchmarks/bin/Release/net10.0/RecallHub.Benchmarks.dll

work=$(mktemp -d)
database=recallhub_load_$(date +%s)
server_arg=$(echo "$RECALLHUB_BENCH_POSTGRES" | sed -E 's/(^|;)Database=[^;]*//')
connection="$server_arg;Database=$database"
psql_args=$(echo "$RECALLHUB_BENCH_POSTGRES" | sed -E 's/.*Host=([^;]*).*/-h \1/')" "$(echo "$RECALLHUB_BENCH_POSTGRES" | sed -E 's/.*Port=([^;]*).*/-p \1/')
psql=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql
sql() { "$psql" $psql_args -U postgres -d postgres -Atq -c "$1"; }
pids=()
stop_hosts() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; pids=(); }
cleanup() {
  stop_hosts
  if [[ "${RECALLHUB_LOAD_KEEP:-0}" == 1 ]]; then echo "== kept: $work and the database $database"; return; fi
  sql "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE);" || true
  rm -rf "$work"
}
trap cleanup EXIT

sql "CREATE DATABASE \"$database\";"

# The hub's configuration, as environment variables: the store, the pharmacies, one key per pharmacy.
dotnet "$bench" load-identities "$pharmacies" 1000 > "$work/identities"
mapfile -t finess < <(awk '$1 == "finess" { print $2 }' "$work/identities")
mapfile -t products < <(awk '$1 == "cip13" { print $2 }' "$work/identities")
hub_env=(Hub__Store__PostgreSql="$connection" Hub__Digest__Enabled=false)
for i in "${!finess[@]}"; do
  hub_env+=(Hub__Pharmacies__${i}__Finess=${finess[$i]}
            Hub__ApiKeys__${i}__Name=lgo-${finess[$i]} Hub__ApiKeys__${i}__Key=load-key-${finess[$i]}-0123456789abcdef
            Hub__ApiKeys__${i}__Scopes__0=scan Hub__ApiKeys__${i}__Scopes__1=check Hub__ApiKeys__${i}__Pharmacy=${finess[$i]})
done

echo "== 100 000 recalled lots into $database (PostgreSQL), $pharmacies pharmacies"
dotnet "$bench" make-check-notices "$work/notices.json" >/dev/null
start=$(date +%s)
env "${hub_env[@]}" dotnet "$recallhub" ingest "$work/notices.json" --plugins "$work/none.json" | tail -n 1
echo "   ingested in $(( $(date +%s) - start )) s"

# wrk's scripts. TAG keeps the serials of two wrk processes apart; KEYS are the pharmacies' keys.
lua_common() {
  local keys=$1
  echo "local keys = {"
  for k in $keys; do echo "  \"$k\","; done
  echo "}"
  cat <<'LUA'
local i = 0
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
}

scan_lua() {
  local tag=$1 keys=$2
  lua_common "$keys"
  echo "local products = {"
  for p in "${products[@]}"; do echo "  \"$p\","; done
  echo "}"
  cat <<LUA
local batch = $batch
local tag = "$tag" .. string.format("%04d", math.random(0, 9999))
request = function()
  i = i + 1
  local scans = {}
  for j = 1, batch do
    local p = products[(i * batch + j) % #products + 1]
    scans[j] = string.format('{"code":"]d2010%s17280229' .. '10L%04d\\\\u001d21%s%08d%02d","event":"reception","workstation":"comptoir-1"}', p, i % 1000, tag, i, j)
  end
  return wrk.format("POST", "/api/v1/scans", { ["Content-Type"] = "application/json", ["X-Api-Key"] = keys[i % #keys + 1] },
    '{"scans":[' .. table.concat(scans, ",") .. ']}')
end
LUA
}

check_lua() {
  local keys=$1
  lua_common "$keys"
  echo "local bodies = {"
  while IFS= read -r code; do echo "  [[{\"code\":\"$code\"}]],"; done < "$work/notices.json.codes"
  echo "}"
  cat <<'LUA'
request = function()
  i = i + 1
  return wrk.format("POST", "/api/v1/check", { ["Content-Type"] = "application/json", ["X-Api-Key"] = keys[i % #keys + 1] }, bodies[i % #bodies + 1])
end
LUA
}

pg_keys=$(for f in "${finess[@]}"; do printf 'load-key-%s-0123456789abcdef ' "$f"; done)
scan_lua A "$pg_keys" > "$work/scans-a.lua"
scan_lua B "$pg_keys" > "$work/scans-b.lua"
check_lua "$pg_keys" > "$work/check.lua"

wait_for() {
  for _ in $(seq 1 150); do
    if curl -s -o /dev/null "$1/health"; then return 0; fi
    sleep 0.2
  done
  echo "cluster-load: $1 did not answer" >&2
  exit 1
}

start_host() {
  local url=$1 log=$2; shift 2
  env "$@" dotnet "$recallhub" serve --urls "$url" --plugins "$work/none.json" >"$log" 2>&1 &
  pids+=($!)
  wait_for "$url"
}

# One wrk process: warm-up, then the run; prints its RESULT line.
wrk_run() {
  local url=$1 lua=$2 conns=$3
  wrk -t1 -c"$conns" -d5s -s "$lua" "$url" >/dev/null
  wrk -t1 -c"$conns" -d"${seconds}s" -s "$lua" "$url" | grep '^RESULT' | sed 's/^RESULT //'
}

# Two wrk processes at once (warm-ups together, then runs together).
wrk_pair() {
  local lua_a=$1 lua_b=$2
  wrk -t1 -c"$half" -d5s -s "$lua_a" "$url_a" >/dev/null & local w1=$!
  wrk -t1 -c"$half" -d5s -s "$lua_b" "$url_b" >/dev/null & local w2=$!
  wait $w1 $w2
  wrk -t1 -c"$half" -d"${seconds}s" -s "$lua_a" "$url_a" | grep '^RESULT' > "$work/pair-a" & w1=$!
  wrk -t1 -c"$half" -d"${seconds}s" -s "$lua_b" "$url_b" | grep '^RESULT' > "$work/pair-b" & w2=$!
  wait $w1 $w2
  echo "host A ${seconds}s: $(sed 's/^RESULT //' "$work/pair-a")"
  echo "host B ${seconds}s: $(sed 's/^RESULT //' "$work/pair-b")"
  awk 'BEGIN { rps = 0 } { for (f = 1; f <= NF; f++) if ($f ~ /^rps=/) { sub("rps=", "", $f); rps += $f } } END { printf "sum: rps=%d\n", rps }' "$work/pair-a" "$work/pair-b"
}

scans_stored() { sql "SELECT COUNT(*) FROM pack_scans;" 2>/dev/null || true; }

echo "== wrk: ${seconds} s a run after 5 s of warm-up, $connections connections in all, $batch scans a request, $(nproc) cores shared by PostgreSQL, the hosts and wrk; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start_host "$url_a" "$work/host-a.log" "${hub_env[@]}"
first=$("$psql" $psql_args -U postgres -d "$database" -Atq -c "SELECT COUNT(*) FROM pack_scans;")
probe=$(curl -s -H "X-Api-Key: load-key-${finess[0]}-0123456789abcdef" -H 'Content-Type: application/json' \
  -d "{\"scans\":[{\"code\":\"]d2010${products[0]}1728022910L0000\\u001d21PROBE0001\",\"event\":\"reception\"}]}" "$url_a/api/v1/scans")
echo "== probe scan: $(echo "$probe" | grep -o '"stored":[0-9]*,"refused":[0-9]*')"
echo "-- one host, PostgreSQL, POST /api/v1/scans (x$batch):"
wrk_run "$url_a" "$work/scans-a.lua" "$connections"
echo "-- one host, PostgreSQL, POST /api/v1/check:"
wrk_run "$url_a" "$work/check.lua" "$connections"

start_host "$url_b" "$work/host-b.log" "${hub_env[@]}"
echo "-- two hosts, PostgreSQL, POST /api/v1/scans (x$batch), two wrk of $half connections:"
wrk_pair "$work/scans-a.lua" "$work/scans-b.lua"
echo "-- two hosts, PostgreSQL, POST /api/v1/check, two wrk of $half connections:"
wrk_pair "$work/check.lua" "$work/check.lua"
echo "== scans stored in PostgreSQL: $(( $("$psql" $psql_args -U postgres -d "$database" -Atq -c "SELECT COUNT(*) FROM pack_scans;") - first ))"
stop_hosts

if [[ "${RECALLHUB_LOAD_SQLITE:-1}" == 1 ]]; then
  echo "== the same scan load on one host on SQLite (one pharmacy, the same recalls)"
  sqlite_key=load-key-sqlite-0123456789abcdef
  dotnet "$recallhub" ingest "$work/notices.json" --database "$work/hub.db" --plugins "$work/none.json" | tail -n 1
  scan_lua S "$sqlite_key" > "$work/scans-s.lua"
  env Hub__ApiKeys__0__Name=lgo Hub__ApiKeys__0__Key=$sqlite_key Hub__ApiKeys__0__Scopes__0=scan Hub__ApiKeys__0__Scopes__1=check \
    dotnet "$recallhub" serve --urls "$url_a" --database "$work/hub.db" --plugins "$work/none.json" >"$work/host-s.log" 2>&1 &
  pids+=($!)
  wait_for "$url_a"
  echo "-- one host, SQLite, POST /api/v1/scans (x$batch):"
  wrk_run "$url_a" "$work/scans-s.lua" "$connections"
  stop_hosts
fi
