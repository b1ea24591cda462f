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
};

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
  switch (sqlite3_errcode (self->db) & 0xff) /* the primary code of an extended one */
    {
    case SQLITE_FULL:
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The disk holding the library “%s” is full; nothing was changed. "
                     "Free some space and try again."), self->path);
      break;
    case SQLITE_READONLY:
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The library “%s” is read-only; nothing was changed. "
                     "Check the file’s permissions."), self->path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("Another program is writing to the library “%s”; nothing was changed. "
                     "Try again in a moment."), self->path);
      break;
    case SQLITE_IOERR:
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The library “%s” could not be written (%s); nothing was changed. "
                     "Check that the disk is not full and the file is writable."),
                   self->path, sqlite3_errmsg (self->db));
      break;
    default:
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The library database failed: %s. Check that the disk is not full "
                     "and the file is writable."),
                   sqlite3_errmsg (self->db));
    }
}

gboolean
ct_store_exec (CtStore      *self,
               const gchar  *sql,
               GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
ct_store_prepare (CtStore      *self,
                  const gchar  *sql,
                  GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      ct_store_set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
ct_store_step_done (CtStore      *self,
                    sqlite3_stmt *stmt,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

void
ct_store_bind_double (sqlite3_stmt *stmt,
                      int           index,
                      gdouble       value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

void
ct_store_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const gchar  *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

gdouble
ct_store_column_double (sqlite3_stmt *stmt,
                        int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, column);
}

gchar *
ct_store_column_text (sqlite3_stmt *stmt,
                      int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

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

  if (!ct_store_exec (self, "BEGIN IMMEDIATE", error))
    return -1;
  if (ct_store_query_int (self, "PRAGMA user_version", &version) != SQLITE_OK)
    {
      ct_store_set_error (self, error);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return -1;
    }
  return version;
}

static gboolean
migrate (CtStore  *self,
         gint      to,
         GError  **error)
{
  for (;;)
    {
      g_autofree gchar *bump = NULL;
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
      if (!ct_store_exec (self, migrations[v], error)
          || !ct_store_exec (self, bump, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
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

  if (ct_store_query_int (self, "PRAGMA application_id", &app_id) == SQLITE_OK
      && app_id == CT_STORE_APPLICATION_ID)
    return TRUE;
  return ct_store_exec (self, set, error);
}

/* The catalogue in the program is the truth for codes, names and order;
 * rows of indicators no longer in it stay so old observations keep them. */
static gboolean
sync_catalogue (CtStore  *self,
                GError  **error)
{
  static const gchar sql[] =
    "INSERT INTO indicator (code, name, name_en, sector, unit, higher_is_better, ord)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (code) DO UPDATE SET name = ?2, name_en = ?3, sector = ?4,"
    " unit = ?5, higher_is_better = ?6, ord = ?7"
    " WHERE name IS NOT ?2 OR name_en IS NOT ?3 OR sector IS NOT ?4"
    " OR unit IS NOT ?5 OR higher_is_better IS NOT ?6 OR ord IS NOT ?7";
  guint n = ct_catalog_get_n_indicators (self->catalog);

  if (!ct_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const CtIndicator *ind = ct_catalog_get_indicator (self->catalog, i);
      sqlite3_stmt *stmt = ct_store_prepare (self, sql, error);

      if (stmt == NULL)
        goto fail;
      ct_store_bind_text (stmt, 1, ind->code);
      ct_store_bind_text (stmt, 2, ind->name);
      ct_store_bind_text (stmt, 3, ind->name_en);
      ct_store_bind_text (stmt, 4, ind->sector);
      ct_store_bind_text (stmt, 5, ind->unit);
      sqlite3_bind_int (stmt, 6, ind->higher_is_better);
      sqlite3_bind_int (stmt, 7, ind->index);
      if (!ct_store_step_done (self, stmt, error))
        goto fail;
    }
  return ct_store_exec (self, "COMMIT", error);

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
ct_store_load_aliases (CtStore  *self,
                       GError  **error)
{
  sqlite3_stmt *stmt = ct_store_prepare (self,
    "SELECT i.code, a.phrase FROM alias a JOIN indicator i ON i.id = a.indicator_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ct_catalog_add_alias (self->catalog,
                          (const gchar *) sqlite3_column_text (stmt, 0),
                          (const gchar *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ct_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
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
          && migrate (self, MIN (target, CT_STORE_SCHEMA_VERSION), &local_error))
        return TRUE;
      if ((sqlite3_errcode (self->db) & 0xff) != SQLITE_BUSY || attempt >= OPEN_BUSY_RETRIES)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (OPEN_BUSY_PAUSE_US);
    }
}

CtStore *
ct_store_open_at_version (const gchar  *path,
                          gint          target,
                          GError      **error)
{
  g_autoptr(CtStore) self = g_new0 (CtStore, 1);
  g_autofree gchar *dir = NULL;
  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);

  if (strcmp (path, ":memory:") != 0)
    {
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                       _("The folder “%s” for the library could not be created: %s."),
                       dir, g_strerror (saved));
          return NULL;
        }
    }

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      if (ct_store_explain_access (self, error))
        return NULL;
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The library “%s” could not be opened: %s."),
                   path, self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* Another connection (the import worker, a second process) may hold the
   * write lock for the length of one report. */
  sqlite3_busy_timeout (self->db, CT_STORE_BUSY_TIMEOUT_MS);
  if (!ct_store_register_text_functions (self))
    {
      ct_store_set_error (self, error);
      return NULL;
    }

  if (!prepare_library (self, target, error))
    return NULL;

  if (target < CT_STORE_SCHEMA_VERSION)
    return g_steal_pointer (&self);

  self->catalog = ct_catalog_new (error);
  if (self->catalog == NULL
      || !mark_library (self, error)
      || !sync_catalogue (self, error)
      || !ct_store_load_aliases (self, error))
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
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->catalog, ct_catalog_free);
  g_free (self->path);
  g_free (self);
}

const gchar *
ct_store_get_path (CtStore *self)
{
  return self->path;
}

gboolean
ct_store_is_empty (CtStore *self)
{
  sqlite3_stmt *stmt = ct_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM report)", NULL);
  gboolean empty = TRUE;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int (stmt, 0) == 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return empty;
}

/* Sentences end at . ! ? ; followed by a space (a '.' inside "2.703,5" is
 * followed by a digit, so numbers never split), and at the end of a block. */
void
ct_store_split_sentences (const gchar *text,
                          gsize        len,
                          GArray      *spans)
{
  gsize start = 0, i = 0;

  while (start < len && g_ascii_isspace (text[start]))
    start++;
  for (i = start; i < len; i++)
    {
      gchar c = text[i];
      gboolean end = (c == '.' || c == '!' || c == '?' || c == ';')
                     && i + 1 < len && (text[i + 1] == ' ' || text[i + 1] == '\t');

      if (!end)
        continue;
      if (i + 1 > start)
        {
          gsize pair[2] = { start, i + 1 };
          g_array_append_vals (spans, pair, 2);
        }
      start = i + 1;
      while (start < len && g_ascii_isspace (text[start]))
        start++;
      i = start;
    }
  if (start < len)
    {
      gsize pair[2] = { start, len };
      g_array_append_vals (spans, pair, 2);
    }
}
