/* ct-chart-toolbar.h: the chart pane's toggles
 *
 * A row of toggle buttons above a CtBarChart: horizontal bars, bars sorted
 * by achievement rate, bars without data hidden. Each is bound both ways to
 * the chart's property of the same name, so the chart's context menu
 * (Shift+F10) and the buttons (Tab, Space) always agree, and printing and
 * saving use what is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-bar-chart.h"

G_BEGIN_DECLS

GtkWidget *ct_chart_toolbar_new (CtBarChart *chart);

G_END_DECLS
