/* ct-print.h: printing a chart through GtkPrintOperation
 *
 * The printed page: A4 landscape unless the user picks otherwise, a title
 * block (title; indicator, unit and period; date printed), the chart drawn
 * by the same renderer as the screen fitted below it, and the figures as a
 * table under the chart (category, value, plan, rate, notes), continued on
 * further pages when there are many rows.
 *
 * For the window engineer:
 *   ct_print_chart (GTK_WINDOW (self), ct_bar_chart_get_chart (chart));
 * shows the print dialog (with its Preview button) and reports failures in
 * a dialog of its own. ct_print_chart_to_pdf() runs the same operation
 * without a dialog, exporting to a PDF file; the tests use it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-chart.h"

G_BEGIN_DECLS

/* A configured operation (page setup, pages, drawing) for @chart. */
GtkPrintOperation *ct_print_operation_new (CtChart      *chart);
/* Opens the print dialog for @chart over @parent (may be NULL). */
void               ct_print_chart         (GtkWindow    *parent,
                                           CtChart      *chart);
/* Prints @chart into the PDF file @path (written whole or not at all);
 * CT_ERROR_WRITE when it cannot be written. */
gboolean           ct_print_chart_to_pdf  (CtChart      *chart,
                                           const gchar  *path,
                                           GError      **error);

G_END_DECLS
