/* test-store-open.c: which files the store agrees to open, and how
 *
 * Another program's SQLite file is refused exactly as it was (no table, no
 * WAL switch); processes that create the same new library at once all
 * succeed; a long paragraph imports in time proportional to its length.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "ct-error.h"
#include "ct-reader.h"
#include "ct-store.h"
#include "ct-test-util.h"

static guint counter;

static gchar *
fresh_path (const gchar *stem)
{
  g_autofree gchar *name = g_strdup_printf ("%s-%u.db", stem, counter++);

  return ct_test_tmp_path (name);
}

static void
run_sql (const gchar *path,
         const gchar *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gint
query_int (const gchar *path,
           const gchar *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Opening @sql's database is refused with CT_ERROR_NOT_LIBRARY and leaves
 * every byte, and the journal mode, as they were. */
static void
expect_refused_untouched (const gchar *sql)
{
  g_autofree gchar *path = fresh_path ("foreign");
  g_autofree gchar *wal = g_strconcat (path, "-wal", NULL);
  g_autofree gchar *before = NULL;
  g_autofree gchar *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize len_before, len_after;
  CtStore *store;

  run_sql (path, sql);
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));
  store = ct_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_LIBRARY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_foreign_refused (void)
{
  /* An address book, a table that happens to share a name with ours, and a
   * file that declares itself another program's. */
  expect_refused_untouched ("CREATE TABLE contacts (id INTEGER PRIMARY KEY, phone TEXT);"
                            "INSERT INTO contacts (phone) VALUES ('0901 234 567');");
  expect_refused_untouched ("CREATE TABLE observation (t TEXT); INSERT INTO observation VALUES ('x');");
  expect_refused_untouched ("PRAGMA application_id = 1234; CREATE TABLE t (x);");
  expect_refused_untouched ("PRAGMA application_id = 1234;");
}

static void
test_new_library_marked (void)
{
  g_autofree gchar *path = fresh_path ("new");
  g_autoptr(GError) error = NULL;
  CtStore *store = ct_store_open (path, &error);

  g_assert_no_error (error);
  ct_store_close (store);
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, CT_STORE_APPLICATION_ID);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, CT_STORE_SCHEMA_VERSION);
}

/* Libraries written before the id existed still open, and gain it. */
static void
test_library_without_id_accepted (void)
{
  g_autofree gchar *path = fresh_path ("older");
  g_autoptr(GError) error = NULL;
  CtStore *store = ct_store_open (path, &error);

  g_assert_no_error (error);
  ct_store_close (store);
  run_sql (path, "PRAGMA application_id = 0");
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, 0);
  store = ct_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  ct_store_close (store);
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, CT_STORE_APPLICATION_ID);
}

/* A library whose first page was overwritten says "damaged", not "not a
 * library", and is left as it is. */
static void
test_damaged_library (void)
{
  g_autofree gchar *path = fresh_path ("damaged");
  g_autoptr(GError) error = NULL;
  g_autofree gchar *bytes = NULL;
  g_autofree gchar *after = NULL;
  gsize len = 0, len_after = 0;
  CtStore *store = ct_store_open (path, &error);

  g_assert_no_error (error);
  ct_store_close (store);
  run_sql (path, "PRAGMA journal_mode = DELETE");
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  /* The schema table lives on page 1, after the 100-byte header. */
  memset (bytes + 100, 0x5a, 3000);
  g_assert_true (g_file_set_contents (path, bytes, len, NULL));

  store = ct_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CT_ERROR, CT_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (bytes, len, after, len_after);
}

typedef struct
{
  const gchar *path;
  gint        *waiting;
  GError      *error;
} Opener;

static gpointer
open_at_once (gpointer data)
{
  Opener *o = data;
  CtStore *store;

  /* All threads leave the starting line together. */
  g_atomic_int_dec_and_test (o->waiting);
  while (g_atomic_int_get (o->waiting) > 0)
    g_thread_yield ();
  store = ct_store_open (o->path, &o->error);
  ct_store_close (store);
  return NULL;
}

static void
test_concurrent_creation (void)
{
  for (guint round = 0; round < 12; round++)
    {
      g_autofree gchar *path = fresh_path ("race");
      Opener openers[4];
      GThread *threads[G_N_ELEMENTS (openers)];
      gint waiting = G_N_ELEMENTS (openers);

      for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
        {
          openers[i] = (Opener) { path, &waiting, NULL };
          threads[i] = g_thread_new ("opener", open_at_once, &openers[i]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
        {
          g_thread_join (threads[i]);
          g_assert_no_error (openers[i].error);
        }
    }
}

static gdouble
import_one_line (guint kilobytes)
{
  static const gchar clause[] = "Diện tích lúa gieo cấy được 1.234,5 ha, bằng 98,7% kế hoạch, "
                                "tăng 2,1% so với cùng kỳ; ";
  g_autofree gchar *path = fresh_path ("line");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtImportOptions) options = ct_import_options_new ();
  GString *line = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(CtImportResult) result = NULL;
  CtStore *store = ct_store_open (path, &error);
  gint64 start;

  g_assert_no_error (error);
  while (line->len < kilobytes * 1024)
    g_string_append (line, clause);
  bytes = g_string_free_to_bytes (line);
  docs = ct_reader_read_bytes (bytes, "mot-dong.txt", NULL, &error);
  g_assert_no_error (error);
  options->locality = g_strdup ("Xã Một Dòng");
  options->year = 2024;
  options->period = g_strdup ("cả năm");

  start = g_get_monotonic_time ();
  result = ct_store_import_document (store, g_ptr_array_index (docs, 0), NULL, options, NULL, &error);
  g_assert_no_error (error);
  ct_store_close (store);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Four times the text may take about four times as long, not sixteen:
 * each figure's anchor used to hash its whole paragraph again. */
static void
test_long_paragraph_linear (void)
{
  gdouble small = import_one_line (128);
  gdouble large = import_one_line (512);

  g_test_message ("128 KB line: %.2f s, 512 KB line: %.2f s", small, large);
  g_assert_cmpfloat (large, <, MAX (small, 0.1) * 10);
}

static gboolean
mapped (const gchar *library)
{
  g_autofree gchar *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, library) != NULL;
}

/* A library in a file never maps libpq and the twenty libraries under it;
 * without the PostgreSQL module a server's library is refused with what
 * to do. In a child: the module is looked for once per process. */
static void
test_server_module (void)
{
  g_autofree gchar *path = NULL;
  g_autofree gchar *empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) reports = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }
  path = ct_test_tmp_path ("tệp.db");
  store = ct_store_open (path, &error);
  g_assert_no_error (error);
  reports = ct_store_list_reports (store, &error);
  g_assert_no_error (error);
  g_assert_false (mapped ("libpq"));
  g_clear_pointer (&store, ct_store_close);

  empty = ct_test_tmp_path ("không-có-mô-đun");
  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  g_setenv ("CHITIEU_MODULE_DIR", empty, TRUE);
  store = ct_store_open ("postgresql:///thu_vien?host=/khong-co", &error);
  g_assert_null (store);
  g_assert_error (error, CT_ERROR, CT_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "chitieu-pg"));
  g_assert_false (mapped ("libpq"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-open/foreign-refused", test_foreign_refused);
  g_test_add_func ("/store-open/new-library-marked", test_new_library_marked);
  g_test_add_func ("/store-open/library-without-id", test_library_without_id_accepted);
  g_test_add_func ("/store-open/damaged-library", test_damaged_library);
  g_test_add_func ("/store-open/server-module", test_server_module);
  g_test_add_func ("/store-open/concurrent-creation", test_concurrent_creation);
  g_test_add_func ("/store-open/long-paragraph-linear", test_long_paragraph_linear);
  return g_test_run ();
}
