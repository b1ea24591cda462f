/* ct-store-compare-build.c: the query that fills a comparison
 *
 * Columns are the chosen reports. Every achievement of those reports goes
 * to one row: its indicator (or its folded label when unclassified) and the
 * qualifiers its label and context give (ct-catalog-qualifier.h), so two
 * figures share a row only when they measure the same thing. Each cell is
 * judged once, here, by ct_figure_judge(): every view reads that verdict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ct-error.h"
#include "ct-i18n.h"
#include "ct-store-compare-private.h"
#include "ct-text.h"

static gchar *
column_title (CtCompareAxis       axis,
              const CtReportInfo *r)
{
  gboolean has_period = r->period != NULL && *r->period != '\0';

  /* By locality each column is the locality's latest report, and those
   * need not share a year: the title says which one it is. */
  gchar year[16];

  /* Thousands of columns: joined, not formatted. */
  g_snprintf (year, sizeof year, "%d", r->year);
  switch (axis)
    {
    case CT_COMPARE_BY_YEAR:
      return has_period ? g_strconcat (r->period, " ", year, NULL) : g_strdup (year);
    case CT_COMPARE_BY_LOCALITY:
    case CT_COMPARE_BY_REPORT:
    default:
      return has_period ? g_strconcat (r->locality, " · ", r->period, " ", year, NULL)
                        : g_strconcat (r->locality, " · ", year, NULL);
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
      /* The window asks for hundreds of a library's thousands. */
      g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint j = all->len; j > 0; j--)
        {
          CtReportInfo *r = g_ptr_array_index (all, j - 1);

          g_hash_table_insert (by_id, &r->id, r);
        }
      for (guint i = 0; i < q->report_ids->len; i++)
        {
          gint64 id = g_array_index (q->report_ids, gint64, i);
          CtReportInfo *found = g_hash_table_lookup (by_id, &id);

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
  exact = ct_catalog_find (ct_store_get_catalog (self), filter);
  if (exact != NULL)
    {
      g_hash_table_add (codes, exact->code);
      return g_steal_pointer (&codes);
    }

  /* As in the window's search: a filter with Vietnamese letters keeps
   * them ("lúa" is not "luân"), one in plain letters matches any marks. */
  tones = !g_str_is_ascii (filter);
  needle = tones ? ct_text_fold_tones (filter, -1) : ct_catalog_fold_phrase (filter);
  n = ct_catalog_get_n_indicators (ct_store_get_catalog (self));
  for (guint i = 0; i < n; i++)
    {
      const CtIndicator *ind = ct_catalog_get_indicator (ct_store_get_catalog (self), i);
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

/* One observation on its way to a row: where it goes and what it is. */
typedef struct
{
  const CtStoredObservation *so;
  CtQualifiers               qualifiers;
  guint                      report_months;
  CtVerdict                  verdict;
  CtVerdict                  reported;
} Placed;

/* What judging figures needs: the qualifier table and the text of the
 * report at hand (figures come grouped by report). */
typedef struct
{
  CtStore          *store;
  CtQualifierTable *table;
  gint64            text_report;
  gchar            *text;
  gsize             text_len;
  gboolean          text_whole;   /* else text holds a head of it */
} Judge;

typedef struct
{
  gchar     *key;      /* code or "\x1f" + folded label, "\x1e", qualifiers */
  guint      order;    /* catalogue index; unclassified after all */
  CtCompareRow row;
  guint      n_columns;
  /* Per column, allocated with the row's first observation: the one the
   * cell shows and how many there are. */
  Placed    *best;
  guint     *count;
} RowBuild;

static void
row_build_free (gpointer data)
{
  RowBuild *rb = data;

  g_free (rb->key);
  ct_compare_row_clear (&rb->row);
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
  /* The plain concept first, then its qualified rows. */
  if ((x->row.qualifier_text == NULL) != (y->row.qualifier_text == NULL))
    return x->row.qualifier_text == NULL ? -1 : 1;
  return ct_text_collate (x->row.name, y->row.name);
}

/* Everything a build needs while it runs. */
typedef struct
{
  CtStore          *store;
  const CtCompareQuery *query;
  Judge             judge;
  GHashTable       *codes;       /* the filter's indicator codes, or NULL */
  gchar            *needle;      /* the filter folded, or NULL */
  GPtrArray        *chosen;      /* CtReportInfo *, column order */
  GHashTable       *column_of;   /* report id → column */
  GHashTable       *rows_by_key; /* key → RowBuild (borrowed) */
  GPtrArray        *builds;      /* RowBuild * */
} Build;

static void
build_clear (Build *b)
{
  g_clear_pointer (&b->codes, g_hash_table_unref);
  g_free (b->needle);
  g_clear_pointer (&b->chosen, g_ptr_array_unref);
  g_clear_pointer (&b->column_of, g_hash_table_unref);
  g_clear_pointer (&b->rows_by_key, g_hash_table_unref);
  g_clear_pointer (&b->builds, g_ptr_array_unref);
  g_free (b->judge.text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Build, build_clear)

static RowBuild *
row_build_new (Build       *b,
               const gchar *key)
{
  RowBuild *rb = g_new0 (RowBuild, 1);

  rb->key = g_strdup (key);
  rb->n_columns = b->chosen->len;
  g_ptr_array_add (b->builds, rb);
  g_hash_table_insert (b->rows_by_key, rb->key, rb);
  return rb;
}

static void
row_from_indicator (CtCompareRow      *row,
                    const CtIndicator *ind)
{
  row->code = g_strdup (ind->code);
  row->name = g_strdup (ind->name);
  row->name_en = g_strdup (ind->name_en);
  row->sector = g_strdup (ind->sector);
  row->unit = g_strdup (ind->unit);
  row->higher_is_better = ind->higher_is_better;
  row->direction = ind->direction;
  row->measure = ind->measure;
}

/* Indicator rows exist for the catalogue in its order; the filter keeps
 * the asked ones even when empty, so "no figure" is visible. */
static void
add_catalog_rows (Build *b)
{
  guint n_catalog = ct_catalog_get_n_indicators (ct_store_get_catalog (b->store));

  for (guint i = 0; i < n_catalog; i++)
    {
      const CtIndicator *ind = ct_catalog_get_indicator (ct_store_get_catalog (b->store), i);
      RowBuild *rb;

      if (b->codes != NULL && !g_hash_table_contains (b->codes, ind->code))
        continue;
      rb = row_build_new (b, ind->code);
      rb->order = ind->index;
      row_from_indicator (&rb->row, ind);
    }
}

/* Past a figure's end, what reading its words needs: its clause runs at
 * most 200 bytes further (ct_qualifier_words_from_text()), and the
 * character there is whole. */
#define JUDGE_READ_AHEAD 256

/* The report's text up to @need bytes at least (or whole), for figures
 * whose words the library does not keep: texts are stored packed and a
 * comparison shows a few figures of each report, so only the head that
 * holds them is unpacked, twice as much at each miss. */
static gboolean
load_report_text (Judge   *b,
                  gint64   report_id,
                  gsize    need,
                  GError **error)
{
  CtDbStmt *stmt;
  int rc;

  if (b->text_report == report_id && (b->text_whole || b->text_len >= need))
    return TRUE;
  if (b->text_report == report_id)
    need = MAX (need, 2 * b->text_len);
  g_clear_pointer (&b->text, g_free);
  b->text_len = 0;
  b->text_whole = FALSE;
  b->text_report = report_id;
  stmt = ct_store_prepare (b->store, "SELECT ct_unpack_head (text, ?2) FROM report_text WHERE report_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  ct_db_bind_int64 (stmt, 1, report_id);
  ct_db_bind_int64 (stmt, 2, need);
  rc = ct_db_step (stmt);
  if (rc == CT_DB_ROW)
    {
      b->text_len = ct_db_column_bytes (stmt, 0);
      b->text = g_strndup (ct_db_column_text (stmt, 0), b->text_len);
      b->text_whole = b->text_len < need;
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_ROW && rc != CT_DB_DONE)
    {
      ct_store_set_error (b->store, error);
      return FALSE;
    }
  return TRUE;
}

/* What the figure's words say: kept in the library since its import, or
 * read from the report's text when they were kept by another version of
 * the qualifier table (or not at all, in a library from before). */
static gboolean
figure_words (Judge                     *j,
              const CtStoredObservation *so,
              CtQualifierWords          *words,
              GError                   **error)
{
  const CtObservation *o = so->obs;

  if (so->words >= 0 && ct_qualifier_words_unpack (j->table, so->words, words))
    return TRUE;
  if (!load_report_text (j, so->report_id, o->end + JUDGE_READ_AHEAD, error))
    return FALSE;
  ct_qualifier_words_from_text (j->table, o->label, j->text, j->text_len, o->start, o->end, NULL, words);
  return TRUE;
}

/* The qualifiers and verdict of one figure, from its words and numbers:
 * the one judgement every view shows. */
static gboolean
judge_figure (Judge                     *j,
              const CtStoredObservation *so,
              gint                       report_year,
              const gchar               *report_period,
              const CtIndicator         *ind,
              Placed                    *placed,
              GError                   **error)
{
  const CtObservation *o = so->obs;
  CtQualifierContext ctx = { 0 };
  CtQualifierWords words;
  CtFigureRule rule = { CT_DIRECTION_UNKNOWN, CT_MEASURE_FLOW, 0, 0, 0 };
  gdouble rate;

  if (!figure_words (j, so, &words, error))
    return FALSE;
  placed->so = so;
  placed->report_months = ct_qualifier_table_period_months (j->table, report_period);
  ctx.label = o->label;
  ctx.report_year = report_year;
  ctx.report_months = placed->report_months;
  ctx.unit = o->unit;
  ctx.row_unit = ind != NULL ? ind->unit : NULL;
  ctx.value = o->value;
  ctx.plan = o->plan;
  ctx.rate = o->rate;
  ctx.basis = o->basis;
  ct_qualifiers_from_words (&words, &ctx, &placed->qualifiers);

  if (ind != NULL)
    {
      rule.direction = ind->direction;
      rule.measure = ind->measure;
    }
  /* "8/9 tiêu chí": a part of a whole set is no achievement of a plan
   * either, though it shares its concept's row. */
  rule.kind = o->basis == CT_BASIS_TOTAL ? CT_FIGURE_KIND_SHARE : placed->qualifiers.kind;
  rule.plan_span = placed->qualifiers.plan_span;
  /* Another year's figure is that whole year's: nothing of it is still to come. */
  rule.report_months = placed->qualifiers.reference_year != 0 ? 12 : placed->report_months;
  rate = !isnan (o->rate) ? o->rate : o->rate_computed;
  placed->verdict = ct_figure_judge (rate, &rule);
  placed->reported = ct_figure_verdict_from_status (o->status);
  return TRUE;
}

/* The row of a figure, made when it is the first of its concept. NULL when
 * the figure has no row (filtered out, or unclassified and not asked for). */
static RowBuild *
find_row (Build                     *b,
          const CtStoredObservation *so,
          const CtIndicator         *ind,
          const CtQualifiers        *qualifiers)
{
  g_autofree gchar *folded = NULL;
  g_autofree gchar *base = NULL;
  g_autofree gchar *extra = NULL;
  g_autofree gchar *key = NULL;
  RowBuild *plain, *rb;

  if (ind == NULL && !b->query->include_unclassified)
    return NULL;
  if (ind != NULL)
    base = g_strdup (ind->code);
  else
    {
      folded = ct_catalog_fold_phrase (so->obs->label);
      if (*folded == '\0' || (b->needle != NULL && strstr (folded, b->needle) == NULL))
        return NULL;
      base = g_strconcat ("\x1f", folded, NULL);
    }
  plain = g_hash_table_lookup (b->rows_by_key, base);
  if (ind != NULL && plain == NULL)
    return NULL; /* filtered out */
  extra = ct_qualifiers_describe (qualifiers, ind);
  key = extra != NULL ? g_strconcat (base, "\x1e", extra, NULL) : g_strdup (base);
  rb = g_hash_table_lookup (b->rows_by_key, key);
  if (rb != NULL)
    return rb;

  rb = row_build_new (b, key);
  if (ind != NULL)
    {
      rb->order = ind->index;
      row_from_indicator (&rb->row, ind);
      g_free (rb->row.name);
    }
  else
    {
      rb->order = G_MAXUINT;
      rb->row.unit = g_strdup (so->obs->unit);
      rb->row.higher_is_better = TRUE;
      rb->row.direction = CT_DIRECTION_UNKNOWN;
      rb->row.measure = CT_MEASURE_FLOW;
    }
  ct_qualifiers_for_row (qualifiers, ind, &rb->row.qualifiers);
  rb->row.qualifier_text = g_steal_pointer (&extra);
  rb->row.name = rb->row.qualifier_text != NULL
                 ? g_strdup_printf ("%s · %s", ind != NULL ? ind->name : so->obs->label,
                                    rb->row.qualifier_text)
                 : g_strdup (ind != NULL ? ind->name : so->obs->label);
  return rb;
}

/* Observations come in text order: a later one replaces the cell's only
 * when it says more. */
static void
row_build_add (RowBuild     *rb,
               guint         column,
               const Placed *placed)
{
  if (rb->best == NULL)
    {
      rb->best = g_new0 (Placed, rb->n_columns);
      rb->count = g_new0 (guint, rb->n_columns);
    }
  if (rb->row.unit == NULL && placed->so->obs->unit != NULL)
    rb->row.unit = g_strdup (placed->so->obs->unit);
  if (rb->best[column].so == NULL
      || cell_priority (placed->so) > cell_priority (rb->best[column].so))
    rb->best[column] = *placed;
  rb->count[column]++;
}

/* The figures a correction links to another indicator, as a JSON array:
 * the only ones whose stored indicator may not say which row they reach
 * (other corrections change numbers, not rows). NULL when there are none. */
static GString *
json_linked_ids (GHashTable *corrections)
{
  GString *ids = g_string_new ("[");
  GHashTableIter iter;
  gint64 *id;
  GPtrArray *list;

  g_hash_table_iter_init (&iter, corrections);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &list))
    for (guint i = 0; i < list->len; i++)
      if (((CtCorrection *) g_ptr_array_index (list, i))->field == CT_CORRECTION_INDICATOR)
        {
          g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "", *id);
          break;
        }
  g_string_append_c (ids, ']');
  if (ids->len == 2)
    {
      g_string_free (ids, TRUE);
      return NULL;
    }
  return ids;
}

static GString *
json_codes (GHashTable *codes)
{
  GString *json = g_string_new ("[");
  GHashTableIter iter;
  const gchar *code;

  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, (gpointer *) &code, NULL))
    {
      g_autofree gchar *quoted = g_strescape (code, NULL);

      g_string_append_printf (json, "%s\"%s\"", json->len > 1 ? "," : "", quoted);
    }
  g_string_append_c (json, ']');
  return json;
}

/* A statement's parameters, all JSON arrays but the one code and the flag,
 * each bound when not NULL: the chosen reports (NULL when they are all
 * the library's), the filter's codes (or its one code), whether
 * unclassified labels are wanted, the figures a correction links to
 * another indicator. */
typedef struct
{
  GString     *reports;
  gint         reports_param;
  const gchar *code;
  GString     *codes;
  gboolean     unclassified;
  GString     *linked;
} ReadFilter;

static void
bind_filter (CtDbStmt *stmt,
             gpointer  data)
{
  const ReadFilter *f = data;

  if (f->reports != NULL)
    ct_db_bind_text (stmt, f->reports_param, f->reports->str, -1);
  if (f->code != NULL || f->codes != NULL)
    ct_db_bind_text (stmt, f->reports_param == 1 ? 2 : 1, f->code != NULL ? f->code : f->codes->str, -1);
  if (f->linked != NULL)
    {
      ct_db_bind_int (stmt, 3, f->unclassified);
      ct_db_bind_text (stmt, 4, f->linked->str, -1);
    }
}

/* The statements reading a comparison's figures, written out whole: the
 * store keeps prepared statements by their text's address. */
#define FIGURES_FROM \
  "SELECT " CT_STORE_OBSERVATION_COLUMNS " FROM observation o" \
  " JOIN report r ON r.id = o.report_id LEFT JOIN indicator i ON i.id = o.indicator_id" \
  " WHERE o.kind = 0 /* CT_KIND_ACHIEVEMENT */"
#define ONE_CODE " AND o.indicator_id = (SELECT id FROM indicator WHERE code = ?1)"
#define CODES_SQLITE " AND o.indicator_id IN (SELECT id FROM indicator WHERE code IN (SELECT value FROM json_each (?1)))"
#define CODES_PG \
  " AND o.indicator_id IN (SELECT id FROM indicator WHERE code IN (SELECT jsonb_array_elements_text (?1::jsonb)))"
#define REPORTS_SQLITE(n) " AND o.report_id IN (SELECT value FROM json_each (?" #n "))"
#define REPORTS_PG(n) " AND o.report_id IN (SELECT jsonb_array_elements_text (?" #n "::jsonb)::bigint)"
#define IN_ORDER " ORDER BY o.report_id, o.seq"

/* [PostgreSQL][several codes][some reports] */
static const gchar *const indicator_figures_sql[2][2][2] = {
  { { FIGURES_FROM ONE_CODE IN_ORDER, FIGURES_FROM ONE_CODE REPORTS_SQLITE (2) IN_ORDER },
    { FIGURES_FROM CODES_SQLITE IN_ORDER, FIGURES_FROM CODES_SQLITE REPORTS_SQLITE (2) IN_ORDER } },
  { { FIGURES_FROM ONE_CODE IN_ORDER, FIGURES_FROM ONE_CODE REPORTS_PG (2) IN_ORDER },
    { FIGURES_FROM CODES_PG IN_ORDER, FIGURES_FROM CODES_PG REPORTS_PG (2) IN_ORDER } },
};

/* [PostgreSQL][some reports]: every achievement of the reports. */
static const gchar *const report_figures_sql[2][2] = {
  { FIGURES_FROM IN_ORDER, FIGURES_FROM REPORTS_SQLITE (1) IN_ORDER },
  { FIGURES_FROM IN_ORDER, FIGURES_FROM REPORTS_PG (1) IN_ORDER },
};

/* [some reports]: the figures are found by indicator
 * (observation_indicator_figures), with the unclassified and the linked
 * ones, then kept when their report is a column. SQLite only. */
#define LINKED_OR_UNCLASSIFIED \
  " AND o.id IN (SELECT x.id FROM observation x WHERE x.kind = 0 AND x.indicator_id IN" \
  "                (SELECT id FROM indicator WHERE code IN (SELECT value FROM json_each (?2)))" \
  "              UNION ALL SELECT x.id FROM observation x WHERE ?3 AND x.indicator_id IS NULL" \
  "              UNION ALL SELECT value FROM json_each (?4))"
static const gchar *const linked_figures_sql[2] = {
  FIGURES_FROM LINKED_OR_UNCLASSIFIED IN_ORDER,
  FIGURES_FROM LINKED_OR_UNCLASSIFIED REPORTS_SQLITE (1) IN_ORDER,
};

/* The figures of the filter's indicators alone (no unclassified label is
 * asked for, no correction moves a figure between indicators), found
 * through observation_indicator_figures (indicator, kind, report, seq):
 * neither the reports' targets nor other indicators' figures are fetched,
 * and one indicator's come in the order they are placed in, unsorted. */
static GPtrArray *
read_indicator_figures (Build      *b,
                        ReadFilter *f,
                        GError    **error)
{
  gboolean pg = ct_db_get_kind (b->store->db) == CT_DB_POSTGRESQL;

  if (g_hash_table_size (b->codes) == 1)
    {
      GHashTableIter iter;

      g_hash_table_iter_init (&iter, b->codes);
      g_hash_table_iter_next (&iter, (gpointer *) &f->code, NULL);
    }
  else
    f->codes = json_codes (b->codes);
  f->reports_param = 2;
  return ct_store_query_figures (b->store, indicator_figures_sql[pg][f->codes != NULL][f->reports != NULL],
                                 bind_filter, f, error);
}

/* Only the columns' reports are read (unless they are all the library's),
 * and of a one-indicator comparison only the figures that may reach its
 * rows: the database skips the others before they are copied out (a
 * province's library holds 100,000 achievements; the row of one
 * indicator, a few thousand). The filter only narrows what
 * place_observations() would drop anyway. */
static GPtrArray *
read_observations (Build    *b,
                   gboolean  all_reports,
                   GError  **error)
{
  gboolean pg = ct_db_get_kind (b->store->db) == CT_DB_POSTGRESQL;
  g_autoptr(GHashTable) corrections = NULL;
  ReadFilter f = { NULL, 1, NULL, NULL, b->query->include_unclassified, NULL };
  GPtrArray *result = NULL;

  if (!all_reports)
    {
      f.reports = g_string_new ("[");
      for (guint c = 0; c < b->chosen->len; c++)
        g_string_append_printf (f.reports, "%s%" G_GINT64_FORMAT, c > 0 ? "," : "",
                                ((CtReportInfo *) g_ptr_array_index (b->chosen, c))->id);
      g_string_append_c (f.reports, ']');
    }
  corrections = ct_store_load_corrections (b->store, error);
  if (corrections == NULL)
    goto out;
  f.linked = json_linked_ids (corrections);
  if (b->codes != NULL && !f.unclassified && f.linked == NULL)
    result = read_indicator_figures (b, &f, error);
  else if (b->codes == NULL || pg)
    {
      /* On PostgreSQL also for a filter with unclassified labels or
       * linked figures. */
      if (f.linked != NULL)
        g_string_free (g_steal_pointer (&f.linked), TRUE);
      result = ct_store_query_figures (b->store, report_figures_sql[pg][f.reports != NULL],
                                       bind_filter, &f, error);
    }
  else
    {
      f.codes = json_codes (b->codes);
      if (f.linked == NULL)
        f.linked = g_string_new ("[]");
      result = ct_store_query_figures (b->store, linked_figures_sql[f.reports != NULL],
                                       bind_filter, &f, error);
    }

out:
  if (f.reports != NULL)
    g_string_free (f.reports, TRUE);
  if (f.codes != NULL)
    g_string_free (f.codes, TRUE);
  if (f.linked != NULL)
    g_string_free (f.linked, TRUE);
  return result;
}

static gboolean
place_observations (Build     *b,
                    GPtrArray *observations,
                    GError   **error)
{
  for (guint i = 0; i < observations->len; i++)
    {
      CtStoredObservation *so = g_ptr_array_index (observations, i);
      guint *col = g_hash_table_lookup (b->column_of, &so->report_id);
      const CtIndicator *ind;
      const CtReportInfo *report;
      Placed placed = { 0 };
      RowBuild *rb;

      placed.so = so;
      if (col == NULL || so->not_indicator || so->obs->kind != CT_KIND_ACHIEVEMENT)
        continue;
      ind = so->indicator_code != NULL ? ct_catalog_lookup (ct_store_get_catalog (b->store), so->indicator_code) : NULL;
      if (so->indicator_code != NULL && ind == NULL)
        continue;
      /* A figure with no row is not judged: judging reads its report's
       * text, and a one-indicator comparison of a province's library would
       * read every text for the few figures it shows. */
      if (ind == NULL ? !b->query->include_unclassified
                      : b->codes != NULL && !g_hash_table_contains (b->codes, ind->code))
        continue;
      report = g_ptr_array_index (b->chosen, *col);
      if (!judge_figure (&b->judge, so, report->year, report->period, ind, &placed, error))
        return FALSE;
      rb = find_row (b, so, ind, &placed.qualifiers);
      if (rb != NULL)
        row_build_add (rb, *col, &placed);
    }
  return TRUE;
}

static void
fill_cell (CtCompareCell *cell,
           const Placed  *placed)
{
  const CtStoredObservation *so = placed->so;
  const CtObservation *o = so->obs;

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
  cell->qualifiers = placed->qualifiers;
  /* A share of a total is not an achievement: its whole is no plan and its
   * percentage no rate. */
  if (placed->qualifiers.kind == CT_FIGURE_KIND_SHARE)
    {
      cell->basis = CT_BASIS_TOTAL;
      cell->rate = cell->rate_computed = NAN;
    }
  cell->verdict = placed->verdict;
  cell->reported = placed->reported;
}

static void
emit_rows (Build        *b,
           CtComparison *result)
{
  guint n_columns = b->chosen->len;

  g_ptr_array_sort (b->builds, compare_row_builds);
  for (guint i = 0; i < b->builds->len; i++)
    {
      RowBuild *rb = g_ptr_array_index (b->builds, i);
      guint filled = 0;

      for (guint c = 0; rb->count != NULL && c < n_columns; c++)
        filled += rb->count[c] > 0;
      /* Without a filter only rows with figures are worth a line, and a
       * qualified row only ever exists for its figures. */
      if (filled == 0 && (b->codes == NULL || rb->row.qualifier_text != NULL))
        continue;

      rb->row.n_values = filled;
      g_array_append_val (result->rows, rb->row);
      memset (&rb->row, 0, sizeof rb->row);

      for (guint c = 0; c < n_columns; c++)
        {
          CtCompareCell cell;

          ct_compare_cell_init_empty (&cell);
          if (rb->best != NULL && rb->best[c].so != NULL)
            {
              fill_cell (&cell, &rb->best[c]);
              cell.n_more = rb->count[c] - 1;
            }
          g_array_append_val (result->cells, cell);
        }
    }
}

static void
add_columns (Build        *b,
             CtComparison *result,
             GArray       *column_index)
{
  guint n_columns = b->chosen->len;

  g_array_set_size (column_index, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      const CtReportInfo *r = g_ptr_array_index (b->chosen, c);
      CtCompareColumn col = { 0 };

      col.report_id = r->id;
      col.locality_id = r->locality_id;
      col.title = column_title (b->query->axis, r);
      col.locality = g_strdup (r->locality);
      col.level = g_strdup (r->level);
      col.province = g_strdup (r->province);
      col.year = r->year;
      col.period = g_strdup (r->period);
      col.source_name = g_strdup (r->source_name);
      g_array_append_val (result->columns, col);
      g_array_index (column_index, guint, c) = c;
      g_hash_table_insert (b->column_of, (gpointer) &r->id, &g_array_index (column_index, guint, c));
    }
}

CtComparison *
ct_store_compare (CtStore               *self,
                  const CtCompareQuery  *query,
                  GError               **error)
{
  g_auto(Build) b = { 0 };
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) observations = NULL;
  g_autoptr(GArray) column_index = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(CtComparison) result = NULL;

  g_return_val_if_fail (query != NULL, NULL);

  b.store = self;
  b.query = query;
  b.judge.store = self;
  b.judge.table = ct_qualifier_table_get_default (error);
  if (b.judge.table == NULL)
    return NULL;
  b.codes = indicator_filter (self, query->indicator, error);
  if (query->indicator != NULL && *query->indicator != '\0' && b.codes == NULL)
    return NULL;
  if (query->indicator != NULL)
    b.needle = ct_catalog_fold_phrase (query->indicator);

  reports = ct_store_list_report_columns (self, error);
  if (reports == NULL)
    return NULL;
  b.chosen = choose_reports (query, reports, error);
  if (b.chosen == NULL)
    return NULL;
  if (query->axis == CT_COMPARE_BY_YEAR)
    g_ptr_array_sort (b.chosen, compare_by_year);

  result = ct_comparison_alloc (query);
  b.column_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  b.rows_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  b.builds = g_ptr_array_new_with_free_func (row_build_free);
  add_columns (&b, result, column_index);
  add_catalog_rows (&b);

  /* A column per report of the library: no figure needs leaving out. */
  observations = read_observations (&b, g_hash_table_size (b.column_of) == reports->len, error);
  if (observations == NULL || !place_observations (&b, observations, error))
    return NULL;
  emit_rows (&b, result);
  return g_steal_pointer (&result);
}

gboolean
ct_store_judge_observations (CtStore    *self,
                             GPtrArray  *observations,
                             GError    **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  Judge judge = { self, NULL, 0, NULL, 0, FALSE };
  gboolean ok = TRUE;

  judge.table = ct_qualifier_table_get_default (error);
  if (judge.table == NULL)
    return FALSE;
  reports = ct_store_list_report_columns (self, error);
  if (reports == NULL)
    return FALSE;
  for (guint i = 0; i < reports->len; i++)
    {
      CtReportInfo *r = g_ptr_array_index (reports, i);

      g_hash_table_insert (by_id, &r->id, r);
    }
  for (guint i = 0; ok && i < observations->len; i++)
    {
      CtStoredObservation *so = g_ptr_array_index (observations, i);
      const CtReportInfo *r = g_hash_table_lookup (by_id, &so->report_id);
      const CtIndicator *ind = so->indicator_code != NULL
                               ? ct_catalog_lookup (ct_store_get_catalog (self), so->indicator_code) : NULL;
      Placed placed = { 0 };

      if (r == NULL)
        continue;
      ok = judge_figure (&judge, so, r->year, r->period, ind, &placed, error);
      so->verdict = placed.verdict;
      so->reported = placed.reported;
    }
  g_free (judge.text);
  return ok;
}
