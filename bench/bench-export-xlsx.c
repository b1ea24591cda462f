/* bench-export-xlsx.c: a large library to Excel in under 3 s
 *
 * Builds a library of 700 localities' annual reports, each measuring every
 * catalogue indicator (about 150,000 observations and a 700 × 200
 * comparison), then times ct_export_xlsx() on it: the comparison query,
 * every observation with its source sentence, the reports and the chart.
 *
 *   bench-export-xlsx [N_REPORTS [OBSERVATIONS_PER_REPORT [LIBRARY]]]
 *
 * With LIBRARY, the library is kept there and reused when it exists, for
 * profiling the export alone (`chitieu export --db LIBRARY`).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <zlib.h>

#include "ct-export-xlsx.h"
#include "ct-reader.h"
#include "ct-store.h"

#define GOAL_SECONDS 3.0

/* Processor time of this process, which other work on the machine does not
 * inflate as it does the wall clock. */
static gdouble
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* One report: a sentence per observation, built from the catalogue's own
 * indicator names and units so that the store matches them. */
static void
import_report (CtStore   *store,
               GPtrArray *indicators,
               guint      report,
               guint      n_per_report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) observations = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_observation_free);
  g_autoptr(CtImportOptions) options = ct_import_options_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(CtImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (gsize));

  g_string_append_printf (text, "Tình hình kinh tế - xã hội năm 2023 của xã Thử Nghiệm %u\n"
                                "I. Kết quả thực hiện các chỉ tiêu\n", report);
  for (guint i = 0; i < n_per_report; i++)
    {
      const CtIndicatorInfo *info = g_ptr_array_index (indicators, i % indicators->len);
      gdouble value = 100 + (report * 37 + i * 11) % 5000;
      gsize start = text->len;
      gsize end;

      g_string_append_printf (text, "%s đạt %.0f %s, bằng %.1f%% kế hoạch",
                              info->name, value, info->unit != NULL ? info->unit : "",
                              80.0 + (report + i) % 40);
      end = text->len;
      g_string_append (text, ". ");
      if (i % 4 == 3)
        g_string_append_c (text, '\n');
      g_array_append_val (spans, start);
      g_array_append_val (spans, end);
    }
  g_string_append_c (text, '\n');

  bytes = g_bytes_new (text->str, text->len);
  docs = ct_reader_read_bytes (bytes, "bao-cao.txt", NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_per_report; i++)
    {
      const CtIndicatorInfo *info = g_ptr_array_index (indicators, i % indicators->len);
      CtDocument *doc = g_ptr_array_index (docs, 0);
      CtObservation *obs;
      gsize start = MIN (g_array_index (spans, gsize, 2 * i), doc->text_len);
      /* The reader may normalise spacing: find the sentence again near
       * where it was written. */
      const gchar *at = strstr (doc->text + start - MIN (start, (gsize) 200), info->name);

      obs = ct_observation_new ();
      obs->kind = CT_KIND_ACHIEVEMENT;
      obs->label = g_strdup (info->name);
      obs->unit = g_strdup (info->unit);
      obs->value = 100 + (report * 37 + i * 11) % 5000;
      obs->rate = 80.0 + (report + i) % 40;
      obs->plan = obs->value / obs->rate * 100;
      obs->rate_computed = obs->rate;
      obs->start = at != NULL ? (gsize) (at - doc->text) : 0;
      obs->end = obs->start + strlen (info->name);
      obs->line = ct_document_line_at (doc, obs->start);
      g_ptr_array_add (observations, obs);
    }
  g_array_unref (spans);

  options->locality = g_strdup_printf ("Thử Nghiệm %u", report);
  options->level = g_strdup ("xã");
  options->province = g_strdup ("Thừa Thiên Huế");
  options->year = 2023;
  options->period = g_strdup ("cả năm");
  result = ct_store_import_document (store, g_ptr_array_index (docs, 0), observations,
                                     options, NULL, &error);
  g_assert_no_error (error);
}

/* The floor of any workbook writer: the workbook's own XML parts, read
 * back out of @xlsx, deflated by zlib alone at the level libxlsxwriter
 * uses (zlib's default). Returns the CPU seconds; the XML's size in *@xml. */
static gdouble
zlib_floor (const gchar *xlsx,
            gsize       *xml)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_byte_array_unref);
  gdouble cpu;

  *xml = 0;
  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, xlsx, 65536) != ARCHIVE_OK)
    g_error ("%s: %s", xlsx, archive_error_string (a));
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      GByteArray *part = g_byte_array_new ();
      guint8 buf[65536];
      la_ssize_t n;

      while ((n = archive_read_data (a, buf, sizeof buf)) > 0)
        g_byte_array_append (part, buf, n);
      *xml += part->len;
      g_ptr_array_add (parts, part);
    }
  archive_read_free (a);

  cpu = cpu_seconds ();
  for (guint i = 0; i < parts->len; i++)
    {
      GByteArray *part = g_ptr_array_index (parts, i);
      uLongf size = compressBound (part->len);
      g_autofree Bytef *out = g_malloc (size);

      if (compress2 (out, &size, part->data, part->len, Z_DEFAULT_COMPRESSION) != Z_OK)
        g_error ("zlib failed");
    }
  return cpu_seconds () - cpu;
}

int
main (int   argc,
      char *argv[])
{
  guint n_reports = argc > 1 ? (guint) atoi (argv[1]) : 700;
  guint n_per_report = argc > 2 ? (guint) atoi (argv[2]) : 215;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *dir = g_dir_make_tmp ("chitieu-bench-XXXXXX", &error);
  g_autofree gchar *db = NULL;
  g_autofree gchar *xlsx = NULL;
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  GStatBuf st = { 0 };
  gdouble setup, seconds, cpu, floor_cpu;
  gsize xml = 0;

  g_assert_no_error (error);
  db = argc > 3 ? g_strdup (argv[3]) : g_build_filename (dir, "library.db", NULL);
  xlsx = g_build_filename (dir, "library.xlsx", NULL);
  store = ct_store_open (db, &error);
  g_assert_no_error (error);
  indicators = ct_store_list_indicators (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, >, 0);

  if (ct_store_is_empty (store))
    for (guint r = 0; r < n_reports; r++)
      import_report (store, indicators, r, n_per_report);
  setup = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  cpu = cpu_seconds ();
  if (!ct_export_xlsx (store, NULL, xlsx, NULL, &error))
    g_error ("export failed: %s", error->message);
  seconds = g_timer_elapsed (timer, NULL);
  cpu = cpu_seconds () - cpu;
  g_stat (xlsx, &st);

  g_print ("export-xlsx: %u observations (%u reports x %u), %u indicators in the catalogue\n",
           n_reports * n_per_report, n_reports, n_per_report, indicators->len);
  g_print ("  library built in %.1f s; workbook %.1f MB written in %.2f s, %.2f s of CPU "
           "(goal < %.0f s): %s\n",
           setup, st.st_size / 1e6, seconds, cpu, GOAL_SECONDS,
           seconds < GOAL_SECONDS ? "PASS" : "FAIL");
  floor_cpu = zlib_floor (xlsx, &xml);
  g_print ("  zlib floor: its %.1f MB of XML through zlib alone take %.2f s of CPU; "
           "the export takes %.1f times that\n", xml / 1e6, floor_cpu, cpu / MAX (floor_cpu, 1e-6));

  g_unlink (xlsx);
  ct_store_close (g_steal_pointer (&store));
  if (argc <= 3)
    {
      g_autofree gchar *wal = g_strconcat (db, "-wal", NULL);
      g_autofree gchar *shm = g_strconcat (db, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (db);
    }
  g_rmdir (dir);
  return seconds < GOAL_SECONDS ? 0 : 1;
}
