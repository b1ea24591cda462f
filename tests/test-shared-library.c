/* test-shared-library.c: several people on one library at once
 *
 * Two `chitieu import` processes start together: with different reports
 * both land; with the same report it is stored once and the second is told
 * it is already there. Runs on a SQLite file, and on PostgreSQL when
 * CT_TEST_POSTGRESQL names a server (tests/with-postgresql.sh), where a
 * role that may only read can compare and export but not import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libpq-fe.h>
#include <string.h>

#include "ct-error.h"
#include "ct-store.h"
#include "ct-test-util.h"

static const gchar *pg_server;
static guint counter;

static void
pg_run (const gchar *dbname,
        const gchar *sql)
{
  g_autofree gchar *conninfo = g_strdup_printf ("%s dbname=%s", pg_server, dbname);
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

/* A new, empty library (its schema made), as a path or a connection string. */
static gchar *
new_library (void)
{
  g_autofree gchar *name = g_strdup_printf ("chung_%u", ++counter);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = NULL;
  gchar *location;

  if (pg_server != NULL)
    {
      g_autofree gchar *create = g_strdup_printf ("CREATE DATABASE %s", name);

      pg_run ("postgres", create);
      location = g_strdup_printf ("%s dbname=%s", pg_server, name);
    }
  else
    {
      g_autofree gchar *file = g_strconcat (name, ".db", NULL);

      location = ct_test_tmp_path (file);
    }
  store = ct_store_open (location, &error);
  g_assert_no_error (error);
  return location;
}

/* A short report of a commune, its figures its own. */
static gchar *
write_report (const gchar *name,
              guint        seed)
{
  g_autofree gchar *file = g_strconcat (name, ".txt", NULL);
  gchar *path = ct_test_tmp_path (file);
  g_autofree gchar *text = g_strdup_printf (
    "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 9 THÁNG\n"
    "I. KẾT QUẢ ĐẠT ĐƯỢC\n"
    "Tổng sản lượng lương thực có hạt đạt %u tấn, bằng %u%% kế hoạch năm.\n"
    "Thu ngân sách trên địa bàn đạt %u triệu đồng.\n"
    "Số hộ nghèo giảm còn %u hộ.\n", 1200 + seed * 7, 70 + seed, 3400 + seed * 11, 90 + seed);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static GSubprocess *
start_import (const gchar *library,
              const gchar *locality,
              const gchar *report)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                           | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                           ct_test_chitieu_binary (), "import", "--db", library,
                                           "--locality", locality, "--province", "Lâm Đồng",
                                           "--year", "2024", "--period", "9 tháng", report, NULL);

  g_assert_no_error (error);
  return process;
}

static gint
finish (GSubprocess  *process,
        gchar       **out,
        gchar       **err)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static guint
count_reports (const gchar *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = ct_store_open (library, &error);
  g_autoptr(GPtrArray) reports = NULL;

  g_assert_no_error (error);
  reports = ct_store_list_reports (store, &error);
  g_assert_no_error (error);
  return reports->len;
}

static void
test_different_reports_both_land (void)
{
  g_autofree gchar *library = new_library ();
  g_autofree gchar *a = write_report ("xa-dong", 1);
  g_autofree gchar *b = write_report ("xa-tay", 2);
  g_autoptr(GSubprocess) first = start_import (library, "Xã Đông Hòa", a);
  g_autoptr(GSubprocess) second = start_import (library, "Xã Tây Hòa", b);
  g_autofree gchar *out1 = NULL, *err1 = NULL, *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (finish (first, &out1, &err1), ==, 0);
  g_assert_cmpint (finish (second, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out1, "Xã Đông Hòa"));
  g_assert_nonnull (strstr (out2, "Xã Tây Hòa"));
  g_assert_cmpuint (count_reports (library), ==, 2);
}

static void
test_same_report_once (void)
{
  g_autofree gchar *library = new_library ();
  g_autofree gchar *a = write_report ("xa-giua", 3);
  g_autoptr(GSubprocess) first = start_import (library, "Xã Trung Hòa", a);
  g_autoptr(GSubprocess) second = start_import (library, "Xã Trung Hòa", a);
  g_autofree gchar *out1 = NULL, *err1 = NULL, *out2 = NULL, *err2 = NULL;
  g_autofree gchar *both = NULL;

  g_assert_cmpint (finish (first, &out1, &err1), ==, 0);
  g_assert_cmpint (finish (second, &out2, &err2), ==, 0);
  both = g_strconcat (out1, out2, NULL);
  /* One stored it, the other was told it is there already. */
  g_assert_nonnull (strstr (both, "stored as"));
  g_assert_nonnull (strstr (both, "already in the library"));
  g_assert_cmpuint (count_reports (library), ==, 1);
}

/* A role granted only SELECT reads everything and writes nothing. */
static void
test_read_only_role (void)
{
  g_autofree gchar *library = new_library ();
  g_autofree gchar *a = write_report ("xa-bac", 4);
  g_autofree gchar *b = write_report ("xa-nam", 5);
  g_autofree gchar *dbname = g_strdup_printf ("chung_%u", counter);
  g_autofree gchar *reader = NULL;
  g_autoptr(GSubprocess) writer = start_import (library, "Xã Bắc Hòa", a);
  g_autoptr(GSubprocess) denied = NULL;
  g_autofree gchar *out = NULL, *err = NULL;
  const gchar *compare[] = { "compare", "--db", NULL, NULL };
  const gchar *export[] = { "export", "--db", NULL, "-o", NULL, NULL };
  g_autofree gchar *xlsx = ct_test_tmp_path ("doc-gia.xlsx");

  g_assert_cmpint (finish (writer, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  pg_run (dbname, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'doc_gia')"
                  " THEN CREATE ROLE doc_gia LOGIN; END IF; END $$;"
                  "GRANT SELECT ON ALL TABLES IN SCHEMA public TO doc_gia");
  reader = g_strdup_printf ("%s dbname=%s user=doc_gia", pg_server, dbname);

  compare[2] = reader;
  g_assert_cmpint (ct_test_run_chitieu (compare, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Xã Bắc Hòa"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  export[2] = reader;
  export[4] = xlsx;
  g_assert_cmpint (ct_test_run_chitieu (export, &out, &err), ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  denied = start_import (reader, "Xã Nam Hòa", b);
  g_assert_cmpint (finish (denied, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "may only read"));
  g_assert_cmpuint (count_reports (library), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();
  g_setenv ("LANGUAGE", "C", TRUE);
  pg_server = g_getenv ("CT_TEST_POSTGRESQL");

  g_test_add_func ("/shared-library/different-reports", test_different_reports_both_land);
  g_test_add_func ("/shared-library/same-report", test_same_report_once);
  if (pg_server != NULL)
    g_test_add_func ("/shared-library/read-only-role", test_read_only_role);
  return g_test_run ();
}
