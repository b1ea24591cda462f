/* ct-chart-compare.c: CtChart from CtComparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-chart-compare.h"
#include "ct-store-compare-reform.h"
#include "ct-i18n.h"

#include <math.h>
#include <string.h>

/* Listing hundreds of file names helps nobody: the note names a few. */
#define MAX_SOURCES_NAMED 4

gchar *
ct_chart_compare_column_label (CtComparison *comparison,
                               guint         column)
{
  const CtCompareQuery *query = ct_comparison_get_query (comparison);
  const CtCompareColumn *col = ct_comparison_get_column (comparison, column);

  g_return_val_if_fail (col != NULL, NULL);

  switch (query != NULL ? query->axis : CT_COMPARE_BY_REPORT)
    {
    case CT_COMPARE_BY_LOCALITY:
      return g_strdup (col->locality);
    case CT_COMPARE_BY_YEAR:
      if (col->period != NULL)
        return g_strdup_printf ("%s %d", col->period, col->year);
      return g_strdup_printf ("%d", col->year);
    case CT_COMPARE_BY_REPORT:
    default:
      if (col->title != NULL)
        return g_strdup (col->title);
      return g_strdup_printf ("%s · %s %d", col->locality,
                              col->period != NULL ? col->period : "", col->year);
    }
}

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
find_or_add_category (CtChart     *chart,
                      const gchar *label)
{
  guint n = ct_chart_get_n_categories (chart);

  for (guint c = 0; c < n; c++)
    if (g_strcmp0 (ct_chart_get_category (chart, c), label) == 0)
      return c;
  return ct_chart_add_category (chart, label);
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
      g_autofree gchar *label = ct_chart_compare_column_label (comparison, c);
      guint category = find_or_add_category (chart, label);
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

void
ct_chart_describe_sources (CtChart             *chart,
                           CtComparison *const *comparisons,
                           guint                n)
{
  gint min_year = G_MAXINT, max_year = G_MININT;
  const gchar *period = NULL;
  gboolean same_period = TRUE, first = TRUE;
  g_autoptr(GString) note = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (chart != NULL);
  g_return_if_fail (comparisons != NULL || n == 0);

  for (guint k = 0; k < n; k++)
    for (guint c = 0; c < ct_comparison_get_n_columns (comparisons[k]); c++)
      {
        const CtCompareColumn *col = ct_comparison_get_column (comparisons[k], c);

        min_year = MIN (min_year, col->year);
        max_year = MAX (max_year, col->year);
        if (first)
          period = col->period;
        else if (g_strcmp0 (period, col->period) != 0)
          same_period = FALSE;
        first = FALSE;
        /* The file name says which report it was; the folder it was
         * imported from says nothing to a reader of the chart. */
        if (col->source_name != NULL)
          {
            g_autofree gchar *base = g_path_get_basename (col->source_name);

            if (!g_ptr_array_find_with_equal_func (files, base, g_str_equal, NULL))
              g_ptr_array_add (files, g_steal_pointer (&base));
          }
      }

  if (!first)
    {
      g_autofree gchar *text = NULL;

      if (min_year == max_year && same_period && period != NULL)
        text = g_strdup_printf ("%s %d", period, min_year);
      else if (min_year == max_year)
        text = g_strdup_printf ("%d", min_year);
      else if (same_period && period != NULL)
        text = g_strdup_printf ("%s %d–%d", period, min_year, max_year);
      else
        text = g_strdup_printf ("%d–%d", min_year, max_year);
      ct_chart_set_period (chart, text);
    }

  note = g_string_new (NULL);
  /* Bars of a former district beside a new commune compare different
   * ground: said first, so a footnote cut short still says it. */
  for (guint k = 0; k < n && note->len == 0; k++)
    {
      g_autofree gchar *reform = ct_comparison_reform_note (comparisons[k]);

      if (reform != NULL)
        g_string_append (note, reform);
    }
  if (files->len > 0)
    {
      g_autoptr(GString) named = g_string_new (NULL);
      g_autofree gchar *source = NULL;

      for (guint i = 0; i < files->len && i < MAX_SOURCES_NAMED; i++)
        {
          if (i > 0)
            g_string_append (named, "; ");
          g_string_append (named, g_ptr_array_index (files, i));
        }
      if (files->len > MAX_SOURCES_NAMED)
        g_string_append (named, "; …");
      source = g_strdup_printf (_("Source: %s"), named->str);
      g_string_append_printf (note, "%s%s", note->len > 0 ? " " : "", source);
    }
  if (note->len > 0)
    ct_chart_set_source_note (chart, note->str);
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
    {
      g_autofree gchar *label = ct_chart_compare_column_label (comparison, c);

      find_or_add_category (chart, label);
    }
  ct_chart_describe_sources (chart, &comparison, 1);
  return chart;
}
