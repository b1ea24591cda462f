/* ct-store-pg.c: a library in PostgreSQL — its schema, version and checks
 *
 * The same tables as the SQLite library (ct-store.c), in PostgreSQL's
 * types: ids come from sequences (never reused, as AUTOINCREMENT), reals
 * are double precision, the column "end" is quoted, and the full-text
 * index is a tsvector of the folded words beside each sentence. The schema
 * version and the library's mark live in the table chitieu_library, since
 * PostgreSQL has no PRAGMA user_version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

/* pg_migrations[i] takes a library from version i to i + 1, step for step
 * the SQLite migrations of ct-store.c. Never edit a released step. */
static const gchar * const pg_migrations[] = {
  /* 0 → 1: localities, reports, sections, catalogue, observations. */
  "CREATE TABLE locality ("
  "  id BIGSERIAL PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  name_folded TEXT NOT NULL,"
  "  level TEXT NOT NULL DEFAULT '',"
  "  province TEXT NOT NULL DEFAULT '',"
  "  province_folded TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (name_folded, province_folded));"
  "CREATE TABLE report ("
  "  id BIGSERIAL PRIMARY KEY,"
  "  locality_id BIGINT NOT NULL REFERENCES locality (id) ON DELETE CASCADE,"
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
  "  report_id BIGINT NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  idx INTEGER NOT NULL,"
  "  parent INTEGER,"
  "  label TEXT,"
  "  title TEXT,"
  "  level INTEGER NOT NULL,"
  "  part TEXT NOT NULL,"
  "  line INTEGER NOT NULL,"
  "  PRIMARY KEY (report_id, idx));"
  "CREATE TABLE indicator ("
  "  id BIGSERIAL PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  name_en TEXT,"
  "  sector TEXT,"
  "  unit TEXT,"
  "  higher_is_better INTEGER NOT NULL DEFAULT 1,"
  "  ord INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE alias ("
  "  id BIGSERIAL PRIMARY KEY,"
  "  indicator_id BIGINT NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  phrase TEXT NOT NULL,"
  "  folded TEXT NOT NULL UNIQUE,"
  "  source TEXT NOT NULL DEFAULT 'user');"
  "CREATE TABLE observation ("
  "  id BIGSERIAL PRIMARY KEY,"
  "  report_id BIGINT NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  indicator_id BIGINT REFERENCES indicator (id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL,"
  "  label TEXT,"
  "  label_folded TEXT,"
  "  section TEXT,"
  "  value DOUBLE PRECISION, value_high DOUBLE PRECISION, qualifier TEXT, unit TEXT,"
  "  plan DOUBLE PRECISION, basis TEXT, rate DOUBLE PRECISION,"
  "  rate_computed DOUBLE PRECISION, yoy DOUBLE PRECISION, status TEXT,"
  "  flags INTEGER NOT NULL DEFAULT 0,"
  "  start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, line INTEGER NOT NULL,"
  "  anchor TEXT NOT NULL,"
  "  ordinal INTEGER NOT NULL);"
  "CREATE INDEX observation_report ON observation (report_id, seq);",

  /* 1 → 2: sentences with a folded full-text index, and user corrections. */
  "CREATE TABLE sentence ("
  "  id BIGSERIAL PRIMARY KEY,"
  "  report_id BIGINT NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, line INTEGER NOT NULL);"
  "CREATE INDEX sentence_report ON sentence (report_id, start);"
  "CREATE TABLE sentence_fts ("
  "  id BIGINT PRIMARY KEY REFERENCES sentence (id) ON DELETE CASCADE,"
  "  folded TSVECTOR NOT NULL);"
  "CREATE INDEX sentence_fts_folded ON sentence_fts USING GIN (folded);"
  "CREATE TABLE correction ("
  "  id BIGSERIAL PRIMARY KEY,"
  "  locality_id BIGINT NOT NULL REFERENCES locality (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"
  "  period_folded TEXT NOT NULL,"
  "  anchor TEXT NOT NULL,"
  "  ordinal INTEGER NOT NULL,"
  "  field INTEGER NOT NULL,"
  "  number DOUBLE PRECISION,"
  "  text TEXT,"
  "  created_at TEXT NOT NULL,"
  "  label_folded TEXT,"
  "  UNIQUE (locality_id, year, period_folded, anchor, ordinal, field));"
  "CREATE INDEX observation_anchor ON observation (report_id, anchor, ordinal);",

  /* 2 → 3: a report's text moves to a table of its own. */
  "CREATE TABLE report_text ("
  "  report_id BIGINT PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL);"
  "INSERT INTO report_text (report_id, text) SELECT id, text FROM report;"
  "ALTER TABLE report DROP COLUMN text;",

  /* 3 → 4: the indexes of the list and of a one-indicator comparison. The
   * server compresses long values itself (TOAST), so texts stay plain and
   * the SQLite library's ct_pack/ct_unpack functions give them back as they
   * are: the statements that read texts are the same on both engines. */
  "CREATE INDEX observation_counts ON observation (report_id, indicator_id, flags);"
  "CREATE INDEX observation_indicator ON observation (indicator_id);"
  "CREATE FUNCTION ct_pack (t TEXT) RETURNS TEXT"
  "  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT t';"
  "CREATE FUNCTION ct_unpack (t TEXT) RETURNS TEXT"
  "  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT t';"
  "CREATE FUNCTION ct_unpack_head (t TEXT, n BIGINT) RETURNS TEXT"
  "  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT t';",

  /* 4 → 5: who made a correction (the database role that wrote it). */
  "ALTER TABLE correction ADD COLUMN created_by TEXT;",

  /* 5 → 6: the first line of each page of a PDF or a scan. */
  "ALTER TABLE report ADD COLUMN page_lines TEXT;",

  /* 6 → 7: facts about the library as a whole (the catalogue's checksum),
   * and each report's counts of figures kept by a trigger. */
  "CREATE TABLE library_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE report_counts ("
  "  report_id BIGINT PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,"
  "  n INTEGER NOT NULL, matched INTEGER NOT NULL, flagged INTEGER NOT NULL);"
  "INSERT INTO report_counts SELECT report_id, count(*), count(indicator_id),"
  "  sum(CASE WHEN flags <> 0 THEN 1 ELSE 0 END) FROM observation GROUP BY report_id;"
  "CREATE FUNCTION ct_count_observation () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN"
  "  IF TG_OP <> 'INSERT' THEN"
  "    UPDATE report_counts SET n = n - 1,"
  "      matched = matched - CASE WHEN OLD.indicator_id IS NULL THEN 0 ELSE 1 END,"
  "      flagged = flagged - CASE WHEN OLD.flags <> 0 THEN 1 ELSE 0 END"
  "      WHERE report_id = OLD.report_id;"
  "  END IF;"
  "  IF TG_OP <> 'DELETE' THEN"
  "    INSERT INTO report_counts AS c VALUES (NEW.report_id, 1,"
  "      CASE WHEN NEW.indicator_id IS NULL THEN 0 ELSE 1 END, CASE WHEN NEW.flags <> 0 THEN 1 ELSE 0 END)"
  "      ON CONFLICT (report_id) DO UPDATE SET n = c.n + 1, matched = c.matched + excluded.matched,"
  "      flagged = c.flagged + excluded.flagged;"
  "  END IF;"
  "  RETURN NULL;"
  "END $$;"
  "CREATE TRIGGER observation_counted AFTER INSERT OR DELETE OR UPDATE OF report_id, indicator_id, flags"
  "  ON observation FOR EACH ROW EXECUTE FUNCTION ct_count_observation ();",

  /* 7 → 8: a report's sentences in one row, written as ct-store-rows.c
   * writes them; the full-text rows keep their ids (first + k). */
  "CREATE TABLE sentence_span ("
  "  report_id BIGINT PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,"
  "  first BIGINT NOT NULL UNIQUE,"
  "  n INTEGER NOT NULL,"
  "  spans TEXT NOT NULL);"
  "CREATE OR REPLACE FUNCTION pg_temp.ct_span_number (v BIGINT) RETURNS TEXT"
  "  LANGUAGE plpgsql IMMUTABLE STRICT AS $$"
  "  DECLARE"
  "    digits CONSTANT TEXT := '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';"
  "    written TEXT := '';"
  "  BEGIN"
  "    WHILE v >= 32 LOOP"
  "      written := written || substr (digits, 33 + (v % 32)::INTEGER, 1);"
  "      v := v / 32;"
  "    END LOOP;"
  "    RETURN written || substr (digits, 1 + v::INTEGER, 1);"
  "  END $$;"
  "INSERT INTO sentence_span (report_id, first, n, spans)"
  "  SELECT report_id, min (id), count (*),"
  "   string_agg (pg_temp.ct_span_number (start - last_end)"
  "               || pg_temp.ct_span_number (\"end\" - start)"
  "               || pg_temp.ct_span_number (CASE WHEN line >= last_line THEN 2 * (line - last_line)"
  "                                          ELSE 2 * (last_line - line) - 1 END), '' ORDER BY id)"
  "  FROM (SELECT report_id, id, start, \"end\", line,"
  "          coalesce (lag (\"end\") OVER w, 0) AS last_end, coalesce (lag (line) OVER w, 0) AS last_line"
  "        FROM sentence WINDOW w AS (PARTITION BY report_id ORDER BY id)) s"
  "  GROUP BY report_id;"
  "ALTER TABLE sentence_fts DROP CONSTRAINT sentence_fts_id_fkey;"
  "DROP TABLE sentence;",

  /* 8 → 9: smaller observation rows (the section by its idx, the kind as
   * CtObservationKind, no folded label, the anchor as an integer), and each
   * figure's words packed with the qualifier table's version. */
  "ALTER TABLE report ADD COLUMN words_version BIGINT;"
  "ALTER TABLE observation ADD COLUMN words BIGINT;"
  "ALTER TABLE observation ADD COLUMN section_idx INTEGER;"
  "WITH RECURSIVE p (report_id, idx, path) AS ("
  "    SELECT report_id, idx, CASE WHEN label != '' THEN label || ' ' ELSE '' END || title"
  "    FROM section WHERE parent IS NULL"
  "    UNION ALL"
  "    SELECT s.report_id, s.idx,"
  "      p.path || ' › ' || CASE WHEN s.label != '' THEN s.label || ' ' ELSE '' END || s.title"
  "    FROM section s JOIN p ON s.report_id = p.report_id AND s.parent = p.idx AND s.idx > p.idx)"
  "  UPDATE observation o SET section_idx = sp.idx, section = NULL"
  "  FROM (SELECT report_id, min (idx) AS idx, path FROM p WHERE path IS NOT NULL"
  "        GROUP BY report_id, path) sp"
  "  WHERE sp.report_id = o.report_id AND sp.path = o.section AND o.section != '';"
  "UPDATE observation SET section_idx = -1, section = NULL WHERE section = '';"
  "ALTER TABLE observation DROP COLUMN label_folded;"
  "ALTER TABLE observation ALTER COLUMN kind TYPE SMALLINT"
  "  USING (CASE kind WHEN 'target' THEN 1 ELSE 0 END);"
  "CREATE FUNCTION ct_anchor_key (t TEXT) RETURNS BIGINT"
  "  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
  "  AS 'SELECT (''x'' || substr (t, 1, 15))::bit(60)::bigint';"
  "ALTER TABLE observation ALTER COLUMN anchor TYPE BIGINT USING ct_anchor_key (anchor);"
  "UPDATE correction SET anchor = substr (anchor, 1, 15);",

  /* 9 → 10: a one-indicator comparison's figures in one range of an index. */
  "DROP INDEX observation_indicator;"
  "CREATE INDEX observation_indicator_figures ON observation (indicator_id, kind, report_id, seq);",

  /* 10 → 11: an import writes each report's counts once, after its figures;
   * the trigger follows removals and corrections only. */
  "DROP TRIGGER IF EXISTS observation_counted ON observation;"
  "CREATE TRIGGER observation_counted AFTER DELETE OR UPDATE OF report_id, indicator_id, flags"
  "  ON observation FOR EACH ROW EXECUTE FUNCTION ct_count_observation ();",
};

G_STATIC_ASSERT (G_N_ELEMENTS (pg_migrations) == CT_STORE_SCHEMA_VERSION);

const gchar *
ct_store_pg_migration (gint version)
{
  g_return_val_if_fail (version >= 0 && version < CT_STORE_SCHEMA_VERSION, NULL);
  return pg_migrations[version];
}

/* Inside the migration's transaction: the mark table exists from then on. */
CtDbResult
ct_store_pg_read_version (CtStore *self,
                          gint    *version)
{
  CtDbResult rc;
  gint marked = 0;

  /* Created only when missing: a role that may only read opens the
   * library too. */
  rc = ct_store_query_int (self, "SELECT count (*) FROM information_schema.tables"
                           " WHERE table_schema = current_schema ()"
                           " AND table_name = 'chitieu_library'", &marked);
  if (rc == CT_DB_OK && marked == 0)
    rc = ct_db_exec (self->db,
                     "CREATE TABLE chitieu_library ("
                     "  application_id INTEGER NOT NULL,"
                     "  schema_version INTEGER NOT NULL)");
  if (rc != CT_DB_OK)
    return rc;
  *version = 0;
  rc = ct_store_query_int (self, "SELECT max (schema_version) FROM chitieu_library", version);
  return rc;
}

CtDbResult
ct_store_pg_write_version (CtStore *self,
                           gint     version)
{
  g_autofree gchar *sql = g_strdup_printf ("DELETE FROM chitieu_library;"
                                           " INSERT INTO chitieu_library VALUES (%d, %d)",
                                           CT_STORE_APPLICATION_ID, version);

  return ct_db_exec (self->db, sql);
}

/* A database is ours when it is empty or holds our mark; its version then
 * must be one this program knows. Nothing is written here. */
gboolean
ct_store_pg_check_library (CtStore  *self,
                           GError  **error)
{
  gint tables = 0, marked = 0, app_id = 0, version = 0;

  if (ct_store_query_int (self, "SELECT count (*) FROM information_schema.tables"
                          " WHERE table_schema = current_schema ()", &tables) != CT_DB_OK
      || ct_store_query_int (self, "SELECT count (*) FROM information_schema.tables"
                             " WHERE table_schema = current_schema ()"
                             " AND table_name = 'chitieu_library'", &marked) != CT_DB_OK)
    goto unreadable;
  if (marked > 0
      && (ct_store_query_int (self, "SELECT max (application_id) FROM chitieu_library", &app_id) != CT_DB_OK
          || ct_store_query_int (self, "SELECT max (schema_version) FROM chitieu_library", &version) != CT_DB_OK))
    goto unreadable;
  if ((marked == 0 && tables > 0) || (marked > 0 && app_id != CT_STORE_APPLICATION_ID && version > 0))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_LIBRARY,
                   _("The database “%s” holds tables of another program, not a Chỉ tiêu library; "
                     "it was left unchanged. Give Chỉ tiêu an empty database of its own."),
                   self->path);
      return FALSE;
    }
  if (version > CT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_SCHEMA_TOO_NEW,
                   _("The library “%s” was written by a newer version of Chỉ tiêu "
                     "(schema %d, this one knows %d). Update Chỉ tiêu to open it."),
                   self->path, version, CT_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;

unreadable:
  g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
               _("The library “%s” on the server could not be read: %s. Check that your "
                 "role may read this database."),
               self->path, ct_db_errmsg (self->db));
  return FALSE;
}
