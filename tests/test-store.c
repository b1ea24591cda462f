/* test-store.c: the library, with observations made by hand
 *
 * Runs on SQLite, and on PostgreSQL when CT_TEST_POSTGRESQL names a server
 * (tests/with-postgresql.sh starts a private one): each test then gets a
 * database of its own there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "ct-store-compare.h"
#include "ct-error.h"
#include "ct-store.h"
#include "ct-store-private.h"
#include "ct-test-util.h"

static guint db_counter;
/* libpq's connection string of the test server (no dbname), or NULL. */
static const gchar *pg_server;

/* Runs SQL on the server's maintenance database. */
static void
pg_admin (const gchar *sql)
{
  g_autofree gchar *conninfo = g_strdup_printf ("%s dbname=postgres", pg_server);
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

static gchar *
new_db_path (void)
{
  g_autofree gchar *name = NULL;

  if (pg_server != NULL)
    {
      g_autofree gchar *create = NULL;

      name = g_strdup_printf ("lib_%d_%u", (int) getpid (), ++db_counter);
      create = g_strdup_printf ("CREATE DATABASE %s", name);
      pg_admin (create);
      return g_strdup_printf ("%s dbname=%s", pg_server, name);
    }
  name = g_strdup_printf ("lib-%u.db", ++db_counter);
  return ct_test_tmp_path (name);
}

static CtStore *
open_store (const gchar *path)
{
  g_autoptr(GError) error = NULL;
  CtStore *store = ct_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A document as the reader gives it: one block per line. Built here so
 * these tests depend on the store alone. */
static CtDocument *
make_doc (const gchar *name,
          const gchar *text)
{
  CtDocument *doc = ct_document_new (name, CT_FILE_FORMAT_TEXT);
  g_autofree gchar *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  gsize start = 0, len = strlen (text);
  guint line = 1;

  g_free (doc->text);
  doc->text = g_strdup (text);
  doc->text_len = len;
  g_strlcpy (doc->sha256, sum, sizeof doc->sha256);
  while (start < len)
    {
      const gchar *nl = strchr (text + start, '\n');
      gsize end = nl != NULL ? (gsize) (nl - text) : len;
      CtBlock block = { .start = start, .end = end, .line = line, .kind = CT_BLOCK_PARAGRAPH,
                        .part = CT_PART_RESULTS, .section = -1, .table = -1, .row = -1,
                        .footnote = -1 };

      if (end > start)
        g_array_append_val (doc->blocks, block);
      start = end + 1;
      line++;
    }
  return doc;
}

/* An observation over the first occurrence of needle in the document. */
static CtObservation *
obs_at (const CtDocument *doc,
        const gchar      *needle,
        const gchar      *label,
        gdouble           value,
        const gchar      *unit,
        gdouble           plan,
        gdouble           rate)
{
  CtObservation *obs = ct_observation_new ();
  const gchar *at = strstr (doc->text, needle);

  g_assert_nonnull (at);
  obs->kind = CT_KIND_ACHIEVEMENT;
  obs->label = g_strdup (label);
  obs->value = value;
  obs->unit = g_strdup (unit);
  obs->plan = plan;
  obs->basis = isnan (plan) ? CT_BASIS_NONE : CT_BASIS_PLAN;
  obs->rate = rate;
  obs->rate_computed = !isnan (plan) && !isnan (value) ? value / plan * 100 : NAN;
  obs->start = at - doc->text;
  obs->end = obs->start + strlen (needle);
  obs->line = ct_document_line_at (doc, obs->start);
  return obs;
}

static CtImportOptions *
options_for (const gchar *locality,
             gint         year,
             gboolean     replace)
{
  CtImportOptions *o = ct_import_options_new ();

  o->locality = g_strdup (locality);
  o->province = g_strdup ("Tỉnh Thử Nghiệm");
  o->level = g_strdup ("huyện");
  o->year = year;
  o->period = g_strdup ("6 tháng đầu năm");
  o->replace = replace;
  return o;
}

static const gchar report_a[] =
  "BÁO CÁO\n"
  "Kết quả 6 tháng đầu năm\n"
  "Tổng sản lượng lương thực có hạt là 2.703,5/4.500 tấn, đạt 60,1% kế hoạch. "
  "Đường giao thông nông thôn được bê tông hóa thêm 12 km.\n"
  "Thu ngân sách được 11,327 tỷ đồng, đạt 57,25% dự toán.\n"
  "Họp báo định kỳ 3 cuộc.\n";

/* Imports report_a (or text) for locality/year with three observations. */
static CtImportResult *
import_report (CtStore     *store,
               const gchar *name,
               const gchar *text,
               const gchar *locality,
               gint         year,
               gdouble      revenue,
               const gchar *revenue_unit,
               gboolean     replace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDocument) doc = make_doc (name, text);
  g_autoptr(GPtrArray) obs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_observation_free);
  g_autoptr(CtImportOptions) options = options_for (locality, year, replace);
  CtImportResult *result;

  g_ptr_array_add (obs, obs_at (doc, "2.703,5/4.500 tấn", "Tổng sản lượng lương thực có hạt",
                                2703.5, "tấn", 4500, 60.1));
  g_ptr_array_add (obs, obs_at (doc, "11,327 tỷ đồng", "Thu ngân sách",
                                revenue, revenue_unit, NAN, 57.25));
  g_ptr_array_add (obs, obs_at (doc, "3 cuộc", "Họp báo định kỳ", 3, "cuộc", NAN, NAN));
  result = ct_store_import_document (store, doc, obs, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static gint64
count_rows (CtStore     *store,
            const gchar *table)
{
  g_autofree gchar *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  CtDbStmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (ct_db_prepare (store->db, sql, &stmt), ==, CT_DB_OK);
  g_assert_cmpint (ct_db_step (stmt), ==, CT_DB_ROW);
  n = ct_db_column_int64 (stmt, 0);
  ct_db_finalize (stmt);
  return n;
}


/* The first column of the first row of @sql, as text. */
static gchar *
query_text (CtStore     *store,
            const gchar *sql)
{
  CtDbStmt *stmt = NULL;
  gchar *value;

  g_assert_cmpint (ct_db_prepare (store->db, sql, &stmt), ==, CT_DB_OK);
  g_assert_cmpint (ct_db_step (stmt), ==, CT_DB_ROW);
  value = g_strdup (ct_db_column_text (stmt, 0));
  ct_db_finalize (stmt);
  return value;
}

/* The sentences stored, all reports' together. */
static gint64
count_sentences (CtStore *store)
{
  g_autofree gchar *n = query_text (store, "SELECT CAST (coalesce (sum (n), 0) AS TEXT) FROM sentence_span");

  return g_ascii_strtoll (n, NULL, 10);
}

static gchar *
pragma_text (CtStore     *store,
             const gchar *pragma)
{
  g_autofree gchar *sql = g_strdup_printf ("PRAGMA %s", pragma);
  CtDbStmt *stmt = NULL;
  gchar *value;

  g_assert_cmpint (ct_db_prepare (store->db, sql, &stmt), ==, CT_DB_OK);
  g_assert_cmpint (ct_db_step (stmt), ==, CT_DB_ROW);
  value = g_strdup (ct_db_column_text (stmt, 0));
  ct_db_finalize (stmt);
  return value;
}

/* The schema version, wherever the engine keeps it. */
static gint
schema_version (CtStore *store)
{
  g_autofree gchar *version = NULL;

  if (pg_server != NULL)
    return count_rows (store, "chitieu_library WHERE schema_version = "
                       G_STRINGIFY (CT_STORE_SCHEMA_VERSION)) == 1
           ? CT_STORE_SCHEMA_VERSION : -1;
  version = pragma_text (store, "user_version");
  return atoi (version);
}

static void
test_open (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (schema_version (store), ==, CT_STORE_SCHEMA_VERSION);
  if (pg_server == NULL)
    {
      g_autofree gchar *journal = pragma_text (store, "journal_mode");
      g_autofree gchar *fk = pragma_text (store, "foreign_keys");

      g_assert_cmpstr (journal, ==, "wal");
      g_assert_cmpstr (fk, ==, "1");
    }
  g_assert_true (ct_store_is_empty (store));
  g_assert_cmpstr (ct_store_get_path (store), ==, path);

  indicators = ct_store_list_indicators (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, >=, 60);
  g_clear_pointer (&indicators, g_ptr_array_unref);
  indicators = ct_store_list_indicators (store, TRUE, &error);
  g_assert_cmpuint (indicators->len, ==, 0);

  /* Opening again neither migrates nor duplicates the catalogue. */
  g_clear_pointer (&store, ct_store_close);
  store = open_store (path);
  g_assert_cmpint (count_rows (store, "indicator"), >=, 60);
  g_assert_cmpint (count_rows (store, "indicator"), <, 2 * 60 + 100);
}

/* A library synced with the program's catalogue is opened without building
 * it or syncing again; another catalogue (another build, an edited row)
 * syncs the indicator rows back, on either engine. A renamed rice row
 * plays one that another build of the program wrote. */
static void
test_catalogue_sync_once (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *name = query_text (store, "SELECT name FROM indicator WHERE code = 'NN_SL_LUA'");
  g_autofree gchar *kept = NULL;
  g_autofree gchar *synced = NULL;

  g_clear_pointer (&store, ct_store_close);
  store = open_store (path);
  g_assert_null (store->catalog);
  g_assert_true (ct_store_exec (store, "UPDATE indicator SET name = 'Lúa (tên cũ)' WHERE code = 'NN_SL_LUA'", &error));
  g_clear_pointer (&store, ct_store_close);

  store = open_store (path);
  kept = query_text (store, "SELECT name FROM indicator WHERE code = 'NN_SL_LUA'");
  g_assert_cmpstr (kept, ==, "Lúa (tên cũ)");
  g_assert_true (ct_store_exec (store, "UPDATE library_state SET value = 'khác' WHERE key = 'catalogue'", &error));
  g_clear_pointer (&store, ct_store_close);

  store = open_store (path);
  g_assert_nonnull (store->catalog);
  synced = query_text (store, "SELECT name FROM indicator WHERE code = 'NN_SL_LUA'");
  g_assert_cmpstr (synced, ==, name);
  /* The catalogue is there when a statement needs it, synced or not. */
  g_clear_pointer (&store, ct_store_close);
  store = open_store (path);
  g_assert_null (store->catalog);
  g_assert_nonnull (ct_store_get_catalog (store));
  g_assert_cmpuint (ct_catalog_get_n_indicators (store->catalog), >=, 60);
}

static void
test_default_path (void)
{
  g_autofree gchar *path = NULL;

  g_setenv ("CHITIEU_DB", "/somewhere/else.db", TRUE);
  path = ct_store_default_path ();
  g_assert_cmpstr (path, ==, "/somewhere/else.db");
  g_free (path);
  g_unsetenv ("CHITIEU_DB");
  path = ct_store_default_path ();
  g_assert_true (g_str_has_suffix (path, "chitieu/library.db"));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
}

static void
test_schema_too_new (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autofree gchar *wal = g_strconcat (path, "-wal", NULL);
  g_autofree gchar *before = NULL;
  g_autofree gchar *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize len_before, len_after;
  sqlite3 *db = NULL;
  CtStore *store;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* A newer Chỉ tiêu marks its file as a library like this one does. */
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99;"
                                 "PRAGMA application_id = " G_STRINGIFY (CT_STORE_APPLICATION_ID),
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));

  store = ct_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CT_ERROR, CT_ERROR_SCHEMA_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));

  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (void)
{
  g_autofree gchar *path = ct_test_tmp_path ("garbage.db");
  g_autoptr(GError) error = NULL;
  CtStore *store;

  g_assert_true (g_file_set_contents (path, "this is not sqlite, just text that is long enough "
                                      "to look like a header of something else entirely", -1, NULL));
  store = ct_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_LIBRARY);
}

/* A version 1 database with a report upgrades in place and keeps it. */
static void
test_migration (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) old = ct_store_open_at_version (path, 1, &error);
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autofree gchar *version = NULL;

  g_assert_no_error (error);
  if (pg_server == NULL)
    {
      version = pragma_text (old, "user_version");
      g_assert_cmpstr (version, ==, "1");
    }
  else
    g_assert_cmpint (count_rows (old, "chitieu_library WHERE schema_version = 1"), ==, 1);
  g_assert_true (ct_store_exec (old,
    "INSERT INTO locality (id, name, name_folded) VALUES (1, 'Nam Đông', 'nam dong');"
    "INSERT INTO report (locality_id, year, period, period_folded, source_name, sha256,"
    " format, text, imported_at) VALUES (1, 2020, 'cả năm', 'ca nam', 'a.txt', 'abc',"
    " 'text', 'Nội dung', '2020-01-01T00:00:00Z');", &error));
  g_assert_no_error (error);
  g_clear_pointer (&old, ct_store_close);

  store = open_store (path);
  g_assert_cmpint (schema_version (store), ==, CT_STORE_SCHEMA_VERSION);
  reports = ct_store_list_reports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpstr (((CtReportInfo *) g_ptr_array_index (reports, 0))->locality, ==, "Nam Đông");
  g_assert_cmpint (count_rows (store, "correction"), ==, 0);
  /* Version 3 keeps the text apart from the report row, version 4 packs it
   * (on SQLite: the server compresses long values itself). */
  g_assert_cmpint (count_rows (store, "report_text"), ==, 1);
  {
    g_autofree gchar *text = query_text (store, "SELECT ct_unpack (text) FROM report_text");

    g_assert_cmpstr (text, ==, "Nội dung");
    if (pg_server == NULL)
      {
        g_autofree gchar *type = query_text (store, "SELECT typeof (text) FROM report_text");

        g_assert_cmpstr (type, ==, "blob");
      }
  }
}

/* A library of schema 8 keeps its observations through the upgrade that
 * names sections by idx and stores kinds and anchors as numbers: each row
 * reads back as before, the counts stay right, corrections still find
 * theirs, and the ids already handed out are never given again. */
static void
test_migration_rows (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) old = ct_store_open_at_version (path, 8, &error);
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) obs = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  const CtReportInfo *info;
  static const gchar *const sections[] = {
    "B. NHIỆM VỤ › II. Xã hội › Y tế", "", "Phụ lục › Bảng 3", NULL
  };

  g_assert_no_error (error);
  g_assert_true (ct_store_exec (old,
    "INSERT INTO locality (id, name, name_folded) VALUES (1, 'Hòa Vang', 'hoa vang');"
    "INSERT INTO indicator (code, name) VALUES ('YT_BHYT', 'bảo hiểm');"
    "INSERT INTO report (id, locality_id, year, period, period_folded, source_name, sha256,"
    " format, imported_at) VALUES (1, 1, 2021, 'cả năm', 'ca nam', 'hv.txt', 'f00d',"
    " 'text', '2021-12-20T00:00:00Z');"
    "INSERT INTO report_text (report_id, text) VALUES (1, 'Tỷ lệ tham gia bảo hiểm y tế 91%.');"
    "INSERT INTO section (report_id, idx, parent, label, title, level, part, line) VALUES"
    " (1, 0, NULL, 'B.', 'NHIỆM VỤ', 0, 'targets', 3),"
    " (1, 1, 0, 'II.', 'Xã hội', 1, 'targets', 9),"
    " (1, 2, 1, '', 'Y tế', 2, 'targets', 12);"
    "INSERT INTO observation (id, report_id, seq, indicator_id, kind, label, label_folded,"
    " section, value, unit, flags, start, \"end\", line, anchor, ordinal) VALUES"
    " (1, 1, 0, (SELECT id FROM indicator), 'achievement', 'Tỷ lệ tham gia bảo hiểm y tế', 'ty le tham gia bao hiem y te',"
    "  'B. NHIỆM VỤ › II. Xã hội › Y tế', 91, '%', 0, 0, 33, 1, '0123456789abcdef0123', 0),"
    " (2, 1, 1, NULL, 'target', 'Số trạm y tế', 'so tram y te', '', 12, 'trạm', 1, 0, 10, 1,"
    "  '1123456789abcdef0123', 0),"
    " (3, 1, 2, NULL, 'achievement', 'Số giường bệnh', 'so giuong benh', 'Phụ lục › Bảng 3',"
    "  40, 'giường', 0, 0, 10, 1, '2123456789abcdef0123', 0),"
    " (4, 1, 3, NULL, 'achievement', 'Số bác sĩ', 'so bac si', NULL, 8, 'người', 0, 0, 10, 1,"
    "  '3123456789abcdef0123', 0),"
    " (5, 1, 4, NULL, 'achievement', 'Bỏ đi', 'bo di', NULL, 1, NULL, 0, 0, 10, 1,"
    "  '4123456789abcdef0123', 0);"
    "DELETE FROM observation WHERE id = 5;"
    "INSERT INTO correction (locality_id, year, period_folded, anchor, ordinal, field, number,"
    " created_at) VALUES (1, 2021, 'ca nam', '0123456789abcdef0123', 0, 1, 92.5,"
    " '2022-01-05T00:00:00Z');", &error));
  g_assert_no_error (error);
  g_clear_pointer (&old, ct_store_close);

  store = open_store (path);
  g_assert_cmpint (schema_version (store), ==, CT_STORE_SCHEMA_VERSION);
  obs = ct_store_list_observations (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (obs->len, ==, 4);
  for (guint i = 0; i < obs->len; i++)
    {
      const CtStoredObservation *so = g_ptr_array_index (obs, i);

      g_assert_cmpint (so->id, ==, i + 1);
      g_assert_cmpstr (so->obs->section, ==, sections[i]);
      g_assert_cmpint (so->obs->kind, ==, i == 1 ? CT_KIND_TARGET : CT_KIND_ACHIEVEMENT);
      g_assert_cmpuint (so->obs->flags, ==, i == 1 ? 1 : 0);
    }
  /* The correction keyed by anchor applies; the indicator stays linked. */
  g_assert_cmpfloat (((CtStoredObservation *) g_ptr_array_index (obs, 0))->obs->value, ==, 92.5);
  g_assert_cmpstr (((CtStoredObservation *) g_ptr_array_index (obs, 0))->indicator_code, ==, "YT_BHYT");
  g_assert_cmpint (count_rows (store, "observation WHERE section_idx = 2 AND section IS NULL"), ==, 1);
  g_assert_cmpint (count_rows (store, "report_counts WHERE n = 4 AND matched = 1 AND flagged = 1"), ==, 1);
  reports = ct_store_list_reports (store, &error);
  g_assert_no_error (error);
  info = g_ptr_array_index (reports, 0);
  g_assert_cmpuint (info->n_observations, ==, 4);
  g_assert_cmpuint (info->n_matched, ==, 1);
  g_assert_cmpuint (info->n_flagged, ==, 1);
  if (pg_server == NULL)
    g_assert_cmpint (count_rows (store, "sqlite_sequence WHERE name = 'observation' AND seq = 5"), ==, 1);

  /* A new correction of the same field replaces the old one: the anchors
   * of both are the same key. */
  {
    g_autoptr(CtCorrection) again = ct_correction_new (CT_CORRECTION_VALUE, 93, NULL);
    g_autoptr(CtStoredObservation) so = NULL;

    g_assert_true (ct_store_set_correction (store, 1, again, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count_rows (store, "correction"), ==, 1);
    so = ct_store_get_observation (store, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (so->obs->value, ==, 93);
  }
}


/* Each cell of CODE's row in a comparison filtered by FILTER as a
 * comparison of every indicator shows it, for the reports of YEAR (0:
 * all): the filtered reading finds the same figures by another statement. */
static void
assert_filter_agrees (CtStore     *store,
                      const gchar *filter,
                      const gchar *code,
                      gint         year)
{
  g_autoptr(CtCompareQuery) all_q = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  g_autoptr(CtCompareQuery) one_q = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  g_autoptr(CtComparison) all = NULL;
  g_autoptr(CtComparison) one = NULL;
  g_autoptr(GError) error = NULL;
  gint all_row, one_row;
  guint filled = 0;

  all_q->year = one_q->year = year;
  one_q->indicator = g_strdup (filter);
  all = ct_store_compare (store, all_q, &error);
  g_assert_no_error (error);
  one = ct_store_compare (store, one_q, &error);
  g_assert_no_error (error);
  all_row = ct_comparison_find_row (all, code);
  one_row = ct_comparison_find_row (one, code);
  g_assert_cmpint (all_row, >=, 0);
  g_assert_cmpint (one_row, >=, 0);
  g_assert_cmpuint (ct_comparison_get_n_columns (one), ==, ct_comparison_get_n_columns (all));
  for (guint c = 0; c < ct_comparison_get_n_columns (all); c++)
    {
      const CtCompareCell *a = ct_comparison_get_cell (all, all_row, c);
      const CtCompareCell *o = ct_comparison_get_cell (one, one_row, c);

      g_assert_cmpint (o->observation_id, ==, a->observation_id);
      g_assert_cmpuint (o->n_more, ==, a->n_more);
      g_assert_cmpint (o->verdict, ==, a->verdict);
      filled += o->observation_id != 0;
    }
  g_assert_cmpuint (filled, >, 0);
}

/* Grain output stated twice in a half-year report, once as the result so
 * far and once as the year's aim, and the revenue; the aim is no figure of
 * the comparison. */
static void
import_with_target (CtStore     *store,
                    const gchar *name,
                    const gchar *locality,
                    gint         year,
                    gdouble      rice)
{
  g_autofree gchar *text = g_strdup_printf ("BÁO CÁO\nKết quả 6 tháng đầu năm\n"
                                            "Tổng sản lượng lương thực có hạt đạt %.0f tấn.\n"
                                            "Thu ngân sách được 9 tỷ đồng.\n"
                                            "Cả năm phấn đấu sản lượng lương thực 9000 tấn.\n", rice);
  g_autofree gchar *value = g_strdup_printf ("%.0f tấn", rice);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDocument) doc = make_doc (name, text);
  g_autoptr(GPtrArray) obs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_observation_free);
  g_autoptr(CtImportOptions) options = options_for (locality, year, FALSE);
  g_autoptr(CtImportResult) result = NULL;
  CtObservation *aim;

  g_ptr_array_add (obs, obs_at (doc, value, "Tổng sản lượng lương thực có hạt", rice, "tấn", NAN, NAN));
  g_ptr_array_add (obs, obs_at (doc, "9 tỷ đồng", "Thu ngân sách", 9, "tỷ đồng", NAN, NAN));
  aim = obs_at (doc, "9000 tấn", "Tổng sản lượng lương thực có hạt", 9000, "tấn", NAN, NAN);
  aim->kind = CT_KIND_TARGET;
  g_ptr_array_add (obs, aim);
  result = ct_store_import_document (store, doc, obs, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
}

/* The schema before the step that made the figures' index. */
#define FIGURES_INDEX_BEFORE 9

/* A library of the schema before found a one-indicator comparison's
 * figures through an index of the indicator alone; reopened, it has the index
 * that also holds kind, report and order, and the comparison finds the
 * same cells as one of every indicator, for all reports or some. */
static void
test_migration_figures_index (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) old = open_store (path);
  g_autoptr(CtStore) store = NULL;
  const gchar *indexes = pg_server != NULL ? "pg_indexes WHERE indexname = "
                                           : "sqlite_master WHERE type = 'index' AND name = ";
  g_autofree gchar *old_index = g_strconcat (indexes, "'observation_indicator'", NULL);
  g_autofree gchar *new_index = g_strconcat (indexes, "'observation_indicator_figures'", NULL);

  g_assert_no_error (error);
  import_with_target (old, "p.txt", "Phong Điền", 2021, 5100);
  import_with_target (old, "q.txt", "Quảng Điền", 2022, 4300);
  import_with_target (old, "r.txt", "Phú Vang", 2022, 6200);
  /* The schema before the step that made the index differed in that index
   * alone. */
  g_assert_true (ct_store_exec (old, pg_server != NULL
    ? "DROP INDEX observation_indicator_figures;"
      "CREATE INDEX observation_indicator ON observation (indicator_id);"
      "UPDATE chitieu_library SET schema_version = " G_STRINGIFY (FIGURES_INDEX_BEFORE) ";"
    : "DROP INDEX observation_indicator_figures;"
      "CREATE INDEX observation_indicator ON observation (indicator_id);", &error));
  g_assert_no_error (error);
  if (pg_server == NULL)
    {
      /* PRAGMA takes no expression. */
      g_autofree gchar *back = g_strdup_printf ("PRAGMA user_version = %d", FIGURES_INDEX_BEFORE);

      g_assert_true (ct_store_exec (old, back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (schema_version (old), ==, FIGURES_INDEX_BEFORE);
    }
  else
    g_assert_cmpint (count_rows (old, "chitieu_library WHERE schema_version = "
                                      G_STRINGIFY (FIGURES_INDEX_BEFORE)), ==, 1);
  g_assert_cmpint (count_rows (old, old_index), ==, 1);
  g_clear_pointer (&old, ct_store_close);

  store = open_store (path);
  g_assert_cmpint (schema_version (store), ==, CT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (store, old_index), ==, 0);
  g_assert_cmpint (count_rows (store, new_index), ==, 1);
  assert_filter_agrees (store, "NN_LUONG_THUC", "NN_LUONG_THUC", 0);
  assert_filter_agrees (store, "NN_LUONG_THUC", "NN_LUONG_THUC", 2022);
  assert_filter_agrees (store, "NS_THU", "NS_THU", 2021);
  /* A filter several indicators' names share reads them all at once. */
  assert_filter_agrees (store, "thu", "NN_LUONG_THUC", 2022);
  assert_filter_agrees (store, "thu", "NS_THU", 0);
}

/* A library of schema 7 kept a row per sentence, its id the full-text
 * entry: upgraded, its sentences are found where they were, with their
 * lines, and removing the report takes its entries out of the index. */
static void
test_migration_sentences (void)
{
  static const gchar text[] = "Mở đầu.\nDiện tích khoai lang vụ mùa 1.200 ha; năng suất đạt 60 tạ/ha.\n"
                              "Kết thúc báo cáo.";
  const gchar *first = strstr (text, "Diện"), *second = strstr (text, "năng");
  const gchar *third = strstr (text, "Kết");
  g_autofree gchar *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) old = ct_store_open_at_version (path, 7, &error);
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree gchar *rows = NULL;
  g_autofree gchar *words = NULL;
  CtSearchHit *hit;

  g_assert_no_error (error);
  /* Ids 40… as an older library's later report would have them. */
  rows = g_strdup_printf (
    "INSERT INTO locality (id, name, name_folded) VALUES (1, 'Lạc Sơn', 'lac son');"
    "INSERT INTO report (id, locality_id, year, period, period_folded, source_name, sha256,"
    " format, imported_at) VALUES (7, 1, 2021, 'cả năm', 'ca nam', 'ls.txt', 'f00d',"
    " 'text', '2021-12-30T00:00:00Z');"
    "INSERT INTO report_text (report_id, text) VALUES (7, '%s');"
    "INSERT INTO sentence (id, report_id, start, \"end\", line) VALUES"
    " (40, 7, 0, %d, 1), (41, 7, %d, %d, 2), (42, 7, %d, %d, 2), (43, 7, %d, %d, 3);",
    text, (int) (strchr (text, '\n') - text),
    (int) (first - text), (int) (second - 1 - text),
    (int) (second - text), (int) (strchr (second, '\n') - text),
    (int) (third - text), (int) strlen (text));
  g_assert_true (ct_store_exec (old, rows, &error));
  g_assert_no_error (error);
  words = pg_server != NULL
    ? g_strdup ("INSERT INTO sentence_fts (id, folded) VALUES"
                " (40, to_tsvector ('simple', 'mo dau')),"
                " (41, to_tsvector ('simple', 'dien tich khoai lang vu mua 1 200 ha')),"
                " (42, to_tsvector ('simple', 'nang suat dat 60 ta ha')),"
                " (43, to_tsvector ('simple', 'ket thuc bao cao'))")
    : g_strdup_printf ("INSERT INTO sentence_fts (rowid, folded) VALUES (40, 'Mở dầu.'),"
                       " (41, '%.*s'), (42, '%.*s'), (43, '%s')",
                       (int) (second - 1 - first), first, (int) (strchr (second, '\n') - second), second,
                       third);
  g_assert_true (ct_store_exec (old, words, &error));
  g_assert_no_error (error);
  g_clear_pointer (&old, ct_store_close);

  store = open_store (path);
  g_assert_cmpint (schema_version (store), ==, CT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_sentences (store), ==, 4);
  hits = ct_store_search (store, "nang suat", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->report_id, ==, 7);
  g_assert_cmpint (hit->start, ==, second - text);
  g_assert_cmpint (hit->line, ==, 2);
  g_assert_cmpstr (hit->sentence, ==, "năng suất đạt 60 tạ/ha.");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = ct_store_search (store, "ket thuc", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((CtSearchHit *) g_ptr_array_index (hits, 0))->line, ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (ct_store_delete_report (store, 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_sentences (store), ==, 0);
  hits = ct_store_search (store, "khoai lang", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  if (pg_server != NULL)
    g_assert_cmpint (count_rows (store, "sentence_fts"), ==, 0);
  else
    g_assert_cmpint (count_rows (store, "sentence_fts WHERE sentence_fts MATCH 'khoai OR nang OR ket OR mo'"),
                     ==, 0);
}

/* A library of schema 10 had its full-text entries folded by SQLite's
 * unicode61 tokenizer: upgraded, the entries are made again from the
 * stored texts in the form the search now gives (words folded before they
 * reach the index), so its sentences are found typed either way, and
 * removing the report takes out exactly what was put in. */
static void
test_migration_search (void)
{
  static const gchar text[] = "Phần mở đầu.\nKè chống sạt lở “bờ Bắc” – dài 1.250 m; Đường liên xã đạt 87%.\n";
  const gchar *second = strstr (text, "Kè"), *third = strstr (text, "Đường");
  g_autofree gchar *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) old = ct_store_open_at_version (path, 10, &error);
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GString) spans = g_string_new (NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree gchar *rows = NULL;
  CtStoreSentence last = { 0 };
  static const gchar *const typed[] = { "bo bac", "bờ Bắc", "DUONG lien", "sạt lở", "1 250", NULL };

  g_assert_no_error (error);
  ct_store_spans_append (spans, &last, 0, strchr (text, '\n') - text, 1);
  ct_store_spans_append (spans, &last, second - text, third - 1 - text, 2);
  ct_store_spans_append (spans, &last, third - text, strlen (text) - 1, 2);
  rows = g_strdup_printf (
    "INSERT INTO locality (id, name, name_folded) VALUES (1, 'Cái Bè', 'cai be');"
    "INSERT INTO report (id, locality_id, year, period, period_folded, source_name, sha256,"
    " format, imported_at) VALUES (3, 1, 2022, 'cả năm', 'ca nam', 'cb.txt', 'beef',"
    " 'text', '2022-12-30T00:00:00Z');"
    "INSERT INTO report_text (report_id, text) VALUES (3, '%s');"
    "INSERT INTO sentence_span (report_id, first, n, spans) VALUES (3, 20, 3, '%s');",
    text, spans->str);
  g_assert_true (ct_store_exec (old, rows, &error));
  g_assert_no_error (error);
  /* The entries as schema 10 gave them: the text with đ as d only. */
  if (pg_server == NULL)
    g_assert_true (ct_store_exec (old,
      "INSERT INTO sentence_fts (rowid, folded) VALUES (20, 'Phần mở dầu.'),"
      " (21, 'Kè chống sạt lở “bờ Bắc” – dài 1.250 m;'), (22, 'Dường liên xã đạt 87%.')", &error));
  else
    g_assert_true (ct_store_exec (old,
      "INSERT INTO sentence_fts (id, folded) VALUES (20, to_tsvector ('simple', 'phan mo dau')),"
      " (21, to_tsvector ('simple', 'ke chong sat lo bo bac dai 1 250 m')),"
      " (22, to_tsvector ('simple', 'duong lien xa dat 87'))", &error));
  g_assert_no_error (error);
  g_clear_pointer (&old, ct_store_close);

  store = open_store (path);
  g_assert_cmpint (schema_version (store), ==, CT_STORE_SCHEMA_VERSION);
  if (pg_server == NULL)
    {
      g_autofree gchar *sql = query_text (store, "SELECT sql FROM sqlite_master WHERE name = 'sentence_fts'");

      g_assert_nonnull (strstr (sql, "tokenize = 'ascii'"));
      g_assert_cmpint (count_rows (store, "sentence_fts_config WHERE k = 'hashsize'"), ==, 1);
    }
  for (guint i = 0; typed[i] != NULL; i++)
    {
      hits = ct_store_search (store, typed[i], 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      g_assert_cmpint (((CtSearchHit *) g_ptr_array_index (hits, 0))->line, ==, 2);
      g_clear_pointer (&hits, g_ptr_array_unref);
    }
  g_assert_true (ct_store_delete_report (store, 3, &error));
  g_assert_no_error (error);
  if (pg_server == NULL)
    g_assert_cmpint (count_rows (store, "sentence_fts WHERE sentence_fts MATCH 'phan OR ke OR bo OR duong OR 87'"),
                     ==, 0);
  else
    g_assert_cmpint (count_rows (store, "sentence_fts"), ==, 0);
}

/* The words the full-text index is given are the search's own: what
 * ct_catalog_fold_phrase() makes of the user's words, whatever the
 * punctuation, case, marks and scripts around them. */
static void
test_index_words (void)
{
  static const gchar *const texts[] = {
    "Đường GTNT “bê tông hóa” – 12,5 km (đạt 104%);", "ĐƯỜNG…đi—về", "  lẻ   loi  ",
    "Ước tính: 3.450/4.000 hộ; tỷ lệ 86,25%!", "x²+y₂ ½ Ⅻ", "naïve café Ø Straße", "",
    "#@!", "Hà Nội/TP.HCM", "mười\tbốn\nhai", NULL
  };

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autofree gchar *index = ct_store_fold_for_index (texts[i], strlen (texts[i]));
      g_autofree gchar *search = ct_catalog_fold_phrase (texts[i]);

      g_assert_cmpstr (index, ==, search);
    }
}

/* While files wait for the writer, one reader rests, so that readers and
 * writer together ask no more cores than there are; with few waiting, or a
 * single reader, all read. */
static void
test_readers_rest (void)
{
  g_assert_cmpuint (ct_store_readers_allowed (2, 0), ==, 2);
  g_assert_cmpuint (ct_store_readers_allowed (2, 7), ==, 2);
  g_assert_cmpuint (ct_store_readers_allowed (2, 8), ==, 1);
  g_assert_cmpuint (ct_store_readers_allowed (2, 300), ==, 1);
  g_assert_cmpuint (ct_store_readers_allowed (6, 40), ==, 5);
  g_assert_cmpuint (ct_store_readers_allowed (1, 0), ==, 1);
  g_assert_cmpuint (ct_store_readers_allowed (1, 40), ==, 1);
  g_assert_cmpuint (ct_store_readers_allowed (0, 0), ==, 1);
}

/* A batch ends at 256 files or 16 MB, and early when 128 files are left,
 * so the last one, written after the readers are done, is small; never
 * early for a batch of a few files. */
static void
test_batch_full (void)
{
  g_assert_true (ct_store_batch_full (256, 0, 1000));
  g_assert_true (ct_store_batch_full (10, 16 * 1024 * 1024, 1000));
  g_assert_false (ct_store_batch_full (255, 16 * 1024 * 1024 - 1, 1000));
  g_assert_true (ct_store_batch_full (80, 0, 128));
  g_assert_false (ct_store_batch_full (80, 0, 129));
  g_assert_false (ct_store_batch_full (80, 0, 127));
  g_assert_false (ct_store_batch_full (20, 0, 128));
  g_assert_false (ct_store_batch_full (200, 0, 0));
}

/* Reports without a sentence (a scan with no words read, a blank page)
 * one after the other, then one with sentences: each is stored and found. */
static void
test_reports_without_sentences (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtImportResult) last = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("trang-trang-%u.txt", i);
      g_autoptr(CtDocument) doc = make_doc (name, i == 0 ? " \n" : "\t \n\n");
      g_autoptr(GPtrArray) none = g_ptr_array_new ();
      g_autoptr(CtImportOptions) options = options_for ("Kỳ Sơn", 2018 + i, FALSE);
      g_autoptr(CtImportResult) result = ct_store_import_document (store, doc, none, options, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (result->status, ==, CT_IMPORT_NEW);
    }
  g_assert_cmpint (count_sentences (store), ==, 0);
  last = import_report (store, "a.txt", report_a, "Kỳ Sơn", 2020, 11.327, "tỷ đồng", FALSE);
  g_assert_cmpint (last->status, ==, CT_IMPORT_NEW);
  hits = ct_store_search (store, "hop bao", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((CtSearchHit *) g_ptr_array_index (hits, 0))->report_id, ==, last->report_id);
  g_assert_true (ct_store_delete_report (store, 1, &error));
  g_assert_no_error (error);
}

static void
test_import_statuses (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(CtImportResult) first = NULL;
  g_autoptr(CtImportResult) again = NULL;
  g_autoptr(CtImportResult) conflict = NULL;
  g_autoptr(CtImportResult) replaced = NULL;
  g_autofree gchar *changed = g_strconcat (report_a, "Bổ sung một dòng.\n", NULL);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  gint64 obs_before, sentences_before;

  first = import_report (store, "a.txt", report_a, "Nam Đông", 2020, 11.327, "tỷ đồng", FALSE);
  g_assert_cmpint (first->status, ==, CT_IMPORT_NEW);
  g_assert_cmpuint (first->n_observations, ==, 3);
  g_assert_cmpuint (first->n_matched, ==, 2);
  g_assert_cmpstr (first->locality, ==, "Nam Đông");
  g_assert_cmpint (first->year, ==, 2020);
  g_assert_false (ct_store_is_empty (store));
  obs_before = count_rows (store, "observation");
  sentences_before = count_sentences (store);
  g_assert_cmpint (obs_before, ==, 3);
  g_assert_cmpint (sentences_before, >=, 5);

  /* The same bytes again change nothing and say so. */
  again = import_report (store, "a-copy.txt", report_a, "Nam Đông", 2020, 11.327, "tỷ đồng", FALSE);
  g_assert_cmpint (again->status, ==, CT_IMPORT_UNCHANGED);
  g_assert_cmpint (again->report_id, ==, first->report_id);
  g_assert_cmpuint (again->n_observations, ==, 3);
  g_assert_cmpint (count_rows (store, "observation"), ==, obs_before);
  g_assert_cmpint (count_rows (store, "report"), ==, 1);

  /* Known bytes need no metadata to be recognised. */
  {
    g_autoptr(CtDocument) doc = make_doc ("again.txt", report_a);
    g_autoptr(CtImportResult) bare = ct_store_import_document (store, doc, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (bare->status, ==, CT_IMPORT_UNCHANGED);
    g_assert_cmpstr (bare->locality, ==, "Nam Đông");
    g_assert_cmpint (bare->year, ==, 2020);
  }

  /* A different file for the same slot is refused without replace. */
  conflict = import_report (store, "b.txt", changed, "nam dong", 2020, 11.327, "tỷ đồng", FALSE);
  g_assert_cmpint (conflict->status, ==, CT_IMPORT_CONFLICT);
  g_assert_cmpint (conflict->report_id, ==, first->report_id);
  g_assert_cmpstr (conflict->conflict_source, ==, "a.txt");
  g_assert_cmpint (count_rows (store, "report"), ==, 1);
  g_assert_cmpint (count_rows (store, "observation"), ==, obs_before);
  g_assert_cmpint (count_sentences (store), ==, sentences_before);

  /* Folders the file was read from stay on the user's machine. */
  replaced = import_report (store, "/srv/bao-cao/2020/b.txt", changed, "Nam Đông", 2020, 11.327, "tỷ đồng", TRUE);
  g_assert_cmpint (replaced->status, ==, CT_IMPORT_REPLACED);
  g_assert_cmpint (replaced->report_id, !=, first->report_id);
  g_assert_cmpint (count_rows (store, "report"), ==, 1);
  g_assert_cmpint (count_rows (store, "observation"), ==, 3);
  g_assert_cmpint (count_sentences (store), ==, sentences_before + 1);

  reports = ct_store_list_reports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpstr (((CtReportInfo *) g_ptr_array_index (reports, 0))->source_name, ==, "b.txt");
  g_assert_cmpstr (((CtReportInfo *) g_ptr_array_index (reports, 0))->province, ==, "Tỉnh Thử Nghiệm");
  g_assert_cmpuint (((CtReportInfo *) g_ptr_array_index (reports, 0))->n_matched, ==, 2);
}

static void
test_import_needs_metadata (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(CtDocument) doc = make_doc ("anonymous.txt", "Sản lượng 12 tấn.\n");
  g_autoptr(GPtrArray) obs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_observation_free);
  g_autoptr(CtImportOptions) options = ct_import_options_new ();
  g_autoptr(GError) error = NULL;
  CtImportResult *result;

  options->year = 2021;
  result = ct_store_import_document (store, doc, obs, options, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CT_ERROR, CT_ERROR_MISSING_METADATA);
  /* The core's message serves the window too: no command-line flags. */
  g_assert_null (strstr (error->message, "--"));
  g_assert_cmpint (count_rows (store, "report"), ==, 0);
  g_assert_cmpint (count_rows (store, "locality"), ==, 0);
}

static void
test_cancelled_import_writes_nothing (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(CtDocument) doc = make_doc ("a.txt", report_a);
  g_autoptr(GPtrArray) obs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_observation_free);
  g_autoptr(CtImportOptions) options = options_for ("Nam Đông", 2020, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (ct_store_import_document (store, doc, obs, options, cancellable, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_CANCELLED);
  g_assert_cmpint (count_rows (store, "report"), ==, 0);
}

/* Two districts, two years; one writes revenue in triệu đồng. */
static CtStore *
comparison_library (gint64 *ids)
{
  g_autofree gchar *path = new_db_path ();
  CtStore *store = open_store (path);
  g_autofree gchar *text_b = g_strconcat (report_a, "Năm sau.\n", NULL);
  g_autofree gchar *text_c = g_strconcat (report_a, "Huyện khác.\n", NULL);
  CtImportResult *r;

  r = import_report (store, "a.txt", report_a, "Nam Đông", 2020, 11.327, "tỷ đồng", FALSE);
  ids[0] = r->report_id;
  ct_import_result_free (r);
  r = import_report (store, "b.txt", text_b, "Nam Đông", 2023, 11.327, "tỷ đồng", FALSE);
  ids[1] = r->report_id;
  ct_import_result_free (r);
  r = import_report (store, "c.txt", text_c, "A Lưới", 2023, 11327, "triệu đồng", FALSE);
  ids[2] = r->report_id;
  ct_import_result_free (r);
  return store;
}

static void
test_compare (void)
{
  gint64 ids[3];
  g_autoptr(CtStore) store = comparison_library (ids);
  g_autoptr(CtCompareQuery) q = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  g_autoptr(CtComparison) cmp = NULL;
  g_autoptr(GError) error = NULL;
  const CtCompareCell *cell;
  const CtCompareRow *row;
  gint grain, revenue;

  cmp = ct_store_compare (store, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ct_comparison_get_n_columns (cmp), ==, 3);
  /* Rows only for indicators with figures, in catalogue order. */
  g_assert_cmpuint (ct_comparison_get_n_rows (cmp), ==, 2);
  grain = ct_comparison_find_row (cmp, "NN_LUONG_THUC");
  revenue = ct_comparison_find_row (cmp, "NS_THU");
  g_assert_cmpint (grain, >=, 0);
  g_assert_cmpint (revenue, >, grain);
  g_assert_cmpint (ct_comparison_find_row (cmp, "NO_SUCH"), ==, -1);
  /* Columns sorted by province, locality (Vietnamese order), year. */
  g_assert_cmpstr (ct_comparison_get_column (cmp, 0)->locality, ==, "A Lưới");
  g_assert_cmpint (ct_comparison_get_column (cmp, 1)->year, ==, 2020);
  g_assert_cmpstr (ct_comparison_get_column (cmp, 2)->title, ==, "Nam Đông · 6 tháng đầu năm 2023");

  cell = ct_comparison_get_cell (cmp, grain, 1);
  g_assert_cmpint (cell->observation_id, >, 0);
  g_assert_cmpfloat (cell->value, ==, 2703.5);
  g_assert_cmpfloat (cell->plan, ==, 4500);
  g_assert_cmpfloat (cell->rate, ==, 60.1);
  g_assert_cmpfloat_with_epsilon (ct_compare_cell_get_rate (cell), 60.1, 1e-9);
  g_assert_cmpstr (cell->unit, ==, "tấn");

  /* triệu đồng and tỷ đồng side by side, in the row's unit. */
  row = ct_comparison_get_row (cmp, revenue);
  g_assert_cmpstr (row->unit, ==, "tỷ đồng");
  g_assert_cmpstr (row->sector, !=, NULL);
  cell = ct_comparison_get_cell (cmp, revenue, 0);
  g_assert_cmpstr (cell->unit, ==, "triệu đồng");
  g_assert_cmpfloat (cell->value, ==, 11327);
  g_assert_cmpfloat_with_epsilon (cell->value_normalized, 11.327, 1e-9);
  g_assert_true (isnan (cell->plan));
  g_clear_pointer (&cmp, ct_comparison_unref);

  /* One indicator by name; unknown names are an error. */
  g_free (q->indicator);
  q->indicator = g_strdup ("lương thực có hạt");
  cmp = ct_store_compare (store, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ct_comparison_get_n_rows (cmp), ==, 1);
  g_assert_cmpstr (ct_comparison_get_row (cmp, 0)->code, ==, "NN_LUONG_THUC");
  g_assert_cmpuint (ct_comparison_get_row (cmp, 0)->n_values, ==, 3);
  g_clear_pointer (&cmp, ct_comparison_unref);
  g_free (q->indicator);
  q->indicator = g_strdup ("chỉ tiêu không có");
  g_assert_null (ct_store_compare (store, q, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&q->indicator, g_free);

  /* × localities for one year. */
  q->axis = CT_COMPARE_BY_LOCALITY;
  q->year = 2023;
  cmp = ct_store_compare (store, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ct_comparison_get_n_columns (cmp), ==, 2);
  /* each column is a locality's latest report: the title says which */
  g_assert_true (g_str_has_prefix (ct_comparison_get_column (cmp, 0)->title, "A Lưới · "));
  g_assert_true (g_str_has_suffix (ct_comparison_get_column (cmp, 0)->title, " 2023"));
  g_assert_true (g_str_has_prefix (ct_comparison_get_column (cmp, 1)->title, "Nam Đông · "));
  g_assert_true (g_str_has_suffix (ct_comparison_get_column (cmp, 1)->title, " 2023"));
  g_clear_pointer (&cmp, ct_comparison_unref);

  /* One locality over the years needs the locality. */
  q->axis = CT_COMPARE_BY_YEAR;
  q->year = 0;
  g_assert_null (ct_store_compare (store, q, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
}

/* Every statement the list and a one-indicator comparison ran that reads
 * observations finds its rows through an index: the library of a province
 * holds hundreds of thousands, and a scan of the table is what made `list`
 * and `compare` wait. A scan of an index that holds every column asked for
 * (a covering index) reads a small part of the table's bytes and passes. */
static void
test_query_plans (void)
{
  gint64 ids[3];
  g_autoptr(CtStore) store = comparison_library (ids);
  g_autoptr(CtCompareQuery) q = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  g_autoptr(CtComparison) cmp = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  const gchar *sql;
  guint checked = 0;

  /* Only what the list and the comparison run: the import's statements
   * (its counting of each report's figures among them) go first. */
  g_hash_table_remove_all (store->statements);
  reports = ct_store_list_reports (store, &error);
  g_assert_no_error (error);
  /* The list's counts are its reports' own: no observation row is read. */
  g_hash_table_iter_init (&iter, store->statements);
  while (g_hash_table_iter_next (&iter, (gpointer *) &sql, NULL))
    if (strstr (sql, "FROM observation") != NULL && strstr (sql, "FROM correction") == NULL)
      g_error ("the list reads observations: %s", sql);
  q->indicator = g_strdup ("NS_THU");
  cmp = ct_store_compare (store, q, &error);
  g_assert_no_error (error);

  g_hash_table_iter_init (&iter, store->statements);
  while (g_hash_table_iter_next (&iter, (gpointer *) &sql, NULL))
    {
      g_autofree gchar *explain = NULL;
      CtDbStmt *plan = NULL;

      if (strstr (sql, "FROM observation") == NULL)
        continue;
      explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_assert_cmpint (ct_db_prepare (store->db, explain, &plan), ==, CT_DB_OK);
      while (ct_db_step (plan) == CT_DB_ROW)
        {
          const gchar *detail = ct_db_column_text (plan, 3);
          gboolean scans = g_str_has_prefix (detail, "SCAN o ") || g_str_equal (detail, "SCAN o") ||
                           g_str_has_prefix (detail, "SCAN observation");

          if (scans && strstr (detail, "COVERING INDEX") == NULL)
            g_error ("%s\nreads every observation: %s", sql, detail);
        }
      ct_db_finalize (plan);
      checked++;
    }
  /* The comparison's figures at least: the list counts from report_counts. */
  g_assert_cmpuint (checked, >=, 1);

  /* A one-indicator comparison reads its figures in one range of an index,
   * past the targets, in the order it places them: no sort. */
  checked = 0;
  g_hash_table_iter_init (&iter, store->statements);
  while (g_hash_table_iter_next (&iter, (gpointer *) &sql, NULL))
    {
      g_autofree gchar *explain = NULL;
      CtDbStmt *plan = NULL;
      gboolean ranged = FALSE;

      if (strstr (sql, "FROM observation o") == NULL || strstr (sql, "ORDER BY o.report_id") == NULL)
        continue;
      explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_assert_cmpint (ct_db_prepare (store->db, explain, &plan), ==, CT_DB_OK);
      while (ct_db_step (plan) == CT_DB_ROW)
        {
          const gchar *detail = ct_db_column_text (plan, 3);

          if (strstr (detail, "TEMP B-TREE") != NULL)
            g_error ("%s\nsorts the figures: %s", sql, detail);
          ranged |= g_str_has_prefix (detail, "SEARCH o USING INDEX observation_indicator_figures"
                                              " (indicator_id=? AND kind=?)");
        }
      ct_db_finalize (plan);
      g_assert_true (ranged);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 1);
}

/* The list's counts per report, as the library's triggers keep them while
 * figures are added, changed and removed, equal counting the figures. */
static void
assert_counts (CtStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = ct_store_list_reports (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < reports->len; i++)
    {
      const CtReportInfo *info = g_ptr_array_index (reports, i);
      g_autofree gchar *where = g_strdup_printf ("observation WHERE report_id = %" G_GINT64_FORMAT, info->id);
      g_autofree gchar *matched = g_strconcat (where, " AND indicator_id IS NOT NULL", NULL);
      g_autofree gchar *flagged = g_strconcat (where, " AND flags <> 0", NULL);

      g_assert_cmpint (info->n_observations, ==, count_rows (store, where));
      g_assert_cmpint (info->n_matched, ==, count_rows (store, matched));
      g_assert_cmpint (info->n_flagged, ==, count_rows (store, flagged));
    }
}

static void
test_report_counts (void)
{
  gint64 ids[3];
  g_autoptr(CtStore) store = comparison_library (ids);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *unmatch = g_strdup_printf ("UPDATE observation SET indicator_id = NULL, flags = 4"
                                               " WHERE report_id = %" G_GINT64_FORMAT
                                               " AND indicator_id IS NOT NULL", ids[1]);

  assert_counts (store);
  g_assert_cmpint (count_rows (store, "report_counts WHERE n = 3"), ==, 3);
  g_assert_true (ct_store_exec (store, unmatch, &error));
  assert_counts (store);
  g_assert_cmpint (count_rows (store, "report_counts WHERE matched = 0 AND flagged > 0"), ==, 1);
  g_assert_true (ct_store_delete_report (store, ids[0], &error));
  g_assert_no_error (error);
  assert_counts (store);
  g_assert_cmpint (count_rows (store, "report_counts"), ==, 2);

  /* Another file for a slot replaces its report: the counts are the new
   * report's alone, written once however many figures it has. */
  {
    g_autofree gchar *text = g_strconcat (report_a, "Bản sửa lại.\n", NULL);
    g_autoptr(CtImportResult) again = import_report (store, "b-sua.txt", text, "Nam Đông", 2023, 9.5,
                                                     "tỷ đồng", TRUE);

    g_assert_cmpint (again->status, ==, CT_IMPORT_REPLACED);
    assert_counts (store);
    g_assert_cmpint (count_rows (store, "report_counts"), ==, 2);
    g_assert_cmpint (count_rows (store, "report_counts WHERE n = 3 AND matched > 0"), ==, 2);
  }
}

static void
test_compare_by_year (void)
{
  gint64 ids[3];
  g_autoptr(CtStore) store = comparison_library (ids);
  g_autoptr(CtCompareQuery) q = ct_compare_query_new (CT_COMPARE_BY_YEAR);
  g_autoptr(CtComparison) cmp = NULL;
  g_autoptr(CtReportInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gint unclassified = -1;

  info = ct_store_get_report (store, ids[1], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->n_observations, ==, 3);
  q->locality_id = info->locality_id;
  q->include_unclassified = TRUE;
  cmp = ct_store_compare (store, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ct_comparison_get_n_columns (cmp), ==, 2);
  g_assert_cmpint (ct_comparison_get_column (cmp, 0)->year, ==, 2020);
  g_assert_cmpint (ct_comparison_get_column (cmp, 1)->year, ==, 2023);
  g_assert_cmpstr (ct_comparison_get_column (cmp, 1)->title, ==, "6 tháng đầu năm 2023");
  g_assert_cmpuint (ct_comparison_get_n_rows (cmp), ==, 3);
  for (guint i = 0; i < ct_comparison_get_n_rows (cmp); i++)
    if (ct_comparison_get_row (cmp, i)->code == NULL)
      unclassified = i;
  /* Unclassified labels come last and keep their words. */
  g_assert_cmpint (unclassified, ==, 2);
  g_assert_cmpstr (ct_comparison_get_row (cmp, unclassified)->name, ==, "Họp báo định kỳ");
  g_assert_null (ct_comparison_get_row (cmp, unclassified)->sector);
  g_assert_cmpfloat (ct_comparison_get_cell (cmp, unclassified, 0)->value, ==, 3);
}

static void
test_comparison_new (void)
{
  CtCompareRow rows[1] = { { .code = (gchar *) "X", .name = (gchar *) "Tên", .unit = (gchar *) "ha" } };
  CtCompareColumn cols[2] = { { .report_id = 1, .title = (gchar *) "A" },
                              { .report_id = 2, .title = (gchar *) "B" } };
  CtCompareCell cells[2] = { { .observation_id = 5, .value = 1, .rate = NAN, .rate_computed = 50,
                               .unit = (gchar *) "ha" },
                             { .observation_id = 0, .value = NAN, .rate = NAN, .rate_computed = NAN } };
  g_autoptr(CtCompareQuery) q = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  CtComparison *cmp = ct_comparison_new (q, rows, 1, cols, 2, cells);
  CtComparison *ref = ct_comparison_ref (cmp);

  ct_comparison_unref (cmp);
  g_assert_cmpstr (ct_comparison_get_column (ref, 1)->title, ==, "B");
  g_assert_cmpfloat (ct_compare_cell_get_rate (ct_comparison_get_cell (ref, 0, 0)), ==, 50);
  g_assert_true (isnan (ct_compare_cell_get_rate (ct_comparison_get_cell (ref, 0, 1))));
  g_assert_true (ct_comparison_get_cell (ref, 0, 0)->unit != cells[0].unit);
  g_assert_cmpint (ct_comparison_get_query (ref)->axis, ==, CT_COMPARE_BY_REPORT);
  ct_comparison_unref (ref);
}

static gint64
observation_labelled (CtStore     *store,
                      gint64       report_id,
                      const gchar *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ct_store_list_observations (store, report_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      CtStoredObservation *so = g_ptr_array_index (list, i);

      if (g_strcmp0 (so->obs->label, label) == 0)
        return so->id;
    }
  g_assert_not_reached ();
}

/* A figure read from a PDF or a scan names its page: the store keeps the
 * first line of every page, and a text report has none. */
static void
test_source_page (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  /* Three pages: lines 1–2, 3–4 and 5–6. */
  g_autoptr(CtDocument) doc = make_doc ("in.pdf",
    "BÁO CÁO tình hình 6 tháng đầu năm\n"
    "Họp giao ban 2 cuộc.\n"
    "Trồng rừng tập trung được 35,5/50 ha, đạt 71% kế hoạch.\n"
    "Trang tiếp theo.\n"
    "Tổng thu ngân sách trên địa bàn 8,4 tỷ đồng, đạt 52% dự toán.\n"
    "Hết.\n");
  g_autoptr(GPtrArray) obs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_observation_free);
  g_autoptr(CtImportOptions) options = options_for ("Bình Liêu", 2024, FALSE);
  g_autoptr(CtImportResult) pdf = NULL;
  g_autoptr(CtImportResult) text = NULL;
  g_autoptr(CtSourceSpan) first = NULL;
  g_autoptr(CtSourceSpan) last = NULL;
  g_autoptr(CtSourceSpan) plain = NULL;
  const guint firsts[] = { 1, 3, 5 };

  doc->format = CT_FILE_FORMAT_PDF;
  doc->page_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_vals (doc->page_lines, firsts, G_N_ELEMENTS (firsts));
  g_ptr_array_add (obs, obs_at (doc, "2 cuộc", "Họp giao ban", 2, "cuộc", NAN, NAN));
  g_ptr_array_add (obs, obs_at (doc, "35,5/50 ha", "Trồng rừng tập trung", 35.5, "ha", 50, 71));
  g_ptr_array_add (obs, obs_at (doc, "8,4 tỷ đồng", "Tổng thu ngân sách", 8.4, "tỷ đồng", NAN, 52));
  pdf = ct_store_import_document (store, doc, obs, options, NULL, &error);
  g_assert_no_error (error);

  first = ct_store_get_source (store, observation_labelled (store, pdf->report_id, "Họp giao ban"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ct_source_span_get_page (first), ==, 1);
  last = ct_store_get_source (store, observation_labelled (store, pdf->report_id, "Tổng thu ngân sách"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->line, ==, 5);
  g_assert_cmpuint (ct_source_span_get_page (last), ==, 3);
  /* The window shows a sentence found by search at its own line. */
  last->line = 4;
  g_assert_cmpuint (ct_source_span_get_page (last), ==, 2);

  text = import_report (store, "a.txt", report_a, "Nam Đông", 2021, 11.327, "tỷ đồng", FALSE);
  plain = ct_store_get_source (store, observation_labelled (store, text->report_id, "Thu ngân sách"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ct_source_span_get_page (plain), ==, 0);
}

/* A long report's text is stored once, packed to a fraction of its bytes,
 * and comes back whole for its sources and its sentences for search. */
static void
test_text_packed (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(GString) text = g_string_new (report_a);
  g_autoptr(CtImportResult) imported = NULL;
  g_autoptr(CtSourceSpan) span = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *stored = NULL;
  gint64 grain;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "Xóm %u trồng thêm %u cây keo trên đồi.\n", i, 40 + i % 7);
  imported = import_report (store, "dai.txt", text->str, "Nam Đông", 2021, 11.327, "tỷ đồng", FALSE);
  stored = query_text (store, "SELECT length (text) FROM report_text");
  g_assert_cmpint (atoi (stored), <, text->len / 3);

  grain = observation_labelled (store, imported->report_id, "Tổng sản lượng lương thực có hạt");
  span = ct_store_get_source (store, grain, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (span->text, ==, text->str);
  hits = ct_store_search (store, "cay keo", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 5);
  g_assert_true (g_str_has_prefix (((CtSearchHit *) g_ptr_array_index (hits, 0))->sentence, "Xóm "));
}

/* Texts packed by earlier versions (a zlib stream after "CTZ1") read as
 * before, whole and by their head, beside the new ones. */
static void
test_text_packed_zlib (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(GString) text = g_string_new (report_a);
  g_autoptr(CtImportResult) imported = NULL;
  g_autofree gchar *magic = NULL;
  g_autofree gchar *whole = NULL;
  g_autofree gchar *head = NULL;
  g_autofree gchar *sql = NULL;
  g_autofree guchar *blob = NULL;
  uLongf packed = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < 50; i++)
    g_string_append_printf (text, "Tổ %u nạo vét %u mét kênh mương.\n", i, 120 + i % 11);
  imported = import_report (store, "mia.txt", text->str, "Nam Đông", 2022, 11.327, "tỷ đồng", FALSE);
  magic = query_text (store, "SELECT hex (substr (text, 1, 4)) FROM report_text");
  g_assert_cmpstr (magic, ==, "43545331"); /* CTS1 */

  packed = compressBound (text->len);
  blob = g_malloc (8 + packed);
  memcpy (blob, "CTZ1", 4);
  for (guint i = 0; i < 4; i++)
    blob[4 + i] = (text->len >> (8 * i)) & 0xff;
  g_assert_cmpint (compress2 (blob + 8, &packed, (const Bytef *) text->str, text->len, 6), ==, Z_OK);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE report_text SET text = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, blob, 8 + packed, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_clear_pointer (&magic, g_free);
  magic = query_text (store, "SELECT hex (substr (text, 1, 4)) FROM report_text");
  g_assert_cmpstr (magic, ==, "43545A31"); /* CTZ1 */
  whole = query_text (store, "SELECT ct_unpack (text) FROM report_text");
  g_assert_cmpstr (whole, ==, text->str);
  sql = g_strdup_printf ("SELECT ct_unpack_head (text, %u) FROM report_text", 40);
  head = query_text (store, sql);
  g_assert_cmpint (strncmp (head, text->str, 40), ==, 0);
  g_assert_cmpuint (strlen (head), ==, 40);
}

/* The head of a text packed now stops where asked, or at its end. */
static void
test_text_packed_head (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(GString) text = g_string_new (report_a);
  g_autoptr(CtImportResult) imported = NULL;
  g_autofree gchar *head = NULL;
  g_autofree gchar *all = NULL;
  g_autofree gchar *sql = NULL;

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (text, "Thôn %u làm %u mét đường bê tông.\n", i, 30 + i % 13);
  imported = import_report (store, "che.txt", text->str, "Nam Đông", 2023, 11.327, "tỷ đồng", FALSE);
  sql = g_strdup_printf ("SELECT ct_unpack_head (text, %u) FROM report_text", (guint) text->len - 7);
  head = query_text (store, sql);
  g_assert_cmpuint (strlen (head), ==, text->len - 7);
  g_assert_cmpint (strncmp (head, text->str, text->len - 7), ==, 0);
  all = query_text (store, "SELECT ct_unpack_head (text, 100000000) FROM report_text");
  g_assert_cmpstr (all, ==, text->str);
}

/* A comparison of one indicator reads only that indicator's figures, yet a
 * figure the user gave that indicator by a correction is among them: the
 * indicator's rows are those of the whole comparison. */
static void
test_compare_one_indicator_corrected (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(CtImportResult) imported = NULL;
  g_autoptr(CtCorrection) link = ct_correction_new (CT_CORRECTION_INDICATOR, NAN, "VH_THON");
  g_autoptr(CtCompareQuery) all = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  g_autoptr(CtCompareQuery) one = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  g_autoptr(CtComparison) whole = NULL;
  g_autoptr(CtComparison) filtered = NULL;
  g_autoptr(GError) error = NULL;
  guint found = 0;
  gint64 meeting;

  imported = import_report (store, "a.txt", report_a, "Nam Đông", 2020, 11.327, "tỷ đồng", FALSE);
  meeting = observation_labelled (store, imported->report_id, "Họp báo định kỳ");
  g_assert_true (ct_store_set_correction (store, meeting, link, &error));
  g_assert_no_error (error);

  one->indicator = g_strdup ("VH_THON");
  whole = ct_store_compare (store, all, &error);
  g_assert_no_error (error);
  filtered = ct_store_compare (store, one, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < ct_comparison_get_n_rows (whole); r++)
    {
      const CtCompareRow *row = ct_comparison_get_row (whole, r);
      gint same = -1;

      if (g_strcmp0 (row->code, "VH_THON") != 0)
        continue;
      for (guint f = 0; f < ct_comparison_get_n_rows (filtered); f++)
        if (g_str_equal (ct_comparison_get_row (filtered, f)->name, row->name))
          same = f;
      g_assert_cmpint (same, >=, 0);
      g_assert_cmpint (ct_comparison_get_cell (filtered, same, 0)->observation_id, ==,
                       ct_comparison_get_cell (whole, r, 0)->observation_id);
      found += ct_comparison_get_cell (whole, r, 0)->observation_id == meeting;
    }
  g_assert_cmpuint (found, ==, 1);
}

static void
test_corrections (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(CtImportResult) first = NULL;
  g_autoptr(CtImportResult) replaced = NULL;
  g_autoptr(CtImportResult) other = NULL;
  g_autoptr(CtCorrection) value = ct_correction_new (CT_CORRECTION_VALUE, 2803.5, NULL);
  g_autoptr(CtCorrection) link = ct_correction_new (CT_CORRECTION_INDICATOR, NAN, "VH_THON");
  g_autoptr(CtCorrection) bad_unit = ct_correction_new (CT_CORRECTION_UNIT, NAN, "quả táo");
  g_autoptr(CtCorrection) bad_link = ct_correction_new (CT_CORRECTION_INDICATOR, NAN, "NOPE");
  g_autoptr(CtCorrection) not_ind = ct_correction_new (CT_CORRECTION_NOT_INDICATOR, NAN, NULL);
  g_autoptr(CtCorrection) got = NULL;
  g_autoptr(CtStoredObservation) so = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *changed = g_strconcat ("Phần mở đầu mới.\n", report_a, NULL);
  g_autofree gchar *elsewhere = g_strconcat (report_a, "Một huyện khác.\n", NULL);
  gint64 grain, meeting;

  first = import_report (store, "a.txt", report_a, "Nam Đông", 2020, 11.327, "tỷ đồng", FALSE);
  grain = observation_labelled (store, first->report_id, "Tổng sản lượng lương thực có hạt");
  meeting = observation_labelled (store, first->report_id, "Họp báo định kỳ");

  /* Observed indicators, counted with and without user links. */
  list = ct_store_list_indicators (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((CtIndicatorInfo *) g_ptr_array_index (list, 0))->code, ==, "NN_LUONG_THUC");
  g_assert_cmpuint (((CtIndicatorInfo *) g_ptr_array_index (list, 0))->n_observations, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_null (ct_store_get_correction (store, grain, CT_CORRECTION_VALUE, &error));
  g_assert_no_error (error);
  g_assert_true (ct_store_set_correction (store, grain, value, &error));
  g_assert_no_error (error);
  so = ct_store_get_observation (store, grain, &error);
  g_assert_cmpfloat (so->obs->value, ==, 2803.5);
  g_assert_cmpuint (so->corrected, ==, CT_CORRECTION_VALUE);
  g_assert_cmpfloat_with_epsilon (so->obs->rate_computed, 2803.5 / 4500 * 100, 1e-9);
  /* The stated 60,1% no longer fits the corrected figure: flagged. */
  g_assert_true (so->obs->flags & CT_FLAG_RATE_MISMATCH);
  g_clear_pointer (&so, ct_stored_observation_free);
  got = ct_store_get_correction (store, grain, CT_CORRECTION_VALUE, &error);
  g_assert_nonnull (got);
  g_assert_cmpfloat (got->number, ==, 2803.5);
  g_assert_nonnull (got->created_at);

  /* Bad corrections are refused and change nothing. */
  g_assert_false (ct_store_set_correction (store, grain, bad_unit, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (ct_store_set_correction (store, grain, bad_link, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ct_store_set_correction (store, 999999, value, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "correction"), ==, 1);

  /* A link classifies the label and becomes an alias. */
  g_assert_true (ct_store_set_correction (store, meeting, link, &error));
  g_assert_no_error (error);
  so = ct_store_get_observation (store, meeting, &error);
  g_assert_cmpstr (so->indicator_code, ==, "VH_THON");
  g_assert_cmpuint (so->corrected, ==, CT_CORRECTION_INDICATOR);
  g_clear_pointer (&so, ct_stored_observation_free);
  g_assert_cmpint (count_rows (store, "alias"), ==, 1);
  list = ct_store_list_corrections (store, meeting, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ct_store_list_indicators (store, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((CtIndicatorInfo *) g_ptr_array_index (list, 2))->code, ==, "VH_THON");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Corrections survive replacing the file (the text moved down a line). */
  replaced = import_report (store, "a2.txt", changed, "Nam Đông", 2020, 11.327, "tỷ đồng", TRUE);
  g_assert_cmpint (replaced->status, ==, CT_IMPORT_REPLACED);
  grain = observation_labelled (store, replaced->report_id, "Tổng sản lượng lương thực có hạt");
  meeting = observation_labelled (store, replaced->report_id, "Họp báo định kỳ");
  so = ct_store_get_observation (store, grain, &error);
  g_assert_cmpfloat (so->obs->value, ==, 2803.5);
  g_clear_pointer (&so, ct_stored_observation_free);
  so = ct_store_get_observation (store, meeting, &error);
  g_assert_cmpstr (so->indicator_code, ==, "VH_THON");
  g_clear_pointer (&so, ct_stored_observation_free);

  /* Re-extracting the same bytes (replace) keeps them too, even when the
   * extractor now finds more in the report. */
  {
    g_autoptr(CtDocument) doc = make_doc ("a2-again.txt", changed);
    g_autoptr(GPtrArray) obs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_observation_free);
    g_autoptr(CtImportOptions) replace = ct_import_options_new ();
    g_autoptr(CtImportResult) again = NULL;
    g_autoptr(CtImportResult) unchanged = NULL;

    g_ptr_array_add (obs, obs_at (doc, "12 km", "Đường giao thông nông thôn", 12, "km", NAN, NAN));
    g_ptr_array_add (obs, obs_at (doc, "2.703,5/4.500 tấn", "Tổng sản lượng lương thực có hạt",
                                  2703.5, "tấn", 4500, 60.1));
    g_ptr_array_add (obs, obs_at (doc, "3 cuộc", "Họp báo định kỳ", 3, "cuộc", NAN, NAN));
    unchanged = ct_store_import_document (store, doc, obs, NULL, NULL, &error);
    g_assert_cmpint (unchanged->status, ==, CT_IMPORT_UNCHANGED);
    g_assert_cmpstr (unchanged->conflict_source, ==, "a2.txt");
    replace->replace = TRUE;
    again = ct_store_import_document (store, doc, obs, replace, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (again->status, ==, CT_IMPORT_REPLACED);
    g_assert_cmpuint (again->n_observations, ==, 3);
    g_assert_cmpstr (again->locality, ==, "Nam Đông");
    g_assert_cmpint (again->year, ==, 2020);
    g_assert_cmpint (count_rows (store, "report"), ==, 1);
    grain = observation_labelled (store, again->report_id, "Tổng sản lượng lương thực có hạt");
    meeting = observation_labelled (store, again->report_id, "Họp báo định kỳ");
    so = ct_store_get_observation (store, grain, &error);
    g_assert_cmpfloat (so->obs->value, ==, 2803.5);
    g_clear_pointer (&so, ct_stored_observation_free);
  }

  /* The alias classifies the same label in a new report at import. */
  other = import_report (store, "c.txt", elsewhere, "A Lưới", 2020, 11.327, "tỷ đồng", FALSE);
  g_assert_cmpuint (other->n_matched, ==, 3);

  /* Undo: clearing brings back the extracted value. */
  g_assert_true (ct_store_clear_correction (store, grain, CT_CORRECTION_VALUE, &error));
  so = ct_store_get_observation (store, grain, &error);
  g_assert_cmpfloat (so->obs->value, ==, 2703.5);
  g_assert_cmpuint (so->corrected, ==, 0);
  g_assert_false (so->obs->flags & CT_FLAG_RATE_MISMATCH);
  g_clear_pointer (&so, ct_stored_observation_free);

  /* "Not an indicator" replaces the link and leaves the comparison. */
  g_assert_true (ct_store_set_correction (store, meeting, not_ind, &error));
  so = ct_store_get_observation (store, meeting, &error);
  g_assert_true (so->not_indicator);
  g_assert_null (so->indicator_code);
  g_assert_cmpuint (so->corrected, ==, CT_CORRECTION_NOT_INDICATOR);
  g_assert_cmpint (count_rows (store, "alias"), ==, 0);
  g_assert_null (ct_store_get_correction (store, meeting, CT_CORRECTION_INDICATOR, &error));
}

static void
test_search_and_source (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(CtImportResult) first = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(CtSourceSpan) span = NULL;
  g_autoptr(GError) error = NULL;
  CtSearchHit *hit;
  gint64 grain;

  first = import_report (store, "a.txt", report_a, "Nam Đông", 2020, 11.327, "tỷ đồng", FALSE);

  /* "duong" finds "Đường": tones, marks, case and đ folded. */
  hits = ct_store_search (store, "duong giao thong", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_true (g_str_has_prefix (hit->sentence, "Đường giao thông nông thôn"));
  g_assert_cmpstr (hit->locality, ==, "Nam Đông");
  g_assert_cmpint (hit->year, ==, 2020);
  g_assert_cmpuint (hit->line, ==, 3);
  g_assert_cmpint (hit->report_id, ==, first->report_id);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = ct_store_search (store, "LƯƠNG THỰC", 0, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->observation_id, >, 0);
  g_assert_true (g_str_has_prefix (hit->sentence, "Tổng sản lượng"));
  g_assert_true (g_str_has_suffix (hit->sentence, "kế hoạch."));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The last word is a prefix; words the index lacks give nothing. */
  hits = ct_store_search (store, "ngân sá", 0, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = ct_store_search (store, "\"quả\" OR táo", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_null (ct_store_search (store, " – ", 0, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  grain = observation_labelled (store, first->report_id, "Tổng sản lượng lương thực có hạt");
  span = ct_store_get_source (store, grain, &error);
  g_assert_no_error (error);
  g_assert_cmpint (span->report_id, ==, first->report_id);
  g_assert_cmpstr (span->source_name, ==, "a.txt");
  g_assert_cmpuint (span->line, ==, 3);
  g_assert_true (strncmp (span->text + span->start, "2.703,5/4.500 tấn", span->end - span->start) == 0);
  g_assert_true (g_str_has_prefix (span->text + span->block_start, "Tổng sản lượng"));
  g_assert_cmpint (span->text[span->block_end], ==, '\n');
  g_assert_cmpuint (span->siblings->len, ==, 0);

  /* Deleting the report forgets its sentences too. */
  g_assert_true (ct_store_delete_report (store, first->report_id, &error));
  g_assert_no_error (error);
  hits = ct_store_search (store, "luong thuc", 0, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_cmpint (count_sentences (store), ==, 0);
  g_assert_cmpint (count_rows (store, "locality"), ==, 0);
  g_assert_true (ct_store_is_empty (store));
}

static void
test_samples (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtCompareQuery) q = ct_compare_query_new (CT_COMPARE_BY_LOCALITY);
  g_autoptr(CtComparison) cmp = NULL;
  g_autoptr(GPtrArray) localities = NULL;
  const CtCompareCell *cell;
  gint grain;

  g_assert_cmpuint (ct_store_import_samples (store, NULL, &error), ==, 4);
  g_assert_no_error (error);
  /* A second run finds every sample already stored. */
  g_assert_cmpuint (ct_store_import_samples (store, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "report"), ==, 4);

  localities = ct_store_list_localities (store, &error);
  g_assert_cmpuint (localities->len, ==, 2);
  g_assert_cmpuint (((CtLocalityInfo *) g_ptr_array_index (localities, 0))->n_reports, ==, 2);
  g_assert_cmpstr (((CtLocalityInfo *) g_ptr_array_index (localities, 0))->province, ==, "Thanh Lâm");

  /* The demo shows districts side by side for a year. */
  q->year = 2023;
  cmp = ct_store_compare (store, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ct_comparison_get_n_columns (cmp), ==, 2);
  g_assert_cmpuint (ct_comparison_get_n_rows (cmp), >=, 10);
  grain = ct_comparison_find_row (cmp, "NN_LUONG_THUC");
  g_assert_cmpint (grain, >=, 0);
  for (guint c = 0; c < 2; c++)
    {
      cell = ct_comparison_get_cell (cmp, grain, c);
      g_assert_cmpint (cell->observation_id, >, 0);
      g_assert_false (isnan (ct_compare_cell_get_rate (cell)));
    }
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *results;
  GError    *error;
  guint      n_progress;
  gdouble    last_fraction;
  gboolean   progress_released;
  GThread   *released_on;
} AsyncState;

static void
on_progress_done (gpointer user_data)
{
  AsyncState *state = user_data;

  state->progress_released = TRUE;
  state->released_on = g_thread_self ();
}

static void
on_progress (gdouble      fraction,
             const gchar *source_name,
             gpointer     user_data)
{
  AsyncState *state = user_data;

  g_assert_nonnull (source_name);
  g_assert_cmpfloat (fraction, >=, state->last_fraction - 1e-9);
  g_assert_cmpfloat (fraction, <=, 1.0 + 1e-9);
  state->last_fraction = fraction;
  state->n_progress++;
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  g_assert_null (source);
  state->results = ct_store_import_finish (NULL, result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_import_async (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autofree gchar *file = ct_test_tmp_path ("async-report.txt");
  g_autofree gchar *missing = ct_test_tmp_path ("missing.txt");
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_import_request_free);
  g_autoptr(CtImportOptions) options = options_for ("Sông Mây", 2022, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { 0 };
  const CtImportResult *r;

  g_assert_true (g_file_set_contents (file, report_a, -1, NULL));
  g_ptr_array_add (requests, ct_import_request_new (missing, options));
  g_ptr_array_add (requests, ct_import_request_new (file, options));

  state.loop = g_main_loop_new (NULL, FALSE);
  ct_store_import_async (store, requests, NULL, on_progress, &state, on_progress_done,
                         on_imported, &state);
  g_main_loop_run (state.loop);
  /* The progress data is released on this thread once the task is done. */
  while (!state.progress_released)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (state.released_on == g_thread_self ());
  g_assert_no_error (state.error);
  /* A bad file does not stop the others. */
  g_assert_cmpuint (state.results->len, ==, 2);
  r = g_ptr_array_index (state.results, 0);
  g_assert_cmpint (r->status, ==, CT_IMPORT_FAILED);
  g_assert_nonnull (r->error);
  g_assert_cmpstr (r->path, ==, missing);
  r = g_ptr_array_index (state.results, 1);
  g_assert_cmpint (r->status, ==, CT_IMPORT_NEW);
  g_assert_cmpstr (r->locality, ==, "Sông Mây");
  g_assert_cmpuint (state.n_progress, >=, 2);
  g_assert_cmpfloat_with_epsilon (state.last_fraction, 1.0, 1e-9);
  /* The worker wrote through its own connection; this one sees it. */
  g_assert_cmpint (count_rows (store, "report"), ==, 1);
  g_clear_pointer (&state.results, g_ptr_array_unref);

  /* Cancelled: an error, and nothing more is stored. */
  g_cancellable_cancel (cancellable);
  state.last_fraction = 0;
  ct_store_import_async (store, requests, cancellable, NULL, NULL, NULL, on_imported, &state);
  g_main_loop_run (state.loop);
  g_assert_null (state.results);
  g_assert_error (state.error, CT_ERROR, CT_ERROR_CANCELLED);
  g_clear_error (&state.error);
  g_assert_cmpint (count_rows (store, "report"), ==, 1);
  g_main_loop_unref (state.loop);
}

static void
test_command_line (void)
{
  g_autofree gchar *db = new_db_path ();
  g_autofree gchar *a = ct_test_tmp_path ("cli-a.txt");
  g_autofree gchar *b = ct_test_tmp_path ("cli-b.txt");
  g_autofree gchar *changed = g_strconcat (report_a, "Bổ sung.\n", NULL);
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  const gchar *import_a[] = { "import", "--db", db, "--locality", "Sông Mây", "--province",
                              "Thanh Lâm", "--year", "2022", "--period", "6 tháng đầu năm", a, NULL };
  const gchar *import_b[] = { "import", "--db", db, "--locality", "Sông Mây", "--year", "2022",
                              "--period", "6 tháng đầu năm", b, NULL };
  const gchar *replace_b[] = { "import", "--db", db, "--replace", "--locality", "Sông Mây",
                               "--year", "2022", "--period", "6 tháng đầu năm", b, NULL };
  const gchar *list[] = { "list", "--db", db, NULL };
  const gchar *compare[] = { "compare", "--db", db, "--indicator", "NN_LUONG_THUC",
                             "--format=jsonl", NULL };
  const gchar *search[] = { "search", "--db", db, "duong", NULL };
  const gchar *bad_year[] = { "import", "--db", db, "--year", "99", a, NULL };
  JsonParser *parser;
  JsonObject *o;

  g_assert_true (g_file_set_contents (a, report_a, -1, NULL));
  g_assert_true (g_file_set_contents (b, changed, -1, NULL));
  g_setenv ("LANGUAGE", "C", TRUE);

  g_assert_cmpint (ct_test_run_chitieu (import_a, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "stored as Sông Mây"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Another file for the same slot: refused, exit 1, told what to do. */
  g_assert_cmpint (ct_test_run_chitieu (import_b, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--replace"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ct_test_run_chitieu (replace_b, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "replaced"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ct_test_run_chitieu (list, &out, &err), ==, 0);
  /* A province the gazetteer does not know has no "province now". */
  g_assert_nonnull (strstr (out, "Thanh Lâm\t\tSông Mây\t"));
  g_assert_nonnull (strstr (out, "cli-b.txt"));
  g_assert_null (strstr (out, "cli-a.txt"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Whatever the extractor finds, grain output is in the catalogue row and
   * jsonl carries plain numbers. */
  g_assert_cmpint (ct_test_run_chitieu (compare, &out, &err), ==, 0);
  parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "indicator"), ==, "NN_LUONG_THUC");
  g_assert_cmpstr (json_object_get_string_member (o, "locality"), ==, "Sông Mây");
  g_assert_cmpfloat (json_object_get_double_member (o, "value"), ==, 2703.5);
  g_assert_cmpfloat (json_object_get_double_member (o, "plan"), ==, 4500);
  g_object_unref (parser);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ct_test_run_chitieu (search, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Đường giao thông"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ct_test_run_chitieu (bad_year, &out, &err), ==, 2);
  g_unsetenv ("LANGUAGE");
}

/* A disk that fills during an import (the file-size limit stands in for
 * it: writing past it fails as a full disk does) leaves the library as it
 * was, with a message that says what happened. */
static void
test_full_disk_subprocess (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = NULL;
  g_autoptr(CtDocument) doc = NULL;
  g_autoptr(CtImportOptions) options = options_for ("Sông Mây", 2024, FALSE);
  g_autoptr(CtImportResult) result = NULL;
  g_autoptr(GString) text = g_string_new ("BÁO CÁO\nKết quả 6 tháng đầu năm\n");
  struct rlimit limit = { 96 * 1024, 96 * 1024 };

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs inside /store/full-disk");
      return;
    }
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "Diện tích trồng mới vùng %u đạt %u ha, đạt %u%% kế hoạch.\n",
                            i, 100 + i, 50 + i % 50);
  doc = make_doc ("lon.txt", text->str);
  store = ct_store_open (g_getenv ("CT_STORE_TEST_DB"), &error);
  g_assert_no_error (error);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  result = ct_store_import_document (store, doc, NULL, options, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CT_ERROR, CT_ERROR_DATABASE);
  g_printerr ("%s\n", error->message);
}

static void
test_full_disk (void)
{
  g_autofree gchar *db = ct_test_tmp_path ("full.db");
  g_autoptr(GError) error = NULL;
  gint64 reports, observations, sentences;

  {
    g_autoptr(CtStore) store = ct_store_open (db, &error);
    g_autoptr(CtImportResult) first = NULL;

    g_assert_no_error (error);
    first = import_report (store, "a.txt", report_a, "Nam Đông", 2020, 11.327, "tỷ đồng", FALSE);
    reports = count_rows (store, "report");
    observations = count_rows (store, "observation");
    sentences = count_sentences (store);
  }

  g_setenv ("CT_STORE_TEST_DB", db, TRUE);
  g_test_trap_subprocess ("/store/full-disk/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*full*nothing was changed*");

  {
    g_autoptr(CtStore) store = ct_store_open (db, &error);
    CtDbStmt *stmt = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (count_rows (store, "report"), ==, reports);
    g_assert_cmpint (count_rows (store, "observation"), ==, observations);
    g_assert_cmpint (count_sentences (store), ==, sentences);
    g_assert_cmpint (ct_db_prepare (store->db, "PRAGMA integrity_check", &stmt), ==, CT_DB_OK);
    g_assert_cmpint (ct_db_step (stmt), ==, CT_DB_ROW);
    g_assert_cmpstr (ct_db_column_text (stmt, 0), ==, "ok");
    ct_db_finalize (stmt);
  }
}

/* A correction says who made it: the role on a server, the OS user for a
 * file; an undo that restores it keeps its first author. */
static void
test_correction_author (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) store = open_store (path);
  g_autoptr(CtImportResult) first = NULL;
  g_autoptr(CtCorrection) plan = ct_correction_new (CT_CORRECTION_PLAN, 5100, NULL);
  g_autoptr(CtCorrection) got = NULL;
  g_autoptr(CtCorrection) restored = NULL;
  g_autoptr(GError) error = NULL;
  const gchar *expected = pg_server != NULL ? "chitieu" : g_get_user_name ();
  gint64 grain;

  first = import_report (store, "tac-gia.txt", report_a, "Phú Lộc", 2021, 9.5, "tỷ đồng", FALSE);
  grain = observation_labelled (store, first->report_id, "Tổng sản lượng lương thực có hạt");
  g_assert_true (ct_store_set_correction (store, grain, plan, &error));
  g_assert_no_error (error);
  got = ct_store_get_correction (store, grain, CT_CORRECTION_PLAN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->created_by, ==, expected);

  restored = ct_correction_copy (got);
  g_free (restored->created_by);
  restored->created_by = g_strdup ("chuyen-vien-khac");
  g_assert_true (ct_store_set_correction (store, grain, restored, &error));
  g_clear_pointer (&got, ct_correction_free);
  got = ct_store_get_correction (store, grain, CT_CORRECTION_PLAN, &error);
  g_assert_cmpstr (got->created_by, ==, "chuyen-vien-khac");
}

/* A window's connection learns that someone else wrote, and only then. */
static void
test_others_changes (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(CtStore) window = open_store (path);
  g_autoptr(CtStore) colleague = open_store (path);
  g_autoptr(CtImportResult) mine = NULL;
  g_autoptr(CtImportResult) theirs = NULL;
  g_autofree gchar *other_text = g_strconcat (report_a, "Họp giao ban tháng.\n", NULL);
  gint64 seen, now;

  /* The colleague's opening wrote (the catalogue): let its notice come. */
  g_usleep (300 * 1000);
  seen = ct_store_get_data_version (window);
  now = seen;

  /* The window's own import is no news to it. */
  mine = import_report (window, "cua-toi.txt", report_a, "Hương Trà", 2022, 7.5, "tỷ đồng", FALSE);
  g_assert_cmpint (ct_store_get_data_version (window), ==, seen);

  theirs = import_report (colleague, "cua-ban.txt", other_text, "Hương Thủy", 2022, 8.5,
                          "tỷ đồng", FALSE);
  /* A server's notice may take a moment to arrive. */
  for (guint i = 0; i < 200 && now == seen; i++)
    {
      g_usleep (10 * 1000);
      now = ct_store_get_data_version (window);
    }
  g_assert_cmpint (now, !=, seen);
  g_assert_cmpint (ct_store_get_data_version (window), ==, now);
}

/* A library written by a newer program is refused, and left as it was. */
static void
test_pg_schema_too_new (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  CtStore *store = open_store (path);

  g_assert_true (ct_store_exec (store, "UPDATE chitieu_library SET schema_version = 42", &error));
  g_assert_no_error (error);
  ct_store_close (store);

  store = ct_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CT_ERROR, CT_ERROR_SCHEMA_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "42"));
  g_clear_error (&error);

  store = ct_store_open_at_version (path, 1, &error);
  g_assert_null (store);
  g_assert_error (error, CT_ERROR, CT_ERROR_SCHEMA_TOO_NEW);
}

/* A database where another program keeps its tables is not touched. */
static void
test_pg_foreign_database (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  CtStore *store;
  PGconn *conn = PQconnectdb (path);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  PQclear (PQexec (conn, "CREATE TABLE khach_hang (ten text)"));

  store = ct_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_LIBRARY);

  result = PQexec (conn, "SELECT count (*) FROM information_schema.tables"
                   " WHERE table_schema = 'public'");
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "1");
  PQclear (result);
  PQfinish (conn);
}

/* A password typed into the address is used, never shown nor kept. */
static void
test_pg_no_password_kept (void)
{
  g_autofree gchar *path = new_db_path ();
  g_autofree gchar *with_password = g_strdup_printf ("%s password=bi-mat", path);
  g_autofree gchar *uri = NULL;
  g_autoptr(CtStore) store = open_store (with_password);

  g_assert_null (strstr (ct_store_get_path (store), "bi-mat"));
  g_assert_nonnull (strstr (ct_store_get_path (store), "dbname="));

  uri = ct_db_location_without_password ("postgresql://can-bo:bi-mat@so-ke-hoach/thu_vien?sslmode=require");
  g_assert_cmpstr (uri, ==, "postgresql://can-bo@so-ke-hoach/thu_vien?sslmode=require");
  g_free (uri);
  uri = ct_db_location_without_password ("postgres://may-chu/thu_vien?password=bi-mat&port=5433");
  g_assert_cmpstr (uri, ==, "postgres://may-chu/thu_vien?port=5433");
}

/* What a workbook or the library shows of where a report came from. */
static void
test_source_display_name (void)
{
  static const gchar *const cases[][2] = {
    { "/home/chuyenvien/Báo cáo/nam-dong.docx", "nam-dong.docx" },
    { "nam-dong.txt", "nam-dong.txt" },
    { "/srv/nhan/2023.zip/huyen/a.docx", "2023.zip/huyen/a.docx" },
    { "D6T.ZIP/b.md", "D6T.ZIP/b.md" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *name = ct_store_source_display_name (cases[i][0]);

      g_assert_cmpstr (name, ==, cases[i][1]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();
  pg_server = g_getenv ("CT_TEST_POSTGRESQL");

  g_test_add_func ("/store/open", test_open);
  g_test_add_func ("/store/catalogue-sync-once", test_catalogue_sync_once);
  g_test_add_func ("/store/report-counts", test_report_counts);
  g_test_add_func ("/store/source-display-name", test_source_display_name);
  if (pg_server != NULL)
    {
      g_test_add_func ("/store/postgresql/schema-too-new", test_pg_schema_too_new);
      g_test_add_func ("/store/postgresql/foreign-database", test_pg_foreign_database);
      g_test_add_func ("/store/postgresql/no-password-kept", test_pg_no_password_kept);
    }
  else
    {
      /* What only a file has: a size limit, a header, PRAGMAs. */
      g_test_add_func ("/store/full-disk", test_full_disk);
      g_test_add_func ("/store/full-disk/subprocess", test_full_disk_subprocess);
      g_test_add_func ("/store/default-path", test_default_path);
      g_test_add_func ("/store/schema-too-new", test_schema_too_new);
      g_test_add_func ("/store/not-a-database", test_not_a_database);
      /* SQLite's packed texts and its query planner; the server keeps
       * texts plain (it compresses them itself). */
      g_test_add_func ("/store/text-packed", test_text_packed);
      g_test_add_func ("/store/text-packed-zlib", test_text_packed_zlib);
      g_test_add_func ("/store/text-packed-head", test_text_packed_head);
      g_test_add_func ("/store/query-plans", test_query_plans);
    }
  g_test_add_func ("/store/migration", test_migration);
  g_test_add_func ("/store/migration-sentences", test_migration_sentences);
  g_test_add_func ("/store/reports-without-sentences", test_reports_without_sentences);
  g_test_add_func ("/store/migration-rows", test_migration_rows);
  g_test_add_func ("/store/migration-figures-index", test_migration_figures_index);
  g_test_add_func ("/store/migration-search", test_migration_search);
  g_test_add_func ("/store/index-words", test_index_words);
  g_test_add_func ("/store/import-readers-rest", test_readers_rest);
  g_test_add_func ("/store/import-batch-full", test_batch_full);
  g_test_add_func ("/store/import-statuses", test_import_statuses);
  g_test_add_func ("/store/source-page", test_source_page);
  g_test_add_func ("/store/import-needs-metadata", test_import_needs_metadata);
  g_test_add_func ("/store/import-cancelled", test_cancelled_import_writes_nothing);
  g_test_add_func ("/store/compare", test_compare);
  g_test_add_func ("/store/compare-by-year", test_compare_by_year);
  g_test_add_func ("/store/compare-one-indicator-corrected", test_compare_one_indicator_corrected);
  g_test_add_func ("/store/comparison-new", test_comparison_new);
  g_test_add_func ("/store/corrections", test_corrections);
  g_test_add_func ("/store/correction-author", test_correction_author);
  g_test_add_func ("/store/others-changes", test_others_changes);
  g_test_add_func ("/store/search-source", test_search_and_source);
  g_test_add_func ("/store/samples", test_samples);
  g_test_add_func ("/store/import-async", test_import_async);
  g_test_add_func ("/store/command-line", test_command_line);
  return g_test_run ();
}
