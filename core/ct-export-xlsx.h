/* ct-export-xlsx.h: the Excel workbook handed to other departments
 *
 * One call writes a whole workbook with libxlsxwriter: the comparison matrix
 * (reports as columns with value, plan and rate sub-columns), a native column
 * chart of the rates that references those cells, every observation of the
 * compared reports with its source sentence, the reports themselves, and
 * the workbook properties. Sheet names and headers are in the UI language.
 *
 * The workbook is written to a temporary file in the target folder and
 * renamed over the target only when complete: a failure or a cancellation
 * never leaves a half-written file, and an existing file stays untouched.
 *
 * Not thread-safe with respect to the store (see ct-store.h): call it from
 * the thread that owns the CtStore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-store-compare.h"
#include "ct-store.h"

G_BEGIN_DECLS

/* Above this many observations the workbook is written in libxlsxwriter's
 * constant-memory mode: rows go straight to disk instead of staying in
 * memory, at the price of inline strings and charts without cached values
 * (Excel and LibreOffice read the referenced cells when they open it). */
#define CT_EXPORT_XLSX_CONSTANT_MEMORY_THRESHOLD 20000

/* Excel refuses charts with more series than this. */
#define CT_EXPORT_XLSX_MAX_CHART_SERIES 255

/* With no indicator chosen, the chart shows at most this many rows (those
 * with a rate, in table order) so it stays readable. */
#define CT_EXPORT_XLSX_MAX_CHART_ROWS 30

typedef struct
{
  /* What to export. comparison (the one a window shows) wins over query;
   * with neither, every report is compared, one column each. */
  CtComparison    *comparison;
  CtCompareQuery  *query;
  /* Rows to chart: indicator codes, or row names for unclassified labels.
   * NULL: the rows of an indicator query, else the rows with a rate. */
  gchar          **chart_indicators;
  /* The workbook's title property; NULL makes one from the comparison. */
  gchar           *title;
  /* Force constant-memory mode (it is also chosen automatically above
   * CT_EXPORT_XLSX_CONSTANT_MEMORY_THRESHOLD observations). */
  gboolean         constant_memory;
} CtExportOptions;

/* Owns comparison (a reference), query, chart_indicators and title. */
CtExportOptions *ct_export_options_new  (void);
void             ct_export_options_free (CtExportOptions *options);

/* Writes the workbook to path (".xlsx" is not added). options may be NULL.
 * Errors: CT_ERROR_WRITE (the folder is missing or unwritable, the disk is
 * full; nothing is left behind), CT_ERROR_CANCELLED, and the errors of
 * ct_store_compare() and of the store's listing functions. */
gboolean         ct_export_xlsx         (CtStore                *store,
                                         const CtExportOptions  *options,
                                         const gchar            *path,
                                         GCancellable           *cancellable,
                                         GError                **error);

/* The same in a worker thread with its own connection to the store's file
 * (so not for ":memory:" stores), for the window: the UI stays responsive
 * while a large library is written. options are copied; the comparison in
 * them is shared (it is immutable). callback runs in the caller's
 * thread-default main context. */
void             ct_export_xlsx_async   (CtStore                *store,
                                         const CtExportOptions  *options,
                                         const gchar            *path,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data);
gboolean         ct_export_xlsx_finish  (CtStore                *store,
                                         GAsyncResult           *result,
                                         GError                **error);

CtExportOptions *ct_export_options_copy (const CtExportOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtExportOptions, ct_export_options_free)

G_END_DECLS
