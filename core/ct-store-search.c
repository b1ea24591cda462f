/* ct-store-search.c: full-text search over the reports' sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

void
ct_search_hit_free (CtSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->locality);
  g_free (hit->period);
  g_free (hit->sentence);
  g_free (hit);
}

/* The user's words as an FTS5 query: folded (so "Đường" and "duong" are
 * the same), each quoted so nothing the user types is read as syntax, the
 * last one a prefix so results come while typing. */
static gchar *
build_match (const gchar *query)
{
  /* PostgreSQL's tsquery instead: 'word' & 'word' & 'start':* */
  g_auto(GStrv) tokens = ct_catalog_tokenize (query);
  GString *match;
  guint n = g_strv_length (tokens);

  if (n == 0)
    return NULL;
  match = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (match, "%s\"%s\"%s", i > 0 ? " " : "", tokens[i],
                            i + 1 == n ? "*" : "");
  return g_string_free (match, FALSE);
}

/* The same words as a PostgreSQL tsquery: each quoted (a quote or a
 * backslash doubled or escaped), all required, the last a prefix. */
static gchar *
build_tsquery (const gchar *query)
{
  g_auto(GStrv) tokens = ct_catalog_tokenize (query);
  GString *match;
  guint n = g_strv_length (tokens);

  if (n == 0)
    return NULL;
  match = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_string_append (match, i > 0 ? " & '" : "'");
      for (const gchar *c = tokens[i]; *c != '\0'; c++)
        {
          if (*c == '\'' || *c == '\\')
            g_string_append_c (match, *c == '\'' ? '\'' : '\\');
          g_string_append_c (match, *c);
        }
      g_string_append (match, i + 1 == n ? "':*" : "'");
    }
  return g_string_free (match, FALSE);
}

/* The hits' reports and where each sentence lies in its report's list;
 * entries are numbered in the order of reports and of their text, so the
 * entry breaks ties in rank as (report, offset) would. */
static CtDbStmt *
prepare_search (CtStore  *self,
                GError  **error)
{
  if (ct_db_get_kind (self->db) == CT_DB_POSTGRESQL)
    return ct_store_prepare (self,
      "SELECT sp.report_id, l.name, r.year, r.period, f.id - sp.first, sp.spans"
      " FROM sentence_fts f"
      " JOIN sentence_span sp ON sp.first = (SELECT max (first) FROM sentence_span WHERE first <= f.id)"
      " JOIN report r ON r.id = sp.report_id JOIN locality l ON l.id = r.locality_id"
      " WHERE f.folded @@ to_tsquery ('simple', ?1)"
      " ORDER BY ts_rank (f.folded, to_tsquery ('simple', ?1)) DESC, f.id LIMIT ?2", error);
  return ct_store_prepare (self,
    "SELECT sp.report_id, l.name, r.year, r.period, f.rowid - sp.first, sp.spans"
    " FROM sentence_fts f"
    " JOIN sentence_span sp ON sp.first = (SELECT max (first) FROM sentence_span WHERE first <= f.rowid)"
    " JOIN report r ON r.id = sp.report_id JOIN locality l ON l.id = r.locality_id"
    " WHERE sentence_fts MATCH ?1 ORDER BY f.rank, f.rowid LIMIT ?2", error);
}

/* A hit's sentence from its report's text, and the first figure in it. */
static gboolean
read_sentence (CtStore      *self,
               CtSearchHit  *hit,
               GError      **error)
{
  CtDbStmt *stmt = ct_db_get_kind (self->db) == CT_DB_POSTGRESQL
    ? ct_store_prepare (self,
        "SELECT convert_from (substring (convert_to (t.text, 'UTF8') FROM (?2 + 1)::INTEGER FOR (?3 - ?2)::INTEGER), 'UTF8'),"
        " (SELECT o.id FROM observation o WHERE o.report_id = ?1"
        "  AND o.start >= ?2 AND o.start < ?3 ORDER BY o.seq LIMIT 1)"
        " FROM report_text t WHERE t.report_id = ?1", error)
    : ct_store_prepare (self,
        "SELECT CAST (substr (CAST (ct_unpack (t.text) AS BLOB), ?2 + 1, ?3 - ?2) AS TEXT),"
        " (SELECT o.id FROM observation o WHERE o.report_id = ?1"
        "  AND o.start >= ?2 AND o.start < ?3 ORDER BY o.seq LIMIT 1)"
        " FROM report_text t WHERE t.report_id = ?1", error);
  CtDbResult rc;

  if (stmt == NULL)
    return FALSE;
  ct_db_bind_int64 (stmt, 1, hit->report_id);
  ct_db_bind_int64 (stmt, 2, hit->start);
  ct_db_bind_int64 (stmt, 3, hit->end);
  rc = ct_db_step (stmt);
  if (rc == CT_DB_ROW)
    {
      hit->sentence = ct_store_column_text (stmt, 0);
      hit->observation_id = ct_db_column_int64 (stmt, 1);
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_ROW && rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* A hit's offsets and line from its report's sentence list. */
static gboolean
place_hit (CtDbStmt     *stmt,
           CtSearchHit  *hit)
{
  gint64 k = ct_db_column_int64 (stmt, 4);
  g_autoptr(GArray) sentences = ct_store_spans_decode (ct_db_column_text (stmt, 5),
                                                       ct_db_column_bytes (stmt, 5));
  const CtStoreSentence *s;

  if (sentences == NULL || k < 0 || k >= sentences->len)
    return FALSE;
  s = &g_array_index (sentences, CtStoreSentence, k);
  hit->start = s->start;
  hit->end = s->end;
  hit->line = s->line;
  return TRUE;
}

GPtrArray *
ct_store_search (CtStore      *self,
                 const gchar  *query,
                 guint         limit,
                 GError      **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_search_hit_free);
  gboolean pg = ct_db_get_kind (self->db) == CT_DB_POSTGRESQL;
  g_autofree gchar *match = pg ? build_tsquery (query) : build_match (query);
  CtDbStmt *stmt;
  int rc;

  if (match == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                   _("Type at least one word to search for."));
      return NULL;
    }

  stmt = prepare_search (self, error);
  if (stmt == NULL)
    return NULL;
  ct_store_bind_text (stmt, 1, match);
  ct_db_bind_int (stmt, 2, limit > 0 ? limit : 200);
  while ((rc = ct_db_step (stmt)) == CT_DB_ROW)
    {
      CtSearchHit *hit = g_new0 (CtSearchHit, 1);

      hit->report_id = ct_db_column_int64 (stmt, 0);
      hit->locality = ct_store_column_text (stmt, 1);
      hit->year = ct_db_column_int (stmt, 2);
      hit->period = ct_store_column_text (stmt, 3);
      if (place_hit (stmt, hit))
        g_ptr_array_add (hits, hit);
      else
        ct_search_hit_free (hit);
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return NULL;
    }
  /* The texts are read once the search's statement is done with. */
  for (guint i = 0; i < hits->len; i++)
    if (!read_sentence (self, g_ptr_array_index (hits, i), error))
      return NULL;
  return g_steal_pointer (&hits);
}
