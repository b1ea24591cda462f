/* test-cli.c: the command line works without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>
#include <string.h>

#include "ct-reader-private.h"
#include "ct-test-util.h"

static void
test_version (void)
{
  g_autofree gchar *out = NULL;
  const gchar *args[] = { "--version", NULL };

  g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "chitieu " PACKAGE_VERSION "\n");
}

static void
test_help_lists_commands (void)
{
  g_autofree gchar *out = NULL;
  const gchar *args[] = { "--help", NULL };

  g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "chitieu COMMAND"));
  g_assert_nonnull (strstr (out, "help"));
}

static void
test_help_in_vietnamese (void)
{
  g_autofree gchar *out = NULL;
  const gchar *args[] = { "help", NULL };

  g_setenv ("LANGUAGE", "vi", TRUE);
  g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 0);
  g_unsetenv ("LANGUAGE");
  /* "Commands:" in Vietnamese */
  g_assert_nonnull (strstr (out, "Lệnh:"));
}

/* A library of its own holding one invented report; returns its path. */
static gchar *
library_with_one_report (const gchar *name)
{
  g_autofree gchar *db = g_strdup_printf ("%s/%s.db", ct_test_tmpdir (), name);
  g_autofree gchar *report = g_strdup_printf ("%s/%s.txt", ct_test_tmpdir (), name);
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  const gchar *args[] = { "import", "--db", db, "--locality", "Sơn Động", "--province", "Bắc Giang",
                          report, NULL };

  g_assert_true (g_file_set_contents (report,
    "BÁO CÁO\nTình hình kinh tế - xã hội 6 tháng đầu năm 2022\n\n"
    "Diện tích cây ăn quả ước đạt 5.210/8.400 ha, đạt 62% kế hoạch năm.\n", -1, NULL));
  if (ct_test_run_chitieu (args, &out, &err) != 0)
    g_error ("import failed: %s", err);
  return g_steal_pointer (&db);
}

static guint
count_reports (const gchar *db)
{
  g_autofree gchar *out = NULL;
  const gchar *args[] = { "list", "--db", db, NULL };
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* a header line, the reports, and the empty string after the last newline */
  return g_strv_length (lines) - 2;
}

/* remove asks first: with nobody to answer and no --yes it removes
 * nothing; a wrong id changes nothing; --yes removes. */
static void
test_remove (void)
{
  g_autofree gchar *db = library_with_one_report ("remove");
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  const gchar *ask[] = { "remove", "--db", db, "1", NULL };
  const gchar *wrong[] = { "remove", "--db", db, "--yes", "1", "99", NULL };
  const gchar *not_id[] = { "remove", "--db", db, "--yes", "một", NULL };
  const gchar *yes[] = { "remove", "--db", db, "--yes", "1", NULL };

  g_assert_cmpuint (count_reports (db), ==, 1);
  g_assert_cmpint (ct_test_run_chitieu (ask, &out, &err), !=, 0);
  g_assert_nonnull (strstr (out, "Sơn Động"));
  g_assert_nonnull (strstr (err, "--yes"));
  g_assert_cmpuint (count_reports (db), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ct_test_run_chitieu (wrong, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "99"));
  g_assert_cmpuint (count_reports (db), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ct_test_run_chitieu (not_id, &out, &err), !=, 0);
  g_assert_cmpuint (count_reports (db), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ct_test_run_chitieu (yes, &out, &err), ==, 0);
  g_assert_cmpuint (count_reports (db), ==, 0);
}

/* A workbook is written only under a name that says .xlsx; a .csv name
 * used to get an Excel file inside. */
static void
test_export_extension (void)
{
  g_autofree gchar *db = library_with_one_report ("export-ext");
  g_autofree gchar *csv = g_strdup_printf ("%s/so-sanh.csv", ct_test_tmpdir ());
  g_autofree gchar *xlsx = g_strdup_printf ("%s/so-sanh.XLSX", ct_test_tmpdir ());
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  const gchar *bad[] = { "export", "--db", db, "-o", csv, NULL };
  const gchar *good[] = { "export", "--db", db, "-o", xlsx, NULL };

  g_assert_cmpint (ct_test_run_chitieu (bad, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, ".xlsx"));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ct_test_run_chitieu (good, &out, &err), ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_EXISTS));
}

/* The core's message for a report that names no locality serves the window;
 * the command line adds its own flags. */
static void
test_import_names_flags (void)
{
  g_autofree gchar *db = g_strdup_printf ("%s/flags.db", ct_test_tmpdir ());
  g_autofree gchar *report = g_strdup_printf ("%s/khong-ten.txt", ct_test_tmpdir ());
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  const gchar *args[] = { "import", "--db", db, report, NULL };

  g_assert_true (g_file_set_contents (report,
    "Năm 2023, tổng sản lượng cây có hạt 900/1.000 tấn, đạt 90% kế hoạch.\n", -1, NULL));
  g_assert_cmpint (ct_test_run_chitieu (args, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "--locality"));
}

/* extract -f text is read by people: one number style, the Vietnamese one
 * ("1.492,9 ha", "11,327 tỷ đồng", "99,5%"), never "1492.9" beside "11.327". */
static void
test_extract_text_numbers (void)
{
  g_autofree gchar *report = g_strdup_printf ("%s/so-lieu.txt", ct_test_tmpdir ());
  g_autofree gchar *out = NULL;
  const gchar *args[] = { "extract", "-f", "text", report, NULL };

  g_assert_true (g_file_set_contents (report,
    "Diện tích ngô vụ xuân 1.492,9/1.500 ha, đạt 99,5% kế hoạch; "
    "thu ngân sách ước đạt 11,327/19,786 tỷ đồng, đạt 57,25% dự toán.\n", -1, NULL));
  g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1.492,9 ha"));
  g_assert_nonnull (strstr (out, "1.500"));
  g_assert_nonnull (strstr (out, "99,5%"));
  g_assert_nonnull (strstr (out, "11,327 tỷ đồng"));
  g_assert_null (strstr (out, "1492.9"));
}

/* chart -i with a word two indicators share lists them instead of
 * silently drawing one of them. */
static void
test_chart_ambiguous_indicator (void)
{
  g_autofree gchar *db = library_with_one_report ("chart-ambiguous");
  g_autofree gchar *png = g_strdup_printf ("%s/lua.png", ct_test_tmpdir ());
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  const gchar *args[] = { "chart", "--db", db, "-i", "lúa", "-o", png, NULL };

  g_assert_cmpint (ct_test_run_chitieu (args, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "NN_DT_LUA"));
  g_assert_nonnull (strstr (err, "NN_SL_LUA"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

/* chitieu runs chart and export in chitieu-render, beside it: without it
 * those two say what is missing and what to do, and the other commands,
 * which never needed it, still work. */
static void
test_render_helper_missing (void)
{
  g_autofree gchar *dir = ct_test_tmp_path ("lone-chitieu");
  g_autofree gchar *lone = g_build_filename (dir, "chitieu", NULL);
  g_autofree gchar *installed = g_build_filename (CT_LIBEXECDIR, "chitieu-render", NULL);
  g_autofree gchar *db = g_build_filename (dir, "lib.db", NULL);
  g_autofree gchar *png = g_build_filename (dir, "c.png", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (ct_test_chitieu_binary ());
  g_autoptr(GFile) to = NULL;
  g_autoptr(GError) error = NULL;
  const gchar *chart[] = { lone, "chart", "--db", db, "-i", "NN_LUONG_THUC", "-o", png, NULL };
  const gchar *list[] = { lone, "list", "--db", db, NULL };
  g_autofree gchar *err = NULL;
  gint status = 0;

  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("chitieu-render is installed where chitieu looks last");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  to = g_file_new_for_path (lone);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (lone, 0700), ==, 0);

  g_assert_true (g_spawn_sync (NULL, (gchar **) chart, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "chitieu-render"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_true (g_spawn_sync (NULL, (gchar **) list, NULL,
                               G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const gchar * const *) a, *(const gchar * const *) b);
}

/* The output of list and compare on the library DB. */
static gchar *
library_output (const gchar *db)
{
  const gchar *list[] = { "list", "--db", db, NULL };
  const gchar *compare[] = { "compare", "--db", db, "--format", "jsonl", NULL };
  g_autofree gchar *listed = NULL;
  g_autofree gchar *compared = NULL;

  g_assert_cmpint (ct_test_run_chitieu (list, &listed, NULL), ==, 0);
  g_assert_cmpint (ct_test_run_chitieu (compare, &compared, NULL), ==, 0);
  return g_strconcat (listed, compared, NULL);
}

/* One command importing every real report (read and extracted on worker
 * threads, written in batches) makes the library that one command per
 * report makes: the same ids, rows and comparison, byte for byte. */
static void
test_import_batch_same_as_one_by_one (void)
{
  g_autofree gchar *seeds = g_build_filename (ct_test_shared_dir (), "seeds", NULL);
  g_autofree gchar *together = ct_test_tmp_path ("together.db");
  g_autofree gchar *apart = ct_test_tmp_path ("apart.db");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (seeds, 0, NULL);
  g_autofree gchar *out_together = NULL;
  g_autofree gchar *out_apart = NULL;
  const gchar *name;

  if (dir == NULL)
    {
      g_test_skip ("no seeds");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_build_filename (seeds, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  g_assert_cmpuint (files->len, >=, 2);

  g_ptr_array_add (args, (gpointer) "import");
  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, together);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (files, i));
  g_ptr_array_add (args, NULL);
  /* A report that names no locality fails in both ways alike. */
  ct_test_run_chitieu ((const gchar * const *) args->pdata, NULL, NULL);
  for (guint i = 0; i < files->len; i++)
    {
      const gchar *one[] = { "import", "--db", apart, g_ptr_array_index (files, i), NULL };

      ct_test_run_chitieu (one, NULL, NULL);
    }

  out_together = library_output (together);
  out_apart = library_output (apart);
  g_assert_cmpuint (strlen (out_together), >, 1000);
  g_assert_cmpstr (out_together, ==, out_apart);
}

/* The real reports and the samples, sorted by path. */
static GPtrArray *
seed_and_sample_files (void)
{
  g_autofree gchar *data = g_path_get_dirname (g_getenv ("CT_TEST_DATA"));
  g_autofree gchar *seeds = g_build_filename (ct_test_shared_dir (), "seeds", NULL);
  g_autofree gchar *samples = g_build_filename (data, "..", "resources", "samples", NULL);
  const gchar *folders[] = { seeds, samples };
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr(GDir) dir = g_dir_open (folders[f], 0, NULL);
      const gchar *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".txt"))
          g_ptr_array_add (files, g_build_filename (folders[f], name, NULL));
    }
  g_ptr_array_sort (files, compare_paths);
  return files;
}

/* Imports files into db with CT_IMPORT_THREADS readers, then gives every
 * report the same import time, the one thing two imports may not share.
 * Returns the command's exit status (1 when a file was refused: a seed
 * that names no locality). */
static gint
import_with_threads (const gchar *db,
                     GPtrArray   *files,
                     const gchar *threads)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  sqlite3 *handle = NULL;
  gint status;

  g_ptr_array_add (args, (gpointer) "import");
  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, (gpointer) db);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (files, i));
  g_ptr_array_add (args, NULL);
  g_setenv ("CT_IMPORT_THREADS", threads, TRUE);
  status = ct_test_run_chitieu ((const gchar * const *) args->pdata, NULL, NULL);
  g_unsetenv ("CT_IMPORT_THREADS");
  g_assert_cmpint (status, <=, 1);

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE report SET imported_at = '2025-07-01T08:30:00Z'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  return status;
}

/* The workbook's parts but the one with the time it was written. */
static GHashTable *
workbook_parts (const gchar *db,
                const gchar *xlsx)
{
  const gchar *args[] = { "export", "--db", db, "-o", xlsx, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMappedFile) file = NULL;
  GHashTable *parts;

  g_assert_cmpint (ct_test_run_chitieu (args, NULL, NULL), ==, 0);
  file = g_mapped_file_new (xlsx, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (file);
  parts = ct_reader_zip_read (bytes, xlsx, NULL, &error);
  g_assert_no_error (error);
  g_hash_table_remove (parts, "docProps/core.xml");
  return parts;
}

/* Reading on one thread or on several makes the same library: the same
 * list, comparison, search hits and workbook, byte for byte. */
static void
test_import_threads_same_output (void)
{
  g_autoptr(GPtrArray) files = seed_and_sample_files ();
  g_autofree gchar *one = ct_test_tmp_path ("one-reader.db");
  g_autofree gchar *many = ct_test_tmp_path ("many-readers.db");
  g_autofree gchar *xlsx_one = ct_test_tmp_path ("one-reader.xlsx");
  g_autofree gchar *xlsx_many = ct_test_tmp_path ("many-readers.xlsx");
  g_autofree gchar *out_one = NULL;
  g_autofree gchar *out_many = NULL;
  g_autoptr(GHashTable) parts_one = NULL;
  g_autoptr(GHashTable) parts_many = NULL;
  GHashTableIter iter;
  gpointer name, bytes;

  if (ct_test_shared_dir () == NULL)
    {
      g_test_skip ("no seeds");
      return;
    }
  g_assert_cmpuint (files->len, >=, 6);
  g_assert_cmpint (import_with_threads (one, files, "1"), ==, import_with_threads (many, files, "5"));

  out_one = library_output (one);
  out_many = library_output (many);
  g_assert_cmpuint (strlen (out_one), >, 1000);
  g_assert_cmpstr (out_one, ==, out_many);
  g_clear_pointer (&out_one, g_free);
  g_clear_pointer (&out_many, g_free);
  {
    const gchar *search_one[] = { "search", "--db", one, "dien tich lua", NULL };
    const gchar *search_many[] = { "search", "--db", many, "dien tich lua", NULL };

    g_assert_cmpint (ct_test_run_chitieu (search_one, &out_one, NULL), ==, 0);
    g_assert_cmpint (ct_test_run_chitieu (search_many, &out_many, NULL), ==, 0);
    g_assert_cmpuint (strlen (out_one), >, 100);
    g_assert_cmpstr (out_one, ==, out_many);
  }

  parts_one = workbook_parts (one, xlsx_one);
  parts_many = workbook_parts (many, xlsx_many);
  g_assert_cmpuint (g_hash_table_size (parts_one), >=, 4);
  g_assert_cmpuint (g_hash_table_size (parts_one), ==, g_hash_table_size (parts_many));
  g_hash_table_iter_init (&iter, parts_one);
  while (g_hash_table_iter_next (&iter, &name, &bytes))
    {
      GBytes *other = g_hash_table_lookup (parts_many, name);

      g_assert_nonnull (other);
      if (!g_bytes_equal (bytes, other))
        g_error ("the workbook's %s differs between one and several readers", (const gchar *) name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help_lists_commands);
  g_test_add_func ("/cli/help-vi", test_help_in_vietnamese);
  g_test_add_func ("/cli/remove", test_remove);
  g_test_add_func ("/cli/chart-ambiguous-indicator", test_chart_ambiguous_indicator);
  g_test_add_func ("/cli/render-helper-missing", test_render_helper_missing);
  g_test_add_func ("/cli/import-batch-same-as-one-by-one", test_import_batch_same_as_one_by_one);
  g_test_add_func ("/cli/import-threads-same-output", test_import_threads_same_output);
  g_test_add_func ("/cli/extract-text-numbers", test_extract_text_numbers);
  g_test_add_func ("/cli/export-extension", test_export_extension);
  g_test_add_func ("/cli/import-names-flags", test_import_names_flags);

  return g_test_run ();
}
