/* ct-store-compare.c: the comparison matrix (the query is ct-store-compare-build.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-compare.h"
#include "ct-store-compare-private.h"
#include "ct-error.h"
#include "ct-i18n.h"
#include "ct-text.h"

#include <math.h>
#include <string.h>


/* ------------------------------------------------------------------ */
/* Query                                                              */
/* ------------------------------------------------------------------ */

CtCompareQuery *
ct_compare_query_new (CtCompareAxis axis)
{
  CtCompareQuery *q = g_new0 (CtCompareQuery, 1);

  q->axis = axis;
  return q;
}

CtCompareQuery *
ct_compare_query_copy (const CtCompareQuery *query)
{
  CtCompareQuery *q = g_new0 (CtCompareQuery, 1);

  if (query == NULL)
    return q;
  *q = *query;
  if (query->report_ids != NULL)
    {
      q->report_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), query->report_ids->len);
      g_array_append_vals (q->report_ids, query->report_ids->data, query->report_ids->len);
    }
  q->period = g_strdup (query->period);
  q->indicator = g_strdup (query->indicator);
  return q;
}

void
ct_compare_query_free (CtCompareQuery *query)
{
  if (query == NULL)
    return;
  g_clear_pointer (&query->report_ids, g_array_unref);
  g_free (query->period);
  g_free (query->indicator);
  g_free (query);
}

/* ------------------------------------------------------------------ */
/* Model                                                              */
/* ------------------------------------------------------------------ */

void
ct_compare_row_clear (gpointer data)
{
  CtCompareRow *row = data;

  g_free (row->code);
  g_free (row->name);
  g_free (row->name_en);
  g_free (row->sector);
  g_free (row->unit);
  g_free (row->qualifier_text);
}

static void
column_clear (gpointer data)
{
  CtCompareColumn *col = data;

  g_free (col->title);
  g_free (col->locality);
  g_free (col->level);
  g_free (col->province);
  g_free (col->period);
  g_free (col->source_name);
}

void
ct_compare_cell_clear (gpointer data)
{
  CtCompareCell *cell = data;

  g_free (cell->label);
  g_free (cell->qualifier);
  g_free (cell->unit);
  g_free (cell->status);
}

void
ct_compare_cell_init_empty (CtCompareCell *cell)
{
  memset (cell, 0, sizeof *cell);
  cell->value = cell->value_high = cell->value_normalized = NAN;
  cell->plan = cell->plan_normalized = NAN;
  cell->rate = cell->rate_computed = cell->yoy = NAN;
}

CtComparison *
ct_comparison_alloc (const CtCompareQuery *query)
{
  CtComparison *self = g_new0 (CtComparison, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->query = ct_compare_query_copy (query);
  self->rows = g_array_new (FALSE, TRUE, sizeof (CtCompareRow));
  g_array_set_clear_func (self->rows, ct_compare_row_clear);
  self->columns = g_array_new (FALSE, TRUE, sizeof (CtCompareColumn));
  g_array_set_clear_func (self->columns, column_clear);
  self->cells = g_array_new (FALSE, TRUE, sizeof (CtCompareCell));
  g_array_set_clear_func (self->cells, ct_compare_cell_clear);
  return self;
}

CtComparison *
ct_comparison_new (const CtCompareQuery   *query,
                   const CtCompareRow     *rows,
                   guint                   n_rows,
                   const CtCompareColumn  *columns,
                   guint                   n_columns,
                   const CtCompareCell    *cells)
{
  CtComparison *self = ct_comparison_alloc (query);

  for (guint i = 0; i < n_rows; i++)
    {
      CtCompareRow r = rows[i];

      r.code = g_strdup (rows[i].code);
      r.name = g_strdup (rows[i].name);
      r.name_en = g_strdup (rows[i].name_en);
      r.sector = g_strdup (rows[i].sector);
      r.unit = g_strdup (rows[i].unit);
      r.qualifier_text = g_strdup (rows[i].qualifier_text);
      g_array_append_val (self->rows, r);
    }
  for (guint i = 0; i < n_columns; i++)
    {
      CtCompareColumn c = columns[i];

      c.title = g_strdup (columns[i].title);
      c.locality = g_strdup (columns[i].locality);
      c.level = g_strdup (columns[i].level);
      c.province = g_strdup (columns[i].province);
      c.period = g_strdup (columns[i].period);
      c.source_name = g_strdup (columns[i].source_name);
      g_array_append_val (self->columns, c);
    }
  for (guint i = 0; i < n_rows * n_columns; i++)
    {
      CtCompareCell c = cells[i];

      c.label = g_strdup (cells[i].label);
      c.qualifier = g_strdup (cells[i].qualifier);
      c.unit = g_strdup (cells[i].unit);
      c.status = g_strdup (cells[i].status);
      g_array_append_val (self->cells, c);
    }
  return self;
}

G_DEFINE_BOXED_TYPE (CtComparison, ct_comparison, ct_comparison_ref, ct_comparison_unref)

CtComparison *
ct_comparison_ref (CtComparison *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ct_comparison_unref (CtComparison *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  ct_compare_query_free (self->query);
  g_array_unref (self->rows);
  g_array_unref (self->columns);
  g_array_unref (self->cells);
  g_free (self);
}

const CtCompareQuery *
ct_comparison_get_query (CtComparison *self)
{
  return self->query;
}

guint
ct_comparison_get_n_rows (CtComparison *self)
{
  return self->rows->len;
}

guint
ct_comparison_get_n_columns (CtComparison *self)
{
  return self->columns->len;
}

const CtCompareRow *
ct_comparison_get_row (CtComparison *self,
                       guint         row)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &g_array_index (self->rows, CtCompareRow, row);
}

const CtCompareColumn *
ct_comparison_get_column (CtComparison *self,
                          guint         column)
{
  g_return_val_if_fail (column < self->columns->len, NULL);
  return &g_array_index (self->columns, CtCompareColumn, column);
}

const CtCompareCell *
ct_comparison_get_cell (CtComparison *self,
                        guint         row,
                        guint         column)
{
  g_return_val_if_fail (row < self->rows->len && column < self->columns->len, NULL);
  return &g_array_index (self->cells, CtCompareCell, row * self->columns->len + column);
}

gint
ct_comparison_find_row (CtComparison *self,
                        const gchar  *code)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_ascii_strcasecmp (g_array_index (self->rows, CtCompareRow, i).code != NULL
                            ? g_array_index (self->rows, CtCompareRow, i).code : "",
                            code != NULL ? code : "") == 0
        && code != NULL)
      return i;
  return -1;
}

gdouble
ct_compare_cell_get_rate (const CtCompareCell *cell)
{
  if (!isnan (cell->rate))
    return cell->rate;
  return cell->rate_computed;
}

gchar *
ct_compare_cell_format_value (const CtCompareCell *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell->observation_id == 0)
    return g_strdup ("–");
  return ct_figure_format_value (cell->value, cell->value_high, cell->qualifier, cell->unit);
}

gchar *
ct_compare_cell_format_plan (const CtCompareCell *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell->observation_id == 0)
    return NULL;
  return ct_figure_format_plan (cell->plan, cell->basis);
}

gchar *
ct_compare_cell_format_rate (const CtCompareCell *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell->observation_id == 0)
    return NULL;
  return ct_figure_format_rate (ct_compare_cell_get_rate (cell), cell->verdict,
                                cell->reported, cell->yoy);
}

CtRateBand
ct_compare_cell_get_band (const CtCompareCell *cell)
{
  g_return_val_if_fail (cell != NULL, CT_RATE_BAND_NONE);

  if (cell->observation_id == 0)
    return CT_RATE_BAND_NONE;
  return ct_verdict_band (cell->verdict);
}
