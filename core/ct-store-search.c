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

GPtrArray *
ct_store_search (CtStore      *self,
                 const gchar  *query,
                 guint         limit,
                 GError      **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_search_hit_free);
  g_autofree gchar *match = build_match (query);
  sqlite3_stmt *stmt;
  int rc;

  if (match == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                   _("Type at least one word to search for."));
      return NULL;
    }

  stmt = ct_store_prepare (self,
    "SELECT s.report_id, l.name, r.year, r.period, s.start, s.end, s.line,"
    " CAST (substr (CAST (ct_unpack (t.text) AS BLOB), s.start + 1, s.end - s.start) AS TEXT),"
    " (SELECT o.id FROM observation o WHERE o.report_id = s.report_id"
    "  AND o.start >= s.start AND o.start < s.end ORDER BY o.seq LIMIT 1)"
    " FROM sentence_fts f JOIN sentence s ON s.id = f.rowid"
    " JOIN report r ON r.id = s.report_id JOIN locality l ON l.id = r.locality_id"
    " JOIN report_text t ON t.report_id = r.id"
    " WHERE sentence_fts MATCH ?1 ORDER BY f.rank, s.report_id, s.start LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  ct_store_bind_text (stmt, 1, match);
  sqlite3_bind_int (stmt, 2, limit > 0 ? limit : 200);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CtSearchHit *hit = g_new0 (CtSearchHit, 1);

      hit->report_id = sqlite3_column_int64 (stmt, 0);
      hit->locality = ct_store_column_text (stmt, 1);
      hit->year = sqlite3_column_int (stmt, 2);
      hit->period = ct_store_column_text (stmt, 3);
      hit->start = sqlite3_column_int64 (stmt, 4);
      hit->end = sqlite3_column_int64 (stmt, 5);
      hit->line = sqlite3_column_int (stmt, 6);
      hit->sentence = ct_store_column_text (stmt, 7);
      hit->observation_id = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ct_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}
