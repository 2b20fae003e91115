#!/usr/bin/env bash
# The plugin author's path, end to end, offline: pack RecallHub.Abstractions and RecallHub.Plugins.Testing into a
# local feed, instantiate both dotnet new templates into a temporary folder, build them, run their tests, publish
# them, list them in a plugins.json with each assembly's SHA-256, run the real hub (recallhub run) and see a notice
# of the new source reach the new sink. Exits 0 when it did. Called by tests/run-all.sh after the Release build.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
started=$SECONDS

# Packages other than ours come from this machine's NuGet cache (filled by the repository's own restore): no network.
cache="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
work="$(mktemp -d "${TMPDIR:-/tmp}/recallhub-roundtrip.XXXXXX")"
hub_pid="" feed_pid=""
cleanup() {
  [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null && wait "$hub_pid" 2>/dev/null || true
  [ -n "$feed_pid" ] && kill "$feed_pid" 2>/dev/null && wait "$feed_pid" 2>/dev/null || true
  [ "${KEEP_ROUNDTRIP:-}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
step() { echo "-- roundtrip $(( SECONDS - started ))s: $*"; }
quiet() { local log="$work/step.log"; if ! "$@" >"$log" 2>&1; then cat "$log" >&2; echo "roundtrip: failed: $*" >&2; exit 1; fi; }

step "pack RecallHub.Abstractions and RecallHub.Plugins.Testing into $work/feed"
# run-all.sh has just built the solution in Release (ROUNDTRIP_BUILT=1); on its own the script builds what it needs.
if [ "${ROUNDTRIP_BUILT:-}" != 1 ]; then
  quiet dotnet build "$repo/core/RecallHub.Plugins.Testing" -c Release -v quiet -nologo
  quiet dotnet build "$repo/host/RecallHub.Host" -c Release -v quiet -nologo
fi
for project in RecallHub.Abstractions RecallHub.Plugins.Testing; do
  quiet dotnet pack "$repo/core/$project" -c Release --no-build -o "$work/feed" -v quiet -nologo
done

# A fresh package folder, so that a package of ours cached by an earlier run is never used instead of today's.
export NUGET_PACKAGES="$work/packages"
mkdir -p "$work/authors"
cat > "$work/authors/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="recallhub-local" value="$work/feed" />
    <add key="machine-cache" value="$cache" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="recallhub-local"><package pattern="RecallHub.*" /></packageSource>
    <packageSource key="machine-cache"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG

step "install the templates (private template hive) and instantiate them"
hive="$work/hive"
quiet dotnet new install "$repo/templates/recallhub-source" --debug:custom-hive "$hive"
quiet dotnet new install "$repo/templates/recallhub-sink" --debug:custom-hive "$hive"
quiet dotnet new recallhub-source -n Officine.Rappels --plugin-id officine-rappels -o "$work/authors/source" --debug:custom-hive "$hive"
quiet dotnet new recallhub-sink -n Officine.Journal --plugin-id officine-journal -o "$work/authors/sink" --debug:custom-hive "$hive"

step "build the source and the sink (side by side)"
for kind in source sink; do
  dotnet build "$work/authors/$kind" -c Release -v quiet -nologo >"$work/build-$kind.log" 2>&1 &
  eval "build_$kind=\$!"
done
for kind in source sink; do
  pid_var="build_$kind"
  wait "${!pid_var}" || { cat "$work/build-$kind.log" >&2; echo "roundtrip: the $kind template does not build" >&2; exit 1; }
done

tests_run=0
for kind in source sink; do
  dir="$work/authors/$kind"
  step "test the $kind"
  (cd "$dir" && dotnet test -c Release --no-build) >"$work/test-$kind.log" 2>&1 || { cat "$work/test-$kind.log" >&2; echo "roundtrip: the $kind template's tests failed" >&2; exit 1; }
  n=$(grep -E '^ *succeeded: +[0-9]+' "$work/test-$kind.log" | grep -oE '[0-9]+' | tail -n 1)
  [ "${n:-0}" -gt 0 ] || { cat "$work/test-$kind.log" >&2; echo "roundtrip: the $kind template ran no test" >&2; exit 1; }
  tests_run=$(( tests_run + n ))
done

step "publish both into a hub folder"
hub="$work/hub"
quiet dotnet publish "$work/authors/source/plugins/Officine.Rappels" -c Release --no-build -o "$hub/plugins/officine-rappels"
quiet dotnet publish "$work/authors/sink/plugins/Officine.Journal" -c Release --no-build -o "$hub/plugins/officine-journal"
if [ -e "$hub/plugins/officine-rappels/RecallHub.Abstractions.dll" ]; then
  echo "roundtrip: the published source ships its own RecallHub.Abstractions.dll" >&2; exit 1
fi

# The publisher: the source template's recorded feed, served on 127.0.0.1 by Python's http.server.
mkdir -p "$hub/site"
cp "$work/authors/source/tests/Officine.Rappels.Tests/TestData/recalls.json" "$hub/site/rappels.json"
python3 -u -c '
import functools, http.server, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=sys.argv[1]))
print(server.server_address[1], flush=True)
server.serve_forever()' "$hub/site" >"$work/feed-port" &
feed_pid=$!
for _ in $(seq 100); do [ -s "$work/feed-port" ] && break; sleep 0.1; done
feed_port=$(head -n 1 "$work/feed-port")
hub_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

sha() { sha256sum "$1" | cut -d' ' -f1; }
cat > "$hub/plugins.json" <<JSON
{
  "plugins": [
    {
      "id": "officine-rappels",
      "folder": "plugins/officine-rappels",
      "schedule": "0/2 * * * * ?",
      "settings": { "url": "http://127.0.0.1:$feed_port/rappels.json" },
      "sha256": "$(sha "$hub/plugins/officine-rappels/Officine.Rappels.dll")"
    },
    {
      "id": "officine-journal",
      "folder": "plugins/officine-journal",
      "settings": { "path": "$hub/events.jsonl" },
      "sha256": "$(sha "$hub/plugins/officine-journal/Officine.Journal.dll")"
    }
  ]
}
JSON

recallhub="$repo/host/RecallHub.Host/bin/Release/net10.0/recallhub.dll"
step "recallhub plugins: both load"
quiet dotnet "$recallhub" plugins --config "$hub/plugins.json"

step "recallhub run on 127.0.0.1:$hub_port until the sink has the source's notices"
(cd "$hub" && exec dotnet "$recallhub" run --urls "http://127.0.0.1:$hub_port" --plugins "$hub/plugins.json" --database "$hub/hub.db") >"$work/hub.log" 2>&1 &
hub_pid=$!
# The source template's sample recall MED26/A007/B005 ("Paracétamol Exemple 1 g, comprimé : rappel de lots").
title="Paracétamol Exemple 1 g, comprimé : rappel de lots"
arrived() {
  [ -f "$hub/events.jsonl" ] && awk -v title="\"$title\"" '
    index($0, "\"recall_received\"") && index($0, "\"MED26/A007/B005\"") && index($0, title) { found = 1 }
    END { exit !found }' "$hub/events.jsonl"
}
for _ in $(seq 600); do
  arrived && break
  kill -0 "$hub_pid" 2>/dev/null || { cat "$work/hub.log" >&2; echo "roundtrip: the hub stopped" >&2; exit 1; }
  sleep 0.1
done
if ! arrived; then
  cat "$work/hub.log" >&2
  cat "$hub/events.jsonl" >&2 2>/dev/null || true
  echo "roundtrip: the source's notice MED26/A007/B005 did not reach the sink within 60 s" >&2
  exit 1
fi
received=$(grep -c '"recall_received"' "$hub/events.jsonl")
step "the sink wrote $received recall_received event(s), among them \"$title\""
echo "roundtrip: passed in $(( SECONDS - started ))s (template tests run: $tests_run)"
