/* bench-reader.c: a 1 MB report is read in under 250 ms
 *
 * The largest district reports run to about a hundred pages; importing a
 * folder of them should not make the user wait on the reader. The corpus
 * is the demo reports repeated, each copy with its own section numbers, to
 * about 1 MB of text; the figure is the median of several reads, from the
 * bytes to a document with outline, footnotes and metadata.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "ct-reader.h"

#define GOAL_MS     250.0
#define RUNS        15
#define TARGET_SIZE (1024 * 1024)

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  gdouble x = *(const gdouble *) a, y = *(const gdouble *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static GString *
build_corpus (void)
{
  g_autoptr(GDir) dir = g_dir_open (CT_SAMPLES_DIR, 0, NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GString *corpus = g_string_new (NULL);
  const gchar *name;
  guint copy = 0;

  g_assert (dir != NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (CT_SAMPLES_DIR, name, NULL);
      gchar *text = NULL;

      if (g_str_has_suffix (name, ".txt") && g_file_get_contents (path, &text, NULL, NULL))
        g_ptr_array_add (texts, text);
    }
  g_assert (texts->len > 0);

  while (corpus->len < TARGET_SIZE)
    {
      const gchar *text = g_ptr_array_index (texts, copy % texts->len);

      g_string_append_printf (corpus, "\n%u. Phụ lục số %u\n\n", copy + 1, copy + 1);
      g_string_append (corpus, text);
      g_string_append_printf (corpus, "\nSản lượng đạt %u tấn, bằng 98%%¹ kế hoạch.\n\n¹ Ước tính của phụ lục %u.\n",
                              1000 + copy, copy + 1);
      copy++;
    }
  return corpus;
}

int
main (void)
{
  g_autoptr(GString) corpus = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gdouble times[RUNS];
  guint blocks = 0, sections = 0, notes = 0;
  gdouble median;

  setlocale (LC_ALL, "");
  corpus = build_corpus ();
  bytes = g_bytes_new (corpus->str, corpus->len);

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) docs = ct_reader_read_bytes (bytes, "bench.txt", NULL, &error);
      const CtDocument *doc;

      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      if (docs == NULL)
        {
          g_printerr ("bench-reader: %s\n", error->message);
          return 1;
        }
      doc = g_ptr_array_index (docs, 0);
      blocks = doc->blocks->len;
      sections = doc->sections->len;
      notes = doc->footnotes->len;
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  median = times[RUNS / 2];

  g_print ("reader: %.1f MB, %u blocks, %u sections, %u footnotes: median %.1f ms, max %.1f ms (goal < %.0f ms) %s\n",
           corpus->len / (1024.0 * 1024.0), blocks, sections, notes, median, times[RUNS - 1], GOAL_MS,
           median < GOAL_MS ? "OK" : "MISSED");
  return median < GOAL_MS ? 0 : 1;
}
