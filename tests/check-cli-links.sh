#!/usr/bin/env bash
# `chitieu COMMAND` must start without loading the GTK stack: the command-line
# executable may not need GTK, GDK or libadwaita, even through another
# library; nor poppler, Tesseract or Leptonica, which the core opens in its
# PDF module only when a PDF or a scan is read, nor libpq (the PostgreSQL
# module, opened for a library on a server), nor Cairo, Pango and
# libxlsxwriter (chitieu-render's). The loader lists what the
# executable would load, without running it.
set -euo pipefail
bin=$1
libs=$(LD_TRACE_LOADED_OBJECTS=1 "$bin")
if echo "$libs" | grep -E 'libgtk|libadwaita|libgdk|libgraphene'; then
  echo "$bin loads the toolkit above; only chitieu-window may"
  exit 1
fi
if echo "$libs" | grep -E 'libpoppler|libtesseract|liblept'; then
  echo "$bin loads the PDF or OCR libraries above; only the module libchitieu-pdf may"
  exit 1
fi
if echo "$libs" | grep -E 'libpq'; then
  echo "$bin loads libpq; only the module libchitieu-pg may"
  exit 1
fi
# Drawing and workbooks: `chitieu chart` and `chitieu export` run chitieu-render.
if echo "$libs" | grep -E 'libcairo|libpango|libxlsxwriter'; then
  echo "$bin loads Cairo, Pango or libxlsxwriter above; only chitieu-render and the window may"
  exit 1
fi
echo "$bin: $(echo "$libs" | wc -l) libraries, no toolkit, no PDF, OCR or PostgreSQL engine, no drawing"
