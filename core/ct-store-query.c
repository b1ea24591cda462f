/* ct-store-query.c: reports, localities, indicators, observations, sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-catalog-qualifier.h"
#include "ct-locality.h"
#include "ct-error.h"
#include "ct-i18n.h"
#include "ct-text.h"

#include <math.h>
#include <string.h>

void
ct_report_info_free (CtReportInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->locality);
  g_free (info->level);
  g_free (info->province);
  g_free (info->period);
  g_free (info->title);
  g_free (info->source_name);
  g_free (info->sha256);
  g_free (info->format);
  g_free (info->imported_at);
  g_free (info->report_date);
  g_free (info->province_former);
  g_free (info);
}

void
ct_locality_info_free (CtLocalityInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->level);
  g_free (info->province);
  g_free (info);
}

void
ct_indicator_info_free (CtIndicatorInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->code);
  g_free (info->name);
  g_free (info->name_en);
  g_free (info->sector);
  g_free (info->unit);
  g_free (info);
}

void
ct_stored_observation_free (CtStoredObservation *obs)
{
  if (obs == NULL)
    return;
  ct_observation_free (obs->obs);
  g_free (obs->indicator_code);
  g_free (obs->indicator_name);
  g_free (obs->sector);
  g_free (obs->unit_normalized);
  g_free (obs);
}

void
ct_source_span_free (CtSourceSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->source_name);
  g_free (span->text);
  g_free (span->section);
  g_free (span->page_lines);
  g_clear_pointer (&span->siblings, g_array_unref);
  g_free (span);
}

gboolean
ct_store_delete_report (CtStore  *self,
                        gint64    report_id,
                        GError  **error)
{
  if (!ct_store_begin (self, error))
    return FALSE;
  if (!ct_store_delete_report_rows (self, report_id, error)
      || !ct_store_exec (self,
                         "DELETE FROM locality WHERE id NOT IN (SELECT locality_id FROM report)"
                         " AND id NOT IN (SELECT locality_id FROM correction)", error)
      || !ct_store_exec (self, "COMMIT", error))
    {
      ct_db_exec (self->db, "ROLLBACK");
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */

#define REPORT_COLUMNS \
  "r.id, r.locality_id, l.name, l.level, l.province, r.year, r.period, r.title," \
  " r.source_name, r.sha256, r.format, r.imported_at, r.report_date"

/* What a comparison's columns show of a report, in REPORT_COLUMNS' places:
 * the title, checksum, format and import time stay NULL. */
#define REPORT_COLUMN_COLUMNS \
  "r.id, r.locality_id, l.name, l.level, l.province, r.year, r.period, NULL," \
  " r.source_name, NULL, NULL, NULL, r.report_date"

/* The province now comes from ct_locality_province_now(), which answers
 * each question once per process. */
static CtReportInfo *
read_report (CtDbStmt *stmt)
{
  CtReportInfo *info = g_new0 (CtReportInfo, 1);

  info->id = ct_db_column_int64 (stmt, 0);
  info->locality_id = ct_db_column_int64 (stmt, 1);
  info->locality = ct_store_column_text (stmt, 2);
  info->level = ct_store_column_text (stmt, 3);
  info->province = ct_store_column_text (stmt, 4);
  if (info->province != NULL && *info->province == '\0')
    g_clear_pointer (&info->province, g_free);
  info->year = ct_db_column_int (stmt, 5);
  info->period = ct_store_column_text (stmt, 6);
  info->title = ct_store_column_text (stmt, 7);
  info->source_name = ct_store_column_text (stmt, 8);
  info->sha256 = ct_store_column_text (stmt, 9);
  info->format = ct_store_column_text (stmt, 10);
  info->imported_at = ct_store_column_text (stmt, 11);
  info->report_date = ct_store_column_text (stmt, 12);
  /* Provinces merged or renamed since the report: the gazetteer says
   * which one it is part of now. */
  if (info->province != NULL)
    {
      gchar year[16];

      if (info->report_date == NULL)
        g_snprintf (year, sizeof year, "%d", info->year);
      info->province_now = ct_locality_province_now (info->province,
                                                     info->report_date != NULL ? info->report_date : year,
                                                     &info->province_former);
    }
  return info;
}

static void
count_into (CtReportInfo *info,
            GPtrArray    *observations)
{
  info->n_observations = info->n_matched = info->n_flagged = info->n_corrected = 0;
  for (guint i = 0; i < observations->len; i++)
    {
      CtStoredObservation *so = g_ptr_array_index (observations, i);

      info->n_observations++;
      info->n_matched += so->indicator_code != NULL;
      info->n_flagged += so->obs->flags != 0;
      info->n_corrected += so->corrected != 0;
    }
}

/* Counts per report as the triggers of schema 7 keep them; the few reports
 * with corrections are counted again with the corrections applied. */
static gboolean
count_reports (CtStore     *self,
               GHashTable  *by_id,
               GError     **error)
{
  CtDbStmt *stmt = ct_store_prepare (self,
    "SELECT report_id, n, matched, flagged FROM report_counts", error);
  g_autoptr(GArray) corrected = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = ct_db_step (stmt)) == CT_DB_ROW)
    {
      gint64 id = ct_db_column_int64 (stmt, 0);
      CtReportInfo *info = g_hash_table_lookup (by_id, &id);

      if (info == NULL)
        continue;
      info->n_observations = ct_db_column_int (stmt, 1);
      info->n_matched = ct_db_column_int (stmt, 2);
      info->n_flagged = ct_db_column_int (stmt, 3);
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE)
    goto fail;

  stmt = ct_store_prepare (self,
    "SELECT DISTINCT r.id FROM correction c JOIN report r ON r.locality_id = c.locality_id"
    " AND r.year = c.year AND r.period_folded = c.period_folded", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = ct_db_step (stmt)) == CT_DB_ROW)
    {
      gint64 id = ct_db_column_int64 (stmt, 0);
      g_array_append_val (corrected, id);
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE)
    goto fail;

  for (guint i = 0; i < corrected->len; i++)
    {
      gint64 id = g_array_index (corrected, gint64, i);
      CtReportInfo *info = g_hash_table_lookup (by_id, &id);
      g_autoptr(GPtrArray) obs = NULL;

      if (info == NULL)
        continue;
      obs = ct_store_list_observations (self, id, error);
      if (obs == NULL)
        return FALSE;
      count_into (info, obs);
    }
  return TRUE;

fail:
  ct_store_set_error (self, error);
  return FALSE;
}

/* Most pairs a sort compares share their province and period: the same
 * bytes collate equal without asking ICU. */
static gint
collate (const gchar *a,
         const gchar *b)
{
  if (g_strcmp0 (a, b) == 0)
    return 0;
  return ct_text_collate (a, b);
}

/* A report with the collation keys of its province and locality: a
 * library's sort compares each name a dozen times. */
typedef struct
{
  CtReportInfo *info;
  const gchar  *province_key;
  const gchar  *locality_key;
} SortedReport;

static gint
compare_sorted_reports (gconstpointer a,
                        gconstpointer b,
                        gpointer      unused)
{
  const SortedReport *x = a;
  const SortedReport *y = b;
  gint c;

  (void) unused;
  c = strcmp (x->province_key, y->province_key);

  if (c == 0)
    c = strcmp (x->locality_key, y->locality_key);
  if (c == 0)
    c = x->info->year - y->info->year;
  if (c == 0)
    c = collate (x->info->period, y->info->period);
  return c;
}

/* The key of TEXT, made once per distinct text (owned by KEYS). */
static const gchar *
collate_key (GHashTable  *keys,
             const gchar *text)
{
  gchar *key = g_hash_table_lookup (keys, text);

  if (key == NULL)
    {
      key = ct_text_collate_key (text);
      g_hash_table_insert (keys, (gpointer) text, key);
    }
  return key;
}

/* By current province (else the report's), locality, year and period, as
 * ct_text_collate() orders names. */
static void
sort_reports (GPtrArray *reports)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree SortedReport *sorted = g_new (SortedReport, reports->len);

  for (guint i = 0; i < reports->len; i++)
    {
      CtReportInfo *r = g_ptr_array_index (reports, i);
      const gchar *province = r->province_now != NULL ? r->province_now->name : r->province;

      sorted[i].info = r;
      sorted[i].province_key = collate_key (keys, province != NULL ? province : "");
      sorted[i].locality_key = collate_key (keys, r->locality != NULL ? r->locality : "");
    }
  /* Stable, as g_ptr_array_sort() is: equal reports keep the database's order. */
  g_qsort_with_data (sorted, reports->len, sizeof *sorted, compare_sorted_reports, NULL);
  for (guint i = 0; i < reports->len; i++)
    reports->pdata[i] = sorted[i].info;
}

/* with_counts: also each report's figures; a comparison's columns need
 * neither them nor the title, checksum, format and import time. */
static GPtrArray *
list_reports (CtStore   *self,
              gboolean   with_counts,
              GError   **error)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_report_info_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  CtDbStmt *stmt = ct_store_prepare (self, with_counts
    ? "SELECT " REPORT_COLUMNS " FROM report r JOIN locality l ON l.id = r.locality_id"
    : "SELECT " REPORT_COLUMN_COLUMNS " FROM report r JOIN locality l ON l.id = r.locality_id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = ct_db_step (stmt)) == CT_DB_ROW)
    {
      CtReportInfo *info = read_report (stmt);

      g_ptr_array_add (reports, info);
      if (with_counts)
        g_hash_table_insert (by_id, &info->id, info);
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return NULL;
    }
  if (with_counts && !count_reports (self, by_id, error))
    return NULL;
  sort_reports (reports);
  return g_steal_pointer (&reports);
}

GPtrArray *
ct_store_list_reports (CtStore  *self,
                       GError  **error)
{
  return list_reports (self, TRUE, error);
}

GPtrArray *
ct_store_list_report_columns (CtStore  *self,
                              GError  **error)
{
  return list_reports (self, FALSE, error);
}

CtReportInfo *
ct_store_get_report (CtStore  *self,
                     gint64    report_id,
                     GError  **error)
{
  g_autoptr(CtReportInfo) info = NULL;
  g_autoptr(GPtrArray) obs = NULL;
  CtDbStmt *stmt = ct_store_prepare (self,
    "SELECT " REPORT_COLUMNS " FROM report r JOIN locality l ON l.id = r.locality_id"
    " WHERE r.id = ?1", error);

  if (stmt == NULL)
    return NULL;
  ct_db_bind_int64 (stmt, 1, report_id);
  if (ct_db_step (stmt) == CT_DB_ROW)
    info = read_report (stmt);
  ct_db_reset (stmt);
  if (info == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                   _("Report %lld is not in the library."), (long long) report_id);
      return NULL;
    }
  obs = ct_store_list_observations (self, report_id, error);
  if (obs == NULL)
    return NULL;
  count_into (info, obs);
  return g_steal_pointer (&info);
}

static gint
compare_localities (gconstpointer a,
                    gconstpointer b)
{
  const CtLocalityInfo *x = *(CtLocalityInfo * const *) a;
  const CtLocalityInfo *y = *(CtLocalityInfo * const *) b;
  gint c = ct_text_collate (x->province != NULL ? x->province : "",
                            y->province != NULL ? y->province : "");

  return c != 0 ? c : ct_text_collate (x->name, y->name);
}

GPtrArray *
ct_store_list_localities (CtStore  *self,
                          GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_locality_info_free);
  CtDbStmt *stmt = ct_store_prepare (self,
    "SELECT l.id, l.name, l.level, l.province,"
    " (SELECT count(*) FROM report r WHERE r.locality_id = l.id)"
    " FROM locality l", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = ct_db_step (stmt)) == CT_DB_ROW)
    {
      CtLocalityInfo *info = g_new0 (CtLocalityInfo, 1);

      info->id = ct_db_column_int64 (stmt, 0);
      info->name = ct_store_column_text (stmt, 1);
      info->level = ct_store_column_text (stmt, 2);
      info->province = ct_store_column_text (stmt, 3);
      if (info->province != NULL && *info->province == '\0')
        g_clear_pointer (&info->province, g_free);
      info->n_reports = ct_db_column_int (stmt, 4);
      g_ptr_array_add (list, info);
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return NULL;
    }
  g_ptr_array_sort (list, compare_localities);
  return g_steal_pointer (&list);
}

static CtIndicatorInfo *
indicator_info_new (CtStore           *self,
                    const CtIndicator *ind)
{
  CtIndicatorInfo *info = g_new0 (CtIndicatorInfo, 1);
  CtDbStmt *stmt = ct_store_prepare (self, "SELECT id FROM indicator WHERE code = ?1", NULL);

  info->code = g_strdup (ind->code);
  info->name = g_strdup (ind->name);
  info->name_en = g_strdup (ind->name_en);
  info->sector = g_strdup (ind->sector);
  info->unit = g_strdup (ind->unit);
  info->higher_is_better = ind->higher_is_better;
  if (stmt != NULL)
    {
      ct_store_bind_text (stmt, 1, ind->code);
      if (ct_db_step (stmt) == CT_DB_ROW)
        info->id = ct_db_column_int64 (stmt, 0);
      ct_db_reset (stmt);
    }
  return info;
}

GPtrArray *
ct_store_list_indicators (CtStore   *self,
                          gboolean   only_observed,
                          GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_indicator_info_free);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = ct_catalog_get_n_indicators (ct_store_get_catalog (self));
  CtDbStmt *stmt;
  gboolean links = TRUE;
  int rc;

  /* Without links made by users the stored match is the answer, counted in
   * SQL; otherwise every observation is read with its corrections. */
  stmt = ct_store_prepare (self,
    "SELECT EXISTS (SELECT 1 FROM alias) OR EXISTS (SELECT 1 FROM correction"
    " WHERE field IN (?1, ?2))", error);
  if (stmt == NULL)
    return NULL;
  ct_db_bind_int (stmt, 1, CT_CORRECTION_INDICATOR);
  ct_db_bind_int (stmt, 2, CT_CORRECTION_NOT_INDICATOR);
  if (ct_db_step (stmt) == CT_DB_ROW)
    links = ct_db_column_int (stmt, 0) != 0;
  ct_db_reset (stmt);

  if (!links)
    {
      stmt = ct_store_prepare (self,
        "SELECT i.code, count(*) FROM observation o JOIN indicator i ON i.id = o.indicator_id"
        " GROUP BY i.code", error);
      if (stmt == NULL)
        return NULL;
      while ((rc = ct_db_step (stmt)) == CT_DB_ROW)
        g_hash_table_insert (counts, ct_store_column_text (stmt, 0),
                             GUINT_TO_POINTER (ct_db_column_int (stmt, 1)));
      ct_db_reset (stmt);
      if (rc != CT_DB_DONE)
        {
          ct_store_set_error (self, error);
          return NULL;
        }
    }
  else
    {
      g_autoptr(GPtrArray) all = ct_store_query_figures (self,
        "SELECT " CT_STORE_OBSERVATION_COLUMNS " FROM observation o"
        " JOIN report r ON r.id = o.report_id LEFT JOIN indicator i ON i.id = o.indicator_id",
        NULL, NULL, error);

      if (all == NULL)
        return NULL;
      for (guint i = 0; i < all->len; i++)
        {
          CtStoredObservation *so = g_ptr_array_index (all, i);
          guint c;

          if (so->indicator_code == NULL)
            continue;
          c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, so->indicator_code));
          g_hash_table_insert (counts, g_strdup (so->indicator_code), GUINT_TO_POINTER (c + 1));
        }
    }
  for (guint i = 0; i < n; i++)
    {
      const CtIndicator *ind = ct_catalog_get_indicator (ct_store_get_catalog (self), i);
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, ind->code));
      CtIndicatorInfo *info;

      if (only_observed && c == 0)
        continue;
      info = indicator_info_new (self, ind);
      info->n_observations = c;
      g_ptr_array_add (list, info);
    }
  return g_steal_pointer (&list);
}

CtIndicatorInfo *
ct_store_find_indicator (CtStore      *self,
                         const gchar  *code_or_name,
                         GError      **error)
{
  const CtIndicator *ind = ct_catalog_find (ct_store_get_catalog (self), code_or_name);
  g_autoptr(GPtrArray) candidates = NULL;

  if (ind == NULL && code_or_name != NULL &&
      (candidates = ct_catalog_find_candidates (ct_store_get_catalog (self), code_or_name))->len > 1)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < candidates->len; i++)
        {
          const CtIndicator *c = g_ptr_array_index (candidates, i);

          g_string_append_printf (list, "\n  %s  %s (%s)", c->code, c->name, c->unit);
        }
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                   _("“%s” could be several indicators; give the code or the full name of one:%s"),
                   code_or_name, list->str);
      return NULL;
    }
  if (ind == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                   _("No indicator is called “%s”. “chitieu compare” without "
                     "--indicator lists them all."),
                   code_or_name);
      return NULL;
    }
  return indicator_info_new (self, ind);
}

/* ------------------------------------------------------------------ */

static CtStoredObservation *
read_observation (CtStore      *self,
                  CtDbStmt *stmt)
{
  CtStoredObservation *so = g_new0 (CtStoredObservation, 1);
  CtObservation *obs = ct_observation_new ();

  so->id = ct_db_column_int64 (stmt, 0);
  so->report_id = ct_db_column_int64 (stmt, 1);
  so->obs = obs;
  obs->kind = ct_db_column_int (stmt, 2) == CT_KIND_TARGET ? CT_KIND_TARGET : CT_KIND_ACHIEVEMENT;
  obs->label = ct_store_column_text (stmt, 3);
  /* Where a section row gives the path, fill_sections() writes it. */
  obs->section = ct_store_column_text (stmt, 4);
  if (obs->section == NULL && !ct_db_column_is_null (stmt, 25) && ct_db_column_int (stmt, 25) < 0)
    obs->section = g_strdup ("");
  obs->value = ct_store_column_double (stmt, 5);
  obs->value_high = ct_store_column_double (stmt, 6);
  obs->qualifier = ct_store_column_text (stmt, 7);
  obs->unit = ct_store_column_text (stmt, 8);
  obs->plan = ct_store_column_double (stmt, 9);
  obs->basis = ct_db_column_is_null (stmt, 10)
               ? CT_BASIS_NONE
               : ct_basis_from_string (ct_db_column_text (stmt, 10));
  obs->rate = ct_store_column_double (stmt, 11);
  obs->rate_computed = ct_store_column_double (stmt, 12);
  obs->yoy = ct_store_column_double (stmt, 13);
  obs->status = ct_store_column_text (stmt, 14);
  obs->flags = ct_db_column_int (stmt, 15);
  obs->start = ct_db_column_int64 (stmt, 16);
  obs->end = ct_db_column_int64 (stmt, 17);
  obs->line = ct_db_column_int (stmt, 18);
  so->indicator_code = ct_store_column_text (stmt, 19);
  so->words = -1;
  if (!ct_db_column_is_null (stmt, 26) && !ct_db_column_is_null (stmt, 27))
    {
      CtQualifierTable *table = ct_qualifier_table_get_default (NULL);

      /* Words another table read are read again from the text. */
      if (table != NULL && ct_db_column_int64 (stmt, 27) == ct_qualifier_table_get_version (table))
        so->words = ct_db_column_int64 (stmt, 26);
    }
  if (so->indicator_code == NULL && ct_catalog_has_user_aliases (ct_store_get_catalog (self)))
    {
      /* A label the user linked after this report was imported. */
      CtCatalog *catalog = ct_store_get_catalog (self);
      const CtIndicator *ind = ct_catalog_lookup_user_alias (catalog, ct_catalog_fold_label (catalog, obs->label));

      if (ind != NULL)
        so->indicator_code = g_strdup (ind->code);
    }
  return so;
}

/* Fills names and the values in the indicator's unit. */
static void
finish_observation (CtStore             *self,
                    CtStoredObservation *so)
{
  const CtIndicator *ind = ct_catalog_lookup (ct_store_get_catalog (self), so->indicator_code);

  g_clear_pointer (&so->indicator_name, g_free);
  g_clear_pointer (&so->sector, g_free);
  g_clear_pointer (&so->unit_normalized, g_free);
  if (ind != NULL)
    {
      so->indicator_name = g_strdup (ind->name);
      so->sector = g_strdup (ind->sector);
      so->unit_normalized = g_strdup (ind->unit);
      so->value_normalized = ct_catalog_convert (so->obs->value, so->obs->unit, ind->unit);
      so->plan_normalized = ct_catalog_convert (so->obs->plan, so->obs->unit, ind->unit);
    }
  else
    {
      so->unit_normalized = g_strdup (so->obs->unit);
      so->value_normalized = so->obs->value;
      so->plan_normalized = so->obs->plan;
    }
}

/* A report's section paths by idx, as ct_document_section_path() wrote
 * them at import. */
static GPtrArray *
read_section_paths (CtStore  *self,
                    gint64    report_id,
                    GError  **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  CtDbStmt *stmt = ct_store_prepare (self,
    "SELECT idx, parent, label, title FROM section WHERE report_id = ?1 ORDER BY idx", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  ct_db_bind_int64 (stmt, 1, report_id);
  while ((rc = ct_db_step (stmt)) == CT_DB_ROW)
    {
      const gchar *label = ct_db_column_text (stmt, 2);
      const gchar *title = ct_db_column_text (stmt, 3);
      gint idx = ct_db_column_int (stmt, 0);
      gint parent = ct_db_column_is_null (stmt, 1) ? -1 : ct_db_column_int (stmt, 1);

      /* idx runs 0, 1, 2 … in a report the import wrote. */
      if (idx != (gint) parents->len)
        break;
      g_array_append_val (parents, parent);
      if (title == NULL)
        title = "";
      g_ptr_array_add (names, label != NULL && *label != '\0'
                              ? g_strconcat (label, " ", title, NULL) : g_strdup (title));
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE && rc != CT_DB_ROW)
    {
      ct_store_set_error (self, error);
      return NULL;
    }
  for (guint i = 0; i < parents->len; i++)
    {
      GString *path = g_string_new (NULL);
      g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint));

      /* Innermost first, a loop cut as the document's own path cuts it. */
      for (gint s = i; s >= 0 && (guint) s < parents->len && chain->len <= parents->len;
           s = g_array_index (parents, gint, s))
        g_array_append_val (chain, s);
      for (guint k = chain->len; k > 0; k--)
        {
          if (k < chain->len)
            g_string_append (path, " › ");
          g_string_append (path, g_ptr_array_index (names, g_array_index (chain, gint, k - 1)));
        }
      g_ptr_array_add (paths, g_string_free (path, FALSE));
    }
  return g_steal_pointer (&paths);
}

/* Section paths for the observations named by idx (sections[i] for
 * list[i], -1 when the row had its path or none), read once per report. */
static gboolean
fill_sections (CtStore    *self,
               GPtrArray  *list,
               GArray     *sections,
               GError    **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  gint64 paths_report = 0;

  for (guint i = 0; i < list->len; i++)
    {
      CtStoredObservation *so = g_ptr_array_index (list, i);
      gint idx = g_array_index (sections, gint, i);

      if (idx < 0)
        continue;
      if (paths == NULL || paths_report != so->report_id)
        {
          g_clear_pointer (&paths, g_ptr_array_unref);
          paths = read_section_paths (self, so->report_id, error);
          if (paths == NULL)
            return FALSE;
          paths_report = so->report_id;
        }
      if ((guint) idx < paths->len)
        so->obs->section = g_strdup (g_ptr_array_index (paths, idx));
    }
  return TRUE;
}

static GPtrArray *
query_observations (CtStore         *self,
                    const gchar     *sql,
                    CtStoreBindFunc  bind,
                    gpointer         bind_data,
                    gboolean         with_sections,
                    GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_stored_observation_free);
  g_autoptr(GHashTable) corrections = ct_store_load_corrections (self, error);
  g_autoptr(GArray) sections = g_array_new (FALSE, FALSE, sizeof (gint));
  CtDbStmt *stmt;
  int rc;

  if (corrections == NULL)
    return NULL;
  stmt = ct_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (bind != NULL)
    bind (stmt, bind_data);
  while ((rc = ct_db_step (stmt)) == CT_DB_ROW)
    {
      CtStoredObservation *so = read_observation (self, stmt);
      GPtrArray *mine = g_hash_table_lookup (corrections, &so->id);
      gint section = so->obs->section == NULL && !ct_db_column_is_null (stmt, 25)
                     ? ct_db_column_int (stmt, 25) : -1;

      if (mine != NULL)
        ct_store_apply_corrections (so, mine);
      finish_observation (self, so);
      g_ptr_array_add (list, so);
      g_array_append_val (sections, section);
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return NULL;
    }
  if (with_sections && !fill_sections (self, list, sections, error))
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
ct_store_query_observations (CtStore         *self,
                             const gchar     *sql,
                             CtStoreBindFunc  bind,
                             gpointer         bind_data,
                             GError         **error)
{
  return query_observations (self, sql, bind, bind_data, TRUE, error);
}

GPtrArray *
ct_store_query_figures (CtStore         *self,
                        const gchar     *sql,
                        CtStoreBindFunc  bind,
                        gpointer         bind_data,
                        GError         **error)
{
  return query_observations (self, sql, bind, bind_data, FALSE, error);
}

static void
bind_one_id (CtDbStmt *stmt,
             gpointer      data)
{
  ct_db_bind_int64 (stmt, 1, *(gint64 *) data);
}

GPtrArray *
ct_store_list_observations (CtStore  *self,
                            gint64    report_id,
                            GError  **error)
{
  return ct_store_query_observations (self,
    "SELECT " CT_STORE_OBSERVATION_COLUMNS " FROM observation o"
    " JOIN report r ON r.id = o.report_id LEFT JOIN indicator i ON i.id = o.indicator_id"
    " WHERE o.report_id = ?1 ORDER BY o.seq", bind_one_id, &report_id, error);
}

CtStoredObservation *
ct_store_get_observation (CtStore  *self,
                          gint64    observation_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) list = ct_store_query_observations (self,
    "SELECT " CT_STORE_OBSERVATION_COLUMNS " FROM observation o"
    " JOIN report r ON r.id = o.report_id LEFT JOIN indicator i ON i.id = o.indicator_id"
    " WHERE o.id = ?1", bind_one_id, &observation_id, error);

  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                   _("Observation %lld is not in the library; "
                     "its report may have been removed."), (long long) observation_id);
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

/* The page whose first line is the last at or before the span's line. */
guint
ct_source_span_get_page (const CtSourceSpan *span)
{
  g_auto(GStrv) firsts = NULL;
  guint page = 0;

  g_return_val_if_fail (span != NULL, 0);
  if (span->page_lines == NULL || *span->page_lines == '\0')
    return 0;
  firsts = g_strsplit (span->page_lines, ",", -1);
  for (guint i = 0; firsts[i] != NULL; i++)
    {
      guint64 first = 0;

      if (!g_ascii_string_to_unsigned (firsts[i], 10, 1, G_MAXUINT, &first, NULL) || first > span->line)
        break;
      page = i + 1;
    }
  return page;
}

CtSourceSpan *
ct_store_get_source (CtStore  *self,
                     gint64    observation_id,
                     GError  **error)
{
  g_autoptr(CtStoredObservation) so = ct_store_get_observation (self, observation_id, error);
  g_autoptr(CtSourceSpan) span = NULL;
  CtDbStmt *stmt;
  int rc;

  if (so == NULL)
    return NULL;

  stmt = ct_store_prepare (self, "SELECT r.source_name, ct_unpack (t.text), r.page_lines FROM report r"
    " JOIN report_text t ON t.report_id = r.id WHERE r.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  ct_db_bind_int64 (stmt, 1, so->report_id);
  if (ct_db_step (stmt) != CT_DB_ROW)
    {
      ct_db_reset (stmt);
      ct_store_set_error (self, error);
      return NULL;
    }
  span = g_new0 (CtSourceSpan, 1);
  span->observation_id = observation_id;
  span->report_id = so->report_id;
  span->source_name = ct_store_column_text (stmt, 0);
  span->text_len = ct_db_column_bytes (stmt, 1);
  span->text = g_strndup (ct_db_column_text (stmt, 1), span->text_len);
  span->page_lines = ct_db_column_is_null (stmt, 2) ? NULL : g_strdup (ct_db_column_text (stmt, 2));
  ct_db_reset (stmt);

  span->start = MIN (so->obs->start, span->text_len);
  span->end = CLAMP (so->obs->end, span->start, span->text_len);
  span->line = so->obs->line;
  span->section = g_strdup (so->obs->section);
  /* Blocks are separated by one '\n' in the normalised text. */
  span->block_start = span->start;
  while (span->block_start > 0 && span->text[span->block_start - 1] != '\n')
    span->block_start--;
  span->block_end = span->end;
  while (span->block_end < span->text_len && span->text[span->block_end] != '\n')
    span->block_end++;

  span->siblings = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = ct_store_prepare (self,
    "SELECT id FROM observation WHERE report_id = ?1 AND start >= ?2 AND start < ?3"
    " AND id != ?4 ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  ct_db_bind_int64 (stmt, 1, so->report_id);
  ct_db_bind_int64 (stmt, 2, span->block_start);
  ct_db_bind_int64 (stmt, 3, MAX (span->block_end, span->block_start + 1));
  ct_db_bind_int64 (stmt, 4, observation_id);
  while ((rc = ct_db_step (stmt)) == CT_DB_ROW)
    {
      gint64 id = ct_db_column_int64 (stmt, 0);
      g_array_append_val (span->siblings, id);
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&span);
}
