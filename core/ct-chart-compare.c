/* ct-chart-compare.c: CtChart from CtComparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-chart-compare.h"
#include "ct-i18n.h"

#include <math.h>
#include <string.h>

/* The heading of the category column in a printed table. */
static const gchar *
category_title (CtComparison *comparison)
{
  const CtCompareQuery *query = ct_comparison_get_query (comparison);

  switch (query != NULL ? query->axis : CT_COMPARE_BY_REPORT)
    {
    case CT_COMPARE_BY_LOCALITY:
      return _("Locality");
    case CT_COMPARE_BY_YEAR:
      return _("Period");
    case CT_COMPARE_BY_REPORT:
    default:
      return _("Report");
    }
}

static guint
find_or_add_category (CtChart      *chart,
                      CtComparison *comparison,
                      guint         column)
{
  g_autofree gchar *key = ct_chart_compare_column_key (comparison, column);
  g_autofree gchar *label = NULL;
  gint found = ct_chart_find_category (chart, key);

  if (found >= 0)
    return (guint) found;
  label = ct_chart_compare_column_label (comparison, column);
  return ct_chart_add_category_keyed (chart, key, label);
}

guint
ct_chart_add_comparison_row (CtChart      *chart,
                             CtComparison *comparison,
                             guint         row,
                             const gchar  *series_name)
{
  const CtCompareRow *r;
  guint series, n_cols;

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (comparison != NULL, 0);
  g_return_val_if_fail (row < ct_comparison_get_n_rows (comparison), 0);

  r = ct_comparison_get_row (comparison, row);
  if (ct_chart_get_category_title (chart) == NULL)
    ct_chart_set_category_title (chart, category_title (comparison));
  series = ct_chart_add_series (chart, series_name != NULL ? series_name : r->name);
  n_cols = ct_comparison_get_n_columns (comparison);
  for (guint c = 0; c < n_cols; c++)
    {
      const CtCompareCell *cell = ct_comparison_get_cell (comparison, row, c);
      guint category = find_or_add_category (chart, comparison, c);
      CtChartPoint p = CT_CHART_POINT_INIT;

      if (cell == NULL || cell->observation_id == 0)
        continue;
      p.rate = ct_compare_cell_get_rate (cell);
      p.flags = cell->flags;
      p.observation_id = cell->observation_id;
      p.verdict = cell->verdict;
      p.reported = cell->reported;
      /* Compare like with like: the row's unit when the store converted
       * the figure, else the figure as written with its own unit. */
      if (!isnan (cell->value_normalized) || !isnan (cell->plan_normalized))
        {
          p.value = cell->value_normalized;
          p.plan = cell->plan_normalized;
          p.unit = r->unit;
        }
      else
        {
          p.value = cell->value;
          p.plan = cell->plan;
          p.unit = cell->unit;
        }
      ct_chart_set_point (chart, series, category, &p);
    }
  return series;
}

CtChart *
ct_chart_new_from_comparison (CtComparison *comparison,
                              const guint  *rows,
                              guint         n_rows)
{
  CtChart *chart;
  const gchar *unit = NULL;
  gboolean same_unit = TRUE;

  g_return_val_if_fail (comparison != NULL, NULL);

  if (rows == NULL)
    n_rows = ct_comparison_get_n_rows (comparison);

  chart = ct_chart_new ();
  for (guint i = 0; i < n_rows; i++)
    {
      guint row = rows != NULL ? rows[i] : i;
      const CtCompareRow *r;

      g_return_val_if_fail (row < ct_comparison_get_n_rows (comparison), chart);
      r = ct_comparison_get_row (comparison, row);
      ct_chart_add_comparison_row (chart, comparison, row, NULL);
      if (i == 0)
        unit = r->unit;
      else if (g_strcmp0 (unit, r->unit) != 0)
        same_unit = FALSE;
    }

  if (n_rows == 1)
    ct_chart_set_indicator (chart, ct_comparison_get_row (comparison, rows != NULL ? rows[0] : 0)->name);
  else if (n_rows > 1)
    ct_chart_set_title (chart, _("Achievement of plan by indicator"));
  if (same_unit && n_rows > 0)
    ct_chart_set_unit (chart, unit);
  /* Columns where no row has a figure still get their category, shown
   * as "no data", rather than silently vanishing from the chart. */
  for (guint c = 0; c < ct_comparison_get_n_columns (comparison); c++)
    find_or_add_category (chart, comparison, c);
  ct_chart_describe_sources (chart, &comparison, 1);
  return chart;
}
