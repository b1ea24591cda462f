/* bench-import.c: 1,000 reports (about 60 MB) into a new library
 *
 * Generates the corpus first: each report is a fictional commune's, made by
 * repeating the paragraphs of the demo reports in resources/samples with
 * every figure's digits varied by a seeded generator, each figure line
 * followed by a narrative paragraph (bench/prose-vi.txt) as real reports
 * have between their figures, until it is about 60 kB.
 * Then imports every file as `chitieu import` does (ct_store_import_files:
 * reading and extraction on worker threads, one transaction per report) and
 * prints the seconds (wall and CPU) and the peak resident memory.
 * Goal: under 10 s and under 200 MB. When CT_TEST_POSTGRESQL names a server
 * (make bench runs this through tests/with-postgresql.sh), the same files
 * then go into a PostgreSQL library there, and the comparison is timed on
 * it too, for the two engines side by side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "ct-store-compare.h"
#include "ct-store.h"

#define N_REPORTS     1000
#define REPORT_BYTES  (60 * 1000)
#define GOAL_SECONDS  10.0
#define GOAL_MB       200.0

static const gchar * const samples[] = {
  "song-may-2022.txt", "song-may-2023.txt", "doi-thong-2022.txt", "doi-thong-2023.txt",
};

/* The report's body: lines after its title block, the paragraphs to repeat. */
static gchar **
read_sample (const gchar *name)
{
  g_autofree gchar *path = g_build_filename (CT_SAMPLES_DIR, name, NULL);
  g_autofree gchar *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  return g_strsplit (text, "\n", -1);
}

/* A figure's digits after the first are redrawn: "2.703,5" stays a
 * well-formed Vietnamese number of the same size, with another value. */
static void
append_varied (GString     *out,
               const gchar *line,
               GRand       *rand)
{
  for (const gchar *p = line; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && p > line && g_ascii_isdigit (p[-1]))
        g_string_append_c (out, '0' + g_rand_int_range (rand, 0, 10));
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\n');
}

static gchar *
make_report (guint    index,
             gchar ***bodies,
             gchar  **prose,
             GRand   *rand)
{
  guint n_prose = g_strv_length (prose);
  GString *out = g_string_sized_new (REPORT_BYTES + 4096);
  gchar **body = bodies[index % G_N_ELEMENTS (samples)];
  guint n_lines = g_strv_length (body);

  g_string_append_printf (out, "ỦY BAN NHÂN DÂN XÃ MẪU SỐ %u\n\nBÁO CÁO\n"
                          "Tình hình kinh tế - xã hội 6 tháng đầu năm %u\n\n",
                          index, 2015 + index % 10);
  while (out->len < REPORT_BYTES)
    for (guint i = 6; i < n_lines && out->len < REPORT_BYTES; i++)
      {
        append_varied (out, body[i], rand);
        if (*body[i] != '\0' && n_prose > 0)
          {
            g_string_append (out, prose[g_rand_int_range (rand, 0, n_prose)]);
            g_string_append_c (out, '\n');
          }
      }
  return g_string_free (out, FALSE);
}

static gdouble
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static gdouble
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* Imports every file into a new library at location, then compares every
 * report side by side; prints the figures under the engine's name. */
static gboolean
import_into (const gchar *location,
             GPtrArray   *paths,
             guint64      total,
             const gchar *engine,
             gdouble     *seconds)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_import_request_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  guint n_obs = 0, n_stored = 0;
  gdouble cpu_start = cpu_seconds (), cpu;
  CtStore *store = ct_store_open (location, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(CtImportOptions) options = ct_import_options_new ();

      options->locality = g_strdup_printf ("Xã Mẫu %u", i);
      options->province = g_strdup ("Thanh Lâm");
      options->period = g_strdup ("6 tháng đầu năm");
      options->year = 2015 + i % 10;
      g_ptr_array_add (requests, ct_import_request_new (g_ptr_array_index (paths, i), options));
    }
  results = ct_store_import_files (store, requests, NULL, NULL, NULL, &error);
  if (results == NULL)
    g_error ("%s", error->message);
  for (guint k = 0; k < results->len; k++)
    {
      const CtImportResult *r = g_ptr_array_index (results, k);

      n_obs += r->n_observations;
      n_stored += r->status == CT_IMPORT_NEW;
    }
  *seconds = g_timer_elapsed (timer, NULL);
  cpu = cpu_seconds () - cpu_start;

  /* What the window asks next: every report side by side. */
  {
    g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
    g_autoptr(CtComparison) cmp = NULL;

    g_timer_start (timer);
    cmp = ct_store_compare (store, query, &error);
    if (cmp == NULL)
      g_error ("%s", error->message);
    printf ("compare (%s): %u indicators × %u reports in %.0f ms\n", engine,
            ct_comparison_get_n_rows (cmp), ct_comparison_get_n_columns (cmp),
            g_timer_elapsed (timer, NULL) * 1000);
  }
  ct_store_close (store);

  /* CPU time is printed too: on a busy machine the wall clock says more
   * about the neighbours than about the import. */
  printf ("import (%s): %u reports, %.1f MB of text, %u observations: %.2f s (%.1f MB/s, "
          "%.2f s of CPU on %u cores)\n",
          engine, n_stored, total / 1e6, n_obs, *seconds, total / 1e6 / *seconds, cpu,
          g_get_num_processors ());
  return n_stored == N_REPORTS;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *dir = g_dir_make_tmp ("chitieu-bench-import-XXXXXX", &error);
  g_autofree gchar *db_path = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  gchar **bodies[G_N_ELEMENTS (samples)];
  g_autofree gchar *prose_text = NULL;
  g_auto(GStrv) prose = NULL;
  GRand *rand = g_rand_new_with_seed (20231);
  guint64 total = 0;
  gdouble seconds, rss;
  gboolean ok;

  if (dir == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    bodies[i] = read_sample (samples[i]);
  if (!g_file_get_contents (CT_BENCH_DIR "/prose-vi.txt", &prose_text, NULL, &error))
    g_error ("%s", error->message);
  g_strchomp (prose_text);
  prose = g_strsplit (prose_text, "\n", -1);
  for (guint i = 0; i < N_REPORTS; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("report-%04u.txt", i);
      g_autofree gchar *text = make_report (i, bodies, prose, rand);
      gchar *path = g_build_filename (dir, name, NULL);

      if (!g_file_set_contents (path, text, -1, &error))
        g_error ("%s", error->message);
      total += strlen (text);
      g_ptr_array_add (paths, path);
    }
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    g_strfreev (bodies[i]);
  g_rand_free (rand);

  db_path = g_build_filename (dir, "library.db", NULL);
  ok = import_into (db_path, paths, total, "SQLite", &seconds);
  rss = peak_rss_mb ();
  printf ("import: peak memory %.0f MB (goal < %.0f s, < %.0f MB on SQLite)\n",
          rss, GOAL_SECONDS, GOAL_MB);
  ok = ok && seconds < GOAL_SECONDS && rss < GOAL_MB;

  /* The same reports into a department's server, when there is one
   * (make bench starts a private cluster through tests/with-postgresql.sh). */
  if (g_getenv ("CT_TEST_POSTGRESQL") != NULL)
    {
      g_autofree gchar *server = g_strdup_printf ("%s dbname=postgres",
                                                  g_getenv ("CT_TEST_POSTGRESQL"));
      gdouble pg_seconds;

      ok = import_into (server, paths, total, "PostgreSQL", &pg_seconds) && ok;
      printf ("import: PostgreSQL took %.2f× the time of SQLite\n", pg_seconds / seconds);
    }

  for (guint i = 0; i < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));
  for (const gchar *suffix = ""; suffix != NULL; suffix = *suffix == '\0' ? "-wal" :
       g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree gchar *p = g_strconcat (db_path, suffix, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
  if (!ok)
    printf ("import: GOAL MISSED\n");
  return ok ? 0 : 1;
}
