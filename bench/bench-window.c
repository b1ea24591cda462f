/* bench-window.c: the window with a big library, and a big table scrolling
 *
 * 1. Fills a new library with 2,000 reports (1,000 localities × 2 years, the
 *    demo reports' text under other names), then times the main window from
 *    ct_window_new() to its first painted frame (goal: under 1 s), and to
 *    the frame that shows the default comparison a worker computes.
 *    CT_BENCH_WINDOW_LIBRARY=PATH times it on a copy of that library instead
 *    (bench-library's, kept with CT_BENCH_LIBRARY=PATH: real reports).
 * 2. Shows a comparison of 700 report columns × 200 indicator rows and
 *    scrolls it, down then sideways, one step per frame; the intervals
 *    between frames are read from the GdkFrameClock. A frame "dropped" is an
 *    interval over 1.5 refresh periods. Goal: none dropped.
 *
 * Needs a display (run under xvfb-run); without one it says so and passes.
 * CT_BENCH_WINDOW_SHOTS=DIR saves the first frame and the filled window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "ct-application.h"
#include "ct-compare-view.h"
#include "ct-extract.h"
#include "ct-locale.h"
#include "ct-reader.h"
#include "ct-renderer.h"
#include "ct-screenshot.h"
#include "ct-store.h"
#include "ct-window.h"

#define N_REPORTS         2000
#define N_COLUMNS         700
#define N_ROWS            200
#define SCROLL_FRAMES     150
#define WARM_UP_FRAMES    10   /* frames left alone after the first paint: the
                                * frame clock settles, icons and glyphs load */
#define GOAL_OPEN_SECONDS 1.0

/* The window's own choice of renderer (app/main-window.c does the same
 * before the application starts): part of what the user waits for. */
static gdouble renderer_seconds;

static const gchar * const samples[] = {
  "song-may-2022.txt", "song-may-2023.txt", "doi-thong-2022.txt", "doi-thong-2023.txt",
};

static void
fill_library (const gchar *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = ct_store_open (db, &error);
  GPtrArray *docs[G_N_ELEMENTS (samples)];
  GPtrArray *observations[G_N_ELEMENTS (samples)];
  gint64 start = g_get_monotonic_time ();

  if (store == NULL)
    g_error ("%s", error->message);
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autofree gchar *path = g_build_filename (CT_SAMPLES_DIR, samples[s], NULL);

      docs[s] = ct_reader_read_file (path, NULL, &error);
      if (docs[s] == NULL)
        g_error ("%s", error->message);
      observations[s] = ct_extractor_run (ct_extractor_get_default (), g_ptr_array_index (docs[s], 0));
    }

  for (guint i = 0; i < N_REPORTS; i++)
    {
      guint s = i % G_N_ELEMENTS (samples);
      CtDocument *doc = g_ptr_array_index (docs[s], 0);
      g_autoptr(CtImportOptions) options = ct_import_options_new ();
      g_autoptr(CtImportResult) result = NULL;

      /* Each copy is another file to the store: its own bytes' hash. */
      g_snprintf (doc->sha256, sizeof doc->sha256, "%064x", i + 1);
      options->locality = g_strdup_printf ("Mẫu %03u", i / 2);
      options->level = g_strdup ("xã");
      options->province = g_strdup_printf ("Tỉnh %02u", (i / 2) % 25);
      options->year = 2022 + (gint) (i % 2);
      options->period = g_strdup ("6 tháng đầu năm");
      result = ct_store_import_document (store, doc, observations[s], options, NULL, &error);
      if (result == NULL)
        g_error ("%s", error->message);
    }
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_ptr_array_unref (docs[s]);
      g_ptr_array_unref (observations[s]);
    }
  printf ("window: library of %u reports built in %.1f s\n", N_REPORTS,
          (g_get_monotonic_time () - start) / 1e6);
}

/* A kept library, copied: opening it may upgrade it. */
static void
copy_library (const gchar *from,
              const gchar *to)
{
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dst = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  printf ("window: library %s copied\n", from);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  (void) clock;
  *(gboolean *) user_data = TRUE;
}

static void
wait_painted (GtkWidget *widget)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

/* CT_BENCH_WINDOW_SHOTS=DIR keeps what the user sees: the first frame
 * (the table being compared) and the filled table. */
static void
save_shot (GtkWidget   *widget,
           const gchar *name)
{
  const gchar *dir = g_getenv ("CT_BENCH_WINDOW_SHOTS");
  g_autofree gchar *path = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  texture = ct_screenshot_render (widget);
  if (texture == NULL || !gdk_texture_save_to_png (texture, path))
    g_warning ("The screenshot %s could not be saved", path);
}

static gboolean
bench_open (void)
{
  g_autoptr(CtApplication) app = ct_application_new ();
  g_autoptr(GError) error = NULL;
  CtWindow *window;
  CtComparison *comparison;
  gint64 start;
  gdouble seconds, filled;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  window = ct_window_new (app);
  printf ("window: built (store opened, reports listed, comparison asked for) in %.3f s\n",
          (g_get_monotonic_time () - start) / 1e6);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  wait_painted (GTK_WIDGET (window));
  seconds = (g_get_monotonic_time () - start) / 1e6 + renderer_seconds;
  printf ("window: drawn by %s, chosen in %.3f s\n",
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))), renderer_seconds);
  printf ("window: first frame on %u reports in %.3f s, the renderer's choice included "
          "(goal < %.1f s): %s; %s\n",
          ct_library_sidebar_get_n_reports (ct_window_get_sidebar (window)),
          seconds, GOAL_OPEN_SECONDS, seconds < GOAL_OPEN_SECONDS ? "met" : "MISSED",
          ct_window_get_comparing (window) ? "the table still being compared" : "the table filled");
  save_shot (GTK_WIDGET (window), "window-first-frame.png");

  /* The default comparison, computed by a worker, then drawn. */
  while (ct_window_get_comparing (window))
    g_main_context_iteration (NULL, TRUE);
  wait_painted (GTK_WIDGET (window));
  filled = (g_get_monotonic_time () - start) / 1e6;
  comparison = ct_compare_view_get_comparison (ct_window_get_compare_view (window));
  printf ("window: table of %u columns × %u rows drawn in %.3f s\n",
          comparison != NULL ? ct_comparison_get_n_columns (comparison) : 0,
          comparison != NULL ? ct_comparison_get_n_rows (comparison) : 0, filled);
  save_shot (GTK_WIDGET (window), "window-filled.png");
  gtk_window_destroy (GTK_WINDOW (window));
  return seconds < GOAL_OPEN_SECONDS;
}

/* A comparison as big as the design asks for, with every cell filled. */
static CtComparison *
big_comparison (void)
{
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  CtCompareRow *rows = g_new0 (CtCompareRow, N_ROWS);
  CtCompareColumn *columns = g_new0 (CtCompareColumn, N_COLUMNS);
  CtCompareCell *cells = g_new0 (CtCompareCell, N_ROWS * N_COLUMNS);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  CtComparison *comparison;
  static const gchar * const sectors[] = { "Nông nghiệp", "Công nghiệp", "Tài chính", "Giáo dục", "Y tế" };

  for (guint r = 0; r < N_ROWS; r++)
    {
      gchar *code = g_strdup_printf ("CT_%03u", r);
      gchar *name = g_strdup_printf ("Chỉ tiêu số %u của lĩnh vực", r);

      g_ptr_array_add (strings, code);
      g_ptr_array_add (strings, name);
      rows[r].code = code;
      rows[r].name = name;
      rows[r].sector = (gchar *) sectors[r * G_N_ELEMENTS (sectors) / N_ROWS];
      rows[r].unit = (gchar *) "tấn";
      rows[r].higher_is_better = TRUE;
      rows[r].n_values = N_COLUMNS;
    }
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      gchar *locality = g_strdup_printf ("Xã số %u", c);

      g_ptr_array_add (strings, locality);
      columns[c].report_id = c + 1;
      columns[c].locality_id = c + 1;
      columns[c].locality = locality;
      columns[c].year = 2023;
      columns[c].period = (gchar *) "6 tháng đầu năm";
    }
  for (guint i = 0; i < N_ROWS * N_COLUMNS; i++)
    {
      CtCompareCell *cell = &cells[i];

      cell->observation_id = i + 1;
      cell->value = cell->value_normalized = 1000.0 + (i * 7919 % 100000) / 10.0;
      cell->value_high = NAN;
      cell->unit = (gchar *) "tấn";
      cell->plan = cell->plan_normalized = 2000.0;
      cell->basis = CT_BASIS_PLAN;
      cell->rate = NAN;
      cell->rate_computed = cell->value / cell->plan * 100.0;
      cell->yoy = NAN;
      cell->flags = (i % 37 == 0) ? CT_FLAG_RATE_MISMATCH : 0;
    }
  comparison = ct_comparison_new (query, rows, N_ROWS, columns, N_COLUMNS, cells);
  g_free (rows);
  g_free (columns);
  g_free (cells);
  return comparison;
}

static GtkScrolledWindow *
last_scroller (GtkWidget *widget)
{
  GtkScrolledWindow *found = GTK_IS_SCROLLED_WINDOW (widget) ? GTK_SCROLLED_WINDOW (widget) : NULL;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkScrolledWindow *inner = last_scroller (c);

      if (inner != NULL)
        found = inner;
    }
  return found;
}

typedef struct
{
  GtkAdjustment *v;
  GtkAdjustment *h;
  GArray        *times;  /* gint64 frame times */
  guint          frame;
  guint          warm_up;
  gboolean       done;
} Scroll;

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  Scroll *s = user_data;
  gint64 t = gdk_frame_clock_get_frame_time (clock);

  (void) widget;
  if (s->warm_up < WARM_UP_FRAMES)
    {
      s->warm_up++;
      return G_SOURCE_CONTINUE;
    }
  g_array_append_val (s->times, t);
  if (s->frame < SCROLL_FRAMES)
    gtk_adjustment_set_value (s->v, gtk_adjustment_get_value (s->v) + 45);
  else if (s->frame < 2 * SCROLL_FRAMES)
    gtk_adjustment_set_value (s->h, gtk_adjustment_get_value (s->h) + 95);
  else
    {
      s->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  s->frame++;
  return G_SOURCE_CONTINUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gboolean
bench_scroll (void)
{
  g_autoptr(CtComparison) comparison = big_comparison ();
  GtkWidget *window = gtk_window_new ();
  CtCompareView *view = CT_COMPARE_VIEW (ct_compare_view_new ());
  Scroll s = { 0 };
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkScrolledWindow *scroller;
  GdkMonitor *monitor;
  gint64 start, period, sum = 0, worst = 0;
  guint worst_at = 0;
  guint dropped = 0;
  gdouble shown_in;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  start = g_get_monotonic_time ();
  ct_compare_view_set_comparison (view, comparison);
  gtk_window_present (GTK_WINDOW (window));
  wait_painted (window);
  shown_in = (g_get_monotonic_time () - start) / 1e6;

  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (window),
                                                gtk_native_get_surface (GTK_NATIVE (window)));
  period = monitor != NULL && gdk_monitor_get_refresh_rate (monitor) > 0
           ? (gint64) (1e9 / gdk_monitor_get_refresh_rate (monitor)) : 16667;
  scroller = last_scroller (GTK_WIDGET (view));
  s.v = gtk_scrolled_window_get_vadjustment (scroller);
  s.h = gtk_scrolled_window_get_hadjustment (scroller);
  s.times = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_add_tick_callback (GTK_WIDGET (view), scroll_tick, &s, NULL);
  while (!s.done)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 1; i < s.times->len; i++)
    {
      gint64 d = g_array_index (s.times, gint64, i) - g_array_index (s.times, gint64, i - 1);

      g_array_append_val (intervals, d);
      sum += d;
      if (d > worst)
        {
          worst = d;
          worst_at = i;
        }
      if (d > period * 3 / 2)
        dropped++;
    }
  g_array_sort (intervals, compare_gint64);
  printf ("window: %u×%u comparison shown in %.3f s; after %u quiet frames, scrolled %u frames: mean %.1f ms, "
          "95th %.1f ms, worst %.1f ms (frame %u), %u dropped (over %.1f ms) (goal 0): %s\n",
          N_COLUMNS, N_ROWS, shown_in, WARM_UP_FRAMES, intervals->len,
          intervals->len > 0 ? sum / 1000.0 / intervals->len : 0.0,
          intervals->len > 0 ? g_array_index (intervals, gint64, intervals->len * 95 / 100) / 1000.0 : 0.0,
          worst / 1000.0, worst_at, dropped, period * 1.5 / 1000.0, dropped == 0 ? "met" : "MISSED");
  g_array_unref (s.times);
  gtk_window_destroy (GTK_WINDOW (window));
  return dropped == 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *dir = NULL;
  g_autofree gchar *db = NULL;
  gboolean ok;

  (void) argc;
  (void) argv;
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("window: skipped, no display (run `xvfb-run -a make bench`)\n");
      return 0;
    }
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  ct_locale_init ();
  gtk_init ();
  {
    gint64 start = g_get_monotonic_time ();

    ct_renderer_avoid_software_gl (gdk_display_get_default ());
    renderer_seconds = (g_get_monotonic_time () - start) / 1e6;
  }
  adw_init ();

  dir = g_dir_make_tmp ("chitieu-bench-window-XXXXXX", NULL);
  db = g_build_filename (dir, "library.db", NULL);
  if (g_getenv ("CT_BENCH_WINDOW_LIBRARY") != NULL)
    copy_library (g_getenv ("CT_BENCH_WINDOW_LIBRARY"), db);
  else
    fill_library (db);
  g_setenv ("CHITIEU_DB", db, TRUE);

  ok = bench_open ();
  ok = (g_getenv ("CT_BENCH_WINDOW_OPEN_ONLY") != NULL || bench_scroll ()) && ok;

  {
    g_autofree gchar *wal = g_strconcat (db, "-wal", NULL);
    g_autofree gchar *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return ok ? 0 : 1;
}
