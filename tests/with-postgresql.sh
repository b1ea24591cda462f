#!/bin/sh
# Runs a test (its command line is this script's arguments) against a
# private PostgreSQL cluster: initdb and pg_ctl in a temporary folder, the
# server listening only on a Unix socket in that folder, run by a user who
# is not root (PostgreSQL refuses root; as root the folder is given to
# "nobody"). The test finds the server in CT_TEST_POSTGRESQL (a libpq
# connection string for the maintenance database, role "chitieu", trust
# authentication on the socket). The cluster is stopped and removed when
# the test ends, whether it passed or not.
set -eu

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  # TAP: the whole test is skipped, with the reason.
  echo "1..0 # SKIP PostgreSQL is not installed: build-aux/install-deps.sh installs it"
  exit 0
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/ct-pg.XXXXXX")
as=""
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$dir"
  as="runuser -u nobody --"
fi

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    $as "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

$as "$bindir/initdb" -D "$dir/data" -U chitieu -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
  > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: the cluster lives for one test run.
$as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-k $dir -c listen_addresses= -c fsync=off -c max_connections=40" start > /dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }

CT_TEST_POSTGRESQL="host=$dir user=chitieu dbname=postgres"
export CT_TEST_POSTGRESQL
"$@"
