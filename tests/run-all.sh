#!/usr/bin/env bash
# Runs the whole RecallHub test suite from a clean clone: installs what the tests need, builds everything in
# Release (warnings are errors), runs every test project, and ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "run-all: the .NET SDK pinned in global.json is needed (dotnet was not found on PATH)." >&2
  exit 2
fi

# Real servers and browsers the tests talk to, from Debian's packages: aiosmtpd (SMTP, for the e-mail sink),
# chromium (the dashboard's browser tests; Playwright's own browser download is never used) and postgresql (the
# PostgreSQL store's tests start a private server of their own with its initdb and pg_ctl; the distribution's service
# is never started). Installed only when missing, so a developer's second run does not touch apt.
need=()
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || need+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "run-all: the tests need ${need[*]} (Debian packages); run as root or install them first." >&2
    exit 2
  fi
  apt-get update -qq
  # policy-rc.d answering 101 keeps the package from starting the distribution's PostgreSQL service.
  policy=/usr/sbin/policy-rc.d
  had_policy=0; [ -e "$policy" ] && had_policy=1
  [ "$had_policy" -eq 1 ] || { printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  [ "$had_policy" -eq 1 ] || rm -f "$policy"
fi

echo "== build (Release)"
dotnet build RecallHub.sln -c Release -v quiet -nologo

echo "== test"
log=$(mktemp)
set +e
dotnet test --solution RecallHub.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Microsoft.Testing.Platform ends with "total: N", "failed: N", "succeeded: N", "skipped: N".
summary() { grep -E "^ *$1: +[0-9]+ *$" "$log" | tail -n 1 | grep -oE "[0-9]+" || echo 0; }
passed=$(summary succeeded)
failed=$(summary failed)
skipped=$(summary skipped)
rm -f "$log"

# The plugin author's round trip (templates -> packages -> build, test, publish -> the real hub): one test, counted so.
echo "== templates round trip"
if ROUNDTRIP_BUILT=1 bash tests/templates/roundtrip.sh; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  status=1
fi

echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then
  echo "run-all: no test ran" >&2
  exit 1
fi
exit "$status"
