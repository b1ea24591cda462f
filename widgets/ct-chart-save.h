/* ct-chart-save.h: "Save chart as…" from the window
 *
 * The chart widget's context menu calls it; a window can too, with
 * ct_chart_save_dialog (GTK_WINDOW (self), ct_bar_chart_get_chart (chart)).
 * It asks for a file name (PNG, SVG or PDF by the name's extension or the
 * chosen filter), writes the chart with the same renderer and reports a
 * failure in a dialog. PNGs are written at 192 dpi, sharp enough for a printed
 * report or a meeting-room screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-chart.h"
#include "ct-chart-export.h"

G_BEGIN_DECLS

#define CT_CHART_SAVE_PNG_DPI 192.0

void     ct_chart_save_dialog   (GtkWindow     *parent,
                                 CtChart       *chart);
/* The path the dialog writes for the name @path given with filter
 * @format: @path itself when it ends in .png/.svg/.pdf, else @path with
 * the filter's extension added. */
gchar   *ct_chart_save_path_for (const gchar   *path,
                                 CtChartFormat  format);
/* What the dialog does once it has a name: the chart at the default
 * size, as light colours (paper is white even in dark mode). */
gboolean ct_chart_save_to_path  (CtChart       *chart,
                                 const gchar   *path,
                                 CtChartFormat  fallback_format,
                                 GError       **error);

G_END_DECLS
