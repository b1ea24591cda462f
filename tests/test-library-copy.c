/* test-library-copy.c: `chitieu library copy` between SQLite and PostgreSQL
 *
 * The five seeds (with a correction and a user alias, so those travel too)
 * go SQLite → PostgreSQL → SQLite; `compare`, `list` and the workbook of
 * `export` must come out byte for byte as from the first library. Needs a
 * server: meson runs it through tests/with-postgresql.sh, which starts a
 * private one and names it in CT_TEST_POSTGRESQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libpq-fe.h>
#include <math.h>
#include <string.h>

#include "ct-error.h"
#include "ct-store.h"
#include "ct-test-util.h"

static const gchar *pg_server;

static gchar *
new_pg_library (const gchar *name)
{
  g_autofree gchar *admin = g_strdup_printf ("%s dbname=postgres", pg_server);
  g_autofree gchar *sql = g_strdup_printf ("CREATE DATABASE %s", name);
  PGconn *conn = PQconnectdb (admin);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  PQfinish (conn);
  return g_strdup_printf ("%s dbname=%s", pg_server, name);
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const gchar * const *) a, *(const gchar * const *) b);
}

static gchar **
seed_paths (void)
{
  g_autofree gchar *dir = g_build_filename (ct_test_shared_dir (), "seeds", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const gchar *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_assert_cmpuint (paths->len, ==, 5);
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  return (gchar **) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}

static gchar *
run_ok (const gchar * const *args)
{
  g_autofree gchar *err = NULL;
  gchar *out = NULL;
  gint status = ct_test_run_chitieu (args, &out, &err);

  if (status != 0)
    g_error ("chitieu %s %s: exit %d: %s", args[0], args[1], status, err);
  return out;
}

/* The seeds, plus a corrected value and a link that makes a user alias. */
static void
fill_library (const gchar *path)
{
  g_auto(GStrv) seeds = seed_paths ();
  const gchar *first[] = { "import", "--db", path, "--locality", "Nam Đông", "--province",
                           "Thừa Thiên Huế", seeds[0], NULL };
  const gchar *rest[] = { "import", "--db", path, seeds[1], seeds[2], seeds[3], seeds[4], NULL };
  g_autofree gchar *out1 = run_ok (first);
  g_autofree gchar *out2 = run_ok (rest);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = ct_store_open (path, &error);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) observations = NULL;
  g_autoptr(CtCorrection) value = ct_correction_new (CT_CORRECTION_VALUE, 1234.5678901234567, NULL);
  g_autoptr(CtCorrection) link = ct_correction_new (CT_CORRECTION_INDICATOR, NAN, "NN_LUONG_THUC");
  CtStoredObservation *first_obs;
  CtStoredObservation *last_obs;

  g_assert_no_error (error);
  reports = ct_store_list_reports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 5);
  observations = ct_store_list_observations (store, ((CtReportInfo *) reports->pdata[0])->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (observations->len, >, 2);
  first_obs = g_ptr_array_index (observations, 0);
  last_obs = g_ptr_array_index (observations, observations->len - 1);
  g_assert_true (ct_store_set_correction (store, first_obs->id, value, &error));
  g_assert_no_error (error);
  g_assert_true (ct_store_set_correction (store, last_obs->id, link, &error));
  g_assert_no_error (error);
}

/* What a user sees of a library, command by command. */
static gchar *
views (const gchar *path)
{
  const gchar *list[] = { "list", "--db", path, NULL };
  const gchar *compare[] = { "compare", "--db", path, NULL };
  const gchar *jsonl[] = { "compare", "--db", path, "--format=jsonl", NULL };
  g_autofree gchar *a = run_ok (list);
  g_autofree gchar *b = run_ok (compare);
  g_autofree gchar *c = run_ok (jsonl);

  return g_strconcat (a, "\n---\n", b, "\n---\n", c, NULL);
}

/* The chart a user draws of one indicator, as SVG text. */
static gchar *
chart_svg (const gchar *path,
           const gchar *name)
{
  g_autofree gchar *svg = ct_test_tmp_path (name);
  const gchar *chart[] = { "chart", "--db", path, "-i", "NN_LUONG_THUC", "-o", svg, NULL };
  g_autofree gchar *out = run_ok (chart);
  gchar *data = NULL;

  g_assert_true (g_file_get_contents (svg, &data, NULL, NULL));
  return data;
}

/* Every part of the workbook but docProps/core.xml, which holds the time
 * the workbook was written. */
static GHashTable *
workbook_parts (const gchar *path,
                const gchar *name)
{
  g_autofree gchar *xlsx = ct_test_tmp_path (name);
  g_autofree gchar *dir = g_strconcat (xlsx, ".d", NULL);
  const gchar *export[] = { "export", "--db", path, "-o", xlsx, NULL };
  g_autofree gchar *out = run_ok (export);
  g_autofree gchar *cmd = g_strdup_printf ("unzip -q -o -d '%s' '%s'", dir, xlsx);
  g_autofree gchar *listing = NULL;
  g_auto(GStrv) files = NULL;
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gint status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_free (cmd);
  cmd = g_strdup_printf ("unzip -Z1 '%s'", xlsx);
  g_assert_true (g_spawn_command_line_sync (cmd, &listing, NULL, &status, NULL));
  files = g_strsplit (g_strstrip (listing), "\n", -1);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree gchar *file = g_build_filename (dir, files[i], NULL);
      gchar *data = NULL;

      if (strcmp (files[i], "docProps/core.xml") == 0)
        continue;
      g_assert_true (g_file_get_contents (file, &data, NULL, NULL));
      g_hash_table_insert (parts, g_strdup (files[i]), data);
    }
  return parts;
}

static void
assert_same_parts (GHashTable *a,
                   GHashTable *b)
{
  GHashTableIter iter;
  gpointer name, data;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &name, &data))
    g_assert_cmpstr (data, ==, g_hash_table_lookup (b, name));
}

static void
test_round_trip (void)
{
  g_autofree gchar *first = ct_test_tmp_path ("dau.db");
  g_autofree gchar *back = ct_test_tmp_path ("ve.db");
  g_autofree gchar *server = new_pg_library ("so_ke_hoach");
  const gchar *there[] = { "library", "copy", first, server, NULL };
  const gchar *home[] = { "library", "copy", server, back, NULL };
  g_autofree gchar *out1 = NULL;
  g_autofree gchar *out2 = NULL;
  g_autofree gchar *view_first = NULL;
  g_autofree gchar *view_server = NULL;
  g_autofree gchar *view_back = NULL;
  g_autoptr(GHashTable) book_first = NULL;
  g_autoptr(GHashTable) book_back = NULL;
  g_autofree gchar *chart_first = NULL;
  g_autofree gchar *chart_server = NULL;

  fill_library (first);
  out1 = run_ok (there);
  g_assert_nonnull (strstr (out1, "5"));
  out2 = run_ok (home);

  view_first = views (first);
  view_server = views (server);
  view_back = views (back);
  g_assert_cmpstr (view_server, ==, view_first);
  g_assert_cmpstr (view_back, ==, view_first);
  /* The corrected value came through to its last digit. */
  g_assert_nonnull (strstr (view_back, "1234.5678901234567"));

  book_first = workbook_parts (first, "dau.xlsx");
  book_back = workbook_parts (back, "ve.xlsx");
  assert_same_parts (book_first, book_back);

  /* The chart is drawn from the server's library as from the file. */
  chart_first = chart_svg (first, "dau.svg");
  chart_server = chart_svg (server, "so.svg");
  g_assert_cmpstr (chart_server, ==, chart_first);
}

/* A library that already holds reports is not copied into, nor changed. */
static void
test_refuses_full_target (void)
{
  g_autofree gchar *from = ct_test_tmp_path ("nguon.db");
  g_autofree gchar *server = new_pg_library ("da_co");
  const gchar *copy[] = { "library", "copy", from, server, NULL };
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  g_autofree gchar *before = NULL;
  g_autofree gchar *after = NULL;

  fill_library (from);
  g_free (run_ok (copy));
  before = views (server);
  g_assert_cmpint (ct_test_run_chitieu (copy, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "empty library"));
  after = views (server);
  g_assert_cmpstr (after, ==, before);
}

static void
skip_without_server (void)
{
  g_test_skip ("needs a PostgreSQL server and the seeds: run it through tests/with-postgresql.sh");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();
  g_setenv ("LANGUAGE", "C", TRUE);
  pg_server = g_getenv ("CT_TEST_POSTGRESQL");

  if (pg_server == NULL || ct_test_shared_dir () == NULL)
    {
      g_test_add_func ("/library-copy/needs-server", skip_without_server);
      return g_test_run ();
    }
  g_test_add_func ("/library-copy/round-trip", test_round_trip);
  g_test_add_func ("/library-copy/refuses-full-target", test_refuses_full_target);
  return g_test_run ();
}
