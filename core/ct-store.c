/* ct-store.c: opening the library, its schema and migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-error.h"
#include "ct-i18n.h"
#include "ct-text.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* A new library opened by several processes at once: how often and how
 * long to try again when SQLite says busy without waiting (2 s in all). */
#define OPEN_BUSY_RETRIES   100
#define OPEN_BUSY_PAUSE_US  (20 * 1000)

/* Each report's counts follow its figures as they come and go. Step 7
 * creates the triggers; step 9 again, as rebuilding the observation table
 * drops them; step 11 drops the one that counted each inserted figure
 * (CT_STORE_COUNT_FIGURES). */
#define COUNTING_TRIGGERS \
  "CREATE TRIGGER observation_counted AFTER INSERT ON observation BEGIN" \
  "  INSERT INTO report_counts VALUES (NEW.report_id, 1, NEW.indicator_id IS NOT NULL, NEW.flags != 0)" \
  "  ON CONFLICT (report_id) DO UPDATE SET n = n + 1, matched = matched + excluded.matched," \
  "  flagged = flagged + excluded.flagged;" \
  "END;" \
  "CREATE TRIGGER observation_uncounted AFTER DELETE ON observation BEGIN" \
  "  UPDATE report_counts SET n = n - 1, matched = matched - (OLD.indicator_id IS NOT NULL)," \
  "  flagged = flagged - (OLD.flags != 0) WHERE report_id = OLD.report_id;" \
  "END;" \
  "CREATE TRIGGER observation_recounted AFTER UPDATE OF report_id, indicator_id, flags ON observation BEGIN" \
  "  UPDATE report_counts SET n = n - 1, matched = matched - (OLD.indicator_id IS NOT NULL)," \
  "  flagged = flagged - (OLD.flags != 0) WHERE report_id = OLD.report_id;" \
  "  INSERT INTO report_counts VALUES (NEW.report_id, 1, NEW.indicator_id IS NOT NULL, NEW.flags != 0)" \
  "  ON CONFLICT (report_id) DO UPDATE SET n = n + 1, matched = matched + excluded.matched," \
  "  flagged = flagged + excluded.flagged;" \
  "END;"

/* The full-text index's memory for new terms (FTS5's "hashsize"), past
 * which they are written out as a segment of their own to be merged later:
 * the default (1 MB) wrote several a batch of an import (64 reports), and
 * merging them was a tenth of what the index cost the writer. */
#define FTS_HASH_SIZE 16777216

/* Forward migrations: migrations[i] takes a database from user_version i to
 * i + 1. Never edit a released step; add one. Reports and observations
 * never reuse an id: the window's undo history and open views hold them. */
static const gchar * const migrations[] = {
  /* 0 → 1: localities, reports, sections, catalogue, observations. */
  "CREATE TABLE locality ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  name_folded TEXT NOT NULL,"
  "  level TEXT NOT NULL DEFAULT '',"
  "  province TEXT NOT NULL DEFAULT '',"
  "  province_folded TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (name_folded, province_folded));"
  "CREATE TABLE report ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  locality_id INTEGER NOT NULL REFERENCES locality (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"
  "  period TEXT NOT NULL,"
  "  period_folded TEXT NOT NULL,"
  "  title TEXT,"
  "  issuer TEXT,"
  "  report_date TEXT,"
  "  source_name TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL UNIQUE,"
  "  format TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  imported_at TEXT NOT NULL,"
  "  UNIQUE (locality_id, year, period_folded));"
  "CREATE TABLE section ("
  "  report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  idx INTEGER NOT NULL,"
  "  parent INTEGER,"
  "  label TEXT,"
  "  title TEXT,"
  "  level INTEGER NOT NULL,"
  "  part TEXT NOT NULL,"
  "  line INTEGER NOT NULL,"
  "  PRIMARY KEY (report_id, idx)) WITHOUT ROWID;"
  "CREATE TABLE indicator ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  name_en TEXT,"
  "  sector TEXT,"
  "  unit TEXT,"
  "  higher_is_better INTEGER NOT NULL DEFAULT 1,"
  "  ord INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE alias ("
  "  id INTEGER PRIMARY KEY,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  phrase TEXT NOT NULL,"
  "  folded TEXT NOT NULL UNIQUE,"
  "  source TEXT NOT NULL DEFAULT 'user');"
  "CREATE TABLE observation ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  indicator_id INTEGER REFERENCES indicator (id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL,"
  "  label TEXT,"
  "  label_folded TEXT,"
  "  section TEXT,"
  "  value REAL, value_high REAL, qualifier TEXT, unit TEXT, plan REAL,"
  "  basis TEXT, rate REAL, rate_computed REAL, yoy REAL, status TEXT,"
  "  flags INTEGER NOT NULL DEFAULT 0,"
  "  start INTEGER NOT NULL, end INTEGER NOT NULL, line INTEGER NOT NULL,"
  "  anchor TEXT NOT NULL,"
  "  ordinal INTEGER NOT NULL);"
  "CREATE INDEX observation_report ON observation (report_id, seq);",

  /* 1 → 2: sentences with a folded full-text index, and user corrections
   * keyed by report slot and content anchor so they outlive row ids. */
  "CREATE TABLE sentence ("
  "  id INTEGER PRIMARY KEY,"
  "  report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL, end INTEGER NOT NULL, line INTEGER NOT NULL);"
  "CREATE INDEX sentence_report ON sentence (report_id, start);"
  "CREATE VIRTUAL TABLE sentence_fts USING fts5 (folded, content = '',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE TABLE correction ("
  "  id INTEGER PRIMARY KEY,"
  "  locality_id INTEGER NOT NULL REFERENCES locality (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"
  "  period_folded TEXT NOT NULL,"
  "  anchor TEXT NOT NULL,"
  "  ordinal INTEGER NOT NULL,"
  "  field INTEGER NOT NULL,"
  "  number REAL,"
  "  text TEXT,"
  "  created_at TEXT NOT NULL,"
  "  label_folded TEXT,"
  "  UNIQUE (locality_id, year, period_folded, anchor, ordinal, field));"
  "CREATE INDEX observation_anchor ON observation (report_id, anchor, ordinal);",

  /* 2 → 3: a report's text moves to a table of its own, so listing reports
   * no longer reads through every report's text to reach the columns after
   * it. */
  "CREATE TABLE report_text ("
  "  report_id INTEGER PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL);"
  "INSERT INTO report_text (report_id, text) SELECT id, text FROM report;"
  "ALTER TABLE report DROP COLUMN text;",

  /* 3 → 4: the list counts each report's figures from an index that holds
   * all it counts, not from the observation rows with their labels and
   * sections (a province's library: 150,000 rows, most of its pages)… */
  "CREATE INDEX observation_counts ON observation (report_id, indicator_id, flags);"
  /* … and a comparison of one indicator finds its figures by indicator. */
  "CREATE INDEX observation_indicator ON observation (indicator_id);"
  /* … and the texts are packed (ct-store-text.c): a third of the library. */
  "UPDATE report_text SET text = ct_pack (text);",

  /* 4 → 5: who made a correction, now that several people share a library
   * on a server (the database role there, the OS user here). */
  "ALTER TABLE correction ADD COLUMN created_by TEXT;",

  /* 5 → 6: the first line of each page of a PDF or a scan ("1,48,97"), so
   * a figure's source says its page as well as its line. */
  "ALTER TABLE report ADD COLUMN page_lines TEXT;",

  /* 6 → 7: facts about the library as a whole; first the checksum of the
   * catalogue its indicator rows were synced with, so a library opened by
   * the same program skips building the catalogue and the sync… */
  "CREATE TABLE library_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  /* … and each report's counts of figures, kept by triggers as figures come
   * and go, so the list reads 2,000 rows rather than counting 186,000. */
  "CREATE TABLE report_counts ("
  "  report_id INTEGER PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,"
  "  n INTEGER NOT NULL, matched INTEGER NOT NULL, flagged INTEGER NOT NULL);"
  "INSERT INTO report_counts SELECT report_id, count(*), count(indicator_id), sum(flags != 0)"
  "  FROM observation GROUP BY report_id;"
  COUNTING_TRIGGERS,

  /* 7 → 8: a report's sentences in one row (ct-store-rows.c), not a row
   * and an index entry each (a province's library: a million rows, 39 MB).
   * The full-text index keeps its entries: sentence k of a report is entry
   * first + k, as the ids were. */
  "CREATE TABLE sentence_span ("
  "  report_id INTEGER PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,"
  "  first INTEGER NOT NULL UNIQUE,"
  "  n INTEGER NOT NULL,"
  "  spans TEXT NOT NULL);"
  "INSERT INTO sentence_span (report_id, first, n, spans)"
  "  SELECT report_id, min (id), count (*), ct_spans (id, start, end, line)"
  "  FROM sentence GROUP BY report_id;"
  "DROP TABLE sentence;",

  /* 8 → 9: smaller observation rows. A row names its section by the
   * section table's idx (-1: none; the path is rebuilt when read, once per
   * report) and keeps the path as text only where no section row gives it;
   * its kind is CtObservationKind; the folded label is computed when read;
   * the anchor is the integer of its first 15 hex digits
   * (ct_store_anchor_key()), and corrections keep those 15 digits. It keeps
   * what its words say to its qualifiers, packed (ct_qualifier_words_pack()),
   * with the version of the qualifier table that read them in its report,
   * so a comparison reads no report's text. The table is rebuilt to drop
   * columns and change types; its id sequence carries over, so ids are
   * never reused, and step 7's counting triggers are made again. */
  "ALTER TABLE report ADD COLUMN words_version INTEGER;"
  /* Each section's path as ct_document_section_path() writes it. */
  "CREATE TEMP TABLE section_path AS"
  "  WITH RECURSIVE p (report_id, idx, path) AS ("
  "    SELECT report_id, idx, CASE WHEN label != '' THEN label || ' ' ELSE '' END || title"
  "    FROM section WHERE parent IS NULL"
  "    UNION ALL"
  "    SELECT s.report_id, s.idx,"
  "      p.path || ' › ' || CASE WHEN s.label != '' THEN s.label || ' ' ELSE '' END || s.title"
  "    FROM section s JOIN p ON s.report_id = p.report_id AND s.parent = p.idx AND s.idx > p.idx)"
  "  SELECT report_id, min (idx) AS idx, path FROM p WHERE path IS NOT NULL GROUP BY report_id, path;"
  "CREATE INDEX temp.section_path_key ON section_path (report_id, path);"
  "CREATE TABLE observation_new ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  indicator_id INTEGER REFERENCES indicator (id) ON DELETE SET NULL,"
  "  kind INTEGER NOT NULL,"
  "  label TEXT,"
  "  section_idx INTEGER,"
  "  section TEXT,"
  "  value REAL, value_high REAL, qualifier TEXT, unit TEXT, plan REAL,"
  "  basis TEXT, rate REAL, rate_computed REAL, yoy REAL, status TEXT,"
  "  flags INTEGER NOT NULL DEFAULT 0,"
  "  start INTEGER NOT NULL, end INTEGER NOT NULL, line INTEGER NOT NULL,"
  "  anchor INTEGER NOT NULL,"
  "  ordinal INTEGER NOT NULL,"
  "  words INTEGER);"
  "INSERT INTO observation_new (id, report_id, seq, indicator_id, kind, label, section_idx, section,"
  "  value, value_high, qualifier, unit, plan, basis, rate, rate_computed, yoy, status, flags,"
  "  start, end, line, anchor, ordinal)"
  "  SELECT o.id, o.report_id, o.seq, o.indicator_id, CASE o.kind WHEN 'target' THEN 1 ELSE 0 END,"
  "    o.label, CASE WHEN o.section = '' THEN -1 ELSE sp.idx END,"
  "    CASE WHEN o.section = '' OR sp.idx IS NOT NULL THEN NULL ELSE o.section END,"
  "    o.value, o.value_high, o.qualifier, o.unit, o.plan, o.basis, o.rate, o.rate_computed,"
  "    o.yoy, o.status, o.flags, o.start, o.end, o.line, ct_anchor_key (o.anchor), o.ordinal"
  "  FROM observation o LEFT JOIN section_path sp ON sp.report_id = o.report_id AND sp.path = o.section"
  "  ORDER BY o.id;"
  "INSERT INTO sqlite_sequence (name, seq) SELECT 'observation_new', 0"
  "  WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'observation_new');"
  "UPDATE sqlite_sequence SET seq = max (seq, coalesce ((SELECT seq FROM sqlite_sequence"
  "  WHERE name = 'observation'), 0)) WHERE name = 'observation_new';"
  "DROP TABLE observation;"
  "DROP TABLE temp.section_path;"
  "ALTER TABLE observation_new RENAME TO observation;"
  "CREATE INDEX observation_report ON observation (report_id, seq);"
  "CREATE INDEX observation_anchor ON observation (report_id, anchor, ordinal);"
  "CREATE INDEX observation_indicator ON observation (indicator_id);"
  "CREATE INDEX observation_counts ON observation (report_id, indicator_id, flags);"
  COUNTING_TRIGGERS
  "UPDATE correction SET anchor = substr (anchor, 1, 15);",

  /* 9 → 10: a one-indicator comparison's figures in one range of an index,
   * in the order they are placed (report, then text), past the reports'
   * targets: reading them through observation_indicator fetched each row's
   * page to test its kind, then sorted them. Its prefix serves what
   * observation_indicator did. */
  "DROP INDEX observation_indicator;"
  "CREATE INDEX observation_indicator_figures ON observation (indicator_id, kind, report_id, seq);",

  /* 10 → 11: an import writes each report's counts once, after its figures
   * (CT_STORE_COUNT_FIGURES): the trigger counting each inserted figure
   * made every figure's INSERT a statement with a journal of its own.
   * Removals and corrections are still counted by their triggers. */
  "DROP TRIGGER IF EXISTS observation_counted;"
  /* … and the full-text index is given each sentence's words folded as the
   * search folds the user's (ct_store_append_fold_for_index(), on the
   * reading threads), which the "ascii" tokenizer only splits at spaces:
   * unicode61 folded every character on the writing thread. Its new
   * terms are written to disk once per batch rather than every megabyte.
   * The entries are made again from the texts after this SQL
   * (REINDEX_SENTENCES_STEP). */
  "DROP TABLE sentence_fts;"
  "CREATE VIRTUAL TABLE sentence_fts USING fts5 (folded, content = '', tokenize = 'ascii');"
  "INSERT INTO sentence_fts (sentence_fts, rank) VALUES ('hashsize', " G_STRINGIFY (FTS_HASH_SIZE) ");",
};

/* The step after which every report's sentences are indexed again (in the
 * step's transaction), their words having changed form. */
#define REINDEX_SENTENCES_STEP 11

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CT_STORE_SCHEMA_VERSION);

gchar *
ct_store_default_path (void)
{
  const gchar *env = g_getenv ("CHITIEU_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "chitieu", "library.db", NULL);
}

void
ct_store_set_error (CtStore  *self,
                    GError  **error)
{
  /* The common failures get a sentence of their own, in the user's
   * language; the rest keep SQLite's words inside a translated one. */
  switch (ct_db_get_failure (self->db))
    {
    case CT_DB_FAILURE_FULL:
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The disk holding the library “%s” is full; nothing was changed. "
                     "Free some space and try again."), self->path);
      break;
    case CT_DB_FAILURE_READONLY:
      if (ct_db_get_kind (self->db) == CT_DB_POSTGRESQL)
        g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                     _("Your role on the library server may only read “%s”; nothing was "
                       "changed. Ask the library’s administrator for the right to write."),
                     self->path);
      else
        g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                     _("The library “%s” is read-only; nothing was changed. "
                       "Check the file’s permissions."), self->path);
      break;
    case CT_DB_FAILURE_BUSY:
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("Another program is writing to the library “%s”; nothing was changed. "
                     "Try again in a moment."), self->path);
      break;
    case CT_DB_FAILURE_IO:
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The library “%s” could not be written (%s); nothing was changed. "
                     "Check that the disk is not full and the file is writable."),
                   self->path, ct_db_errmsg (self->db));
      break;
    case CT_DB_FAILURE_CONNECTION:
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The connection to the library server was lost (%s); the last change "
                     "was not saved. Check the network and open the library again."),
                   ct_db_errmsg (self->db));
      break;
    case CT_DB_FAILURE_NONE:
    case CT_DB_FAILURE_OTHER:
    case CT_DB_FAILURE_NOT_DB:
    case CT_DB_FAILURE_CORRUPT:
    case CT_DB_FAILURE_CANT_OPEN:
    case CT_DB_FAILURE_PERMISSION:
    case CT_DB_FAILURE_UNIQUE:
    default:
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The library database failed: %s. Check that the disk is not full "
                     "and the file is writable."),
                   ct_db_errmsg (self->db));
    }
}

gboolean
ct_store_begin (CtStore  *self,
                GError  **error)
{
  if (ct_db_begin_write (self->db) != CT_DB_OK)
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
ct_store_exec (CtStore      *self,
               const gchar  *sql,
               GError      **error)
{
  if (ct_db_exec (self->db, sql) != CT_DB_OK)
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

CtDbStmt *
ct_store_prepare (CtStore      *self,
                  const gchar  *sql,
                  GError      **error)
{
  CtDbStmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      ct_db_reset (stmt);
      ct_db_clear_bindings (stmt);
      return stmt;
    }
  if (ct_db_prepare (self->db, sql, &stmt) != CT_DB_OK)
    {
      ct_store_set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
ct_store_step_done (CtStore      *self,
                    CtDbStmt *stmt,
                    GError      **error)
{
  int rc = ct_db_step (stmt);

  ct_db_reset (stmt);
  if (rc != CT_DB_DONE && rc != CT_DB_ROW)
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

void
ct_store_bind_double (CtDbStmt *stmt,
                      int           index,
                      gdouble       value)
{
  if (isnan (value))
    ct_db_bind_null (stmt, index);
  else
    ct_db_bind_double (stmt, index, value);
}

void
ct_store_bind_text (CtDbStmt *stmt,
                    int           index,
                    const gchar  *text)
{
  if (text == NULL)
    ct_db_bind_null (stmt, index);
  else
    ct_db_bind_text (stmt, index, text, -1);
}

gdouble
ct_store_column_double (CtDbStmt *stmt,
                        int           column)
{
  if (ct_db_column_is_null (stmt, column))
    return NAN;
  return ct_db_column_double (stmt, column);
}

gchar *
ct_store_column_text (CtDbStmt *stmt,
                      int           column)
{
  const gchar *text = ct_db_column_text (stmt, column);

  return text != NULL ? g_strdup ((const gchar *) text) : NULL;
}

gchar *
ct_store_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
ct_store_check_cancelled (GCancellable  *cancellable,
                          GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error (error, CT_ERROR, CT_ERROR_CANCELLED, _("The import was cancelled."));
  return TRUE;
}

gchar *
ct_store_source_display_name (const gchar *source_name)
{
  g_autofree gchar *lower = NULL;
  const gchar *zip;
  const gchar *slash;

  if (source_name == NULL)
    return NULL;
  /* A zip member keeps the archive's name in front of its own. */
  lower = g_ascii_strdown (source_name, -1);
  zip = strstr (lower, ".zip" G_DIR_SEPARATOR_S);
  if (zip == NULL)
    return g_path_get_basename (source_name);
  slash = g_strrstr_len (lower, zip - lower, G_DIR_SEPARATOR_S);
  return g_strdup (slash != NULL ? source_name + (slash - lower) + 1 : source_name);
}

gchar *
ct_store_fold_key (const gchar *text)
{
  return ct_catalog_fold_phrase (text != NULL ? text : "");
}

/* Reads the schema version under the write lock, so two processes creating
 * the same new library never both run the first migration. Leaves the
 * transaction open on success; -1 with @error set and none open. */
static gint
begin_migration (CtStore  *self,
                 GError  **error)
{
  gint version = -1;

  CtDbResult rc;

  if (!ct_store_begin (self, error))
    return -1;
  if (ct_db_get_kind (self->db) == CT_DB_POSTGRESQL)
    rc = ct_store_pg_read_version (self, &version);
  else
    rc = ct_store_query_int (self, "PRAGMA user_version", &version);
  if (rc != CT_DB_OK)
    {
      ct_store_set_error (self, error);
      ct_db_exec (self->db, "ROLLBACK");
      return -1;
    }
  return version;
}

static gboolean
write_pg_version (CtStore  *self,
                  gint      version,
                  GError  **error)
{
  if (ct_store_pg_write_version (self, version) == CT_DB_OK)
    return TRUE;
  ct_store_set_error (self, error);
  return FALSE;
}

static gboolean
migrate (CtStore  *self,
         gint      to,
         GError  **error)
{
  for (;;)
    {
      g_autofree gchar *bump = NULL;
      gboolean pg = ct_db_get_kind (self->db) == CT_DB_POSTGRESQL;
      gint v = begin_migration (self, error);

      if (v < 0)
        return FALSE;
      /* Another process may have migrated while this one waited. */
      if (v >= to)
        return ct_store_exec (self, "COMMIT", error);

      /* Each step is one transaction: a failed upgrade leaves the old
       * version. The id marks the file as a library from its first step
       * (and libraries from before the id when they next upgrade). */
      bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d",
                              v + 1, CT_STORE_APPLICATION_ID);
      if (!ct_store_exec (self, pg ? ct_store_pg_migration (v) : migrations[v], error)
          || (!pg && v + 1 == REINDEX_SENTENCES_STEP && !ct_store_index_all_reports (self, error))
          || (pg ? !write_pg_version (self, v + 1, error) : !ct_store_exec (self, bump, error)))
        {
          ct_db_exec (self->db, "ROLLBACK");
          return FALSE;
        }
      if (!ct_store_exec (self, "COMMIT", error))
        return FALSE;
    }
}

/* A library from before the application_id gets it, once. */
static gboolean
mark_library (CtStore  *self,
              GError  **error)
{
  g_autofree gchar *set = g_strdup_printf ("PRAGMA application_id = %d", CT_STORE_APPLICATION_ID);
  gint app_id = 0;

  /* A PostgreSQL library is marked with its version, in every step. */
  if (ct_db_get_kind (self->db) == CT_DB_POSTGRESQL)
    return TRUE;
  if (ct_store_query_int (self, "PRAGMA application_id", &app_id) == CT_DB_OK
      && app_id == CT_STORE_APPLICATION_ID)
    return TRUE;
  return ct_store_exec (self, set, error);
}

/* The catalogue in the program is the truth for codes, names and order;
 * rows of indicators no longer in it stay so old observations keep them. */
static gboolean
sync_catalogue (CtStore      *self,
                const gchar  *checksum,
                GError      **error)
{
  static const gchar mark[] =
    "INSERT INTO library_state (key, value) VALUES ('catalogue', ?1)"
    " ON CONFLICT (key) DO UPDATE SET value = ?1";
  CtDbStmt *marked;
  static const gchar sql[] =
    "INSERT INTO indicator (code, name, name_en, sector, unit, higher_is_better, ord)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (code) DO UPDATE SET name = ?2, name_en = ?3, sector = ?4,"
    " unit = ?5, higher_is_better = ?6, ord = ?7"
    " WHERE indicator.name IS DISTINCT FROM ?2 OR indicator.name_en IS DISTINCT FROM ?3"
    " OR indicator.sector IS DISTINCT FROM ?4 OR indicator.unit IS DISTINCT FROM ?5"
    " OR indicator.higher_is_better IS DISTINCT FROM ?6 OR indicator.ord IS DISTINCT FROM ?7";
  guint n = ct_catalog_get_n_indicators (self->catalog);

  if (!ct_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const CtIndicator *ind = ct_catalog_get_indicator (self->catalog, i);
      CtDbStmt *stmt = ct_store_prepare (self, sql, error);

      if (stmt == NULL)
        goto fail;
      ct_store_bind_text (stmt, 1, ind->code);
      ct_store_bind_text (stmt, 2, ind->name);
      ct_store_bind_text (stmt, 3, ind->name_en);
      ct_store_bind_text (stmt, 4, ind->sector);
      ct_store_bind_text (stmt, 5, ind->unit);
      ct_db_bind_int (stmt, 6, ind->higher_is_better);
      ct_db_bind_int (stmt, 7, ind->index);
      if (!ct_store_step_done (self, stmt, error))
        goto fail;
    }
  marked = ct_store_prepare (self, mark, error);
  if (marked == NULL)
    goto fail;
  ct_store_bind_text (marked, 1, checksum);
  if (!ct_store_step_done (self, marked, error))
    goto fail;
  return ct_store_exec (self, "COMMIT", error);

fail:
  ct_db_exec (self->db, "ROLLBACK");
  return FALSE;
}

/* On a server the role is who people are known as; a file is written by
 * whoever is logged in. */
static gboolean
find_author (CtStore  *self,
             GError  **error)
{
  CtDbStmt *stmt;

  if (ct_db_get_kind (self->db) != CT_DB_POSTGRESQL)
    {
      self->author = g_strdup (g_get_user_name ());
      return TRUE;
    }
  stmt = ct_store_prepare (self, "SELECT current_user", error);
  if (stmt == NULL)
    return FALSE;
  if (ct_db_step (stmt) == CT_DB_ROW)
    self->author = ct_store_column_text (stmt, 0);
  ct_db_reset (stmt);
  if (self->author == NULL)
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* A role on a server that may only read cannot sync the catalogue: it
 * still compares and exports with what the library holds. */
static gboolean
sync_or_read_only (CtStore      *self,
                   const gchar  *checksum,
                   GError      **error)
{
  gint may_write = 1;

  if (ct_db_get_kind (self->db) == CT_DB_POSTGRESQL
      && ct_store_query_int (self, "SELECT has_table_privilege ('indicator', 'INSERT')",
                             &may_write) != CT_DB_OK)
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  return may_write == 0 || sync_catalogue (self, checksum, error);
}

/* Whether the library's indicator rows were synced with this catalogue. */
static gboolean
catalogue_synced (CtStore     *self,
                  const gchar *checksum)
{
  CtDbStmt *stmt = ct_store_prepare (self, "SELECT value FROM library_state WHERE key = 'catalogue'", NULL);
  gboolean same = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (ct_db_step (stmt) == CT_DB_ROW)
    same = g_strcmp0 (ct_db_column_text (stmt, 0), checksum) == 0;
  ct_db_reset (stmt);
  return same;
}

/* Building the catalogue (every phrase folded) was a third of what `list`
 * or `compare` cost: a library synced with this very catalogue leaves it
 * to the first statement that needs it (ct_store_get_catalog()). */
static gboolean
open_catalogue (CtStore  *self,
                GError  **error)
{
  g_autofree gchar *checksum = ct_catalog_checksum ();

  if (catalogue_synced (self, checksum))
    return TRUE;
  self->catalog = ct_catalog_new (error);
  return self->catalog != NULL
         && sync_or_read_only (self, checksum, error)
         && ct_store_load_aliases (self, error);
}

CtCatalog *
ct_store_get_catalog (CtStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->catalog != NULL)
    return self->catalog;
  /* The same catalogue was built when the library was synced with it. */
  self->catalog = ct_catalog_new (&error);
  if (self->catalog == NULL)
    g_error ("%s", error->message);
  if (!ct_store_load_aliases (self, &error))
    g_warning ("%s", error->message);
  return self->catalog;
}

gboolean
ct_store_load_aliases (CtStore  *self,
                       GError  **error)
{
  CtDbStmt *stmt;
  int rc;

  /* A catalogue not built yet reads them when it is. */
  if (self->catalog == NULL)
    return TRUE;
  stmt = ct_store_prepare (self,
    "SELECT i.code, a.phrase FROM alias a JOIN indicator i ON i.id = a.indicator_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = ct_db_step (stmt)) == CT_DB_ROW)
    ct_catalog_add_alias (self->catalog,
                          ct_db_column_text (stmt, 0),
                          ct_db_column_text (stmt, 1));
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
finalize_statement (gpointer data)
{
  ct_db_finalize (data);
}

/* Checks the file, sets the connection up and brings the schema to
 * @target. Several processes opening one new library at once meet SQLite
 * locks that its busy handler does not wait for (switching the journal to
 * WAL, a lock upgrade): every step is idempotent, so the whole sequence is
 * tried again for a while before "another program is writing" is said. */
static gboolean
prepare_library (CtStore  *self,
                 gint      target,
                 GError  **error)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (ct_db_get_kind (self->db) == CT_DB_POSTGRESQL)
        return ct_store_pg_check_library (self, error)
               && migrate (self, MIN (target, CT_STORE_SCHEMA_VERSION), error);

      /* Nothing is written before the file is known to be a library. */
      if (ct_store_check_library (self, &local_error)
          && ct_store_exec (self, "PRAGMA foreign_keys = ON", &local_error)
          && ct_store_exec (self, "PRAGMA journal_mode = WAL", &local_error)
          && ct_store_exec (self, "PRAGMA synchronous = NORMAL", &local_error)
          /* A report's import touches the same index and full-text pages
           * many times: a larger cache and rarer checkpoints write each
           * page once. */
          && ct_store_exec (self, "PRAGMA cache_size = -32000", &local_error)
          && ct_store_exec (self, "PRAGMA wal_autocheckpoint = 8000", &local_error)
          /* The counting triggers make each figure's INSERT a statement
           * that may need undoing alone: its statement journal is a temp
           * file, written page by page, unless temp files live in memory. */
          && ct_store_exec (self, "PRAGMA temp_store = MEMORY", &local_error)
          && migrate (self, MIN (target, CT_STORE_SCHEMA_VERSION), &local_error))
        return TRUE;
      if (ct_db_get_failure (self->db) != CT_DB_FAILURE_BUSY || attempt >= OPEN_BUSY_RETRIES)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (OPEN_BUSY_PAUSE_US);
    }
}

/* A server's library: libpq finds the password (~/.pgpass, PGPASSWORD),
 * so none is kept in self->path, which the window remembers. */
static gboolean
connect_server (CtStore      *self,
                const gchar  *location,
                GError      **error)
{
  if (ct_db_open_postgresql (location, &self->db) == CT_DB_OK)
    return TRUE;
  g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
               _("The library server “%s” could not be reached: %s. Check the address, "
                 "your user name and password (in ~/.pgpass), and that the server is running."),
               self->path, ct_db_errmsg (self->db));
  return FALSE;
}

static gboolean
open_file (CtStore      *self,
           const gchar  *path,
           GError      **error)
{
  if (strcmp (path, ":memory:") != 0)
    {
      g_autofree gchar *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                       _("The folder “%s” for the library could not be created: %s."),
                       dir, g_strerror (saved));
          return FALSE;
        }
    }

  if (ct_db_open_sqlite (path, CT_STORE_BUSY_TIMEOUT_MS, &self->db) != CT_DB_OK)
    {
      if (ct_store_explain_access (self, error))
        return FALSE;
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The library “%s” could not be opened: %s."),
                   path, ct_db_errmsg (self->db));
      return FALSE;
    }
  if (!ct_store_register_text_functions (self) || !ct_store_register_span_functions (self))
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

CtStore *
ct_store_open_at_version (const gchar  *path,
                          gint          target,
                          GError      **error)
{
  g_autoptr(CtStore) self = g_new0 (CtStore, 1);
  g_return_val_if_fail (path != NULL, NULL);

  self->path = ct_db_location_without_password (path);
  self->location = g_strdup (path);
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
  self->fts_pending = g_array_new (FALSE, FALSE, sizeof (CtStorePendingFts));
  self->fts_pending_text = g_string_new (NULL);

  if (ct_db_location_is_postgresql (path) ? !connect_server (self, path, error)
                                          : !open_file (self, path, error))
    return NULL;

  if (!prepare_library (self, target, error))
    return NULL;

  if (target < CT_STORE_SCHEMA_VERSION)
    return g_steal_pointer (&self);

  if (!find_author (self, error)
      || !mark_library (self, error)
      || !open_catalogue (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

CtStore *
ct_store_open (const gchar  *path,
               GError      **error)
{
  return ct_store_open_at_version (path, CT_STORE_SCHEMA_VERSION, error);
}

void
ct_store_close (CtStore *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, ct_db_close);
  g_clear_pointer (&self->catalog, ct_catalog_free);
  g_clear_pointer (&self->fts_pending, g_array_unref);
  if (self->fts_pending_text != NULL)
    g_string_free (self->fts_pending_text, TRUE);
  g_free (self->path);
  g_free (self->location);
  g_free (self->author);
  g_free (self);
}

const gchar *
ct_store_get_path (CtStore *self)
{
  return self->path;
}

gint64
ct_store_get_data_version (CtStore *self)
{
  return ct_db_data_version (self->db);
}

gboolean
ct_store_is_empty (CtStore *self)
{
  CtDbStmt *stmt = ct_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM report)", NULL);
  gboolean empty = TRUE;

  if (stmt != NULL && ct_db_step (stmt) == CT_DB_ROW)
    empty = ct_db_column_int (stmt, 0) == 0;
  if (stmt != NULL)
    ct_db_reset (stmt);
  return empty;
}
