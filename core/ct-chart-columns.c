/* ct-chart-columns.c: what a comparison column is called on a chart, and
 * what identifies it, for the chart builder and the labelling rule alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-chart-compare.h"

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

gchar *
ct_chart_compare_column_key (CtComparison *comparison,
                             guint         column)
{
  const CtCompareQuery *query = ct_comparison_get_query (comparison);
  const CtCompareColumn *col = ct_comparison_get_column (comparison, column);

  g_return_val_if_fail (col != NULL, NULL);

  /* Identity, not wording: two reports with the same title stay two bars,
   * and one locality lines up with itself across the years. */
  switch (query != NULL ? query->axis : CT_COMPARE_BY_REPORT)
    {
    case CT_COMPARE_BY_LOCALITY:
      return g_strdup_printf ("locality:%" G_GINT64_FORMAT, col->locality_id);
    case CT_COMPARE_BY_YEAR:
      return g_strdup_printf ("year:%d:%s", col->year, col->period != NULL ? col->period : "");
    case CT_COMPARE_BY_REPORT:
    default:
      return g_strdup_printf ("report:%" G_GINT64_FORMAT, col->report_id);
    }
}
