/* test-import-kill.c: a process killed in the middle of an import leaves the
 * library exactly as it was before that import
 *
 * The test runs itself as a child ("--child DB") that imports one very large
 * report; the parent kills it with SIGKILL once the write-ahead log shows the
 * transaction writing, then checks PRAGMA integrity_check and that every
 * count is what it was before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "ct-store.h"
#include "ct-test-util.h"

static const gchar *self_path;

/* A report with n numbered paragraphs, each holding one figure. */
static CtDocument *
big_document (const gchar *name,
              guint        n,
              GPtrArray   *observations)
{
  CtDocument *doc = ct_document_new (name, CT_FILE_FORMAT_TEXT);
  GString *text = g_string_new (NULL);
  g_autofree gchar *sum = NULL;

  for (guint i = 0; i < n; i++)
    {
      CtBlock block = { .start = text->len, .line = i + 1, .kind = CT_BLOCK_PARAGRAPH,
                        .part = CT_PART_RESULTS, .section = -1, .table = -1, .row = -1,
                        .footnote = -1 };
      CtObservation *obs = ct_observation_new ();
      gsize at;

      g_string_append_printf (text, "Đàn trâu của xã số %u đạt ", i);
      at = text->len;
      g_string_append_printf (text, "%u/%u con, đạt %u%% kế hoạch. Đường giao thông được sửa chữa.",
                              1000 + i, 1100 + i, 90 + i % 10);
      block.end = text->len;
      g_array_append_val (doc->blocks, block);
      g_string_append_c (text, '\n');

      obs->kind = CT_KIND_ACHIEVEMENT;
      obs->label = g_strdup_printf ("Đàn trâu của xã số %u", i);
      obs->value = 1000 + i;
      obs->plan = 1100 + i;
      obs->rate = 90 + i % 10;
      obs->unit = g_strdup ("con");
      obs->start = at;
      obs->end = at + 10;
      obs->line = i + 1;
      g_ptr_array_add (observations, obs);
    }
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);
  g_strlcpy (doc->sha256, sum, sizeof doc->sha256);
  g_free (doc->text);
  doc->text_len = text->len;
  doc->text = g_string_free (text, FALSE);
  return doc;
}

static CtImportResult *
import_big (CtStore     *store,
            const gchar *locality,
            guint        n,
            GError     **error)
{
  g_autoptr(GPtrArray) obs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_observation_free);
  g_autofree gchar *name = g_strdup_printf ("%s.txt", locality);
  g_autoptr(CtDocument) doc = big_document (name, n, obs);
  g_autoptr(CtImportOptions) options = ct_import_options_new ();

  options->locality = g_strdup (locality);
  options->province = g_strdup ("Thanh Lâm");
  options->year = 2023;
  options->period = g_strdup ("cả năm");
  return ct_store_import_document (store, doc, obs, options, NULL, error);
}

/* The child: says it is starting, then imports a report big enough that its
 * transaction spills pages into the WAL long before it commits. */
static int
run_child (const gchar *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = ct_store_open (db, &error);
  g_autoptr(CtImportResult) result = NULL;

  if (store == NULL)
    return 3;
  g_print ("start\n");
  fflush (stdout);
  result = import_big (store, "Đồi Thông", 400000, &error);
  g_print ("done\n");
  return result != NULL ? 0 : 4;
}

static gint64
count (sqlite3     *db,
       const gchar *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static const gchar * const counted[] = {
  "SELECT count(*) FROM locality",
  "SELECT count(*) FROM report",
  "SELECT count(*) FROM observation",
  "SELECT sum(n) FROM sentence_span",
  "SELECT count(*) FROM section",
  "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'duong'",
};

static void
snapshot (const gchar *path,
          gint64      *out)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const gchar *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    out[i] = count (db, counted[i]);
  sqlite3_close (db);
}

static goffset
file_size (const gchar *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static void
test_kill_mid_import (void)
{
  g_autofree gchar *path = ct_test_tmp_path ("killed.db");
  g_autofree gchar *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  gint64 before[G_N_ELEMENTS (counted)], after[G_N_ELEMENTS (counted)];
  const gchar *argv[] = { self_path, "--child", path, NULL };
  GPid pid;
  gint out_fd, status;
  g_autoptr(GIOChannel) out = NULL;
  g_autofree gchar *line = NULL;
  goffset wal_start;
  gboolean writing = FALSE;

  /* A library with one report already in it. */
  {
    g_autoptr(CtStore) store = ct_store_open (path, &error);
    g_autoptr(CtImportResult) first = NULL;

    g_assert_no_error (error);
    first = import_big (store, "Sông Mây", 50, &error);
    g_assert_no_error (error);
    g_assert_cmpint (first->status, ==, CT_IMPORT_NEW);
  }
  snapshot (path, before);
  g_assert_cmpint (before[1], ==, 1);
  g_assert_cmpint (before[2], ==, 50);

  g_assert_true (g_spawn_async_with_pipes (NULL, (gchar **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (out, TRUE);
  g_assert_cmpint (g_io_channel_read_line (out, &line, NULL, NULL, &error), ==, G_IO_STATUS_NORMAL);
  g_assert_cmpstr (line, ==, "start\n");

  /* Kill once the uncommitted transaction is visibly writing pages. */
  wal_start = file_size (wal);
  for (guint i = 0; i < 30000 && !writing; i++)
    {
      writing = file_size (wal) > wal_start + 4 * 1024 * 1024;
      if (!writing)
        g_usleep (1000);
    }
  g_assert_true (writing);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  snapshot (path, after);
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    {
      if (before[i] != after[i])
        g_error ("%s: %" G_GINT64_FORMAT " before, %" G_GINT64_FORMAT " after the kill",
                 counted[i], before[i], after[i]);
    }

  /* And the library still works: the interrupted report imports now. */
  {
    g_autoptr(CtStore) store = ct_store_open (path, &error);
    g_autoptr(CtImportResult) again = NULL;

    g_assert_no_error (error);
    again = import_big (store, "Đồi Thông", 200, &error);
    g_assert_no_error (error);
    g_assert_cmpint (again->status, ==, CT_IMPORT_NEW);
    g_assert_cmpuint (again->n_observations, ==, 200);
  }
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();
  g_test_add_func ("/import-kill/kill-mid-import", test_kill_mid_import);
  return g_test_run ();
}
