/* ct-compare-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ct-compare-stats.h"
#include "ct-format.h"
#include "ct-i18n.h"

/* Whether the row's figures add up across localities: the catalogue's
 * "across localities" column. The program's catalogue is loaded once and
 * only looked up by code, which keeps it safe to share between threads. */
static gboolean
row_adds_up (const CtCompareRow *row)
{
  static gsize loaded;
  static CtCatalog *catalog;
  const CtIndicator *indicator;

  if (g_once_init_enter (&loaded))
    {
      catalog = ct_catalog_new (NULL);
      g_once_init_leave (&loaded, 1);
    }
  if (catalog == NULL || row->code == NULL)
    return FALSE;
  indicator = ct_catalog_lookup (catalog, row->code);
  return indicator != NULL && indicator->additive;
}

static gboolean
column_taken (const gboolean *shown,
              guint           column)
{
  return shown == NULL || shown[column];
}

/* Totals are across localities of one year and period: the columns with
 * a figure must name different localities and share both. */
static gboolean
columns_combine (CtComparison   *comparison,
                 guint           row,
                 const gboolean *shown,
                 const gchar   **level)
{
  g_autoptr(GHashTable) localities = g_hash_table_new (g_int64_hash, g_int64_equal);
  const CtCompareColumn *first = NULL;
  gboolean same_level = TRUE;

  for (guint c = 0; c < ct_comparison_get_n_columns (comparison); c++)
    {
      const CtCompareColumn *column = ct_comparison_get_column (comparison, c);

      if (!column_taken (shown, c) || ct_comparison_get_cell (comparison, row, c)->observation_id == 0)
        continue;
      if (g_hash_table_contains (localities, &column->locality_id))
        return FALSE;
      g_hash_table_add (localities, (gpointer) &column->locality_id);
      if (first == NULL)
        first = column;
      else if (column->year != first->year || g_strcmp0 (column->period, first->period) != 0)
        return FALSE;
      else
        same_level &= g_strcmp0 (column->level, first->level) == 0;
    }
  *level = first != NULL && same_level ? first->level : NULL;
  return TRUE;
}

static guint
report_months (CtComparison   *comparison,
               const gboolean *shown)
{
  CtQualifierTable *table = ct_qualifier_table_get_default (NULL);

  for (guint c = 0; table != NULL && c < ct_comparison_get_n_columns (comparison); c++)
    if (column_taken (shown, c))
      return ct_qualifier_table_period_months (table, ct_comparison_get_column (comparison, c)->period);
  return 0;
}

/* The sums, the plans' sum and the mean rate of the figures taken; span
 * gets the span their plans share (a year's plan in a half-year report is
 * judged against the share of the year gone), CT_PLAN_SPAN_OTHER when
 * they differ. */
static gboolean
add_figures (CtComparison   *comparison,
             guint           row,
             const gboolean *shown,
             CtRowTotal     *total,
             CtPlanSpan     *span)
{
  gdouble sum = 0, plans = 0, rates = 0;
  gboolean every_plan = TRUE, first_plan = TRUE;

  for (guint c = 0; c < ct_comparison_get_n_columns (comparison); c++)
    {
      const CtCompareCell *cell = ct_comparison_get_cell (comparison, row, c);
      gdouble rate;

      if (!column_taken (shown, c) || cell->observation_id == 0)
        continue;
      /* A figure in a unit that does not convert would be left out of
       * the sum without a word: no total rather than a wrong one. */
      if (isnan (cell->value_normalized))
        return FALSE;
      sum += cell->value_normalized;
      total->n_figures++;
      if (isnan (cell->plan_normalized))
        every_plan = FALSE;
      else
        {
          plans += cell->plan_normalized;
          if (!first_plan && *span != cell->qualifiers.plan_span)
            *span = CT_PLAN_SPAN_OTHER;
          else if (first_plan)
            *span = cell->qualifiers.plan_span;
          first_plan = FALSE;
        }
      rate = ct_compare_cell_get_rate (cell);
      if (!isnan (rate))
        {
          rates += rate;
          total->n_rates++;
        }
    }
  total->value = sum;
  total->plan = every_plan && total->n_figures > 0 ? plans : NAN;
  total->mean_rate = total->n_rates > 0 ? rates / total->n_rates : NAN;
  return TRUE;
}

void
ct_comparison_row_total (CtComparison   *comparison,
                         guint           row,
                         const gboolean *shown,
                         CtRowTotal     *total)
{
  const CtCompareRow *r;
  CtPlanSpan span = CT_PLAN_SPAN_NONE;

  g_return_if_fail (comparison != NULL && total != NULL);
  g_return_if_fail (row < ct_comparison_get_n_rows (comparison));

  *total = (CtRowTotal) { CT_ROW_TOTAL_NONE, 0, NAN, NAN, NAN, CT_VERDICT_NONE, NAN, 0, NULL };
  r = ct_comparison_get_row (comparison, row);
  if (!columns_combine (comparison, row, shown, &total->level)
      || !add_figures (comparison, row, shown, total, &span)
      || total->n_figures < 2)
    {
      total->n_figures = 0;
      total->value = total->plan = total->mean_rate = NAN;
      total->n_rates = 0;
      return;
    }

  /* A share of a total is a percentage whatever its indicator measures. */
  if (row_adds_up (r) && r->qualifiers.kind != CT_FIGURE_KIND_SHARE)
    {
      total->kind = CT_ROW_TOTAL_SUM;
      if (!isnan (total->plan) && total->plan > 0)
        {
          CtFigureRule rule = { r->direction, r->measure, CT_FIGURE_KIND_ACHIEVEMENT,
                                span, report_months (comparison, shown) };

          total->rate = total->value / total->plan * 100;
          total->verdict = ct_figure_judge (total->rate, &rule);
        }
      else
        total->plan = NAN;
    }
  else
    {
      total->kind = CT_ROW_TOTAL_MEAN;
      total->value /= total->n_figures;
      total->plan = NAN;
    }
}

static gboolean
unit_is_share (const gchar *unit)
{
  return g_strcmp0 (unit, "%") == 0 || g_strcmp0 (unit, "‰") == 0;
}

gchar *
ct_row_total_format_value (const CtRowTotal   *total,
                           const CtCompareRow *row)
{
  g_autofree gchar *value = NULL;
  g_autofree gchar *places = NULL;

  g_return_val_if_fail (total != NULL && row != NULL, NULL);

  if (total->kind == CT_ROW_TOTAL_NONE)
    return NULL;
  value = ct_figure_format_value (total->value, NAN, NULL, row->unit);
  places = g_strdup_printf ("%u %s", total->n_figures,
                            total->level != NULL ? total->level : _("localities"));
  if (total->kind == CT_ROW_TOTAL_SUM)
    /* TRANSLATORS: "Tổng 5 xã: 1.234,5 ha" */
    return g_strdup_printf (_("Total of %s: %s"), places, value);
  if (unit_is_share (row->unit) || row->qualifiers.kind == CT_FIGURE_KIND_SHARE)
    /* TRANSLATORS: the plain mean of percentages, never a percentage of the whole */
    return g_strdup_printf (_("Mean of the rates, %s: %s"), places, value);
  /* TRANSLATORS: an unweighted mean of the localities' figures */
  return g_strdup_printf (_("Plain mean, %s: %s"), places, value);
}

gchar *
ct_row_total_format_rate (const CtRowTotal *total)
{
  g_autofree gchar *percent = NULL;

  g_return_val_if_fail (total != NULL, NULL);

  if (total->kind == CT_ROW_TOTAL_NONE)
    return NULL;
  if (!isnan (total->rate))
    {
      const gchar *word = ct_verdict_word (total->verdict);

      percent = ct_format_percent (total->rate, 1);
      if (word != NULL)
        /* TRANSLATORS: the sum of the figures over the sum of the plans */
        return g_strdup_printf (_("Rate of the totals: %s · %s"), percent, word);
      return g_strdup_printf (_("Rate of the totals: %s"), percent);
    }
  if (total->n_rates >= 2)
    {
      percent = ct_format_percent (total->mean_rate, 1);
      /* TRANSLATORS: the plain mean of the localities' achievement rates */
      return g_strdup_printf (_("Mean of the achievement rates: %s"), percent);
    }
  return NULL;
}

guint
ct_comparison_rank (CtComparison   *comparison,
                    guint           row,
                    guint           column,
                    const gboolean *shown,
                    guint          *n_ranked)
{
  const CtCompareRow *r;
  gdouble own;
  guint better = 0, ranked = 0;

  g_return_val_if_fail (comparison != NULL, 0);
  g_return_val_if_fail (row < ct_comparison_get_n_rows (comparison), 0);
  g_return_val_if_fail (column < ct_comparison_get_n_columns (comparison), 0);

  if (n_ranked != NULL)
    *n_ranked = 0;
  r = ct_comparison_get_row (comparison, row);
  own = ct_compare_cell_get_rate (ct_comparison_get_cell (comparison, row, column));
  if (!column_taken (shown, column) || ct_comparison_get_cell (comparison, row, column)->observation_id == 0
      || isnan (own))
    return 0;
  for (guint c = 0; c < ct_comparison_get_n_columns (comparison); c++)
    {
      const CtCompareCell *cell = ct_comparison_get_cell (comparison, row, c);
      gdouble rate = ct_compare_cell_get_rate (cell);

      if (!column_taken (shown, c) || cell->observation_id == 0 || isnan (rate))
        continue;
      ranked++;
      if (r->direction == CT_DIRECTION_LOWER ? rate < own : rate > own)
        better++;
    }
  if (ranked < 2)
    return 0;
  if (n_ranked != NULL)
    *n_ranked = ranked;
  return better + 1;
}

gchar *
ct_comparison_describe_cell (CtComparison   *comparison,
                             guint           row,
                             guint           column,
                             const gboolean *shown)
{
  const CtCompareRow *r;
  const CtCompareColumn *col;
  const CtCompareCell *cell;
  g_autofree gchar *value = NULL;
  g_autofree gchar *plan = NULL;
  g_autofree gchar *rate = NULL;
  GString *out;
  guint rank, n_ranked;

  g_return_val_if_fail (comparison != NULL, NULL);
  g_return_val_if_fail (row < ct_comparison_get_n_rows (comparison), NULL);
  g_return_val_if_fail (column < ct_comparison_get_n_columns (comparison), NULL);

  r = ct_comparison_get_row (comparison, row);
  col = ct_comparison_get_column (comparison, column);
  cell = ct_comparison_get_cell (comparison, row, column);
  out = g_string_new (r->name);
  g_string_append (out, " — ");
  if (col->title != NULL)
    g_string_append (out, col->title);
  else
    g_string_append_printf (out, "%s · %s %d", col->locality, col->period != NULL ? col->period : "",
                            col->year);
  g_string_append (out, ": ");
  if (cell->observation_id == 0)
    {
      g_string_append (out, _("no figure"));
      return g_string_free (out, FALSE);
    }
  value = ct_compare_cell_format_value (cell);
  plan = ct_compare_cell_format_plan (cell);
  rate = ct_compare_cell_format_rate (cell);
  g_string_append (out, value);
  if (plan != NULL)
    g_string_append_printf (out, "; %s", plan);
  if (rate != NULL)
    g_string_append_printf (out, "; %s", rate);
  rank = ct_comparison_rank (comparison, row, column, shown, &n_ranked);
  if (rank > 0)
    {
      g_string_append (out, "; ");
      /* TRANSLATORS: the cell's place among the localities by achievement
       * rate, of how many */
      g_string_append_printf (out, _("rank %u/%u"), rank, n_ranked);
    }
  return g_string_free (out, FALSE);
}
