/* ct-chart-arrange.h: how a chart is laid out, chosen by its reader
 *
 * The window's chart pane toggles, the `chart` command's options, printing
 * and file export all arrange a chart through this one function, so what
 * is printed or saved is what was on screen:
 *  - orientation: bars up, or from left to right for long names;
 *  - sort: categories by achievement rate (of the first series that has
 *    one), the highest first; categories without a rate keep their order
 *    at the end;
 *  - hide_missing: categories where no series has a rate are left out,
 *    and the source note says which, so a reader knows they exist.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-chart.h"

G_BEGIN_DECLS

typedef struct
{
  CtChartOrientation orientation;
  gboolean           sort_by_rate;
  gboolean           hide_missing;
} CtChartArrangement;

#define CT_CHART_ARRANGEMENT_INIT { CT_CHART_VERTICAL, FALSE, FALSE }

/* A new chart: @chart's titles, series and points, its categories in the
 * arranged order. @arrangement may be NULL (as built, vertical). */
CtChart *ct_chart_arrange (const CtChart            *chart,
                           const CtChartArrangement *arrangement);

G_END_DECLS
