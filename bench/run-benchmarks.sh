#!/bin/sh
# Runs each benchmark given on the command line in turn; fails when one
# misses its goal, after running them all. The import benchmark runs with a
# private PostgreSQL server (tests/with-postgresql.sh), to time both engines.
status=0
here=$(dirname "$0")
for bench in "$@"; do
  case "$bench" in
    */bench-import) "$here/../tests/with-postgresql.sh" "$bench" || status=1 ;;
    *) "$bench" || status=1 ;;
  esac
done
exit $status
