#!/usr/bin/env bash
# The folders are the layers: core/ needs no display and knows nothing above
# it; cli/ is headless too; widgets/ never reaches into app/. A file that
# includes a header from a layer it may not see fails this test, naming the
# file and line.
set -euo pipefail
src=${1:-.}
cd "$src"
status=0

forbid () {
  local dir=$1 pattern=$2 why=$3
  local hits
  hits=$(grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($pattern)" \
           "$dir"/*.c "$dir"/*.h 2>/dev/null || true)
  if [ -n "$hits" ]; then
    echo "$why:"
    echo "$hits"
    status=1
  fi
}

# GTK, GDK, GSK and libadwaita headers: core and cli run without a display.
toolkit='gtk/|gdk/|gsk/|adwaita\.h|adw-|graphene'
forbid core "$toolkit" "core/ includes a toolkit header"
forbid cli "$toolkit" "cli/ includes a toolkit header"

# Upward includes: the core knows neither the command line, the widgets nor
# the application; the command line and widgets do not know the application.
cli_headers=$(cd cli && ls *.h | sed 's/\./\\./g' | paste -sd'|')
widget_headers=$(cd widgets && ls *.h | sed 's/\./\\./g' | paste -sd'|')
app_headers=$(cd app && ls *.h | sed 's/\./\\./g' | paste -sd'|')
forbid core "$cli_headers|$widget_headers|$app_headers" "core/ includes a header of a higher layer"
forbid cli "$widget_headers|$app_headers" "cli/ includes a header of the window"
forbid widgets "$cli_headers|$app_headers" "widgets/ includes a header of the application or command line"

# json-glib belongs to the command line's output, not to the core.
forbid core 'json-glib/' "core/ includes json-glib (the command line's dependency)"

if [ $status -eq 0 ]; then
  echo "layers: core, cli, widgets and app include only what they may"
fi
exit $status
