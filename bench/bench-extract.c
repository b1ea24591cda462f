/* bench-extract.c: extraction throughput against one grep -P pass
 *
 * Generates a corpus of about 40 MB from the demo reports
 * (ct-bench-corpus.c), reads and extracts every file on one core, and
 * prints MB/s for extraction alone and for reading plus extraction, next to
 * the time of one `grep -P` pass over the same files looking for figures
 * with units: the floor of the work. Times are CPU seconds, so a busy
 * machine does not skew them. The goal is 20 MB/s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <sys/resource.h>
#include <time.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "ct-bench-corpus.h"
#include "ct-extract.h"
#include "ct-reader.h"

#define GOAL_MB_S   20.0
#define N_FILES     3000
#define GREP_PATTERN "\\d+(?:[.,]\\d+)*\\s*(?:%|tấn|ha|con|tỷ đồng|triệu đồng)"

/* CPU time of this thread: the measure of work on one core, whatever else
 * the machine is doing. */
static gdouble
thread_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static gdouble
children_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_CHILDREN, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
         ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* One grep -P pass over the corpus; returns its CPU seconds. */
static gdouble
grep_pass (GPtrArray *paths)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gdouble t0;
  gint status = 0;

  g_ptr_array_add (argv, (gpointer) "grep");
  g_ptr_array_add (argv, (gpointer) "-P");
  g_ptr_array_add (argv, (gpointer) "-c");
  g_ptr_array_add (argv, (gpointer) GREP_PATTERN);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (paths, i));
  g_ptr_array_add (argv, NULL);

  t0 = children_seconds ();
  if (!g_spawn_sync (NULL, (gchar **) argv->pdata, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    {
      g_printerr ("bench-extract: grep -P could not run: %s\n", error->message);
      return -1;
    }
  return children_seconds () - t0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *dir = g_dir_make_tmp ("chitieu-bench-XXXXXX", &error);
  g_autoptr(GPtrArray) paths = NULL;
  const gchar *samples = argc > 1 ? argv[1] : CT_SAMPLES_DIR;
  CtExtractor *extractor = ct_extractor_get_default ();
  guint64 bytes = 0, text_bytes = 0;
  guint n_obs = 0;
  gdouble read_s = 0, extract_s = 0, grep_s, mb, mb_s;
  gboolean ok;

  if (dir == NULL)
    {
      g_printerr ("bench-extract: %s\n", error->message);
      return 1;
    }
  paths = ct_bench_corpus_generate (samples, dir, N_FILES, 20240601, &bytes, &error);
  if (paths == NULL)
    {
      g_printerr ("bench-extract: cannot generate the corpus: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      gdouble t0 = thread_seconds (), t1;
      g_autoptr(GPtrArray) docs = ct_reader_read_file (g_ptr_array_index (paths, i), NULL, &error);

      t1 = thread_seconds ();
      read_s += t1 - t0;
      if (docs == NULL)
        {
          g_printerr ("bench-extract: %s\n", error->message);
          return 1;
        }
      for (guint d = 0; d < docs->len; d++)
        {
          const CtDocument *doc = g_ptr_array_index (docs, d);
          g_autoptr(GPtrArray) obs = NULL;

          t0 = thread_seconds ();
          obs = ct_extractor_run (extractor, doc);
          extract_s += thread_seconds () - t0;
          n_obs += obs->len;
          text_bytes += doc->text_len;
        }
    }
  grep_s = grep_pass (paths);

  mb = bytes / 1e6;
  mb_s = mb / extract_s;
  ok = mb_s >= GOAL_MB_S;
  printf ("extract: %u reports, %.1f MB, %u observations\n", paths->len, mb, n_obs);
  printf ("extract: extraction %.2f s = %.1f MB/s (goal %.0f MB/s) %s\n",
          extract_s, mb_s, GOAL_MB_S, ok ? "ok" : "TOO SLOW");
  printf ("extract: reading + extraction %.2f s = %.1f MB/s\n",
          read_s + extract_s, mb / (read_s + extract_s));
  if (grep_s > 0)
    printf ("extract: one grep -P pass %.2f s = %.1f MB/s; extraction takes %.1fx grep\n",
            grep_s, mb / grep_s, extract_s / grep_s);

  for (guint i = 0; i < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));
  g_rmdir (dir);
  return ok ? 0 : 1;
}
