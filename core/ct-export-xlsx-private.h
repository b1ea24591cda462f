/* ct-export-xlsx-private.h: the sheet writers behind ct_export_xlsx()
 *
 * Every writer emits its rows strictly top to bottom, so the same code runs
 * in libxlsxwriter's normal and constant-memory modes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "ct-store-compare.h"
#include "ct-store.h"

G_BEGIN_DECLS

/* Comparison sheet layout: row 0 holds the report titles (merged over their
 * sub-columns), row 1 the headers, data starts on row 2. */
#define CT_XLSX_MATRIX_FIRST_ROW   2
#define CT_XLSX_MATRIX_COL_SECTOR  0
#define CT_XLSX_MATRIX_COL_CODE    1
#define CT_XLSX_MATRIX_COL_NAME    2
#define CT_XLSX_MATRIX_COL_UNIT    3
#define CT_XLSX_MATRIX_FIRST_DATA  4
#define CT_XLSX_MATRIX_SUBCOLUMNS  4 /* value, plan, rate, verdict */

/* Excel's limits: rows per sheet and bytes libxlsxwriter takes per cell. */
#define CT_XLSX_MAX_ROWS        1048576
#define CT_XLSX_MAX_CELL_BYTES  32767

typedef struct
{
  lxw_format *title;
  lxw_format *group;    /* report titles over their sub-columns */
  lxw_format *header;
  lxw_format *integer;  /* #,##0 */
  lxw_format *decimal;  /* #,##0.## */
  lxw_format *percent;  /* 0.0% */
  /* 0.0% on the tint of a verdict's band (ct_verdict_band()): the colours
   * of the window's cells. */
  lxw_format *percent_band[4];
  lxw_format *datetime;
  lxw_workbook *workbook;
  GHashTable *by_unit;  /* "unit\x1f0|1" → lxw_format: a number shown with its unit */
} CtXlsxFormats;

void     ct_xlsx_formats_init         (CtXlsxFormats       *formats,
                                       lxw_workbook        *workbook);
void     ct_xlsx_formats_clear        (CtXlsxFormats       *formats);
/* Writes @value as a number whose format shows @unit ("12 con"): a figure
 * in another unit than its row's stays a number a spreadsheet can sum. */
void     ct_xlsx_write_number_in_unit (lxw_worksheet       *sheet,
                                       const CtXlsxFormats *formats,
                                       lxw_row_t            row,
                                       lxw_col_t            col,
                                       gdouble              value,
                                       const gchar         *unit);
/* A4 landscape, one page wide, @header_rows repeated on every page, the
 * print area, and the page number in the footer. */
void     ct_xlsx_set_page_setup       (lxw_worksheet       *sheet,
                                       lxw_row_t            header_rows,
                                       lxw_row_t            last_row,
                                       lxw_col_t            last_col);

/* CT_ERROR_CANCELLED when cancellable (may be NULL) is cancelled. */
gboolean ct_xlsx_set_error_if_cancelled (GCancellable     *cancellable,
                                         GError          **error);

/* Writes text (NULL and "" leave the cell empty), cut to Excel's cell limit
 * on a character boundary. */
void     ct_xlsx_write_text           (lxw_worksheet       *sheet,
                                       lxw_row_t            row,
                                       lxw_col_t            col,
                                       const gchar         *text,
                                       lxw_format          *format);
/* Writes a number with "#,##0" or "#,##0.##"; NAN leaves the cell empty. */
void     ct_xlsx_write_number         (lxw_worksheet       *sheet,
                                       const CtXlsxFormats *formats,
                                       lxw_row_t            row,
                                       lxw_col_t            col,
                                       gdouble              value);
/* Writes a percentage (98.5 for 98.5 %) as the fraction 0.985 shown "0.0%". */
void     ct_xlsx_write_percent        (lxw_worksheet       *sheet,
                                       const CtXlsxFormats *formats,
                                       lxw_row_t            row,
                                       lxw_col_t            col,
                                       gdouble              percent);

/* The sentence around the clause [start, end) of text: from the previous
 * sentence end (". ", "! ", "? " or a line break) to the next one. */
gchar   *ct_xlsx_sentence_at          (const gchar         *text,
                                       gsize                text_len,
                                       gsize                start,
                                       gsize                end);

/* "'So sánh'!$E$3:$E$9", or "('So sánh'!$E$3:$E$5,'So sánh'!$E$8)" for
 * rows that are not contiguous, prefixed with "=". rows: guint, ascending. */
gchar   *ct_xlsx_column_reference     (const gchar         *sheet_name,
                                       lxw_col_t            col,
                                       GArray              *rows,
                                       lxw_row_t            first_row);

/* The comparison matrix and, when chart_rows is not empty, its chart. */
void     ct_xlsx_write_comparison     (lxw_workbook        *workbook,
                                       const CtXlsxFormats *formats,
                                       const gchar         *sheet_name,
                                       const gchar         *title,
                                       CtComparison        *comparison,
                                       GArray              *chart_rows);

/* Every observation of the compared reports; with codes, only those of an
 * indicator in codes. Returns FALSE with error on a store error, a
 * cancellation or too many rows. */
gboolean ct_xlsx_write_observations   (lxw_workbook        *workbook,
                                       const CtXlsxFormats *formats,
                                       const gchar         *sheet_name,
                                       CtStore             *store,
                                       CtComparison        *comparison,
                                       GHashTable          *codes,
                                       GCancellable        *cancellable,
                                       GError             **error);

/* The reports: source name, sha256, import date and counts. */
void     ct_xlsx_write_reports        (lxw_workbook        *workbook,
                                       const CtXlsxFormats *formats,
                                       const gchar         *sheet_name,
                                       GPtrArray           *reports);

G_END_DECLS
