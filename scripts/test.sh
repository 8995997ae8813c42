#!/usr/bin/env bash
# Runs every test project of the solution: the README's test command, and what CI runs.
# When PostgreSQL 15 binaries are installed and TANDEM_TEST_POSTGRES is not set, a throwaway
# cluster is started on 127.0.0.1 for the PostgreSQL half of the suites and stopped afterwards.
# The last line is "N passed, N failed, N skipped", summed over all test projects.
set -uo pipefail
cd "$(dirname "$0")/.."

stop_pg=""
if [ -z "${TANDEM_TEST_POSTGRES:-}" ] && [ -x /usr/lib/postgresql/15/bin/initdb ]; then
  if pg_env=$(bash scripts/start-postgres.sh 2>/tmp/tandem-start-postgres.log); then
    eval "$(echo "$pg_env" | grep '^export ')"
    stop_pg=$(echo "$pg_env" | sed -n 's/^# stop: //p')
  else
    echo "warning: could not start PostgreSQL; its tests will be skipped" >&2
    cat /tmp/tandem-start-postgres.log >&2
  fi
fi
trap '[ -n "$stop_pg" ] && eval "$stop_pg" >/dev/null 2>&1' EXIT

log=$(mktemp)
dotnet test --solution Tandem.slnx -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test application prints its own summary block; sum them.
summary=$(awk '
  /^ *total: *[0-9]+/     { total += $2 }
  /^ *failed: *[0-9]+/    { failed += $2 }
  /^ *succeeded: *[0-9]+/ { passed += $2 }
  /^ *skipped: *[0-9]+/   { skipped += $2 }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log")
rm -f "$log"
if [ "$status" -ne 0 ] && [[ "$summary" == *" 0 failed"* ]]; then
  # A build error or a crashed test host counts no test as failed; still make it visible.
  summary=${summary/ 0 failed/ 1 failed}
fi
echo "$summary"
exit "$status"
