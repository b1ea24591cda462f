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

static CtDbStmt *
prepare_search (CtStore  *self,
                GError  **error)
{
  if (ct_db_get_kind (self->db) == CT_DB_POSTGRESQL)
    return ct_store_prepare (self,
      "SELECT s.report_id, l.name, r.year, r.period, s.start, s.\"end\", s.line,"
      " convert_from (substring (convert_to (t.text, 'UTF8') FROM s.start + 1"
      "  FOR s.\"end\" - s.start), 'UTF8'),"
      " (SELECT o.id FROM observation o WHERE o.report_id = s.report_id"
      "  AND o.start >= s.start AND o.start < s.\"end\" ORDER BY o.seq LIMIT 1)"
      " FROM sentence_fts f JOIN sentence s ON s.id = f.id"
      " JOIN report r ON r.id = s.report_id JOIN locality l ON l.id = r.locality_id"
      " JOIN report_text t ON t.report_id = r.id"
      " WHERE f.folded @@ to_tsquery ('simple', ?1)"
      " ORDER BY ts_rank (f.folded, to_tsquery ('simple', ?1)) DESC, s.report_id, s.start LIMIT ?2", error);
  return ct_store_prepare (self,
    "SELECT s.report_id, l.name, r.year, r.period, s.start, s.end, s.line,"
    " CAST (substr (CAST (ct_unpack (t.text) AS BLOB), s.start + 1, s.end - s.start) AS TEXT),"
    " (SELECT o.id FROM observation o WHERE o.report_id = s.report_id"
    "  AND o.start >= s.start AND o.start < s.end ORDER BY o.seq LIMIT 1)"
    " FROM sentence_fts f JOIN sentence s ON s.id = f.rowid"
    " JOIN report r ON r.id = s.report_id JOIN locality l ON l.id = r.locality_id"
    " JOIN report_text t ON t.report_id = r.id"
    " WHERE sentence_fts MATCH ?1 ORDER BY f.rank, s.report_id, s.start LIMIT ?2", error);
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
      hit->start = ct_db_column_int64 (stmt, 4);
      hit->end = ct_db_column_int64 (stmt, 5);
      hit->line = ct_db_column_int (stmt, 6);
      hit->sentence = ct_store_column_text (stmt, 7);
      hit->observation_id = ct_db_column_int64 (stmt, 8);
      g_ptr_array_add (hits, hit);
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}
