/* ct-store-import.c: read → extract → one transaction per report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-catalog-qualifier.h"
#include "ct-error.h"
#include "ct-extract.h"
#include "ct-i18n.h"
#include "ct-reader.h"
#include "ct-text.h"

#include <string.h>

CtImportOptions *
ct_import_options_new (void)
{
  return g_new0 (CtImportOptions, 1);
}

CtImportOptions *
ct_import_options_copy (const CtImportOptions *options)
{
  CtImportOptions *copy = g_new0 (CtImportOptions, 1);

  if (options == NULL)
    return copy;
  copy->locality = g_strdup (options->locality);
  copy->level = g_strdup (options->level);
  copy->province = g_strdup (options->province);
  copy->year = options->year;
  copy->period = g_strdup (options->period);
  copy->replace = options->replace;
  return copy;
}

void
ct_import_options_free (CtImportOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->locality);
  g_free (options->level);
  g_free (options->province);
  g_free (options->period);
  g_free (options);
}

void
ct_import_result_free (CtImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_free (result->source_name);
  g_free (result->locality);
  g_free (result->level);
  g_free (result->province);
  g_free (result->period);
  g_free (result->conflict_source);
  g_clear_error (&result->error);
  g_free (result);
}

const gchar *
ct_import_status_to_string (CtImportStatus status)
{
  switch (status)
    {
    case CT_IMPORT_NEW:
      return "new";
    case CT_IMPORT_UNCHANGED:
      return "unchanged";
    case CT_IMPORT_CONFLICT:
      return "conflict";
    case CT_IMPORT_REPLACED:
      return "replaced";
    case CT_IMPORT_FAILED:
      return "failed";
    default:
      return "unknown";
    }
}

/* An override wins when given; otherwise the reader's guess. */
static gchar *
pick (const gchar       *override,
      const CtMetaField *guess)
{
  if (override != NULL && *override != '\0')
    return g_strstrip (g_strdup (override));
  if (guess->value != NULL && *guess->value != '\0')
    return g_strstrip (g_strdup (guess->value));
  return NULL;
}

static gboolean
resolve_metadata (CtImportResult         *result,
                  const CtDocument       *doc,
                  const CtImportOptions  *options,
                  GError                **error)
{
  CtImportOptions none = { 0 };

  if (options == NULL)
    options = &none;

  result->locality = pick (options->locality, &doc->meta.locality);
  result->level = pick (options->level, &doc->meta.level);
  result->province = pick (options->province, &doc->meta.province);
  result->period = pick (options->period, &doc->meta.period);
  if (options->year > 0)
    result->year = options->year;
  else if (doc->meta.year.value != NULL)
    result->year = (gint) g_ascii_strtoll (doc->meta.year.value, NULL, 10);

  if (result->locality == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_MISSING_METADATA,
                   _("“%s” does not say which locality it reports on: give the locality and its province."),
                   doc->source_name);
      return FALSE;
    }
  if (result->year < 1900 || result->year > 2200)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_MISSING_METADATA,
                   _("“%s” does not say which year it reports on: give the year."),
                   doc->source_name);
      return FALSE;
    }
  /* Two Châu Thành districts without a province would be one locality. */
  if (result->province == NULL && options->locality == NULL && doc->meta.province_choices != NULL)
    {
      g_autofree gchar *choices = g_strjoinv (", ", doc->meta.province_choices);

      g_set_error (error, CT_ERROR, CT_ERROR_MISSING_METADATA,
                   _("“%s” reports on %s, a name in several provinces (%s): give its province."),
                   doc->source_name, result->locality, choices);
      return FALSE;
    }
  if (result->level == NULL)
    result->level = g_strdup ("");
  if (result->period == NULL)
    result->period = g_strdup ("");
  return TRUE;
}

static gint64
find_or_add_locality (CtStore         *self,
                      CtImportResult  *result,
                      GError         **error)
{
  g_autofree gchar *name_folded = ct_store_fold_key (result->locality);
  g_autofree gchar *province_folded = ct_store_fold_key (result->province);
  CtDbStmt *stmt;
  gint64 id = 0;
  g_autofree gchar *known_province = NULL;
  g_autofree gchar *known_level = NULL;

  stmt = ct_store_prepare (self,
    "SELECT id, province, level FROM locality WHERE name_folded = ?1"
    " AND (province_folded = ?2 OR ?2 = '' OR province_folded = '')"
    " ORDER BY province_folded = ?2 DESC, id LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  ct_store_bind_text (stmt, 1, name_folded);
  ct_store_bind_text (stmt, 2, province_folded);
  if (ct_db_step (stmt) == CT_DB_ROW)
    {
      id = ct_db_column_int64 (stmt, 0);
      known_province = ct_store_column_text (stmt, 1);
      known_level = ct_store_column_text (stmt, 2);
    }
  ct_db_reset (stmt);

  if (id != 0)
    {
      /* Fill in what the first report did not say; keep what it did. */
      if (*province_folded != '\0' && g_strcmp0 (known_province, "") == 0)
        {
          stmt = ct_store_prepare (self,
            "UPDATE locality SET province = ?2, province_folded = ?3 WHERE id = ?1", error);
          if (stmt == NULL)
            return 0;
          ct_db_bind_int64 (stmt, 1, id);
          ct_store_bind_text (stmt, 2, result->province);
          ct_store_bind_text (stmt, 3, province_folded);
          if (!ct_store_step_done (self, stmt, error))
            return 0;
        }
      else if (*province_folded == '\0' && known_province != NULL && *known_province != '\0')
        {
          g_free (result->province);
          result->province = g_strdup (known_province);
        }
      if (*result->level != '\0' && g_strcmp0 (known_level, "") == 0)
        {
          stmt = ct_store_prepare (self, "UPDATE locality SET level = ?2 WHERE id = ?1", error);
          if (stmt == NULL)
            return 0;
          ct_db_bind_int64 (stmt, 1, id);
          ct_store_bind_text (stmt, 2, result->level);
          if (!ct_store_step_done (self, stmt, error))
            return 0;
        }
      else if (*result->level == '\0' && known_level != NULL)
        {
          g_free (result->level);
          result->level = g_strdup (known_level);
        }
      return id;
    }

  stmt = ct_store_prepare (self,
    "INSERT INTO locality (name, name_folded, level, province, province_folded)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  ct_store_bind_text (stmt, 1, result->locality);
  ct_store_bind_text (stmt, 2, name_folded);
  ct_store_bind_text (stmt, 3, result->level);
  ct_store_bind_text (stmt, 4, result->province != NULL ? result->province : "");
  ct_store_bind_text (stmt, 5, province_folded);
  if (!ct_store_step_done (self, stmt, error))
    return 0;
  return ct_db_last_insert_id (self->db);
}

static gboolean
count_report (CtStore         *self,
              CtImportResult  *result,
              GError         **error)
{
  CtDbStmt *stmt = ct_store_prepare (self,
    "SELECT count(*), count(indicator_id) FROM observation WHERE report_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  ct_db_bind_int64 (stmt, 1, result->report_id);
  if (ct_db_step (stmt) == CT_DB_ROW)
    {
      result->n_observations = ct_db_column_int (stmt, 0);
      result->n_matched = ct_db_column_int (stmt, 1);
    }
  ct_db_reset (stmt);
  return TRUE;
}

/* Looks up the report with the same bytes: UNCHANGED. */
static gboolean
find_same_bytes (CtStore          *self,
                 const CtDocument *doc,
                 CtImportResult   *result,
                 GError          **error)
{
  CtDbStmt *stmt = ct_store_prepare (self,
    "SELECT r.id, l.name, l.level, l.province, r.year, r.period, r.source_name"
    " FROM report r JOIN locality l ON l.id = r.locality_id WHERE r.sha256 = ?1", error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  ct_store_bind_text (stmt, 1, doc->sha256);
  if (ct_db_step (stmt) == CT_DB_ROW)
    {
      found = TRUE;
      result->report_id = ct_db_column_int64 (stmt, 0);
      /* Report what is stored, not what this attempt would have used. */
      g_free (result->locality);
      result->locality = ct_store_column_text (stmt, 1);
      g_free (result->level);
      result->level = ct_store_column_text (stmt, 2);
      g_free (result->province);
      result->province = ct_store_column_text (stmt, 3);
      result->year = ct_db_column_int (stmt, 4);
      g_free (result->period);
      result->period = ct_store_column_text (stmt, 5);
      g_free (result->conflict_source);
      result->conflict_source = ct_store_column_text (stmt, 6);
    }
  ct_db_reset (stmt);
  return found;
}

static gboolean
insert_sections (CtStore          *self,
                 gint64            report_id,
                 const CtDocument *doc,
                 GError          **error)
{
  for (guint i = 0; i < doc->sections->len; i++)
    {
      const CtSection *s = &g_array_index (doc->sections, CtSection, i);
      const CtBlock *b = ct_document_get_block (doc, s->block);
      CtDbStmt *stmt = ct_store_prepare (self,
        "INSERT INTO section (report_id, idx, parent, label, title, level, part, line)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

      if (stmt == NULL)
        return FALSE;
      ct_db_bind_int64 (stmt, 1, report_id);
      ct_db_bind_int (stmt, 2, i);
      if (s->parent >= 0)
        ct_db_bind_int (stmt, 3, s->parent);
      ct_store_bind_text (stmt, 4, s->label);
      ct_store_bind_text (stmt, 5, s->title);
      ct_db_bind_int (stmt, 6, s->level);
      ct_store_bind_text (stmt, 7, s->part == CT_PART_TARGETS ? "targets" : "results");
      ct_db_bind_int (stmt, 8, b != NULL ? (int) b->line : 0);
      if (!ct_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A stable key of an observation across re-imports and re-extractions: its
 * paragraph (NFC text as the reader normalised it) and its folded label,
 * hashed. The occurrence number of the key within the report completes it.
 * @block_sum has hashed the paragraph once; each observation continues a
 * copy of it, so a long paragraph with many figures costs its length once,
 * not once per figure. */
static gchar *
make_anchor (GChecksum   *block_sum,
             const gchar *label_folded)
{
  g_autoptr(GChecksum) sum = g_checksum_copy (block_sum);

  g_checksum_update (sum, (const guchar *) "\x1f", 1);
  g_checksum_update (sum, (const guchar *) (label_folded != NULL ? label_folded : ""), -1);
  return g_strndup (g_checksum_get_string (sum), CT_STORE_ANCHOR_DIGITS);
}

/* Each section's path (ct_document_section_path()) → its idx, the first
 * of equal ones: an observation names its section by idx, and the path is
 * rebuilt from the section table when read. */
static GHashTable *
section_indexes (const CtDocument *doc)
{
  GHashTable *paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_insert (paths, g_strdup (""), GINT_TO_POINTER (-1));
  for (guint i = 0; i < doc->sections->len; i++)
    {
      gchar *path = ct_document_section_path (doc, i);

      if (g_hash_table_contains (paths, path))
        g_free (path);
      else
        g_hash_table_insert (paths, path, GINT_TO_POINTER (i));
    }
  return paths;
}

static void
bind_section (CtDbStmt            *stmt,
              GHashTable          *paths,
              const CtObservation *obs)
{
  gpointer idx;

  /* A path no section gives (none is known) stays text. */
  if (obs->section != NULL && g_hash_table_lookup_extended (paths, obs->section, NULL, &idx))
    ct_db_bind_int (stmt, 6, GPOINTER_TO_INT (idx));
  else
    ct_store_bind_text (stmt, 7, obs->section);
}

static gboolean
insert_observations (CtStore           *self,
                     gint64             report_id,
                     const CtDocument  *doc,
                     GPtrArray         *observations,
                     const CtStoreRows *rows,
                     CtImportResult    *result,
                     GCancellable      *cancellable,
                     GError           **error)
{
  g_autoptr(GHashTable) ordinals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GChecksum) block_sum = NULL;
  g_autoptr(GHashTable) paths = section_indexes (doc);
  gint folded_block = -2;

  for (guint i = 0; i < observations->len; i++)
    {
      const CtObservation *obs = g_ptr_array_index (observations, i);
      const CtIndicator *ind;
      const gchar *label_folded = ct_catalog_fold_label (ct_store_get_catalog (self), obs->label);
      gint64 words = g_array_index (rows->words, gint64, i);
      g_autofree gchar *anchor = NULL;
      gint block = ct_document_block_at (doc, obs->start);
      guint ordinal;
      CtDbStmt *stmt;

      if ((i & 255) == 255 && ct_store_check_cancelled (cancellable, error))
        return FALSE;

      if (block != folded_block)
        {
          const CtBlock *b = block >= 0 ? ct_document_get_block (doc, block) : NULL;

          g_clear_pointer (&block_sum, g_checksum_free);
          block_sum = g_checksum_new (G_CHECKSUM_SHA1);
          if (b != NULL)
            g_checksum_update (block_sum, (const guchar *) doc->text + b->start, b->end - b->start);
          folded_block = block;
        }
      anchor = make_anchor (block_sum, label_folded);
      ordinal = GPOINTER_TO_UINT (g_hash_table_lookup (ordinals, anchor));
      g_hash_table_insert (ordinals, g_strdup (anchor), GUINT_TO_POINTER (ordinal + 1));

      ind = ct_catalog_match (ct_store_get_catalog (self), obs->label, obs->unit);

      stmt = ct_store_prepare (self,
        "INSERT INTO observation (report_id, seq, indicator_id, kind, label, section_idx,"
        " section, value, value_high, qualifier, unit, plan, basis, rate, rate_computed,"
        " yoy, status, flags, start, \"end\", line, anchor, ordinal, words)"
        " VALUES (?1, ?2, (SELECT id FROM indicator WHERE code = ?3), ?4, ?5, ?6, ?7, ?8,"
        " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)", error);
      if (stmt == NULL)
        return FALSE;
      ct_db_bind_int64 (stmt, 1, report_id);
      ct_db_bind_int (stmt, 2, i);
      ct_store_bind_text (stmt, 3, ind != NULL ? ind->code : NULL);
      ct_db_bind_int (stmt, 4, obs->kind);
      ct_store_bind_text (stmt, 5, obs->label);
      bind_section (stmt, paths, obs);
      ct_store_bind_double (stmt, 8, obs->value);
      ct_store_bind_double (stmt, 9, obs->value_high);
      ct_store_bind_text (stmt, 10, obs->qualifier);
      ct_store_bind_text (stmt, 11, obs->unit);
      ct_store_bind_double (stmt, 12, obs->plan);
      ct_store_bind_text (stmt, 13, obs->basis != CT_BASIS_NONE ? ct_basis_to_string (obs->basis) : NULL);
      ct_store_bind_double (stmt, 14, obs->rate);
      ct_store_bind_double (stmt, 15, obs->rate_computed);
      ct_store_bind_double (stmt, 16, obs->yoy);
      ct_store_bind_text (stmt, 17, obs->status);
      ct_db_bind_int (stmt, 18, obs->flags);
      ct_db_bind_int64 (stmt, 19, obs->start);
      ct_db_bind_int64 (stmt, 20, obs->end);
      ct_db_bind_int (stmt, 21, obs->line);
      ct_db_bind_int64 (stmt, 22, ct_store_anchor_key (anchor));
      ct_db_bind_int (stmt, 23, ordinal);
      if (words >= 0)
        ct_db_bind_int64 (stmt, 24, words);
      if (!ct_store_step_done (self, stmt, error))
        return FALSE;
      result->n_observations++;
      if (ind != NULL)
        result->n_matched++;
    }
  return TRUE;
}

/* The report's counts, once its figures are in (CT_STORE_COUNT_FIGURES). */
static gboolean
count_figures (CtStore  *self,
               gint64    report_id,
               GError  **error)
{
  CtDbStmt *stmt = ct_store_prepare (self,
    CT_STORE_COUNT_FIGURES " WHERE report_id = ?1 GROUP BY report_id", error);

  if (stmt == NULL)
    return FALSE;
  ct_db_bind_int64 (stmt, 1, report_id);
  return ct_store_step_done (self, stmt, error);
}

/* The first line of each page, "1,48,97"; NULL for formats without pages. */
static gchar *
join_page_lines (const CtDocument *doc)
{
  GString *joined;

  if (doc->page_lines == NULL || doc->page_lines->len == 0)
    return NULL;
  joined = g_string_new (NULL);
  for (guint i = 0; i < doc->page_lines->len; i++)
    g_string_append_printf (joined, "%s%u", i > 0 ? "," : "", g_array_index (doc->page_lines, guint, i));
  return g_string_free (joined, FALSE);
}

static gboolean
insert_report (CtStore          *self,
               const CtDocument *doc,
               CtStoreRows      *rows,
               CtImportResult   *result,
               gint64            locality_id,
               GError          **error)
{
  g_autofree gchar *period_folded = ct_store_fold_key (result->period);
  g_autofree gchar *now = ct_store_now_iso ();
  g_autofree gchar *source_name = ct_store_source_display_name (doc->source_name);
  g_autofree gchar *page_lines = join_page_lines (doc);
  CtDbStmt *stmt = ct_store_prepare (self,
    "INSERT INTO report (locality_id, year, period, period_folded, title, issuer,"
    " report_date, source_name, sha256, format, imported_at, page_lines, words_version)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  CtQualifierTable *table = ct_qualifier_table_get_default (NULL);

  if (stmt == NULL)
    return FALSE;
  ct_db_bind_int64 (stmt, 1, locality_id);
  ct_db_bind_int (stmt, 2, result->year);
  ct_store_bind_text (stmt, 3, result->period);
  ct_store_bind_text (stmt, 4, period_folded);
  ct_store_bind_text (stmt, 5, doc->meta.title.value);
  ct_store_bind_text (stmt, 6, doc->meta.issuer.value);
  ct_store_bind_text (stmt, 7, doc->meta.date.value);
  ct_store_bind_text (stmt, 8, source_name);
  ct_store_bind_text (stmt, 9, doc->sha256);
  ct_store_bind_text (stmt, 10, ct_file_format_to_string (doc->format));
  ct_store_bind_text (stmt, 11, now);
  ct_store_bind_text (stmt, 12, page_lines);
  if (table != NULL)
    ct_db_bind_int64 (stmt, 13, ct_qualifier_table_get_version (table));
  if (!ct_store_step_done (self, stmt, error))
    return FALSE;
  result->report_id = ct_db_last_insert_id (self->db);

  stmt = ct_store_prepare (self, "INSERT INTO report_text (report_id, text) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  ct_db_bind_int64 (stmt, 1, result->report_id);
  if (ct_db_get_kind (self->db) == CT_DB_POSTGRESQL)
    ct_db_bind_text (stmt, 2, doc->text, doc->text_len);
  else if (!ct_store_bind_packed_blob (stmt, 2, g_steal_pointer (&rows->packed), rows->packed_size))
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  if (!ct_store_step_done (self, stmt, error))
    return FALSE;
  return TRUE;
}

/* The report already in the slot (locality, year, period), if any. */
static gint64
find_slot (CtStore         *self,
           gint64           locality_id,
           CtImportResult  *result,
           GError         **error)
{
  g_autofree gchar *period_folded = ct_store_fold_key (result->period);
  CtDbStmt *stmt = ct_store_prepare (self,
    "SELECT id, source_name FROM report WHERE locality_id = ?1 AND year = ?2"
    " AND period_folded = ?3", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  ct_db_bind_int64 (stmt, 1, locality_id);
  ct_db_bind_int (stmt, 2, result->year);
  ct_store_bind_text (stmt, 3, period_folded);
  if (ct_db_step (stmt) == CT_DB_ROW)
    {
      id = ct_db_column_int64 (stmt, 0);
      g_free (result->conflict_source);
      result->conflict_source = ct_store_column_text (stmt, 1);
    }
  ct_db_reset (stmt);
  return id;
}

/* Stored metadata of the same bytes, with the overrides given on top. */
static void
apply_overrides (CtImportResult        *result,
                 const CtImportOptions *options)
{
  if (options->locality != NULL && *options->locality != '\0')
    {
      g_free (result->locality);
      result->locality = g_strstrip (g_strdup (options->locality));
    }
  if (options->level != NULL && *options->level != '\0')
    {
      g_free (result->level);
      result->level = g_strstrip (g_strdup (options->level));
    }
  if (options->province != NULL && *options->province != '\0')
    {
      g_free (result->province);
      result->province = g_strstrip (g_strdup (options->province));
    }
  if (options->period != NULL && *options->period != '\0')
    {
      g_free (result->period);
      result->period = g_strstrip (g_strdup (options->period));
    }
  if (options->year > 0)
    result->year = options->year;
}

/* A document is written in a transaction of its own, or, inside a batch
 * of ct_store_import_files(), in a savepoint of the batch's transaction:
 * either way a document that fails leaves nothing behind. */
static gboolean
document_begin (CtStore  *self,
                GError  **error)
{
  if (!self->in_batch)
    return ct_store_begin (self, error);
  self->fts_mark = self->fts_pending->len;
  self->fts_mark_text = self->fts_pending_text->len;
  return ct_store_exec (self, "SAVEPOINT document", error);
}

/* The document's full-text rows waiting for the batch's end go with it. */
static void
document_rollback (CtStore *self)
{
  ct_db_exec (self->db, self->in_batch ? "ROLLBACK TO document; RELEASE document" : "ROLLBACK");
  if (self->in_batch)
    {
      g_array_set_size (self->fts_pending, self->fts_mark);
      g_string_truncate (self->fts_pending_text, self->fts_mark_text);
    }
}

CtImportResult *
ct_store_import_document (CtStore                *self,
                          CtDocument             *doc,
                          GPtrArray              *observations,
                          const CtImportOptions  *options,
                          GCancellable           *cancellable,
                          GError                **error)
{
  return ct_store_import_prepared (self, doc, observations, NULL, options, cancellable, error);
}

CtImportResult *
ct_store_import_prepared (CtStore                *self,
                          CtDocument             *doc,
                          GPtrArray              *observations,
                          CtStoreRows            *rows,
                          const CtImportOptions  *options,
                          GCancellable           *cancellable,
                          GError                **error)
{
  g_autoptr(CtImportResult) result = g_new0 (CtImportResult, 1);
  g_autoptr(GPtrArray) extracted = NULL;
  g_autoptr(CtStoreRows) own_rows = NULL;
  g_autoptr(CtImportResult) probe = g_new0 (CtImportResult, 1);
  gboolean replace = options != NULL && options->replace;
  GError *local = NULL;
  gint64 locality_id, existing;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (doc != NULL, NULL);

  result->source_name = g_strdup (doc->source_name);
  result->status = CT_IMPORT_NEW;

  /* The same bytes again need no metadata: they are already stored. With
   * replace they are extracted again (after an upgrade of the extractor),
   * keeping their metadata unless overridden, and their corrections. */
  if (find_same_bytes (self, doc, result, &local))
    {
      if (!replace)
        {
          result->status = CT_IMPORT_UNCHANGED;
          if (!count_report (self, result, error))
            return NULL;
          return g_steal_pointer (&result);
        }
      apply_overrides (result, options);
      g_clear_pointer (&result->conflict_source, g_free);
      result->report_id = 0;
    }
  else if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  else if (!resolve_metadata (result, doc, options, error))
    return NULL;
  if (ct_store_check_cancelled (cancellable, error))
    return NULL;

  /* Extraction runs outside the transaction: the write lock is held only
   * while rows are written. */
  if (observations == NULL)
    {
      extracted = ct_extractor_run (ct_extractor_get_default (), doc);
      observations = extracted;
    }
  if (rows == NULL)
    {
      own_rows = ct_store_rows_new (doc, observations, ct_db_get_kind (self->db));
      rows = own_rows;
    }
  if (ct_store_check_cancelled (cancellable, error))
    return NULL;

  /* Replacing deletes a report's full-text rows, which must be in the
   * index by then, and this document's savepoint may roll the deletion
   * back: the rows held back are written before it begins. */
  if (replace && self->in_batch && !ct_store_flush_fts (self, error))
    return NULL;
  if (!document_begin (self, error))
    return NULL;

  if (find_same_bytes (self, doc, probe, &local))
    {
      if (!replace)
        {
          /* Stored by someone else since the check above. */
          document_rollback (self);
          probe->source_name = g_strdup (doc->source_name);
          probe->status = CT_IMPORT_UNCHANGED;
          if (!count_report (self, probe, error))
            return NULL;
          return g_steal_pointer (&probe);
        }
      if (!ct_store_delete_report_rows (self, probe->report_id, error))
        goto fail;
      result->status = CT_IMPORT_REPLACED;
      result->conflict_source = g_steal_pointer (&probe->conflict_source);
    }
  else if (local != NULL)
    {
      g_propagate_error (error, local);
      goto fail;
    }

  locality_id = find_or_add_locality (self, result, error);
  if (locality_id == 0)
    goto fail;
  existing = find_slot (self, locality_id, result, error);
  if (existing < 0)
    goto fail;
  if (existing > 0)
    {
      if (!replace)
        {
          /* Not merged silently: nothing is written, the caller asks. */
          document_rollback (self);
          result->status = CT_IMPORT_CONFLICT;
          result->report_id = existing;
          if (!count_report (self, result, error))
            return NULL;
          return g_steal_pointer (&result);
        }
      if (!ct_store_delete_report_rows (self, existing, error))
        goto fail;
      result->status = CT_IMPORT_REPLACED;
    }

  if (!insert_report (self, doc, rows, result, locality_id, error)
      || !insert_sections (self, result->report_id, doc, error)
      || !ct_store_index_sentences (self, result->report_id, rows, error)
      || !insert_observations (self, result->report_id, doc, observations, rows, result,
                               cancellable, error)
      || !count_figures (self, result->report_id, error))
    goto fail;

  if (ct_store_check_cancelled (cancellable, error))
    goto fail;
  if (!ct_store_exec (self, self->in_batch ? "RELEASE document" : "COMMIT", error))
    goto fail;
  return g_steal_pointer (&result);

fail:
  document_rollback (self);
  return NULL;
}

GPtrArray *
ct_store_import_file (CtStore                *self,
                      const gchar            *path,
                      const CtImportOptions  *options,
                      GCancellable           *cancellable,
                      CtImportProgressFunc    progress,
                      gpointer                progress_data,
                      GError                **error)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_import_result_free);

  if (progress != NULL)
    progress (0.0, path, progress_data);
  docs = ct_reader_read_file (path, cancellable, error);
  if (docs == NULL)
    return NULL;

  for (guint i = 0; i < docs->len; i++)
    {
      CtDocument *doc = g_ptr_array_index (docs, i);
      CtImportResult *result;

      if (progress != NULL)
        progress ((gdouble) i / docs->len, doc->source_name, progress_data);
      result = ct_store_import_document (self, doc, NULL, options, cancellable, error);
      if (result == NULL)
        return NULL;
      result->path = g_strdup (path);
      g_ptr_array_add (results, result);
    }
  if (progress != NULL)
    progress (1.0, path, progress_data);
  return g_steal_pointer (&results);
}
