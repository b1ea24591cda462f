#!/usr/bin/env bash
# Every visible string is marked and translated: the files that mark strings
# are listed in POTFILES.in, and vi.po translates everything they mark, with
# nothing fuzzy and formats that match (msgfmt -c).
set -euo pipefail
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"

status=0
# Files that mark strings but are not listed.
for f in $(grep -rlE '(\b_|\bN_|\bC_|\bNC_)\(\s*"|translatable="yes"' core cli app widgets resources --include='*.c' --include='*.ui' | sort); do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done

grep -v '^#' po/POTFILES.in | grep -v '^$' > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments --files-from="$tmp/files" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  -o "$tmp/chitieu.pot" 2>"$tmp/xgettext.err" || { cat "$tmp/xgettext.err"; exit 1; }

msgmerge --quiet --no-fuzzy-matching po/vi.po "$tmp/chitieu.pot" -o "$tmp/vi.po"
stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$tmp/vi.po" 2>&1)
echo "vi: $stats"
if echo "$stats" | grep -qE 'untranslated|fuzzy'; then
  msgattrib --untranslated --no-obsolete "$tmp/vi.po" | grep -A1 '^msgid' | head -40
  status=1
fi
exit $status
