/* ct-chart-compare.h: charts from the storage engineer's comparison model
 *
 * A comparison row is one indicator across reports, localities or years;
 * charting it gives one bar per column. Several rows give grouped bars (one
 * series per indicator). Rows of several comparisons (one per year, say)
 * can be added to one chart as series: columns with the same label land on
 * the same category, so localities line up across years.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-chart.h"
#include "ct-store-compare.h"

G_BEGIN_DECLS

/* The label a column gets on the category axis: the locality when the
 * comparison is by locality, the year (and period when it is not the
 * whole year's) when by year, else "locality · period year". */
gchar   *ct_chart_compare_column_label (CtComparison *comparison,
                                        guint         column);

/* What identifies a column's category: the report, the locality or the
 * period (by the comparison's axis), whatever its label says. */
gchar   *ct_chart_compare_column_key   (CtComparison *comparison,
                                        guint         column);

/* Adds @row of @comparison as a new series named @series_name (the row's
 * indicator name when NULL). Returns the series index. Values and plans
 * are taken in the row's unit where the store could convert them. */
guint    ct_chart_add_comparison_row  (CtChart      *chart,
                                       CtComparison *comparison,
                                       guint         row,
                                       const gchar  *series_name);

/* A chart of @n_rows rows of @comparison (all rows when @rows is NULL),
 * with title, unit, period and source note filled from the comparison. */
CtChart *ct_chart_new_from_comparison (CtComparison *comparison,
                                       const guint  *rows,
                                       guint         n_rows);

/* Labels what differs between bars and says once what they share, from
 * the columns of all @n comparisons drawn in the chart (call it last):
 *  - one period, several localities: bars "Hạ Lang", "Nam Đông"; the
 *    period field "6 tháng đầu năm 2023";
 *  - one locality over the years: bars "2021", "2023"; "Nam Đông · 6 tháng
 *    đầu năm";
 *  - both differ: bars "Hạ Lang · 2021"; "6 tháng đầu năm".
 * Each category's detail names it in full (locality, province, period,
 * year) for tooltips; the source note names the reports by locality (and
 * period where they differ), after any note on administrative reform. */
void     ct_chart_describe_sources    (CtChart             *chart,
                                       CtComparison *const *comparisons,
                                       guint                n);

G_END_DECLS
