#!/bin/sh
# Runs each benchmark given on the command line in turn; fails when one
# misses its goal, after running them all.
status=0
for bench in "$@"; do
  "$bench" || status=1
done
exit $status
