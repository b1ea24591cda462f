/* ct-store-compare.c: the comparison matrix and the query that fills it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-compare.h"
#include "ct-store-private.h"
#include "ct-error.h"
#include "ct-i18n.h"
#include "ct-text.h"

#include <math.h>
#include <string.h>

struct _CtComparison
{
  gatomicrefcount  ref_count;
  CtCompareQuery  *query;
  GArray          *rows;     /* CtCompareRow */
  GArray          *columns;  /* CtCompareColumn */
  GArray          *cells;    /* CtCompareCell, row-major */
};

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

static void
row_clear (gpointer data)
{
  CtCompareRow *row = data;

  g_free (row->code);
  g_free (row->name);
  g_free (row->name_en);
  g_free (row->sector);
  g_free (row->unit);
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

static void
cell_clear (gpointer data)
{
  CtCompareCell *cell = data;

  g_free (cell->label);
  g_free (cell->qualifier);
  g_free (cell->unit);
  g_free (cell->status);
}

static void
cell_init_empty (CtCompareCell *cell)
{
  memset (cell, 0, sizeof *cell);
  cell->value = cell->value_high = cell->value_normalized = NAN;
  cell->plan = cell->plan_normalized = NAN;
  cell->rate = cell->rate_computed = cell->yoy = NAN;
}

static CtComparison *
comparison_alloc (const CtCompareQuery *query)
{
  CtComparison *self = g_new0 (CtComparison, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->query = ct_compare_query_copy (query);
  self->rows = g_array_new (FALSE, TRUE, sizeof (CtCompareRow));
  g_array_set_clear_func (self->rows, row_clear);
  self->columns = g_array_new (FALSE, TRUE, sizeof (CtCompareColumn));
  g_array_set_clear_func (self->columns, column_clear);
  self->cells = g_array_new (FALSE, TRUE, sizeof (CtCompareCell));
  g_array_set_clear_func (self->cells, cell_clear);
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
  CtComparison *self = comparison_alloc (query);

  for (guint i = 0; i < n_rows; i++)
    {
      CtCompareRow r = rows[i];

      r.code = g_strdup (rows[i].code);
      r.name = g_strdup (rows[i].name);
      r.name_en = g_strdup (rows[i].name_en);
      r.sector = g_strdup (rows[i].sector);
      r.unit = g_strdup (rows[i].unit);
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

/* ------------------------------------------------------------------ */
/* Building from the store                                            */
/* ------------------------------------------------------------------ */

static gchar *
column_title (CtCompareAxis       axis,
              const CtReportInfo *r)
{
  gboolean has_period = r->period != NULL && *r->period != '\0';

  /* By locality each column is the locality's latest report, and those
   * need not share a year: the title says which one it is. */
  switch (axis)
    {
    case CT_COMPARE_BY_YEAR:
      return has_period ? g_strdup_printf ("%s %d", r->period, r->year)
                        : g_strdup_printf ("%d", r->year);
    case CT_COMPARE_BY_LOCALITY:
    case CT_COMPARE_BY_REPORT:
    default:
      return has_period ? g_strdup_printf ("%s · %s %d", r->locality, r->period, r->year)
                        : g_strdup_printf ("%s · %d", r->locality, r->year);
    }
}

static gboolean
period_matches (const CtReportInfo *r,
                const gchar        *period)
{
  g_autofree gchar *a = NULL;
  g_autofree gchar *b = NULL;

  if (period == NULL || *period == '\0')
    return TRUE;
  a = ct_store_fold_key (r->period);
  b = ct_store_fold_key (period);
  return g_strcmp0 (a, b) == 0;
}

/* The reports that become columns, in column order (borrowed from all). */
static GPtrArray *
choose_reports (const CtCompareQuery  *q,
                GPtrArray             *all,
                GError               **error)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  if (q->axis == CT_COMPARE_BY_REPORT && q->report_ids != NULL)
    {
      for (guint i = 0; i < q->report_ids->len; i++)
        {
          gint64 id = g_array_index (q->report_ids, gint64, i);
          CtReportInfo *found = NULL;

          for (guint j = 0; j < all->len && found == NULL; j++)
            if (((CtReportInfo *) g_ptr_array_index (all, j))->id == id)
              found = g_ptr_array_index (all, j);
          if (found == NULL)
            {
              g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                           _("Report %lld is not in the library."), (long long) id);
              return NULL;
            }
          g_ptr_array_add (chosen, found);
        }
      return g_steal_pointer (&chosen);
    }

  if (q->axis == CT_COMPARE_BY_YEAR && q->locality_id == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                   _("Choose a locality to compare over the years."));
      return NULL;
    }

  for (guint j = 0; j < all->len; j++)
    {
      CtReportInfo *r = g_ptr_array_index (all, j);

      if (q->year != 0 && r->year != q->year)
        continue;
      if (!period_matches (r, q->period))
        continue;
      if (q->locality_id != 0 && r->locality_id != q->locality_id)
        continue;

      if (q->axis == CT_COMPARE_BY_LOCALITY)
        {
          /* One column per locality: its latest report among those that fit. */
          gboolean replaced = FALSE;

          for (guint k = 0; k < chosen->len; k++)
            {
              CtReportInfo *other = g_ptr_array_index (chosen, k);

              if (other->locality_id == r->locality_id)
                {
                  if (r->year > other->year)
                    chosen->pdata[k] = r;
                  replaced = TRUE;
                  break;
                }
            }
          if (replaced)
            continue;
        }
      g_ptr_array_add (chosen, r);
    }
  return g_steal_pointer (&chosen);
}

static gint
compare_by_year (gconstpointer a,
                 gconstpointer b)
{
  const CtReportInfo *x = *(CtReportInfo * const *) a;
  const CtReportInfo *y = *(CtReportInfo * const *) b;

  if (x->year != y->year)
    return x->year - y->year;
  return ct_text_collate (x->period, y->period);
}

/* Which indicators the filter asks for: NULL for all, else a set of codes. */
static GHashTable *
indicator_filter (CtStore      *self,
                  const gchar  *filter,
                  GError      **error)
{
  g_autoptr(GHashTable) codes = NULL;
  const CtIndicator *exact;
  g_autofree gchar *needle = NULL;
  gboolean tones;
  guint n;

  if (filter == NULL || *filter == '\0')
    return NULL;
  codes = g_hash_table_new (g_str_hash, g_str_equal);
  exact = ct_catalog_find (self->catalog, filter);
  if (exact != NULL)
    {
      g_hash_table_add (codes, exact->code);
      return g_steal_pointer (&codes);
    }

  /* As in the window's search: a filter with Vietnamese letters keeps
   * them ("lúa" is not "luân"), one in plain letters matches any marks. */
  tones = !g_str_is_ascii (filter);
  needle = tones ? ct_text_fold_tones (filter, -1) : ct_catalog_fold_phrase (filter);
  n = ct_catalog_get_n_indicators (self->catalog);
  for (guint i = 0; i < n; i++)
    {
      const CtIndicator *ind = ct_catalog_get_indicator (self->catalog, i);
      g_autofree gchar *name = tones ? ct_text_fold_tones (ind->name, -1) : ct_catalog_fold_phrase (ind->name);
      g_autofree gchar *name_en = ct_catalog_fold_phrase (ind->name_en);

      if (strstr (name, needle) != NULL || strstr (name_en, needle) != NULL)
        g_hash_table_add (codes, ind->code);
    }
  if (g_hash_table_size (codes) == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                   _("No indicator is called “%s”. “chitieu compare” without "
                     "--indicator lists them all."), filter);
      return NULL;
    }
  return g_steal_pointer (&codes);
}

/* What the cell of a row shows when several observations compete: the
 * first achievement that carries a comparison (rate, plan or yoy). */
static gint
cell_priority (const CtStoredObservation *so)
{
  const CtObservation *o = so->obs;

  if (!isnan (o->rate) || !isnan (o->plan) || !isnan (o->yoy))
    return 2;
  return !isnan (o->value) ? 1 : 0;
}

static void
fill_cell (CtCompareCell             *cell,
           const CtStoredObservation *so)
{
  const CtObservation *o = so->obs;

  cell_clear (cell);
  cell->observation_id = so->id;
  cell->label = g_strdup (o->label);
  cell->value = o->value;
  cell->value_high = o->value_high;
  cell->qualifier = g_strdup (o->qualifier);
  cell->unit = g_strdup (o->unit);
  cell->value_normalized = so->value_normalized;
  cell->plan = o->plan;
  cell->plan_normalized = so->plan_normalized;
  cell->basis = o->basis;
  cell->rate = o->rate;
  cell->rate_computed = o->rate_computed;
  cell->yoy = o->yoy;
  cell->status = g_strdup (o->status);
  cell->flags = o->flags;
  cell->corrected = so->corrected;
}

typedef struct
{
  gchar     *key;      /* code, or "\x1f" + folded label for unclassified */
  guint      order;    /* catalogue index; unclassified after all */
  CtCompareRow row;
  guint      n_columns;
  /* Per column, allocated with the row's first observation: the one the
   * cell shows and how many there are. */
  const CtStoredObservation **best;
  guint     *count;
} RowBuild;

static void
row_build_free (gpointer data)
{
  RowBuild *rb = data;

  g_free (rb->key);
  row_clear (&rb->row);
  g_free (rb->best);
  g_free (rb->count);
  g_free (rb);
}

static gint
compare_row_builds (gconstpointer a,
                    gconstpointer b)
{
  const RowBuild *x = *(RowBuild * const *) a;
  const RowBuild *y = *(RowBuild * const *) b;

  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return ct_text_collate (x->row.name, y->row.name);
}

static RowBuild *
row_build_new (const gchar *key,
               guint        n_columns)
{
  RowBuild *rb = g_new0 (RowBuild, 1);

  rb->key = g_strdup (key);
  rb->n_columns = n_columns;
  return rb;
}

/* Observations come in text order: a later one replaces the cell's only
 * when it says more. */
static void
row_build_add (RowBuild                  *rb,
               guint                      column,
               const CtStoredObservation *so)
{
  if (rb->best == NULL)
    {
      rb->best = g_new0 (const CtStoredObservation *, rb->n_columns);
      rb->count = g_new0 (guint, rb->n_columns);
    }
  if (rb->best[column] == NULL || cell_priority (so) > cell_priority (rb->best[column]))
    rb->best[column] = so;
  rb->count[column]++;
}

static void
bind_text (sqlite3_stmt *stmt,
           gpointer      data)
{
  sqlite3_bind_text (stmt, 1, data, -1, SQLITE_TRANSIENT);
}

CtComparison *
ct_store_compare (CtStore               *self,
                  const CtCompareQuery  *query,
                  GError               **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GHashTable) column_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) rows_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) builds = g_ptr_array_new_with_free_func (row_build_free);
  g_autoptr(GPtrArray) observations = NULL;
  g_autoptr(GArray) column_index = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gchar *needle = NULL;
  GString *ids;
  CtComparison *result;
  guint n_columns, n_catalog;

  g_return_val_if_fail (query != NULL, NULL);

  codes = indicator_filter (self, query->indicator, error);
  if (query->indicator != NULL && *query->indicator != '\0' && codes == NULL)
    return NULL;
  if (query->indicator != NULL)
    needle = ct_catalog_fold_phrase (query->indicator);

  reports = ct_store_list_reports (self, error);
  if (reports == NULL)
    return NULL;
  chosen = choose_reports (query, reports, error);
  if (chosen == NULL)
    return NULL;
  if (query->axis == CT_COMPARE_BY_YEAR)
    g_ptr_array_sort (chosen, compare_by_year);

  result = comparison_alloc (query);
  n_columns = chosen->len;
  g_array_set_size (column_index, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      const CtReportInfo *r = g_ptr_array_index (chosen, c);
      CtCompareColumn col = { 0 };

      col.report_id = r->id;
      col.locality_id = r->locality_id;
      col.title = column_title (query->axis, r);
      col.locality = g_strdup (r->locality);
      col.level = g_strdup (r->level);
      col.province = g_strdup (r->province);
      col.year = r->year;
      col.period = g_strdup (r->period);
      col.source_name = g_strdup (r->source_name);
      g_array_append_val (result->columns, col);
      g_array_index (column_index, guint, c) = c;
      g_hash_table_insert (column_of, (gpointer) &r->id, &g_array_index (column_index, guint, c));
    }

  /* Indicator rows exist for the catalogue in its order; the filter keeps
   * the asked ones even when empty, so "no figure" is visible. */
  n_catalog = ct_catalog_get_n_indicators (self->catalog);
  for (guint i = 0; i < n_catalog; i++)
    {
      const CtIndicator *ind = ct_catalog_get_indicator (self->catalog, i);
      RowBuild *rb;

      if (codes != NULL && !g_hash_table_contains (codes, ind->code))
        continue;
      rb = row_build_new (ind->code, n_columns);
      rb->order = ind->index;
      rb->row.code = g_strdup (ind->code);
      rb->row.name = g_strdup (ind->name);
      rb->row.name_en = g_strdup (ind->name_en);
      rb->row.sector = g_strdup (ind->sector);
      rb->row.unit = g_strdup (ind->unit);
      rb->row.higher_is_better = ind->higher_is_better;
      g_ptr_array_add (builds, rb);
      g_hash_table_insert (rows_by_key, rb->key, rb);
    }

  /* Only the columns' reports are read: their ids go in as one JSON array
   * so the statement stays the same whatever their number. */
  ids = g_string_new ("[");
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, c > 0 ? "," : "",
                            ((CtReportInfo *) g_ptr_array_index (chosen, c))->id);
  g_string_append_c (ids, ']');
  observations = ct_store_query_observations (self,
    "SELECT " CT_STORE_OBSERVATION_COLUMNS " FROM observation o"
    " JOIN report r ON r.id = o.report_id LEFT JOIN indicator i ON i.id = o.indicator_id"
    " WHERE o.kind = 'achievement' AND o.report_id IN (SELECT value FROM json_each (?1))"
    " ORDER BY o.report_id, o.seq", bind_text, ids->str, error);
  g_string_free (ids, TRUE);
  if (observations == NULL)
    {
      ct_comparison_unref (result);
      return NULL;
    }

  for (guint i = 0; i < observations->len; i++)
    {
      CtStoredObservation *so = g_ptr_array_index (observations, i);
      guint *col = g_hash_table_lookup (column_of, &so->report_id);
      RowBuild *rb;

      if (col == NULL || so->not_indicator || so->obs->kind != CT_KIND_ACHIEVEMENT)
        continue;
      if (so->indicator_code != NULL)
        rb = g_hash_table_lookup (rows_by_key, so->indicator_code);
      else if (query->include_unclassified)
        {
          g_autofree gchar *folded = ct_catalog_fold_phrase (so->obs->label);
          g_autofree gchar *key = g_strconcat ("\x1f", folded, NULL);

          if (*folded == '\0' || (needle != NULL && strstr (folded, needle) == NULL))
            continue;
          rb = g_hash_table_lookup (rows_by_key, key);
          if (rb == NULL)
            {
              rb = row_build_new (key, n_columns);
              rb->order = G_MAXUINT;
              rb->row.name = g_strdup (so->obs->label);
              rb->row.unit = g_strdup (so->obs->unit);
              rb->row.higher_is_better = TRUE;
              g_ptr_array_add (builds, rb);
              g_hash_table_insert (rows_by_key, rb->key, rb);
            }
          else if (rb->row.unit == NULL && so->obs->unit != NULL)
            rb->row.unit = g_strdup (so->obs->unit);
        }
      else
        continue;
      if (rb == NULL)
        continue;
      row_build_add (rb, *col, so);
    }

  g_ptr_array_sort (builds, compare_row_builds);
  for (guint i = 0; i < builds->len; i++)
    {
      RowBuild *rb = g_ptr_array_index (builds, i);
      guint filled = 0;

      for (guint c = 0; rb->count != NULL && c < n_columns; c++)
        filled += rb->count[c] > 0;
      /* Without a filter only rows with figures are worth a line. */
      if (filled == 0 && codes == NULL)
        continue;

      rb->row.n_values = filled;
      g_array_append_val (result->rows, rb->row);
      memset (&rb->row, 0, sizeof rb->row);

      for (guint c = 0; c < n_columns; c++)
        {
          CtCompareCell cell;

          cell_init_empty (&cell);
          if (rb->best != NULL && rb->best[c] != NULL)
            {
              fill_cell (&cell, rb->best[c]);
              cell.n_more = rb->count[c] - 1;
            }
          g_array_append_val (result->cells, cell);
        }
    }
  return result;
}
