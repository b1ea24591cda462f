/* ct-bar-chart.h: the achievement-rate chart as a widget
 *
 * Draws a CtChart with the same renderer as printing and file export
 * (ct_chart_render through gtk_snapshot_append_cairo), in the light or dark
 * variant that AdwStyleManager says is in use.
 *
 * Pointer: hovering a bar highlights it and shows a tooltip with rate,
 * value and plan. Clicking a bar that has a figure emits ::bar-activated
 * with its observation id: the window opens the source view for it.
 * Keyboard: the widget is focusable; Left/Right (Up/Down), Home and End
 * move between bars, Enter or Space activates the one selected. The keys
 * are bound to the widget actions bar-chart.next, .previous, .first,
 * .last and .activate.
 *
 * Arrangement: the boolean properties "horizontal", "sort-by-rate" and
 * "hide-missing" (actions bar-chart.horizontal, .sort-by-rate and
 * .hide-missing, in the context menu; ct_chart_toolbar_new() gives toggle
 * buttons bound to them) arrange every chart set with ct_chart_arrange();
 * ct_bar_chart_get_chart() returns the chart as shown, so printing and
 * saving it give what is on screen.
 *
 * For the window engineer:
 *   GtkWidget *w = ct_bar_chart_new ();
 *   ct_bar_chart_set_chart (CT_BAR_CHART (w), chart);   // refs the chart
 *   g_signal_connect (w, "bar-activated", G_CALLBACK (on_bar), self);
 *     // void on_bar (CtBarChart *c, gint64 observation_id, gpointer data)
 *   Export the shown chart: the widget's own context menu (right click,
 *   Menu key, Shift+F10) has "Save Chart As…" (the bar-chart.save action,
 *   ct_chart_save_dialog()) and "Print…" (activates win.print). From
 *   elsewhere: ct_chart_save_dialog (window, ct_bar_chart_get_chart (w))
 *   or ct_print_chart (window, ct_bar_chart_get_chart (w)).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-chart.h"

G_BEGIN_DECLS

#define CT_TYPE_BAR_CHART (ct_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (CtBarChart, ct_bar_chart, CT, BAR_CHART, GtkWidget)

GtkWidget *ct_bar_chart_new           (void);
/* Shows @chart (may be NULL for nothing) as arranged; takes a reference. */
void       ct_bar_chart_set_chart     (CtBarChart *self,
                                       CtChart    *chart);
/* The chart as shown: @chart itself while nothing is rearranged. */
CtChart   *ct_bar_chart_get_chart     (CtBarChart *self);
/* The bar selected with the keyboard or last hovered, or FALSE. */
gboolean   ct_bar_chart_get_selected  (CtBarChart *self,
                                       guint      *series,
                                       guint      *category);
/* The tooltip text for the bar at widget coordinates (x, y), or NULL
 * when there is none; what hovering shows. */
gchar     *ct_bar_chart_describe_at   (CtBarChart *self,
                                       gdouble     x,
                                       gdouble     y);
/* Emits ::bar-activated for the bar at (x, y) as a click there would;
 * returns whether a bar with a figure was there. */
gboolean   ct_bar_chart_activate_at   (CtBarChart *self,
                                       gdouble     x,
                                       gdouble     y);
/* Whether the widget draws its dark variant. */
gboolean   ct_bar_chart_get_dark      (CtBarChart *self);

G_END_DECLS
