/* test-write-errors.c: an output that cannot be written completely is an
 * error, and the file that was there before stays as it was
 *
 * A full disk is played by RLIMIT_FSIZE in a subprocess: writes past the
 * limit fail with EFBIG, just as they fail with ENOSPC on a full disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "ct-chart-export.h"
#include "ct-error.h"
#include "ct-export-xlsx.h"
#include "ct-reader.h"
#include "ct-reader-private.h"
#include "ct-store-private.h"
#include "ct-test-util.h"

static CtChart *
small_chart (void)
{
  CtChart *chart = ct_chart_new ();
  CtChartPoint p = CT_CHART_POINT_INIT;

  ct_chart_set_indicator (chart, "Số xã đạt chuẩn nông thôn mới");
  ct_chart_set_unit (chart, "xã");
  ct_chart_add_series (chart, "Năm 2024");
  ct_chart_add_category (chart, "Huyện Đông Sơn");
  ct_chart_add_category (chart, "Huyện Tây Hồ");
  p.rate = 87.5;
  ct_chart_set_point (chart, 0, 0, &p);
  p.rate = 104.2;
  ct_chart_set_point (chart, 0, 1, &p);
  return chart;
}

static void
test_pdf_full_disk_subprocess (void)
{
  g_autoptr(CtChart) chart = small_chart ();
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 6 * 1024, 6 * 1024 };

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs inside /write-errors/pdf-full-disk");
      return;
    }
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (ct_chart_export (chart, g_getenv ("CT_TEST_PDF"), CT_CHART_FORMAT_PDF,
                                   0, 0, 0, NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_WRITE);
}

static void
test_pdf_full_disk (void)
{
  g_autofree gchar *pdf = ct_test_tmp_path ("kept.pdf");
  g_autoptr(CtChart) chart = small_chart ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *before = NULL;
  g_autofree gchar *after = NULL;
  gsize len_before, len_after;

  g_assert_true (ct_chart_export (chart, pdf, CT_CHART_FORMAT_PDF, 0, 0, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &before, &len_before, NULL));
  g_assert_cmpuint (len_before, >, 6 * 1024);

  g_setenv ("CT_TEST_PDF", pdf, TRUE);
  g_test_trap_subprocess ("/write-errors/pdf-full-disk/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  g_assert_true (g_file_get_contents (pdf, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

/* A library in memory with one small report, so that only the workbook
 * touches the disk. */
static CtStore *
memory_library (void)
{
  static const gchar report[] =
    "BÁO CÁO 6 THÁNG ĐẦU NĂM 2024 CỦA UBND HUYỆN ĐÔNG SƠN\n"
    "Số xã đạt chuẩn nông thôn mới 7/8 xã, đạt 87,5% kế hoạch.\n"
    "Thu ngân sách trên địa bàn 41,3 tỷ đồng, tăng 6,2% so với cùng kỳ.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (report, sizeof report - 1);
  g_autoptr(GPtrArray) docs = ct_reader_read_bytes (bytes, "dong-son.txt", NULL, &error);
  g_autoptr(CtImportOptions) options = ct_import_options_new ();
  g_autoptr(CtImportResult) result = NULL;
  CtStore *store = ct_store_open (":memory:", &error);

  g_assert_no_error (error);
  options->locality = g_strdup ("Đông Sơn");
  options->year = 2024;
  options->period = g_strdup ("6 tháng đầu năm");
  result = ct_store_import_document (store, g_ptr_array_index (docs, 0), NULL, options, NULL, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_xlsx_full_disk_subprocess (void)
{
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 2 * 1024, 2 * 1024 };

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs inside /write-errors/xlsx-full-disk");
      return;
    }
  store = memory_library ();
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (ct_export_xlsx (store, NULL, g_getenv ("CT_TEST_XLSX"), NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_WRITE);
  g_printerr ("%s\n", error->message);
}

/* Only our translated message reaches the terminal, not the library's own
 * "[ERROR]" lines in English. */
static void
test_xlsx_full_disk (void)
{
  g_autofree gchar *xlsx = ct_test_tmp_path ("full.xlsx");

  g_setenv ("CT_TEST_XLSX", xlsx, TRUE);
  g_test_trap_subprocess ("/write-errors/xlsx-full-disk/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*disk is full*");
  g_test_trap_assert_stderr_unmatched ("*[ERROR]*");
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
}

/* A folder that exists but takes no new files is not called missing. */
static void
test_xlsx_folder_without_files (void)
{
  g_autoptr(CtStore) store = memory_library ();
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/proc/self", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no /proc here");
      return;
    }
  g_assert_false (ct_export_xlsx (store, NULL, "/proc/bang-so-lieu.xlsx", NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_WRITE);
  g_assert_null (strstr (error->message, "does not exist"));
  g_assert_nonnull (strstr (error->message, "No file can be created"));
}

/* A library written before names were checked may hold a file name in
 * another encoding; the workbook's XML must stay UTF-8 all the same. */
static void
test_xlsx_name_not_utf8 (void)
{
  g_autoptr(CtStore) store = memory_library ();
  g_autofree gchar *xlsx = ct_test_tmp_path ("ten-cu.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gchar *data = NULL;
  gsize len = 0;
  GHashTableIter iter;
  gpointer name, part;

  g_assert_cmpint (ct_db_exec (store->db, "UPDATE report SET source_name = CAST (X'64F46E672D73FF6E2E747874' AS TEXT)"),
                   ==, CT_DB_OK);
  g_assert_true (ct_export_xlsx (store, NULL, xlsx, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xlsx, &data, &len, NULL));
  bytes = g_bytes_new_take (data, len);
  parts = ct_reader_zip_read (bytes, xlsx, NULL, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, parts);
  while (g_hash_table_iter_next (&iter, &name, &part))
    {
      gsize part_len = 0;
      const gchar *text = g_bytes_get_data (part, &part_len);

      if (g_str_has_suffix (name, ".xml"))
        g_assert_true (g_utf8_validate_len (text, part_len, NULL));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/write-errors/pdf-full-disk", test_pdf_full_disk);
  g_test_add_func ("/write-errors/pdf-full-disk/subprocess", test_pdf_full_disk_subprocess);
  g_test_add_func ("/write-errors/xlsx-full-disk", test_xlsx_full_disk);
  g_test_add_func ("/write-errors/xlsx-full-disk/subprocess", test_xlsx_full_disk_subprocess);
  g_test_add_func ("/write-errors/xlsx-folder-without-files", test_xlsx_folder_without_files);
  g_test_add_func ("/write-errors/xlsx-name-not-utf8", test_xlsx_name_not_utf8);
  return g_test_run ();
}
