/* ct-print-private.h: what the chart and table printers share
 *
 * One page setup (A4 landscape, the offices' paper), one title block, one
 * page-number footer, one dialog runner and one PDF export (written beside
 * the target and renamed when whole). Sizes are in points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CT_PRINT_FONT      "Noto Sans"
#define CT_PRINT_FOOTER_PT 14.0

/* A new operation in points on A4 landscape whose "Print to File" target
 * defaults to the user's Documents folder under @job_name. */
GtkPrintOperation *_ct_print_operation_new (const gchar        *job_name);
/* Print Preview drawn in a window of ours when the system has no PDF
 * viewer for GTK to hand it to (_ct_print_operation_new connects it). */
void               _ct_print_handle_preview (GtkPrintOperation *operation);
/* Shows the print dialog (async); takes ownership of @operation and tells
 * the user when printing fails. */
void               _ct_print_run_dialog    (GtkPrintOperation  *operation,
                                            GtkWindow          *parent);
/* Prints to a PDF at @path through a temporary file; CT_ERROR_WRITE. */
gboolean           _ct_print_export_pdf    (GtkPrintOperation  *operation,
                                            const gchar        *path,
                                            GError            **error);

PangoLayout       *_ct_print_layout        (GtkPrintContext    *context,
                                            gdouble             size,
                                            gboolean            bold);
/* Draws @text in the box (x, y, w, h), vertically centred, wrapped on at
 * most @max_lines lines and ellipsized past them. */
void               _ct_print_text          (cairo_t            *cr,
                                            PangoLayout        *layout,
                                            const gchar        *text,
                                            gdouble             x,
                                            gdouble             y,
                                            gdouble             w,
                                            gdouble             h,
                                            gboolean            right,
                                            gint                max_lines);
/* The title block at the top of a page: its height, and drawing it
 * (returns the height too). */
gdouble            _ct_print_title_height  (GtkPrintContext    *context,
                                            const gchar        *title,
                                            const gchar        *subtitle);
gdouble            _ct_print_title         (GtkPrintContext    *context,
                                            const gchar        *title,
                                            const gchar        *subtitle);
/* "Trang 2/5" at the foot of the page. */
void               _ct_print_page_number   (GtkPrintContext    *context,
                                            gint                page,
                                            gint                n_pages);

G_END_DECLS
