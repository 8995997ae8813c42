#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for the storage tests (127.0.0.1 only, trust auth) and prints
# the line to export so the PostgreSQL half of the suite runs:
#   eval "$(scripts/start-postgres.sh)"
#   dotnet test --project tests/Tandem.Storage.Tests/Tandem.Storage.Tests.csproj
# The last line printed (a comment) is the command that stops it and deletes its files.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${PORT:-55432}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
while port_in_use "$PORT"; do PORT=$((PORT + 1)); done

DIR=$(mktemp -d /tmp/tandem-pg.XXXXXX)
RUN_AS=()
# initdb refuses to run as root; hand the cluster to the postgres system user instead.
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$DIR"
  RUN_AS=(runuser -u postgres --)
fi

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DIR/data" -U tandem --auth=trust -E UTF8 --no-sync >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
# fsync off: the data is thrown away, and the tests create and drop a database each.
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -s \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off" start \
  || { cat "$DIR/server.log" >&2; exit 1; }

echo "export TANDEM_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=tandem;Database=postgres'"
echo "# stop: ${RUN_AS[*]} $PG_BIN/pg_ctl -D $DIR/data -m fast -s stop && rm -rf $DIR"
