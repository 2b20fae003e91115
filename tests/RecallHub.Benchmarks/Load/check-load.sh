#!/usr/bin/env bash
# Load test of POST /api/v1/check on loopback, beside a bare ASP.NET endpoint answering the same request.
#
#   bash tests/RecallHub.Benchmarks/Load/check-load.sh [SECONDS] [CONNECTIONS]
#
# The hub runs `recallhub serve` on a SQLite store holding 100 000 recalled lots (4 000 recalls, ingested with
# `recallhub ingest`); wrk (Debian package, installed if missing) posts a mix of DataMatrix codes — a concerned pack,
# other lots of recalled products, an unknown product — with an API key of scope `check`. Prints requests per second
# and latency percentiles for both endpoints. Every request goes over 127.0.0.1 only; the run stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-20}
connections=${2:-32}
hub_url=http://127.0.0.1:5181
bare_url=http://127.0.0.1:5182
key=load-test-key-0123456789abcdef

if ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk (Debian package)"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

echo "== build (Release)"
dotnet build host/RecallHub.Host -c Release -v quiet -nologo >/dev/null
dotnet build tests/RecallHub.Benchmarks -c Release -v quiet -nologo >/dev/null
recallhub=host/RecallHub.Host/bin/Release/net10.0/recallhub.dll
bench=tests/RecallHub.Benchmarks/bin/Release/net10.0/RecallHub.Benchmarks.dll

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "== 100 000 recalled lots into a fresh store"
dotnet "$bench" make-check-notices "$work/notices.json"
start=$(date +%s)
dotnet "$recallhub" ingest "$work/notices.json" --database "$work/hub.db" --plugins "$work/none.json" | tail -n 1
echo "   ingested in $(( $(date +%s) - start )) s"

# The bodies wrk cycles through, one per code.
{
  echo "local bodies = {"
  while IFS= read -r code; do echo "  [[{\"code\":\"$code\"}]],"; done < "$work/notices.json.codes"
  echo "}"
  cat <<LUA
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/v1/check", { ["Content-Type"] = "application/json", ["X-Api-Key"] = "$key" }, bodies[i])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
} > "$work/check.lua"

wait_for() {
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.2
  done
  echo "check-load: $1 did not answer" >&2
  exit 1
}

Hub__ApiKeys__0__Name=load Hub__ApiKeys__0__Key=$key Hub__ApiKeys__0__Scopes__0=check \
  dotnet "$recallhub" serve --urls "$hub_url" --database "$work/hub.db" --plugins "$work/none.json" >"$work/hub.log" 2>&1 &
pids+=($!)
dotnet "$bench" bare-check-endpoint --urls "$bare_url" >"$work/bare.log" 2>&1 &
pids+=($!)
wait_for "$hub_url/health"
wait_for "$bare_url/api/v1/check"

verdicts=$(
  while IFS= read -r code; do
    curl -s -H "X-Api-Key: $key" -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" "$hub_url/api/v1/check" | grep -o '"verdict":"[a-z]*"'
  done < "$work/notices.json.codes" | tr '\n' ' ')
echo "== verdicts of the test codes: $verdicts"

run() {
  local name=$1 url=$2
  wrk -t1 -c"$connections" -d5s -s "$work/check.lua" "$url" >/dev/null   # warm-up: JIT, tiered compilation, pools
  local line
  line=$(wrk -t1 -c"$connections" -d"${seconds}s" -s "$work/check.lua" "$url" | grep '^RESULT')
  echo "$name ${line#RESULT }"
}

echo "== wrk, 1 thread, $connections connections, ${seconds} s each, $(nproc) cores shared by server and wrk"
run "hub  POST /api/v1/check:" "$hub_url"
run "bare POST /api/v1/check:" "$bare_url"
