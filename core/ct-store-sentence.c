/* ct-store-sentence.c: a report's sentences and their full-text index
 *
 * sentence_span holds a report's sentences in one row: their number, their
 * offsets and lines (ct-store-rows.c) and the first of their entries in the
 * full-text index, sentence k being entry first + k. On SQLite the index is
 * a contentless FTS5 table, which forgets an entry only when given its
 * words again; on PostgreSQL a table of tsvectors keyed by entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

/* The report's first entry and sentences; *sentences stays NULL when the
 * report has no sentence_span row. */
static gboolean
read_spans (CtStore   *self,
            gint64     report_id,
            gint64    *first,
            GArray   **sentences,
            GError   **error)
{
  CtDbStmt *stmt = ct_store_prepare (self, "SELECT first, spans FROM sentence_span WHERE report_id = ?1",
                                     error);
  CtDbResult rc;

  *sentences = NULL;
  if (stmt == NULL)
    return FALSE;
  ct_db_bind_int64 (stmt, 1, report_id);
  rc = ct_db_step (stmt);
  if (rc == CT_DB_ROW)
    {
      *first = ct_db_column_int64 (stmt, 0);
      *sentences = ct_store_spans_decode (ct_db_column_text (stmt, 1), ct_db_column_bytes (stmt, 1));
      ct_db_reset (stmt);
      if (*sentences == NULL)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                       _("The sentences of report %lld are damaged in the library. "
                         "Remove the report and import it again."), (long long) report_id);
          return FALSE;
        }
      return TRUE;
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The entry after the last report's sentences; 0 on failure. */
static gint64
next_first (CtStore  *self,
            GError  **error)
{
  CtDbStmt *stmt = ct_store_prepare (self, "SELECT first + n FROM sentence_span ORDER BY first DESC LIMIT 1",
                                     error);
  CtDbResult rc;
  gint64 next = 1;

  if (stmt == NULL)
    return 0;
  rc = ct_db_step (stmt);
  if (rc == CT_DB_ROW)
    next = MAX (ct_db_column_int64 (stmt, 0), 1);
  ct_db_reset (stmt);
  if (rc != CT_DB_ROW && rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return 0;
    }
  return next;
}

/* Appends a text as an element of a PostgreSQL array literal ("{" so far). */
static void
append_array_text (GString     *array,
                   const gchar *text,
                   gsize        len)
{
  if (array->len > 1)
    g_string_append_c (array, ',');
  g_string_append_c (array, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"' || text[i] == '\\')
        g_string_append_c (array, '\\');
      g_string_append_c (array, text[i]);
    }
  g_string_append_c (array, '"');
}

/* All of a report's entries in one statement: on a server each statement
 * is a round trip, and a report has hundreds of sentences. */
static gboolean
insert_fts_pg (CtStore            *self,
               gint64              first,
               GArray             *sentences,
               const GString      *folded,
               GError            **error)
{
  g_autoptr(GString) words = g_string_new ("{");
  CtDbStmt *stmt;

  if (sentences->len == 0)
    return TRUE;
  for (guint k = 0; k < sentences->len; k++)
    {
      const CtStoreSentence *s = &g_array_index (sentences, CtStoreSentence, k);

      append_array_text (words, folded->str + s->folded_at, s->folded_len);
    }
  g_string_append_c (words, '}');
  stmt = ct_store_prepare (self,
    "INSERT INTO sentence_fts (id, folded)"
    " SELECT ?1 + t.k - 1, to_tsvector ('simple', t.words)"
    " FROM unnest (?2::text[]) WITH ORDINALITY AS t (words, k)", error);
  if (stmt == NULL)
    return FALSE;
  ct_db_bind_int64 (stmt, 1, first);
  ct_db_bind_text (stmt, 2, words->str, words->len);
  return ct_store_step_done (self, stmt, error);
}

static gboolean
insert_fts (CtStore      *self,
            gint64        rowid,
            const gchar  *folded,
            gsize         len,
            GError      **error)
{
  CtDbStmt *stmt = ct_store_prepare (self, "INSERT INTO sentence_fts (rowid, folded) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  ct_db_bind_int64 (stmt, 1, rowid);
  ct_db_bind_text (stmt, 2, folded, len);
  return ct_store_step_done (self, stmt, error);
}

gboolean
ct_store_index_sentences (CtStore           *self,
                          gint64             report_id,
                          const CtStoreRows *rows,
                          GError           **error)
{
  gint64 first;
  CtDbStmt *stmt;

  /* No row for no sentences: it would take the next report's first entry. */
  if (rows->sentences->len == 0)
    return TRUE;
  first = next_first (self, error);
  if (first == 0)
    return FALSE;
  stmt = ct_store_prepare (self,
    "INSERT INTO sentence_span (report_id, first, n, spans) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  ct_db_bind_int64 (stmt, 1, report_id);
  ct_db_bind_int64 (stmt, 2, first);
  ct_db_bind_int (stmt, 3, rows->sentences->len);
  ct_db_bind_text (stmt, 4, rows->spans->str, rows->spans->len);
  if (!ct_store_step_done (self, stmt, error))
    return FALSE;

  if (ct_db_get_kind (self->db) == CT_DB_POSTGRESQL)
    return insert_fts_pg (self, first, rows->sentences, rows->folded, error);
  for (guint k = 0; k < rows->sentences->len; k++)
    {
      const CtStoreSentence *s = &g_array_index (rows->sentences, CtStoreSentence, k);
      const gchar *folded = rows->folded->str + s->folded_at;

      if (self->in_batch)
        {
          CtStorePendingFts pending = { first + k, self->fts_pending_text->len, s->folded_len };

          g_string_append_len (self->fts_pending_text, folded, s->folded_len);
          g_array_append_val (self->fts_pending, pending);
        }
      else if (!insert_fts (self, first + k, folded, s->folded_len, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ct_store_flush_fts (CtStore  *self,
                    GError  **error)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->fts_pending->len && ok; i++)
    {
      const CtStorePendingFts *p = &g_array_index (self->fts_pending, CtStorePendingFts, i);

      ok = insert_fts (self, p->rowid, self->fts_pending_text->str + p->at, p->len, error);
    }
  g_array_set_size (self->fts_pending, 0);
  g_string_truncate (self->fts_pending_text, 0);
  self->fts_mark = 0;
  self->fts_mark_text = 0;
  return ok;
}

/* The stored text of a report, NULL with an error when it has none. */
static gchar *
read_text (CtStore  *self,
           gint64    report_id,
           gsize    *len,
           GError  **error)
{
  CtDbStmt *stmt = ct_store_prepare (self, "SELECT ct_unpack (text) FROM report_text WHERE report_id = ?1",
                                     error);
  gchar *text = NULL;

  if (stmt == NULL)
    return NULL;
  ct_db_bind_int64 (stmt, 1, report_id);
  if (ct_db_step (stmt) == CT_DB_ROW)
    {
      *len = ct_db_column_bytes (stmt, 0);
      text = g_strndup (ct_db_column_text (stmt, 0), *len);
    }
  ct_db_reset (stmt);
  if (text == NULL)
    g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                 _("Report %lld is not in the library."), (long long) report_id);
  return text;
}

/* Removes or adds (@remove FALSE) the entries of a report's sentences,
 * folded from its stored text. */
static gboolean
change_entries (CtStore      *self,
                gint64        report_id,
                gboolean      remove,
                GError      **error)
{
  gboolean pg = ct_db_get_kind (self->db) == CT_DB_POSTGRESQL;
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autofree gchar *text = NULL;
  gsize text_len = 0;
  gint64 first = 0;

  if (!read_spans (self, report_id, &first, &sentences, error))
    return FALSE;
  if (sentences == NULL)
    return TRUE;
  text = read_text (self, report_id, &text_len, error);
  if (text == NULL)
    return FALSE;
  for (guint k = 0; k < sentences->len; k++)
    {
      CtStoreSentence *s = &g_array_index (sentences, CtStoreSentence, k);
      gsize start = MIN (s->start, text_len), end = CLAMP (s->end, start, text_len);

      s->folded_at = folded->len;
      ct_store_append_fold_for_index (folded, text + start, end - start);
      s->folded_len = folded->len - s->folded_at;
    }
  if (pg)
    return insert_fts_pg (self, first, sentences, folded, error);
  for (guint k = 0; k < sentences->len; k++)
    {
      const CtStoreSentence *s = &g_array_index (sentences, CtStoreSentence, k);
      CtDbStmt *stmt = remove ? ct_store_prepare (self,
                                  "INSERT INTO sentence_fts (sentence_fts, rowid, folded)"
                                  " VALUES ('delete', ?1, ?2)", error)
                              : ct_store_prepare (self,
                                  "INSERT INTO sentence_fts (rowid, folded) VALUES (?1, ?2)", error);

      if (stmt == NULL)
        return FALSE;
      ct_db_bind_int64 (stmt, 1, first + k);
      ct_db_bind_text (stmt, 2, folded->str + s->folded_at, s->folded_len);
      if (!ct_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ct_store_index_report (CtStore  *self,
                       gint64    report_id,
                       GError  **error)
{
  return change_entries (self, report_id, FALSE, error);
}

gboolean
ct_store_delete_report_rows (CtStore  *self,
                             gint64    report_id,
                             GError  **error)
{
  CtDbStmt *stmt;
  gsize len = 0;
  g_autofree gchar *text = read_text (self, report_id, &len, error);

  if (text == NULL)
    return FALSE;
  /* PostgreSQL's entries are rows of their own, found by their ids. */
  if (ct_db_get_kind (self->db) == CT_DB_POSTGRESQL)
    {
      stmt = ct_store_prepare (self,
        "DELETE FROM sentence_fts WHERE id >= (SELECT first FROM sentence_span WHERE report_id = ?1)"
        " AND id < (SELECT first + n FROM sentence_span WHERE report_id = ?1)", error);
      if (stmt == NULL)
        return FALSE;
      ct_db_bind_int64 (stmt, 1, report_id);
      if (!ct_store_step_done (self, stmt, error))
        return FALSE;
    }
  else if (!change_entries (self, report_id, TRUE, error))
    return FALSE;

  stmt = ct_store_prepare (self, "DELETE FROM report WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  ct_db_bind_int64 (stmt, 1, report_id);
  return ct_store_step_done (self, stmt, error);
}

gboolean
ct_store_index_all_reports (CtStore  *self,
                            GError  **error)
{
  CtDbStmt *read = ct_store_prepare (self, "SELECT report_id FROM sentence_span ORDER BY report_id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CtDbResult rc;

  if (read == NULL)
    return FALSE;
  /* Read first: a statement is not stepped while another one writes. */
  while ((rc = ct_db_step (read)) == CT_DB_ROW)
    {
      gint64 id = ct_db_column_int64 (read, 0);

      g_array_append_val (ids, id);
    }
  ct_db_reset (read);
  if (rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    if (!ct_store_index_report (self, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}
