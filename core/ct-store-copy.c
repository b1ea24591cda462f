/* ct-store-copy.c: a whole library from one store into another
 *
 * Between SQLite and PostgreSQL either way, losslessly: every row keeps its
 * id (the window's history and the corrections' anchors refer to them),
 * numbers travel as doubles, NULLs stay NULL. Indicators are matched by
 * code, since each library numbers its catalogue as it synced it. The
 * full-text index is built again on the other side from the sentences,
 * because each engine keeps it in its own form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

/* One table: what to read, where to write it, and the type of each column
 * ('i' integer, 'd' double, 't' text), in the order of both lists. */
typedef struct
{
  const gchar *select;
  const gchar *insert;
  const gchar *types;
} CopyStep;

static const CopyStep steps[] = {
  { "SELECT code, name, name_en, sector, unit, higher_is_better, ord FROM indicator",
    "INSERT INTO indicator (code, name, name_en, sector, unit, higher_is_better, ord)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (code) DO NOTHING",
    "tttttii" },
  { "SELECT i.code, a.phrase, a.folded, a.source FROM alias a"
    " JOIN indicator i ON i.id = a.indicator_id ORDER BY a.id",
    "INSERT INTO alias (indicator_id, phrase, folded, source)"
    " VALUES ((SELECT id FROM indicator WHERE code = ?1), ?2, ?3, ?4)"
    " ON CONFLICT (folded) DO NOTHING",
    "tttt" },
  { "SELECT id, name, name_folded, level, province, province_folded FROM locality ORDER BY id",
    "INSERT INTO locality (id, name, name_folded, level, province, province_folded)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "ittttt" },
  { "SELECT id, locality_id, year, period, period_folded, title, issuer, report_date,"
    " source_name, sha256, format, imported_at, page_lines, words_version FROM report ORDER BY id",
    "INSERT INTO report (id, locality_id, year, period, period_folded, title, issuer,"
    " report_date, source_name, sha256, format, imported_at, page_lines, words_version)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    "iiitttttttttti" },
  { "SELECT report_id, ct_unpack (text) FROM report_text ORDER BY report_id",
    "INSERT INTO report_text (report_id, text) VALUES (?1, ct_pack (?2))",
    "it" },
  { "SELECT report_id, idx, parent, label, title, level, part, line FROM section"
    " ORDER BY report_id, idx",
    "INSERT INTO section (report_id, idx, parent, label, title, level, part, line)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "iiittiti" },
  { "SELECT o.id, o.report_id, o.seq, i.code, o.kind, o.label, o.section_idx, o.section,"
    " o.value, o.value_high, o.qualifier, o.unit, o.plan, o.basis, o.rate, o.rate_computed,"
    " o.yoy, o.status, o.flags, o.start, o.\"end\", o.line, o.anchor, o.ordinal, o.words"
    " FROM observation o LEFT JOIN indicator i ON i.id = o.indicator_id ORDER BY o.id",
    "INSERT INTO observation (id, report_id, seq, indicator_id, kind, label, section_idx,"
    " section, value, value_high, qualifier, unit, plan, basis, rate, rate_computed, yoy,"
    " status, flags, start, \"end\", line, anchor, ordinal, words)"
    " VALUES (?1, ?2, ?3, (SELECT id FROM indicator WHERE code = ?4), ?5, ?6, ?7, ?8, ?9,"
    " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
    "iiitititddttdtdddtiiiiiii" },
  { "SELECT report_id, first, n, spans FROM sentence_span ORDER BY report_id",
    "INSERT INTO sentence_span (report_id, first, n, spans) VALUES (?1, ?2, ?3, ?4)",
    "iiit" },
  { "SELECT id, locality_id, year, period_folded, anchor, ordinal, field, number, text,"
    " created_at, label_folded, created_by FROM correction ORDER BY id",
    "INSERT INTO correction (id, locality_id, year, period_folded, anchor, ordinal, field,"
    " number, text, created_at, label_folded, created_by)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    "iiittiidtttt" },
};

/* The tables whose ids come from a sequence on PostgreSQL: after rows
 * with their own ids, the sequence must start above them. */
static const gchar * const pg_sequences =
  "SELECT setval (pg_get_serial_sequence ('locality', 'id'), (SELECT max (id) FROM locality));"
  "SELECT setval (pg_get_serial_sequence ('report', 'id'), (SELECT max (id) FROM report));"
  "SELECT setval (pg_get_serial_sequence ('observation', 'id'), (SELECT max (id) FROM observation));"
  "SELECT setval (pg_get_serial_sequence ('correction', 'id'), (SELECT max (id) FROM correction));";

static void
copy_value (CtDbStmt *from,
            CtDbStmt *to,
            gint      column,
            gchar     type)
{
  if (ct_db_column_is_null (from, column))
    ct_db_bind_null (to, column + 1);
  else if (type == 'i')
    ct_db_bind_int64 (to, column + 1, ct_db_column_int64 (from, column));
  else if (type == 'd')
    ct_db_bind_double (to, column + 1, ct_db_column_double (from, column));
  else
    ct_db_bind_text (to, column + 1, ct_db_column_text (from, column),
                     ct_db_column_bytes (from, column));
}

static gboolean
copy_rows (CtStore         *from,
           CtStore         *to,
           const CopyStep  *step,
           GError         **error)
{
  CtDbStmt *read = ct_store_prepare (from, step->select, error);
  gint n = (gint) strlen (step->types);
  CtDbResult rc;

  if (read == NULL)
    return FALSE;
  while ((rc = ct_db_step (read)) == CT_DB_ROW)
    {
      CtDbStmt *write = ct_store_prepare (to, step->insert, error);

      if (write == NULL)
        {
          ct_db_reset (read);
          return FALSE;
        }
      for (gint c = 0; c < n; c++)
        copy_value (read, write, c, step->types[c]);
      if (!ct_store_step_done (to, write, error))
        {
          ct_db_reset (read);
          return FALSE;
        }
    }
  ct_db_reset (read);
  if (rc != CT_DB_DONE)
    {
      ct_store_set_error (from, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_empty (CtStore  *to,
             GError  **error)
{
  gint localities = 0, corrections = 0;

  if (ct_store_query_int (to, "SELECT count (*) FROM locality", &localities) != CT_DB_OK
      || ct_store_query_int (to, "SELECT count (*) FROM correction", &corrections) != CT_DB_OK)
    {
      ct_store_set_error (to, error);
      return FALSE;
    }
  if (localities > 0 || corrections > 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                   _("The library “%s” already holds reports or corrections; nothing was "
                     "copied. Copy into a new, empty library."),
                   ct_store_get_path (to));
      return FALSE;
    }
  return TRUE;
}

gboolean
ct_store_copy (CtStore       *from,
               CtStore       *to,
               GCancellable  *cancellable,
               GError       **error)
{
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (!check_empty (to, error) || !ct_store_begin (to, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (ct_store_check_cancelled (cancellable, error) || !copy_rows (from, to, &steps[i], error))
      goto fail;
  if (!ct_store_index_all_reports (to, error)
      || !ct_store_exec (to, CT_STORE_COUNT_FIGURES " GROUP BY report_id", error)
      || (ct_db_get_kind (to->db) == CT_DB_POSTGRESQL && !ct_store_exec (to, pg_sequences, error))
      || !ct_store_exec (to, "COMMIT", error))
    goto fail;
  return ct_store_load_aliases (to, error);

fail:
  ct_db_exec (to->db, "ROLLBACK");
  return FALSE;
}
